/** Brent's root finder and minimiser, and the all-roots scan, on functions with known roots and minima. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brent, findAllRoots, minimize } from '../../src/numerics/roots.js';

const EPS = 2.220446049250313e-16;

describe('brent', () => {
  it('finds known roots to a few ulps at the default tolerance', () => {
    expect(Math.abs(brent(Math.cos, 0, 2) - Math.PI / 2)).toBeLessThan(8 * EPS);
    // Newton's own example x³ − 2x − 5, root 2.0945514815423265 (Wallis/Newton; 17 digits from mpmath)
    expect(Math.abs(brent((x) => x ** 3 - 2 * x - 5, 2, 3) - 2.0945514815423265)).toBeLessThan(16 * EPS);
    expect(Math.abs(brent((x) => Math.log(x), 0.1, 7) - 1)).toBeLessThan(8 * EPS);
  });

  it('accepts the bracket in either order and an exact zero at an end', () => {
    expect(Math.abs(brent(Math.cos, 2, 0) - Math.PI / 2)).toBeLessThan(8 * EPS);
    expect(brent((x) => x - 1, 1, 3)).toBe(1);
    expect(brent((x) => x - 3, 1, 3)).toBe(3);
  });

  it('honours a loose absolute tolerance: error ≤ xtol, with fewer evaluations than at full precision', () => {
    let calls = 0;
    const f = (x: number): number => {
      calls++;
      return Math.exp(x) - 3;
    };
    const loose = brent(f, 0, 5, { xtol: 1e-3 });
    const looseCalls = calls;
    calls = 0;
    brent(f, 0, 5);
    // Convergence test |m| ≤ 2·rtol·|b| + xtol/2 on the half bracket m (rtol = 4ε): the returned end is
    // within 2|m| ≤ xtol + 16ε|b| of the root.
    expect(Math.abs(loose - Math.log(3))).toBeLessThanOrEqual(1e-3 + 16 * EPS * 2);
    expect(looseCalls).toBeLessThan(calls);
  });

  it('throws a RangeError when f(a) and f(b) have the same sign', () => {
    expect(() => brent((x) => x * x + 1, -1, 1)).toThrow(RangeError);
    expect(() => brent((x) => x * x + 1, -1, 1)).toThrow(/same sign/);
  });

  // Default tolerance: the half bracket is ≤ 2·rtol·|b| = 8ε|b| at exit, so the returned end is within 16ε.
  it('fast-check: the root of x³ − c (c ∈ [1e-6, 1e6]) is ∛c to 16ε relative (300 runs)', () => {
    fc.assert(
      fc.property(fc.double({ min: -6, max: 6, noNaN: true }), (e) => {
        const c = 10 ** e;
        const r = brent((x) => x * x * x - c, 0, Math.max(1, c));
        return Math.abs(r - Math.cbrt(c)) <= 16 * EPS * Math.cbrt(c);
      }),
      { numRuns: 300 },
    );
  });
});

describe('findAllRoots', () => {
  it('sin on [0, 20]: exactly the 7 roots kπ, k = 0..6', () => {
    const roots = findAllRoots(Math.sin, 0, 20);
    expect(roots.length).toBe(7);
    roots.forEach((r, k) =>
      expect(Math.abs(r - k * Math.PI), `root ${k}`).toBeLessThan(1e-14 * Math.max(1, k * Math.PI)),
    );
  });

  it('finds a pair of close roots hidden between two samples, by the local-minimum probe', () => {
    // (x − 0.6)² − 1e-6 has roots 0.599 and 0.601, both inside the sample interval (0.5, 0.75).
    const f = (x: number): number => (x - 0.6) ** 2 - 1e-6;
    const samples = 4;
    const grid = Array.from({ length: samples + 1 }, (_, i) => i / samples);
    // Precondition: no sign change on the grid, so a sign-change scan alone would report nothing.
    expect(grid.every((x) => f(x) > 0)).toBe(true);
    const roots = findAllRoots(f, 0, 1, { samples });
    expect(roots.length).toBe(2);
    expect(Math.abs(roots[0] - 0.599)).toBeLessThan(1e-13);
    expect(Math.abs(roots[1] - 0.601)).toBeLessThan(1e-13);
  });

  it('accepts an explicit grid, reports no roots for a function without any, and roots at grid points once', () => {
    expect(findAllRoots((x) => x * x + 1, -3, 3)).toEqual([]);
    const grid = [0, 0.5, 1, 1.5, 2];
    const roots = findAllRoots((x) => (x - 1) * (x - 1.75), 0, 2, { grid });
    expect(roots.length).toBe(2);
    expect(roots[0]).toBe(1);
    expect(Math.abs(roots[1] - 1.75)).toBeLessThan(1e-14);
  });
});

describe('minimize', () => {
  it('finds interior minima to ~√ε relative (the limit of a function-value minimiser)', () => {
    // Near a minimum f changes by f″h²/2, so x is determined only to ~√ε; the default rtol is 1.5e-8.
    const m = minimize((x) => (x - 2) ** 2 + 1, 0, 5);
    expect(Math.abs(m.x - 2)).toBeLessThan(1e-7);
    expect(Math.abs(m.f - 1)).toBeLessThan(1e-14);
    const c = minimize(Math.cos, 2, 5);
    expect(Math.abs(c.x - Math.PI)).toBeLessThan(1e-7);
    expect(Math.abs(c.f + 1)).toBeLessThan(1e-14);
  });

  it('goes to the end of the interval when f is monotonic there', () => {
    const m = minimize((x) => x, 1, 2);
    expect(m.x - 1).toBeLessThan(1e-7);
    expect(m.x).toBeGreaterThanOrEqual(1);
  });

  it('fast-check: the minimum of cosh(x − m) on [m − 3, m + 4] is at m (200 runs)', () => {
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }), (m0) => {
        const r = minimize((x) => Math.cosh(x - m0), m0 - 3, m0 + 4, { rtol: 1e-10, atol: 1e-10 });
        return Math.abs(r.x - m0) < 1e-6 && Math.abs(r.f - 1) < 1e-12;
      }),
      { numRuns: 200 },
    );
  });
});
