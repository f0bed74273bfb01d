/**
 * The on-disk layout of a sweep: `manifest.json` (the sweep and its hash); per chunk
 * `chunks/NNNNNN.bin`, its points' records as float64 (binary-chunk.ts), written atomically and
 * fsynced, and then `chunks/NNNNNN.done`, the record of its length and SHA-256 (written last, so a
 * chunk is done iff its record exists and its file matches it); the results assembled from the
 * chunks (assemble.ts) and their record `results.done`;
 * `shards.json` (the shard count, to name the shard to rerun); `chunks/removed.json` once the chunks
 * were removed after a verified merge.
 */
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { InputError } from '../errors.js';
import { syncFiles, writeFileAtomic, writeFileAtomicAsync } from '../io/atomic-write.js';
import { fileError } from '../io/file-error.js';
import { makeDirectory } from '../io/make-directory.js';
import { quantityInfo } from './quantities.js';
import { parameterInfo } from './parameters.js';
import {
  hashFile,
  readRecord,
  recordOf,
  recordText,
  writeRecord,
  type FileRecord,
  type FilesRecord,
} from './record.js';
import { SWEEP_FORMAT, h5Only, chunkCount, pointCount, specHashes, type SweepSpec } from './spec.js';

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
export const RESULTS_H5 = 'results.h5';
/** Record of the assembled results (lengths and SHA-256), written after them. */
export const RESULTS_RECORD = 'results.done';
/** Written before chunk files are removed after a verified merge: the chunks are gone on purpose. */
export const CHUNKS_REMOVED = join('chunks', 'removed.json');
export const SHARDS = 'shards.json';

/**
 * A chunk's data: its binary records, from which results.csv, results.jsonl and results.h5 are all
 * made (text is formatted once, at assembly: text chunks, ndtc-sweep/1's, cost 8 times the bytes,
 * written, hashed, fsynced and read back).
 */
export type ChunkExt = 'bin';
export type ChunkFiles = Record<ChunkExt, Uint8Array>;

/** Why `--remove-chunks` is refused with `--formats h5`. */
export const REMOVE_CHUNKS_TEXT_ONLY =
  'a sweep writing CSV and JSON Lines: without them the chunks are what the plot and results.h5 are made from';

/** The assembled results of `spec` (recorded in results.done). */
export function resultNames(spec: SweepSpec): string[] {
  return h5Only(spec) ? [RESULTS_H5] : [RESULTS_CSV, RESULTS_JSONL];
}

export function chunkBase(dir: string, k: number): string {
  return join(dir, 'chunks', String(k).padStart(6, '0'));
}

/** The record of chunk k: its files' lengths and SHA-256. */
export function chunkRecordPath(dir: string, k: number): string {
  return `${chunkBase(dir, k)}.done`;
}

/**
 * The directory of `dirs` that holds chunk k (the first recording it; else the first of them): the
 * shards of one sweep may share a directory or each have their own.
 */
export function chunkSource(dirs: readonly string[], k: number): string {
  return dirs.find((d) => existsSync(chunkRecordPath(d, k))) ?? dirs[0];
}

/** The chunk's record exists (cheap: whether its files still match it is `checkChunk`'s question). */
export function chunkDone(dir: string, k: number): boolean {
  return existsSync(chunkRecordPath(dir, k));
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

/**
 * The sweep in `dir`. Its hashes are recomputed from the sweep it holds: a manifest edited by hand or
 * damaged is refused (an Error: exit 1) unless `check` is false (`ndtc verify` lists it instead), since
 * merging or resuming from it would write results of a sweep that was never computed.
 */
export function readManifest(dir: string, option: string, check = true): Manifest {
  const path = join(dir, MANIFEST);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError(option, dir, `a sweep output directory (with ${MANIFEST}) written by ndtc sweep`);
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text) as Manifest;
  } catch {
    // The sweep's own file, unreadable: damage (exit 1), not a wrong directory named by the user.
    throw new Error(`${path}: not valid JSON; ${MANIFEST_ADVICE}`);
  }
  if (manifest.format !== SWEEP_FORMAT) {
    // An earlier ndtc's layout (text chunks): its chunks are not what this one reads.
    const earlier = typeof manifest.format === 'string' && manifest.format.startsWith('ndtc-sweep/');
    throw new InputError(
      option,
      dir,
      earlier
        ? `written in ${manifest.format} by an earlier ndtc (this one reads ${SWEEP_FORMAT}): finish it with that one, or ndtc sweep --force`
        : `a sweep directory of format ${SWEEP_FORMAT}`,
    );
  }
  if (check) {
    const problems = manifestProblems(dir, manifest);
    if (problems.length > 0) throw new Error(`${problems[0]}; ${MANIFEST_ADVICE}`);
  }
  return manifest;
}

/** What to do about a manifest that fails its hashes. */
export const MANIFEST_ADVICE =
  'the manifest was edited or damaged: restore it, or start the sweep again (ndtc sweep ... --force)';

/** The manifest's hashes recomputed from the sweep it holds: one line per mismatch. */
export function manifestProblems(dir: string, manifest: Manifest): string[] {
  const problems: string[] = [];
  const path = join(dir, MANIFEST);
  // A sweep missing its parts (axes, …) makes the hash or the counts throw: not readable.
  try {
    const hashes = specHashes(manifest.spec);
    for (const part of ['device', 'grid', 'outputs'] as const) {
      if (hashes[part] !== manifest.hashes?.[part])
        problems.push(`${path}: ${part} hash differs from its sweep`);
    }
    if (manifest.points !== pointCount(manifest.spec.axes) || manifest.chunks !== chunkCount(manifest.spec))
      problems.push(`${path}: point or chunk count differs from its grid`);
    // The units go into results.h5 and the version names the ndtc that computed the chunks: neither
    // is hashed, so each is checked against what it must be.
    if (problems.length === 0) {
      const { units } = makeManifest(manifest.spec);
      const given = manifest.units ?? {};
      const keys = new Set([...Object.keys(units), ...Object.keys(given)]);
      if ([...keys].some((k) => units[k] !== given[k]))
        problems.push(`${path}: units differ from those of its axes and outputs`);
    }
    if (manifest.version !== manifest.hashes?.version)
      problems.push(`${path}: version differs from its hashes' version`);
  } catch {
    return [`${path}: its sweep is not readable`];
  }
  return problems;
}

/** What differs between two sweeps, in words. */
export function differences(a: Manifest['hashes'], b: Manifest['hashes']): string {
  const parts = (['device', 'grid', 'outputs', 'version'] as const).filter((k) => a[k] !== b[k]);
  return (
    parts.map((p) => (p === 'grid' ? 'grid (axes, fixed values or chunk size)' : p)).join(', ') + ' differ'
  );
}

/**
 * The sweep already in `dir`, if it is this one and `resume` is given; undefined when `dir` holds no
 * sweep. Refuses (InputError naming --out) a different sweep, and this one without --resume.
 */
export function existingSweep(dir: string, spec: SweepSpec, resume: boolean): Manifest | undefined {
  if (!existsSync(join(dir, MANIFEST))) return undefined;
  const manifest = makeManifest(spec);
  const existing = readManifest(dir, '--out');
  if (existing.hashes.sweep !== manifest.hashes.sweep) {
    throw new InputError(
      '--out',
      dir,
      // What differs first: a long path must not push it past the end of the line.
      `it holds a different sweep (${differences(existing.hashes, manifest.hashes)}): a new or empty directory, or --force to start again in it`,
    );
  }
  if (!resume) {
    const done = Array.from({ length: manifest.chunks }, (_, k) => k).filter((k) => chunkDone(dir, k)).length;
    throw new InputError(
      '--out',
      dir,
      `a new or empty directory, --resume to continue the sweep in it, or --force to write into it; it holds this sweep (${done} of ${manifest.chunks} chunks done)`,
    );
  }
  return existing;
}

export function openSweepDirectory(dir: string, spec: SweepSpec, resume: boolean): Manifest {
  const existing = existingSweep(dir, spec, resume);
  if (existing) return existing;
  const manifest = makeManifest(spec);
  // Shards sharing a directory may race to create it: their temporaries (dot files) and chunks/
  // do not count as foreign content, and they all write the same manifest.
  const foreign = existsSync(dir) ? readdirSync(dir).filter((n) => !n.startsWith('.') && n !== 'chunks') : [];
  if (foreign.length > 0) {
    // A shard racing this one may have written the manifest since it was looked for above.
    const raced = existingSweep(dir, spec, resume);
    if (raced) return raced;
    throw new InputError('--out', dir, 'an empty or new directory (it has files but no sweep manifest)');
  }
  try {
    makeDirectory(join(dir, 'chunks'));
  } catch (error) {
    throw fileError('create', join(dir, 'chunks'), error);
  }
  writeFileAtomic(join(dir, MANIFEST), JSON.stringify(manifest, null, 1) + '\n');
  return manifest;
}

/** Remove the chunk temporaries (`.NNNNNN.bin.<pid>.<thread>.<n>.tmp`, `.done` alike) that `which` picks. */
function removeChunkTemporaries(dir: string, which: (k: number, pid: number) => boolean): void {
  const chunks = join(dir, 'chunks');
  if (!existsSync(chunks)) return;
  for (const name of readdirSync(chunks)) {
    const m = /^\.(\d+)\.(?:bin|done)\.(\d+)\..*\.tmp$/.exec(name);
    if (m && which(Number(m[1]), Number(m[2]))) rmSync(join(chunks, name), { force: true });
  }
}

/** Remove temporary files left by a killed writer of chunks [from, to) (only ours: shards may share the dir). */
export function removeStaleTemporaries(dir: string, from: number, to: number): void {
  removeChunkTemporaries(dir, (k) => k >= from && k < to);
}

/**
 * Remove the chunk temporaries this process's threads were writing (their names hold its pid): a
 * run stopped by Ctrl-C leaves no half-written chunk file behind; a shard sharing the directory
 * keeps its own. Called on the way out: a failure leaves them for the next run.
 */
export function removeOwnTemporaries(dir: string): void {
  try {
    removeChunkTemporaries(dir, (_, pid) => pid === process.pid);
    // The results being written: results.h5 (HDF5 writes it itself, not through an AtomicFile removed
    // on exit), and the text's, removed now rather than on exit so that the caller may then remove
    // the directory.
    for (const name of readdirSync(dir))
      if (name === `.${RESULTS_H5}.${process.pid}.tmp` || ownResultTemporary(name))
        rmSync(join(dir, name), { force: true });
  } catch {
    // left for the next run's removeStaleTemporaries
  }
}

/** Whether process `pid` is alive on this machine (EPERM: alive, but not ours to signal). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A results temporary (an AtomicFile's name: the writer's pid, thread and counter). */
const RESULT_TEMPORARY = /^\.results\.(?:csv|jsonl|done)\.(\d+)\.\d+\.\d+\.tmp$/;
const ownResultTemporary = (name: string): boolean =>
  Number(RESULT_TEMPORARY.exec(name)?.[1]) === process.pid;

/**
 * Temporaries of results files left by a killed assembly (each as large as the results): those whose
 * writer (the pid in the name) is gone. A live concurrent merge's are left alone.
 */
export function removeStaleResultTemporaries(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const m = RESULT_TEMPORARY.exec(name);
    if (m && Number(m[1]) !== process.pid && !processAlive(Number(m[1])))
      rmSync(join(dir, name), { force: true });
  }
}

/**
 * Write chunk k: its binary file, atomically and fsynced, then its record (length and SHA-256,
 * fsynced). The record is written last, so it never vouches for data that
 * might not be on disk.
 */
export function writeChunk(dir: string, k: number, files: ChunkFiles): void {
  for (const [ext, bytes] of chunkEntries(files)) writeFileAtomic(`${chunkBase(dir, k)}.${ext}`, bytes);
  writeRecord(chunkRecordPath(dir, k), chunkFilesRecord(dir, k, files));
}

const chunkEntries = (files: ChunkFiles): [ChunkExt, Uint8Array][] => [['bin', files.bin]];

function chunkFilesRecord(dir: string, k: number, files: ChunkFiles): FilesRecord['files'] {
  const name = basename(chunkBase(dir, k));
  return Object.fromEntries(chunkEntries(files).map(([ext, bytes]) => [`${name}.${ext}`, recordOf(bytes)]));
}

/**
 * `writeChunk` for a worker thread: the files are written and renamed now; their fsync and then the
 * record (written and fsynced) follow on libuv's pool while the thread computes the next chunk. The
 * fsyncs cost several ms a chunk on the development machine's disk: the thread keeps only the write
 * and the SHA-256 (bench "Chunk records").
 * Until the returned promise settles the chunk is not done (a kill leaves it unrecorded: recomputed).
 */
export function writeChunkDeferred(dir: string, k: number, files: ChunkFiles): Promise<void> {
  const base = chunkBase(dir, k);
  const entries = chunkEntries(files);
  whileWriting(() => {
    for (const [ext, bytes] of entries) writeFileAtomic(`${base}.${ext}`, bytes, { fsync: false });
  });
  const record = chunkFilesRecord(dir, k, files);
  return syncFiles(entries.map(([ext]) => `${base}.${ext}`)).then(() =>
    whileWriting(() => writeFileAtomicAsync(chunkRecordPath(dir, k), recordText(record))),
  );
}

/**
 * Shared by a sweep's threads (the main thread's, handed to each worker): [0] is 1 once the process
 * stops (Ctrl-C), [1] counts the chunk temporaries workers are writing. A worker may otherwise open a
 * temporary just after the main thread removed them on its way out, and leave it behind.
 */
let writes = new Int32Array(new SharedArrayBuffer(8));

/** The buffer to hand a worker (workerData), and the worker's side: use the main thread's. */
export const chunkWritesBuffer = (): SharedArrayBuffer => writes.buffer as SharedArrayBuffer;
export function shareChunkWrites(buffer: SharedArrayBuffer): void {
  writes = new Int32Array(buffer);
}

/**
 * `write` (sync, or a promise) counted as a worker's temporaries in flight; refused once stopping.
 * The main thread's own writes are not counted: its signal handler runs between them, and it exits.
 */
function whileWriting<T>(write: () => T): T {
  if (isMainThread) return write();
  Atomics.add(writes, 1, 1);
  let pending = false;
  try {
    if (Atomics.load(writes, 0) === 1) throw new Error('the sweep is stopping');
    const result = write();
    if (result instanceof Promise) {
      pending = true;
      return result.finally(doneWriting) as T;
    }
    return result;
  } finally {
    if (!pending) doneWriting();
  }
}

function doneWriting(): void {
  Atomics.sub(writes, 1, 1);
  Atomics.notify(writes, 1);
}

/**
 * On the way out (Ctrl-C): no worker starts a temporary from now on, and those being written are
 * waited for (at most `timeoutMs`), so that removeOwnTemporaries after it finds them all.
 */
export function stopChunkWrites(timeoutMs = 2000): void {
  Atomics.store(writes, 0, 1);
  const deadline = Date.now() + timeoutMs;
  for (let n = Atomics.load(writes, 1); n > 0 && Date.now() < deadline; n = Atomics.load(writes, 1))
    Atomics.wait(writes, 1, n, deadline - Date.now());
}

/** A chunk file that is not what its record says (or has no record): assembly refuses it. */
export class ChunkDamage extends Error {
  constructor(
    readonly k: number,
    readonly dir: string,
    /** The file at fault (a chunk file, or its record). */
    readonly file: string,
    /** missing, no record, record unreadable, length differs (…), checksum differs. */
    readonly why: string,
  ) {
    super(`chunk ${k}: ${file}: ${why}`);
    this.name = 'ChunkDamage';
  }
}

/** The recorded length and hash of chunk k's file `ext`, or the damage that leaves it unknown. */
export function chunkFileRecord(dir: string, k: number, ext: ChunkExt): FileRecord | ChunkDamage {
  const base = chunkBase(dir, k);
  const file = `${base}.${ext}`;
  const record = readRecord(chunkRecordPath(dir, k));
  if (record === undefined) {
    const anyData = existsSync(`${base}.bin`);
    return new ChunkDamage(
      k,
      dir,
      anyData ? chunkRecordPath(dir, k) : file,
      anyData ? 'no record' : 'missing',
    );
  }
  if (record === 'unreadable') return new ChunkDamage(k, dir, chunkRecordPath(dir, k), 'record unreadable');
  const expected = record.files[basename(file)];
  if (expected === undefined) return new ChunkDamage(k, dir, chunkRecordPath(dir, k), 'record unreadable');
  return expected;
}

/**
 * Add `name` (a file written in `dir` after the results, e.g. results.h5) to `results.done`, so that
 * `ndtc verify` checks it too; call it after each write of that file.
 */
export function recordResultsFile(dir: string, name: string): void {
  const path = join(dir, RESULTS_RECORD);
  const record = readRecord(path);
  if (record === undefined || record === 'unreadable') return; // results not recorded: nothing to extend
  writeRecord(path, { ...record.files, [name]: hashFile(join(dir, name)) });
}

export function rmRecord(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch (error) {
    throw fileError('remove', path, error);
  }
}

/** Where the chunks of `dir` went when they were removed after a verified merge (undefined: not removed). */
export function chunksRemoved(dir: string): { results: string } | undefined {
  const path = join(dir, CHUNKS_REMOVED);
  if (!existsSync(path)) return undefined;
  try {
    const { results } = JSON.parse(readFileSync(path, 'utf8')) as { results: string };
    return { results: join(dir, results) };
  } catch {
    return { results: dir };
  }
}

/**
 * Remove chunks [0, chunks) of `dir` once the results assembled from them (in `resultsDir`) are
 * verified: first the note saying so (fsynced), then each chunk's record and files.
 */
export function removeChunks(dir: string, chunks: number, resultsDir: string): void {
  writeFileAtomic(
    join(dir, CHUNKS_REMOVED),
    JSON.stringify({ results: relative(resolve(dir), resolve(resultsDir)) || '.' }) + '\n',
  );
  for (let k = 0; k < chunks; k++) {
    const base = chunkBase(dir, k);
    for (const path of [chunkRecordPath(dir, k), `${base}.bin`]) rmRecord(path);
  }
}

/**
 * Record in `dir` how many shards compute this sweep (`--shard i/N`, or the array tasks of a Slurm
 * script, `slurm: true`), so that merge and verify can name the shard — and the array task — that
 * holds a damaged chunk. `runSweep` records it for every `--shard` run; a script emitter may call it
 * when it writes the script.
 */
export function recordShardCount(dir: string, count: number, slurm = false): void {
  const current = readShardCount(dir);
  if (current?.count === count && (current.slurm || !slurm)) return;
  writeFileAtomic(join(dir, SHARDS), JSON.stringify({ count, slurm }) + '\n');
}

export function readShardCount(dir: string): { count: number; slurm: boolean } | undefined {
  try {
    const s = JSON.parse(readFileSync(join(dir, SHARDS), 'utf8')) as { count: number; slurm?: boolean };
    return Number.isSafeInteger(s.count) && s.count >= 1
      ? { count: s.count, slurm: s.slurm === true }
      : undefined;
  } catch {
    return undefined;
  }
}
