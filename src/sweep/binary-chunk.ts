/**
 * Binary chunks: a chunk's points as float64 records, the form results.h5, results.csv and
 * results.jsonl are made from (text is formatted once, when the results are assembled). Formatting a
 * root as its shortest decimal costs more than solving for it, and text takes 8–25 times the bytes:
 * a sweep thread writes numbers.
 *
 * File `chunks/NNNNNN.bin`: the 8 bytes `ndtcbin1`; three float64: the count n of values, the largest
 * root count and the number of failed points (results.h5's sizes, read without the values); n float64
 * (little-endian): the points' records in index order, laid out as evaluate-chunk.ts describes;
 * then the chunk's failures as UTF-8 JSON (`[{"index":…,"message":…}]`).
 */
import { endianness } from 'node:os';
import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import {
  FAILED,
  chunkBuffers,
  evaluateChunk,
  evaluationContext,
  hasRoots,
  type ChunkBuffers,
  type ChunkRecords,
  Float64Builder,
  type PointFailure,
} from './evaluate-chunk.js';
import { ChunkDamage, chunkBase, chunkFileRecord, type Manifest } from './directory.js';
import { fileMismatch, recordOf, type FileRecord } from './record.js';
import { isBoolean, type Value } from './quantities.js';
import { chunkRange, type SweepSpec } from './spec.js';

export interface ChunkBinary {
  bin: Uint8Array;
  failures: PointFailure[];
}

const MAGIC = Buffer.from('ndtcbin1', 'latin1');
/** Magic, count, largest root count, failures: the values start 8-byte aligned. */
const HEADER_BYTES = 32;

/** Float64Array uses the machine's byte order; the file's is little-endian. */
const littleEndian = endianness() === 'LE';

function checkEndianness(): void {
  if (!littleEndian) throw new Error('binary sweep chunks need a little-endian machine');
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
  const records = evaluateChunk(spec, k, buffers, HEADER_BYTES / 8);
  return { bin: binaryChunkBytes(records, buffers.out), failures: records.failures };
}

/**
 * The chunk file of records already made (`values`: the points' records in index order), as a copy;
 * a sweep's threads write theirs in place (binaryChunkBytes).
 */
export function binaryChunkFile(
  values: Float64Array,
  failures: PointFailure[],
  maxRoots: number,
): Uint8Array {
  checkEndianness();
  const out = new Float64Builder(HEADER_BYTES / 8);
  for (const v of values) out.push(v);
  const from = HEADER_BYTES / 8;
  return binaryChunkBytes(
    { start: 0, end: 0, values: out.values, from, to: out.length, failures, maxRoots },
    out,
  );
}

/** The chunk file of `records` (made in `out` past HEADER_BYTES left for the header), as a view of it. */
function binaryChunkBytes({ from, to, failures, maxRoots }: ChunkRecords, out: Float64Builder): Uint8Array {
  const json = Buffer.from(JSON.stringify(failures), 'utf8');
  out.reserveBytes(json.length);
  const bin = new Uint8Array(out.values.buffer, 0, 8 * to + json.length);
  bin.set(MAGIC, 0);
  const header = new DataView(out.values.buffer);
  header.setFloat64(8, to - from, true);
  header.setFloat64(16, maxRoots, true);
  header.setFloat64(24, failures.length, true);
  bin.set(json, 8 * to);
  return bin;
}

/**
 * Chunk k's values, read from `dir` and checked against the chunk's record (length and SHA-256) and
 * its own layout; throws ChunkDamage naming the file otherwise.
 */
export function readBinaryChunk(dir: string, k: number, into?: { buffer: ArrayBuffer }): BinaryChunk {
  const expected = chunkFileRecord(dir, k, 'bin');
  if (expected instanceof ChunkDamage) throw expected;
  return readBinaryChunkAs(dir, k, expected, into).chunk;
}

/**
 * Chunk k's values read from `dir` and checked against `expected` (its record), or, with none (a
 * chunk this run has just written, whose record may still be on its way), its layout alone: then
 * its length and SHA-256 are returned for the caller to check against the record once it exists.
 */
export function readBinaryChunkAs(
  dir: string,
  k: number,
  expected: FileRecord | undefined,
  into?: { buffer: ArrayBuffer },
): { chunk: BinaryChunk; record: FileRecord } {
  checkEndianness();
  const file = `${chunkBase(dir, k)}.bin`;
  let bytes: Buffer;
  try {
    bytes = readInto(file, into);
  } catch {
    throw new ChunkDamage(k, dir, file, 'missing');
  }
  // A length check first: hashing a truncated file would only say its checksum differs.
  const record =
    expected === undefined || bytes.length === expected.bytes
      ? recordOf(bytes)
      : { bytes: bytes.length, sha256: '' };
  const why = expected && fileMismatch(expected, record);
  if (why) throw new ChunkDamage(k, dir, file, why);
  const head = readHeader(bytes);
  const dataEnd = HEADER_BYTES + 8 * (head?.n ?? 0);
  if (!head || dataEnd > bytes.length) throw new ChunkDamage(k, dir, file, 'not a binary chunk');
  // The file's bytes start a buffer of their own (8-byte aligned): the values are a view of them.
  const values = new Float64Array(bytes.buffer, bytes.byteOffset + HEADER_BYTES, head.n);
  let failures: PointFailure[];
  try {
    failures = JSON.parse(bytes.toString('utf8', dataEnd)) as PointFailure[];
  } catch {
    throw new ChunkDamage(k, dir, file, 'not a binary chunk');
  }
  if (head.failures !== failures.length) throw new ChunkDamage(k, dir, file, 'not a binary chunk');
  return { chunk: { values, failures, maxRoots: head.maxRoots }, record };
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
  failures: PointFailure[];
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
    this.topBoolean = topNames.map(isBoolean);
    this.rootBoolean = rootNames.map(isBoolean);
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

  /** Steps over the record at `at` (point `index`) as read would, reading none of its values. */
  skip(values: Float64Array, at: number, index: number): number {
    const code = values[at];
    this.index = index;
    this.failed = code === FAILED;
    this.rootCount = 0;
    if (this.failed) return at + 1;
    if (!Number.isSafeInteger(code) || code < 0 || (!this.perRoot && code !== 0))
      throw new RangeError('bad code');
    const next = at + 2 + this.pointCount;
    if (this.direct) return next + this.rootWidth;
    this.rootCount = code;
    return next + code * this.rootWidth;
  }
}

const value = (v: number, boolean: boolean): Value => (Number.isNaN(v) ? null : boolean ? v === 1 : v);

/**
 * Whether every chunk's record lists binary records (`NNNNNN.bin`; reading them verifies them): a
 * text sweep's chunks carry them beside the text, unless written by an earlier ndtc or removed.
 */
export function everyChunkHasRecords(manifest: Manifest, dirOf: (k: number) => string): boolean {
  for (let k = 0; k < manifest.chunks; k++)
    if (chunkFileRecord(dirOf(k), k, 'bin') instanceof ChunkDamage) return false;
  return true;
}

/**
 * Every point of the sweep in index order from its binary chunks (chunk k read from `dirOf(k)`,
 * verified first), as one reader refilled per point: read its fields before advancing; with
 * `wanted`, only the points it accepts (the others are stepped over, still checked). A chunk that
 * does not hold exactly its points throws ChunkDamage.
 */
export function* binaryRecords(
  manifest: Manifest,
  dirOf: (k: number) => string,
  topNames: readonly string[],
  rootNames: readonly string[],
  wanted?: (index: number) => boolean,
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
    let take = true;
    for (let index = start; index < end; index++) {
      try {
        if (at >= values.length) throw new RangeError('short');
        take = wanted === undefined || wanted(index);
        at = take ? reader.read(values, at, index) : reader.skip(values, at, index);
        // The header sized results.h5: a record past it would overflow its root dimension.
        if (at > values.length || reader.rootCount > maxRoots) throw new RangeError('inconsistent');
        if (reader.failed) failed++;
      } catch {
        throw new ChunkDamage(k, dir, `${chunkBase(dir, k)}.bin`, 'not a binary chunk');
      }
      if (take) yield reader;
    }
    if (at !== values.length || failed !== failures.length)
      throw new ChunkDamage(k, dir, `${chunkBase(dir, k)}.bin`, 'not a binary chunk');
  }
}
