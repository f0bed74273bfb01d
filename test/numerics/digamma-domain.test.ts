/**
 * The real digamma family is defined here for x > 0 only, and says so by returning NaN outside: without
 * the check the upward recurrence would return ±∞ at the poles 0, −1, −2, …, NaN or a finite value
 * elsewhere depending on the function, and never end at x = −∞.
 */
import { describe, expect, it } from 'vitest';
import { binetRemainder, binetRemainderDerivative, digamma, trigamma } from '../../src/numerics/digamma.js';

describe('digamma family: NaN outside x > 0', () => {
  const functions = { digamma, trigamma, binetRemainder, binetRemainderDerivative };
  for (const [name, f] of Object.entries(functions)) {
    it(`${name}: NaN at 0, negative x and NaN`, () => {
      for (const x of [0, -0, -0.5, -1, -7.25, -1e6, NaN, -Infinity]) expect(f(x), `x = ${x}`).toBeNaN();
    });
  }
});
