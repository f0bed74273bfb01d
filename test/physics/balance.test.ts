/**
 * Steady state of the left reservoir, F(T_L) = J_in − J_γ − J_ph,N − J_ph,S = 0 (docs/model.md §6), and the features
 * built on it (δT, J_γ maximum, NDTC intervals): checked with the public functions and independent root finding.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  inputPowerForTarget,
  ndtcIntervals,
  phononHeat,
  photonicConductance,
  photonicHeatCurrent,
  photonicMaximum,
  platformDevice,
  solveBalance,
  temperatureDrop,
  type Device,
  type PlatformName,
  type Setup,
} from '../../src/index.js';
import { brent } from '../../src/numerics/roots.js';

const NK = 1e-9; // 1 nK: the accuracy every root is held to
const platforms: PlatformName[] = ['ag', 'inas'];
const setups: Setup[] = [1, 2];

/** F(T_L) from the public quantities (not balanceResidual): T_b is T_R in setup 2, device.Tbath in setup 1. */
function residual(d: Device, Jin: number, TL: number, TR: number, setup: Setup): number {
  const Tb = setup === 2 ? TR : d.Tbath;
  return Jin - photonicHeatCurrent(d, TL, TR) - phononHeat(d.left, TL, Tb).total;
}

/** The single root of F in (T_b, Tc) by Brent, for devices/operating points checked to have one root. */
function soleRoot(d: Device, Jin: number, TR: number, setup: Setup): number {
  const Tb = setup === 2 ? TR : d.Tbath;
  const f = (TL: number): number => residual(d, Jin, TL, TR, setup);
  return brent(f, Tb * (1 + 1e-9), d.left.superconductor.Tc * (1 - 1e-9), { xtol: 1e-13 });
}

describe('solveBalance: roots, round trip, stability, responsivity', () => {
  for (const platform of platforms) {
    for (const setup of setups) {
      const d = platformDevice(platform);
      const cases: [number, number][] = [
        [0.3, 0.01 + (setup === 2 ? 0.04 : 0)],
        [0.5, 0.3],
        [0.7, 0.5],
        [0.5, 0.45],
      ];

      it(`${platform}, setup ${setup}: J_in = inputPowerForTarget(T_L) round-trips to T_L within 1 nK`, () => {
        for (const [TL, TR] of cases) {
          const Jin = inputPowerForTarget(d, TL, TR, setup);
          const sol = solveBalance(d, { Jin, TR, setup });
          expect(sol.exceedsTc).toBe(false);
          const nearest = Math.min(...sol.roots.map((r) => Math.abs(r.TL - TL)));
          expect(nearest, `T_L=${TL}, T_R=${TR}`).toBeLessThan(NK);
        }
      });

      it(`${platform}, setup ${setup}: each root has F ≈ 0, lies in (T_b, Tc), and its stability and dF/dT_L match differences`, () => {
        let checked = 0;
        for (const Jin of [3e-15, 3e-14, 1e-13, 5e-13]) {
          for (const TR of [0.05, 0.2, 0.4, 0.7]) {
            const sol = solveBalance(d, { Jin, TR, setup });
            const Tb = setup === 2 ? TR : d.Tbath;
            for (const r of sol.roots) {
              const label = `J_in=${Jin}, T_R=${TR}, T_L=${r.TL}`;
              expect(r.TL, label).toBeGreaterThan(Tb);
              expect(r.TL, label).toBeLessThan(d.left.superconductor.Tc);
              // |F| within what a 1 nK error in T_L would cause
              expect(Math.abs(residual(d, Jin, r.TL, TR, setup)), label).toBeLessThan(
                Math.abs(r.dF_dTL) * NK,
              );
              // and inputPowerForTarget(T_L) returns J_in to the same accuracy
              expect(Math.abs(inputPowerForTarget(d, r.TL, TR, setup) - Jin), label).toBeLessThan(
                Math.abs(r.dF_dTL) * NK,
              );
              // central difference, h = 1e-6 K: truncation ~h²F‴ and rounding ~ε·J_in/h are ≲ 1e-6 of dF/dT_L
              const h = 1e-6;
              const fd =
                (residual(d, Jin, r.TL + h, TR, setup) - residual(d, Jin, r.TL - h, TR, setup)) / (2 * h);
              expect(r.stable, label).toBe(fd < 0);
              expect(Math.abs(r.dF_dTL - fd), label).toBeLessThan(1e-5 * Math.abs(fd));
              checked++;
            }
          }
        }
        expect(checked).toBeGreaterThanOrEqual(16); // not vacuous: every operating point has a root
      });

      it(`${platform}, setup ${setup}: dT_L/dT_R equals a central difference of the solved T_L(T_R)`, () => {
        for (const [TL, TR] of cases) {
          const Jin = inputPowerForTarget(d, TL, TR, setup);
          const root = solveBalance(d, { Jin, TR, setup }).roots.find((r) => Math.abs(r.TL - TL) < NK)!;
          // h = 1e-4 K: truncation O(h²·T_L‴) ≲ 1e-7 K/K, root error 1e-13 K / h = 1e-9; bound 1e-5·|r| + 1e-6
          const h = 1e-4;
          const near = (T: number): number => {
            const roots = solveBalance(d, { Jin, TR: T, setup }).roots.map((r) => r.TL);
            return roots.reduce((best, x) => (Math.abs(x - TL) < Math.abs(best - TL) ? x : best));
          };
          const fd = (near(TR + h) - near(TR - h)) / (2 * h);
          expect(Math.abs(root.dTL_dTR - fd), `T_L=${TL}, T_R=${TR}`).toBeLessThan(
            1e-5 * Math.abs(fd) + 1e-6,
          );
        }
      });

      it(`${platform}, setup ${setup}: a huge J_in (1 µW) has no root below Tc and says so`, () => {
        const sol = solveBalance(d, { Jin: 1e-6, TR: 0.2, setup });
        expect(sol.exceedsTc).toBe(true);
        expect(sol.roots).toEqual([]);
      });
    }
  }

  it('agrees with an independent Brent solve of F built from the public heat currents (single-root cases)', () => {
    const d = platformDevice('ag');
    for (const setup of setups) {
      for (const [Jin, TR] of [
        [1e-14, 0.1],
        [1e-13, 0.35],
        [4e-13, 0.6],
      ]) {
        const sol = solveBalance(d, { Jin, TR, setup });
        expect(sol.roots.length).toBe(1);
        expect(Math.abs(sol.roots[0].TL - soleRoot(d, Jin, TR, setup))).toBeLessThan(NK);
      }
    }
  });

  it('more power, hotter T_L (fast-check on single-root operating points, 25 runs)', () => {
    const d = platformDevice('inas');
    fc.assert(
      fc.property(
        fc.double({ min: -15, max: -12, noNaN: true }),
        fc.double({ min: 0.01, max: 0.999, noNaN: true }),
        fc.double({ min: 0.02, max: 0.8, noNaN: true }),
        fc.constantFrom<Setup>(1, 2),
        (lj, factor, TR, setup) => {
          const Jin = 10 ** lj;
          const a = solveBalance(d, { Jin: Jin * factor, TR, setup });
          const b = solveBalance(d, { Jin, TR, setup });
          fc.pre(a.roots.length === 1 && b.roots.length === 1);
          return a.roots[0].TL < b.roots[0].TL;
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('solveBalance: a steady state at or below the bath is flagged, not silently missed', () => {
  const d = { ...platformDevice('ag'), Tbath: 0.1 };
  it('T_R below the bath and J_in < J_γ(T_bath, T_R): no root in (T_bath, Tc), belowBath set', () => {
    const TR = 0.01;
    // F(T_bath) = J_in − J_γ(T_bath, T_R) (no phonon heat at the bath): negative below this J_in.
    const drawn = photonicHeatCurrent(d, d.Tbath, TR);
    const below = solveBalance(d, { Jin: 0.5 * drawn, TR, setup: 1 });
    expect(below).toMatchObject({ roots: [], exceedsTc: false, belowBath: true });
    expect(residual(d, 0.5 * drawn, d.Tbath, TR, 1)).toBeLessThan(0);
    // Just above it, the left reservoir sits just above the bath: one root, no flag.
    const above = solveBalance(d, { Jin: 2 * drawn, TR, setup: 1 });
    expect(above.belowBath).toBe(false);
    expect(above.roots).toHaveLength(1);
    expect(above.roots[0].TL).toBeGreaterThan(d.Tbath);
    expect(Math.abs(residual(d, 2 * drawn, above.roots[0].TL, TR, 1))).toBeLessThan(1e-6 * drawn);
  });
  it('no heating with T_R = T_bath (the equilibrium at the bath): belowBath; heated or a hotter right: not', () => {
    expect(solveBalance(platformDevice('ag'), { Jin: 0, TR: 0.3, setup: 2 })).toMatchObject({
      roots: [],
      belowBath: true,
    });
    expect(solveBalance(platformDevice('ag'), { Jin: 1e-21, TR: 0.3, setup: 2 }).belowBath).toBe(false);
    const hotRight = solveBalance(platformDevice('ag'), { Jin: 0, TR: 0.3, setup: 1 });
    expect(hotRight.belowBath).toBe(false);
    expect(hotRight.roots.length).toBeGreaterThan(0);
  });
});

describe('temperatureDrop', () => {
  for (const platform of platforms) {
    for (const setup of setups) {
      it(`${platform}, setup ${setup}: δT ≥ 0, T_L,min ≤ T_L0, and the minimum agrees with a 41-point grid`, () => {
        const d = platformDevice(platform);
        const Jin = inputPowerForTarget(d, 0.5, 0.01, setup);
        const drop = temperatureDrop(d, Jin, setup, 0.01, 0.8);
        expect(drop.deltaT).toBeGreaterThanOrEqual(0);
        expect(drop.TLmin).toBeLessThanOrEqual(drop.TL0);
        expect(drop.deltaT).toBeCloseTo(drop.TL0 - drop.TLmin, 15);
        expect(Math.abs(drop.TL0 - 0.5)).toBeLessThan(NK);
        // Grid of T_R with spacing 19.75 mK, T_L by independent Brent solves (single root checked at the start).
        expect(solveBalance(d, { Jin, TR: 0.01, setup }).roots.length).toBe(1);
        const TLs = Array.from({ length: 41 }, (_, i) => soleRoot(d, Jin, 0.01 + (0.79 * i) / 40, setup));
        const k = TLs.indexOf(Math.min(...TLs));
        const gridMin = { TR: 0.01 + (0.79 * k) / 40, TL: TLs[k] };
        // The reported minimum is attained: T_L solved at T_R = TRatMin is TLmin.
        expect(Math.abs(soleRoot(d, Jin, drop.TRatMin, setup) - drop.TLmin)).toBeLessThan(NK);
        // It is no higher than any grid point (1 nK slack), and below the grid minimum by at most what the
        // curvature allows between grid points: spacing²·T_L″/8 = |second difference|/8 (×2 for the variation
        // of T_L″ over the neighbouring intervals).
        expect(drop.TLmin).toBeLessThanOrEqual(gridMin.TL + NK);
        if (k > 0 && k < 40) {
          const secondDifference = Math.abs(TLs[k + 1] - 2 * TLs[k] + TLs[k - 1]);
          expect(gridMin.TL - drop.TLmin).toBeLessThanOrEqual((2 * secondDifference) / 8 + NK);
        }
        expect(Math.abs(drop.TRatMin - gridMin.TR)).toBeLessThanOrEqual(0.79 / 40);
      });
    }
  }
});

describe('photonicMaximum and ndtcIntervals against dense grids', () => {
  const d = platformDevice('ag');
  const TL = 0.5;
  const grid = Array.from({ length: 981 }, (_, i) => 0.01 + (0.49 * i) / 980); // 0.5 mK spacing

  it('photonicMaximum is the grid maximum, refined: J ≥ every grid value, T_R within one spacing, κ = 0 there', () => {
    const m = photonicMaximum(d, TL, 0.01, 0.5);
    let best = { TR: 0, J: -Infinity };
    for (const TR of grid) {
      const J = photonicHeatCurrent(d, TL, TR);
      if (J > best.J) best = { TR, J };
    }
    expect(m.J).toBeGreaterThanOrEqual(best.J * (1 - 1e-14));
    expect(Math.abs(m.TR - best.TR)).toBeLessThanOrEqual(0.49 / 980);
    expect(Math.abs(photonicConductance(d, TL, m.TR))).toBeLessThan(1e-9 * (m.J / m.TR));
  });

  it('ndtcIntervals: κ_γ < 0 on the grid exactly inside the intervals (up to one spacing at the ends), κ = 0 at inner ends', () => {
    for (const chi of [0.5, 2, 5]) {
      const dc = {
        ...d,
        right: { ...d.right, junction: { ...d.right.junction, area: chi * d.left.junction.area } },
      };
      const intervals = ndtcIntervals(dc, TL, 0.01, 0.5);
      expect(intervals.length).toBeGreaterThan(0);
      const scale = photonicHeatCurrent(dc, TL, 0.3) / 0.3;
      for (const { from, to } of intervals) {
        expect(to).toBeGreaterThan(from);
        for (const end of [from, to]) {
          if (end > 0.01 && end < 0.5)
            expect(Math.abs(photonicConductance(dc, TL, end)), `χ=${chi}`).toBeLessThan(1e-9 * scale);
        }
      }
      const spacing = 0.49 / 980;
      for (const TR of grid) {
        const inside = intervals.some(({ from, to }) => TR > from && TR < to);
        const nearEnd = intervals.some(
          ({ from, to }) => Math.abs(TR - from) < spacing || Math.abs(TR - to) < spacing,
        );
        if (nearEnd) continue;
        expect(photonicConductance(dc, TL, TR) < 0, `χ=${chi}, T_R=${TR}`).toBe(inside);
      }
    }
  });
});
