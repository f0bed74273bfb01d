/**
 * digamma ψ and trigamma ψ′ against mpmath (test/fixtures/digamma.json).
 * Stated accuracy: 1e-14 relative over x ∈ [1e-3, 1e6]; within 0.2 of the root x0 ≈ 1.4616 of ψ the bound
 * is absolute, 1e-14 (ψ′(x0) ≈ 0.97, so one ulp of x near x0 already moves ψ by 2e-16).
 */
import { describe, expect, it } from 'vitest';
import { digamma, trigamma } from '../../src/numerics/digamma.js';
import { ErrorTally, loadFixture, relativeError } from './fixture.js';

interface Point {
  x: number;
  digamma: number;
  trigamma: number;
  nearRoot: boolean;
  refRelError: number;
}

const fixture = loadFixture<{ points: Point[]; meta: { digammaRoot: number } }>('digamma.json');
const TOL = 1e-14;

describe('digamma and trigamma against mpmath', () => {
  it('the fixture covers [1e-3, 1e6] and the neighbourhood of the root of ψ', () => {
    const xs = fixture.points.map((p) => p.x);
    expect(Math.min(...xs)).toBeLessThanOrEqual(1e-3);
    expect(Math.max(...xs)).toBeGreaterThanOrEqual(1e6);
    expect(fixture.meta.digammaRoot).toBeCloseTo(1.461632144968362, 14);
    expect(
      fixture.points.filter((p) => Math.abs(p.x - fixture.meta.digammaRoot) < 1e-7).length,
    ).toBeGreaterThan(2);
    for (const p of fixture.points) expect(p.refRelError).toBeLessThan(1e-20);
  });

  it(`digamma within ${TOL} (relative; absolute near the root)`, () => {
    const tally = new ErrorTally('digamma');
    for (const p of fixture.points) {
      const v = digamma(p.x);
      const err = p.nearRoot ? Math.abs(v - p.digamma) : relativeError(v, p.digamma);
      tally.add(
        `x=${p.x}`,
        err,
        TOL,
        `library ${v}, reference ${p.digamma}, ${p.nearRoot ? 'absolute' : 'relative'} error ${err.toExponential(2)}`,
      );
    }
    expect(tally.failed, tally.summary()).toBe(0);
  });

  it(`trigamma within ${TOL} relative`, () => {
    const tally = new ErrorTally('trigamma');
    for (const p of fixture.points) {
      const v = trigamma(p.x);
      const err = relativeError(v, p.trigamma);
      tally.add(
        `x=${p.x}`,
        err,
        TOL,
        `library ${v}, reference ${p.trigamma}, relative error ${err.toExponential(2)}`,
      );
    }
    expect(tally.failed, tally.summary()).toBe(0);
  });
});
