/** The explorer's src/device-file/libraries.ts (vite.config.ts): the libraries bundled into the page. */
import { Ajv } from 'ajv';
import { parseDocument, stringify } from 'yaml';
import type { AjvLibrary, GeneratedValidator, YamlLibrary } from '../src/device-file/libraries.js';

export const ajvLibrary = (): AjvLibrary => ({ Ajv });
export const yamlLibrary = (): YamlLibrary => ({ parseDocument, stringify });
/** The page compiles the schema it bundles (ajv is in the bundle anyway). */
export const generatedValidator = (): GeneratedValidator | undefined => undefined;
