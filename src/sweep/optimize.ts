/**
 * Bounded optimisation of a device/operating-point objective: a coarse grid over the box, then
 * Nelder–Mead from the best grid point (in coordinates scaled to [0, 1], logarithmic where the
 * range is), then profiles of the objective along each parameter through the optimum.
 * Deterministic: the same input gives the same evaluations in the same order.
 */
import { minimize } from '../numerics/roots.js';
import { nelderMead } from '../numerics/nelder-mead.js';
import { solveBalance, temperatureDrop, type Device } from '../index.js';
import { applyParameters, type OperatingValues } from './parameters.js';

export type Objective = 'deltaT' | 'negative-responsivity';

export const OBJECTIVES: Record<Objective, { unit: string; description: string }> = {
  deltaT: { unit: 'K', description: 'δT = T_L(T_R,min) − min over T_R of T_L at fixed J_in' },
  'negative-responsivity': {
    unit: 'K/K',
    description: '−min over T_R of dT_L/dT_R (stable roots): the steepest negative responsivity',
  },
};

export interface OptimizationParameter {
  name: string;
  lo: number;
  hi: number;
  log: boolean;
}

/** The objective has no value anywhere on the coarse grid: the bounds (or J_in) leave no stable root below Tc. */
export class ObjectiveUndefinedError extends Error {
  constructor(readonly objective: Objective) {
    super(`the objective ${objective} is undefined everywhere on the coarse grid (no stable root below Tc?)`);
    this.name = 'ObjectiveUndefinedError';
  }
}

export interface OptimizationProblem {
  device: Device;
  fixed: OperatingValues;
  params: OptimizationParameter[];
  objective: Objective;
  /** T_R range over which δT and the responsivity minimum are taken, K. */
  TRrange: [number, number];
  /** Grid points per parameter of the coarse stage (default: 7, 5, 4, 3 for 1, 2, 3, ≥ 4 parameters). */
  gridPoints?: number;
  maxEvaluations?: number;
  /** Points per profile (default 31). */
  profilePoints?: number;
  /** Called after each evaluation of the objective (progress feedback). */
  onEvaluation?: () => void;
}

export interface OptimizationResult {
  /** Optimum, SI, in parameter order. */
  x: number[];
  value: number;
  evaluations: number;
  /** The objective along each parameter through the optimum, others held there. */
  profiles: { name: string; x: number[]; value: number[] }[];
}

/** Samples of dT_L/dT_R over the T_R range before the minimum is refined by Brent's method. */
const RESPONSIVITY_SAMPLES = 33;

/** The objective (to maximise) at one device and operating point; NaN where it is undefined. */
export function objectiveValue(
  objective: Objective,
  device: Device,
  op: OperatingValues,
  TRrange: [number, number],
): number {
  const Jin = op.J_in!;
  if (objective === 'deltaT') return temperatureDrop(device, Jin, op.setup, TRrange[0], TRrange[1]).deltaT;
  const responsivity = (TR: number): number => {
    const stable = solveBalance(device, { Jin, TR, setup: op.setup }).roots.filter((r) => r.stable);
    return stable.length > 0 ? Math.min(...stable.map((r) => r.dTL_dTR)) : NaN;
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

export function optimize(problem: OptimizationProblem): OptimizationResult {
  const { device, fixed, params, objective, TRrange } = problem;
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
  const n = problem.gridPoints ?? [7, 7, 5, 4][d] ?? 3;
  let best: { u: number[]; f: number } | undefined;
  const total = n ** d;
  for (let k = 0; k < total; k++) {
    const u: number[] = [];
    for (let i = d - 1, r = k; i >= 0; i--, r = Math.floor(r / n)) u[i] = (r % n) / (n - 1);
    const v = f(u);
    if (Number.isFinite(v) && (!best || v < best.f)) best = { u, f: v };
  }
  if (!best) throw new ObjectiveUndefinedError(objective);
  const budget = Math.max(20, (problem.maxEvaluations ?? 150) - total);
  const refined = nelderMead(f, best.u, {
    step: 0.5 / (n - 1),
    maxEvaluations: budget,
    xtol: 1e-5,
    ftol: 1e-9,
  });
  const u = refined.f <= best.f ? refined.x : best.u;
  const x = u.map((v, i) => fromUnit(params[i], v));
  const value = -Math.min(refined.f, best.f);
  const searchEvaluations = evaluations;

  const m = problem.profilePoints ?? 31;
  const profiles = params.map((p, i) => {
    const xs = Array.from({ length: m }, (_, j) => fromUnit(p, j / (m - 1)));
    return { name: p.name, x: xs, value: xs.map((v) => at(x.map((w, k) => (k === i ? v : w)))) };
  });
  return { x, value, evaluations: searchEvaluations, profiles };
}
