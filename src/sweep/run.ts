/** Run a sweep into an output directory: every chunk (or one shard's), resumable, then assembled. */
import { join, resolve } from 'node:path';
import { createProgress } from '../io/progress.js';
import { existsSync, rmSync } from 'node:fs';
import {
  chunkRecordPath,
  chunksRemoved,
  CHUNKS_REMOVED,
  openSweepDirectory,
  recordShardCount,
  removeStaleTemporaries,
  RESULTS_CSV,
  RESULTS_H5,
  RESULTS_JSONL,
  RESULTS_RECORD,
  resultNames,
  REMOVE_CHUNKS_TEXT_ONLY,
  type Manifest,
} from './directory.js';
import { FileError } from '../io/file-error.js';
import { InputError } from '../errors.js';
import { ResultsAssembly } from './assemble.js';
import { removeChunksAfterVerifiedMerge } from './merge.js';
import { checkChunk, checkResults, type ChunkDamage } from './verify.js';
import { computeChunks } from './pool.js';
import { writeNetcdf } from './netcdf.js';
import { hasPhononTable, loadPhononFamily } from '../index.js';
import { h5Only, chunkRange, phononGammas, shardChunks, type SweepSpec } from './spec.js';

export interface RunOptions {
  out: string;
  /** Worker threads; 0 computes in this thread. */
  workers: number;
  resume?: boolean;
  /** Compute only shard `index` of `count` (contiguous chunk ranges); no assembly. */
  shard?: { index: number; count: number };
  quiet?: boolean;
  /** Show progress also when the stream is not a terminal (the CLI's --progress). */
  progress?: boolean;
  progressStream?: NodeJS.WriteStream;
  /** Remove the chunk files once the results are assembled, fsynced and verified. */
  removeChunks?: boolean;
  /** Also write results.h5 (NetCDF-4/HDF5) beside the CSV and JSONL (default true; a sweep with
   * `formats: 'h5'`, writes it alone, always). */
  netcdf?: boolean;
}

export interface RunSummary {
  points: number;
  /** Chunks computed now / skipped because already done. */
  computed: number;
  skipped: number;
  /** Chunk range of this run. */
  chunkFrom: number;
  chunkTo: number;
  failures: { index: number; message: string }[];
  /** Chunks found damaged or unrecorded (data without a record) on resume, and computed again. */
  damaged: ChunkDamage[];
  /** The chunks had been removed after a verified merge: nothing to compute (`computed` 0). */
  chunksRemoved: boolean;
  /** No chunk here, and the results here (of `ndtc merge --out`) verify: nothing to compute. */
  resultsMerged: boolean;
  /** Where the results of removed chunks are (this directory, or the merge's elsewhere). */
  mergedInto?: string;
  /** Assembled result files (absent for a shard). */
  files: string[];
}

export async function runSweep(spec: SweepSpec, options: RunOptions): Promise<RunSummary> {
  const binary = h5Only(spec);
  if (binary && options.removeChunks)
    throw new InputError('--remove-chunks', 'with --formats h5', REMOVE_CHUNKS_TEXT_ONLY);
  const manifest = openSweepDirectory(options.out, spec, options.resume ?? false);
  const [from, to] = options.shard
    ? shardChunks(manifest.chunks, options.shard.index, options.shard.count)
    : [0, manifest.chunks];
  if (options.shard) recordShardCount(options.out, options.shard.count);
  removeStaleTemporaries(options.out, from, to);
  const todo: number[] = [];
  const damaged: ChunkDamage[] = [];
  let skipped = 0;
  const removedTo = chunksRemoved(options.out);
  let removed = removedTo !== undefined;
  // Merged elsewhere (a shard's directory): the results there stand for these chunks.
  const mergedHere = removedTo !== undefined && resolve(removedTo.results) === resolve(options.out);
  if (removed && mergedHere && !options.shard && checkResults(options.out, resultNames(spec)).length > 0) {
    // The results are damaged and their chunks gone: compute everything again.
    rmSync(join(options.out, CHUNKS_REMOVED), { force: true });
    removed = false;
  }
  if (removed) {
    skipped = to - from;
  } else {
    // Every chunk of the range is verified (length and SHA-256 against its record); a damaged or
    // unrecorded one loses its record first, so a kill during its recomputation leaves it undone.
    for (let k = from; k < to; k++) {
      const damage = checkChunk(options.out, k);
      if (damage === undefined) {
        skipped++;
        continue;
      }
      todo.push(k);
      if (damage.why !== 'missing') {
        damaged.push(damage);
        rmSync(chunkRecordPath(options.out, k), { force: true });
      }
    }
  }
  // The results of `ndtc merge --out` here, made from chunks kept elsewhere: complete when they verify.
  const mergedFromElsewhere =
    !options.shard &&
    !removed &&
    todo.length === manifest.chunks &&
    damaged.length === 0 &&
    existsSync(join(options.out, RESULTS_RECORD)) &&
    checkResults(options.out, resultNames(spec)).length === 0;
  if (mergedFromElsewhere) {
    todo.length = 0;
    skipped = to - from;
  }
  const size = (k: number): number => chunkRange(spec, k)[1] - chunkRange(spec, k)[0];
  const total = todo.reduce((n, k) => n + size(k), 0);
  const progress = createProgress({
    label: 'sweep',
    total,
    quiet: options.quiet,
    force: options.progress,
    stream: options.progressStream,
  });
  const failures: RunSummary['failures'] = [];
  // J_ph,S tables for the sweep's γ when the paper's two do not cover them (workers load their own).
  if (phononGammas(spec).some((g) => !hasPhononTable(g))) await loadPhononFamily();
  // An unsharded text sweep (merged, verified and its chunks removed: the results stand) formats
  // its results on this thread as the chunks become available, while the other threads compute.
  const assembly =
    !options.shard && !removed && !mergedFromElsewhere && !binary
      ? new ResultsAssembly(manifest, options.out, () => options.out)
      : undefined;
  let assemblyError: unknown;
  const assemble = (k: number, recorded: boolean): void => {
    if (assembly === undefined || assemblyError !== undefined) return;
    try {
      assembly.add(k, recorded);
    } catch (error) {
      assemblyError = error;
    }
  };
  const computing = new Set(todo);
  for (let k = 0; k < manifest.chunks; k++) if (!computing.has(k)) assemble(k, true);
  try {
    await computeChunks(spec, options.out, todo, options.workers, (k, chunkFailures) => {
      for (const f of chunkFailures) failures.push(f);
      progress.tick(size(k));
      assemble(k, false);
    });
    if (assemblyError !== undefined) throw assemblyError;
  } catch (error) {
    assembly?.abort();
    throw error;
  }
  progress.done();
  failures.sort((a, b) => a.index - b.index);
  const files: string[] = [];
  if (!options.shard && !removed && !mergedFromElsewhere) {
    if (binary) {
      files.push(await writeNetcdf(manifest, options.out));
    } else {
      assembly!.commit(options.netcdf !== false ? [RESULTS_H5] : []);
      files.push(join(options.out, RESULTS_CSV), join(options.out, RESULTS_JSONL));
      if (options.netcdf !== false) files.push(await writeNetcdfAfterText(manifest, options.out));
    }
    if (options.removeChunks) removeChunksAfterVerifiedMerge(options.out, manifest, [options.out]);
  } else if (
    !options.shard &&
    !binary &&
    options.netcdf !== false &&
    ((removed && mergedHere) || mergedFromElsewhere) &&
    !existsSync(join(options.out, RESULTS_H5))
  ) {
    // Assembled before without results.h5 (merge --no-h5), its text results verified: from those.
    files.push(await writeNetcdf(manifest, options.out));
  }
  return {
    points: manifest.points,
    computed: todo.length,
    skipped,
    chunkFrom: from,
    chunkTo: to,
    failures,
    damaged,
    chunksRemoved: removed,
    resultsMerged: mergedFromElsewhere,
    mergedInto: removed ? removedTo?.results : undefined,
    files,
  };
}

/** results.h5 after the text results: a failure says that those are written, and how to go on. */
async function writeNetcdfAfterText(manifest: Manifest, dir: string): Promise<string> {
  try {
    return await writeNetcdf(manifest, dir);
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    throw new FileError(
      error.path,
      error.code,
      `${error.message}; results.csv and .jsonl are written (then: ndtc merge ${dir})`,
    );
  }
}
