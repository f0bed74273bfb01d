/**
 * The YAML and JSON Schema libraries of device files, loaded on first use: together ~0.1 s of CPU to
 * load, which every command would pay at start-up though most read no device file. The explorer's
 * build replaces this module by web/device-file-libraries.ts, which bundles them.
 */
import { createRequire } from 'node:module';

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
