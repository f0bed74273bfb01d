/**
 * Adaptive piecewise Chebyshev interpolation: the error it records (maxCheckedError, measured at the
 * Chebyshev extrema between the nodes) must be an honest statement of the true error on a dense grid.
 */
import { describe, expect, it } from 'vitest';
import {
  buildPiecewiseChebyshev,
  chebyshevCoefficients,
  chebyshevDerivativeCoefficients,
  chebyshevNodes,
  clenshaw,
} from '../../src/numerics/chebyshev.js';

const EPS = 2.220446049250313e-16;

function denseMaxError(
  g: (x: number) => number,
  h: (x: number) => number,
  a: number,
  b: number,
  n = 60000,
): number {
  let m = 0;
  for (let i = 0; i <= n; i++) {
    const x = a + ((b - a) * i) / n;
    m = Math.max(m, Math.abs(g(x) - h(x)));
  }
  return m;
}

describe('Chebyshev building blocks', () => {
  it('interpolates a polynomial of degree n−1 exactly, and differentiates it exactly', () => {
    // p(x) = 3x⁴ − 2x³ + x − 5 on [1, 4]; 5 nodes reproduce it, 7 nodes too (higher coefficients ≈ 0).
    const p = (x: number): number => 3 * x ** 4 - 2 * x ** 3 + x - 5;
    const dp = (x: number): number => 12 * x ** 3 - 6 * x ** 2 + 1;
    for (const n of [5, 7]) {
      const xs = chebyshevNodes(n, 1, 4);
      const c = chebyshevCoefficients(Array.from(xs, p));
      const d = chebyshevDerivativeCoefficients(c);
      for (const x of [1, 1.3, 2.5, 3.99, 4]) {
        const t = (2 * x - 5) / 3;
        // max |p| = 639 and max |p′| = 673 on [1, 4]: 16ε of those, for the rounding of the sums.
        expect(Math.abs(clenshaw(c, t) - p(x))).toBeLessThan(16 * EPS * 639);
        expect(Math.abs((clenshaw(d, t) * 2) / 3 - dp(x))).toBeLessThan(16 * EPS * 673);
      }
    }
  });

  it('nodes are the interior Chebyshev points of the first kind', () => {
    const xs = chebyshevNodes(4, -1, 1);
    expect(Array.from(xs)).toEqual([0, 1, 2, 3].map((k) => Math.cos((Math.PI * (k + 0.5)) / 4)));
  });
});

describe('buildPiecewiseChebyshev: recorded error vs true error on a dense grid', () => {
  const f = (x: number): number => Math.exp(Math.sin(5 * x));
  const df = (x: number): number => 5 * Math.cos(5 * x) * f(x);

  for (const [tolerance, nodes] of [
    [1e-6, 17],
    [1e-10, 17],
    [1e-13, 17],
    [1e-8, 9],
    [1e-12, 33],
  ] as const) {
    it(`exp(sin 5x) on [−1, 2], tolerance ${tolerance}, ${nodes} nodes per panel`, () => {
      const t = buildPiecewiseChebyshev(f, -1, 2, { tolerance, nodes });
      expect(t.maxCheckedError).toBeLessThanOrEqual(tolerance);
      // Honest: the true maximum error (60001 points) is at most twice the recorded one, plus the
      // rounding of evaluating f and the series (max |f| = e).
      const trueError = denseMaxError(t.evaluate, f, -1, 2);
      expect(trueError).toBeLessThanOrEqual(2 * t.maxCheckedError + 16 * EPS * Math.E);
      // And not vacuous: the recorded error is at least half the true one.
      expect(t.maxCheckedError).toBeGreaterThanOrEqual(0.5 * trueError);
      // Panels tile [−1, 2] without gaps.
      expect(t.panels[0].a).toBe(-1);
      expect(t.panels[t.panels.length - 1].b).toBe(2);
      for (let i = 1; i < t.panels.length; i++) expect(t.panels[i].a).toBe(t.panels[i - 1].b);
      // Derivative: a Markov-type bound |e′| ≲ (n−1)²·(2/w)·|e| on the narrowest panel, with a factor 2.
      const wMin = Math.min(...t.panels.map((p) => p.b - p.a));
      const derivativeError = denseMaxError(t.derivative, df, -1, 2);
      expect(derivativeError).toBeLessThanOrEqual(
        2 * (nodes - 1) ** 2 * (2 / wMin) * (t.maxCheckedError + 16 * EPS * Math.E),
      );
    });
  }

  it('a kink it cannot resolve (|x − 0.3| with a minimum panel width) is reported, not hidden', () => {
    const g = (x: number): number => Math.abs(x - 0.3);
    const t = buildPiecewiseChebyshev(g, -1, 2, { tolerance: 1e-12, minWidth: 3 * 2 ** -12 });
    expect(t.maxCheckedError).toBeGreaterThan(1e-12);
    const trueError = denseMaxError(t.evaluate, g, -1, 2, 300000);
    // For a kink the check points are not where the error peaks; within a factor 2 still.
    expect(trueError).toBeLessThanOrEqual(2 * t.maxCheckedError);
  });
});
