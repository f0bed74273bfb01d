/**
 * balanceRootsThroughLine at a bath other than the device's: the line's resistance and the phonons both at
 * the operating point's bath (op.Tbath in setup 1, T_R in setup 2), every root against the heat balance
 * by direct quadrature, the roots' count against a dense scan, and ∂F/∂T_L against a five-point
 * difference of that balance.
 */
import { describe, expect, it } from 'vitest';
import { balanceRootsThroughLine } from '../../src/physics/balance-line.js';
import type { OperatingPoint } from '../../src/physics/balance.js';
import { platformDevice } from '../../src/physics/device.js';
import {
  lineCircuit,
  lineHeatCurrentsDirect,
  photonicHeatCurrentThroughLine,
} from '../../src/physics/photonic-line.js';
import { reservoirPhononHeat } from '../../src/physics/two-reservoir.js';

const ag = platformDevice('ag');
const d = { ...ag, line: { inductance: 2e-9, resistance: 5 } };

/** F by direct quadrature, the line's resistance and the phonons at T_b. */
const residual =
  (op: OperatingPoint, Tb: number) =>
  (TL: number): number =>
    op.Jin -
    lineHeatCurrentsDirect(lineCircuit(d, TL, op.TR), TL, op.TR, Tb).leftOut -
    reservoirPhononHeat(d.left, TL, Tb);

describe('balanceRootsThroughLine at the operating point’s bath', () => {
  const cases: [OperatingPoint, number][] = [
    [{ Jin: 2e-14, TR: 0.3, setup: 1, Tbath: 0.2 }, 0.2],
    [{ Jin: 0.4e-15, TR: 0.7, setup: 1, Tbath: 0.15 }, 0.15],
    [{ Jin: 2e-14, TR: 0.25, setup: 2, Tbath: 0.05 }, 0.25],
  ];
  for (const [op, Tb] of cases) {
    it(`setup ${op.setup}, T_b = ${Tb} K: every root, its count and its slope`, () => {
      const F = residual(op, Tb);
      const roots = balanceRootsThroughLine(d, op);
      expect(roots.length).toBeGreaterThan(0);
      for (const r of roots) {
        expect(r.TL).toBeGreaterThan(Tb);
        expect(Math.abs(F(r.TL))).toBeLessThan(1e-9 * op.Jin);
        const h = 1e-4 * r.TL;
        const slope = (8 * (F(r.TL + h) - F(r.TL - h)) - (F(r.TL + 2 * h) - F(r.TL - 2 * h))) / (12 * h);
        expect(Math.abs(r.dFdTL - slope)).toBeLessThan(1e-4 * Math.abs(slope));
        expect(r.stable).toBe(slope < 0);
      }
      // Sign changes of F (J_γ by photonic-line.ts's fast form) on a dense grid of (T_b, Tc): as many as roots.
      const dT = { ...d, Tbath: Tb };
      const fast = (TL: number): number =>
        op.Jin - photonicHeatCurrentThroughLine(dT, TL, op.TR) - reservoirPhononHeat(d.left, TL, Tb);
      const n = 400;
      let changes = 0;
      let prev = fast(Tb * (1 + 1e-6));
      for (let i = 1; i <= n; i++) {
        const f = fast(Tb + ((1.2 * (1 - 1e-6) - Tb) * i) / n);
        if (f > 0 !== prev > 0) changes++;
        prev = f;
      }
      expect(roots).toHaveLength(changes);
    });
  }
  it('finds a root just below Tc (the scan reaches 1 − 1e-9 of Tc)', () => {
    const [Tb, TR, target] = [0.2, 0.3, 1.2 * (1 - 1e-4)];
    const dT = { ...d, Tbath: Tb };
    const Jin = photonicHeatCurrentThroughLine(dT, target, TR) + reservoirPhononHeat(d.left, target, Tb);
    const roots = balanceRootsThroughLine(d, { Jin, TR, setup: 1, Tbath: Tb });
    expect(roots.some((r) => Math.abs(r.TL - target) < 1e-9)).toBe(true);
  });
  it('finds none where J_in would put T_L above Tc (F > 0 up to Tc)', () => {
    const [Tb, TR] = [0.2, 0.3];
    const dT = { ...d, Tbath: Tb };
    const atTc = 1.2 * (1 - 1e-9);
    const Jin = 1.5 * (photonicHeatCurrentThroughLine(dT, atTc, TR) + reservoirPhononHeat(d.left, atTc, Tb));
    expect(balanceRootsThroughLine(d, { Jin, TR, setup: 1, Tbath: Tb })).toEqual([]);
  });
});
