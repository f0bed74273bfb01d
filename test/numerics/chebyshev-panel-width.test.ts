/**
 * buildPiecewiseChebyshev where the tolerance cannot be met (a jump): bisection stops at the documented
 * default minimum panel width (b − a)·2⁻²⁰, and the recorded error says the tolerance was missed.
 */
import { describe, expect, it } from 'vitest';
import { buildPiecewiseChebyshev } from '../../src/numerics/chebyshev.js';

describe('buildPiecewiseChebyshev on a jump', () => {
  it('stops bisecting at (b − a)·2⁻²⁰ and records an error of the size of the jump', () => {
    const [a, b] = [-1, 2];
    const jump = (x: number): number => (x < 0.3 ? 0 : 1);
    const t = buildPiecewiseChebyshev(jump, a, b, { tolerance: 1e-12 });
    const widths = t.panels.map((p) => p.b - p.a);
    const smallest = Math.min(...widths);
    // panels halve from b − a: the first width ≤ (b − a)·2⁻²⁰ is (b − a)·2⁻²⁰ itself
    expect(smallest).toBe((b - a) * 2 ** -20);
    expect(t.maxCheckedError).toBeGreaterThan(0.1);
    // away from the jump the tolerance is met and the panels stay wide
    expect(Math.max(...widths)).toBeGreaterThan(0.1);
    expect(t.evaluate(-0.5)).toBeCloseTo(0, 12);
    expect(t.evaluate(1.5)).toBeCloseTo(1, 12);
  });
});
