/**
 * Setup 3 (both reservoirs floating): every steady state of F_L = F_R = 0, checked against the reduction
 * the other way round (scan T_L, every T_R root of F_R by the generic all-roots search, then F_L along
 * those branches), the residuals, and the Jacobian against central differences of the residuals.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  InputError,
  eigenvalues2,
  platformDevice,
  reservoirHeatCapacity,
  solveTwoReservoirs,
  steadyStatesByReduction,
  twoReservoirJacobian,
  twoReservoirResidual,
  type Device,
  type TwoReservoirOperatingPoint,
} from '../../src/index.js';
import { findAllRoots } from '../../src/numerics/roots.js';

const ag = platformDevice('ag');

/** The states found by scanning T_L and solving F_R = 0 for T_R with findAllRoots (no balance.ts code). */
function statesSwapped(device: Device, op: TwoReservoirOperatingPoint): { TL: number; TR: number }[] {
  const Tb = op.Tbath ?? device.Tbath;
  const hi = device.right.superconductor.Tc * (1 - 1e-12);
  const grid = Array.from({ length: 161 }, (_, i) => Tb + (hi - Tb) * ((i / 160) ** 1.5 || 1e-9));
  const found = steadyStatesByReduction(
    {
      inner: (TL) =>
        findAllRoots((TR) => twoReservoirResidual(device, op, TL, TR)[1], grid[0], grid[160], {
          grid,
          xtol: 1e-14,
        }).filter((TR) => TR > Tb),
      outer: (TL, TR) => twoReservoirResidual(device, op, TL, TR)[0],
    },
    Tb,
    device.left.superconductor.Tc * (1 - 1e-12),
    { intervals: 60 },
  );
  return found.map(({ s, r }) => ({ TL: s, TR: r })).sort((x, y) => x.TL - y.TL);
}

describe('solveTwoReservoirs', () => {
  const cases: TwoReservoirOperatingPoint[] = [
    { JinL: 1e-15, JinR: 1e-15 },
    { JinL: 1e-18, JinR: 4e-13 }, // right heated to ~0.66 K: three states (docs/bistability.md's window)
    { JinL: 1e-16, JinR: 3e-14, Tbath: 0.05 },
    { JinL: 2e-13, JinR: 1e-17 },
  ];
  for (const op of cases) {
    it(`agrees with the reduction over T_L at J_in^L = ${op.JinL} W, J_in^R = ${op.JinR} W`, () => {
      const mine = solveTwoReservoirs(ag, op).roots;
      const other = statesSwapped(ag, op);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.length).toBe(other.length);
      for (const [i, s] of mine.entries()) {
        expect(Math.abs(s.TL - other[i].TL)).toBeLessThan(1e-9);
        expect(Math.abs(s.TR - other[i].TR)).toBeLessThan(1e-9);
        const [FL, FR] = twoReservoirResidual(ag, op, s.TL, s.TR);
        const scale = Math.max(op.JinL, op.JinR);
        expect(Math.abs(FL)).toBeLessThan(1e-9 * scale);
        expect(Math.abs(FR)).toBeLessThan(1e-9 * scale);
      }
    });
  }

  it('finds two stable states and an unstable one between them in the bistable window', () => {
    const roots = solveTwoReservoirs(ag, { JinL: 1e-18, JinR: 4e-13 }).roots.sort((a, b) => a.TL - b.TL);
    expect(roots.map((r) => r.stable)).toEqual([true, false, true]);
    // The middle state is a saddle: det J < 0 (independent of C), one positive eigenvalue.
    const [[a, b], [c, d]] = roots[1].jacobian;
    expect(a * d - b * c).toBeLessThan(0);
    expect(roots[1].timeConstants.some((t) => t < 0)).toBe(true);
  });

  it('has T_L = T_R for identical heaters on a symmetric device (J_γ = 0 there)', () => {
    const sym: Device = { ...ag, right: ag.left };
    const roots = solveTwoReservoirs(sym, { JinL: 3e-15, JinR: 3e-15 }).roots;
    expect(roots.length).toBeGreaterThan(0);
    expect(roots.some((r) => Math.abs(r.TL - r.TR) < 1e-12)).toBe(true);
  });

  it('Jacobian equals central differences of the residuals', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 1.1, noNaN: true }),
        fc.double({ min: 0.05, max: 1.1, noNaN: true }),
        (TL, TR) => {
          const op = { JinL: 0, JinR: 0 };
          const J = twoReservoirJacobian(ag, TL, TR);
          const h = 1e-6;
          const dL = twoReservoirResidual(ag, op, TL + h * TL, TR).map(
            (v, i) => (v - twoReservoirResidual(ag, op, TL - h * TL, TR)[i]) / (2 * h * TL),
          );
          const dR = twoReservoirResidual(ag, op, TL, TR + h * TR).map(
            (v, i) => (v - twoReservoirResidual(ag, op, TL, TR - h * TR)[i]) / (2 * h * TR),
          );
          const scale = Math.max(...J.flat().map(Math.abs));
          for (const [i, row] of J.entries()) {
            expect(Math.abs(row[0] - dL[i])).toBeLessThan(1e-6 * scale);
            expect(Math.abs(row[1] - dR[i])).toBeLessThan(1e-6 * scale);
          }
        },
      ),
      { numRuns: 20 },
    );
  });

  it('stability and time constants follow the eigenvalues of C⁻¹J', () => {
    for (const s of solveTwoReservoirs(ag, { JinL: 1e-18, JinR: 4e-13 }).roots) {
      const [CL, CR] = [reservoirHeatCapacity(ag.left, s.TL), reservoirHeatCapacity(ag.right, s.TR)];
      expect(s.heatCapacity).toEqual([CL, CR]);
      const [[a, b], [c, d]] = s.jacobian;
      const tr = a / CL + d / CR;
      const det = (a * d - b * c) / (CL * CR);
      expect(s.stable).toBe(tr < 0 && det > 0);
      // −1/τ are the eigenvalues (real here): their sum is the trace, their product the determinant.
      const [l1, l2] = s.timeConstants.map((t) => -1 / t);
      expect(Math.abs(l1 + l2 - tr)).toBeLessThan(
        1e-9 * Math.abs(tr) + 1e-9 * Math.max(Math.abs(l1), Math.abs(l2)),
      );
      expect(Math.abs(l1 * l2 - det)).toBeLessThan(1e-9 * Math.abs(l1 * l2));
    }
  });
});

describe('solveTwoReservoirs invariants', () => {
  it('the states index sum is +1 (Poincaré–Hopf: the heat flows into the square on its boundary)', () => {
    // With J_in ≤ 1 pW both reservoirs stay below ~0.85 K < Tc, so the field (F_L, F_R) points inward on
    // the boundary of (T_b, Tc)²: nodes and foci (det J > 0) minus saddles (det J < 0) must equal 1.
    const logPower = (lo: number, hi: number) =>
      fc.double({ min: lo, max: hi, noNaN: true }).map((e) => 10 ** e);
    fc.assert(
      fc.property(logPower(-19, -12), logPower(-15, -12), (JinL, JinR) => {
        const roots = solveTwoReservoirs(ag, { JinL, JinR }).roots;
        const index = roots.reduce((sum, r) => {
          const [[a, b], [c, d]] = r.jacobian;
          return sum + Math.sign(a * d - b * c);
        }, 0);
        expect(index).toBe(1);
        for (const r of roots) {
          const [FL, FR] = twoReservoirResidual(ag, { JinL, JinR }, r.TL, r.TR);
          expect(Math.abs(FL) + Math.abs(FR)).toBeLessThan(1e-9 * Math.max(JinL, JinR));
        }
      }),
      { numRuns: 12 },
    );
  });
});

describe('steadyStatesByReduction on the unit circle (closed form)', () => {
  // inner: the roots r of r² + s² = 1, two branches ±√(1 − s²) meeting at the folds s = ±1.
  const inner = (s: number): number[] =>
    Math.abs(s) < 1 ? [-Math.sqrt(1 - s * s), Math.sqrt(1 - s * s)] : [];
  it('finds a line crossing both branches', () => {
    // r = 0.3 s + 0.1 meets the circle at s = (−0.03 ± √(0.0009 + 1.09·0.99))/1.09.
    const found = steadyStatesByReduction({ inner, outer: (s, r) => r - (0.3 * s + 0.1) }, -2, 2).sort(
      (x, y) => x.s - y.s,
    );
    const d = Math.sqrt(0.0009 + 1.09 * 0.99);
    const exact = [(-0.03 - d) / 1.09, (-0.03 + d) / 1.09];
    expect(found).toHaveLength(2);
    for (const [i, p] of found.entries()) {
      expect(Math.abs(p.s - exact[i])).toBeLessThan(1e-12);
      expect(Math.abs(p.r - (0.3 * exact[i] + 0.1))).toBeLessThan(1e-9);
    }
  });
  it('finds states at the folds themselves (r = 0 meets the circle where the branches join)', () => {
    const found = steadyStatesByReduction({ inner, outer: (_s, r) => r }, -2, 2).sort((x, y) => x.s - y.s);
    expect(found).toHaveLength(2);
    expect(Math.abs(found[0].s + 1)).toBeLessThan(1e-8);
    expect(Math.abs(found[1].s - 1)).toBeLessThan(1e-8);
    for (const p of found) expect(Math.abs(p.r)).toBeLessThan(1e-4);
  });
});

describe('solveTwoReservoirs input', () => {
  it('refuses negative or non-finite powers and a bath outside (0, Tc), naming the parameter', () => {
    expect(() => solveTwoReservoirs(ag, { JinL: -1e-15, JinR: 0 })).toThrow(/JinL/);
    expect(() => solveTwoReservoirs(ag, { JinL: 0, JinR: NaN })).toThrow(/JinR/);
    expect(() => solveTwoReservoirs(ag, { JinL: 0, JinR: 0, Tbath: 1.5 })).toThrow(/Tbath/);
    expect(() => solveTwoReservoirs(ag, { JinL: 0, JinR: 0, Tbath: 0 })).toThrow(InputError);
  });
});

describe('eigenvalues2', () => {
  it('returns eigenvalues whose sum is the trace and product the determinant', () => {
    const entry = fc.double({ min: -1e3, max: 1e3, noNaN: true });
    fc.assert(
      fc.property(entry, entry, entry, entry, (a, b, c, d) => {
        const [[r1, i1], [r2, i2]] = eigenvalues2([
          [a, b],
          [c, d],
        ]);
        const scale = Math.max(1, Math.abs(a), Math.abs(b), Math.abs(c), Math.abs(d));
        expect(Math.abs(r1 + r2 - (a + d))).toBeLessThan(1e-12 * scale);
        expect(Math.abs(i1 + i2)).toBeLessThan(1e-12 * scale);
        // (r1 + i i1)(r2 + i i2) = ad − bc
        expect(Math.abs(r1 * r2 - i1 * i2 - (a * d - b * c))).toBeLessThan(1e-9 * scale * scale);
      }),
    );
  });
});
