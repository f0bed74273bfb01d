/**
 * Hysteresis of the left reservoir: sweep J_in or T_R through its values and back, following the
 * stable branch by continuation (at each step the stable root nearest the previous T_L), docs/model.md §6.
 * Where the heat balance has several stable roots the up and down branches can differ: a loop.
 */
import { InputError, solveBalance, type Device, type Setup } from '../index.js';
import { checkDeviceInput, describeValue, refuseUnknownKeys } from '../physics/device-input.js';
import { checkTemperatures } from '../physics/domain.js';
import { checkParameterValue, parameterInfo } from './parameters.js';
import { firstTurn } from './axes.js';
import { refuseRealLine } from '../physics/device-input.js';

/** The swept parameter of a hysteresis trace: the input power J_in (W) or the right temperature T_R (K). */
export type HysteresisParameter = 'J_in' | 'T_R';

/** One value of the up or down sweep: the followed branch's T_L and every root there. */
export interface HysteresisStep {
  /**
   * Which way the swept value moves in this half of the sweep: 'up' where it increases. The first
   * half follows the values in the order given, the second goes back.
   */
  direction: 'up' | 'down';
  /** Value of the swept parameter (W or K). */
  value: number;
  /** T_L on the followed branch, K; null when no stable root lies below Tc. */
  T_L: number | null;
  /** Responsivity dT_L/dT_R on the followed branch (K/K); null with no stable root. */
  dTL_dTR: number | null;
  /** Every root T_L at this value (stable and unstable), K. */
  roots: number[];
  /** How many of those roots are stable. */
  stableRoots: number;
  /** The followed branch ended (no stable root near the previous one): T_L jumped. */
  jump: boolean;
  /** J_in heats the left reservoir past Tc here: no steady state in the model's range (T_L null). */
  exceedsTc: boolean;
}

/** A hysteresis loop: a range of the swept parameter where the up and down branches differ. */
export interface Loop {
  /** Lower end of the range of the swept parameter where the up and down branches differ (W or K). */
  from: number;
  /** Its upper end (W or K). */
  to: number;
  /** Largest |T_L,up − T_L,down| there, K. */
  maxSplit: number;
}

/** A traced hysteresis: every step up and down, the loops, and the bistable values. */
export interface Hysteresis {
  /** The swept parameter. */
  parameter: HysteresisParameter;
  /** Every step: the values in the order given, then back (steps[i] and steps[2n − 1 − i] share a value). */
  steps: HysteresisStep[];
  /** Where the up and down branches differ. */
  loops: Loop[];
  /** Values where the balance has two or more stable roots. */
  bistableValues: number[];
}

/** What `traceHysteresis` sweeps: the device, the parameter, its values and the other operating values (SI). */
export interface HysteresisInput {
  /** The device (SI). */
  device: Device;
  /** The swept parameter. */
  parameter: HysteresisParameter;
  /**
   * Values in the order of the first half, increasing or decreasing (an array or a Float64Array, as
   * sweepGrid's axes take them); the second half goes back through them.
   */
  values: readonly number[] | Float64Array;
  /** The other operating value (T_R for a J_in sweep, J_in for a T_R sweep). */
  Jin?: number;
  /** The right temperature for a J_in sweep, K. */
  TR?: number;
  /** 1: T_bath fixed; 2: T_R = T_bath. */
  setup: Setup;
  /** Called after each heat-balance solve, one per value (progress feedback). */
  onSolve?: () => void;
}

/**
 * Branches differ when their T_L differ by more than this (K): far above the root solver's
 * tolerance, far below any physical jump.
 */
const SPLIT = 1e-6;

/**
 * Trace the stable branch of the heat balance up and down the swept values and find the loops where
 * the two branches differ. Bad input → InputError naming the field.
 *
 * @example
 * const h = traceHysteresis({ device, parameter: 'T_R', values: [0.1, 0.2, 0.3], Jin: 1e-14, setup: 1 });
 * h.loops; // [{ from, to, maxSplit }] in K
 */
export function traceHysteresis(input: HysteresisInput): Hysteresis {
  checkHysteresisInput(input);
  const { device, parameter, setup } = input;
  const values = Array.from(input.values);
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
        exceedsTc: solutions[i].exceedsTc,
      });
      previous = chosen?.TL ?? null;
      previousStable = stable.map((r) => r.TL);
    }
    return previous;
  };
  const first = values.map((_, i) => i);
  const rising = values[1] > values[0];
  const end = follow(rising ? 'up' : 'down', first, null);
  follow(rising ? 'down' : 'up', [...first].reverse(), end);

  const n = values.length;
  const loops: Loop[] = [];
  let current: Loop | undefined;
  for (let i = 0; i < n; i++) {
    const a = steps[i].T_L;
    const b = steps[2 * n - 1 - i].T_L;
    const split = a !== null && b !== null ? Math.abs(a - b) : 0;
    if (split > SPLIT) {
      if (!current) loops.push((current = { from: values[i], to: values[i], maxSplit: split }));
      current.from = Math.min(current.from, values[i]);
      current.to = Math.max(current.to, values[i]);
      current.maxSplit = Math.max(current.maxSplit, split);
    } else {
      current = undefined;
    }
  }
  const bistableValues = values.filter((_, i) => solutions[i].roots.filter((r) => r.stable).length >= 2);
  return { parameter, steps, loops, bistableValues };
}

/** The input of traceHysteresis at the library's boundary: every field present, typed and in the model's domain. */
function checkHysteresisInput(input: HysteresisInput): void {
  const fn = 'traceHysteresis';
  if (input === null || typeof input !== 'object')
    throw new InputError(fn, describeValue(input), '{ device, parameter, values, Jin?, TR?, setup }');
  // A misspelt or unsupported key (Tbath) was ignored: the sweep ran at the device's bath.
  refuseUnknownKeys(input, ['device', 'parameter', 'values', 'Jin', 'TR', 'setup', 'onSolve'], `${fn} `);
  const device = checkDeviceInput(input.device, `${fn} device`);
  refuseRealLine(device, `${fn} device`);
  if (input.parameter !== 'J_in' && input.parameter !== 'T_R')
    throw new InputError(`${fn} parameter`, describeValue(input.parameter), "'J_in' or 'T_R'");
  if (input.setup !== 1 && input.setup !== 2)
    throw new InputError(`${fn} setup`, describeValue(input.setup), '1 (T_bath fixed) or 2 (T_R = T_bath)');
  if (!(Array.isArray(input.values) || input.values instanceof Float64Array) || input.values.length < 2)
    throw new InputError(
      `${fn} values`,
      describeValue(input.values),
      'an array (or Float64Array) of at least two SI values',
    );
  const Tc = Math.min(device.left.superconductor.Tc, device.right.superconductor.Tc);
  const check = (name: 'J_in' | 'T_R', value: unknown, option: string): void => {
    if (typeof value !== 'number')
      throw new InputError(option, describeValue(value), `a number (SI) for ${name}`);
    // [0.004 Tc, Tc), as solveBalance takes T_R (whose error named it, not this field, below 0.004 Tc);
    // first, so that NaN or −0.1 K is answered with this device's range, not the model's widest.
    if (name === 'T_R') checkTemperatures([value], option, { Tc, belowTc: true });
    checkParameterValue(parameterInfo(name, option), value, option, `${name} = ${value}`);
  };
  // The swept quantity also fixed would be overridden by the sweep without a word.
  const swept = input.parameter === 'J_in' ? 'Jin' : 'TR';
  if (input[swept] !== undefined)
    throw new InputError(
      `${fn} ${swept}`,
      describeValue(input[swept]),
      `none when parameter is '${input.parameter}' (its values are the sweep's)`,
    );
  Array.from(input.values, (v, i) => check(input.parameter, v, `${fn} values[${i}]`));
  // A turn inside the values would make the second half retrace a path the first did not take.
  const { values } = input;
  const turn = firstTurn(values);
  if (turn > 0)
    throw new InputError(
      `${fn} values[${turn}]`,
      String(values[turn]),
      `a value ${values[1] > values[0] ? 'above' : 'below'} values[${turn - 1}] = ${values[turn - 1]} (values strictly increasing or strictly decreasing)`,
    );
  if (input.parameter === 'T_R') check('J_in', input.Jin, `${fn} Jin`);
  else check('T_R', input.TR, `${fn} TR`);
}
