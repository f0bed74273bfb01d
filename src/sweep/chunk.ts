/**
 * A chunk of a sweep as CSV rows and JSON Lines (deterministic text), written in index order from the
 * records its points were evaluated into (evaluate-chunk.ts).
 */
import { Utf8Builder } from '../io/utf8-builder.js';
import {
  FAILED,
  advance,
  axisIndices,
  chunkBuffers,
  evaluateChunk,
  hasRoots,
  type ChunkBuffers,
  type ChunkRecords,
  type PointFailure,
} from './evaluate-chunk.js';
import { isBoolean, splitOutputs } from './quantities.js';
import type { SweepSpec } from './spec.js';

export interface ChunkText {
  /** UTF-8 bytes of the CSV rows and of the JSON Lines. */
  csv: Uint8Array;
  jsonl: Uint8Array;
  /** Points whose evaluation threw, in index order (their rows carry empty values). */
  failures: PointFailure[];
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

/**
 * A number's shortest round-trip decimal, empty where it is not finite (null in JSON). JSON.stringify
 * gives a finite number the digits String gives it, in half the time: String goes through V8's
 * number-to-string cache, which a sweep's values, each met once, only churn.
 */
const decimal = (v: number): string => (Number.isFinite(v) ? JSON.stringify(v) : '');
/** The JSON form of a formatted cell: an empty cell (null or not finite) is null. */
const jsonCell = (text: string): string => (text === '' ? 'null' : text);

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
 * views of it, read before it is used again; else into builders of its own. Evaluated into records
 * first (evaluateChunk, into `buffers`), in the order that shares the most work, then formatted in
 * index order.
 */
export function computeChunk(
  spec: SweepSpec,
  k: number,
  into: ChunkBuilders = chunkBuilders(),
  buffers: ChunkBuffers = chunkBuffers(),
): ChunkText {
  return formatChunk(spec, evaluateChunk(spec, k, buffers), into);
}

/** The CSV rows and JSON Lines of points from their records, written into `into` (reset first). */
export function formatChunk(
  spec: SweepSpec,
  records: ChunkRecords,
  into: ChunkBuilders = chunkBuilders(),
): ChunkText {
  const perRoot = hasRoots(spec);
  const direct = spec.mode === 'direct';
  const { start, end } = records;
  const format = chunkFormat(spec);
  const { axisTables, axisCsv, axisJson, encodeAxis, pointKeys, rootKeys, directKeys } = format;
  const { pointBoolean, rootBoolean } = format;
  const { values, failures } = records;
  const { csv, jsonl } = into;
  csv.reset();
  jsonl.reset();
  /** Value i of `values` as a cell, appended to both: `,v` to the CSV row, key and value to the JSON. */
  const appendValue = (i: number, boolean: boolean, key: Uint8Array): void => {
    const text = recordCell(values[i], boolean);
    csv.appendByte(COMMA);
    csv.append(text);
    jsonl.appendBytes(key);
    jsonl.append(text === '' ? 'null' : text);
  };
  let r = records.from;
  let failed = 0;
  // Axis indices of the current point, advanced like an odometer (last axis fastest).
  const at = axisIndices(spec, start);
  for (let index = start; index < end; index++, advance(spec, at)) {
    const rowStart = csv.size;
    csv.appendInteger(index);
    jsonl.appendBytes(INDEX);
    jsonl.appendInteger(index);
    for (let a = 0; a < at.length; a++) {
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
    const code = values[r++];
    if (code === FAILED) {
      const failure = failures[failed++];
      if (failure?.index !== index) throw new Error(`records and failures disagree at point ${index}`);
      const blanks = pointKeys.length + (perRoot ? 1 : 0) + rootKeys.length;
      csv.append(','.repeat(blanks) + '\n');
      jsonl.append(`,"error":${JSON.stringify(failure.message)}}\n`);
      continue;
    }
    const exceedsTc = values[r++];
    for (let i = 0; i < pointKeys.length; i++) appendValue(r++, pointBoolean[i], pointKeys[i]);
    if (!Number.isNaN(exceedsTc)) jsonl.appendBytes(EXCEEDS[exceedsTc]);
    if (direct) {
      for (let i = 0; i < directKeys.length; i++) appendValue(r++, rootBoolean[i], directKeys[i]);
      csv.appendByte(NEWLINE);
    } else if (!perRoot) {
      csv.appendByte(NEWLINE);
    } else {
      const prefixEnd = csv.size;
      if (code === 0) csv.append(','.repeat(1 + rootKeys.length) + '\n');
      jsonl.appendBytes(ROOTS_OPEN);
      for (let root = 0; root < code; root++) {
        // Every root's row repeats the point's index, axes and point outputs.
        if (root > 0) {
          csv.repeat(rowStart, prefixEnd);
          jsonl.appendByte(COMMA);
        }
        csv.appendByte(COMMA);
        csv.appendInteger(root);
        jsonl.appendByte(OPEN_BRACE);
        for (let i = 0; i < rootKeys.length; i++) appendValue(r++, rootBoolean[i], rootKeys[i]);
        csv.appendByte(NEWLINE);
        jsonl.appendByte(CLOSE_BRACE);
      }
      jsonl.appendByte(CLOSE_BRACKET);
    }
    jsonl.appendByte(CLOSE_BRACE);
    jsonl.appendByte(NEWLINE);
  }
  if (r !== records.to || failed !== failures.length)
    throw new Error(`the records of points ${start}–${end - 1} do not hold exactly those points`);
  return { csv: csv.bytes(), jsonl: jsonl.bytes(), failures };
}

/** A record's value as a cell: NaN (null, or not finite) is empty; a boolean output's 1 or 0 is true or false. */
const recordCell = (v: number, boolean: boolean): string =>
  Number.isNaN(v) ? '' : boolean ? (v === 1 ? 'true' : 'false') : decimal(v);

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
  const csvText = values.map((v) => ',' + decimal(v));
  const jsonText = values.map((v) => key + jsonCell(decimal(v)));
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
  /** Per point and per root output: whether its values are booleans (stored as 1 and 0). */
  pointBoolean: boolean[];
  rootBoolean: boolean[];
}

// Per spec object: a worker computes all its chunks from one spec.
const formats = new WeakMap<SweepSpec, ChunkFormat>();

function chunkFormat(spec: SweepSpec): ChunkFormat {
  let format = formats.get(spec);
  if (format) return format;
  const { pointOutputs, rootOutputs } = splitOutputs(spec.outputs);
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
      const text = decimal(spec.axes[a].values[i]);
      axisCsv[a][i] = utf8.encode(',' + text);
      axisJson[a][i] = utf8.encode(axisKeys[a] + jsonCell(text));
    },
    pointKeys: pointOutputs.map((n) => utf8.encode(`,${JSON.stringify(n)}:`)),
    rootKeys: rootOutputs.map((n, i) => utf8.encode(`${i > 0 ? ',' : ''}${JSON.stringify(n)}:`)),
    directKeys: rootOutputs.map((n) => utf8.encode(`,${JSON.stringify(n)}:`)),
    pointBoolean: pointOutputs.map(isBoolean),
    rootBoolean: rootOutputs.map(isBoolean),
  };
  formats.set(spec, format);
  return format;
}
