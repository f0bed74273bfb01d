/** One chunk of a sweep evaluated and formatted as CSV rows and JSON Lines (deterministic text). */
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
  csv: string;
  jsonl: string;
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
const json = (v: Value): Value => (typeof v === 'number' && !Number.isFinite(v) ? null : v);

export function evaluationContext(spec: SweepSpec): EvaluationContext {
  return { mode: spec.mode, TRrange: spec.TRrange, ...splitOutputs(spec.outputs) };
}

export function computeChunk(spec: SweepSpec, k: number): ChunkText {
  const ctx = evaluationContext(spec);
  const names = spec.axes.map((a) => a.name);
  const roots = hasRoots(spec);
  const [start, end] = chunkRange(spec, k);
  const coords = new Array<number>(spec.axes.length);
  let csv = '';
  let jsonl = '';
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
    const prefix = [String(index), ...coords.map(cell)];
    const record: Record<string, unknown> = { index };
    names.forEach((n, i) => (record[n] = json(coords[i])));
    if (!result) {
      record.error = error;
      const blanks = ctx.pointOutputs.length + (roots ? 1 : 0) + ctx.rootOutputs.length;
      csv += [...prefix, ...new Array<string>(blanks).fill('')].join(',') + '\n';
    } else {
      const point = result.point.map(cell);
      ctx.pointOutputs.forEach((n, i) => (record[n] = json(result.point[i])));
      if (result.exceedsTc !== undefined) record.exceedsTc = result.exceedsTc;
      if (spec.mode === 'direct') {
        ctx.rootOutputs.forEach((n, i) => (record[n] = json(result.roots[0][i])));
        csv += [...prefix, ...result.roots[0].map(cell)].join(',') + '\n';
      } else if (!roots) {
        csv += [...prefix, ...point].join(',') + '\n';
      } else {
        record.roots = result.roots.map((values) =>
          Object.fromEntries(ctx.rootOutputs.map((n, i) => [n, json(values[i])])),
        );
        if (result.roots.length === 0) {
          csv += [...prefix, ...point, '', ...ctx.rootOutputs.map(() => '')].join(',') + '\n';
        }
        result.roots.forEach((values, r) => {
          csv += [...prefix, ...point, String(r), ...values.map(cell)].join(',') + '\n';
        });
      }
    }
    jsonl += JSON.stringify(record) + '\n';
  }
  return { csv, jsonl, failures };
}
