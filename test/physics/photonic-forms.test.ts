/**
 * The other entry points to J_γ (docs/model.md §3): of a given circuit, at a fixed T_R (the root searches' form),
 * and the cutoff ω_c. Checked against the direct quadrature of paper Eq. 2 and docs/model.md's cutoff formula.
 */
import { describe, expect, it } from 'vitest';
import { platformDevice, type Device } from '../../src/index.js';
// The modules themselves, unchecked, as photonic.test.ts uses them.
import { withChi } from '../../src/physics/device.js';
import {
  photonicCircuit,
  photonicCutoff,
  photonicHeatCurrent,
  photonicHeatCurrentAt,
  photonicHeatCurrentDirect,
  photonicHeatCurrentOfCircuit,
} from '../../src/physics/photonic.js';
import { resistanceRatio } from '../../src/physics/resistance.js';

const rel = (x: number, y: number): number => Math.abs(x - y) / Math.abs(y);
const ag = platformDevice('ag');

/** Asymmetric in every junction parameter: χ = 3, and the right side's c and r0 differ from the left's. */
const lopsided: Device = (() => {
  const d = withChi(ag, 3);
  return {
    ...d,
    right: {
      ...d.right,
      junction: { ...d.right.junction, c: 2.5 * d.left.junction.c, r0: 0.4 * d.left.junction.r0 },
    },
  };
})();

const pairs: [number, number][] = [
  [0.3, 0.1],
  [0.15, 0.6],
  [0.9, 0.45],
];

describe('J_γ of a circuit and at a fixed T_R', () => {
  it('photonicHeatCurrentOfCircuit(photonicCircuit(…)) equals the direct quadrature of Eq. 2 (1e-10)', () => {
    for (const d of [ag, lopsided]) {
      for (const [TL, TR] of pairs) {
        const J = photonicHeatCurrentOfCircuit(photonicCircuit(d, TL, TR), TL, TR);
        expect(rel(J, photonicHeatCurrentDirect(d, TL, TR)), `T_L = ${TL}, T_R = ${TR}`).toBeLessThan(1e-10);
      }
    }
  });

  it('photonicHeatCurrentAt(d, T_R)(T_L) is J_γ(T_L, T_R): the same bits as photonicHeatCurrent, and the direct quadrature (1e-10)', () => {
    for (const d of [ag, lopsided]) {
      for (const [TL, TR] of pairs) {
        const at = photonicHeatCurrentAt(d, TR);
        expect(at(TL)).toBe(photonicHeatCurrent(d, TL, TR));
        expect(rel(at(TL), photonicHeatCurrentDirect(d, TL, TR)), `T_L = ${TL}, T_R = ${TR}`).toBeLessThan(
          1e-10,
        );
      }
    }
  });
});

describe('cutoff ω_c', () => {
  it.each([0.2, 1, 3, 10])(
    'is 1/((1 + χ) c √(r_L r_R)) with r = (R/R0)·r0 (docs/model.md §3) at χ = %s, T_L ≠ T_R (1e-14)',
    (chi) => {
      const { c, r0 } = ag.left.junction;
      const sc = ag.left.superconductor;
      for (const [TL, TR] of pairs) {
        const rL = resistanceRatio(TL, sc) * r0;
        const rR = resistanceRatio(TR, sc) * r0;
        const expected = 1 / ((1 + chi) * c * Math.sqrt(rL * rR));
        expect(
          rel(photonicCutoff(withChi(ag, chi), TL, TR), expected),
          `T_L = ${TL}, T_R = ${TR}`,
        ).toBeLessThan(1e-14);
      }
    },
  );
});
