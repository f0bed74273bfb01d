/**
 * The root reached from a guess by moving the way F points (solveBalanceNear, balanceRootNear), on the
 * three-root case of the Ag device (setup 1, T_R = 0.7 K, J_in = 0.4 fW): from every side of every root,
 * against Brent on brackets between the roots of solveBalance; none where no root lies that way; and
 * the inverse solve inputPowerForTarget at a non-default bath.
 */
import { describe, expect, it } from 'vitest';
import { brent } from '../../src/numerics/roots.js';
import {
  balanceRootNear,
  balanceRoots,
  inputPowerForTarget,
  solveBalance,
  solveBalanceNear,
  type OperatingPoint,
} from '../../src/physics/balance.js';
import { platformDevice } from '../../src/physics/device.js';
import { phononHeat } from '../../src/physics/electron-phonon.js';
import { photonicHeatCurrent } from '../../src/physics/photonic.js';

const ag = platformDevice('ag');
const op: OperatingPoint = { Jin: 0.4e-15, TR: 0.7, setup: 1 };
const Tb = ag.Tbath;
const hi = ag.left.superconductor.Tc * (1 - 1e-12);
const F = (TL: number): number =>
  op.Jin - photonicHeatCurrent(ag, TL, op.TR) - phononHeat(ag.left, TL, Tb).total;

describe('solveBalanceNear on a three-root balance', () => {
  const roots = solveBalance(ag, op).roots;
  // The roots, and between them points where F > 0 (below r1, between r2 and r3) or F < 0.
  const [r1, r2, r3] = roots.map((r) => r.TL);
  const exact = [
    brent(F, Tb * (1 + 1e-6), 0.5 * (r1 + r2), { xtol: 1e-15 }),
    brent(F, 0.5 * (r1 + r2), 0.5 * (r2 + r3), { xtol: 1e-15 }),
    brent(F, 0.5 * (r2 + r3), hi, { xtol: 1e-15 }),
  ];

  it('has three roots: stable, unstable, stable', () => {
    expect(roots.map((r) => r.stable)).toEqual([true, false, true]);
    roots.forEach((r, i) => expect(Math.abs(r.TL - exact[i])).toBeLessThan(1e-9));
  });

  // Guess → the stable root it flows to: F > 0 below r1 and between r2 and r3 (hotter), F < 0 else.
  const guesses: [string, () => number, number][] = [
    ['just below r1', () => r1 * (1 - 1e-7), 0],
    ['between r1 and r2', () => 0.5 * (r1 + r2), 0],
    ['just below r2', () => r2 * (1 - 1e-6), 0],
    ['just above r2', () => r2 * (1 + 1e-6), 2],
    ['between r2 and r3', () => 0.5 * (r2 + r3), 2],
    ['above r3', () => 0.5 * (r3 + hi), 2],
  ];
  for (const [name, guess, k] of guesses) {
    it(`from a guess ${name}: root ${k + 1}, described as solveBalance describes it`, () => {
      const g = guess();
      const near = solveBalanceNear(ag, op, g);
      expect(near).toBeDefined();
      expect(Math.abs(near!.TL - exact[k])).toBeLessThan(1e-9);
      expect(near!.stable).toBe(true);
      expect(Math.abs(near!.dF_dTL - roots[k].dF_dTL)).toBeLessThan(1e-6 * Math.abs(roots[k].dF_dTL));
      expect(Math.abs(near!.dTL_dTR - roots[k].dTL_dTR)).toBeLessThan(1e-6 * Math.abs(roots[k].dTL_dTR));
      // A coarse tolerance and a wide first step reach the same root, to that tolerance.
      const coarse = balanceRootNear(ag, op, g, 1e-6, 0.05);
      expect(Math.abs(coarse! - exact[k])).toBeLessThan(1e-6);
    });
  }
});

describe('solveBalanceNear from a guess outside (T_b, Tc)', () => {
  it('starts from the nearer end: one root, reached from below the bath and from above Tc', () => {
    const one: OperatingPoint = { Jin: 1e-14, TR: 0.3, setup: 1 };
    const G = (TL: number): number => photonicHeatCurrent(ag, TL, 0.3) + phononHeat(ag.left, TL, Tb).total;
    const root = brent((TL) => one.Jin - G(TL), Tb * (1 + 1e-9), hi, { xtol: 1e-15 });
    expect(solveBalance(ag, one).roots).toHaveLength(1);
    for (const guess of [0, 0.5 * Tb, 2, 1e3]) {
      const near = solveBalanceNear(ag, one, guess);
      expect(Math.abs(near!.TL - root)).toBeLessThan(1e-9);
    }
  });
});

describe('solveBalanceNear with no root that way', () => {
  it('is undefined when J_in is too large for a root below Tc (F > 0 up to Tc)', () => {
    const big: OperatingPoint = { Jin: 1e-9, TR: 0.3, setup: 1 };
    expect(solveBalance(ag, big).exceedsTc).toBe(true);
    expect(solveBalanceNear(ag, big, 0.5)).toBeUndefined();
    expect(balanceRootNear(ag, big, 0.5)).toBeUndefined();
  });
  it('is undefined without heating at T_R = T_b: the only zero of F is the bath itself', () => {
    // Setup 2 at T_R = T_b = 0.3 K: F = −J_γ − J_ph < 0 above the bath, and F(T_b) = 0 exactly.
    const cold: OperatingPoint = { Jin: 0, TR: 0.3, setup: 2 };
    expect(F(0.4)).not.toBe(0);
    expect(balanceRootNear(ag, cold, 0.5)).toBeUndefined();
    expect(balanceRootNear(ag, cold, 0.3)).toBeUndefined();
    expect(balanceRootNear(ag, cold, 0.1)).toBeUndefined();
    expect(solveBalanceNear(ag, cold, 0.5)).toBeUndefined();
  });
});

describe('inputPowerForTarget', () => {
  it('is J_γ + J_ph at the bath of the operating point: device.Tbath, a given Tbath, or T_R in setup 2', () => {
    const [TL, TRx] = [0.45, 0.2];
    const J = (TbX: number): number => photonicHeatCurrent(ag, TL, TRx) + phononHeat(ag.left, TL, TbX).total;
    const near = (x: number, y: number): void => expect(Math.abs(x - y)).toBeLessThanOrEqual(1e-14 * y);
    near(inputPowerForTarget(ag, TL, TRx, 1), J(ag.Tbath));
    near(inputPowerForTarget(ag, TL, TRx, 1, 0.15), J(0.15));
    near(inputPowerForTarget(ag, TL, TRx, 2), J(TRx));
    near(inputPowerForTarget(ag, TL, TRx, 2, 0.15), J(TRx));
    // And solveBalance at that power has T_L among its roots, at the same bath.
    const roots = solveBalance(ag, {
      Jin: inputPowerForTarget(ag, TL, TRx, 1, 0.15),
      TR: TRx,
      setup: 1,
      Tbath: 0.15,
    }).roots;
    expect(roots.some((r) => Math.abs(r.TL - TL) < 1e-9)).toBe(true);
  });
});

describe('balanceRoots at the edges of (T_b, Tc)', () => {
  it('reports no root at the bath itself, and flags it (setup 2 without heating: F(T_b) = 0 exactly)', () => {
    const cold: OperatingPoint = { Jin: 0, TR: 0.3, setup: 2 };
    expect(balanceRoots(ag, cold)).toEqual({ TL: [], exceedsTc: false, belowBath: true });
    expect(solveBalance(ag, cold).roots).toEqual([]);
  });
  it('returns roots that a later solve does not change', () => {
    const first = balanceRoots(ag, op).TL;
    const kept = [...first];
    expect(first).toHaveLength(3);
    balanceRoots(ag, { Jin: 1e-14, TR: 0.3, setup: 1 });
    balanceRoots(ag, { Jin: 0, TR: 0.3, setup: 2 });
    expect(first).toEqual(kept);
  });
});
