/** The device-file schema's numeric bounds are the model's domain (src/physics/domain.ts), not a copy that drifts. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOMAIN } from '../../src/physics/domain.js';

const schema = JSON.parse(
  readFileSync(new URL('../../schema/device.schema.json', import.meta.url), 'utf8'),
) as {
  definitions: Record<string, { properties: Record<string, { minimum?: number; maximum?: number }> }>;
};

describe('schema/device.schema.json', () => {
  it('bounds γ and χ as the domain does', () => {
    const gamma = schema.definitions.superconductor.properties.gamma;
    expect([gamma.minimum, gamma.maximum]).toEqual([DOMAIN.gamma.min, DOMAIN.gamma.max]);
    const chi = schema.definitions.rightReservoir.properties.chi;
    expect([chi.minimum, chi.maximum]).toEqual([DOMAIN.chi.min, DOMAIN.chi.max]);
  });
});
