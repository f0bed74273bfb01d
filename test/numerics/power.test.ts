import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { power } from '../../src/numerics/power.js';

describe('power: x^n by multiplication for the electron–phonon exponents', () => {
  it('is within 3 ulp of Math.pow for n = 4, 5, 6 and equal to it otherwise (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-4, max: 1e3, noNaN: true }),
        fc.constantFrom(4, 5, 6, 5.5, 3),
        (x, n) => {
          const exact = x ** n;
          if (![4, 5, 6].includes(n)) return power(x, n) === exact;
          return Math.abs(power(x, n) - exact) <= 3 * Number.EPSILON * exact;
        },
      ),
      { numRuns: 500 },
    );
  });

  it('is exact on powers of two', () => {
    expect(power(2, 5)).toBe(32);
    expect(power(0.5, 6)).toBe(1 / 64);
    expect(power(4, 4)).toBe(256);
  });
});
