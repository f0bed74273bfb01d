/**
 * Binary chunks: a chunk's points as float64 records, the form results.h5 is made from — alone with
 * `--formats h5`, beside the CSV and JSON Lines of a text chunk otherwise. Formatting a root as its
 * shortest decimal costs more than solving for it, and text takes 8–25 times the bytes: for studies
 * read as arrays, the sweep writes numbers.
 *
 * File `chunks/NNNNNN.bin`: the 8 bytes `ndtcbin1`; three float64: the count n of values, the largest
 * root count and the number of failed points (results.h5's sizes, read without the values); n float64
 * (little-endian); then the chunk's failures as UTF-8 JSON (`[{"index":…,"message":…}]`).
 * One record per point, in index order: the code (−1: the evaluation threw; else the root count of a
 * balance with per-root outputs, 0 otherwise), exceedsTc (1, 0, NaN when not given), the point
 * outputs, then the direct outputs (direct mode) or each root's outputs. A value JSON would write as
 * null (not finite, or null) is NaN; −0 is 0 (as in the text); a boolean is 1 or 0. A failed point's
 * record is its code alone.
 */
import { endianness } from 'node:os';
import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import {
  axisIndices,
  advance,
  evaluationContext,
  evaluationOrder,
  hasRoots,
  chunkEvaluator,
  computeChunk,
  type ChunkBuilders,
  type ChunkText,
} from './chunk.js';
import { ChunkDamage, chunkBase, chunkFileRecord, type Manifest } from './directory.js';
import { fileMismatch, recordOf } from './record.js';
import type { PointResult, Value } from './quantities.js';
import { chunkRange, type SweepSpec } from './spec.js';

export interface ChunkBinary {
  bin: Uint8Array;
  failures: ChunkText['failures'];
}

const MAGIC = Buffer.from('ndtcbin1', 'latin1');
/** Magic, count, largest root count, failures: the values start 8-byte aligned. */
const HEADER_BYTES = 32;
const FAILED = -1;

/** Float64Array uses the machine's byte order; the file's is little-endian. */
export const littleEndian = endianness() === 'LE';

function checkEndianness(): void {
  if (!littleEndian) throw new Error('binary sweep chunks (--formats h5) need a little-endian machine');
}

/** The number a value is stored as. */
const stored = (v: Value): number =>
  // −0 as 0: the text's shortest decimal of −0 is "0", and both must give the same results.h5.
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
 * Chunk k of `spec` evaluated into a binary chunk (the same points and values as computeChunk). With
 * `buffers`, the chunk's bytes are a view of them, valid until their next use.
 */
export function computeChunkBinary(
  spec: SweepSpec,
  k: number,
  buffers: ChunkBuffers = chunkBuffers(),
): ChunkBinary {
  checkEndianness();
  const { evaluateAt } = chunkEvaluator(spec);
  const perRoot = hasRoots(spec);
  const [start, end] = chunkRange(spec, k);
  const coords = new Array<number>(spec.axes.length);
  const at = axisIndices(spec, start);
  const out = buffers.out;
  out.length = HEADER_BYTES / 8;
  const failures: ChunkText['failures'] = [];
  let maxRoots = 0;
  /** Point `index` (its axis indices in `at`) evaluated, its record appended to `to`. */
  const record = (index: number, to: Float64Builder): void => {
    for (let a = 0; a < coords.length; a++) coords[a] = spec.axes[a].values[at[a]];
    let result: PointResult;
    try {
      result = evaluateAt(at, coords);
    } catch (e) {
      failures.push({ index, message: e instanceof Error ? e.message : String(e) });
      appendRecord(to, undefined, perRoot, spec.mode === 'direct');
      return;
    }
    maxRoots = Math.max(maxRoots, appendRecord(to, result, perRoot, spec.mode === 'direct'));
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
  return { bin: binaryChunkBytes(out, failures, maxRoots), failures };
}

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

/** The chunk file of the records in `out` (after HEADER_BYTES left for the header), as a view of it. */
function binaryChunkBytes(
  out: Float64Builder,
  failures: ChunkText['failures'],
  maxRoots: number,
): Uint8Array {
  const n = out.length - HEADER_BYTES / 8;
  const json = Buffer.from(JSON.stringify(failures), 'utf8');
  out.reserveBytes(json.length);
  const bin = new Uint8Array(out.values.buffer, 0, 8 * out.length + json.length);
  bin.set(MAGIC, 0);
  const header = new DataView(out.values.buffer);
  header.setFloat64(8, n, true);
  header.setFloat64(16, maxRoots, true);
  header.setFloat64(24, failures.length, true);
  bin.set(json, 8 * out.length);
  return bin;
}

/**
 * Chunk k of a text sweep: its CSV rows and JSON Lines (computeChunk) and, from the same
 * evaluations, its binary records (the `.bin` of a binary chunk), from which results.h5 is written
 * without parsing the JSON Lines back (a 10⁶-point map: ~2 s of CPU less, for 24 bytes a point of
 * disk). Views of `into` and `buffers`, valid until their next use.
 */
export function computeChunkWithRecords(
  spec: SweepSpec,
  k: number,
  into: ChunkBuilders,
  buffers: ChunkBuffers = chunkBuffers(),
): ChunkText & ChunkBinary {
  checkEndianness();
  const perRoot = hasRoots(spec);
  const direct = spec.mode === 'direct';
  const out = buffers.out;
  out.length = HEADER_BYTES / 8;
  let maxRoots = 0;
  const text = computeChunk(spec, k, into, (result) => {
    maxRoots = Math.max(maxRoots, appendRecord(out, result, perRoot, direct));
  });
  return { ...text, bin: binaryChunkBytes(out, text.failures, maxRoots) };
}

/**
 * Chunk k's values, read from `dir` and checked against the chunk's record (length and SHA-256) and
 * its own layout; throws ChunkDamage naming the file otherwise.
 */
export function readBinaryChunk(dir: string, k: number, into?: { buffer: ArrayBuffer }): BinaryChunk {
  checkEndianness();
  const file = `${chunkBase(dir, k)}.bin`;
  const expected = chunkFileRecord(dir, k, 'bin');
  if (expected instanceof ChunkDamage) throw expected;
  let bytes: Buffer;
  try {
    bytes = readInto(file, into);
  } catch {
    throw new ChunkDamage(k, dir, file, 'missing');
  }
  // A length check first: hashing a truncated file would only say its checksum differs.
  const why = fileMismatch(
    expected,
    bytes.length === expected.bytes ? recordOf(bytes) : { bytes: bytes.length, sha256: '' },
  );
  if (why) throw new ChunkDamage(k, dir, file, why);
  const head = readHeader(bytes);
  const dataEnd = HEADER_BYTES + 8 * (head?.n ?? 0);
  if (!head || dataEnd > bytes.length) throw new ChunkDamage(k, dir, file, 'not a binary chunk');
  // The file's bytes start a buffer of their own (8-byte aligned): the values are a view of them.
  const values = new Float64Array(bytes.buffer, bytes.byteOffset + HEADER_BYTES, head.n);
  let failures: ChunkText['failures'];
  try {
    failures = JSON.parse(bytes.toString('utf8', dataEnd)) as ChunkText['failures'];
  } catch {
    throw new ChunkDamage(k, dir, file, 'not a binary chunk');
  }
  if (head.failures !== failures.length) throw new ChunkDamage(k, dir, file, 'not a binary chunk');
  return { values, failures, maxRoots: head.maxRoots };
}

/** The header of a binary chunk (its first HEADER_BYTES), or undefined where it is not one. */
function readHeader(bytes: Buffer): { n: number; maxRoots: number; failures: number } | undefined {
  if (bytes.length < HEADER_BYTES || !bytes.subarray(0, 8).equals(MAGIC)) return undefined;
  const [n, maxRoots, failures] = [8, 16, 24].map((at) => bytes.readDoubleLE(at));
  const counts = [n, maxRoots, failures].every((c) => Number.isSafeInteger(c) && c >= 0);
  return counts ? { n, maxRoots, failures } : undefined;
}

/**
 * The bytes of `file` at the start of `into.buffer` (grown when short, and kept for the next file),
 * or of a buffer of their own.
 */
function readInto(file: string, into = { buffer: new ArrayBuffer(0) }): Buffer {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (into.buffer.byteLength < size)
      into.buffer = new ArrayBuffer(Math.max(size, 2 * into.buffer.byteLength));
    const bytes = Buffer.from(into.buffer, 0, size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** A binary chunk's content. */
export interface BinaryChunk {
  values: Float64Array;
  failures: ChunkText['failures'];
  /** The largest root count of its points. */
  maxRoots: number;
}

/**
 * The largest root count and the number of failed points of chunk k, from its header alone (not
 * verified: binaryRecords verifies the chunk, and that its records agree, when it reads them).
 */
export function binaryChunkSummary(dir: string, k: number): { maxRoots: number; failures: number } {
  const file = `${chunkBase(dir, k)}.bin`;
  const header = Buffer.alloc(HEADER_BYTES);
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    if (readSync(fd, header, 0, HEADER_BYTES, 0) !== HEADER_BYTES) throw new Error('short');
  } catch {
    throw new ChunkDamage(k, dir, file, existsSync(file) ? 'not a binary chunk' : 'missing');
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  const head = readHeader(header);
  if (!head) throw new ChunkDamage(k, dir, file, 'not a binary chunk');
  return { maxRoots: head.maxRoots, failures: head.failures };
}

/**
 * A sweep's points read from its binary chunks, one record at a time, with the fields RecordReader
 * gives for results.jsonl (values of the top-level and per-root names asked for, null where JSON
 * would hold null or no key): results.h5 and the plot read either.
 */
export class BinaryRecordReader {
  index = -1;
  failed = false;
  readonly top: Value[];
  hasRoots = false;
  rootCount = 0;
  /** The chunk's values the record was read from, and where its parts start in them. */
  values: Float64Array = new Float64Array(0);
  /** The first point output. */
  pointsAt = 0;
  /** The first root's values (direct mode: the direct outputs). */
  rootsAt = 0;
  /** Values per root. */
  readonly rootWidth: number;
  private readonly rows: Value[][] = [];
  /** Per top name: its offset past the record's code and exceedsTc (point or direct output), or −1. */
  private readonly topAt: number[];
  private readonly rootAt: number[];
  private readonly topBoolean: boolean[];
  private readonly rootBoolean: boolean[];
  private readonly pointCount: number;
  private readonly direct: boolean;
  private readonly perRoot: boolean;

  constructor(
    spec: SweepSpec,
    topNames: readonly string[],
    private readonly rootNames: readonly string[],
  ) {
    const { pointOutputs, rootOutputs } = evaluationContext(spec);
    this.direct = spec.mode === 'direct';
    this.perRoot = hasRoots(spec);
    this.pointCount = pointOutputs.length;
    this.rootWidth = rootOutputs.length;
    this.topAt = topNames.map((n) => {
      const p = pointOutputs.indexOf(n);
      if (p >= 0) return p;
      const d = this.direct ? rootOutputs.indexOf(n) : -1;
      return d >= 0 ? pointOutputs.length + d : -1;
    });
    this.rootAt = rootNames.map((n) => (this.perRoot ? rootOutputs.indexOf(n) : -1));
    this.topBoolean = topNames.map((n) => n === 'stable');
    this.rootBoolean = rootNames.map((n) => n === 'stable');
    this.top = topNames.map(() => null);
  }

  root(r: number): readonly Value[] {
    return this.rows[r];
  }

  /** Reads the record at `at` of `values` as point `index`; returns where the next record starts. */
  read(values: Float64Array, at: number, index: number): number {
    const code = values[at];
    this.values = values;
    this.index = index;
    this.failed = code === FAILED;
    this.top.fill(null);
    this.rootCount = 0;
    this.hasRoots = false;
    if (this.failed) return at + 1;
    if (!Number.isSafeInteger(code) || code < 0 || (!this.perRoot && code !== 0))
      throw new RangeError('bad code');
    const base = at + 2;
    this.pointsAt = base;
    this.rootsAt = base + this.pointCount;
    for (let i = 0; i < this.topAt.length; i++) {
      const p = this.topAt[i];
      if (p >= 0) this.top[i] = value(values[base + p], this.topBoolean[i]);
    }
    let next = base + this.pointCount;
    if (this.direct) return next + this.rootWidth;
    if (!this.perRoot) return next;
    this.hasRoots = true;
    this.rootCount = code;
    for (let r = 0; r < code; r++, next += this.rootWidth) {
      const row = (this.rows[r] ??= this.rootNames.map(() => null));
      for (let i = 0; i < this.rootAt.length; i++) {
        const p = this.rootAt[i];
        row[i] = p >= 0 ? value(values[next + p], this.rootBoolean[i]) : null;
      }
    }
    return next;
  }
}

const value = (v: number, boolean: boolean): Value => (Number.isNaN(v) ? null : boolean ? v === 1 : v);

/**
 * Every point of the sweep in index order from its binary chunks (chunk k read from `dirOf(k)`,
 * verified first), as one reader refilled per point: read its fields before advancing. A chunk that
 * does not hold exactly its points throws ChunkDamage.
 */
export function* binaryRecords(
  manifest: Manifest,
  dirOf: (k: number) => string,
  topNames: readonly string[],
  rootNames: readonly string[],
): Generator<BinaryRecordReader> {
  const reader = new BinaryRecordReader(manifest.spec, topNames, rootNames);
  // One buffer for every chunk: the records read are views of it, valid until the next chunk.
  const into = { buffer: new ArrayBuffer(0) };
  for (let k = 0; k < manifest.chunks; k++) {
    const dir = dirOf(k);
    const { values, failures, maxRoots } = readBinaryChunk(dir, k, into);
    const [start, end] = chunkRange(manifest.spec, k);
    let at = 0;
    let failed = 0;
    for (let index = start; index < end; index++) {
      try {
        if (at >= values.length) throw new RangeError('short');
        at = reader.read(values, at, index);
        // The header sized results.h5: a record past it would overflow its root dimension.
        if (at > values.length || reader.rootCount > maxRoots) throw new RangeError('inconsistent');
        if (reader.failed) failed++;
      } catch {
        throw new ChunkDamage(k, dir, `${chunkBase(dir, k)}.bin`, 'not a binary chunk');
      }
      yield reader;
    }
    if (at !== values.length || failed !== failures.length)
      throw new ChunkDamage(k, dir, `${chunkBase(dir, k)}.bin`, 'not a binary chunk');
  }
}
