/**
 * buildPiecewiseChebyshev checks its error at both ends of every panel, not only between the nodes:
 * a feature narrower than the gap between the outermost node and the end (here a Gaussian of width
 * 1e-4 at an end of [0, 1]; the outermost of 17 nodes is 2e-3 from the end) is invisible to the
 * interpolant and to the interior check points, and only the end point sees it.
 */
import { describe, expect, it } from 'vitest';
import { buildPiecewiseChebyshev } from '../../src/numerics/chebyshev.js';

const TOL = 1e-9;
const W = 1e-4;

describe('buildPiecewiseChebyshev: the check reaches the panel ends', () => {
  it('a narrow peak at the left end, x = 0, is resolved to the tolerance', () => {
    const f = (x: number): number => Math.exp(-((x / W) ** 2)) + x;
    const t = buildPiecewiseChebyshev(f, 0, 1, { tolerance: TOL });
    for (const x of [0, W / 2, W, 2 * W, 0.5, 1])
      expect(Math.abs(t.evaluate(x) - f(x)), `x = ${x}`).toBeLessThanOrEqual(TOL);
    expect(t.maxCheckedError).toBeLessThanOrEqual(TOL);
    // Resolving a peak of width 1e-4 takes panels of that width near 0: more than one panel.
    expect(Math.min(...t.panels.map((p) => p.b - p.a))).toBeLessThan(1e-2);
  });

  it('a narrow peak at the right end, x = 1, is resolved to the tolerance', () => {
    const f = (x: number): number => Math.exp(-(((1 - x) / W) ** 2)) + x;
    const t = buildPiecewiseChebyshev(f, 0, 1, { tolerance: TOL });
    for (const x of [0, 0.5, 1 - 2 * W, 1 - W, 1 - W / 2, 1])
      expect(Math.abs(t.evaluate(x) - f(x)), `x = ${x}`).toBeLessThanOrEqual(TOL);
    expect(Math.min(...t.panels.map((p) => p.b - p.a))).toBeLessThan(1e-2);
  });
});
