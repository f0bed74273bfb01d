/** Device files to disk: the YAML of document.ts, written atomically (a reader never sees half a file). */
import { InputError, type Device } from '../index.js';
import { DEVICE_FILE_EXTENSION } from './load.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { checkDeviceInput, refuseUnknownKeys } from '../physics/device-input.js';
import { deviceDocument, deviceYaml } from './document.js';

/** Options of `writeDeviceFile`. */
export interface DeviceFileWriteOptions {
  /** Comment lines at the top of the file (default: one naming ndtc). */
  comment?: string;
  /** The device's `name` field. */
  name?: string;
}

/**
 * Write `device` as a device file at `path`, YAML or, for a `.json` path, JSON (every value explicit, SI with units, the shortest
 * decimal that round-trips: `loadDeviceFile(path)` gives back the same doubles). Temp file + rename,
 * missing parent folders created (as `mkdir -p`); an I/O failure throws a FileError naming the path and
 * the cause.
 *
 * @example
 * writeDeviceFile('my-device.yaml', withChi(platformDevice('ag'), 2), { name: 'Ag, χ = 2' });
 */
export function writeDeviceFile(path: string, device: Device, options: DeviceFileWriteOptions = {}): void {
  if (typeof path !== 'string' || path === '')
    throw new InputError('writeDeviceFile path', String(path), 'a file path (string)');
  // What loadDeviceFile reads back: a file written as device.txt could not be loaded.
  if (!DEVICE_FILE_EXTENSION.test(path))
    throw new InputError('writeDeviceFile path', path, 'a device file named *.yaml, *.yml or *.json');
  checkDeviceInput(device, 'writeDeviceFile device');
  if (options === null || typeof options !== 'object')
    throw new InputError('writeDeviceFile options', String(options), '{ comment?, name? }');
  // A misspelt key (nme) would write the file without it, without a word.
  refuseUnknownKeys(options, ['comment', 'name'], 'writeDeviceFile options.');
  const { comment = 'ndtc device file (SI units)', name } = options;
  if (typeof comment !== 'string')
    throw new InputError('writeDeviceFile comment', String(comment), 'a string');
  if (name !== undefined && typeof name !== 'string')
    throw new InputError('writeDeviceFile name', String(name), 'a string');
  // A .json path gets JSON (a device file may be either; JSON has no comments, so none is written).
  const text = /\.json$/i.test(path)
    ? `${JSON.stringify(deviceDocument(device, name), null, 2)}\n`
    : deviceYaml(device, comment, name);
  writeFileAtomic(path, text);
}
