/**
 * Brent's root finder and minimiser converge superlinearly, not merely at all: a wrong interpolation
 * step still ends on the root (both methods fall back to bisection or golden section), so the accuracy
 * tests alone cannot see it. The bounds here are set by the fallbacks' own rates: bisection halves the
 * bracket per evaluation, golden section shrinks it by 0.618, so reaching a few ulps (roots) or the
 * √ε-limited tolerance 1.5e-8 (minima) from a unit-size bracket takes them ≥ 50 or ≥ 35 evaluations.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brent, minimize } from '../../src/numerics/roots.js';

const EPS = 2.220446049250313e-16;

/** f with a count of its evaluations. */
function counted(f: (x: number) => number): { f: (x: number) => number; calls: () => number } {
  let n = 0;
  return {
    f: (x) => {
      n++;
      return f(x);
    },
    calls: () => n,
  };
}

describe('brent: superlinear convergence', () => {
  // Interpolation steps converge with order ≥ 1.6 once close, so the digits roughly double per step;
  // 16 evaluations leave room for a few bisections and the final tolerance-sized steps.
  const cases: [string, (x: number) => number, number, number, number][] = [
    ['cos on [0, 2]', Math.cos, 0, 2, Math.PI / 2],
    ['x³ − 2x − 5 on [2, 3]', (x) => x ** 3 - 2 * x - 5, 2, 3, 2.0945514815423265],
    ['ln x on [0.1, 7]', Math.log, 0.1, 7, 1],
    ['eˣ − 3 on [0, 5]', (x) => Math.exp(x) - 3, 0, 5, Math.log(3)],
    ['x − 0.3 on [−1, 1]', (x) => x - 0.3, -1, 1, 0.3],
  ];
  for (const [name, f, a, b, root] of cases) {
    it(`${name}: the root to 16ε in ≤ 16 evaluations (bisection would need ≥ 50)`, () => {
      const c = counted(f);
      const r = brent(c.f, a, b);
      expect(Math.abs(r - root)).toBeLessThanOrEqual(16 * EPS * Math.max(1, Math.abs(root)));
      expect(c.calls()).toBeLessThanOrEqual(16);
    });
  }

  it('a straight line is solved by its first secant step: 2 end values, 1 step, and the tolerance checks', () => {
    // The secant through two points of a line lands on the root; what follows are at most two steps of
    // the size of the tolerance that confirm it.
    const c = counted((x) => 2 * x - 0.6);
    const r = brent(c.f, -1, 1);
    expect(Math.abs(r - 0.3)).toBeLessThanOrEqual(4 * EPS);
    expect(c.calls()).toBeLessThanOrEqual(5);
  });

  // Bisection from these brackets to 16ε relative needs ≥ 48 evaluations; Brent, at most half that.
  it('fast-check: x³ − c and eˣ − c (c ∈ [1e-3, 1e3]) in ≤ 24 evaluations (300 runs)', () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }), fc.boolean(), (e, cubic) => {
        const k = 10 ** e;
        const c = counted(cubic ? (x) => x * x * x - k : (x) => Math.exp(x) - k);
        const r = cubic ? brent(c.f, 0, Math.max(1, k)) : brent(c.f, -8, 8);
        const root = cubic ? Math.cbrt(k) : Math.log(k);
        return Math.abs(r - root) <= 16 * EPS * Math.max(1, Math.abs(root)) + 1e-300 && c.calls() <= 24;
      }),
      { numRuns: 300 },
    );
  });

  it('maxIterations bounds the evaluations: the two ends plus one per iteration', () => {
    // x¹⁵ − 0.5 on [0, 1]: a bracket end far from the root makes the first steps slow, so three
    // iterations cannot converge and the budget is what stops the search.
    for (const maxIterations of [0, 1, 3]) {
      const c = counted((x) => x ** 15 - 0.5);
      const r = brent(c.f, 0, 1, { maxIterations });
      expect(c.calls(), `maxIterations ${maxIterations}`).toBe(2 + maxIterations);
      expect(r).toBeGreaterThanOrEqual(0);
      expect(r).toBeLessThanOrEqual(1);
    }
  });
});

describe('minimize: parabolic steps', () => {
  it('a parabola: its vertex after the first parabolic step, in ≤ 10 evaluations (golden section: ≥ 35)', () => {
    const c = counted((x) => (x - 2) ** 2 + 1);
    const m = minimize(c.f, 0, 5);
    expect(Math.abs(m.x - 2)).toBeLessThan(1e-7);
    expect(c.calls()).toBeLessThanOrEqual(10);
  });

  it('cos on [2, 5]: π to √ε-level in ≤ 12 evaluations', () => {
    const c = counted(Math.cos);
    const m = minimize(c.f, 2, 5);
    expect(Math.abs(m.x - Math.PI)).toBeLessThan(1e-7);
    expect(Math.abs(m.f + 1)).toBeLessThan(1e-14);
    expect(c.calls()).toBeLessThanOrEqual(12);
  });

  // The count varies from 6 to 34 with the vertex (SciPy's fminbound, the same algorithm, gives the same
  // spread), so only the result is checked here.
  it('fast-check: a quadratic with its vertex anywhere in [0, 1] is minimised to √ε-level (300 runs)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (x0, k) => {
          const m = minimize((x) => k * (x - x0) ** 2 - 1, 0, 1);
          return Math.abs(m.x - x0) < 1e-7 && Math.abs(m.f + 1) < 1e-13;
        },
      ),
      { numRuns: 300 },
    );
  });

  it('maxIterations bounds the evaluations: the first point plus one per iteration', () => {
    for (const maxIterations of [0, 1, 4]) {
      const c = counted((x) => (x - 0.9) ** 4);
      const m = minimize(c.f, 0, 1, { maxIterations });
      expect(c.calls(), `maxIterations ${maxIterations}`).toBe(1 + maxIterations);
      expect(m.x).toBeGreaterThanOrEqual(0);
      expect(m.x).toBeLessThanOrEqual(1);
    }
  });

  it('an absolute tolerance alone (rtol = 0) stops the search once the bracket is that small', () => {
    // With rtol = 0 the stopping tolerance is atol: the parabola's vertex is reached by a parabolic step
    // and then confirmed by steps of size atol, a handful of evaluations rather than the budget of 200.
    const c = counted((x) => (x - 0.25) ** 2);
    const m = minimize(c.f, 0, 1, { rtol: 0, atol: 1e-9 });
    expect(Math.abs(m.x - 0.25)).toBeLessThan(1e-8);
    expect(c.calls()).toBeLessThanOrEqual(12);
  });

  it('a minimum at large |x|: the relative tolerance scales with x (≤ 12 evaluations near x = 1000)', () => {
    const c = counted((x) => (x - 1000.3) ** 2);
    const m = minimize(c.f, 990, 1010);
    expect(Math.abs(m.x - 1000.3)).toBeLessThan(1e-4);
    expect(c.calls()).toBeLessThanOrEqual(12);
  });
});
