/** One chunk of a sweep evaluated and formatted as CSV rows and JSON Lines (deterministic text). */
import { Utf8Builder } from '../io/utf8-builder.js';
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

export interface ChunkText {
  /** UTF-8 bytes of the CSV rows and of the JSON Lines. */
  csv: Uint8Array;
  jsonl: Uint8Array;
  /** Points whose evaluation threw: index and message (their rows carry empty values). */
  failures: { index: number; message: string }[];
}

/** Whether CSV rows carry a root_index (balance mode with per-root outputs). */
export function hasRoots(spec: SweepSpec): boolean {
  return spec.mode === 'balance' && splitOutputs(spec.outputs).rootOutputs.length > 0;
}

export function csvHeader(spec: SweepSpec): string {
  const { pointOutputs, rootOutputs } = splitOutputs(spec.outputs);
  const columns = [
    'index',
    ...spec.axes.map((a) => a.name),
    ...pointOutputs,
    ...(hasRoots(spec) ? ['root_index'] : []),
    ...rootOutputs,
  ];
  return columns.join(',') + '\n';
}

/** Shortest round-trip decimal; a value that is not finite is written empty (CSV) or null (JSON). */
const cell = (v: Value): string =>
  typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : v === null ? '' : v ? 'true' : 'false';
/** The JSON form of a formatted cell: an empty cell (null or not finite) is null. */
const jsonCell = (text: string): string => (text === '' ? 'null' : text);

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

/**
 * Builders a thread writes chunk after chunk into: a chunk's text is a view of them, valid until the
 * next chunk (fresh builders per chunk cost a new multi-megabyte buffer each, grown by copies and
 * zero-filled by the kernel page by page: ~0.5 µs a point of a 10⁶-point text sweep).
 */
export interface ChunkBuilders {
  csv: Utf8Builder;
  jsonl: Utf8Builder;
}

export const chunkBuilders = (): ChunkBuilders => ({ csv: new Utf8Builder(), jsonl: new Utf8Builder() });

/**
 * Chunk k as CSV rows and JSON Lines; written into `into` (reset first) when given, so the bytes are
 * views of it, read before it is used again; else into builders of its own. `onPoint` sees each
 * point's result in index order (undefined where its evaluation threw), before the next point.
 */
export function computeChunk(
  spec: SweepSpec,
  k: number,
  into: ChunkBuilders = chunkBuilders(),
  onPoint?: (result: PointResult | undefined) => void,
): ChunkText {
  const { ctx, evaluateAt } = chunkEvaluator(spec);
  const roots = hasRoots(spec);
  const [start, end] = chunkRange(spec, k);
  const coords = new Array<number>(spec.axes.length);
  const { axisTables, axisCsv, axisJson, encodeAxis, pointKeys, rootKeys, directKeys } = chunkFormat(
    spec,
    ctx,
  );
  const { csv, jsonl } = into;
  csv.reset();
  jsonl.reset();
  const failures: ChunkText['failures'] = [];
  // Axis indices of the current point, advanced like an odometer (last axis fastest).
  const at = axisIndices(spec, start);
  for (let index = start; index < end; index++, advance(spec, at)) {
    for (let a = 0; a < coords.length; a++) coords[a] = spec.axes[a].values[at[a]];
    let result: PointResult | undefined;
    let error: string | undefined;
    try {
      result = evaluateAt(at, coords);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      failures.push({ index, message: error });
    }
    onPoint?.(result);
    const rowStart = csv.size;
    csv.appendInteger(index);
    jsonl.appendBytes(INDEX);
    jsonl.appendInteger(index);
    for (let a = 0; a < coords.length; a++) {
      const table = axisTables[a];
      if (table) {
        const i = at[a];
        csv.appendRange(table.csv, table.csvAt[i], table.csvAt[i + 1]);
        jsonl.appendRange(table.json, table.jsonAt[i], table.jsonAt[i + 1]);
        continue;
      }
      if (axisCsv[a][at[a]] === undefined) encodeAxis(a, at[a]);
      csv.appendBytes(axisCsv[a][at[a]]!);
      jsonl.appendBytes(axisJson[a][at[a]]!);
    }
    if (!result) {
      const blanks = ctx.pointOutputs.length + (roots ? 1 : 0) + ctx.rootOutputs.length;
      csv.append(','.repeat(blanks) + '\n');
      jsonl.append(`,"error":${JSON.stringify(error)}}\n`);
      continue;
    }
    for (let i = 0; i < result.point.length; i++) {
      const text = cell(result.point[i]);
      csv.appendByte(COMMA);
      csv.append(text);
      jsonl.appendBytes(pointKeys[i]);
      jsonl.append(jsonCell(text));
    }
    if (result.exceedsTc !== undefined) jsonl.appendBytes(EXCEEDS[result.exceedsTc ? 1 : 0]);
    if (spec.mode === 'direct') {
      const values = result.roots[0];
      for (let i = 0; i < values.length; i++) {
        const text = cell(values[i]);
        csv.appendByte(COMMA);
        csv.append(text);
        jsonl.appendBytes(directKeys[i]);
        jsonl.append(jsonCell(text));
      }
      csv.appendByte(NEWLINE);
    } else if (!roots) {
      csv.appendByte(NEWLINE);
    } else {
      const prefixEnd = csv.size;
      if (result.roots.length === 0) csv.append(','.repeat(1 + ctx.rootOutputs.length) + '\n');
      jsonl.appendBytes(ROOTS_OPEN);
      for (let r = 0; r < result.roots.length; r++) {
        // Every root's row repeats the point's index, axes and point outputs.
        if (r > 0) {
          csv.repeat(rowStart, prefixEnd);
          jsonl.appendByte(COMMA);
        }
        csv.appendByte(COMMA);
        csv.appendInteger(r);
        jsonl.appendByte(OPEN_BRACE);
        const values = result.roots[r];
        for (let i = 0; i < values.length; i++) {
          const text = cell(values[i]);
          csv.appendByte(COMMA);
          csv.append(text);
          jsonl.appendBytes(rootKeys[i]);
          jsonl.append(jsonCell(text));
        }
        csv.appendByte(NEWLINE);
        jsonl.appendByte(CLOSE_BRACE);
      }
      jsonl.appendByte(CLOSE_BRACKET);
    }
    jsonl.appendByte(CLOSE_BRACE);
    jsonl.appendByte(NEWLINE);
  }
  return { csv: csv.bytes(), jsonl: jsonl.bytes(), failures };
}

const COMMA = 44;
const NEWLINE = 10;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const CLOSE_BRACKET = 93;
const utf8 = new TextEncoder();
const INDEX = utf8.encode('{"index":');
const EXCEEDS = [utf8.encode(',"exceedsTc":false'), utf8.encode(',"exceedsTc":true')];
const ROOTS_OPEN = utf8.encode(',"roots":[');

/**
 * An axis' values formatted once, end to end in one buffer: value i is bytes [at[i], at[i + 1]).
 * Read in index order along the fastest axis, this streams through memory, where one small array per
 * value sends every point to a different corner of the heap.
 */
interface AxisTable {
  csv: Uint8Array;
  csvAt: Int32Array;
  json: Uint8Array;
  jsonAt: Int32Array;
}

/** Axes up to this many values get an AxisTable (formatted up front, ~1 µs a value); longer ones are formatted value by value as met. */
const AXIS_TABLE_MAX = 1 << 16;

function axisTable(values: readonly number[], key: string): AxisTable {
  const csvText = values.map((v) => ',' + cell(v));
  const jsonText = values.map((v) => key + jsonCell(cell(v)));
  const pack = (texts: string[]): [Uint8Array, Int32Array] => {
    const at = new Int32Array(texts.length + 1);
    for (let i = 0; i < texts.length; i++) at[i + 1] = at[i] + Buffer.byteLength(texts[i]);
    return [utf8.encode(texts.join('')), at];
  };
  const [csv, csvAt] = pack(csvText);
  const [json, jsonAt] = pack(jsonText);
  return { csv, csvAt, json, jsonAt };
}

/** A sweep's keys and axis values as UTF-8, encoded once per sweep. */
interface ChunkFormat {
  /** Per axis up to AXIS_TABLE_MAX values: its table; longer axes use axisCsv/axisJson. */
  axisTables: (AxisTable | undefined)[];
  /** Per value of a longer axis: ",v" for CSV and `,"name":v` for JSON, encoded as first met. */
  axisCsv: (Uint8Array | undefined)[][];
  axisJson: (Uint8Array | undefined)[][];
  encodeAxis(a: number, i: number): void;
  /** `,"name":` per point output; `"name":` (`,"name":` after the first) per root output. */
  pointKeys: Uint8Array[];
  rootKeys: Uint8Array[];
  /** `,"name":` per root output, for direct mode's flat objects. */
  directKeys: Uint8Array[];
}

// Per spec object: a worker computes all its chunks from one spec.
const formats = new WeakMap<SweepSpec, ChunkFormat>();

function chunkFormat(spec: SweepSpec, ctx: EvaluationContext): ChunkFormat {
  let format = formats.get(spec);
  if (format) return format;
  const axisKeys = spec.axes.map((a) => `,${JSON.stringify(a.name)}:`);
  const axisCsv = spec.axes.map((a) => new Array<Uint8Array | undefined>(a.values.length));
  const axisJson = spec.axes.map((a) => new Array<Uint8Array | undefined>(a.values.length));
  format = {
    axisTables: spec.axes.map((a, i) =>
      a.values.length <= AXIS_TABLE_MAX ? axisTable(a.values, axisKeys[i]) : undefined,
    ),
    axisCsv,
    axisJson,
    encodeAxis(a, i) {
      const text = cell(spec.axes[a].values[i]);
      axisCsv[a][i] = utf8.encode(',' + text);
      axisJson[a][i] = utf8.encode(axisKeys[a] + jsonCell(text));
    },
    pointKeys: ctx.pointOutputs.map((n) => utf8.encode(`,${JSON.stringify(n)}:`)),
    rootKeys: ctx.rootOutputs.map((n, i) => utf8.encode(`${i > 0 ? ',' : ''}${JSON.stringify(n)}:`)),
    directKeys: ctx.rootOutputs.map((n) => utf8.encode(`,${JSON.stringify(n)}:`)),
  };
  formats.set(spec, format);
  return format;
}
