/**
 * Device files in the page. A file (or the `device` of a shared link) is read by the library's own
 * parser against the published schema, so nothing in it is evaluated beyond validated values; the
 * sliders then start from the file's values (each side's own where the sides differ), and a moved
 * slider sets its parameter while everything else keeps the file's values.
 */
import schema from '../schema/device.schema.json' with { type: 'json' };
import { deviceDocument, deviceYaml } from '../src/device-file/document.js';
import { parseDeviceText, type DeviceSchema } from '../src/device-file/parse.js';
import { refuseRealLine } from '../src/physics/device-input.js';
import {
  chiOf,
  formatQuantity,
  InputError,
  platformDevice,
  withChi,
  type Device,
  type Reservoir,
} from '../src/index.js';
import type { ExplorerParams } from './params.js';

export interface LoadedDevice {
  /** File name (or the name saved in a link), shown in the page. */
  name: string;
  device: Device;
}

/** The device parameters the sliders set (c, r0, γ, T_c per side; χ; T_bath). */
export const SLIDER_DEVICE_KEYS = [
  'chi',
  'c',
  'r0',
  'gamma',
  'Tc',
  'cR',
  'r0R',
  'gammaR',
  'TcR',
  'Tbath',
] as const;
type SliderDeviceKey = (typeof SLIDER_DEVICE_KEYS)[number];
export type SliderDeviceValues = Record<SliderDeviceKey, number> & { separate: boolean };

/** Largest device file the page reads (a full device file is about 1 kB). */
export const MAX_DEVICE_FILE_BYTES = 100_000;

/**
 * Parse and validate device-file text (YAML or JSON); throws the library's InputError, also for a real
 * photon line, which the explorer's curves (the paper's ideal lines) would leave out without a word.
 */
export function parseLoadedDevice(text: string, name: string): LoadedDevice {
  const device = parseDeviceText(text, name, schema as DeviceSchema);
  try {
    refuseRealLine(
      device,
      name,
      "no 'line': the explorer draws the paper's ideal lines (real lines: ndtc rectification, …ThroughLine functions)",
    );
  } catch (error) {
    // Named as the file's other errors are ('ag.yaml: left.junction: …'), not 'ag.yaml.line'.
    if (error instanceof InputError) throw new InputError(`${name}: line`, error.value, error.accepted);
    throw error;
  }
  return { name, device };
}

/** The slider values that describe `device`: both sides, χ from the areas, separate where they differ. */
export function sliderValuesOf(device: Device): SliderDeviceValues {
  const { left, right } = device;
  return {
    chi: chiOf(device),
    c: left.junction.c,
    r0: left.junction.r0,
    gamma: left.superconductor.gamma,
    Tc: left.superconductor.Tc,
    cR: right.junction.c,
    r0R: right.junction.r0,
    gammaR: right.superconductor.gamma,
    TcR: right.superconductor.Tc,
    Tbath: device.Tbath,
    separate: asymmetricKeys(device).length > 0,
  };
}

/** The device the controls describe: the file's (or platform's) device with the moved sliders applied. */
export function deviceFromParams(p: ExplorerParams): Device {
  const base = p.file?.device ?? platformDevice(p.platform);
  const own = sliderValuesOf(base);
  // Only moved values are applied, so a file's own values (χ from its areas) stay exact. Without
  // separate sides, the left value holds for both.
  const left: Partial<Record<'c' | 'r0' | 'gamma' | 'Tc', number>> = {};
  const right: typeof left = {};
  for (const k of ['c', 'r0', 'gamma', 'Tc'] as const) {
    const kR = `${k}R` as const;
    const r = p.separate ? p[kR] : p[k];
    if (p[k] !== own[k]) left[k] = p[k];
    if (r !== own[kR]) right[k] = r;
  }
  // Both sides and the bath at once: the library checks every device it is given, and a half-patched
  // one (new left T_c, old bath) may lie outside its domain when the whole does not.
  const patch = (r: Reservoir, v: typeof left): Reservoir => ({
    ...r,
    superconductor: {
      ...r.superconductor,
      ...(v.Tc !== undefined && { Tc: v.Tc }),
      ...(v.gamma !== undefined && { gamma: v.gamma }),
    },
    junction: {
      ...r.junction,
      ...(v.r0 !== undefined && { r0: v.r0 }),
      ...(v.c !== undefined && { c: v.c }),
    },
  });
  const patched: Device = {
    ...base,
    left: patch(base.left, left),
    right: patch(base.right, right),
    Tbath: p.Tbath !== own.Tbath ? p.Tbath : base.Tbath,
  };
  return p.chi !== own.chi ? withChi(patched, p.chi) : patched;
}

/** The junction parameters whose left and right values differ in `device`. */
export function asymmetricKeys(device: Device): ('c' | 'r0' | 'gamma' | 'Tc')[] {
  const { left, right } = device;
  const pairs: ['c' | 'r0' | 'gamma' | 'Tc', number, number][] = [
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
    notes.push(`left and right differ in ${differ.join(', ')}: each side has its own controls`);
  }
  return notes;
}

const sig = (v: number, digits = 3): string => String(Number(v.toPrecision(digits)));

/** One reservoir in words, display units: what the page and the exported image say about it. */
export function describeReservoir(r: Reservoir): string {
  const { superconductor: s, normal: n, junction: j } = r;
  return [
    `T_c ${sig(s.Tc)} K`,
    `γ ${sig(s.gamma, 2)}`,
    `r₀ ${sig(j.r0 * 1e12)} Ω·µm²`,
    `c ${sig(j.c * 1e3)} fF/µm²`,
    `A ${sig(j.area * 1e12)} µm²`,
    `Σ_N ${Number(n.Sigma.toPrecision(2)).toExponential()} W/m³K^${n.n}`,
    `V_N ${sig(n.volume * 1e18)} µm³`,
  ].join(', ');
}

/** The device in words: both reservoirs and the bath. */
export function describeDevice(device: Device): { left: string; right: string; bath: string } {
  return {
    left: describeReservoir(device.left),
    right: describeReservoir(device.right),
    bath: `T_bath ${sig(device.Tbath * 1e3)} mK`,
  };
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

/**
 * The current device as a YAML device file (readable by `ndtc … --device FILE`), its header suggesting a
 * command that runs as written: the view's J_in, a T_R of half the right Tc (inside any device's
 * domain), the file name quoted for a POSIX shell where it needs it.
 */
export function savedDeviceText(device: Device, name: string, view: string, Jin: number): string {
  const TR = Number((device.right.superconductor.Tc / 2).toPrecision(2));
  const arg = (text: string): string => text.replace(/\s+/g, '');
  const command = [
    'ndtc solve --device',
    shellWord(`${name}.yaml`),
    '--Jin',
    arg(formatQuantity(Jin, 'power')),
    '--TR',
    arg(formatQuantity(TR, 'temperature')),
  ].join(' ');
  return deviceYaml(
    device,
    `ndtc device file, saved by the ndtc explorer (SI units)\nview: ?${view}\nuse it with e.g. ${command}`,
    name,
  );
}

/** A word a POSIX shell reads back as `text`: as it is when plain, else in single quotes. */
export function shellWord(text: string): string {
  return /^[\w./+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
