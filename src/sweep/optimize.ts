/**
 * Bounded optimisation of a device/operating-point objective: a coarse grid over the box, then
 * Nelder–Mead from the best grid point (in coordinates scaled to [0, 1], logarithmic where the
 * range is), then profiles of the objective along each parameter through the optimum.
 * Deterministic: the same input gives the same evaluations in the same order.
 */
import { spaced } from '../units/list.js';
import { minimize } from '../numerics/roots.js';
import { nelderMead } from '../numerics/nelder-mead.js';
import { solveBalance, temperatureDrop, type Device } from '../index.js';
import {
  applyParameters,
  checkParameterBox,
  checkParameterValue,
  overlappingParameter,
  parameterInfo,
  type OperatingValues,
} from './parameters.js';
import { refuseRealLine } from '../physics/device-input.js';
import { InputError } from '../errors.js';
import { checkDeviceInput, describeValue, refuseUnknownKeys } from '../physics/device-input.js';
import { MIN_REDUCED_TEMPERATURE } from '../physics/domain.js';

/** What `optimize` maximises: δT (K) or the steepest negative responsivity −min dT_L/dT_R (K/K). */
export type Objective = 'deltaT' | 'negative-responsivity';

/** Each objective's unit and meaning. */
export const OBJECTIVES: Readonly<
  Record<
    Objective,
    Readonly<{
      /** SI unit of the objective's value. */
      unit: string;
      /** What it is, in words. */
      description: string;
    }>
  >
> = Object.freeze({
  deltaT: Object.freeze({ unit: 'K', description: 'δT = T_L(T_R,min) − min over T_R of T_L at fixed J_in' }),
  'negative-responsivity': Object.freeze({
    unit: 'K/K',
    description: '−min over T_R of dT_L/dT_R (stable roots): the steepest negative responsivity',
  }),
});

/** A bounded parameter of `optimize`: a sweep parameter name and its SI bounds, searched on a log scale when `log`. */
export interface OptimizationParameter {
  /** Canonical parameter name, as for sweeps (`chi`, `c`, `J_in`, `left.normal.volume`, …). */
  name: string;
  /** Lower bound, SI. */
  lo: number;
  /** Upper bound, SI. */
  hi: number;
  /** Search in ln(value) (for bounds spanning decades). */
  log: boolean;
}

/**
 * The objective has no value anywhere on the coarse grid: the bounds (or J_in) leave no stable root
 * below Tc. An InputError (accepted input of the model, but no answer: the bounds are at fault), named
 * `optimize params`.
 */
export class ObjectiveUndefinedError extends InputError {
  constructor(
    /** The objective that had no value. */
    readonly objective: Objective,
    /** The parameters' bounds, as shown in the message. */
    bounds: string,
  ) {
    super(
      'optimize params',
      bounds,
      `bounds (and J_in) where ${objective} is defined: no stable root below Tc anywhere on the coarse grid`,
    );
    this.name = 'ObjectiveUndefinedError';
  }
}

/** What `optimize` maximises over: device, fixed operating values, parameters with bounds, objective (SI). */
export interface OptimizationProblem {
  /** The base device (SI). */
  device: Device;
  /** Operating values held fixed: `setup`, and `J_in` (W) unless it is a parameter. */
  fixed: OperatingValues;
  /** The parameters searched, with their bounds. */
  params: OptimizationParameter[];
  /** What is maximised. */
  objective: Objective;
  /** T_R range over which δT and the responsivity minimum are taken, K. */
  TRrange: [number, number];
  /**
   * Grid points per parameter of the coarse stage (default: 7, 7, 5, 4, 3 for 1, 2, 3, 4, ≥ 5
   * parameters, fewer where that grid alone would take the whole budget). The grid (gridPoints^d)
   * may not exceed maxEvaluations.
   */
  gridPoints?: number;
  /** Evaluations of the objective by the grid and Nelder–Mead together, never exceeded (default 150). */
  maxEvaluations?: number;
  /** Points per profile (default 31), evaluated after the search, beyond maxEvaluations. */
  profilePoints?: number;
  /** Called after each evaluation of the objective (progress feedback). */
  onEvaluation?: () => void;
}

/** The optimum found, its objective value, the evaluations spent and the profiles through it. */
export interface OptimizationResult {
  /** Optimum, SI, in parameter order. */
  x: number[];
  /** The objective there (K for deltaT, K/K for negative-responsivity). */
  value: number;
  /** Evaluations spent by the search (grid and Nelder–Mead; the profiles not counted). */
  evaluations: number;
  /** The objective along each parameter through the optimum, others held there. */
  profiles: {
    /** The parameter varied. */
    name: string;
    /** Its values, SI. */
    x: number[];
    /** The objective at each. */
    value: number[];
  }[];
}

/** Samples of dT_L/dT_R over the T_R range before the minimum is refined by Brent's method. */
const RESPONSIVITY_SAMPLES = 33;

/** objectiveValue's arguments, each refused by name (each evaluation costs a full solve: cheap here). */
function checkObjectiveArguments(
  objective: Objective,
  device: Device,
  op: OperatingValues,
  TRrange: [number, number],
): void {
  const fn = 'objectiveValue';
  if (typeof objective !== 'string' || !Object.hasOwn(OBJECTIVES, objective))
    throw new InputError(`${fn} objective`, describeValue(objective), Object.keys(OBJECTIVES).join(' or '));
  checkDeviceInput(device, `${fn} device`);
  if (op === null || typeof op !== 'object')
    throw new InputError(`${fn} op`, describeValue(op), '{ J_in, setup } (SI)');
  refuseUnknownKeys(op, ['J_in', 'setup'], `${fn} op.`);
  if (typeof op.J_in !== 'number')
    throw new InputError(`${fn} op.J_in`, describeValue(op.J_in), 'an input power, W');
  if (op.setup !== 1 && op.setup !== 2)
    throw new InputError(`${fn} op.setup`, describeValue(op.setup), '1 or 2');
  if (!Array.isArray(TRrange) || TRrange.length !== 2 || !TRrange.every((T) => typeof T === 'number'))
    throw new InputError(`${fn} TRrange`, describeValue(TRrange), '[TRmin, TRmax] in K');
}

/** The objective (to maximise) at one device and operating point; NaN where it is undefined. */
export function objectiveValue(
  objective: Objective,
  device: Device,
  op: OperatingValues,
  TRrange: [number, number],
): number {
  checkObjectiveArguments(objective, device, op, TRrange);
  const Jin = op.J_in!;
  if (objective === 'deltaT') return temperatureDrop(device, Jin, op.setup, TRrange[0], TRrange[1]).deltaT;
  const responsivity = (TR: number): number => {
    const stable = solveBalance(device, { Jin, TR, setup: op.setup }).roots.filter((r) => r.stable);
    let least = NaN;
    for (const r of stable) if (!(r.dTL_dTR >= least)) least = r.dTL_dTR;
    return least;
  };
  const [a, b] = TRrange;
  const TRs = Array.from(
    { length: RESPONSIVITY_SAMPLES },
    (_, i) => a + ((b - a) * i) / (RESPONSIVITY_SAMPLES - 1),
  );
  const values = TRs.map(responsivity);
  let k = -1;
  values.forEach((v, i) => {
    if (Number.isFinite(v) && (k < 0 || v < values[k])) k = i;
  });
  if (k < 0) return NaN;
  const lo = TRs[Math.max(0, k - 1)];
  const hi = TRs[Math.min(TRs.length - 1, k + 1)];
  const refined = minimize(
    (TR) => {
      const v = responsivity(TR);
      return Number.isFinite(v) ? v : Infinity;
    },
    lo,
    hi,
    { rtol: 1e-6 },
  );
  return -Math.min(values[k], refined.f);
}

const fromUnit = (p: OptimizationParameter, u: number): number =>
  p.log ? p.lo * (p.hi / p.lo) ** u : p.lo + (p.hi - p.lo) * u;

/**
 * Maximise an objective over a box of device and operating parameters: a coarse grid, Nelder–Mead
 * from its best point, then profiles through the optimum. Bad input → InputError naming the field.
 *
 * @example
 * const best = optimize({
 *   device: platformDevice('ag'), fixed: { setup: 1, J_in: 1e-13 }, objective: 'deltaT',
 *   params: [{ name: 'chi', lo: 0.5, hi: 10, log: true }], TRrange: [0.01, 0.8],
 * });
 * best.x; best.value; // the optimal χ and δT there, K
 */
export function optimize(problem: OptimizationProblem): OptimizationResult {
  const fixed = checkOptimizationProblem(problem);
  const { device, params, objective, TRrange } = problem;
  const names = params.map((p) => p.name);
  let evaluations = 0;
  const at = (x: number[]): number => {
    evaluations++;
    const { device: d, op } = applyParameters(device, fixed, names, x);
    const value = objectiveValue(objective, d, op, TRrange);
    problem.onEvaluation?.();
    return value;
  };
  const f = (u: number[]): number => -at(u.map((v, i) => fromUnit(params[i], v)));

  const d = params.length;
  const budget = problem.maxEvaluations ?? DEFAULT_MAX_EVALUATIONS;
  const n = problem.gridPoints ?? defaultGridPoints(d, budget);
  let best: { u: number[]; f: number } | undefined;
  const total = n ** d;
  for (let k = 0; k < total; k++) {
    const u: number[] = [];
    for (let i = d - 1, r = k; i >= 0; i--, r = Math.floor(r / n)) u[i] = (r % n) / (n - 1);
    const v = f(u);
    if (Number.isFinite(v) && (!best || v < best.f)) best = { u, f: v };
  }
  if (!best)
    throw new ObjectiveUndefinedError(
      objective,
      params.map((p) => `${p.name} = ${p.lo}..${p.hi}${p.log ? ' (log)' : ''}`).join(', '),
    );
  // What the grid left of the budget (possibly nothing: then the grid's best is the answer).
  const refined =
    budget > total
      ? nelderMead(f, best.u, { step: 0.5 / (n - 1), maxEvaluations: budget - total, xtol: 1e-5, ftol: 1e-9 })
      : { x: best.u, f: best.f };
  const u = refined.f <= best.f ? refined.x : best.u;
  const x = u.map((v, i) => fromUnit(params[i], v));
  const value = -Math.min(refined.f, best.f);
  const searchEvaluations = evaluations;

  const m = problem.profilePoints ?? 31;
  const profiles = params.map((p, i) => {
    // Spaced as a list range is (`0.026`, not lo + (hi − lo)·j/(m − 1) = 0.026000000000000002).
    const xs = spaced(p.lo, p.hi, m, p.log);
    return { name: p.name, x: xs, value: xs.map((v) => at(x.map((w, k) => (k === i ? v : w)))) };
  });
  return { x, value, evaluations: searchEvaluations, profiles };
}

/** Largest coarse grid (points over all parameters) and evaluation budget accepted. */
export const OPTIMIZE_MAX_EVALUATIONS = 1_000_000;

/** Evaluation budget of `optimize` (grid + Nelder–Mead) when maxEvaluations is not given. */
export const DEFAULT_MAX_EVALUATIONS = 150;

/**
 * Grid points per parameter when not given: 7, 7, 5, 4, 3 for 1, 2, 3, 4, ≥ 5 parameters, reduced
 * until the grid takes at most two thirds of the budget (a third is left to Nelder–Mead), at least 2.
 */
export function defaultGridPoints(parameters: number, maxEvaluations: number): number {
  let n = [7, 7, 5, 4][parameters] ?? 3;
  while (n > 2 && n ** parameters > (2 / 3) * maxEvaluations) n--;
  return n;
}

/**
 * `fixed` under the parameters' canonical names, as sweepGrid takes it (`Jin` for `J_in`); refuses a
 * key that is no operating value optimize holds fixed, or one given under two spellings.
 */
function canonicalFixed(given: OperatingValues): OperatingValues {
  const fixed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(given)) {
    const option = `optimize fixed.${key}`;
    const name = key === 'setup' ? 'setup' : parameterInfo(key, option).name;
    if (name !== 'setup' && name !== 'J_in')
      throw new InputError(
        option,
        describeValue(value),
        'one of the keys setup, J_in (or Jin): the bath is the device’s Tbath or a parameter, T_R the objective’s range',
      );
    if (Object.hasOwn(fixed, name)) throw new InputError(option, describeValue(value), `${name} once`);
    fixed[name] = value;
  }
  return fixed as unknown as OperatingValues;
}

const PROBLEM_KEYS = [
  'device',
  'fixed',
  'params',
  'objective',
  'TRrange',
  'gridPoints',
  'maxEvaluations',
  'profilePoints',
  'onEvaluation',
];

/**
 * The problem at the library's boundary: every field typed, in the model's domain and bounded.
 * Returns `fixed` under canonical names.
 */
function checkOptimizationProblem(problem: OptimizationProblem): OperatingValues {
  const fn = 'optimize';
  if (problem === null || typeof problem !== 'object')
    throw new InputError(fn, describeValue(problem), '{ device, fixed, params, objective, TRrange }');
  // A misspelt key was ignored: `maxEvals` spent the default 150 evaluations, `fixed.T_bath` kept the
  // device's bath.
  refuseUnknownKeys(problem, PROBLEM_KEYS, `${fn} `);
  const device = checkDeviceInput(problem.device, `${fn} device`);
  refuseRealLine(device, `${fn} device`);
  if (!Object.hasOwn(OBJECTIVES, problem.objective))
    throw new InputError(
      `${fn} objective`,
      describeValue(problem.objective),
      Object.keys(OBJECTIVES).join(' or '),
    );
  const given = problem.fixed as OperatingValues | undefined;
  if (given === null || typeof given !== 'object')
    throw new InputError(`${fn} fixed`, describeValue(given), '{ setup: 1 | 2, J_in?: W }');
  const fixed = canonicalFixed(given);
  if (fixed.setup !== 1 && fixed.setup !== 2)
    throw new InputError(
      `${fn} fixed.setup`,
      describeValue(fixed.setup),
      '1 (T_bath fixed) or 2 (T_R = T_bath)',
    );
  if (!Array.isArray(problem.params) || problem.params.length === 0)
    throw new InputError(
      `${fn} params`,
      describeValue(problem.params),
      'a non-empty array of { name, lo, hi, log }',
    );
  const names: string[] = [];
  problem.params.forEach((p, i) => {
    const option = `${fn} params[${i}]`;
    if (p === null || typeof p !== 'object' || typeof p.name !== 'string')
      throw new InputError(option, describeValue(p), '{ name, lo, hi, log } with SI bounds');
    refuseUnknownKeys(p, ['name', 'lo', 'hi', 'log'], `${option}.`);
    const info = parameterInfo(p.name, `${option}.name`);
    if (info.name !== p.name)
      throw new InputError(`${option}.name`, p.name, `the canonical name ${info.name}`);
    if (info.name === 'setup' || info.name === 'T_L' || info.name === 'T_R')
      throw new InputError(
        `${option}.name`,
        p.name,
        'a device parameter or J_in (T_R is the objective’s range)',
      );
    if (names.includes(info.name)) throw new InputError(`${option}.name`, p.name, 'each parameter once');
    names.push(info.name);
    for (const end of ['lo', 'hi'] as const) {
      const v = p[end];
      if (typeof v !== 'number')
        throw new InputError(`${option}.${end}`, describeValue(v), `a number (SI) for ${info.name}`);
      checkParameterValue(info, v, `${option}.${end}`, `${info.name} = ${v}`);
    }
    if (!(p.hi > p.lo)) throw new InputError(`${option}.hi`, String(p.hi), `above lo = ${p.lo}`);
    if (typeof p.log !== 'boolean')
      throw new InputError(`${option}.log`, describeValue(p.log), 'true or false');
  });
  const overlap = overlappingParameter(names);
  if (overlap)
    throw new InputError(`${fn} params[${overlap.index}].name`, names[overlap.index], overlap.accepted);
  const Jin = fixed.J_in;
  if (names.includes('J_in') && Jin !== undefined)
    throw new InputError(`${fn} fixed.J_in`, String(Jin), 'not together with a parameter J_in');
  if (!names.includes('J_in')) {
    if (typeof Jin !== 'number')
      throw new InputError(
        `${fn} fixed.J_in`,
        describeValue(Jin),
        'an input power in W, or a parameter J_in',
      );
    checkParameterValue(parameterInfo('J_in', `${fn} fixed.J_in`), Jin, `${fn} fixed.J_in`, `J_in = ${Jin}`);
  }
  const range = problem.TRrange;
  const Tc = Math.min(device.left.superconductor.Tc, device.right.superconductor.Tc);
  const TcVaried = names.some((n) => n === 'Tc' || n.endsWith('.Tc'));
  // From 0.004 Tc, as temperatureDrop takes T_R (whose error named it, not TRrange).
  const lowest = MIN_REDUCED_TEMPERATURE * device.right.superconductor.Tc;
  if (
    !Array.isArray(range) ||
    range.length !== 2 ||
    !(
      range[0] > 0 &&
      range[1] > range[0] &&
      (TcVaried ? Number.isFinite(range[1]) : range[1] < Tc && range[0] >= lowest)
    )
  )
    throw new InputError(
      `${fn} TRrange`,
      describeValue(range),
      `[from, to] in K with ${TcVaried ? '0 < from < to' : `${lowest} K (0.004 Tc) ≤ from < to < Tc = ${Tc} K`}`,
    );
  const params = problem.params;
  checkParameterBox(device, fixed, params, [range[0], range[1]], `${fn} TRrange`, (set, values, error) => {
    const where = set.map((i) => `${params[i].name} = ${values[i]}`).join(', ');
    throw new InputError(
      `${fn} params`,
      set.map((i) => `${params[i].name} = ${params[i].lo}..${params[i].hi}`).join(', '),
      `bounds inside the model; at ${where}, ${error.option} = ${error.value} is outside it`,
    );
  });
  const integer = (value: number | undefined, option: string, min: number, max: number): void => {
    if (value !== undefined && !(Number.isSafeInteger(value) && value >= min && value <= max))
      throw new InputError(`${fn} ${option}`, describeValue(value), `an integer from ${min} to ${max}`);
  };
  integer(problem.gridPoints, 'gridPoints', 2, OPTIMIZE_MAX_EVALUATIONS);
  integer(problem.maxEvaluations, 'maxEvaluations', 1, OPTIMIZE_MAX_EVALUATIONS);
  integer(problem.profilePoints, 'profilePoints', 2, OPTIMIZE_MAX_EVALUATIONS);
  const budget = problem.maxEvaluations ?? DEFAULT_MAX_EVALUATIONS;
  if (problem.gridPoints !== undefined && problem.gridPoints ** names.length > budget)
    throw new InputError(
      `${fn} gridPoints`,
      String(problem.gridPoints),
      `at most maxEvaluations = ${budget} grid points in all (${problem.gridPoints}^${names.length} = ${problem.gridPoints ** names.length})`,
    );
  if (2 ** names.length > budget)
    throw new InputError(
      `${fn} maxEvaluations`,
      String(budget),
      `at least 2^${names.length} = ${2 ** names.length}: the smallest grid over ${names.length} parameters`,
    );
  return fixed;
}
