/**
 * results.csv and results.jsonl of a sweep, formatted from the binary records of its chunks in index
 * order. Every chunk is verified (length and SHA-256 against its record): a damaged one throws
 * `ChunkDamage` and leaves no results file behind.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { createHash, type Hash } from 'node:crypto';
import { join } from 'node:path';
import { AtomicFile } from '../io/atomic-write.js';
import { readBinaryChunkAs } from './binary-chunk.js';
import { chunkBuilders, csvHeader, formatChunk } from './chunk.js';
import {
  ChunkDamage,
  RESULTS_CSV,
  RESULTS_H5,
  RESULTS_JSONL,
  RESULTS_RECORD,
  chunkBase,
  chunkFileRecord,
  removeStaleResultTemporaries,
  rmRecord,
  type Manifest,
} from './directory.js';
import { NOT_WRITTEN, fileMismatch, writeRecord, type FileRecord } from './record.js';
import { chunkRange } from './spec.js';

/** A results file being written (as a temporary) and hashed. */
class ResultsFile {
  private readonly file: AtomicFile;
  private readonly hash: Hash = createHash('sha256');
  private bytes = 0;

  constructor(path: string) {
    this.file = new AtomicFile(path);
  }

  write(block: Uint8Array): void {
    this.file.write(block);
    this.hash.update(block);
    this.bytes += block.length;
  }

  abort(): void {
    this.file.abort();
  }

  /** Renames it onto its final name; its record. */
  commit(): FileRecord {
    this.file.commit();
    return { bytes: this.bytes, sha256: this.hash.digest('hex') };
  }
}

/**
 * Assemble results.csv and results.jsonl in `outDir` from the chunks of `manifest`, then write their
 * record. `source(k)` says which directory holds chunk k (merge collects chunks from several);
 * `pending` names result files the caller writes next (ResultsAssembly.commit). Returns to the event
 * loop between chunks now and then, so that a Ctrl-C is handled within ~0.1 s, not after the merge.
 */
export async function assembleResults(
  manifest: Manifest,
  outDir: string,
  source: (k: number) => string,
  pending: readonly string[] = [],
): Promise<void> {
  const assembly = new ResultsAssembly(manifest, outDir, source);
  try {
    for (let k = 0; k < manifest.chunks; k++) {
      assembly.add(k, true);
      if (k % BREATHE_CHUNKS === BREATHE_CHUNKS - 1) await nextTurn();
    }
  } catch (error) {
    assembly.abort();
    throw error;
  }
  assembly.commit(pending);
}

/** Chunks assembled between two returns to the event loop (a chunk of 2048 points: ~5 ms). */
const BREATHE_CHUNKS = 16;

/**
 * results.csv and results.jsonl written as a sweep's chunks become available, in any order: each is
 * formatted once every chunk before it is, so a sweep formats its text while its threads compute
 * (the text is written by this thread alone, in index order). A chunk is read back from its file
 * and, where its record is not written yet (a chunk this run has just computed), checked against
 * that record when the results are committed: every chunk's bytes are verified either way.
 */
export class ResultsAssembly {
  private readonly csv: ResultsFile;
  private readonly jsonl: ResultsFile;
  /** The next chunk to format; chunks after it that are ready, with whether their record exists. */
  private next = 0;
  private readonly ready = new Map<number, boolean>();
  /** What was read of chunks formatted before their record existed, to check against it later. */
  private readonly unchecked = new Map<number, FileRecord>();
  // One read buffer and one pair of text builders for every chunk: ~3 MB each, reused.
  private readonly into = { buffer: new ArrayBuffer(0) };
  private readonly builders = chunkBuilders();

  constructor(
    private readonly manifest: Manifest,
    private readonly outDir: string,
    private readonly source: (k: number) => string,
  ) {
    removeStaleResultTemporaries(outDir);
    this.csv = new ResultsFile(join(outDir, RESULTS_CSV));
    try {
      this.jsonl = new ResultsFile(join(outDir, RESULTS_JSONL));
      this.csv.write(Buffer.from(csvHeader(manifest.spec), 'utf8'));
    } catch (error) {
      this.csv.abort();
      throw error;
    }
  }

  /**
   * Chunk k is on disk (`recorded`: with its record, else its record follows before `commit`): it
   * and every ready chunk after it are formatted once the chunks before them are. Throws
   * ChunkDamage for a chunk that is not what its record (or its layout) says.
   */
  add(k: number, recorded: boolean): void {
    this.ready.set(k, recorded);
    for (let r = this.ready.get(this.next); r !== undefined; r = this.ready.get(this.next)) {
      this.ready.delete(this.next);
      this.format(this.next++, r);
    }
  }

  private format(k: number, recorded: boolean): void {
    const { spec } = this.manifest;
    const dir = this.source(k);
    let expected: FileRecord | undefined;
    if (recorded) {
      const record = chunkFileRecord(dir, k, 'bin');
      if (record instanceof ChunkDamage) throw record;
      expected = record;
    }
    const { chunk, record } = readBinaryChunkAs(dir, k, expected, this.into);
    if (!recorded) this.unchecked.set(k, record);
    const [start, end] = chunkRange(spec, k);
    const { values, failures, maxRoots } = chunk;
    let text;
    try {
      text = formatChunk(
        spec,
        { start, end, values, from: 0, to: values.length, failures, maxRoots },
        this.builders,
      );
    } catch {
      // Verified bytes whose records do not hold exactly the chunk's points: not a chunk of this sweep.
      throw new ChunkDamage(k, dir, `${chunkBase(dir, k)}.bin`, 'not a binary chunk');
    }
    this.csv.write(text.csv);
    this.jsonl.write(text.jsonl);
  }

  /** Remove the temporaries: nothing is left of results that were not committed. */
  abort(): void {
    this.csv.abort();
    this.jsonl.abort();
  }

  /**
   * Every chunk formatted and recorded: check those formatted before their record against it, then
   * replace the results and write their record. Aborts (and throws) otherwise. `pending`: result
   * files the caller writes next (results.h5), recorded as not written yet, so that `ndtc verify`
   * finds them missing if the run stops first (recordResultsFile records each once written).
   */
  commit(pending: readonly string[] = []): void {
    try {
      if (this.next !== this.manifest.chunks)
        throw new Error(`internal error: ${this.next} of ${this.manifest.chunks} chunks assembled`);
      for (const [k, actual] of this.unchecked) {
        const dir = this.source(k);
        const expected = chunkFileRecord(dir, k, 'bin');
        if (expected instanceof ChunkDamage) throw expected;
        const why = fileMismatch(expected, actual);
        if (why) throw new ChunkDamage(k, dir, `${chunkBase(dir, k)}.bin`, why);
      }
    } catch (error) {
      this.abort();
      throw error;
    }
    // Both files are complete (as temporaries) before either replaces the old results, so a refused
    // merge leaves the old results and their record as they were; the old record goes before the
    // renames, so it never vouches for new files.
    rmRecord(join(this.outDir, RESULTS_RECORD));
    // A results.h5 of the results replaced would lie beside them unrecorded (unchecked by verify);
    // the caller writes it again from these unless asked not to (--no-h5).
    rmRecord(join(this.outDir, RESULTS_H5));
    const records: Record<string, FileRecord> = {
      [RESULTS_CSV]: this.csv.commit(),
      [RESULTS_JSONL]: this.jsonl.commit(),
    };
    for (const name of pending) records[name] = NOT_WRITTEN;
    writeRecord(join(this.outDir, RESULTS_RECORD), records);
  }
}
