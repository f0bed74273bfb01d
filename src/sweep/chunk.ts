/** One chunk of a sweep evaluated and formatted as CSV rows and JSON Lines (deterministic text). */
import { Utf8Builder } from '../io/utf8-builder.js';
import { applyParameters } from './parameters.js';
import {
  evaluatePoint,
  splitOutputs,
  type EvaluationContext,
  type PointResult,
  type Value,
} from './quantities.js';
import { chunkRange, coordinates, type SweepSpec } from './spec.js';

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

export function evaluationContext(spec: SweepSpec): EvaluationContext {
  return { mode: spec.mode, TRrange: spec.TRrange, ...splitOutputs(spec.outputs) };
}

export function computeChunk(spec: SweepSpec, k: number): ChunkText {
  const ctx = evaluationContext(spec);
  const names = spec.axes.map((a) => a.name);
  const roots = hasRoots(spec);
  const [start, end] = chunkRange(spec, k);
  const coords = new Array<number>(spec.axes.length);
  // Keys as JSON once; every value is formatted once and written to both files (a JSON number is
  // the same shortest round-trip decimal as String(v)).
  const axisKeys = names.map((n) => `,${JSON.stringify(n)}:`);
  const pointKeys = ctx.pointOutputs.map((n) => `,${JSON.stringify(n)}:`);
  const rootKeys = ctx.rootOutputs.map((n) => `${JSON.stringify(n)}:`);
  const csv = new Utf8Builder();
  const jsonl = new Utf8Builder();
  const failures: ChunkText['failures'] = [];
  for (let index = start; index < end; index++) {
    coordinates(spec.axes, index, coords);
    let result: PointResult | undefined;
    let error: string | undefined;
    try {
      const { device, op } = applyParameters(spec.device, spec.fixed, names, coords);
      result = evaluatePoint(ctx, device, op);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      failures.push({ index, message: error });
    }
    let csvPrefix = String(index);
    let json = `{"index":${index}`;
    for (let a = 0; a < coords.length; a++) {
      const text = cell(coords[a]);
      csvPrefix += ',' + text;
      json += axisKeys[a] + jsonCell(text);
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
