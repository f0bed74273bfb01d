/**
 * temperatureDrop against its definition: T_L,min = min over T_R of the sole root T_L(T_R), found here by
 * a golden-section/parabolic minimisation of independent solves, for ranges whose minimum lies in the
 * first few of its 32 coarse samples (where the extrapolated guesses have the fewest points behind them).
 */
import { describe, expect, it } from 'vitest';
import { minimize } from '../../src/numerics/roots.js';
import { balanceRoots, inputPowerForTarget } from '../../src/physics/balance.js';
import { platformDevice, type PlatformName, type Setup } from '../../src/physics/device.js';
import { temperatureDrop } from '../../src/physics/features.js';

describe('temperatureDrop against a minimisation of T_L(T_R)', () => {
  // J_in puts T_L at 0.5 K for T_R = 10 mK; T_L(T_R) has its minimum near 0.32–0.36 K.
  const cases: [PlatformName, Setup, number][] = [
    ['ag', 1, 0.36],
    ['ag', 2, 0.32],
    ['inas', 1, 0.35],
    ['inas', 2, 0.34],
  ];
  for (const [platform, setup, near] of cases) {
    it(`${platform}, setup ${setup}: the minimum 1–2 samples from T_R,min`, () => {
      const device = platformDevice(platform);
      const Jin = inputPowerForTarget(device, 0.5, 0.01, setup);
      const sole = (TR: number): number => {
        const { TL } = balanceRoots(device, { Jin, TR, setup });
        expect(TL).toHaveLength(1);
        return TL[0];
      };
      const ref = minimize(sole, near - 0.02, near + 0.02, { rtol: 1e-10 });
      for (const lo of [near - 0.03, near - 0.05]) {
        const drop = temperatureDrop(device, Jin, setup, lo, lo + 0.73);
        expect(Math.abs(drop.TLmin - ref.f)).toBeLessThan(1e-12);
        expect(Math.abs(drop.TRatMin - ref.x)).toBeLessThan(1e-4);
        expect(Math.abs(drop.TL0 - sole(lo))).toBeLessThan(1e-12);
        expect(drop.deltaT).toBe(drop.TL0 - drop.TLmin);
      }
    });
  }
});

describe('temperatureDrop without a steady state', () => {
  it('100 pW heats the Ag reservoir past Tc at every T_R: T_L0, T_Lmin, δT and where the minimum lies are NaN', () => {
    const device = platformDevice('ag');
    // No root below Tc at either end of the range: the balance itself says so.
    for (const TR of [0.01, 0.8])
      expect(balanceRoots(device, { Jin: 1e-10, TR, setup: 1 }).TL).toHaveLength(0);
    const drop = temperatureDrop(device, 1e-10, 1, 0.01, 0.8);
    expect(drop.TL0).toBeNaN();
    expect(drop.TLmin).toBeNaN();
    expect(drop.deltaT).toBeNaN();
    expect(drop.TRatMin).toBeNaN();
  });
});
