/** Device files from disk: the parser of parse.ts with the published schema, read once. */
import { closeSync, constants, existsSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, type Device } from '../index.js';
import { systemCause } from '../io/file-error.js';
import { parseDeviceText as parseWithSchema, type DeviceSchema } from './parse.js';
import { describeValue } from '../physics/device-input.js';

/** The JSON Schema editors validate with; the loader validates with the same file. */
export const DEVICE_SCHEMA_URL = new URL('../../schema/device.schema.json', import.meta.url);

let schema: DeviceSchema | undefined;

export function deviceSchema(): DeviceSchema {
  schema ??= JSON.parse(readFileSync(DEVICE_SCHEMA_URL, 'utf8')) as DeviceSchema;
  return schema;
}

/** Parse device-file text; `source` names the file in error messages. */
export function parseDeviceText(text: string, source = 'device text'): Device {
  if (typeof text !== 'string')
    throw new InputError(
      'parseDeviceText text',
      describeValue(text),
      'the text of a YAML or JSON device file',
    );
  if (typeof source !== 'string')
    throw new InputError(
      'parseDeviceText source',
      describeValue(source),
      'a name for messages, e.g. a file name',
    );
  return parseWithSchema(text, source, deviceSchema());
}

/** The parameter a library caller gave, as an error names it (the CLI names its option instead). */
const PATH_PARAMETER = 'loadDeviceFile path';

/** Largest device file read: a device is a few dozen lines, so anything near this is not one. */
export const DEVICE_FILE_MAX_BYTES = 1 << 20;

/** The extensions of a device file (YAML or JSON), in any case. */
export const DEVICE_FILE_EXTENSION = /\.(ya?ml|json)$/i;

/** The example device file of ndtc's own (examples/, shipped in the package) named like `path`, if any. */
function shippedExample(path: string): string | undefined {
  const name = basename(path);
  if (!/^[\w.-]+\.(ya?ml|json)$/.test(name)) return undefined;
  const shipped = fileURLToPath(new URL(`../../examples/${name}`, import.meta.url));
  return existsSync(shipped) && resolve(path) !== shipped ? shipped : undefined;
}

/**
 * Read a device file (.yaml, .yml or .json; YAML is a superset of JSON) and return the SI device.
 * Only a regular file of at most 1 MiB is read: `/dev/zero`, a FIFO or a directory is refused at
 * once instead of hanging or filling memory. Errors are InputErrors naming the file (and the key);
 * `option` is how the caller's user named it, e.g. the CLI's `--device` (default: this parameter).
 */
export function loadDeviceFile(path: string, option?: string): Device {
  const named = option ?? PATH_PARAMETER;
  const accepted = 'a readable YAML or JSON device file (see docs/devices.md)';
  if (typeof path !== 'string') throw new InputError(named, describeValue(path), accepted);
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer must not block before fstat can refuse it.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const shipped = (error as NodeJS.ErrnoException).code === 'ENOENT' ? shippedExample(path) : undefined;
    // The docs' `--device examples/ag.yaml`, run outside a clone: the installed package has it.
    if (shipped !== undefined)
      throw new InputError(named, path, `a device file; not found, but ndtc ships ${shipped}`);
    throw new InputError(named, path, `${accepted}; ${systemCause(error).words}`);
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new InputError(named, path, `${accepted}; this is not a regular file`);
    // The extensions documented (and those writeDeviceFile's YAML/JSON choice reads): a notes.txt or a
    // results file given by mistake is named as such rather than parsed as YAML. After the file checks,
    // so that a FIFO or /dev/zero is still refused as not a regular file.
    if (!DEVICE_FILE_EXTENSION.test(path))
      throw new InputError(named, path, `a device file named *.yaml, *.yml or *.json (see docs/devices.md)`);
    if (info.size > DEVICE_FILE_MAX_BYTES)
      throw new InputError(named, path, `a device file of at most 1 MiB; this one has ${info.size} bytes`);
    const bytes = Buffer.alloc(info.size);
    let filled = 0;
    while (filled < bytes.length) {
      const n = readSync(fd, bytes, filled, bytes.length - filled, filled);
      if (n === 0) break;
      filled += n;
    }
    return parseWithSchema(bytes.subarray(0, filled).toString('utf8'), path, deviceSchema(), option);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(named, path, `${accepted}; ${systemCause(error).words}`);
  } finally {
    closeSync(fd);
  }
}
