/**
 * The heat balance's reference paths: solveBalanceFullScan (the generic all-roots search that the cached
 * scan is tested against) over the whole of (T_b, Tc), its exceedsTc, and balanceRootNear where no root
 * lies the way F points. Each against a dense scan of F written here, not against the other paths alone.
 */
import { describe, expect, it } from 'vitest';
import { brent } from '../../src/numerics/roots.js';
import {
  balanceRootNear,
  solveBalance,
  solveBalanceFullScan,
  type OperatingPoint,
} from '../../src/physics/balance.js';
import { platformDevice } from '../../src/physics/device.js';
import { phononHeat } from '../../src/physics/electron-phonon.js';
import { photonicHeatCurrent } from '../../src/physics/photonic.js';

const ag = platformDevice('ag');
const Tb = ag.Tbath;
const Tc = ag.left.superconductor.Tc;
const hi = Tc * (1 - 1e-12);
const residual =
  (op: OperatingPoint) =>
  (TL: number): number =>
    op.Jin - photonicHeatCurrent(ag, TL, op.TR) - phononHeat(ag.left, TL, Tb).total;

/** Every sign change of F on a dense uniform grid of (T_b, hi), refined by Brent to 1e-13 K. */
function denseRoots(op: OperatingPoint, n = 4000): number[] {
  const F = residual(op);
  const roots: number[] = [];
  let x0 = Tb * (1 + 1e-9);
  let f0 = F(x0);
  for (let i = 1; i <= n; i++) {
    const x1 = Tb + ((hi - Tb) * i) / n;
    const f1 = F(x1);
    if (f0 === 0) roots.push(x0);
    else if (Math.sign(f0) !== Math.sign(f1) && f1 !== 0)
      roots.push(brent(F, x0, x1, { fa: f0, fb: f1, xtol: 1e-13 }));
    x0 = x1;
    f0 = f1;
  }
  return roots;
}

describe('solveBalanceFullScan against a dense scan of F', () => {
  const cases: [string, OperatingPoint][] = [
    ['three roots (T_R = 0.7 K, J_in = 0.4 fW)', { Jin: 0.4e-15, TR: 0.7, setup: 1 }],
    ['one root close to Tc (in the top tenth of (T_b, Tc))', { Jin: 0, TR: 0.3, setup: 1 }],
    ['one cold root', { Jin: 1e-17, TR: 0.05, setup: 1 }],
  ];
  // J_in putting the root at 0.97 Tc: the inverse solve written out here.
  const TLnearTc = 0.97 * Tc;
  cases[1][1].Jin = photonicHeatCurrent(ag, TLnearTc, 0.3) + phononHeat(ag.left, TLnearTc, Tb).total;
  for (const [name, op] of cases) {
    it(`${name}: the same roots as the dense scan, to 1e-9 K, and as solveBalance`, () => {
      const expected = denseRoots(op);
      const full = solveBalanceFullScan(ag, op);
      expect(full.roots.map((r) => r.TL)).toHaveLength(expected.length);
      full.roots.forEach((r, i) => expect(Math.abs(r.TL - expected[i])).toBeLessThan(1e-9));
      expect(full.exceedsTc).toBe(false);
      const cached = solveBalance(ag, op);
      expect(cached.roots).toHaveLength(expected.length);
      cached.roots.forEach((r, i) => expect(r.stable).toBe(full.roots[i].stable));
    });
  }

  it('the root at 0.97 Tc is found (the scan reaches Tc)', () => {
    const full = solveBalanceFullScan(ag, cases[1][1]);
    expect(full.roots).toHaveLength(1);
    expect(Math.abs(full.roots[0].TL - TLnearTc)).toBeLessThan(1e-9);
  });

  it('J_in beyond what the reservoir sheds at Tc: no root, exceedsTc', () => {
    const op: OperatingPoint = {
      Jin: 2 * (photonicHeatCurrent(ag, hi, 0.3) + phononHeat(ag.left, hi, Tb).total),
      TR: 0.3,
      setup: 1,
    };
    expect(denseRoots(op)).toHaveLength(0);
    const full = solveBalanceFullScan(ag, op);
    expect(full.roots).toHaveLength(0);
    expect(full.exceedsTc).toBe(true);
    expect(solveBalance(ag, op).exceedsTc).toBe(true);
  });
});

describe('balanceRootNear where F has one sign over all of (T_b, Tc)', () => {
  // T_R below the bath and J_in far below J_γ(T_b, T_R): the left reservoir sheds more than it gets at
  // every T_L ≥ T_b, so F < 0 throughout and the search runs down to the bath.
  const op: OperatingPoint = { Jin: 1e-300, TR: 0.006, setup: 1 };
  it('F < 0 on the dense grid, no root anywhere', () => {
    const F = residual(op);
    expect(photonicHeatCurrent(ag, Tb, op.TR)).toBeGreaterThan(1e-30);
    for (let i = 0; i <= 200; i++) expect(F(Tb + ((hi - Tb) * i) / 200)).toBeLessThan(0);
    expect(solveBalance(ag, op).roots).toHaveLength(0);
  });
  for (const guess of [0.5 * Tb, Tb, 0.05, 0.6, 2 * Tc]) {
    it(`from ${guess} K: undefined (the bath reached, no root)`, () => {
      expect(balanceRootNear(ag, op, guess)).toBeUndefined();
      expect(balanceRootNear(ag, op, guess, 1e-6, 0.05)).toBeUndefined();
    });
  }
  it('J_in beyond the heat shed at Tc: undefined going up from any guess', () => {
    const up: OperatingPoint = {
      Jin: 2 * (photonicHeatCurrent(ag, hi, 0.3) + phononHeat(ag.left, hi, Tb).total),
      TR: 0.3,
      setup: 1,
    };
    for (const guess of [Tb, 0.1, 1.1, 5]) expect(balanceRootNear(ag, up, guess)).toBeUndefined();
  });
});
