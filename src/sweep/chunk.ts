/** One chunk of a sweep evaluated and formatted as CSV rows and JSON Lines (deterministic text). */
import { Utf8Builder } from '../io/utf8-builder.js';
import { applyParameters, type OperatingValues } from './parameters.js';
import {
  evaluatePoint,
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
  v === null || (typeof v === 'number' && !Number.isFinite(v)) ? '' : String(v);
/** Cells as they follow earlier ones on a CSV row: ",a,b". */
const csvCells = (cells: readonly string[]): string => cells.map((c) => ',' + c).join('');
/** The JSON form of a formatted cell: an empty cell (null or not finite) is null. */
const jsonCell = (text: string): string => (text === '' ? 'null' : text);

/** Operating-point parameters: every other axis is a device parameter. */
const OPERATING = new Set(['T_R', 'J_in', 'T_L', 'setup']);

/** The axis indices of point `index` (mixed radix, last axis fastest), as `coordinates` gives values. */
function axisIndices(spec: SweepSpec, index: number): number[] {
  const at = new Array<number>(spec.axes.length);
  let rest = index;
  for (let a = spec.axes.length - 1; a >= 0; a--) {
    const len = spec.axes[a].values.length;
    at[a] = rest % len;
    rest = (rest - at[a]) / len;
  }
  return at;
}

/** The next point's axis indices. */
function advance(spec: SweepSpec, at: number[]): void {
  for (let a = at.length - 1; a >= 0; a--) {
    if (++at[a] < spec.axes[a].values.length) return;
    at[a] = 0;
  }
}

export function evaluationContext(spec: SweepSpec): EvaluationContext {
  return { mode: spec.mode, TRrange: spec.TRrange, ...splitOutputs(spec.outputs) };
}

/**
 * Evaluates points given their axis indices and coordinates, in index order. Points along the
 * operating axes share their device: the device object is kept (the heat balance's caches are per
 * device object) unless a device parameter changed, and the operating point is one object reused
 * along the chunk (evaluatePoint keeps nothing of it) — the same values applyParameters gives.
 */
export function pointEvaluator(
  spec: SweepSpec,
  ctx: EvaluationContext,
): (at: readonly number[], coords: readonly number[]) => PointResult {
  const names = spec.axes.map((a) => a.name);
  const deviceAxes = names.flatMap((n, a) => (OPERATING.has(n) ? [] : [a]));
  const operatingAxes = names.flatMap((n, a) => (OPERATING.has(n) ? [a] : []));
  const reusedOp: OperatingValues = { ...spec.fixed };
  let device: Device | undefined;
  const deviceAt = new Array<number>(spec.axes.length).fill(-1);
  return (at, coords) => {
    let op: OperatingValues;
    if (device === undefined || deviceAxes.some((a) => at[a] !== deviceAt[a])) {
      ({ device, op } = applyParameters(spec.device, spec.fixed, names, coords));
      for (const a of deviceAxes) deviceAt[a] = at[a];
    } else {
      op = reusedOp;
      for (const a of operatingAxes) {
        if (names[a] === 'setup') op.setup = coords[a] as Setup;
        else op[names[a] as 'T_R' | 'J_in' | 'T_L'] = coords[a];
      }
    }
    return evaluatePoint(ctx, device, op);
  };
}

export function computeChunk(spec: SweepSpec, k: number): ChunkText {
  const ctx = evaluationContext(spec);
  const names = spec.axes.map((a) => a.name);
  const roots = hasRoots(spec);
  const [start, end] = chunkRange(spec, k);
  const coords = new Array<number>(spec.axes.length);
  // Keys as JSON once; every value is formatted once and written to both files (a JSON number is
  // the same shortest round-trip decimal as String(v)); axis values are formatted once per sweep
  // value, not once per point, as CSV cells and as JSON members.
  const axisKeys = names.map((n) => `,${JSON.stringify(n)}:`);
  const axisCsv = spec.axes.map((a) => a.values.map((v) => ',' + cell(v)));
  const axisJson = spec.axes.map((a, i) => a.values.map((v) => axisKeys[i] + jsonCell(cell(v))));
  const pointKeys = ctx.pointOutputs.map((n) => `,${JSON.stringify(n)}:`);
  const rootKeys = ctx.rootOutputs.map((n) => `${JSON.stringify(n)}:`);
  const csv = new Utf8Builder();
  const jsonl = new Utf8Builder();
  const failures: ChunkText['failures'] = [];
  // Axis indices of the current point, advanced like an odometer (last axis fastest).
  const at = axisIndices(spec, start);
  const evaluateAt = pointEvaluator(spec, ctx);
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
    let csvPrefix = String(index);
    let json = `{"index":${index}`;
    for (let a = 0; a < coords.length; a++) {
      csvPrefix += axisCsv[a][at[a]];
      json += axisJson[a][at[a]];
    }
    if (!result) {
      const blanks = ctx.pointOutputs.length + (roots ? 1 : 0) + ctx.rootOutputs.length;
      csv.append(csvPrefix + ','.repeat(blanks) + '\n');
      jsonl.append(`${json},"error":${JSON.stringify(error)}}\n`);
      continue;
    }
    const point = result.point.map(cell);
    for (let i = 0; i < point.length; i++) json += pointKeys[i] + jsonCell(point[i]);
    if (result.exceedsTc !== undefined) json += `,"exceedsTc":${result.exceedsTc}`;
    const pointCsv = csvCells(point);
    if (spec.mode === 'direct') {
      const values = result.roots[0].map(cell);
      csv.append(csvPrefix + csvCells(values) + '\n');
      values.forEach((v, i) => (json += ',' + rootKeys[i] + jsonCell(v)));
    } else if (!roots) {
      csv.append(csvPrefix + pointCsv + '\n');
    } else {
      const objects: string[] = [];
      if (result.roots.length === 0)
        csv.append(csvPrefix + pointCsv + ','.repeat(1 + ctx.rootOutputs.length) + '\n');
      result.roots.forEach((rootValues, r) => {
        const values = rootValues.map(cell);
        csv.append(`${csvPrefix}${pointCsv},${r}${csvCells(values)}\n`);
        objects.push(`{${values.map((v, i) => rootKeys[i] + jsonCell(v)).join(',')}}`);
      });
      json += `,"roots":[${objects.join(',')}]`;
    }
    jsonl.append(json + '}\n');
  }
  return { csv: csv.bytes(), jsonl: jsonl.bytes(), failures };
}
