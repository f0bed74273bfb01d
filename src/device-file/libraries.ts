/**
 * The YAML and JSON Schema libraries of device files, loaded on first use: together ~0.1 s of CPU to
 * load, which every command would pay at start-up though most read no device file; and the validator
 * the build generates for the shipped schema, which spares ajv and its compile (~0.14 s). The explorer's
 * build replaces this module by web/device-file-libraries.ts, which bundles them.
 */
import { createRequire } from 'node:module';

import type { ValidateFunction } from 'ajv';

/** What device files use of ajv and of yaml. */
export interface AjvLibrary {
  Ajv: typeof import('ajv').Ajv;
}
export type YamlLibrary = Pick<typeof import('yaml'), 'parseDocument' | 'stringify'>;

const require = createRequire(import.meta.url);
let ajv: AjvLibrary | undefined;
let yaml: YamlLibrary | undefined;

export const ajvLibrary = (): AjvLibrary => (ajv ??= require('ajv') as AjvLibrary);
export const yamlLibrary = (): YamlLibrary => (yaml ??= require('yaml') as YamlLibrary);

/** The validator the build generated for the shipped schema, and that schema as JSON text. */
export interface GeneratedValidator {
  validate: ValidateFunction;
  schemaText: string;
}

let generated: GeneratedValidator | null | undefined;

/**
 * The build's validator of schema/device.schema.json (scripts/build-device-validator.mjs writes it
 * beside this module in dist/); undefined where there is none (running from the sources).
 */
export function generatedValidator(): GeneratedValidator | undefined {
  if (generated === undefined) {
    try {
      const validate = require('./device-validator.cjs') as ValidateFunction & { schemaText: string };
      generated = { validate, schemaText: validate.schemaText };
    } catch {
      generated = null;
    }
  }
  return generated ?? undefined;
}
