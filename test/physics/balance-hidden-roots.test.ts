/**
 * Pairs of roots of the heat balance that lie between two scan nodes (no sign change of F at any node):
 * J_in just below a local maximum of G = J_γ + J_ph over T_L, or just above a local minimum. Ag, setup 1,
 * T_R = 0.5 K, where G(T_L) rises to a maximum near 0.231 K, falls to a minimum near 0.293 K and rises
 * again. The extrema are located by golden-section search here and every root by Brent on brackets
 * made from them, from the public quantities (no balance.ts code).
 */
import { describe, expect, it } from 'vitest';
import { brent, minimize } from '../../src/numerics/roots.js';
import { balanceRoots, solveBalance } from '../../src/physics/balance.js';
import { platformDevice } from '../../src/physics/device.js';
import { phononHeat } from '../../src/physics/electron-phonon.js';
import { photonicHeatCurrent } from '../../src/physics/photonic.js';

const ag = platformDevice('ag');
const TR = 0.5;
const Tb = ag.Tbath;
const hi = ag.left.superconductor.Tc * (1 - 1e-12);
const G = (TL: number): number => photonicHeatCurrent(ag, TL, TR) + phononHeat(ag.left, TL, Tb).total;

const max = minimize((x) => -G(x), 0.2, 0.26, { rtol: 1e-12 });
const top = { x: max.x, G: -max.f };
const min = minimize(G, 0.27, 0.32, { rtol: 1e-12 });
const bottom = { x: min.x, G: min.f };

/** The roots of J_in = G on [T_b, x⁺], [x⁺, x⁻], [x⁻, Tc): those brackets where F changes sign. */
function rootsByBrackets(Jin: number): number[] {
  const F = (x: number): number => Jin - G(x);
  const ends = [Tb * (1 + 1e-9), top.x, bottom.x, hi];
  const out: number[] = [];
  for (let k = 0; k + 1 < ends.length; k++) {
    const [a, b] = [ends[k], ends[k + 1]];
    if (F(a) > 0 !== F(b) > 0) out.push(brent(F, a, b, { xtol: 1e-15 }));
  }
  return out;
}

describe('a pair of roots between two scan nodes', () => {
  it('the extrema are where the description says', () => {
    expect(Math.abs(top.x - 0.231)).toBeLessThan(2e-3);
    expect(Math.abs(bottom.x - 0.293)).toBeLessThan(2e-3);
    expect(top.G).toBeGreaterThan(bottom.G);
    expect(bottom.G).toBeGreaterThan(0);
  });

  const cases: [string, number, boolean[]][] = [
    ['just below the maximum (1e-3)', top.G * (1 - 1e-3), [true, false, true]],
    ['just below the maximum (1e-7)', top.G * (1 - 1e-7), [true, false, true]],
    ['just above the minimum (1e-3)', bottom.G * (1 + 1e-3), [true, false, true]],
    ['just above the minimum (1e-7)', bottom.G * (1 + 1e-7), [true, false, true]],
    ['just above the maximum', top.G * (1 + 1e-7), [true]],
    ['just below the minimum', bottom.G * (1 - 1e-7), [true]],
  ];
  for (const [name, Jin, stability] of cases) {
    it(`J_in ${name}: every root, to 1 nK, with its stability`, () => {
      const ref = rootsByBrackets(Jin);
      expect(ref).toHaveLength(stability.length);
      const { roots } = solveBalance(ag, { Jin, TR, setup: 1 });
      expect(roots.map((r) => r.stable)).toEqual(stability);
      roots.forEach((r, i) => expect(Math.abs(r.TL - ref[i])).toBeLessThan(1e-9));
      expect(balanceRoots(ag, { Jin, TR, setup: 1 }).TL).toEqual(roots.map((r) => r.TL));
    });
  }

  it('the pair near the maximum and near the minimum, whichever is asked first', () => {
    // The extremum of G per scan interval is kept per T_R: asking in the other order gives the same roots.
    const TR2 = 0.5 + 1e-9;
    const G2 = (TL: number): number => photonicHeatCurrent(ag, TL, TR2) + phononHeat(ag.left, TL, Tb).total;
    const up = -minimize((x) => -G2(x), 0.2, 0.26, { rtol: 1e-12 }).f;
    const down = minimize(G2, 0.27, 0.32, { rtol: 1e-12 }).f;
    const nearMin = solveBalance(ag, { Jin: down * (1 + 1e-5), TR: TR2, setup: 1 }).roots;
    const nearMax = solveBalance(ag, { Jin: up * (1 - 1e-5), TR: TR2, setup: 1 }).roots;
    expect(nearMin).toHaveLength(3);
    expect(nearMax).toHaveLength(3);
    expect(nearMin[1].TL - nearMin[0].TL).toBeGreaterThan(0.03);
    expect(nearMax[2].TL - nearMax[1].TL).toBeGreaterThan(0.03);
  });
});

describe('a pair of roots just right of a scan node', () => {
  // T_R = 0.51 K: G's minimum (≈ 0.2983 K) lies 3 % of an interval right of the node at 0.2976 K, so
  // |F| is smallest at that node and the pair lies in the interval after it (at 0.5 K, in the one before).
  const TR2 = 0.51;
  const G2 = (TL: number): number => photonicHeatCurrent(ag, TL, TR2) + phononHeat(ag.left, TL, Tb).total;
  const low = minimize(G2, 0.28, 0.32, { rtol: 1e-12 });
  for (const d of [1e-5, 1e-7]) {
    it(`J_in ${d} above the minimum: both roots of the pair, to 1 nK`, () => {
      const Jin = low.f * (1 + d);
      const F = (x: number): number => Jin - G2(x);
      const pair = [brent(F, 0.28, low.x, { xtol: 1e-15 }), brent(F, low.x, 0.32, { xtol: 1e-15 })];
      expect(pair[0]).toBeGreaterThan(0.2976);
      const { roots } = solveBalance(ag, { Jin, TR: TR2, setup: 1 });
      expect(roots).toHaveLength(3);
      expect(Math.abs(roots[1].TL - pair[0])).toBeLessThan(1e-9);
      expect(Math.abs(roots[2].TL - pair[1])).toBeLessThan(1e-9);
      expect(roots.map((r) => r.stable)).toEqual([true, false, true]);
    });
  }
});

describe('pairs of roots just left of a scan node, at a bath of 40 mK', () => {
  // The scan's nodes run from T_bath: at 40 mK G's maximum (≈ 0.2309 K) lies 94 % and its minimum
  // (≈ 0.2931 K) 89 % of the way along their intervals, so the pairs lie before the node nearest them.
  const Tb4 = 0.04;
  const G4 = (TL: number): number => photonicHeatCurrent(ag, TL, TR) + phononHeat(ag.left, TL, Tb4).total;
  const up = minimize((x) => -G4(x), 0.2, 0.26, { rtol: 1e-12 });
  const down = minimize(G4, 0.27, 0.32, { rtol: 1e-12 });
  const cases: [string, number, number][] = [
    ['below the maximum', -up.f * (1 - 1e-7), up.x],
    ['above the minimum', down.f * (1 + 1e-7), down.x],
  ];
  for (const [name, Jin, x] of cases) {
    it(`J_in just ${name}: both roots of the pair, to 1 nK`, () => {
      const F = (T: number): number => Jin - G4(T);
      const pair = [brent(F, x - 0.01, x, { xtol: 1e-15 }), brent(F, x, x + 0.01, { xtol: 1e-15 })];
      const { roots } = solveBalance(ag, { Jin, TR, setup: 1, Tbath: Tb4 });
      expect(roots).toHaveLength(3);
      const found = roots.filter((r) => Math.abs(r.TL - x) < 0.01).map((r) => r.TL);
      expect(found).toHaveLength(2);
      found.forEach((r, i) => expect(Math.abs(r - pair[i])).toBeLessThan(1e-9));
    });
  }
});
