/**
 * Derivative of a Chebyshev series (src/numerics/chebyshev.ts) against the identity
 * d/dt T_j(t) = j U_{j−1}(t), U_{j−1}(cos θ) = sin(jθ)/sin θ, for every length including 1 and 2.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chebyshevDerivativeCoefficients, clenshaw } from '../../src/numerics/chebyshev.js';

/** Σ_j c_j j U_{j−1}(t) for t strictly inside (−1, 1). */
function derivativeBySines(c: readonly number[], t: number): number {
  const theta = Math.acos(t);
  return c.reduce((s, cj, j) => s + (cj * j * Math.sin(j * theta)) / Math.sin(theta), 0);
}

describe('chebyshevDerivativeCoefficients', () => {
  it('gives d/dt of Σ c_j T_j(t): j U_{j−1}(t) termwise (fast-check, lengths 1–12)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.double({ min: -0.99, max: 0.99, noNaN: true }),
        (c, t) => {
          const d = chebyshevDerivativeCoefficients(c);
          const scale = c.reduce((s, cj, j) => s + Math.abs(cj) * j * j, 0);
          expect(Math.abs(clenshaw(d, t) - derivativeBySines(c, t))).toBeLessThanOrEqual(1e-13 * (1 + scale));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('of a linear series c_0 + c_1 t is c_1; of a constant, 0', () => {
    expect(clenshaw(chebyshevDerivativeCoefficients([0.3, -2.5]), 0.4)).toBe(-2.5);
    expect(clenshaw(chebyshevDerivativeCoefficients([0.3]), 0.4)).toBe(0);
  });
});
