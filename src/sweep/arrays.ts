/**
 * Sweeps as a library function: the same points, evaluated the same way as `ndtc sweep` (the values
 * are bit for bit those of its results.csv), returned as typed arrays over the sweep's axes instead
 * of files. `sweepGrid` holds the whole grid in memory (up to SWEEP_GRID_MAX_VALUES values);
 * `sweepChunks` streams it in index ranges, for grids of any size.
 */
import { checkDeviceInput, describeValue, refuseUnknownKeys } from '../physics/device-input.js';
import { hasPhononTable, InputError, loadPhononFamily, type Device, type Setup } from '../index.js';
import {
  checkParameterValue,
  checkTemperatureCorners,
  overlappingParameter,
  parameterInfo,
  parameterValuePredicate,
  type OperatingValues,
} from './parameters.js';
import { refuseRealLine } from '../physics/device-input.js';
import { checkTemperatures, MIN_REDUCED_TEMPERATURE } from '../physics/domain.js';
import {
  DEFAULT_OUTPUTS,
  DROP,
  parseOutputs,
  QUANTITIES,
  quantityInfo,
  splitOutputs,
  type EvaluationContext,
  type PointResult,
  type SweepMode,
  type Value,
} from './quantities.js';
import { pointEvaluator } from './evaluate-chunk.js';
import { phononGammas, pointCount, type Axis, type SweepSpec } from './spec.js';

/** One axis of a library sweep: a parameter name (as `ndtc sweep --vary` takes it) and its SI values. */
export interface SweepAxisInput {
  /** `T_R`, `J_in`, `T_L`, `setup`, `chi`, `c`, `r0`, `gamma`, `Tc`, `T_bath`, or a dotted device path like `left.normal.volume`. */
  name: string;
  /** SI values (K, W, F/m², Ω·m², m², m³, …) in the order wanted. */
  values: ArrayLike<number>;
  /** Log-spaced values (a label only: it changes no value). */
  log?: boolean;
}

/** Operating values held fixed over the sweep, SI (K, W). */
export interface SweepFixedValues {
  /** Right temperature, K. */
  T_R?: number;
  /** Input power on the left, W. */
  J_in?: number;
  /** Left temperature, K: given (fixed or on an axis), the point is evaluated there without the heat balance. */
  T_L?: number;
  /** 1: T_bath fixed, T_R swept; 2: T_R = T_bath (default 1). */
  setup?: Setup;
  /** Bath temperature, K (default: the device's). */
  T_bath?: number;
}

/** What to sweep: the arguments of `ndtc sweep` as data. */
export interface SweepGridInput {
  /** The base device (SI), e.g. `platformDevice('ag')` or `loadDeviceFile(path)`. */
  device: Device;
  /** Axes of the Cartesian grid, first slowest (row-major). */
  axes: readonly SweepAxisInput[];
  /** Operating values not on an axis. */
  fixed?: SweepFixedValues;
  /** Quantities to compute (default: T_L, stable, dTL_dTR, J_gamma; with T_L given: J_gamma, kappa_gamma). */
  outputs?: readonly string[];
  /** T_R range of δT, T_L0, T_Lmin and T_R_at_min, K (default [0.01, 0.8]). */
  TRrange?: readonly [number, number];
}

/** An axis of the result: its canonical name, the SI unit of its values, and the values. */
export interface SweepAxis {
  /** Canonical parameter name (`TR` given → `T_R`). */
  name: string;
  /** SI unit of the values ('' for dimensionless). */
  unit: string;
  /** The axis values, SI. */
  values: Float64Array;
}

/** An output of the result: its name, SI unit, and whether it has a root dimension. */
export interface SweepOutputInfo {
  /** Quantity name, as in results.csv. */
  name: string;
  /** SI unit ('' for dimensionless; `stable` is 1 or 0). */
  unit: string;
  /** `root`: one value per root of the heat balance (trailing root dimension); `point`: one per point. */
  level: 'root' | 'point';
}

/** A point whose evaluation threw: its index in the grid and the message. */
export interface SweepFailure {
  /** Row-major index of the point in the whole grid. */
  index: number;
  /** The error's message. */
  message: string;
}

/** A whole sweep in memory. */
export interface SweepArrays {
  /** The axes, first slowest. */
  axes: SweepAxis[];
  /** Axis lengths, first slowest: the shape of every point output. */
  shape: number[];
  /** The outputs in the order asked, with units and levels. */
  outputInfo: SweepOutputInfo[];
  /**
   * Length of the trailing root dimension of root outputs: the most roots found at any point, at least
   * 1 where a root output is asked (NaN at a point without a root); 0 without root outputs.
   */
  maxRoots: number;
  /**
   * Values per output, row-major (first axis slowest): point outputs have shape `shape`, root outputs
   * `[...shape, maxRoots]`, NaN beyond a point's roots. A value results.csv leaves empty (no root,
   * failure, not finite) is NaN; `stable` is 1 (true) or 0 (false).
   */
  outputs: Record<string, Float64Array>;
  /**
   * Roots filled per point of the root outputs, shape `shape`: 0 with no root below Tc or a failed
   * point, 1 per point in direct mode, 0 everywhere when no root output is asked (the `n_roots`
   * output counts the roots then).
   */
  nRoots: Int32Array;
  /** Points whose evaluation threw (their values are NaN). */
  failures: SweepFailure[];
}

/** A contiguous range of a sweep's points, streamed by `sweepChunks`. */
export interface SweepChunk {
  /** First point index (row-major over the whole grid), inclusive. */
  start: number;
  /** Last point index, exclusive. */
  end: number;
  /** Coordinates of each point of the range, per axis name, SI. */
  coordinates: Record<string, Float64Array>;
  /** The most roots found at any point of this range, at least 1 with root outputs (the root dimension of its root outputs). */
  maxRoots: number;
  /** Values per output: point outputs `[end − start]`, root outputs `[end − start, maxRoots]`, NaN-filled. */
  outputs: Record<string, Float64Array>;
  /** Roots written per point of the range. */
  nRoots: Int32Array;
  /** Points of the range whose evaluation threw. */
  failures: SweepFailure[];
}

/** Options of `sweepGrid`. */
export interface SweepGridOptions {
  /** Stops the sweep between slices of ~20 ms of work: the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** Options of `sweepChunks`. */
export interface SweepChunkOptions extends SweepGridOptions {
  /** Points per chunk (default 65 536, at most 10⁷). */
  chunkSize?: number;
}

/** A quantity a sweep can compute: its name, SI unit, level, the modes it applies to, and what it is. */
export interface SweepOutputDescription extends SweepOutputInfo {
  /** `balance`: needs the heat balance (no T_L given); `direct`: evaluated at a given T_L. */
  modes: ('balance' | 'direct')[];
  /** What the quantity is, in words. */
  description: string;
}

/**
 * Every quantity `sweepGrid` and `ndtc sweep --output` can compute (a function, not a constant: the
 * sweep modules import this library's entry, so nothing of theirs is read while it loads).
 */
export function sweepOutputs(): SweepOutputDescription[] {
  return QUANTITIES.map((q) => ({
    name: q.name,
    unit: q.unit,
    level: q.level,
    modes: [...q.modes],
    description: q.description,
  }));
}

/**
 * Most output values `sweepGrid` holds: points × outputs (each root output counted once; a grid with
 * several roots per point takes `maxRoots` times more for its root outputs). Beyond, use `sweepChunks`.
 */
export const SWEEP_GRID_MAX_VALUES = 10_000_000;

/** Default points per chunk of `sweepChunks`: ~2 s of heat-balance solves, ~0.5 MB per output. */
export const SWEEP_DEFAULT_CHUNK_SIZE = 65_536;

const OPERATING = new Set(['T_R', 'J_in', 'T_L', 'setup']);

/** A value in the SI array: as results.csv writes it (empty → NaN), booleans as 1/0. */
const numeric = (v: Value): number =>
  v === null ? NaN : typeof v === 'boolean' ? (v ? 1 : 0) : Number.isFinite(v) ? v : NaN;

const describe = describeValue;

/** The sweep of a library call, checked as `ndtc sweep` checks its options. */
/** Options of sweepGrid and sweepChunks: an object of known keys, `signal` an AbortSignal. */
function checkSweepOptions(options: unknown, keys: readonly string[], fn: string): void {
  if (options === null || typeof options !== 'object')
    throw new InputError(`${fn} options`, describe(options), `{ ${keys.map((k) => `${k}?`).join(', ')} }`);
  refuseUnknownKeys(options, keys, `${fn} options.`);
  const { signal } = options as SweepGridOptions;
  if (signal !== undefined && !(signal instanceof AbortSignal))
    throw new InputError(`${fn} options.signal`, describe(signal), 'an AbortSignal');
}

/**
 * The Tc that bounds T_R (the right reservoir's) or T_L (the left's) on every point: undefined for other
 * parameters, or where an axis sets a Tc.
 */
function reservoirTcOf(name: string, device: Device, axes: readonly SweepAxisInput[]): number | undefined {
  if (name !== 'T_R' && name !== 'T_L') return undefined;
  if (axes.some((a) => typeof a?.name === 'string' && /(^|\.)Tc$/.test(a.name))) return undefined;
  return (name === 'T_R' ? device.right : device.left).superconductor.Tc;
}

export function sweepSpecOf(input: SweepGridInput, fn: string): SweepSpec {
  if (input === null || typeof input !== 'object')
    throw new InputError(fn, describe(input), '{ device, axes, fixed?, outputs?, TRrange? }');
  refuseUnknownKeys(input, ['device', 'axes', 'fixed', 'outputs', 'TRrange'], `${fn} `);
  const device = checkDeviceInput(input.device, `${fn} device`);
  refuseRealLine(device, `${fn} device`);
  if (!Array.isArray(input.axes) || input.axes.length === 0)
    throw new InputError(`${fn} axes`, describe(input.axes), 'a non-empty array of { name, values }');
  const axes: Axis[] = input.axes.map((a: SweepAxisInput, i) => {
    const option = `${fn} axes[${i}]`;
    if (a === null || typeof a !== 'object' || typeof a.name !== 'string')
      throw new InputError(option, describe(a), '{ name: a parameter name, values: SI numbers }');
    refuseUnknownKeys(a, ['name', 'values', 'log'], `${option}.`);
    const info = parameterInfo(a.name, `${option}.name`);
    const length = (a.values as ArrayLike<number> | undefined)?.length;
    // A string has a length too: '0.3' would be the values '0', '.', '3'.
    if (!Number.isSafeInteger(length) || length! < 1 || typeof a.values === 'string')
      throw new InputError(
        `${option}.values`,
        describe(a.values),
        'a non-empty array (or typed array) of SI numbers',
      );
    const values = Array.from(a.values);
    const accepts = parameterValuePredicate(info);
    const Tc = reservoirTcOf(info.name, device, input.axes);
    values.forEach((v, k) => {
      if (typeof v === 'number' && accepts(v)) return;
      if (typeof v !== 'number')
        throw new InputError(`${option}.values[${k}]`, describe(v), `a number (SI) for ${info.name}`);
      // The device's own range where its Tc is known, as the point functions give it.
      if (Tc !== undefined) checkTemperatures([v], `${option}.values[${k}]`, { Tc, belowTc: true });
      checkParameterValue(info, v, `${option}.values[${k}]`, `${info.name} = ${v}`);
    });
    return { name: info.name, values, log: a.log === true };
  });
  const seen = new Set<string>();
  axes.forEach((a, i) => {
    if (seen.has(a.name))
      throw new InputError(
        `${fn} axes[${i}].name`,
        a.name,
        `each parameter once; ${a.name} is already on an axis`,
      );
    seen.add(a.name);
  });
  const overlap = overlappingParameter(axes.map((a) => a.name));
  if (overlap)
    throw new InputError(`${fn} axes[${overlap.index}].name`, axes[overlap.index].name, overlap.accepted);
  const given = input.fixed ?? {};
  if (given === null || typeof given !== 'object')
    throw new InputError(`${fn} fixed`, describe(given), '{ T_R?, J_in?, T_L?, setup?, T_bath? } in SI');
  const fixed: OperatingValues = { setup: 1 };
  let Tbath: number | undefined;
  for (const [key, value] of Object.entries(given)) {
    if (value === undefined) continue;
    const option = `${fn} fixed.${key}`;
    const info = parameterInfo(key, option);
    if (!OPERATING.has(info.name) && info.name !== 'T_bath')
      throw new InputError(
        option,
        describe(value),
        `fixed takes T_R, J_in, T_L, setup, T_bath; put ${info.name} on the device or an axis`,
      );
    if (typeof value !== 'number')
      throw new InputError(option, describe(value), `a number (SI) for ${info.name}`);
    checkParameterValue(info, value, option, `${info.name} = ${value}`);
    if (seen.has(info.name))
      throw new InputError(option, String(value), `a parameter not also on an axis (${info.name} is)`);
    if (info.name === 'T_bath') Tbath = value;
    else if (info.name === 'setup') fixed.setup = value as Setup;
    else fixed[info.name as 'T_R' | 'J_in' | 'T_L'] = value;
  }
  const base = Tbath === undefined ? device : checkDeviceInput({ ...device, Tbath }, `${fn} fixed.T_bath`);
  // In setup 2 the bath is T_R: a bath given besides would be ignored without a word.
  if (fixed.setup === 2 && !seen.has('setup')) {
    if (Tbath !== undefined)
      throw new InputError(
        `${fn} fixed.T_bath`,
        describe(Tbath),
        'no T_bath in setup 2 (the bath is at T_R)',
      );
    if (seen.has('T_bath'))
      throw new InputError(`${fn} axes`, 'T_bath', 'no T_bath axis in setup 2 (the bath is at T_R)');
  }
  const has = (name: string): boolean => fixed[name as keyof OperatingValues] !== undefined || seen.has(name);
  const mode: SweepMode = has('T_L') ? 'direct' : 'balance';
  let outputs: string[];
  if (input.outputs === undefined) outputs = DEFAULT_OUTPUTS[mode];
  else if (
    !Array.isArray(input.outputs) ||
    input.outputs.length === 0 ||
    input.outputs.some((o) => typeof o !== 'string')
  )
    throw new InputError(
      `${fn} outputs`,
      describe(input.outputs),
      "a non-empty array of quantity names, e.g. ['T_L', 'J_gamma']",
    );
  else outputs = parseOutputs(input.outputs.join(','), mode, `${fn} outputs`);
  const { pointOutputs, rootOutputs } = splitOutputs(outputs);
  const needsTR = mode === 'direct' || rootOutputs.length > 0 || pointOutputs.includes('n_roots');
  if (needsTR && !has('T_R'))
    throw new InputError(`${fn} fixed.T_R`, '(missing)', 'a right temperature: fixed.T_R or an axis T_R');
  if (mode === 'balance' && !has('J_in'))
    throw new InputError(
      `${fn} fixed.J_in`,
      '(missing)',
      'an input power: fixed.J_in or an axis J_in (or give T_L to evaluate without the balance)',
    );
  if (seen.has('setup') && mode === 'direct')
    throw new InputError(`${fn} axes`, 'setup', 'setup only with the heat balance (without T_L)');
  // With T_L given nothing is balanced: a J_in would play no part, as `ndtc sweep` refuses it.
  if (mode === 'direct' && has('J_in'))
    throw new InputError(
      seen.has('J_in') ? `${fn} axes` : `${fn} fixed.J_in`,
      seen.has('J_in') ? 'J_in' : describe(fixed.J_in),
      'not with T_L given (J_in enters only the heat balance, which T_L given replaces)',
    );
  const Tcs = [base.left.superconductor.Tc, base.right.superconductor.Tc];
  const Tc = Math.min(...Tcs);
  const TcVaried = axes.some((a) => a.name === 'Tc' || a.name.endsWith('.Tc'));
  const range = input.TRrange ?? [0.01, 0.8];
  // temperatureDrop takes T_R in [0.004 Tc, Tc) of the right reservoir: a range beyond gave NaN or a
  // δT over the part below Tc without a word.
  const TRmin = MIN_REDUCED_TEMPERATURE * base.right.superconductor.Tc;
  const TRmax = base.right.superconductor.Tc;
  const drop = outputs.some((o) => DROP.has(o));
  const checkEnds = !TcVaried && drop;
  if (
    !Array.isArray(range) ||
    range.length !== 2 ||
    !(range[0] > 0 && range[1] > range[0] && Number.isFinite(range[1])) ||
    (checkEnds && !(range[0] >= TRmin && range[1] < TRmax))
  )
    throw new InputError(
      `${fn} TRrange`,
      Array.isArray(range) ? `[${range.map(describe).join(', ')}]` : describe(range),
      checkEnds
        ? `[from, to] in K with ${TRmin} K (0.004 Tc) ≤ from < to < Tc = ${TRmax} K, e.g. [${Number(Math.max(0.01, TRmin).toPrecision(2))}, ${Number(((2 / 3) * TRmax).toPrecision(2))}]`
        : '[from, to] in K with 0 < from < to, e.g. [0.01, 0.8]',
    );
  if (TcVaried) {
    const dropRange = drop ? { ends: [range[0], range[1]] as const, name: 'TRrange end' } : undefined;
    checkTemperatureCorners(base, fixed, axes, `${fn} axes`, (name, v) => `${name} = ${v}`, dropRange);
  } else {
    // In [0.004 Tc, Tc), as `ndtc sweep` and solveBalance take them (T_bath: the device's bath range).
    for (const name of ['T_R', 'T_L', 'T_bath'] as const) {
      const axis = axes.findIndex((a) => a.name === name);
      const given = name === 'T_bath' ? undefined : fixed[name]; // a fixed T_bath is checked with the device
      const values = axis >= 0 ? axes[axis].values : given === undefined ? [] : [given];
      values.forEach((T, k) => {
        const option = axis >= 0 ? `${fn} axes[${axis}].values[${k}]` : `${fn} fixed.${name}`;
        checkTemperatures([T], option, { Tc, belowTc: true });
        if (name === 'T_bath') checkTemperatures([T], option, { Tc: Math.max(...Tcs), belowTc: false });
      });
    }
  }
  const points = pointCount(axes);
  if (!Number.isSafeInteger(points))
    throw new InputError(`${fn} axes`, `${points} points`, `at most ${Number.MAX_SAFE_INTEGER} points`);
  return { device: base, fixed, axes, outputs, mode, TRrange: [range[0], range[1]], chunkSize: points };
}

/** Load the J_ph,S tables the sweep needs (every γ of the domain has one in the family). */
async function preparePhonon(spec: SweepSpec): Promise<void> {
  if (phononGammas(spec).some((g) => !hasPhononTable(g))) await loadPhononFamily();
}

/** Output arrays of a range of points, the root dimension grown as roots appear. */
class OutputBlock {
  readonly point: Float64Array[];
  root: Float64Array[];
  /** The root dimension: the most roots at any point, at least 1 where there are root outputs (NaN there). */
  maxRoots: number;
  /** Root slots per point allocated. */
  private stride: number;
  readonly nRoots: Int32Array;
  readonly failures: SweepFailure[] = [];

  constructor(
    readonly length: number,
    private readonly ctx: EvaluationContext,
  ) {
    this.point = ctx.pointOutputs.map(() => new Float64Array(length).fill(NaN));
    this.stride = ctx.rootOutputs.length > 0 ? 1 : 0;
    // A grid (or chunk) without a single root keeps one NaN slot per point: arrays as long as the
    // coordinates, indexed as documented, as results.csv keeps a row with an empty T_L.
    this.maxRoots = this.stride;
    this.root = ctx.rootOutputs.map(() => new Float64Array(length * this.stride).fill(NaN));
    this.nRoots = new Int32Array(length);
  }

  /** Record point `i` of the block (`index` in the grid). */
  set(i: number, index: number, result: PointResult | undefined, error: string | undefined): void {
    if (!result) {
      this.failures.push({ index, message: error! });
      return;
    }
    for (let q = 0; q < this.point.length; q++) this.point[q][i] = numeric(result.point[q]);
    const roots = result.roots;
    if (this.root.length === 0) return;
    if (roots.length > this.stride) this.grow(roots.length);
    this.nRoots[i] = roots.length;
    if (roots.length > this.maxRoots) this.maxRoots = roots.length;
    for (let r = 0; r < roots.length; r++)
      for (let q = 0; q < this.root.length; q++) this.root[q][i * this.stride + r] = numeric(roots[r][q]);
  }

  /** Re-stride the root arrays for `stride` roots per point. */
  private grow(stride: number): void {
    this.root = this.root.map((old) => {
      const next = new Float64Array(this.length * stride).fill(NaN);
      for (let i = 0; i < this.length; i++)
        for (let r = 0; r < this.stride; r++) next[i * stride + r] = old[i * this.stride + r];
      return next;
    });
    this.stride = stride;
  }

  /** The outputs by name, root outputs cut to `maxRoots` per point. */
  outputs(names: readonly string[]): Record<string, Float64Array> {
    const out: Record<string, Float64Array> = {};
    this.ctx.pointOutputs.forEach((n, q) => (out[n] = this.point[q]));
    this.ctx.rootOutputs.forEach((n, q) => {
      const a = this.root[q];
      if (this.stride === this.maxRoots) out[n] = a;
      else {
        const cut = new Float64Array(this.length * this.maxRoots);
        for (let i = 0; i < this.length; i++)
          for (let r = 0; r < this.maxRoots; r++) cut[i * this.maxRoots + r] = a[i * this.stride + r];
        out[n] = cut;
      }
    });
    return Object.fromEntries(names.map((n) => [n, out[n]]));
  }
}

/** Longest stretch of work between two yields to the event loop, ms: an abort is seen within it. */
const SLICE_MS = 20;
/** Points between two looks at the clock while points are cheap (a point costs µs to ~0.3 s). */
const CLOCK_EVERY = 16;

/**
 * Evaluate points [start, end) into `block` with the evaluator of `ndtc sweep`'s chunks (the same
 * values, bit for bit). Yields to the event loop once SLICE_MS have passed — by time, not by a count of
 * points, since a point costs from ~1 µs (warm caches) to ~1 ms (a new T_R, δT outputs).
 */
async function evaluateRange(
  spec: SweepSpec,
  ctx: EvaluationContext,
  start: number,
  end: number,
  block: OutputBlock,
  signal: AbortSignal | undefined,
): Promise<void> {
  signal?.throwIfAborted();
  const names = spec.axes.map((a) => a.name);
  const at = new Array<number>(names.length);
  let rest = start;
  for (let a = names.length - 1; a >= 0; a--) {
    const len = spec.axes[a].values.length;
    at[a] = rest % len;
    rest = (rest - at[a]) / len;
  }
  const coords = new Array<number>(names.length);
  const evaluateAt = pointEvaluator(spec, ctx);
  let sliceStart = performance.now();
  let lastLook = sliceStart;
  // Points between looks at the clock: CLOCK_EVERY while they are cheap, 1 from the first point and
  // while they cost more than SLICE_MS / CLOCK_EVERY each (δT over a γ axis takes ~0.1–0.3 s a point:
  // 16 of them kept an abort waiting for seconds).
  let every = 1;
  let sinceLook = 0;
  for (let index = start; index < end; index++) {
    for (let a = 0; a < coords.length; a++) coords[a] = spec.axes[a].values[at[a]];
    try {
      block.set(index - start, index, evaluateAt(at, coords), undefined);
    } catch (e) {
      block.set(index - start, index, undefined, e instanceof Error ? e.message : String(e));
    }
    for (let a = at.length - 1; a >= 0; a--) {
      if (++at[a] < spec.axes[a].values.length) break;
      at[a] = 0;
    }
    if (++sinceLook < every) continue;
    const now = performance.now();
    every = now - lastLook > (SLICE_MS / CLOCK_EVERY) * sinceLook ? 1 : CLOCK_EVERY;
    sinceLook = 0;
    lastLook = now;
    if (now - sliceStart >= SLICE_MS) {
      await new Promise((done) => setImmediate(done));
      signal?.throwIfAborted();
      sliceStart = lastLook = performance.now();
    }
  }
}

const contextOf = (spec: SweepSpec): EvaluationContext => ({
  mode: spec.mode,
  TRrange: spec.TRrange,
  ...splitOutputs(spec.outputs),
});

const outputInfoOf = (outputs: readonly string[]): SweepOutputInfo[] =>
  outputs.map((name) => {
    const q = quantityInfo(name);
    return { name, unit: q.unit, level: q.level };
  });

/**
 * Sweep a device over a grid and return every output as a typed array over the axes: the values of
 * `ndtc sweep`'s results.csv, bit for bit, computed in this thread. At most SWEEP_GRID_MAX_VALUES
 * output values (points × outputs); beyond, `sweepChunks`. Bad input → InputError naming the field.
 *
 * @example
 * const s = await sweepGrid({
 *   device: platformDevice('ag'),
 *   axes: [{ name: 'chi', values: [0.5, 1, 2] }, { name: 'T_R', values: [0.1, 0.2, 0.3] }],
 *   fixed: { J_in: 100e-15 },
 *   outputs: ['T_L', 'n_roots'],
 * });
 * s.outputs.T_L[(1 * 3 + 2) * s.maxRoots]; // first root's T_L at χ = 1, T_R = 0.3 K, in K
 */
export async function sweepGrid(input: SweepGridInput, options: SweepGridOptions = {}): Promise<SweepArrays> {
  checkSweepOptions(options, ['signal'], 'sweepGrid');
  options.signal?.throwIfAborted();
  const spec = sweepSpecOf(input, 'sweepGrid');
  const points = pointCount(spec.axes);
  const values = points * spec.outputs.length;
  if (values > SWEEP_GRID_MAX_VALUES)
    throw new InputError(
      'sweepGrid axes',
      `${points} points × ${spec.outputs.length} outputs`,
      `at most ${SWEEP_GRID_MAX_VALUES} output values in memory; for more use sweepChunks (streamed)`,
    );
  await preparePhonon(spec);
  const ctx = contextOf(spec);
  const block = new OutputBlock(points, ctx);
  await evaluateRange(spec, ctx, 0, points, block, options.signal);
  return {
    axes: axesOf(spec),
    shape: spec.axes.map((a) => a.values.length),
    outputInfo: outputInfoOf(spec.outputs),
    maxRoots: block.maxRoots,
    outputs: block.outputs(spec.outputs),
    nRoots: block.nRoots,
    failures: block.failures,
  };
}

function axesOf(spec: SweepSpec): SweepAxis[] {
  return spec.axes.map((a) => ({
    name: a.name,
    unit: parameterInfo(a.name, 'axis').unit,
    values: Float64Array.from(a.values),
  }));
}

/**
 * Sweep a grid of any size as an async iterator of chunks (contiguous index ranges, row-major, first
 * axis slowest), each with its points' coordinates and outputs; the values are those of `sweepGrid`.
 * Memory is one chunk at a time.
 *
 * @example
 * for await (const chunk of sweepChunks({ device, axes, fixed: { J_in: 1e-13 } }, { chunkSize: 10_000 }))
 *   console.log(chunk.start, chunk.end, chunk.outputs.T_L);
 */
export async function* sweepChunks(
  input: SweepGridInput,
  options: SweepChunkOptions = {},
): AsyncGenerator<SweepChunk, void, undefined> {
  checkSweepOptions(options, ['chunkSize', 'signal'], 'sweepChunks');
  options.signal?.throwIfAborted();
  const spec = sweepSpecOf(input, 'sweepChunks');
  const size = options.chunkSize ?? SWEEP_DEFAULT_CHUNK_SIZE;
  if (!(Number.isSafeInteger(size) && size >= 1 && size <= SWEEP_GRID_MAX_VALUES))
    throw new InputError(
      'sweepChunks chunkSize',
      describe(size),
      `an integer from 1 to ${SWEEP_GRID_MAX_VALUES}`,
    );
  await preparePhonon(spec);
  const ctx = contextOf(spec);
  const points = pointCount(spec.axes);
  for (let start = 0; start < points; start += size) {
    const end = Math.min(points, start + size);
    const block = new OutputBlock(end - start, ctx);
    await evaluateRange(spec, ctx, start, end, block, options.signal);
    const coordinates: Record<string, Float64Array> = {};
    let stride = 1;
    for (let a = spec.axes.length - 1; a >= 0; a--) {
      const values = spec.axes[a].values;
      const column = new Float64Array(end - start);
      for (let i = start; i < end; i++) column[i - start] = values[Math.floor(i / stride) % values.length];
      coordinates[spec.axes[a].name] = column;
      stride *= values.length;
    }
    yield {
      start,
      end,
      coordinates: Object.fromEntries(spec.axes.map((a) => [a.name, coordinates[a.name]])),
      maxRoots: block.maxRoots,
      outputs: block.outputs(spec.outputs),
      nRoots: block.nRoots,
      failures: block.failures,
    };
  }
}
