/** The stiff Rosenbrock integrator against closed-form solutions (linear, stiff, non-autonomous, nonlinear). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { integrateStiff, solveLinear } from '../../src/numerics/ode.js';

const last = <T>(a: T[]): T => a[a.length - 1];

describe('integrateStiff', () => {
  it('follows exponential relaxation to its tolerance, at every accepted step', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (lambda) => {
        const sol = integrateStiff((_t, [y]) => [-lambda * (y - 1)], 0, [0], 5 / lambda, {
          rtol: 1e-8,
          atol: 1e-10,
        });
        expect(sol.status).toBe('done');
        expect(last(sol.t)).toBe(5 / lambda);
        for (const [i, t] of sol.t.entries())
          expect(Math.abs(sol.y[i][0] - (1 - Math.exp(-lambda * t)))).toBeLessThan(1e-6);
      }),
      { numRuns: 30 },
    );
  });

  it('integrates a stiff linear system (eigenvalues −1 and −1e6) in few steps', () => {
    // y = V diag(e^{−t}, e^{−1e6 t}) V⁻¹ y0 with V = [[1, 1], [1, −1]].
    const A = [
      [-(1 + 1e6) / 2, -(1 - 1e6) / 2],
      [-(1 - 1e6) / 2, -(1 + 1e6) / 2],
    ];
    const f = (_t: number, y: readonly number[]) => [
      A[0][0] * y[0] + A[0][1] * y[1],
      A[1][0] * y[0] + A[1][1] * y[1],
    ];
    const sol = integrateStiff(f, 0, [2, 0], 10, { rtol: 1e-7, atol: 1e-12 });
    expect(sol.status).toBe('done');
    expect(sol.accepted + sol.rejected).toBeLessThan(2000); // an explicit method would need ~1e7 steps
    for (const [i, t] of sol.t.entries()) {
      const slow = Math.exp(-t);
      const fast = Math.exp(-1e6 * t);
      expect(Math.abs(sol.y[i][0] - (slow + fast))).toBeLessThan(1e-4 * (slow + fast) + 1e-9);
      expect(Math.abs(sol.y[i][1] - (slow - fast))).toBeLessThan(1e-4 * Math.abs(slow + fast) + 1e-9);
    }
  });

  it('integrates a non-autonomous right-hand side', () => {
    const sol = integrateStiff((t) => [Math.cos(t)], 0, [0], 10, { rtol: 1e-9, atol: 1e-12 });
    for (const [i, t] of sol.t.entries()) expect(Math.abs(sol.y[i][0] - Math.sin(t))).toBeLessThan(1e-6);
  });

  it('integrates a nonlinear decay y′ = −y² (y = 1/(1 + t)) and converges as the tolerance shrinks', () => {
    const err = (rtol: number): number => {
      const sol = integrateStiff((_t, [y]) => [-y * y], 0, [1], 100, { rtol, atol: 1e-14 });
      return Math.max(...sol.t.map((t, i) => Math.abs(sol.y[i][0] - 1 / (1 + t)) * (1 + t)));
    };
    const coarse = err(1e-4);
    const fine = err(1e-8);
    expect(coarse).toBeLessThan(1e-2);
    expect(fine).toBeLessThan(1e-5);
    expect(fine).toBeLessThan(coarse / 100);
  });

  it('stops at the step budget and reports it', () => {
    const sol = integrateStiff((t) => [Math.cos(1e3 * t)], 0, [0], 1e3, { rtol: 1e-10, maxSteps: 50 });
    expect(sol.status).toBe('max-steps');
    expect(sol.accepted + sol.rejected).toBe(50);
    expect(last(sol.t)).toBeLessThan(1e3);
  });

  it('reports a solution that leaves its domain (blow-up y′ = y², y(0) = 1 at t = 1)', () => {
    const sol = integrateStiff((_t, [y]) => [y * y], 0, [1], 2, { inDomain: ([y]) => y < 1e6 });
    expect(sol.status).toBe('domain');
    expect(last(sol.t)).toBeGreaterThan(0.99);
    expect(last(sol.t)).toBeLessThan(1);
  });
});

describe('solveLinear', () => {
  it('solves random well-conditioned systems', () => {
    const e = fc.double({ min: -1, max: 1, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(e, { minLength: 9, maxLength: 9 }),
        fc.array(e, { minLength: 3, maxLength: 3 }),
        (a, x) => {
          const A = [0, 1, 2].map((i) => [0, 1, 2].map((j) => a[3 * i + j] + (i === j ? 4 : 0)));
          const b = A.map((row) => row[0] * x[0] + row[1] * x[1] + row[2] * x[2]);
          const got = solveLinear(A, b);
          for (let i = 0; i < 3; i++) expect(Math.abs(got[i] - x[i])).toBeLessThan(1e-12);
        },
      ),
    );
  });
});
