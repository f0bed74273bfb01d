/**
 * The samples a sweep's plot draws: one quantity at a sub-grid of the sweep's points (some indices
 * of each axis), read as a stream from the chunks' binary records or from results.jsonl, and held
 * in flat typed arrays, so memory and time follow the samples drawn, not the sweep.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { FileError, fileError } from '../io/file-error.js';
import { binaryRecords, everyChunkHasRecords } from './binary-chunk.js';
import { ChunkDamage, RESULTS_JSONL, chunkSource, type Manifest } from './directory.js';
import { quantityInfo } from './quantities.js';
import { RecordReader } from './records.js';
import { h5Only } from './spec.js';

/**
 * Values of one quantity at the points of a sub-grid: for each point, its values in root order (one
 * for a point-level quantity, a direct evaluation or a failure), NaN where JSON holds null.
 */
export class DrawnSamples {
  /** Per axis, the position of each axis index in `keep`, or −1 where it is not drawn. */
  private readonly slotOf: Int32Array[];
  /** Where each point's values start in `values` (point p: start[p] … start[p + 1]). */
  private start: Int32Array;
  private values = new Float64Array(1024);
  private filled = 0;
  private count = 0;

  constructor(
    /** Lengths of the sweep's axes. */
    private readonly lengths: readonly number[],
    /** Per axis, the indices drawn, ascending. */
    readonly keep: readonly (readonly number[])[],
  ) {
    this.slotOf = lengths.map((n, k) => {
      const slots = new Int32Array(n).fill(-1);
      keep[k].forEach((i, position) => (slots[i] = position));
      return slots;
    });
    this.start = new Int32Array(keep.reduce((n, kept) => n * kept.length, 1) + 1);
  }

  /** Whether the point at flat `index` (last axis fastest) is one of the samples. */
  wants(index: number): boolean {
    return this.slot(index) >= 0;
  }

  /**
   * Append the values of the point at flat `index`: points must come in index order, every sample
   * once (as a sweep's records are read).
   */
  add(index: number, values: readonly (number | null)[]): void {
    if (this.slot(index) !== this.count) throw new Error(`internal error: sample ${index} out of order`);
    if (this.filled + values.length > this.values.length) {
      const grown = new Float64Array(Math.max(2 * this.values.length, this.filled + values.length));
      grown.set(this.values.subarray(0, this.filled));
      this.values = grown;
    }
    for (const v of values) this.values[this.filled++] = v ?? NaN;
    this.start[++this.count] = this.filled;
  }

  /** The values at axis indices `at` (each one of that axis' `keep`): a view, empty where none. */
  at(at: readonly number[]): Float64Array {
    let slot = 0;
    for (let k = 0; k < at.length; k++) slot = slot * this.keep[k].length + this.slotOf[k][at[k]];
    return this.values.subarray(this.start[slot], this.start[slot + 1]);
  }

  /** The first value of every sample (its lowest root), in sample order. */
  firstValues(): Float64Array {
    const out = new Float64Array(this.count);
    for (let s = 0; s < this.count; s++)
      out[s] = this.start[s + 1] > this.start[s] ? this.values[this.start[s]] : NaN;
    return out;
  }

  /** Every value held, all roots. */
  allValues(): Float64Array {
    return this.values.subarray(0, this.filled);
  }

  /** The sample slot of flat point `index`, or −1 where it is not drawn. */
  private slot(index: number): number {
    let rest = index;
    let slot = 0;
    let scale = 1;
    for (let k = this.lengths.length - 1; k >= 0; k--) {
      const len = this.lengths[k];
      const i = rest % len;
      const position = this.slotOf[k][i];
      if (position < 0) return -1;
      slot += position * scale;
      scale *= this.keep[k].length;
      rest = (rest - i) / len;
    }
    return rest === 0 ? slot : -1;
  }
}

/**
 * The samples of `quantity` at the axis indices `keep`, read as a stream from the chunks' binary
 * records where every chunk has them (a tenth of the bytes of results.jsonl, and no text to parse),
 * else from results.jsonl. Chunk k is read from the first of `chunkDirs` holding it, else `dir`.
 */
export function drawnSamples(
  dir: string,
  manifest: Manifest,
  quantity: string,
  keep: readonly (readonly number[])[],
  chunkDirs: readonly string[] = [],
): DrawnSamples {
  const samples = new DrawnSamples(
    manifest.spec.axes.map((a) => a.values.length),
    keep,
  );
  const wanted = (index: number): boolean => samples.wants(index);
  const perRoot = quantityInfo(quantity).level === 'root';
  const dirs = [...chunkDirs, dir];
  const dirOf = (k: number): string => chunkSource(dirs, k);
  if (h5Only(manifest.spec) || everyChunkHasRecords(manifest, dirOf)) {
    try {
      for (const record of binaryRecords(manifest, dirOf, [quantity], perRoot ? [quantity] : [], wanted))
        samples.add(record.index, drawnValues(record, perRoot));
    } catch (error) {
      if (error instanceof ChunkDamage) throw new FileError(error.file, '', `cannot plot: ${error.message}`);
      throw error;
    }
    return samples;
  }
  const path = join(dir, RESULTS_JSONL);
  const unreadable = (why: string) => new FileError(path, '', `cannot plot ${path}: ${why}`);
  const record = new RecordReader([quantity], perRoot ? [quantity] : []);
  const lines = forEachWantedLine(path, wanted, (index, line) => {
    try {
      record.read(line);
    } catch (e) {
      throw unreadable(`line ${index + 1} ${e instanceof SyntaxError ? 'is not JSON' : 'is no record'}`);
    }
    if (record.index !== index) throw unreadable(`line ${index + 1} holds point ${record.index}`);
    samples.add(index, drawnValues(record, perRoot));
  });
  if (lines !== manifest.points) throw unreadable(`${lines} lines for the sweep's ${manifest.points} points`);
  return samples;
}

/**
 * One point's drawn values, read from results.jsonl or a binary chunk: one per root, or the point's
 * own (a point-level value, a direct evaluation, a failure).
 */
function drawnValues(
  record: Pick<RecordReader, 'hasRoots' | 'rootCount' | 'root' | 'top'>,
  perRoot: boolean,
): (number | null)[] {
  if (!(perRoot && record.hasRoots)) return [record.top[0] as number | null];
  const list: (number | null)[] = [];
  for (let r = 0; r < record.rootCount; r++) list.push(record.root(r)[0] as number | null);
  return list;
}

/**
 * Calls `onLine(index, line)` for each line of `path` whose index `wanted(index)` accepts, reading
 * the file in 1 MiB blocks: memory is one block and the line at hand, whatever the file's size. The
 * line's bytes (no newline) are valid during the call only. Returns the number of lines.
 */
export function forEachWantedLine(
  path: string,
  wanted: (index: number) => boolean,
  onLine: (index: number, line: Buffer) => void,
): number {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw fileError('read', path, e);
  }
  const block = Buffer.allocUnsafe(1 << 20);
  /** Pieces of a wanted line that runs past the end of a block. */
  let partial: Buffer[] = [];
  let index = 0;
  try {
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, block, 0, block.length, null);
      } catch (e) {
        throw fileError('read', path, e);
      }
      if (n === 0) break;
      let start = 0;
      while (start < n) {
        const found = block.indexOf(10, start);
        const end = found === -1 || found >= n ? n : found;
        const want = wanted(index);
        if (end === n) {
          // The line goes on in the next block: keep a copy of this piece.
          if (want) partial.push(Buffer.from(block.subarray(start, end)));
          break;
        }
        if (want) {
          const piece = block.subarray(start, end);
          if (partial.length === 0) onLine(index, piece);
          else {
            partial.push(piece);
            onLine(index, Buffer.concat(partial));
          }
        }
        partial = [];
        index++;
        start = end + 1;
      }
    }
  } finally {
    closeSync(fd);
  }
  // A last line without its newline.
  if (partial.length > 0) onLine(index++, Buffer.concat(partial));
  return index;
}
