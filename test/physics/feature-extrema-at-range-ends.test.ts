/**
 * photonicMaximum and temperatureDrop where the extremum lies at an end of the range: J_γ(T_L = 0.5 K, ·)
 * of the Ag device rises with T_R up to its maximum near 0.374 K (κ_γ < 0) and falls beyond (κ_γ > 0);
 * T_L at fixed J_in = J_in(T_L = 0.5 K at T_R = 10 mK) falls with T_R over 0.2–0.34 K, and the lowest of
 * three roots at J_in = 0.4 fW over 0.5–0.9 K. Checked against the value at the end itself and
 * against the sign of κ_γ on a grid.
 */
import { describe, expect, it } from 'vitest';
import { inputPowerForTarget, solveBalance } from '../../src/physics/balance.js';
import { platformDevice } from '../../src/physics/device.js';
import { photonicMaximum, temperatureDrop } from '../../src/physics/features.js';
import { photonicConductance, photonicHeatCurrent } from '../../src/physics/photonic.js';

const ag = platformDevice('ag');
const TL = 0.5;
const grid = (a: number, b: number): number[] => Array.from({ length: 21 }, (_, i) => a + ((b - a) * i) / 20);

describe('photonicMaximum at an end of the range', () => {
  it('is at T_R,min where κ_γ > 0 on the whole range (J_γ falls)', () => {
    expect(grid(0.4, 0.5).every((TR) => photonicConductance(ag, TL, TR) > 0)).toBe(true);
    expect(photonicMaximum(ag, TL, 0.4, 0.5)).toEqual({ TR: 0.4, J: photonicHeatCurrent(ag, TL, 0.4) });
  });
  it('is at T_R,max where κ_γ < 0 on the whole range (J_γ rises)', () => {
    expect(grid(0.25, 0.36).every((TR) => photonicConductance(ag, TL, TR) < 0)).toBe(true);
    expect(photonicMaximum(ag, TL, 0.25, 0.36)).toEqual({ TR: 0.36, J: photonicHeatCurrent(ag, TL, 0.36) });
  });
});

describe('temperatureDrop with the minimum at T_R,max', () => {
  it('is T_L at T_R,max where T_L falls over the whole range', () => {
    const Jin = inputPowerForTarget(ag, 0.5, 0.01, 1);
    const TLat = (TR: number): number => {
      const { roots } = solveBalance(ag, { Jin, TR, setup: 1 });
      expect(roots).toHaveLength(1);
      return roots[0].TL;
    };
    const TLs = grid(0.2, 0.34).map(TLat);
    TLs.slice(1).forEach((x, i) => expect(x).toBeLessThan(TLs[i]));
    const drop = temperatureDrop(ag, Jin, 1, 0.2, 0.34);
    expect(drop.TRatMin).toBe(0.34);
    expect(Math.abs(drop.TLmin - TLs[20])).toBeLessThan(1e-9);
    expect(Math.abs(drop.TL0 - TLs[0])).toBeLessThan(1e-9);
    expect(drop.deltaT).toBe(drop.TL0 - drop.TLmin);
  });
});

describe('temperatureDrop through the bistable window', () => {
  it('follows the lowest branch from T_R,min: its minimum at T_R,max, not the upper branch', () => {
    // J_in = 0.4 fW, T_R 0.5–0.9 K: three roots throughout; the lowest falls from 0.203 K to 0.196 K.
    const Jin = 0.4e-15;
    const lowest = grid(0.5, 0.9).map((TR) => {
      const { roots } = solveBalance(ag, { Jin, TR, setup: 1 });
      expect(roots).toHaveLength(3);
      return roots[0].TL;
    });
    lowest.slice(1).forEach((x, i) => expect(x).toBeLessThan(lowest[i]));
    const drop = temperatureDrop(ag, Jin, 1, 0.5, 0.9);
    expect(Math.abs(drop.TL0 - lowest[0])).toBeLessThan(1e-9);
    expect(Math.abs(drop.TLmin - lowest[20])).toBeLessThan(1e-9);
    expect(drop.TRatMin).toBe(0.9);
  });
});

describe('temperatureDrop with no root at T_R,min', () => {
  it('is NaN (the branch has no start), not an error', () => {
    // Just more than G(Tc) at T_R = 10 mK: no root below Tc there (there is one at 0.5 K).
    const Jin = inputPowerForTarget(ag, 1.2 * (1 - 1e-12), 0.01, 1) * (1 + 1e-6);
    expect(solveBalance(ag, { Jin, TR: 0.01, setup: 1 }).roots).toEqual([]);
    expect(solveBalance(ag, { Jin, TR: 0.5, setup: 1 }).roots).toHaveLength(1);
    const drop = temperatureDrop(ag, Jin, 1, 0.01, 0.9);
    expect(drop.TL0).toBeNaN();
    expect(drop.TLmin).toBeNaN();
    expect(drop.deltaT).toBeNaN();
  });
});
