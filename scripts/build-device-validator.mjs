// Writes dist/device-file/device-validator.cjs: the JSON Schema validator of schema/device.schema.json
// as code (ajv's standalone mode), with the schema it was generated from. Reading a device file then
// needs neither ajv itself nor compiling the schema (~0.14 s of CPU together); parse.ts uses it only
// for exactly that schema and compiles any other. `node scripts/build-device-validator.mjs [out]`.
import { readFileSync, writeFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = new URL('..', import.meta.url);
const schemaText = readFileSync(new URL('schema/device.schema.json', root), 'utf8');
const schema = JSON.parse(schemaText);
// The options of parse.ts's own compile, so that both report the same first error.
const ajv = new Ajv({ allErrors: false, strict: false, code: { source: true } });
const validate = ajv.compile(schema);
const code = standaloneCode.default(ajv, validate);
writeFileSync(
  process.argv[2] ?? new URL('dist/device-file/device-validator.cjs', root),
  `${code}\nmodule.exports.schemaText = ${JSON.stringify(JSON.stringify(schema))};\n`,
);
