/**
 * The γ family of J_ph,S tables (src/physics/data/phonon-ratio-family.json): ρ for any γ in
 * [1e-6, 1e-1] against the direct nested quadrature at committed random points, against the per-γ
 * tables where those exist, and the library's switch to it once loaded.
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

interface Check {
  gamma: number;
  te: number;
  tb: number;
  rho: number;
  rho0: number;
}
const checks = (
  JSON.parse(readFileSync('test/fixtures/phonon-family-checks.json', 'utf8')) as { points: Check[] }
).points;

/** Stated accuracy of the family (docs/accuracy.md): |Δρ| ≤ FAMILY_TOLERANCE · max(1, |ρ|). */
const FAMILY_TOLERANCE = 2e-6;
/** … and for γ ≥ 1e-4, where the kernel's e′ rule resolves the width-γΔ features fully. */
const FAMILY_TOLERANCE_ABOVE_1E4 = 1e-7;
const scaled = (error: number, rho: number): number => Math.abs(error) / Math.max(1, Math.abs(rho));

describe('J_ph,S for any γ: the γ family', () => {
  it('is not used before it is loaded: other γ take the direct path', () => {
    expect(hasPhononTable(2e-4)).toBe(false);
    expect(phononTableLookup(2e-4, 0.4, 0.1)).toBeUndefined();
    for (const g of TABULATED_PHONON_GAMMAS) expect(hasPhononTable(g)).toBe(true);
  });

  it(`agrees with the direct quadrature at ${checks.length} committed random points within ${FAMILY_TOLERANCE} of max(1, |ρ|)`, async () => {
    let worst = 0;
    for (const c of checks) {
      const rho = await phononFamilyLookup(c.gamma, c.te, c.tb);
      expect(rho, `γ=${c.gamma} te=${c.te} tb=${c.tb}`).toBeDefined();
      const e = scaled(rho! - c.rho, c.rho);
      worst = Math.max(worst, e);
      expect(e, `γ=${c.gamma} te=${c.te} tb=${c.tb}: family ${rho}, direct ${c.rho}`).toBeLessThanOrEqual(
        c.gamma >= 1e-4 ? FAMILY_TOLERANCE_ABOVE_1E4 : FAMILY_TOLERANCE,
      );
    }
    console.info(`γ family vs direct: worst |Δρ|/max(1,|ρ|) = ${worst.toExponential(2)}`);
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
