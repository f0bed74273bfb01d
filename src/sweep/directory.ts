/**
 * The on-disk layout of a sweep: `manifest.json` (the sweep and its hash), `chunks/NNNNNN.csv|.jsonl`
 * (each written atomically, the .jsonl last, so a chunk is done iff its .jsonl exists), and the
 * assembled `results.csv`, `results.jsonl`.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../index.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { csvHeader } from './chunk.js';
import { quantityInfo } from './quantities.js';
import { parameterInfo } from './parameters.js';
import { SWEEP_FORMAT, chunkCount, pointCount, specHashes, type SweepSpec } from './spec.js';

export interface Manifest {
  format: string;
  version: string;
  hashes: ReturnType<typeof specHashes>;
  points: number;
  chunks: number;
  /** SI unit of every column. */
  units: Record<string, string>;
  spec: SweepSpec;
}

export const MANIFEST = 'manifest.json';
export const RESULTS_CSV = 'results.csv';
export const RESULTS_JSONL = 'results.jsonl';

export function chunkBase(dir: string, k: number): string {
  return join(dir, 'chunks', String(k).padStart(6, '0'));
}

export function chunkDone(dir: string, k: number): boolean {
  return existsSync(`${chunkBase(dir, k)}.jsonl`);
}

export function makeManifest(spec: SweepSpec): Manifest {
  const units: Record<string, string> = {};
  for (const a of spec.axes) units[a.name] = parameterInfo(a.name, '--vary').unit;
  for (const o of spec.outputs) units[o] = quantityInfo(o).unit;
  return {
    format: SWEEP_FORMAT,
    version: specHashes(spec).version,
    hashes: specHashes(spec),
    points: pointCount(spec.axes),
    chunks: chunkCount(spec),
    units,
    spec,
  };
}

export function readManifest(dir: string, option: string): Manifest {
  const path = join(dir, MANIFEST);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch {
    throw new InputError(option, dir, `a sweep output directory (with ${MANIFEST}) written by ndtc sweep`);
  }
  if (manifest.format !== SWEEP_FORMAT)
    throw new InputError(option, dir, `a sweep directory of format ${SWEEP_FORMAT}`);
  return manifest;
}

/** What differs between two sweeps, in words. */
export function differences(a: Manifest['hashes'], b: Manifest['hashes']): string {
  const parts = (['device', 'grid', 'outputs', 'version'] as const).filter((k) => a[k] !== b[k]);
  return (
    parts.map((p) => (p === 'grid' ? 'grid (axes, fixed values or chunk size)' : p)).join(', ') + ' differ'
  );
}

/**
 * Prepare `dir` for `spec`: create it with a manifest, or accept it when it holds the same sweep
 * and `resume` is set (shards of one sweep share a directory this way). Anything else refuses.
 */
export function openSweepDirectory(dir: string, spec: SweepSpec, resume: boolean): Manifest {
  const manifest = makeManifest(spec);
  if (existsSync(join(dir, MANIFEST))) {
    const existing = readManifest(dir, '--out');
    if (existing.hashes.sweep !== manifest.hashes.sweep) {
      throw new InputError(
        '--out',
        dir,
        `a new directory or one holding this same sweep; it holds a different sweep (${differences(existing.hashes, manifest.hashes)})`,
      );
    }
    if (!resume) {
      const done = Array.from({ length: manifest.chunks }, (_, k) => k).filter((k) =>
        chunkDone(dir, k),
      ).length;
      throw new InputError(
        '--out',
        dir,
        `a new directory, or --resume: it already holds this sweep (${done} of ${manifest.chunks} chunks done)`,
      );
    }
    return existing;
  }
  // Shards sharing a directory may race to create it: their temporaries (dot files) and chunks/
  // do not count as foreign content, and they all write the same manifest.
  const foreign = existsSync(dir) ? readdirSync(dir).filter((n) => !n.startsWith('.') && n !== 'chunks') : [];
  if (foreign.length > 0) {
    throw new InputError('--out', dir, 'an empty or new directory (it has files but no sweep manifest)');
  }
  mkdirSync(join(dir, 'chunks'), { recursive: true });
  writeFileAtomic(join(dir, MANIFEST), JSON.stringify(manifest, null, 1) + '\n');
  return manifest;
}

/** Remove temporary files left by a killed writer of chunks [from, to) (only ours: shards may share the dir). */
export function removeStaleTemporaries(dir: string, from: number, to: number): void {
  const chunks = join(dir, 'chunks');
  if (!existsSync(chunks)) return;
  for (const name of readdirSync(chunks)) {
    const m = /^\.(\d+)\.(csv|jsonl)\..*\.tmp$/.exec(name);
    if (m && Number(m[1]) >= from && Number(m[1]) < to) rmSync(join(chunks, name), { force: true });
  }
}

export function writeChunk(dir: string, k: number, csv: Uint8Array, jsonl: Uint8Array): void {
  // Chunks are many and recomputable: atomic against a killed process (what --resume recovers from)
  // without a per-file fsync, which would make this thread the sweep's bottleneck.
  writeFileAtomic(`${chunkBase(dir, k)}.csv`, csv, { fsync: false });
  writeFileAtomic(`${chunkBase(dir, k)}.jsonl`, jsonl, { fsync: false });
}

/** Stream parts into `path` through a temporary sibling, fsync, rename: readers never see half a file. */
function writeStreamAtomic(path: string, parts: Iterable<string | Buffer>): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const fd = openSync(tmp, 'w');
  try {
    for (const part of parts) writeSync(fd, typeof part === 'string' ? Buffer.from(part) : part);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/**
 * Concatenate the chunks, in index order, into results.csv and results.jsonl in `outDir`.
 * `source(k)` says which directory holds chunk k (merge collects chunks from several).
 */
export function assembleResults(manifest: Manifest, outDir: string, source: (k: number) => string): void {
  const { spec, chunks } = manifest;
  function* parts(ext: string, header?: string): Generator<string | Buffer> {
    if (header) yield header;
    for (let k = 0; k < chunks; k++) yield readFileSync(`${chunkBase(source(k), k)}.${ext}`);
  }
  writeStreamAtomic(join(outDir, RESULTS_CSV), parts('csv', csvHeader(spec)));
  writeStreamAtomic(join(outDir, RESULTS_JSONL), parts('jsonl'));
}
