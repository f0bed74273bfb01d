/**
 * The validator the build generates for schema/device.schema.json (scripts/build-device-validator.mjs,
 * ajv's standalone code) against ajv compiling the same schema as parse.ts does: the same verdict and
 * the same first error on the example devices and on each of them broken in one place.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';

const tmp = mkdtempSync(join(tmpdir(), 'ndtc-validator-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const schemaText = readFileSync('schema/device.schema.json', 'utf8');
const out = join(tmp, 'device-validator.cjs');
execFileSync(process.execPath, ['scripts/build-device-validator.mjs', out]);
const generated = createRequire(import.meta.url)(out) as ValidateFunction & { schemaText: string };
const compiled = new Ajv({ allErrors: false, strict: false }).compile(JSON.parse(schemaText));

const examples = readdirSync('examples')
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .map((f) => [f, parse(readFileSync(join('examples', f), 'utf8'))] as const);

/** Every way of breaking a document at one place: each key dropped, each value replaced. */
function broken(doc: unknown, path: string[] = []): [string, unknown][] {
  if (doc === null || typeof doc !== 'object') return [];
  const out: [string, unknown][] = [];
  for (const key of Object.keys(doc)) {
    const at = [...path, key].join('.');
    const replace = (value: unknown) => ({ ...(doc as object), [key]: value });
    out.push([`${at} dropped`, Object.fromEntries(Object.entries(doc).filter(([k]) => k !== key))]);
    for (const value of [42, 'ten', null, [], {}, true])
      out.push([`${at} = ${JSON.stringify(value)}`, replace(value)]);
    for (const [what, inner] of broken((doc as Record<string, unknown>)[key], [...path, key]))
      out.push([what, replace(inner)]);
  }
  out.push([`${path.join('.') || '(top)'} + extra key`, { ...(doc as object), extra_key: 1 }]);
  return out;
}

const verdict = (validate: ValidateFunction, data: unknown) => {
  const ok = validate(data);
  return { ok, first: validate.errors?.[0] && { ...validate.errors[0], schemaPath: undefined } };
};

describe('the generated device-file validator', () => {
  it('carries the schema it was made from: the shipped one', () => {
    expect(JSON.parse(generated.schemaText)).toEqual(JSON.parse(schemaText));
  });

  it('is what the built library validates the shipped schema with (no ajv loaded), and any other schema is compiled', () => {
    // The build (npm ci runs it) puts the validator beside dist/device-file/parse.js.
    const script = `
      import { createRequire } from 'node:module';
      import { readFileSync } from 'node:fs';
      const ndtc = await import('./dist/index.js');
      const ajvLoaded = () => Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('/node_modules/ajv/'));
      const text = readFileSync('examples/ag.yaml', 'utf8');
      ndtc.loadDeviceFile('examples/ag.yaml');
      const shipped = ajvLoaded();
      const other = { ...JSON.parse(readFileSync('schema/device.schema.json', 'utf8')), title: 'another' };
      const { parseDeviceText } = await import('./dist/device-file/parse.js');
      parseDeviceText(text, 'ag.yaml', other);
      console.log(JSON.stringify({ shipped, other: ajvLoaded() }));`;
    const result = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(JSON.parse(result)).toEqual({ shipped: false, other: true });
  });

  it('gives ajv’s verdict and first error on every example and every one-place break of them', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
    let invalid = 0;
    for (const [file, doc] of examples) {
      expect(generated(doc), file).toBe(true);
      for (const [what, data] of broken(doc)) {
        const mine = verdict(generated, structuredClone(data));
        expect(mine, `${file}: ${what}`).toEqual(verdict(compiled, structuredClone(data)));
        if (!mine.ok) invalid++;
      }
    }
    expect(invalid).toBeGreaterThan(200);
  });
});
