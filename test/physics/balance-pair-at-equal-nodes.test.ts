/**
 * A pair of roots of the heat balance probed from two scan nodes: F = J_in − G takes the same double at
 * two neighbouring nodes, with G's maximum between them above J_in. Each node is then a local minimum
 * of |F| without a sign change (ties count on both sides), so the pair is searched for from both, and
 * each of its roots is found twice: it must be reported once.
 *
 * Ag, setup 1: G(T_L) has a maximum near 0.23 K between the nodes x_20 ≈ 0.227 K and x_21 ≈ 0.249 K.
 * T_R is bisected until G(x_20) − G(x_21) changes sign between two neighbouring doubles; the bath is
 * stepped by 1e-8 K until J_in − G rounds to the same double at both nodes for a J_in between G there
 * and G's maximum. The roots are checked against a dense scan of F and Brent on each sign change, from
 * the public quantities (no balance.ts root search).
 */
import { describe, expect, it } from 'vitest';
import { brent, minimize } from '../../src/numerics/roots.js';
import { balanceRoots, leftPhononHeat, solveBalance } from '../../src/physics/balance.js';
import { scanNodes } from '../../src/physics/balance-scan.js';
import { platformDevice } from '../../src/physics/device.js';
import { photonicHeatCurrent } from '../../src/physics/photonic.js';

const ag = platformDevice('ag');
const LEFT = 20;

interface Tie {
  Tb: number;
  TR: number;
  Jin: number;
  x: [number, number];
}

/** The first bath 0.01 K + k·1e-8 K with a T_R and J_in that give F the same double at x_20 and x_21. */
function findTie(): Tie | undefined {
  for (let k = 0; k < 200; k++) {
    const Tb = 0.01 + k * 1e-8;
    const { grid } = scanNodes(ag, Tb);
    const x: [number, number] = [grid[LEFT], grid[LEFT + 1]];
    const h = x.map((T) => leftPhononHeat(ag, T, Tb));
    const d = (TR: number): number =>
      photonicHeatCurrent(ag, x[0], TR) + h[0] - (photonicHeatCurrent(ag, x[1], TR) + h[1]);
    let lo = 0.45;
    let hi = 0.5;
    if (!(d(lo) < 0 && d(hi) > 0)) return undefined;
    for (;;) {
      const m = 0.5 * (lo + hi);
      if (m <= lo || m >= hi) break;
      if (d(m) < 0) lo = m;
      else hi = m;
    }
    for (const TR of [lo, hi]) {
      const p = x.map((T) => photonicHeatCurrent(ag, T, TR));
      const G = (T: number): number => photonicHeatCurrent(ag, T, TR) + leftPhononHeat(ag, T, Tb);
      const Gnode = Math.max(p[0] + h[0], p[1] + h[1]);
      const Gmax = -minimize((T) => -G(T), x[0], x[1], { rtol: 1e-12 }).f;
      for (let j = 1; j < 100; j++) {
        const Jin = Gnode + ((Gmax - Gnode) * j) / 100;
        // F at the nodes as the scan forms it: J_in − J_γ − J_ph.
        if (Jin - p[0] - h[0] === Jin - p[1] - h[1]) return { Tb, TR, Jin, x };
      }
    }
  }
  return undefined;
}

/** Every root of F on (T_b, Tc): sign changes on 4000 points geometric in T_L − T_b, then Brent. */
function referenceRoots(tie: Tie): number[] {
  const { Tb, TR, Jin } = tie;
  const F = (T: number): number => Jin - photonicHeatCurrent(ag, T, TR) - leftPhononHeat(ag, T, Tb);
  const hi = ag.left.superconductor.Tc * (1 - 1e-12);
  const n = 4000;
  const xs = Array.from(
    { length: n + 1 },
    (_, i) => Tb + (hi - Tb) * ((Math.exp((4 * i) / n) - 1) / (Math.exp(4) - 1)),
  );
  const fs = xs.map(F);
  const out: number[] = [];
  for (let i = 1; i < n; i++)
    if (fs[i] > 0 !== fs[i + 1] > 0) out.push(brent(F, xs[i], xs[i + 1], { xtol: 1e-15 }));
  return out;
}

describe('a pair of roots probed from two nodes where F is equal', () => {
  const tie = findTie();

  it('the case exists: F is the same double at both nodes and changes sign between them', () => {
    expect(tie).toBeDefined();
    const { Tb, TR, Jin, x } = tie!;
    const F = x.map((T) => Jin - photonicHeatCurrent(ag, T, TR) - leftPhononHeat(ag, T, Tb));
    expect(F[0]).toBe(F[1]);
    expect(F[0]).toBeGreaterThan(0);
    const ref = referenceRoots(tie!);
    expect(ref.filter((r) => r > x[0] && r < x[1])).toHaveLength(2);
  });

  it('each root is reported once, to 1 nK, with its stability', () => {
    const { Tb, TR, Jin } = tie!;
    const ref = referenceRoots(tie!);
    expect(ref).toHaveLength(3);
    const op = { Jin, TR, setup: 1 as const, Tbath: Tb };
    const { roots } = solveBalance(ag, op);
    expect(roots).toHaveLength(ref.length);
    roots.forEach((r, i) => expect(Math.abs(r.TL - ref[i])).toBeLessThan(1e-9));
    expect(roots.map((r) => r.stable)).toEqual([true, false, true]);
    expect(balanceRoots(ag, op).TL).toEqual(roots.map((r) => r.TL));
  });
});
