/**
 * Digamma, trigamma and the Binet remainder φ(x) = ln x − 1/(2x) − ψ(x) against closed-form values and
 * identities (Abramowitz & Stegun 6.3, 6.4). The point-by-point mpmath comparison lives in test/reference.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binetRemainder, binetRemainderDerivative, digamma, trigamma } from '../../src/numerics/digamma.js';

const EPS = 2.220446049250313e-16;
const EULER_GAMMA = 0.5772156649015329;
const LN2 = Math.LN2;
const rel = (x: number, y: number): number => Math.abs(x - y) / Math.abs(y);
/** Log-uniform x in [10^lo, 10^hi]. */
const logUniform = (lo: number, hi: number): fc.Arbitrary<number> =>
  fc.double({ min: lo, max: hi, noNaN: true }).map((e) => 10 ** e);

describe('digamma', () => {
  it('closed-form values (A&S 6.3.2–6.3.4), to 4ε·(1 + |ψ|) absolute', () => {
    // Below x = 10 the upward recurrence sums terms of size ~3 into ψ(1) ≈ −0.58: rounding ~ a few ε
    // absolute, hence an absolute bound rather than a relative one.
    const close = (x: number, exact: number): void =>
      expect(Math.abs(digamma(x) - exact), `ψ(${x})`).toBeLessThan(4 * EPS * (1 + Math.abs(exact)));
    close(1, -EULER_GAMMA);
    close(0.5, -EULER_GAMMA - 2 * LN2);
    // ψ(¼) = −γ − π/2 − 3 ln 2 and ψ(¾) = −γ + π/2 − 3 ln 2; evaluating those sums in double precision
    // cancels (for ¾) to ~4ε, so their 17-digit values (mpmath) are used instead.
    close(0.25, -4.2274535333762655);
    close(0.75, -1.0858608797864722);
    expect(Math.abs(-EULER_GAMMA + Math.PI / 2 - 3 * LN2 - -1.0858608797864722)).toBeLessThan(1e-15);
    // ψ(n) = −γ + H_{n−1}
    let harmonic = 0;
    for (let n = 1; n <= 40; n++) {
      close(n, -EULER_GAMMA + harmonic);
      harmonic += 1 / n;
    }
  });

  it('recurrence ψ(x+1) = ψ(x) + 1/x across the series/recurrence switch at 10 (fast-check, 500 runs)', () => {
    // Absolute rounding of the three terms is a few ε times the largest of them.
    fc.assert(
      fc.property(logUniform(-4, 4), (x) => {
        const a = digamma(x + 1);
        const b = digamma(x);
        const scale = Math.abs(a) + Math.abs(b) + 1 / x;
        return Math.abs(a - b - 1 / x) <= 8 * EPS * scale;
      }),
      { numRuns: 500 },
    );
  });

  it('duplication ψ(2x) = ψ(x)/2 + ψ(x+½)/2 + ln 2, a reflection-free identity (fast-check, 500 runs)', () => {
    fc.assert(
      fc.property(logUniform(-3, 5), (x) => {
        const lhs = digamma(2 * x);
        const rhs = 0.5 * digamma(x) + 0.5 * digamma(x + 0.5) + LN2;
        const scale = Math.abs(lhs) + 0.5 * Math.abs(digamma(x)) + 0.5 * Math.abs(digamma(x + 0.5)) + LN2;
        return Math.abs(lhs - rhs) <= 8 * EPS * scale;
      }),
      { numRuns: 500 },
    );
  });

  it('ψ(x) ≈ −1/x − γ for tiny x, and NaN outside x > 0', () => {
    // ψ(x) = −1/x − γ + ζ(2)x + O(x²)
    const x = 1e-8;
    expect(rel(digamma(x), -1 / x - EULER_GAMMA + (Math.PI ** 2 / 6) * x)).toBeLessThan(4 * EPS);
    expect(digamma(0)).toBeNaN();
    expect(digamma(-1.5)).toBeNaN();
    expect(digamma(NaN)).toBeNaN();
  });
});

describe('trigamma', () => {
  it('ψ′(1) = π²/6, ψ′(½) = π²/2, ψ′(¼) = π² + 8G (Catalan), to 4ε', () => {
    const catalan = 0.915965594177219;
    expect(rel(trigamma(1), Math.PI ** 2 / 6)).toBeLessThan(4 * EPS);
    expect(rel(trigamma(0.5), Math.PI ** 2 / 2)).toBeLessThan(4 * EPS);
    expect(rel(trigamma(0.25), Math.PI ** 2 + 8 * catalan)).toBeLessThan(4 * EPS);
  });

  it('recurrence ψ′(x+1) = ψ′(x) − 1/x² and duplication ψ′(2x) = ¼[ψ′(x) + ψ′(x+½)] (fast-check, 500 runs)', () => {
    fc.assert(
      fc.property(logUniform(-4, 4), (x) => {
        const a = trigamma(x + 1);
        const b = trigamma(x);
        const recurrence = Math.abs(a - b + 1 / (x * x)) <= 8 * EPS * (a + b + 1 / (x * x));
        const dup = 0.25 * (trigamma(x) + trigamma(x + 0.5));
        return recurrence && rel(trigamma(2 * x), dup) <= 8 * EPS;
      }),
      { numRuns: 500 },
    );
  });

  it('is the derivative of digamma (Richardson-extrapolated central difference, 1e-9)', () => {
    // D(h) = (ψ(x+h) − ψ(x−h))/2h = ψ′ + ψ‴h²/6 + ψ⁽⁵⁾h⁴/120 + …; (4D(h/2) − D(h))/3 leaves −ψ⁽⁵⁾h⁴/480.
    // Worst case small x (ψ⁽ⁿ⁾ ≈ n!/x^{n+1}): relative remainder 0.25(h/x)⁴ = 1.6e-10 for h = x/200;
    // rounding ε|ψ|/(h ψ′) is < 1e-12.
    for (const x of [0.3, 1, 2.5, 9.7, 10.3, 50, 1e3]) {
      const h = x / 200;
      const D = (s: number): number => (digamma(x + s) - digamma(x - s)) / (2 * s);
      const fd = (4 * D(h / 2) - D(h)) / 3;
      expect(rel(trigamma(x), fd), `x = ${x}`).toBeLessThan(1e-9);
    }
  });
});

describe('binetRemainder φ(x) = ln x − 1/(2x) − ψ(x)', () => {
  it('equals its definition where that is free of cancellation (x ≤ 5), to 1e-14 absolute', () => {
    for (const x of [1e-3, 0.1, 0.5, 1, 2, 5]) {
      const direct = Math.log(x) - 1 / (2 * x) - digamma(x);
      expect(Math.abs(binetRemainder(x) - direct), `x = ${x}`).toBeLessThan(
        8 * EPS * (Math.abs(Math.log(x)) + 1 / x),
      );
    }
    // φ(1) = γ − ½ (ln 1 = 0, ψ(1) = −γ). Absolute 4ε: below 10 the recurrence sums terms of size ~3
    // down to 0.077, so the relative error there is ~40× larger than ε.
    expect(Math.abs(binetRemainder(1) - (EULER_GAMMA - 0.5))).toBeLessThan(4 * EPS);
  });

  it('follows the asymptotic series 1/(12x²) − 1/(120x⁴) + … for large x, with no cancellation up to 1e12', () => {
    for (const x of [100, 1e3, 1e4, 1e6, 1e8, 1e12]) {
      const series = 1 / (12 * x * x) - 1 / (120 * x ** 4) + 1 / (252 * x ** 6) - 1 / (240 * x ** 8);
      // Next term 1/(132x¹⁰) is 12/(132x⁸) ≈ 1e-17 relative at x = 100.
      expect(rel(binetRemainder(x), series), `x = ${x}`).toBeLessThan(4 * EPS);
    }
  });

  it('at x = 100 matches the mpmath value 8.33325000396783737732e-6 to 4ε', () => {
    expect(rel(binetRemainder(100), 8.333250003967836e-6)).toBeLessThan(4 * EPS);
  });

  it('is positive and decreasing for all x > 0 (fast-check, 500 runs)', () => {
    fc.assert(
      fc.property(
        logUniform(-8, 14),
        (x) => binetRemainder(x) > 0 && binetRemainder(x * 1.01) < binetRemainder(x),
      ),
      { numRuns: 500 },
    );
  });

  it('φ(x) − φ(x+1) = 1/(2x) + 1/(2(x+1)) − ln(1 + 1/x) (fast-check, 300 runs)', () => {
    fc.assert(
      fc.property(logUniform(-3, 1.5), (x) => {
        const lhs = binetRemainder(x) - binetRemainder(x + 1);
        const rhs = 1 / (2 * x) + 1 / (2 * (x + 1)) - Math.log1p(1 / x);
        return Math.abs(lhs - rhs) <= 16 * EPS * (1 / x + binetRemainder(x));
      }),
      { numRuns: 300 },
    );
  });

  it('binetRemainderDerivative: negative, ≈ −1/(6x³) for large x, and equal to a Richardson difference of φ', () => {
    expect(rel(binetRemainderDerivative(1e6), -1 / 6e18 + 1 / (30 * 1e30))).toBeLessThan(4 * EPS);
    for (const x of [1e-3, 0.05, 0.7, 3, 9.99, 10, 10.01, 40, 500]) {
      // The extrapolated difference leaves −φ⁽⁵⁾h⁴/480: relative 0.25(h/x)⁴ at small x (φ ≈ 1/(2x) + ln x)
      // and ≈ 5.25(h/x)⁴/x at large x (φ ≈ 1/(12x²)), so ≤ 5.3e-8 for h = x/100. Rounding ε·φ/(h|φ′|)
      // is < 1e-13. Bound: 1e-7.
      const h = x / 100;
      const D = (s: number): number => (binetRemainder(x + s) - binetRemainder(x - s)) / (2 * s);
      const fd = (4 * D(h / 2) - D(h)) / 3;
      const d = binetRemainderDerivative(x);
      expect(d).toBeLessThan(0);
      expect(rel(d, fd), `x = ${x}`).toBeLessThan(1e-7);
    }
  });
});
