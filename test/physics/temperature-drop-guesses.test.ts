/**
 * temperatureDrop's coarse samples: each T_L(T_R) after the first is found by balanceRootNear from a guess
 * extrapolated through the samples before it (linear from two, quadratic from three), probing first at
 * twice the two predictions' difference. The guesses only make the search short, so they are checked
 * here against their definition: the same extrapolations of independent solves at the earlier T_R (each
 * sample is good to 1e-7 K, so an extrapolation through three is good to 7e-7 K), on a T_L(T_R) whose
 * curvature makes linear and quadratic differ by far more than that.
 */
import { describe, expect, it, vi } from 'vitest';
import { balanceRoots, inputPowerForTarget } from '../../src/physics/balance.js';
import type { OperatingPoint } from '../../src/physics/balance.js';
import { platformDevice, type Device } from '../../src/physics/device.js';
import { temperatureDrop } from '../../src/physics/features.js';

interface Call {
  TR: number;
  guess: number;
  xtol: number | undefined;
  step: number | undefined;
}
const calls: Call[] = [];

vi.mock('../../src/physics/balance.js', async (importOriginal) => {
  const balance = await importOriginal<typeof import('../../src/physics/balance.js')>();
  return {
    ...balance,
    balanceRootNear: (device: Device, op: OperatingPoint, guess: number, xtol?: number, step?: number) => {
      calls.push({ TR: op.TR, guess, xtol, step });
      return balance.balanceRootNear(device, op, guess, xtol, step);
    },
  };
});

describe('temperatureDrop: the guesses of its coarse samples', () => {
  for (const setup of [1, 2] as const) {
    it(`setup ${setup}: linear, then quadratic extrapolation of the branch, with the probe step`, () => {
      const device = platformDevice('ag');
      const Jin = inputPowerForTarget(device, 0.5, 0.01, setup);
      const [TRmin, TRmax] = [0.05, 0.75];
      calls.length = 0;
      temperatureDrop(device, Jin, setup, TRmin, TRmax);
      const coarse = calls.filter((c) => c.xtol === 1e-7);
      // One search per sample after the first (T_R,min's T_L comes from the full solve).
      expect(coarse.length).toBe(32);
      expect(coarse.some((c) => c.TR === TRmin)).toBe(false);
      const TRs = [TRmin, ...coarse.map((c) => c.TR)];
      const roots = TRs.map((TR) => {
        const { TL } = balanceRoots(device, { Jin, TR, setup });
        expect(TL).toHaveLength(1);
        return TL[0];
      });
      let curved = 0;
      coarse.forEach((c, j) => {
        const i = j + 1; // the sample's index; roots[0 .. i−1] are behind it
        const linear = i >= 2 ? 2 * roots[i - 1] - roots[i - 2] : roots[0];
        if (i < 3) {
          expect(Math.abs(c.guess - linear), `sample ${i}`).toBeLessThan(3e-7);
          expect(c.step, `sample ${i}`).toBeUndefined();
          return;
        }
        const quadratic = 3 * roots[i - 1] - 3 * roots[i - 2] + roots[i - 3];
        if (Math.abs(quadratic - linear) > 1e-4) curved++;
        expect(Math.abs(c.guess - quadratic), `sample ${i}`).toBeLessThan(7e-7);
        const step = Math.max(2 * Math.abs(quadratic - linear), 1e-6);
        expect(Math.abs(c.step! - step), `sample ${i}`).toBeLessThan(2e-6 + 1e-6 * step);
      });
      // Linear and quadratic differ by ≫ 7e-7 K on several samples: the check tells them apart.
      expect(curved).toBeGreaterThan(3);
    });
  }
});
