/**
 * The quantities a sweep can write, all computed through the public library. With T_L given the
 * point is evaluated directly; otherwise the heat balance is solved and root quantities are
 * written for every root (docs/model.md §6).
 */
// The physics modules themselves, not the checked public door (src/index.ts): a sweep's inputs are
// checked once, when its spec is built, not again at every point.
import {
  balanceRoots,
  describeRoot,
  type BalanceRoot,
  type BalanceRoots,
  type OperatingPoint,
} from '../physics/balance.js';
import type { Device } from '../physics/device.js';
import { phononHeatNormal, phononHeatSuperconductor } from '../physics/electron-phonon.js';
import { temperatureDrop } from '../physics/features.js';
import { photonicConductance, photonicHeatCurrent } from '../physics/photonic.js';
import { InputError } from '../errors.js';
import { nearestName } from '../device-file/nearest-name.js';
import type { OperatingValues } from './parameters.js';

/** `balance`: T_L from solveBalance (one row per root); `direct`: T_L is an input. */
export type SweepMode = 'balance' | 'direct';

export interface QuantityInfo {
  name: string;
  /** SI unit of the value written. */
  unit: string;
  /** `root`: one value per root (per point in direct mode); `point`: one value per point. */
  level: 'root' | 'point';
  modes: SweepMode[];
  description: string;
  /** Its values are true or false (numbers otherwise). */
  boolean?: true;
}

export const QUANTITIES: readonly QuantityInfo[] = [
  { name: 'T_L', unit: 'K', level: 'root', modes: ['balance'], description: 'steady-state left temperature' },
  {
    name: 'stable',
    unit: '',
    level: 'root',
    modes: ['balance'],
    description: '∂F/∂T_L < 0',
    boolean: true,
  },
  { name: 'dF_dTL', unit: 'W/K', level: 'root', modes: ['balance'], description: '∂F/∂T_L at the root' },
  { name: 'dTL_dTR', unit: 'K/K', level: 'root', modes: ['balance'], description: 'responsivity dT_L/dT_R' },
  {
    name: 'J_gamma',
    unit: 'W',
    level: 'root',
    modes: ['balance', 'direct'],
    description: 'photonic heat current J_γ(T_L, T_R)',
  },
  {
    name: 'kappa_gamma',
    unit: 'W/K',
    level: 'root',
    modes: ['balance', 'direct'],
    description: 'κ_γ = −∂J_γ/∂T_R',
  },
  {
    name: 'J_ph_N',
    unit: 'W',
    level: 'root',
    modes: ['balance', 'direct'],
    description: 'left electron–phonon heat, normal part',
  },
  {
    name: 'J_ph_S',
    unit: 'W',
    level: 'root',
    modes: ['balance', 'direct'],
    description: 'left electron–phonon heat, superconductor',
  },
  { name: 'J_ph', unit: 'W', level: 'root', modes: ['balance', 'direct'], description: 'J_ph_N + J_ph_S' },
  {
    name: 'n_roots',
    unit: '',
    level: 'point',
    modes: ['balance'],
    description: 'number of roots below Tc (> 1: bistable)',
  },
  {
    name: 'deltaT',
    unit: 'K',
    level: 'point',
    modes: ['balance'],
    description: 'δT = T_L(T_R,min) − min T_L over the T_R range',
  },
  {
    name: 'T_L0',
    unit: 'K',
    level: 'point',
    modes: ['balance'],
    description: 'T_L at the start of the T_R range',
  },
  {
    name: 'T_Lmin',
    unit: 'K',
    level: 'point',
    modes: ['balance'],
    description: 'minimum of T_L over the T_R range',
  },
  { name: 'T_R_at_min', unit: 'K', level: 'point', modes: ['balance'], description: 'T_R at that minimum' },
];

const BY_NAME = new Map(QUANTITIES.map((q) => [q.name, q]));
const SPELLINGS: Record<string, string> = {
  TL: 'T_L',
  Jgamma: 'J_gamma',
  kappa: 'kappa_gamma',
  dTLdTR: 'dTL_dTR',
};
/** The outputs of temperatureDrop over the T_R range (`TRrange`). */
export const DROP = new Set(['deltaT', 'T_L0', 'T_Lmin', 'T_R_at_min']);

export const DEFAULT_OUTPUTS: Record<SweepMode, string[]> = {
  balance: ['T_L', 'stable', 'dTL_dTR', 'J_gamma'],
  direct: ['J_gamma', 'kappa_gamma'],
};

/** Parse `--output a,b,c` for a mode; unknown or inapplicable names → InputError. */
export function parseOutputs(text: string, mode: SweepMode, option = '--output'): string[] {
  const names = text.split(',').map((s) => s.trim());
  const allowed = QUANTITIES.filter((q) => q.modes.includes(mode)).map((q) => q.name);
  const out: string[] = [];
  for (const raw of names) {
    const name = SPELLINGS[raw] ?? raw;
    const info = BY_NAME.get(name);
    if (!info || !info.modes.includes(mode)) {
      const guess = nearestName(raw, allowed);
      const why = info
        ? `'${name}' needs the heat balance (do not give T_L); `
        : guess
          ? `did you mean '${guess}'? `
          : '';
      throw new InputError(option, text, `${why}comma-separated quantities from ${allowed.join(', ')}`);
    }
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

export function quantityInfo(name: string): QuantityInfo {
  return BY_NAME.get(name)!;
}

/** Whether the values of output `name` are booleans. */
export const isBoolean = (name: string): boolean => BY_NAME.get(name)?.boolean === true;

export type Value = number | boolean | null;

export interface PointResult {
  /** Point-level values, in the order of the point-level outputs. */
  point: Value[];
  /** Root-level values per root (direct mode: exactly one "root"). */
  roots: Value[][];
  /** Balance mode: no root below Tc. */
  exceedsTc?: boolean;
}

export interface EvaluationContext {
  mode: SweepMode;
  pointOutputs: string[];
  rootOutputs: string[];
  /** T_R range for δT and friends, K. */
  TRrange: [number, number];
}

/** Root quantities that need ∂F/∂T_L (describeRoot); the others need the root alone. */
const DESCRIBED = new Set(['stable', 'dF_dTL', 'dTL_dTR']);

export function splitOutputs(outputs: readonly string[]): { pointOutputs: string[]; rootOutputs: string[] } {
  return {
    pointOutputs: outputs.filter((n) => quantityInfo(n).level === 'point'),
    rootOutputs: outputs.filter((n) => quantityInfo(n).level === 'root'),
  };
}

function bathOf(device: Device, op: OperatingValues): number {
  return op.setup === 2 ? op.T_R! : device.Tbath;
}

function rootValues(
  values: Value[],
  names: readonly string[],
  device: Device,
  op: OperatingValues,
  TL: number,
  root?: BalanceRoot,
): Value[] {
  const TR = op.T_R!;
  const Tb = bathOf(device, op);
  // J_ph,S is the costly quantity (docs/model.md §4): computed only when asked for, and once.
  let normal = NaN;
  let superconductor = NaN;
  resize(values, names.length);
  for (let i = 0; i < names.length; i++) {
    let value: Value;
    switch (names[i]) {
      case 'T_L':
        value = TL;
        break;
      case 'stable':
        value = root!.stable;
        break;
      case 'dF_dTL':
        value = root!.dF_dTL;
        break;
      case 'dTL_dTR':
        value = root!.dTL_dTR;
        break;
      case 'J_gamma':
        value = photonicHeatCurrent(device, TL, TR);
        break;
      case 'kappa_gamma':
        value = photonicConductance(device, TL, TR);
        break;
      case 'J_ph_N':
      case 'J_ph_S':
      case 'J_ph':
        if (names[i] !== 'J_ph_S' && Number.isNaN(normal))
          normal = phononHeatNormal(device.left.normal, TL, Tb);
        if (names[i] !== 'J_ph_N' && Number.isNaN(superconductor))
          superconductor = phononHeatSuperconductor(device.left.superconductor, TL, Tb);
        value =
          names[i] === 'J_ph_N' ? normal : names[i] === 'J_ph_S' ? superconductor : normal + superconductor;
        break;
      default:
        throw new Error(`unknown root quantity ${names[i]}`);
    }
    values[i] = value;
  }
  return values;
}

/** balanceRoots' argument, one object for every point (balanceRoots keeps nothing of it). */
const operatingPoint: OperatingPoint = { Jin: 0, TR: 0, setup: 1 };

/**
 * A result for evaluatePoint to fill again and again (a sweep reads each point's values before it
 * evaluates the next): arrays per point would be most of a sweep's allocations. `pool` keeps the
 * root arrays that `roots` lends out.
 */
export interface ReusedResult extends PointResult {
  readonly pool: Value[][];
}

export function pointResult(): ReusedResult {
  return { point: [], roots: [], exceedsTc: undefined, pool: [] };
}

/** Sets a reused array's length by push and pop: assigning `length` is a runtime call, several per point. */
function resize<T>(array: T[], length: number): void {
  while (array.length > length) array.pop();
  while (array.length < length) array.push(null as T);
}

/** The `r`-th root's values array of `out`, reused from earlier points. */
function rootSlot(out: ReusedResult, r: number): Value[] {
  while (out.pool.length <= r) out.pool.push([]);
  const values = out.pool[r];
  out.roots.push(values);
  return values;
}

/**
 * Evaluate one point into `out` (default: a fresh result). With a reused `out`, the values of the
 * previous point are overwritten: read them before the next call.
 */
export function evaluatePoint(
  ctx: EvaluationContext,
  device: Device,
  op: OperatingValues,
  out: ReusedResult = pointResult(),
): PointResult {
  resize(out.roots, 0);
  out.exceedsTc = undefined;
  if (ctx.mode === 'direct') {
    resize(out.point, 0);
    rootValues(rootSlot(out, 0), ctx.rootOutputs, device, op, op.T_L!);
    return out;
  }
  // Index loops, not closures or iterators: a sweep calls this for every point, and each allocates.
  let needsRoots = ctx.rootOutputs.length > 0;
  let needsDrop = false;
  for (let i = 0; i < ctx.pointOutputs.length; i++) {
    needsRoots ||= ctx.pointOutputs[i] === 'n_roots';
    needsDrop ||= DROP.has(ctx.pointOutputs[i]);
  }
  let found: BalanceRoots | undefined;
  if (needsRoots) {
    operatingPoint.Jin = op.J_in!;
    operatingPoint.TR = op.T_R!;
    operatingPoint.setup = op.setup;
    found = balanceRoots(device, operatingPoint);
    out.exceedsTc = found.exceedsTc;
  }
  // Stability and responsivity cost more than the root itself: only when written.
  let described = false;
  for (let i = 0; i < ctx.rootOutputs.length; i++) described ||= DESCRIBED.has(ctx.rootOutputs[i]);
  const drop = needsDrop
    ? temperatureDrop(device, op.J_in!, op.setup, ctx.TRrange[0], ctx.TRrange[1])
    : undefined;
  const point = out.point;
  resize(point, ctx.pointOutputs.length);
  for (let i = 0; i < point.length; i++) {
    const name = ctx.pointOutputs[i];
    switch (name) {
      case 'n_roots':
        point[i] = found!.TL.length;
        break;
      case 'deltaT':
        point[i] = drop!.deltaT;
        break;
      case 'T_L0':
        point[i] = drop!.TL0;
        break;
      case 'T_Lmin':
        point[i] = drop!.TLmin;
        break;
      case 'T_R_at_min':
        point[i] = drop!.TRatMin;
        break;
      default:
        throw new Error(`unknown point quantity ${name}`);
    }
  }
  if (ctx.rootOutputs.length > 0) {
    const Tb = bathOf(device, op);
    const TLs = found!.TL;
    for (let r = 0; r < TLs.length; r++) {
      const root = described ? describeRoot(device, TLs[r], op.T_R!, Tb, op.setup) : undefined;
      rootValues(rootSlot(out, r), ctx.rootOutputs, device, op, TLs[r], root);
    }
  }
  return out;
}
