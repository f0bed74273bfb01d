/** Device files from disk: the parser of parse.ts with the published schema, read once. */
import { readFileSync } from 'node:fs';
import { InputError, type Device } from '../index.js';
import { parseDeviceText as parseWithSchema, type DeviceSchema } from './parse.js';

/** The JSON Schema editors validate with; the loader validates with the same file. */
export const DEVICE_SCHEMA_URL = new URL('../../schema/device.schema.json', import.meta.url);

let schema: DeviceSchema | undefined;

export function deviceSchema(): DeviceSchema {
  schema ??= JSON.parse(readFileSync(DEVICE_SCHEMA_URL, 'utf8')) as DeviceSchema;
  return schema;
}

/** Parse device-file text; `source` names the file in error messages. */
export function parseDeviceText(text: string, source: string): Device {
  return parseWithSchema(text, source, deviceSchema());
}

/** Read a device file (.yaml, .yml or .json; YAML is a superset of JSON) and return the SI device. */
export function loadDeviceFile(path: string): Device {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError('--device', path, 'a readable YAML or JSON device file (see docs/devices.md)');
  }
  return parseDeviceText(text, path);
}
