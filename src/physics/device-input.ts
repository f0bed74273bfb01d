/** A Device given to a library function, checked at the boundary: its shape, then its domain. */
import { InputError } from '../errors.js';
import { describeArgument } from '../describe-argument.js';
import type { Device } from './device.js';
import { DEVICE_KEYS, checkDevice, idealLines } from './domain.js';

/** A value as a message shows it: numbers and strings as themselves, other things described (describeArgument). */
export function describeValue(value: unknown): string {
  return typeof value === 'string' ? value : describeArgument(value);
}

/**
 * Throws InputError naming the first key of `object` not in `keys` (`prefix` + key): a misspelt
 * option (`Tbth`, `output`) would otherwise be ignored without a word.
 */
export function refuseUnknownKeys(object: object, keys: readonly string[], prefix: string, note = ''): void {
  for (const [key, value] of Object.entries(object))
    if (!keys.includes(key))
      throw new InputError(
        `${prefix}${key}`,
        describeValue(value),
        `one of the keys ${keys.join(', ')}${note}`,
      );
}

/** Throws InputError unless `device` has the shape and the domain of a Device. */
export function checkDeviceInput(device: unknown, option: string): Device {
  const accepted = "a Device object (SI), e.g. platformDevice('ag') or loadDeviceFile(path)";
  if (device === null || typeof device !== 'object')
    throw new InputError(option, describeValue(device), accepted);
  const d = device as Device;
  for (const side of ['left', 'right'] as const) {
    const r = d[side] as Device['left'] | undefined;
    if (!r || typeof r !== 'object')
      throw new InputError(
        `${option}.${side}`,
        describeValue(r),
        `${accepted}: a reservoir with superconductor, normal, junction`,
      );
    // The part that is missing, named (not the whole reservoir as 'object').
    for (const part of ['superconductor', 'normal', 'junction'] as const)
      if (!r[part] || typeof r[part] !== 'object')
        throw new InputError(
          `${option}.${side}.${part}`,
          describeValue(r[part]),
          `an object { ${DEVICE_KEYS[part].join(', ')} } (SI)`,
        );
  }
  // A misspelt key (Tbth, left.junction.C) would leave the value it meant at its default without a word.
  refuseUnknownKeys(d, DEVICE_KEYS.device, `${option}: `);
  if (d.line !== null && typeof d.line === 'object')
    refuseUnknownKeys(d.line, DEVICE_KEYS.line, `${option}: line.`);
  for (const side of ['left', 'right'] as const) {
    refuseUnknownKeys(d[side], DEVICE_KEYS.reservoir, `${option}: ${side}.`);
    for (const part of ['superconductor', 'normal', 'junction'] as const) {
      refuseUnknownKeys(d[side][part] as object, DEVICE_KEYS[part], `${option}: ${side}.${part}.`);
      for (const [key, value] of Object.entries(d[side][part] as object)) {
        if (typeof value !== 'number')
          throw new InputError(`${option}: ${side}.${part}.${key}`, describeValue(value), 'a number (SI)');
      }
    }
  }
  if (typeof d.Tbath !== 'number')
    throw new InputError(`${option}: Tbath`, describeValue(d.Tbath), 'a number (K)');
  return checkDevice(d, option);
}

/**
 * Refuses a device with a real photon line (`line` with a non-zero element) where the paper's ideal
 * lines are computed: the line would be ignored and the ideal line's numbers given without a word.
 */
export function refuseRealLine(
  device: Device,
  option: string,
  accepted = "no 'line' (the paper's ideal lines); with a line: …ThroughLine functions, lineHeatCurrents, rectification",
): void {
  if (idealLines(device)) return;
  const line = device.line as unknown;
  const shown =
    line !== null && typeof line === 'object'
      ? `inductance ${describeValue((line as { inductance?: unknown }).inductance)} H, resistance ${describeValue((line as { resistance?: unknown }).resistance)} Ω`
      : describeValue(line);
  throw new InputError(`${option}.line`, shown, accepted);
}
