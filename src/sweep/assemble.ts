/**
 * results.csv and results.jsonl of a sweep, formatted from the binary records of its chunks in index
 * order. Every chunk is verified (length and SHA-256 against its record) as it is read: a damaged one throws
 * `ChunkDamage` and leaves no results file behind.
 */
import { createHash, type Hash } from 'node:crypto';
import { join } from 'node:path';
import { AtomicFile } from '../io/atomic-write.js';
import { readBinaryChunk } from './binary-chunk.js';
import { chunkBuilders, csvHeader, formatChunk } from './chunk.js';
import {
  ChunkDamage,
  RESULTS_CSV,
  RESULTS_H5,
  RESULTS_JSONL,
  RESULTS_RECORD,
  chunkBase,
  removeStaleResultTemporaries,
  rmRecord,
  type Manifest,
} from './directory.js';
import { writeRecord, type FileRecord } from './record.js';
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
 * record. `source(k)` says which directory holds chunk k (merge collects chunks from several).
 */
export function assembleResults(manifest: Manifest, outDir: string, source: (k: number) => string): void {
  removeStaleResultTemporaries(outDir);
  const csv = new ResultsFile(join(outDir, RESULTS_CSV));
  let jsonl: ResultsFile;
  try {
    jsonl = new ResultsFile(join(outDir, RESULTS_JSONL));
  } catch (error) {
    csv.abort();
    throw error;
  }
  try {
    csv.write(Buffer.from(csvHeader(manifest.spec), 'utf8'));
    formatChunks(manifest, source, csv, jsonl);
  } catch (error) {
    csv.abort();
    jsonl.abort();
    throw error;
  }
  // Both files are complete (as temporaries) before either replaces the old results, so a refused
  // merge leaves the old results and their record as they were; the old record goes before the
  // renames, so it never vouches for new files.
  rmRecord(join(outDir, RESULTS_RECORD));
  // A results.h5 of the results replaced would lie beside them unrecorded (unchecked by verify);
  // the caller writes it again from these unless asked not to (--no-h5).
  rmRecord(join(outDir, RESULTS_H5));
  const records = { [RESULTS_CSV]: csv.commit(), [RESULTS_JSONL]: jsonl.commit() };
  writeRecord(join(outDir, RESULTS_RECORD), records);
}

/** Each binary chunk read (verified), formatted as CSV rows and JSON Lines and written to both. */
function formatChunks(
  manifest: Manifest,
  source: (k: number) => string,
  csv: ResultsFile,
  jsonl: ResultsFile,
): void {
  const { spec } = manifest;
  // One read buffer and one pair of text builders for every chunk: ~3 MB each, reused.
  const into = { buffer: new ArrayBuffer(0) };
  const builders = chunkBuilders();
  for (let k = 0; k < manifest.chunks; k++) {
    const dir = source(k);
    const { values, failures, maxRoots } = readBinaryChunk(dir, k, into);
    const [start, end] = chunkRange(spec, k);
    let text;
    try {
      text = formatChunk(
        spec,
        { start, end, values, from: 0, to: values.length, failures, maxRoots },
        builders,
      );
    } catch {
      // Verified bytes whose records do not hold exactly the chunk's points: not a chunk of this sweep.
      throw new ChunkDamage(k, dir, `${chunkBase(dir, k)}.bin`, 'not a binary chunk');
    }
    csv.write(text.csv);
    jsonl.write(text.jsonl);
  }
}
