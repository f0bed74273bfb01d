/**
 * The root polish of the heat balance (balance.ts, `polishRoot`): what it costs and how close it gets.
 *
 * It exists for speed: from the root of G's Chebyshev series on the scan interval (within ~1e-9 K of the
 * root) it takes a Newton step with the series' slope on exact F, accepted when it is ≤ 1e-9 K, and
 * secant steps otherwise. Cost: a start e₀ ≲ a few nK from the root and a slope good to ~1e-5 leave
 * e₁ ≲ 1e-5·e₀ + (|F''|/2|F'|)·e₀² ≪ 1e-13 K after the first evaluation, so the next step is below the
 * stopping tolerance: at most 2 evaluations of F per root, and 1 wherever the first step is ≤ 1e-9 K,
 * which is where the series' root is that close (most roots). Accuracy: the stopping tolerance 1e-13 K,
 * plus the shift of J_ph's interval series in setup 1 (≤ 1e-12·J_ph, over |∂F/∂T_L|).
 *
 * F is evaluated through R_L(T_L) (photonic.ts's junctionResistance), once per evaluation; counted here.
 * The scan's node values, G's series and extrema are kept per T_R, so solving a point a second time
 * evaluates F in the polish alone. Points: the paper's maps (T_R 10–800 mK, J_in 1 fW–1 pW, Ag and InAs,
 * setups 1 and 2) on a coarse grid, and Ag's three roots at T_R = 0.7 K. Near a fold the start is
 * further off (the series' error over a small |∂F/∂T_L|) and the secant steps take over: there the cost
 * is compared with Brent's from the same intervals and node values, the method the polish replaces.
 */
import { describe, expect, it, vi } from 'vitest';
import { mapPoints, type MapPoint } from './balance-map-points.js';

const evaluations = { n: 0 };
vi.mock('../../src/physics/photonic.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/physics/photonic.js')>();
  return {
    ...actual,
    junctionResistance: (...args: Parameters<typeof actual.junctionResistance>): number => {
      evaluations.n++;
      return actual.junctionResistance(...args);
    },
  };
});

const { brent } = await import('../../src/numerics/roots.js');
const { balanceResidual, balanceRoots, leftPhononHeat } = await import('../../src/physics/balance.js');
const { platformDevice } = await import('../../src/physics/device.js');
const { scanNodes } = await import('../../src/physics/balance-scan.js');
const { photonicHeatCurrent } = await import('../../src/physics/photonic.js');
const { minimize } = await import('../../src/numerics/roots.js');

const points = mapPoints(12, 8);

interface Solved {
  point: MapPoint;
  roots: number[];
  evaluations: number;
}

// Solved afresh in each test: a mutant is rerun only with the tests that reached it.
const solveAll = (): Solved[] =>
  points.map((point) => {
    const device = platformDevice(point.platform);
    const op = { Jin: point.Jin, TR: point.TR, setup: point.setup };
    balanceRoots(device, op);
    evaluations.n = 0;
    const roots = balanceRoots(device, op).TL;
    return { point, roots, evaluations: evaluations.n };
  });

describe('the root polish', () => {
  it('finds the three roots of the bistable cases', () => {
    expect(solveAll().filter((s) => s.roots.length === 3)).toHaveLength(2);
  });

  // 384 of the 390 roots take one evaluation; 356 did while a step of exactly 0 went to Brent.
  it('costs at most 2 evaluations of F per root, and 1 for at least 95 % of the roots', () => {
    let roots = 0;
    let single = 0;
    for (const s of solveAll()) {
      expect(s.roots.length).toBeGreaterThan(0);
      expect(s.evaluations).toBeLessThanOrEqual(2 * s.roots.length);
      roots += s.roots.length;
      if (s.roots.length === 1 && s.evaluations === 1) single++;
    }
    expect(single).toBeGreaterThanOrEqual(0.95 * roots);
  });

  it('puts each root within 1e-13 K (and J_ph series shift) of Brent on exact F', () => {
    for (const { point, roots } of solveAll()) {
      const device = platformDevice(point.platform);
      const Tb = point.setup === 2 ? point.TR : device.Tbath;
      const F = (x: number): number => balanceResidual(device, point.Jin, x, point.TR, Tb);
      for (const r of roots) {
        const ref = brent(F, r * (1 - 1e-6), r * (1 + 1e-6), { xtol: 1e-16 });
        const h = 1e-6 * r;
        const slope = Math.abs((F(r + h) - F(r - h)) / (2 * h));
        const shift = point.setup === 1 ? (1e-12 * leftPhononHeat(device, r, Tb)) / slope : 0;
        expect(Math.abs(r - ref)).toBeLessThanOrEqual(1e-13 + shift + 8 * Number.EPSILON * r);
      }
    }
  });
});

/**
 * Ag, setup 1, T_R = 0.5 K with the bath moved (bisection) until G's maximum near 0.231 K sits on scan
 * node 20: J_in just below the maximum puts a root in each of the intervals either side of that node,
 * close to the fold, where |∂F/∂T_L| is small.
 */
function foldCase(): { Tb: number; Gmax: number; xmax: number } {
  const TR = 0.5;
  const ag = platformDevice('ag');
  const peak = (Tb: number): { x: number; G: number } => {
    const m = minimize((x) => -(photonicHeatCurrent(ag, x, TR) + leftPhononHeat(ag, x, Tb)), 0.2, 0.26, {
      rtol: 1e-12,
    });
    return { x: m.x, G: -m.f };
  };
  let lo = 0.01;
  let hi = 0.02;
  for (let k = 0; k < 30; k++) {
    const Tb = 0.5 * (lo + hi);
    if (peak(Tb).x > scanNodes(ag, Tb).grid[20]) lo = Tb;
    else hi = Tb;
  }
  const { x, G } = peak(lo);
  return { Tb: lo, Gmax: G, xmax: x };
}

describe('the root polish next to a fold', () => {
  const TR = 0.5;
  const ag = platformDevice('ag');
  for (const d of [1e-4, 1e-5, 1e-6, 1e-7, 1e-8]) {
    it(`J_in = (1 − ${d})·G_max: both roots of the pair, to 1e-13 K and rounding, at under half Brent's cost`, () => {
      const { Tb, Gmax, xmax } = foldCase();
      const Jin = Gmax * (1 - d);
      const op = { Jin, TR, setup: 1 as const, Tbath: Tb };
      balanceRoots(ag, op);
      evaluations.n = 0;
      const roots = balanceRoots(ag, op).TL;
      const cost = evaluations.n;
      const { grid } = scanNodes(ag, Tb);
      const F = (x: number): number => balanceResidual(ag, Jin, x, TR, Tb);
      let brentCost = 0;
      const counted = (x: number): number => {
        brentCost++;
        return F(x);
      };
      expect(roots).toHaveLength(3);
      const pair = roots.filter((r) => Math.abs(r - xmax) < 0.01);
      expect(pair).toHaveLength(2);
      expect(pair[0]).toBeLessThan(grid[20]);
      expect(pair[1]).toBeGreaterThan(grid[20]);
      for (const r of roots) {
        let i = 0;
        while (grid[i + 1] < r) i++;
        // Brent from the root's scan interval, given the node values as the polish is
        const ends = { fa: F(grid[i]), fb: F(grid[i + 1]) };
        brent(counted, grid[i], grid[i + 1], { ...ends, xtol: 1e-13 });
        const ref = brent(F, grid[i], grid[i + 1], { ...ends, xtol: 1e-16 });
        const h = 1e-7 * r;
        const slope = Math.abs((F(r + h) - F(r - h)) / (2 * h));
        // J_ph's series (≤ 1e-12·J_ph) and F's rounding (a few ε of the heat currents) over the slope
        const heat = Jin + Math.abs(photonicHeatCurrent(ag, r, TR)) + leftPhononHeat(ag, r, Tb);
        const bound = 1e-13 + (1e-12 * leftPhononHeat(ag, r, Tb) + 8 * Number.EPSILON * heat) / slope;
        expect(Math.abs(r - ref)).toBeLessThanOrEqual(bound);
      }
      expect(cost).toBeLessThanOrEqual(0.5 * brentCost);
    });
  }
});
