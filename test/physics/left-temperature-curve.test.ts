/**
 * leftTemperatureCurve (T_L along T_R at fixed J_in, by continuation) against a full solve at every
 * point: the sole root where there is one, the lowest stable root through the Ag device's bistable
 * window (setup 1, J_in = 0.4 fW), and no entry where the root would lie above Tc.
 */
import { describe, expect, it } from 'vitest';
import { inputPowerForTarget, solveBalance } from '../../src/physics/balance.js';
import { platformDevice, type Setup } from '../../src/physics/device.js';
import { leftTemperatureCurve } from '../../src/physics/features.js';

const ag = platformDevice('ag');
const inas = platformDevice('inas');

describe('leftTemperatureCurve', () => {
  for (const [name, device] of [
    ['ag', ag],
    ['inas', inas],
  ] as const) {
    for (const setup of [1, 2] as Setup[]) {
      it(`is the sole root at every T_R where there is one (${name}, setup ${setup})`, () => {
        const Jin = inputPowerForTarget(device, 0.5, 0.01, setup);
        const TRs = Array.from({ length: 12 }, (_, i) => 0.01 + 0.07 * i);
        const curve = leftTemperatureCurve(device, Jin, setup, TRs);
        expect(curve).toHaveLength(TRs.length);
        TRs.forEach((TR, i) => {
          const { roots } = solveBalance(device, { Jin, TR, setup });
          if (roots.length !== 1) return;
          expect(Math.abs(curve[i]!.TL - roots[0].TL)).toBeLessThan(1e-9);
          expect(curve[i]!.stable).toBe(true);
          expect(Math.abs(curve[i]!.dTL_dTR - roots[0].dTL_dTR)).toBeLessThan(
            1e-6 * Math.abs(roots[0].dTL_dTR),
          );
        });
      });
    }
  }

  it('follows the lower stable branch through the bistable window, from either end', () => {
    const Jin = 0.4e-15;
    const TRs = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
    for (const order of [TRs, [...TRs].reverse()]) {
      const curve = leftTemperatureCurve(ag, Jin, 1, order);
      order.forEach((TR, i) => {
        const { roots } = solveBalance(ag, { Jin, TR, setup: 1 });
        expect(Math.abs(curve[i]!.TL - roots[0].TL)).toBeLessThan(1e-9);
      });
    }
    // Inside the window there are three roots: the curve keeps to the lowest.
    expect(solveBalance(ag, { Jin, TR: 0.7, setup: 1 }).roots).toHaveLength(3);
  });

  it('has no entry where the root would be above Tc, and a full solve again after one', () => {
    // Just more than G(Tc) at T_R = 10 mK: no root there; T_L dips with T_R, so at 0.5 K there is one.
    const Jin = inputPowerForTarget(ag, 1.2 * (1 - 1e-12), 0.01, 1) * (1 + 1e-6);
    expect(solveBalance(ag, { Jin, TR: 0.01, setup: 1 }).exceedsTc).toBe(true);
    const curve = leftTemperatureCurve(ag, Jin, 1, [0.01, 0.5, 0.9, 0.01]);
    expect(curve[0]).toBeUndefined();
    expect(curve[3]).toBeUndefined();
    for (const [i, TR] of [
      [1, 0.5],
      [2, 0.9],
    ]) {
      const { roots } = solveBalance(ag, { Jin, TR, setup: 1 });
      expect(roots).toHaveLength(1);
      expect(Math.abs(curve[i]!.TL - roots[0].TL)).toBeLessThan(1e-9);
    }
  });
  it('stays on the branch it follows into the window, not the lowest root there', () => {
    // J_in = 0.52 fW: one root up to T_R ≈ 0.6 K, rising with T_R; from 0.7 K two more appear below it.
    const Jin = 5.2e-16;
    const TRs = [0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
    const curve = leftTemperatureCurve(ag, Jin, 1, TRs);
    TRs.forEach((TR, i) => {
      const { roots } = solveBalance(ag, { Jin, TR, setup: 1 });
      if (TR >= 0.7) expect(roots).toHaveLength(3);
      const highest = roots[roots.length - 1];
      expect(Math.abs(curve[i]!.TL - highest.TL)).toBeLessThan(1e-9);
    });
  });
});
