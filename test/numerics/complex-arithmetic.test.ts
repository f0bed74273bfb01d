/**
 * The complex arithmetic under the line heat currents: division by Smith's algorithm (both branches, and
 * divisors whose |b|² would overflow), the principal square root and logarithm, checked against
 * identities (b·(a/b) = a, (√z)² = z, e^{ln z} = z) and exact cases; and the complex ψ outside its domain.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cdiv,
  clog,
  cmul,
  complex,
  cscale,
  complexBinetRemainder,
  complexDigamma,
  csqrt,
  type Complex,
} from '../../src/numerics/complex-digamma.js';

const EPS = 2.220446049250313e-16;
const abs = (z: Complex): number => Math.hypot(z.re, z.im);
const dist = (a: Complex, b: Complex): number => Math.hypot(a.re - b.re, a.im - b.im);
const part = fc.double({ min: -1e3, max: 1e3, noNaN: true });

describe('cdiv', () => {
  it('exact quotients, in both branches (|Re b| ≥ |Im b| and |Re b| < |Im b|)', () => {
    // (3 + 4i)/(1 + 2i) = 2.2 − 0.4i ; (3 + 4i)/(2 + i) = 2 + i ; (1 + i)/i = 1 − i ; i/2 = 0.5i
    expect(dist(cdiv(complex(3, 4), complex(1, 2)), complex(2.2, -0.4))).toBeLessThan(4 * EPS);
    expect(dist(cdiv(complex(3, 4), complex(2, 1)), complex(2, 1))).toBeLessThan(4 * EPS);
    expect(cdiv(complex(1, 1), complex(0, 1))).toEqual(complex(1, -1));
    expect(cdiv(complex(0, 1), complex(2, 0))).toEqual(complex(0, 0.5));
    expect(dist(cdiv(complex(-2, 5), complex(-3, 7)), complex(41 / 58, -1 / 58))).toBeLessThan(4 * EPS);
    expect(dist(cdiv(complex(-2, 5), complex(7, -3)), complex(-29 / 58, 29 / 58))).toBeLessThan(4 * EPS);
  });

  it('fast-check: b·(a/b) = a to a few ε·|a| (500 runs)', () => {
    fc.assert(
      fc.property(part, part, part, part, (ar, ai, br, bi) => {
        const b = complex(br, bi);
        fc.pre(abs(b) > 1e-3);
        const a = complex(ar, ai);
        return dist(cmul(b, cdiv(a, b)), a) <= 8 * EPS * (abs(a) + 1e-300);
      }),
      { numRuns: 500 },
    );
  });

  it('no overflow where |b|² exceeds the largest double', () => {
    const q = cdiv(complex(3e200, 4e200), complex(1e200, 2e200));
    expect(dist(q, complex(2.2, -0.4))).toBeLessThan(4 * EPS);
    const r = cdiv(complex(3e200, 4e200), complex(2e200, 1e200));
    expect(dist(r, complex(2, 1))).toBeLessThan(4 * EPS);
  });
});

describe('cscale', () => {
  it('scales both parts by a real factor', () => {
    expect(cscale(complex(3, -4), 2.5)).toEqual(complex(7.5, -10));
    expect(cscale(complex(-1.5, 6), -0.5)).toEqual(complex(0.75, -3));
  });
});

describe('csqrt and clog: principal branches', () => {
  it('exact roots: √(−4) = 2i, √(3 + 4i) = 2 + i, √(3 − 4i) = 2 − i, √(−3 + 4i) = 1 + 2i, √(−3 − 4i) = 1 − 2i, √0 = 0', () => {
    expect(csqrt(complex(-4))).toEqual(complex(0, 2));
    expect(dist(csqrt(complex(3, 4)), complex(2, 1))).toBeLessThan(4 * EPS);
    expect(dist(csqrt(complex(3, -4)), complex(2, -1))).toBeLessThan(4 * EPS);
    expect(dist(csqrt(complex(-3, 4)), complex(1, 2))).toBeLessThan(4 * EPS);
    expect(dist(csqrt(complex(-3, -4)), complex(1, -2))).toBeLessThan(4 * EPS);
    expect(csqrt(complex(0, 0))).toEqual(complex(0, 0));
  });

  it('fast-check: (√z)² = z, with Re √z ≥ 0 and Im √z of the sign of Im z (500 runs)', () => {
    fc.assert(
      fc.property(part, part, (re, im) => {
        const z = complex(re, im);
        // An Im z below ~1e-300 gives an Im √z that underflows to 0, whose sign then says nothing.
        fc.pre(abs(z) > 1e-6 && (im === 0 || Math.abs(im) > 1e-290));
        const s = csqrt(z);
        const signOk = s.re >= 0 && (im === 0 || Math.sign(s.im) === Math.sign(im));
        return signOk && dist(cmul(s, s), z) <= 8 * EPS * abs(z);
      }),
      { numRuns: 500 },
    );
  });

  it('ln z = ln|z| + i·arg z, arg in (−π, π]', () => {
    expect(dist(clog(complex(-1)), complex(0, Math.PI))).toBeLessThan(4 * EPS);
    expect(dist(clog(complex(0, -2)), complex(Math.LN2, -Math.PI / 2))).toBeLessThan(4 * EPS);
    expect(dist(clog(complex(3, 4)), complex(Math.log(5), Math.atan2(4, 3)))).toBeLessThan(4 * EPS);
  });
});

describe('complex ψ and φ outside Re z > 0', () => {
  it('NaN + NaN·i for Re z ≤ 0 and NaN', () => {
    for (const z of [
      complex(0, 1),
      complex(-0.5, 0),
      complex(-3, -2),
      complex(NaN, 0),
      complex(-Infinity, 0),
    ]) {
      for (const f of [complexDigamma, complexBinetRemainder]) {
        const v = f(z);
        expect(v.re, `${f.name}(${z.re} + ${z.im}i)`).toBeNaN();
        expect(v.im).toBeNaN();
      }
    }
  });
});
