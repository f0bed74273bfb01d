/** The explorer's dynamics panel where no state exists: the cause named, in the controls' units. */
import { describe, expect, it } from 'vitest';
import { platformDevice } from '../../src/index.js';
import { dynamicsCurve } from '../../web/dynamics.js';

describe('dynamics without a steady state below T_c', () => {
  it('says T_L would reach T_c, with J_in in fW as the control shows it', () => {
    // 10⁴ fW (the control's top): T_L exceeds T_c at every T_R of the Ag device.
    expect(() => dynamicsCurve(platformDevice('ag'), 1e-11, 1)).toThrow(
      /^no steady state at J_in = 10000 fW(, T_R = [\d.]+ mK)?: T_L would reach T_c \(outside the model\)$/,
    );
  });
});
