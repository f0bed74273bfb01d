/**
 * Device files in the page. A file (or the `device` of a shared link) is read by the library's own
 * parser against the published schema, so nothing in it is evaluated beyond validated values; the
 * junction sliders then start from the file's values, and a slider that is moved sets that
 * parameter on both reservoirs while everything else keeps the file's values.
 */
import schema from '../schema/device.schema.json' with { type: 'json' };
import { deviceDocument, deviceYaml } from '../src/device-file/document.js';
import { parseDeviceText, type DeviceSchema } from '../src/device-file/parse.js';
import { chiOf, platformDevice, withJunctionParameters, type Device } from '../src/index.js';
import type { ExplorerParams } from './params.js';

export interface LoadedDevice {
  /** File name (or the name saved in a link), shown in the page. */
  name: string;
  device: Device;
}

/** The parameters the junction sliders set, on both reservoirs at once. */
export const SLIDER_DEVICE_KEYS = ['chi', 'c', 'r0', 'gamma', 'Tc'] as const;
type SliderDeviceKey = (typeof SLIDER_DEVICE_KEYS)[number];
export type SliderDeviceValues = Record<SliderDeviceKey, number>;

/** Largest device file the page reads (a full device file is about 1 kB). */
export const MAX_DEVICE_FILE_BYTES = 100_000;

/** Parse and validate device-file text (YAML or JSON); throws the library's InputError. */
export function parseLoadedDevice(text: string, name: string): LoadedDevice {
  return { name, device: parseDeviceText(text, name, schema as DeviceSchema) };
}

/** The slider values that describe `device` (its left reservoir, χ from the areas). */
export function sliderValuesOf(device: Device): SliderDeviceValues {
  const { superconductor, junction } = device.left;
  return {
    chi: chiOf(device),
    c: junction.c,
    r0: junction.r0,
    gamma: superconductor.gamma,
    Tc: superconductor.Tc,
  };
}

/** The device the controls describe: the file's (or platform's) device with the moved sliders applied. */
export function deviceFromParams(p: ExplorerParams): Device {
  const base = p.file?.device ?? platformDevice(p.platform);
  const own = sliderValuesOf(base);
  const moved: Partial<SliderDeviceValues> = {};
  for (const key of SLIDER_DEVICE_KEYS) if (p[key] !== own[key]) moved[key] = p[key];
  return withJunctionParameters(base, moved);
}

/** The slider parameters whose left and right values differ in `device`. */
export function asymmetricKeys(device: Device): SliderDeviceKey[] {
  const { left, right } = device;
  const pairs: [SliderDeviceKey, number, number][] = [
    ['c', left.junction.c, right.junction.c],
    ['r0', left.junction.r0, right.junction.r0],
    ['gamma', left.superconductor.gamma, right.superconductor.gamma],
    ['Tc', left.superconductor.Tc, right.superconductor.Tc],
  ];
  return pairs.filter(([, l, r]) => l !== r).map(([key]) => key);
}

/** What the page says after loading a device. */
export function loadedNotes(loaded: LoadedDevice): string[] {
  const notes = [`device file ${loaded.name} loaded`];
  const differ = asymmetricKeys(loaded.device);
  if (differ.length > 0) {
    notes.push(
      `left and right differ in ${differ.join(', ')}: the sliders show the left values; moving one sets it on both reservoirs`,
    );
  }
  return notes;
}

/** The `device` value of a shared link: the device-file document as JSON (SI values, exact doubles). */
export function deviceQueryValue(loaded: LoadedDevice): string {
  return JSON.stringify(deviceDocument(loaded.device, loaded.name));
}

/** The device of a link's `device` value, or why it is refused. */
export function deviceFromQueryValue(text: string): LoadedDevice | { error: string } {
  try {
    const name = (JSON.parse(text) as { name?: unknown }).name;
    return parseLoadedDevice(text, typeof name === 'string' && name !== '' ? name : 'device in the link');
  } catch (error) {
    return { error: `device: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The current device as a YAML device file (readable by `ndtc … --device FILE`). */
export function savedDeviceText(device: Device, name: string, view: string): string {
  return deviceYaml(
    device,
    `ndtc device file, saved by the ndtc explorer (SI units)\nview: ?${view}\nuse it with e.g. ndtc solve --device ${name}.yaml --Jin 100fW --TR 200mK`,
    name,
  );
}
