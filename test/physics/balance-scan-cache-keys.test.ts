/**
 * The heat balance's cached scan (src/physics/balance-scan.ts) keeps node values per reservoir object and
 * checks them against the reservoir's numbers: a device edited in place after a solve must give, for every
 * field the balance depends on, the bits a never-seen copy of the edited device gives, and not the old
 * answer (roots, and whether J_in exceeds what the reservoir can shed below Tc).
 */
import { describe, expect, it } from 'vitest';
import {
  phononHeat,
  photonicHeatCurrent,
  platformDevice,
  solveBalance,
  type Device,
  type OperatingPoint,
} from '../../src/index.js';

type Side = 'left' | 'right';
type Part = 'superconductor' | 'normal' | 'junction';

/** [side, part, field, edited value from the Ag device's]: every number the scan's keys hold. */
const edits: [Side, Part, string, (v: number) => number][] = [
  ['left', 'superconductor', 'Tc', (v) => v * 1.05],
  ['left', 'superconductor', 'gamma', () => 1e-3], // the other shipped J_ph,S table
  ['left', 'superconductor', 'Sigma', (v) => v * 1.5],
  ['left', 'superconductor', 'volume', (v) => v * 1.5],
  ['left', 'normal', 'Sigma', (v) => v * 1.5],
  ['left', 'normal', 'n', (v) => v + 0.5],
  ['left', 'normal', 'volume', (v) => v * 1.5],
  ['left', 'junction', 'r0', (v) => v * 1.5],
  ['left', 'junction', 'c', (v) => v * 1.5],
  ['left', 'junction', 'area', (v) => v * 1.5],
  ['right', 'superconductor', 'Tc', (v) => v * 1.05],
  ['right', 'superconductor', 'gamma', () => 1e-3],
  ['right', 'junction', 'r0', (v) => v * 1.5],
  ['right', 'junction', 'c', (v) => v * 1.5],
  ['right', 'junction', 'area', (v) => v * 1.5],
];

/** Operating points of both setups, one of them bistable (three roots: docs/bistability.md). */
const points: OperatingPoint[] = [
  { Jin: 1e-18, TR: 0.7, setup: 1 },
  { Jin: 3e-14, TR: 0.3, setup: 1 },
  { Jin: 1e-13, TR: 0.4, setup: 2 },
];

/** G = J_γ + J_ph at the scan's top node Tc(1 − 1e-12), T_R = 0.3 K, setup 1: where `exceedsTc` is read. */
function heatOutAtTop(d: Device): number {
  const x = d.left.superconductor.Tc * (1 - 1e-12);
  return photonicHeatCurrent(d, x, 0.3) + phononHeat(d.left, x, d.Tbath).total;
}

describe('a device edited in place after a solve', () => {
  for (const [side, part, field, edit] of edits) {
    it(`${side}.${part}.${field}: the same bits as a fresh copy of the edited device, not the old roots`, () => {
      const d: Device = structuredClone(platformDevice('ag'));
      const record = (x: Device): Record<string, number> =>
        x[side][part] as unknown as Record<string, number>;
      const edited = structuredClone(d);
      record(edited)[field] = edit(record(d)[field]);
      // Also a J_in between the heat out at the top node before and after the edit: old node values
      // would answer `exceedsTc` the other way.
      const ops = [
        ...points,
        { Jin: 0.5 * (heatOutAtTop(d) + heatOutAtTop(edited)), TR: 0.3, setup: 1 as const },
      ];
      const before = ops.map((op) => solveBalance(d, op));
      record(d)[field] = record(edited)[field];
      const after = ops.map((op) => solveBalance(d, op));
      const fresh = ops.map((op) => solveBalance(structuredClone(d), op));
      expect(after).toEqual(fresh);
      expect(after[ops.length - 1].exceedsTc).not.toBe(before[ops.length - 1].exceedsTc);
      // The field matters: at least one root moved by far more than the solver's 1 nK.
      const moved = before.some(
        (s, k) =>
          s.roots.length !== after[k].roots.length ||
          s.roots.some((r, j) => Math.abs(r.TL - after[k].roots[j].TL) > 1e-6),
      );
      expect(moved).toBe(true);
    });
  }
});
