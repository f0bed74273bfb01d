/**
 * The γ family of J_ph,S tables (src/physics/data/phonon-ratio-family.json): ρ for any γ in
 * [1e-6, 1e-1] against the independent references of test/fixtures/phonon-family.json (random γ, T_e, T_b
 * with a fixed seed, written by test/fixtures/generate_references.py), against the per-γ tables where
 * those exist, and the library's switch to it once loaded.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { brent } from '../../src/numerics/roots.js';
import {
  FAMILY_GAMMA_RANGE,
  phononHeatNormal,
  phononHeatSuperconductorDirect,
  photonicHeatCurrent,
  platformDevice,
  solveBalance,
  withJunctionParameters,
  TABULATED_PHONON_GAMMAS,
  hasPhononTable,
  loadPhononFamily,
  phononHeatSuperconductor,
} from '../../src/index.js';
import { phononFamilyLookup, phononTableLookup } from '../../src/physics/electron-phonon-table.js';

/** A reference J_ph,S (W) and ρ = J_ph,S / Σ_S V_S (T_e⁵ − T_b⁵), with the reference's own error in ρ. */
interface FamilyReference {
  Te: number;
  Tb: number;
  Tc: number;
  gamma: number;
  Sigma: number;
  volume: number;
  J: number;
  normalStateJ: number;
  rho: number;
  rhoAbsError: number;
}
const references = (
  JSON.parse(readFileSync('test/fixtures/phonon-family.json', 'utf8')) as { points: FamilyReference[] }
).points;

/** Stated accuracy of the family (docs/accuracy.md): |Δρ| ≤ FAMILY_TOLERANCE · max(1, |ρ|). */
const FAMILY_TOLERANCE = 2e-6;
/** … and for γ ≥ 1e-4, where the kernel's e′ rule resolves the width-γΔ features fully. */
const FAMILY_TOLERANCE_ABOVE_1E4 = 1e-7;
const scaled = (error: number, rho: number): number => Math.abs(error) / Math.max(1, Math.abs(rho));

describe('J_ph,S for any γ: the γ family', () => {
  it("not loaded, and without Node's fs (a browser), other γ take the direct path; under Node the first lookup reads it", () => {
    expect(hasPhononTable(2e-4)).toBe(false);
    const { getBuiltinModule } = process;
    Object.assign(process, { getBuiltinModule: undefined });
    try {
      expect(phononTableLookup(2e-4, 0.4, 0.1)).toBeUndefined();
      expect(hasPhononTable(2e-4)).toBe(false);
    } finally {
      Object.assign(process, { getBuiltinModule });
    }
    for (const g of TABULATED_PHONON_GAMMAS) expect(hasPhononTable(g)).toBe(true);
    expect(phononTableLookup(2e-4, 0.4, 0.1)).toBeDefined();
    expect(hasPhononTable(2e-4)).toBe(true);
  });

  const label = (c: FamilyReference): string => `γ=${c.gamma}, T_e=${c.Te} K, T_b=${c.Tb} K`;
  const toleranceOf = (c: FamilyReference): number =>
    c.gamma >= 1e-4 ? FAMILY_TOLERANCE_ABOVE_1E4 : FAMILY_TOLERANCE;

  it('the references span [1e-6, 0.1] in γ, the crossover and T_b close to T_e, with errors ≤ 1/20 of the tolerance', () => {
    const gammas = new Set(references.map((c) => c.gamma));
    expect(gammas.size).toBeGreaterThanOrEqual(8);
    for (const g of gammas) {
      expect(g).toBeGreaterThanOrEqual(FAMILY_GAMMA_RANGE[0]);
      expect(g).toBeLessThanOrEqual(FAMILY_GAMMA_RANGE[1]);
    }
    expect([...gammas].some((g) => g < 1e-5)).toBe(true);
    expect([...gammas].some((g) => g > 1e-3)).toBe(true);
    expect(references.some((c) => c.Te < 0.18 * c.Tc && c.Tb > 0.95 * c.Te)).toBe(true);
    for (const c of references) {
      expect(c.Tb, label(c)).toBeLessThan(c.Te);
      expect(scaled(c.rhoAbsError, c.rho), label(c)).toBeLessThan(toleranceOf(c) / 20);
    }
  });

  it(`agrees with the references within ${FAMILY_TOLERANCE} of max(1, |ρ|) (${FAMILY_TOLERANCE_ABOVE_1E4} for γ ≥ 1e-4)`, async () => {
    let worst = 0;
    for (const c of references) {
      const rho = await phononFamilyLookup(c.gamma, c.Te / c.Tc, c.Tb / c.Tc);
      expect(rho, label(c)).toBeDefined();
      const e = scaled(rho! - c.rho, c.rho);
      worst = Math.max(worst, e / toleranceOf(c));
      expect(e, `${label(c)}: family ρ ${rho}, reference ${c.rho}`).toBeLessThanOrEqual(toleranceOf(c));
    }
    console.info(`γ family vs reference: worst |Δρ|/max(1,|ρ|) = ${worst.toExponential(2)} × tolerance`);
  });

  it('phononHeatSuperconductor, once the family is loaded, is within the same bound in watts', async () => {
    await loadPhononFamily();
    for (const c of references) {
      const sc = { Tc: c.Tc, gamma: c.gamma, Sigma: c.Sigma, volume: c.volume };
      const J = phononHeatSuperconductor(sc, c.Te, c.Tb);
      const e = Math.abs(J - c.J) / (c.normalStateJ * Math.max(1, Math.abs(c.rho)));
      expect(e, `${label(c)}: library ${J} W, reference ${c.J} W`).toBeLessThanOrEqual(toleranceOf(c));
    }
  });

  it('agrees with the per-γ tables at their γ', async () => {
    for (const gamma of TABULATED_PHONON_GAMMAS) {
      for (let te = 0.01; te <= 0.99; te += 0.0237) {
        for (const v of [0, 0.3, 0.7, 0.95, 0.999]) {
          const family = await phononFamilyLookup(gamma, te, v * te);
          const own = phononTableLookup(gamma, te, v * te)!;
          expect(scaled(family! - own, own), `γ=${gamma} te=${te} v=${v}`).toBeLessThanOrEqual(
            FAMILY_TOLERANCE_ABOVE_1E4,
          );
        }
      }
    }
  });

  it('once loaded, J_ph,S of every γ in range comes from it (no direct quadrature), outside the range not', async () => {
    await loadPhononFamily();
    expect(hasPhononTable(2e-4)).toBe(true);
    expect(hasPhononTable(FAMILY_GAMMA_RANGE[0])).toBe(true);
    expect(hasPhononTable(FAMILY_GAMMA_RANGE[1] * 1.01)).toBe(false);
    const sc = { Tc: 1.2, gamma: 2e-4, Sigma: 3e8, volume: 8e-21 };
    for (const [Te, Tb] of [
      [0.3, 0.01],
      [0.6, 0.55],
      [1.1, 0.2],
    ]) {
      const [te, tb] = [Te / sc.Tc, Tb / sc.Tc];
      const fromTable =
        sc.Sigma * sc.volume * sc.Tc ** 5 * (te ** 5 - tb ** 5) * phononTableLookup(sc.gamma, te, tb)!;
      // the same table value (the direct path differs by ~1e-7 and more), up to the rounding of x⁵
      expect(Math.abs(phononHeatSuperconductor(sc, Te, Tb) / fromTable - 1)).toBeLessThan(1e-14);
    }
  });

  it('in the heat balance: T_L with the family agrees with T_L from the direct J_ph,S within 10 nK', async () => {
    await loadPhononFamily();
    const device = withJunctionParameters(platformDevice('ag'), { gamma: 2.345e-4 });
    const op = { Jin: 100e-15, TR: 0.3, setup: 1 as const };
    const [root] = solveBalance(device, op).roots;
    const Tb = device.Tbath;
    // The same residual with J_ph,S by the direct nested quadrature (about 1 s per evaluation).
    const F = (TL: number): number =>
      op.Jin -
      photonicHeatCurrent(device, TL, op.TR) -
      phononHeatNormal(device.left.normal, TL, Tb) -
      phononHeatSuperconductorDirect(device.left.superconductor, TL, Tb);
    const direct = brent(F, root.TL - 2e-6, root.TL + 2e-6, { xtol: 1e-11 });
    expect(Math.abs(direct - root.TL)).toBeLessThan(1e-8);
  }, 120_000);
});
