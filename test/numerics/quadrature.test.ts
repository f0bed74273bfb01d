/**
 * Adaptive Gauss–Kronrod quadrature and Gauss–Legendre rules on textbook integrals with known values.
 * Tolerances are in units of machine epsilon ε = 2.2e-16 unless the integrand itself is ill-conditioned.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gaussLegendre, integrate } from '../../src/numerics/quadrature.js';

const EPS = 2.220446049250313e-16;
const rel = (x: number, y: number): number => Math.abs(x - y) / Math.abs(y);
/** Stop after the first QK21 pass: the value of one panel, whatever its error estimate. */
const ONE_PANEL = { epsAbs: Infinity };

describe('integrate: one QK21 panel', () => {
  it('is exact (to rounding) for x^k, k ≤ 31, on an asymmetric interval: checks the Kronrod nodes and weights', () => {
    // [−0.3, 1.7] makes every monomial, odd or even, contribute; the value is ≤ 1.7^32/32 so the
    // rounding of 21 terms is a few ε relative.
    const a = -0.3;
    const b = 1.7;
    for (let k = 0; k <= 31; k++) {
      const r = integrate((x) => x ** k, a, b, ONE_PANEL);
      expect(r.evaluations).toBe(21);
      const exact = (b ** (k + 1) - a ** (k + 1)) / (k + 1);
      expect(rel(r.value, exact), `degree ${k}`).toBeLessThan(16 * EPS);
    }
  });

  it('is exact for random polynomials of degree 31 (fast-check, 200 runs)', () => {
    // ∫_{-1}^{1} Σ c_k x^k = Σ_{k even} 2c_k/(k+1); tolerance scaled by Σ|c_k|, the size of the terms summed.
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 32, maxLength: 32 }),
        (c) => {
          const p = (x: number): number => c.reduceRight((acc, ck) => acc * x + ck, 0);
          const exact = c.reduce((s, ck, k) => (k % 2 === 0 ? s + (2 * ck) / (k + 1) : s), 0);
          const scale = c.reduce((s, ck) => s + Math.abs(ck), 0);
          const r = integrate(p, -1, 1, ONE_PANEL);
          return Math.abs(r.value - exact) <= 64 * EPS * scale;
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is not exact beyond its degree (so the exactness above is a property of the rule, not of the test)', () => {
    // Runge's function on one panel: the Kronrod value is off by ~3e-4, and the error estimate covers it.
    const r = integrate((x) => 1 / (1 + 25 * x * x), -1, 1, ONE_PANEL);
    const exact = (2 * Math.atan(5)) / 5;
    expect(Math.abs(r.value - exact)).toBeGreaterThan(1e-5);
    expect(r.error).toBeGreaterThanOrEqual(Math.abs(r.value - exact));
  });

  it('integrates backwards with the opposite sign, and an empty interval to 0', () => {
    const f = (x: number): number => Math.exp(x);
    expect(integrate(f, 1, 0).value).toBeCloseTo(-(Math.E - 1), 14);
    expect(integrate(f, 0.5, 0.5).value).toBe(0);
  });
});

describe('integrate: adaptive', () => {
  it('∫_0^1 √x = 2/3 (endpoint singularity of the derivative) to 1e-12, error estimate ≥ actual error', () => {
    const r = integrate(Math.sqrt, 0, 1, { epsRel: 1e-12 });
    expect(r.converged).toBe(true);
    expect(rel(r.value, 2 / 3)).toBeLessThan(1e-12);
    expect(r.error).toBeGreaterThanOrEqual(Math.abs(r.value - 2 / 3));
  });

  it('∫_0^1 √x at a loose tolerance 1e-6: the error estimate still bounds the actual error', () => {
    const r = integrate(Math.sqrt, 0, 1, { epsRel: 1e-6 });
    expect(r.error).toBeGreaterThanOrEqual(Math.abs(r.value - 2 / 3));
    expect(rel(r.value, 2 / 3)).toBeLessThan(1e-6);
  });

  it('∫_{-2}^{3} e^x = e³ − e⁻² to a few ε', () => {
    const exact = Math.exp(3) - Math.exp(-2);
    const r = integrate(Math.exp, -2, 3);
    expect(rel(r.value, exact)).toBeLessThan(8 * EPS);
    expect(r.error).toBeGreaterThanOrEqual(Math.abs(r.value - exact));
  });

  it('∫_0^∞-like: ∫_0^60 x³/(e^x − 1) = π⁴/15 − (tail < 1e-20) to 1e-13', () => {
    const r = integrate((x) => (x === 0 ? 0 : (x * x * x) / Math.expm1(x)), 0, 60, {
      breakpoints: [1, 5, 20],
    });
    expect(rel(r.value, Math.PI ** 4 / 15)).toBeLessThan(1e-13);
  });

  it('reports non-convergence when the interval budget is too small', () => {
    const r = integrate(Math.sqrt, 0, 1, { epsRel: 1e-15, maxIntervals: 3 });
    expect(r.converged).toBe(false);
  });
});

describe('integrate: narrow peaks need break points around them', () => {
  const w = 1e-6;
  const x0 = 0.3712345; // not a dyadic bisection point of [0, 1]
  const around = [x0, x0 - w, x0 + w, x0 - 10 * w, x0 + 10 * w, x0 - 100 * w, x0 + 100 * w];

  it('a Gaussian peak of width 1e-6 is missed without break points, and the error estimate does not warn', () => {
    const g = (x: number): number => Math.exp(-(((x - x0) / w) ** 2)) / (w * Math.sqrt(Math.PI));
    const blind = integrate(g, 0, 1);
    expect(blind.value).toBeLessThan(1e-6); // the true value is 1
    expect(blind.converged).toBe(true); // silently "converged": why break points are required
    // A single break point AT the peak is not enough: it puts the peak at a panel end, where GK has no node.
    expect(integrate(g, 0, 1, { breakpoints: [x0] }).value).toBeLessThan(1e-6);
    // 1e-10: x − x0 has absolute resolution ε·x0 ≈ 8e-17, 8e-11 of the width (see the Lorentzian below).
    const seen = integrate(g, 0, 1, { breakpoints: around });
    expect(Math.abs(seen.value - 1)).toBeLessThan(1e-10);
  });

  it('a Lorentzian of width 1e-6: a break point at the peak alone can lose half of it; break points around it do not', () => {
    const f = (x: number): number => w / Math.PI / ((x - x0) ** 2 + w * w);
    const exact = (Math.atan((1 - x0) / w) + Math.atan(x0 / w)) / Math.PI;
    // At a loose tolerance the peak-at-the-end panel on one side is accepted too early.
    const endOnly = integrate(f, 0, 1, { breakpoints: [x0], epsRel: 1e-2 });
    expect(rel(endOnly.value, exact)).toBeGreaterThan(0.1);
    // x − x0 near the peak has absolute resolution ε·x0 ≈ 8e-17, i.e. 8e-11 of the width: the integrand
    // itself is only that accurate, so 1e-10 is the honest tolerance here.
    for (const epsRel of [1e-2, 1e-8, 1e-12]) {
      const r = integrate(f, 0, 1, { breakpoints: around, epsRel });
      expect(rel(r.value, exact), `epsRel ${epsRel}`).toBeLessThan(Math.max(1e-10, epsRel));
    }
    // In the shifted variable t = x − x0 the conditioning problem is gone, and so is the error.
    const t = integrate((s) => w / Math.PI / (s * s + w * w), -x0, 1 - x0, {
      breakpoints: around.map((x) => x - x0),
    });
    expect(rel(t.value, exact)).toBeLessThan(1e-13);
    expect(t.error).toBeGreaterThanOrEqual(Math.abs(t.value - exact));
  });
});

describe('gaussLegendre', () => {
  for (const n of [1, 2, 3, 5, 10, 16, 20, 40, 64]) {
    it(`n = ${n}: nodes in (−1, 1) symmetric, weights > 0 summing to 2, exact to degree 2n−1 only`, () => {
      const { nodes, weights } = gaussLegendre(n);
      expect(nodes.length).toBe(n);
      let sum = 0;
      for (let i = 0; i < n; i++) {
        expect(Math.abs(nodes[i])).toBeLessThan(1);
        expect(weights[i]).toBeGreaterThan(0);
        sum += weights[i];
      }
      expect(Math.abs(sum - 2)).toBeLessThan(8 * EPS);
      const sorted = [...nodes].sort((p, q) => p - q);
      for (let i = 0; i < n; i++) expect(Math.abs(sorted[i] + sorted[n - 1 - i])).toBeLessThan(8 * EPS);
      const moment = (k: number): number => nodes.reduce((s, x, i) => s + weights[i] * x ** k, 0);
      // ∫_{-1}^{1} x^k = 2/(k+1) for even k, 0 for odd k
      for (let k = 0; k <= 2 * n - 1; k++) {
        const exact = k % 2 === 0 ? 2 / (k + 1) : 0;
        expect(Math.abs(moment(k) - exact), `degree ${k}`).toBeLessThan(16 * EPS);
      }
      // Degree 2n is not integrated exactly (error 2^{2n+1}(n!)⁴/((2n+1)((2n)!)³)·(2n)! > 0); visible for small n.
      if (n <= 10) expect(Math.abs(moment(2 * n) - 2 / (2 * n + 1))).toBeGreaterThan(1e-7);
    });
  }
});
