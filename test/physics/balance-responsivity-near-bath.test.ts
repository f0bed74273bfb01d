/**
 * The responsivity dT_L/dT_R of setup 2 (T_bath = T_R) for roots just above the bath (small J_in), where
 * ∂J_ph,S/∂T_b cannot be differenced across T_b = T_L: against central differences of the sole root of
 * independent solves at T_R ± h. Without J_in, T_L = T_R: the responsivity tends to 1.
 */
import { describe, expect, it } from 'vitest';
import { balanceRoots, solveBalance } from '../../src/physics/balance.js';
import { platformDevice, type PlatformName } from '../../src/physics/device.js';

describe('setup-2 responsivity of a root next to the bath', () => {
  // T_L − T_R: 1.5e-9 K, 2.4e-9 K (within 10⁻⁵ T_b of the bath), and 7e-4 K for J_in = 1e-16 W.
  const cases: [PlatformName, number, number][] = [
    ['ag', 0.8, 1e-20],
    ['ag', 0.3, 1e-22],
    ['inas', 0.3, 1e-20],
    ['ag', 0.3, 1e-16],
  ];
  for (const [platform, TR, Jin] of cases) {
    it(`${platform}, T_R = ${TR} K, J_in = ${Jin} W: dT_L/dT_R to 1e-6`, () => {
      const device = platformDevice(platform);
      const sole = (T: number): number => {
        const { TL } = balanceRoots(device, { Jin, TR: T, setup: 2 });
        expect(TL).toHaveLength(1);
        return TL[0];
      };
      const h = 1e-5 * TR;
      const difference = (sole(TR + h) - sole(TR - h)) / (2 * h);
      const [root] = solveBalance(device, { Jin, TR, setup: 2 }).roots;
      expect(Math.abs(root.dTL_dTR - difference)).toBeLessThan(1e-6);
      expect(root.stable).toBe(true);
    });
  }
});
