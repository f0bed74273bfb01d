/**
 * Hysteresis of the left reservoir: sweep J_in or T_R up and then down, following the stable
 * branch by continuation (at each step the stable root nearest the previous T_L), MODEL.md §6.
 * Where the heat balance has several stable roots the up and down branches can differ: a loop.
 */
import { solveBalance, type Device, type Setup } from '../index.js';

export type HysteresisParameter = 'J_in' | 'T_R';

export interface HysteresisStep {
  direction: 'up' | 'down';
  /** Value of the swept parameter (W or K). */
  value: number;
  /** T_L on the followed branch, K; null when no stable root lies below Tc. */
  T_L: number | null;
  dTL_dTR: number | null;
  /** Every root T_L at this value (stable and unstable), K. */
  roots: number[];
  stableRoots: number;
  /** The followed branch ended (no stable root near the previous one): T_L jumped. */
  jump: boolean;
}

export interface Loop {
  /** Range of the swept parameter where the up and down branches differ. */
  from: number;
  to: number;
  /** Largest |T_L,up − T_L,down| there, K. */
  maxSplit: number;
}

export interface Hysteresis {
  parameter: HysteresisParameter;
  steps: HysteresisStep[];
  loops: Loop[];
  /** Values where the balance has two or more stable roots. */
  bistableValues: number[];
}

export interface HysteresisInput {
  device: Device;
  parameter: HysteresisParameter;
  /** Values in sweep-up order. */
  values: number[];
  /** The other operating value (T_R for a J_in sweep, J_in for a T_R sweep). */
  Jin?: number;
  TR?: number;
  setup: Setup;
  /** Called after each heat-balance solve, one per value (progress feedback). */
  onSolve?: () => void;
}

/**
 * Branches differ when their T_L differ by more than this (K): far above the root solver's
 * tolerance, far below any physical jump.
 */
const SPLIT = 1e-6;

export function traceHysteresis(input: HysteresisInput): Hysteresis {
  const { device, parameter, values, setup } = input;
  const solutions = values.map((v) => {
    const solution = solveBalance(device, {
      Jin: parameter === 'J_in' ? v : input.Jin!,
      TR: parameter === 'T_R' ? v : input.TR!,
      setup,
    });
    input.onSolve?.();
    return solution;
  });
  const steps: HysteresisStep[] = [];
  const follow = (direction: 'up' | 'down', order: number[], start: number | null): number | null => {
    let previous = start;
    let previousStable: number[] = start === null ? [] : [start];
    for (const i of order) {
      const all = solutions[i].roots;
      const stable = all.filter((r) => r.stable);
      let chosen = stable[0];
      if (previous !== null) {
        for (const r of stable) if (Math.abs(r.TL - previous) < Math.abs(chosen.TL - previous)) chosen = r;
      }
      // A jump: the followed branch has ended, so the chosen root continues another stable
      // branch of the previous step (one that was nearer to it than the root we followed).
      const jump =
        previous !== null &&
        chosen !== undefined &&
        previousStable.some(
          (r) => r !== previous && Math.abs(r - chosen.TL) < Math.abs(previous! - chosen.TL),
        );
      steps.push({
        direction,
        value: values[i],
        T_L: chosen?.TL ?? null,
        dTL_dTR: chosen?.dTL_dTR ?? null,
        roots: all.map((r) => r.TL),
        stableRoots: stable.length,
        jump,
      });
      previous = chosen?.TL ?? null;
      previousStable = stable.map((r) => r.TL);
    }
    return previous;
  };
  const up = values.map((_, i) => i);
  const end = follow('up', up, null);
  follow('down', [...up].reverse(), end);

  const n = values.length;
  const loops: Loop[] = [];
  let current: Loop | undefined;
  for (let i = 0; i < n; i++) {
    const a = steps[i].T_L;
    const b = steps[2 * n - 1 - i].T_L;
    const split = a !== null && b !== null ? Math.abs(a - b) : 0;
    if (split > SPLIT) {
      if (!current) loops.push((current = { from: values[i], to: values[i], maxSplit: split }));
      current.to = values[i];
      current.maxSplit = Math.max(current.maxSplit, split);
    } else {
      current = undefined;
    }
  }
  const bistableValues = values.filter((_, i) => solutions[i].roots.filter((r) => r.stable).length >= 2);
  return { parameter, steps, loops, bistableValues };
}
