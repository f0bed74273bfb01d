/**
 * φ′(x) = 1/x + 1/(2x²) − ψ′(x) at the switch x = 10 between the upward recurrence and the asymptotic
 * series. The series stops at B16, so its error is below the first omitted term |B18|/x¹⁹ = 5.5e-18 at
 * x = 10, i.e. 3.3e-14 of φ′(10) ≈ −1.66e-4. Taking x = 10 through the recurrence with no step instead
 * would add the cancellation of 1/x + 1/(2x²) − ψ′(x) (both ≈ 0.105) on top.
 * Reference: mpmath's ψ′(10) to 24 digits (test/fixtures/digamma.json), subtracted from 1/10 + 1/200
 * exactly in decimal.
 */
import { describe, expect, it } from 'vitest';
import { binetRemainderDerivative } from '../../src/numerics/digamma.js';
import { loadFixture } from '../reference/fixture.js';

const EPS = 2.220446049250313e-16;

/** A decimal string 0.ddd… (or d.ddd…) as an integer multiple of 10^-digits. */
function scaled(s: string, digits: number): bigint {
  const [whole, frac = ''] = s.split('.');
  return BigInt(whole + frac.padEnd(digits, '0').slice(0, digits));
}

describe('binetRemainderDerivative at the series/recurrence switch', () => {
  it('φ′(10) = 0.105 − ψ′(10) within the series truncation |B18|/10¹⁹ (plus rounding)', () => {
    const { points } = loadFixture<{ points: { x: number; trigammaString: string }[] }>('digamma.json');
    const p = points.find((q) => q.x === 10);
    expect(p).toBeDefined();
    const digits = 24;
    const exact = Number(scaled('0.105', digits) - scaled(p!.trigammaString, digits)) / 10 ** digits;
    expect(exact).toBeLessThan(0);
    const b18 = 43867 / 798;
    expect(Math.abs(binetRemainderDerivative(10) - exact)).toBeLessThanOrEqual(
      b18 / 1e19 + 4 * EPS * Math.abs(exact),
    );
  });
});
