/** Run a sweep into an output directory: every chunk (or one shard's), resumable, then assembled. */
import { join } from 'node:path';
import { createProgress } from '../cli/progress.js';
import {
  assembleResults,
  chunkDone,
  openSweepDirectory,
  removeStaleTemporaries,
  RESULTS_CSV,
  RESULTS_JSONL,
} from './directory.js';
import { computeChunks } from './pool.js';
import { writeNetcdf } from './netcdf.js';
import { hasPhononTable, loadPhononFamily } from '../index.js';
import { chunkRange, phononGammas, shardChunks, type SweepSpec } from './spec.js';

export interface RunOptions {
  out: string;
  /** Worker threads; 0 computes in this thread. */
  workers: number;
  resume?: boolean;
  /** Compute only shard `index` of `count` (contiguous chunk ranges); no assembly. */
  shard?: { index: number; count: number };
  quiet?: boolean;
  progressStream?: NodeJS.WriteStream;
  /** Also write results.h5 (NetCDF-4/HDF5) beside the CSV and JSONL (default true). */
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
  /** Assembled result files (absent for a shard). */
  files: string[];
}

export async function runSweep(spec: SweepSpec, options: RunOptions): Promise<RunSummary> {
  const manifest = openSweepDirectory(options.out, spec, options.resume ?? false);
  const [from, to] = options.shard
    ? shardChunks(manifest.chunks, options.shard.index, options.shard.count)
    : [0, manifest.chunks];
  removeStaleTemporaries(options.out, from, to);
  const todo: number[] = [];
  let skipped = 0;
  for (let k = from; k < to; k++) {
    if (chunkDone(options.out, k)) skipped++;
    else todo.push(k);
  }
  const size = (k: number): number => chunkRange(spec, k)[1] - chunkRange(spec, k)[0];
  const total = todo.reduce((n, k) => n + size(k), 0);
  const progress = createProgress({
    label: 'sweep',
    total,
    quiet: options.quiet,
    stream: options.progressStream,
  });
  const failures: RunSummary['failures'] = [];
  // J_ph,S tables for the sweep's γ when the paper's two do not cover them (workers load their own).
  if (phononGammas(spec).some((g) => !hasPhononTable(g))) await loadPhononFamily();
  await computeChunks(spec, options.out, todo, options.workers, (k, chunkFailures) => {
    failures.push(...chunkFailures);
    progress.tick(size(k));
  });
  progress.done();
  failures.sort((a, b) => a.index - b.index);
  const files: string[] = [];
  if (!options.shard) {
    assembleResults(manifest, options.out, () => options.out);
    files.push(join(options.out, RESULTS_CSV), join(options.out, RESULTS_JSONL));
    if (options.netcdf !== false) files.push(await writeNetcdf(manifest, options.out));
  }
  return {
    points: manifest.points,
    computed: todo.length,
    skipped,
    chunkFrom: from,
    chunkTo: to,
    failures,
    files,
  };
}
