/**
 * The device-file schema states the model's domain (src/physics/domain.ts) for γ and χ, not a copy that
 * drifts. It only bounds them below by 0: the loader's domain check then names the accepted range in its
 * message (the schema validator's own would say only "must be <= 0.1").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOMAIN } from '../../src/physics/domain.js';

const schema = JSON.parse(
  readFileSync(new URL('../../schema/device.schema.json', import.meta.url), 'utf8'),
) as {
  definitions: Record<string, { properties: Record<string, { description: string }> }>;
};

describe('schema/device.schema.json', () => {
  it('states the ranges of γ and χ that the domain accepts', () => {
    const gamma = schema.definitions.superconductor.properties.gamma.description;
    expect(gamma).toContain(`accepts ${DOMAIN.gamma.min.toExponential()} to ${DOMAIN.gamma.max}`);
    const chi = schema.definitions.rightReservoir.properties.chi.description;
    expect(chi).toContain(`accepts ${DOMAIN.chi.min} to ${DOMAIN.chi.max}`);
  });
});
