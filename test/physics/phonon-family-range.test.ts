/**
 * The γ family of J_ph,S tables at the two ends of its range (FAMILY_GAMMA_RANGE, both included): at
 * γ = 1e-6 against the mpmath references of test/fixtures/phonon.json, at γ = 0.1 against the direct nested
 * quadrature; and the cache of tables taken from the family, which must give the same ρ after it has
 * dropped a γ and built it again.
 */
import { describe, expect, it } from 'vitest';
import fixture from '../fixtures/phonon.json' with { type: 'json' };
import { reducedPhononHeatDirect } from '../../src/physics/electron-phonon.js';
import {
  FAMILY_GAMMA_RANGE,
  hasPhononTable,
  loadPhononFamily,
  phononFamilyLookup,
  phononTableLookup,
} from '../../src/physics/electron-phonon-table.js';

/** The family's stated accuracy (docs/accuracy.md): |Δρ| ≤ 2e-6 · max(1, |ρ|). */
const FAMILY_TOLERANCE = 2e-6;

describe('the γ family at the ends of its range', () => {
  it('covers both ends once loaded, and nothing beyond them', async () => {
    await loadPhononFamily();
    const [lo, hi] = FAMILY_GAMMA_RANGE;
    expect(hasPhononTable(lo)).toBe(true);
    expect(hasPhononTable(hi)).toBe(true);
    expect(hasPhononTable(lo * (1 - 1e-12))).toBe(false);
    expect(hasPhononTable(hi * (1 + 1e-12))).toBe(false);
    expect(phononTableLookup(hi * (1 + 1e-12), 0.5, 0.1)).toBeUndefined();
  });

  it("γ = 1e-6: ρ (lookup, and the family alone) within the family's accuracy of the references", async () => {
    await loadPhononFamily();
    const refs = fixture.points.filter((p) => p.gamma === FAMILY_GAMMA_RANGE[0] && p.Tb < p.Te);
    expect(refs.length).toBeGreaterThanOrEqual(2);
    for (const p of refs) {
      const reference = p.J / p.normalStateJ;
      for (const rho of [
        phononTableLookup(p.gamma, p.Te / p.Tc, p.Tb / p.Tc),
        await phononFamilyLookup(p.gamma, p.Te / p.Tc, p.Tb / p.Tc),
      ]) {
        expect(rho, `T_e = ${p.Te} K, T_b = ${p.Tb} K`).toBeDefined();
        expect(Math.abs(rho! - reference) / Math.max(1, Math.abs(reference))).toBeLessThan(FAMILY_TOLERANCE);
      }
    }
  });

  it("γ = 0.1: ρ(0.5, 0.1) (lookup, and the family alone) within the family's accuracy of the direct quadrature", async () => {
    await loadPhononFamily();
    const [gamma, te, tb] = [FAMILY_GAMMA_RANGE[1], 0.5, 0.1];
    const direct = reducedPhononHeatDirect(te, tb, gamma) / (te ** 5 - tb ** 5);
    for (const rho of [phononTableLookup(gamma, te, tb), await phononFamilyLookup(gamma, te, tb)]) {
      expect(rho).toBeDefined();
      expect(Math.abs(rho! - direct) / Math.max(1, Math.abs(direct))).toBeLessThan(FAMILY_TOLERANCE);
    }
  });

  it('a γ taken from the family again after 70 others (its cached table dropped) gives the same ρ', async () => {
    await loadPhononFamily();
    const gamma = 3.3e-5;
    const first = phononTableLookup(gamma, 0.3, 0.2);
    for (let k = 0; k < 70; k++) phononTableLookup(1e-5 * (1 + k / 100), 0.3, 0.2);
    expect(phononTableLookup(gamma, 0.3, 0.2)).toBe(first);
  });
});
