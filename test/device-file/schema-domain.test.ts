/**
 * The device-file schema states the model's domain (src/physics/domain.ts) for γ and χ, not a copy that
 * drifts. It leaves numbers unbounded: the loader's domain check names the accepted range and why in
 * its message (the schema validator's own would say only "must be > 0" for a χ of −2, which 0.001
 * does not satisfy either).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOMAIN } from '../../src/physics/domain.js';
import { parseDeviceText } from '../../src/device-file/load.js';

const schema = JSON.parse(
  readFileSync(new URL('../../schema/device.schema.json', import.meta.url), 'utf8'),
) as {
  definitions: Record<string, { properties: Record<string, { description: string }> }>;
};

describe('schema/device.schema.json', () => {
  it('bounds no number: the loader names the range it accepts', () => {
    expect(JSON.stringify(schema)).not.toMatch(/minimum|maximum/i);
    for (const [yaml, message] of [
      ['right: { chi: -2 }', "right.chi: invalid value '-2': from 0.01 to 100 accepted"],
      ['left: { normal: { n: 0 } }', "left.normal.n: invalid value '0': from 1 to 10 accepted"],
      ['left: { superconductor: { gamma: 0 } }', "gamma: invalid value '0': from 1e-6 to 0.1 accepted"],
      [
        'left: { superconductor: { sommerfeld: -1 } }',
        "sommerfeld: invalid value '-1': a Sommerfeld coefficient from 0.0001 to 1000000",
      ],
    ])
      expect(() => parseDeviceText(`platform: ag\n${yaml}\n`)).toThrow(message);
  });

  it('states the ranges of γ and χ that the domain accepts', () => {
    const gamma = schema.definitions.superconductor.properties.gamma.description;
    expect(gamma).toContain(`accepts ${DOMAIN.gamma.min.toExponential()} to ${DOMAIN.gamma.max}`);
    const chi = schema.definitions.rightReservoir.properties.chi.description;
    expect(chi).toContain(`accepts ${DOMAIN.chi.min} to ${DOMAIN.chi.max}`);
  });
});
