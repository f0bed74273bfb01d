/** The left balance through real lines: the paper's roots without a line, true roots with one. */
import { describe, expect, it } from 'vitest';
import {
  balanceRootsThroughLine,
  lineCircuit,
  lineHeatCurrentsDirect,
  platformDevice,
  reservoirPhononHeat,
  solveBalance,
  type OperatingPoint,
} from '../../src/index.js';

const ag = platformDevice('ag');
const ops: OperatingPoint[] = [
  { Jin: 100e-15, TR: 0.3, setup: 1 },
  { Jin: 0.4e-15, TR: 0.7, setup: 1 }, // three roots (docs/bistability.md)
  { Jin: 50e-15, TR: 0.2, setup: 2 },
];

describe('balance through real lines', () => {
  it('a zero line gives solveBalance’s roots and stability (1 nK; a separate root search)', () => {
    for (const op of ops) {
      const ref = solveBalance(ag, op).roots;
      const got = balanceRootsThroughLine({ ...ag, line: { inductance: 0, resistance: 0 } }, op);
      expect(got.map((r) => r.stable)).toEqual(ref.map((r) => r.stable));
      got.forEach((r, i) => expect(Math.abs(r.TL - ref[i].TL)).toBeLessThan(1e-9));
    }
  });

  it('with a line, each root balances the heat computed by direct quadrature (1e-9 of J_in)', () => {
    for (const line of [
      { inductance: 1e-9, resistance: 0 },
      { inductance: 25e-9, resistance: 10 },
    ]) {
      const d = { ...ag, line };
      for (const op of ops) {
        const Tb = op.setup === 2 ? op.TR : ag.Tbath;
        for (const { TL } of balanceRootsThroughLine(d, op)) {
          const J = lineHeatCurrentsDirect(lineCircuit(d, TL, op.TR), TL, op.TR, Tb).leftOut;
          const F = op.Jin - J - reservoirPhononHeat(ag.left, TL, Tb);
          expect(Math.abs(F)).toBeLessThan(1e-9 * op.Jin);
        }
      }
    }
  });

  it('1 nH per line removes the bistability of the Ag device at T_R = 0.7 K, J_in = 0.4 fW', () => {
    const op = ops[1];
    expect(solveBalance(ag, op).roots).toHaveLength(3);
    expect(balanceRootsThroughLine({ ...ag, line: { inductance: 1e-9, resistance: 0 } }, op)).toHaveLength(1);
  });
});
