/**
 * A chunk's points evaluated into float64 records, in the order that shares the most work between
 * consecutive points (evaluationOrder) and laid out in index order: the one evaluation a chunk's
 * text (chunk.ts) and its binary file (binary-chunk.ts) are both made from.
 *
 * One record per point: the code (−1: the evaluation threw; else the root count of a balance with
 * per-root outputs, 0 otherwise), exceedsTc (1, 0, NaN when not given), the point outputs, then the
 * direct outputs (direct mode) or each root's outputs. A value JSON would write as null (not finite,
 * or null) is NaN; −0 is 0 (its shortest decimal is "0"); a boolean is 1 or 0.
 * A failed point's record is its code alone.
 */
import { applyParameters, type OperatingValues } from './parameters.js';
import {
  evaluatePoint,
  pointResult,
  splitOutputs,
  type EvaluationContext,
  type PointResult,
  type Value,
} from './quantities.js';
import type { Device, Setup } from '../index.js';
import { chunkRange, type SweepSpec } from './spec.js';

/** A point's evaluation failed: its message, the point given by its index. */
export interface PointFailure {
  index: number;
  message: string;
}

/** Whether points have a record per root and CSV rows a root_index (balance mode, per-root outputs). */
export function hasRoots(spec: SweepSpec): boolean {
  return spec.mode === 'balance' && splitOutputs(spec.outputs).rootOutputs.length > 0;
}

/** Operating-point parameters: every other axis is a device parameter. */
const OPERATING = new Set(['T_R', 'J_in', 'T_L', 'setup']);

/** The axis indices of point `index` (mixed radix, last axis fastest), as `coordinates` gives values. */
export function axisIndices(
  spec: SweepSpec,
  index: number,
  at: number[] = new Array<number>(spec.axes.length),
): number[] {
  let rest = index;
  for (let a = spec.axes.length - 1; a >= 0; a--) {
    const len = spec.axes[a].values.length;
    at[a] = rest % len;
    rest = (rest - at[a]) / len;
  }
  return at;
}

/** The next point's axis indices. */
export function advance(spec: SweepSpec, at: number[]): void {
  for (let a = at.length - 1; a >= 0; a--) {
    if (++at[a] < spec.axes[a].values.length) return;
    at[a] = 0;
  }
}

/**
 * The order chunk [start, end) is evaluated in: undefined for index order, else T_R by T_R — where
 * T_R is the fastest axis, the chunk spans several of its rows and one device: every row's point at
 * one T_R, then the next T_R. Consecutive points then share the heat balance's per-T_R values (J_γ on
 * the scan nodes, the interval series), which a row through every T_R fetches from memory point by
 * point once the T_R axis is long (a 2000 × 2000 map: 1.6 → 0.9 µs a point). Results do not depend
 * on the order (the caches are of values, not of paths).
 */
export function evaluationOrder(spec: SweepSpec, start: number, end: number): Int32Array | undefined {
  const axes = spec.axes;
  const n = axes[axes.length - 1].values.length;
  if (axes[axes.length - 1].name !== 'T_R' || end - start <= n) return undefined;
  // One device: the indices of the axes up to the last device axis are the same at both ends.
  let lastDevice = -1;
  axes.forEach((a, i) => {
    if (!OPERATING.has(a.name)) lastDevice = i;
  });
  let block = 1;
  for (let a = lastDevice + 1; a < axes.length; a++) block *= axes[a].values.length;
  if (lastDevice >= 0 && Math.floor(start / block) !== Math.floor((end - 1) / block)) return undefined;
  const order = new Int32Array(end - start);
  let i = 0;
  for (let j = 0; j < n; j++)
    for (let index = start + ((((j - start) % n) + n) % n); index < end; index += n) order[i++] = index;
  return order;
}

export function evaluationContext(spec: SweepSpec): EvaluationContext {
  return { mode: spec.mode, TRrange: spec.TRrange, ...splitOutputs(spec.outputs) };
}

/**
 * Evaluates points given their axis indices and coordinates, in index order. Points along the
 * operating axes share their device: the device object is kept (the heat balance's caches are per
 * device object) unless a device parameter changed, and the operating point is one object reused
 * along the chunk (evaluatePoint keeps nothing of it) — the same values applyParameters gives. The
 * result returned is one object refilled at every call: read it before the next.
 */
export function pointEvaluator(
  spec: SweepSpec,
  ctx: EvaluationContext,
): (at: readonly number[], coords: readonly number[]) => PointResult {
  const names = spec.axes.map((a) => a.name);
  const deviceAxes = names.flatMap((n, a) => (OPERATING.has(n) ? [] : [a]));
  // Named stores along the chunk: a store keyed by the axis' name is a slow, generic one.
  const [TR, Jin, TL, setup] = (['T_R', 'J_in', 'T_L', 'setup'] as const).map((n) => names.indexOf(n));
  // Filled again at every point: its caller reads one point's values before evaluating the next.
  const result = pointResult();
  let device: Device | undefined;
  // applyParameters' operating point for the last device, refilled along the operating axes: one
  // object of one shape for the whole chunk (a second shape made the solver's compiled code
  // polymorphic and sent V8 back to recompile it, ~0.3 s of CPU a sweep).
  let op: OperatingValues | undefined;
  const deviceAt = new Array<number>(spec.axes.length).fill(-1);
  return (at, coords) => {
    let changed = device === undefined || op === undefined;
    for (let i = 0; i < deviceAxes.length && !changed; i++)
      changed = at[deviceAxes[i]] !== deviceAt[deviceAxes[i]];
    if (changed || device === undefined || op === undefined) {
      ({ device, op } = applyParameters(spec.device, spec.fixed, names, coords));
      for (const a of deviceAxes) deviceAt[a] = at[a];
    } else {
      if (TR >= 0) op.T_R = coords[TR];
      if (Jin >= 0) op.J_in = coords[Jin];
      if (TL >= 0) op.T_L = coords[TL];
      if (setup >= 0) op.setup = coords[setup] as Setup;
    }
    return evaluatePoint(ctx, device, op, result);
  };
}

interface ChunkEvaluator {
  ctx: EvaluationContext;
  evaluateAt: ReturnType<typeof pointEvaluator>;
  /** What it was made from (evaluatedParts): a spec given a new device, axes, … gets a new evaluator. */
  made: readonly unknown[];
}

/** The parts of a spec its evaluator is made from (objects by identity). */
const evaluatedParts = (spec: SweepSpec): unknown[] => [
  spec.device,
  spec.fixed,
  spec.axes,
  spec.outputs,
  spec.mode,
  spec.TRrange,
];
const sameParts = (made: readonly unknown[], spec: SweepSpec): boolean =>
  evaluatedParts(spec).every((part, i) => part === made[i]);

/** A sweep's context and point evaluator (chunkEvaluator), per spec object. */
const evaluators = new WeakMap<SweepSpec, ChunkEvaluator>();

/**
 * The context and point evaluator of `spec`, made once per spec and thread and used by every chunk: the
 * solver then sees the same context, operating point and result objects from chunk to chunk (fresh
 * ones per chunk came with fresh hidden classes now and then, each sending V8 back to recompile the
 * solver: ~0.3 s of CPU a 10⁶-point sweep). The evaluator keeps no value that depends on the order
 * of points (pointEvaluator), so chunks computed in any order still give the same bytes.
 */
export function chunkEvaluator(spec: SweepSpec): ChunkEvaluator {
  const e = evaluators.get(spec);
  if (e && sameParts(e.made, spec)) return e;
  const ctx = evaluationContext(spec);
  const made: ChunkEvaluator = { ctx, evaluateAt: pointEvaluator(spec, ctx), made: evaluatedParts(spec) };
  evaluators.set(spec, made);
  return made;
}

/** The number a value is stored as. */
const stored = (v: Value): number =>
  typeof v === 'number' ? (Number.isFinite(v) ? v + 0 : NaN) : v === null ? NaN : v ? 1 : 0;

/** Float64 values appended into a growing buffer. */
export class Float64Builder {
  values = new Float64Array(1 << 12);
  constructor(public length = 0) {}
  /** Room for `bytes` more bytes past the values (the failures' JSON). */
  reserveBytes(bytes: number): void {
    while (8 * this.values.length < 8 * this.length + bytes) this.grow();
  }
  push(v: number): void {
    if (this.length === this.values.length) this.grow();
    this.values[this.length++] = v;
  }
  /** Apart from push, which stays small enough to be inlined. */
  private grow(): void {
    const grown = new Float64Array(2 * this.values.length);
    grown.set(this.values);
    this.values = grown;
  }
}

/**
 * Buffers a thread reuses from chunk to chunk: fresh typed arrays (~0.4 MB a chunk) are mapped and
 * unmapped by the allocator each time and their pages faulted in again (80 → 45 thousand page faults
 * on a 4·10⁶-point run with them reused).
 */
export interface ChunkBuffers {
  out: Float64Builder;
  scratch: Float64Builder;
  from: Int32Array;
  length: Int32Array;
}

export function chunkBuffers(): ChunkBuffers {
  return {
    out: new Float64Builder(),
    scratch: new Float64Builder(),
    from: new Int32Array(0),
    length: new Int32Array(0),
  };
}

/**
 * The records of points [start, end) (a chunk's), in index order: `values[from, to)`, views of the
 * buffers they were made in.
 */
export interface ChunkRecords {
  start: number;
  end: number;
  values: Float64Array;
  from: number;
  to: number;
  /** Points whose evaluation threw, in index order. */
  failures: PointFailure[];
  /** The largest root count of its points. */
  maxRoots: number;
}

/**
 * Chunk k of `spec` evaluated into records appended to `buffers.out` past its first `reserved`
 * values (room for a file header); valid until the buffers' next use.
 */
export function evaluateChunk(
  spec: SweepSpec,
  k: number,
  buffers: ChunkBuffers = chunkBuffers(),
  reserved = 0,
): ChunkRecords {
  const [start, end] = chunkRange(spec, k);
  return evaluatePoints(spec, start, end, buffers, reserved);
}

/** Points [start, end) of `spec` evaluated as a chunk of them would be (evaluateChunk). */
export function evaluatePoints(
  spec: SweepSpec,
  start: number,
  end: number,
  buffers: ChunkBuffers = chunkBuffers(),
  reserved = 0,
): ChunkRecords {
  const { evaluateAt } = chunkEvaluator(spec);
  const perRoot = hasRoots(spec);
  const direct = spec.mode === 'direct';
  const coords = new Array<number>(spec.axes.length);
  const at = axisIndices(spec, start);
  const out = buffers.out;
  out.length = reserved;
  const failures: PointFailure[] = [];
  let maxRoots = 0;
  /** Point `index` (its axis indices in `at`) evaluated, its record appended to `to`. */
  const record = (index: number, to: Float64Builder): void => {
    for (let a = 0; a < coords.length; a++) coords[a] = spec.axes[a].values[at[a]];
    let result: PointResult;
    try {
      result = evaluateAt(at, coords);
    } catch (e) {
      failures.push({ index, message: e instanceof Error ? e.message : String(e) });
      appendRecord(to, undefined, perRoot, direct);
      return;
    }
    maxRoots = Math.max(maxRoots, appendRecord(to, result, perRoot, direct));
  };
  const order = evaluationOrder(spec, start, end);
  if (!order) {
    for (let index = start; index < end; index++, advance(spec, at)) record(index, out);
  } else {
    // Evaluated in `order`, each record kept where it landed, then laid out in index order.
    const scratch = buffers.scratch;
    scratch.length = 0;
    if (buffers.length.length < end - start) {
      buffers.from = new Int32Array(end - start);
      buffers.length = new Int32Array(end - start);
    }
    const { from, length } = buffers;
    for (let i = 0; i < order.length; i++) {
      const index = order[i];
      axisIndices(spec, index, at);
      from[index - start] = scratch.length;
      record(index, scratch);
      length[index - start] = scratch.length - from[index - start];
    }
    for (let i = 0; i < end - start; i++)
      for (let j = from[i]; j < from[i] + length[i]; j++) out.push(scratch.values[j]);
    failures.sort((a, b) => a.index - b.index);
  }
  return { start, end, values: out.values, from: reserved, to: out.length, failures, maxRoots };
}

/** The record code of a point whose evaluation threw. */
export const FAILED = -1;

/**
 * A point's record appended to `to` (`result` undefined: its evaluation threw); its root count
 * (0 without per-root outputs or for a failed point).
 */
function appendRecord(
  to: Float64Builder,
  result: PointResult | undefined,
  perRoot: boolean,
  direct: boolean,
): number {
  if (result === undefined) {
    to.push(FAILED);
    return 0;
  }
  to.push(perRoot ? result.roots.length : 0);
  to.push(result.exceedsTc === undefined ? NaN : result.exceedsTc ? 1 : 0);
  for (let i = 0; i < result.point.length; i++) to.push(stored(result.point[i]));
  if (direct) {
    const values = result.roots[0];
    for (let i = 0; i < values.length; i++) to.push(stored(values[i]));
  } else if (perRoot) {
    for (let r = 0; r < result.roots.length; r++) {
      const values = result.roots[r];
      for (let i = 0; i < values.length; i++) to.push(stored(values[i]));
    }
  }
  return perRoot ? result.roots.length : 0;
}
