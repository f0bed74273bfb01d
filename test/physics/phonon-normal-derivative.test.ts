/** ∂J_ph,N/∂T_e = n Σ_N V_N T_e^{n−1} (docs/model.md §4), the derivative the heat-balance Newton steps use. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { phononHeatNormal, phononHeatNormalDerivative, platformDevice } from '../../src/index.js';

const rel = (x: number, y: number): number => Math.abs(x - y) / Math.abs(y);

describe('∂J_ph,N/∂T_e', () => {
  it('equals a Richardson-extrapolated central difference of J_ph,N (1e-9), for n = 4 … 6 and non-integer n', () => {
    // (4D(h/2) − D(h))/3 with h = 1e-3·T: remainder O(h⁴ n⁵/T⁴) ≲ 1e-10 relative; rounding 2ε·J/h ≈ 1e-12.
    const normal = platformDevice('ag').left.normal;
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 2, noNaN: true }),
        fc.oneof(fc.constantFrom(4, 5, 6), fc.double({ min: 3, max: 7, noNaN: true })),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (T, n, tb) => {
          const metal = { ...normal, n };
          const h = 1e-3 * T;
          const D = (s: number): number =>
            (phononHeatNormal(metal, T + s, tb * T) - phononHeatNormal(metal, T - s, tb * T)) / (2 * s);
          const fd = (4 * D(h / 2) - D(h)) / 3;
          return rel(phononHeatNormalDerivative(metal, T), fd) <= 1e-9;
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is n Σ V T^{n−1} exactly for both platforms (n = 5 for Ag, 6 for InAs)', () => {
    for (const name of ['ag', 'inas'] as const) {
      const { Sigma, volume, n } = platformDevice(name).left.normal;
      for (const T of [0.05, 0.3, 1]) {
        const exact = n * Sigma * volume * T ** (n - 1);
        expect(rel(phononHeatNormalDerivative(platformDevice(name).left.normal, T), exact)).toBeLessThan(
          8 * Number.EPSILON,
        );
      }
    }
  });
});
