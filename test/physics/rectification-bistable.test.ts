/**
 * Steady-state rectification where a heated side is bistable (docs/bistability.md's window, P = 0.4 pW on
 * the Ag platform): there is no single J on that side, so no ratio J_fwd/J_rev.
 */
import { describe, expect, it } from 'vitest';
import { platformDevice } from '../../src/index.js';
// The modules themselves, unchecked, as rectification.test.ts uses them.
import { withChi } from '../../src/physics/device.js';
import { steadyStateRectification } from '../../src/physics/rectification.js';

const ag = platformDevice('ag');

describe('rectification ratio with a bistable side', () => {
  it('is NaN whichever side, or both, has several steady states (χ = 2, 1/2, 1 at P = 0.4 pW)', () => {
    const cases: [number, 'forward' | 'reverse' | 'both'][] = [
      [2, 'reverse'],
      [0.5, 'forward'],
      [1, 'both'],
    ];
    for (const [chi, multistable] of cases) {
      const r = steadyStateRectification(withChi(ag, chi), 4e-13);
      const many = { forward: r.forward.length > 1, reverse: r.reverse.length > 1 };
      expect(many, `χ = ${chi}`).toEqual({
        forward: multistable !== 'reverse',
        reverse: multistable !== 'forward',
      });
      expect(r.ratio, `χ = ${chi}`).toBeNaN();
    }
  });
});
