/**
 * The on-disk layout of a sweep: `manifest.json` (the sweep and its hash); per chunk
 * `chunks/NNNNNN.csv|.jsonl` (each written atomically and fsynced) and then `chunks/NNNNNN.done`, the
 * record of their lengths and SHA-256 (written last, so a chunk is done iff its record exists and its
 * files match it); the assembled `results.csv`, `results.jsonl` and their record `results.done`;
 * `shards.json` (the shard count, to name the shard to rerun); `chunks/removed.json` once the chunks
 * were removed after a verified merge.
 */
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, join, relative, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { AtomicFile, syncFiles, writeFileAtomic, writeFileAtomicAsync } from '../io/atomic-write.js';
import { fileError } from '../io/file-error.js';
import { makeDirectory } from '../io/make-directory.js';
import { csvHeader } from './chunk.js';
import { quantityInfo } from './quantities.js';
import { parameterInfo } from './parameters.js';
import {
  fileLength,
  hashFile,
  readBlocks,
  readRecord,
  recordOf,
  recordText,
  writeRecord,
  type FileRecord,
  type FilesRecord,
} from './record.js';
import { SWEEP_FORMAT, binaryChunks, chunkCount, pointCount, specHashes, type SweepSpec } from './spec.js';

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

/** The files of a chunk: CSV and JSON Lines text, or one binary file (`--formats h5`). */
export type ChunkExt = 'csv' | 'jsonl' | 'bin';
export type ChunkFiles = Partial<Record<ChunkExt, Uint8Array>>;

/** The files each chunk of `spec` has. */
export function chunkExts(spec: SweepSpec): ChunkExt[] {
  return binaryChunks(spec) ? ['bin'] : ['csv', 'jsonl'];
}

/** Why `--remove-chunks` is refused for binary chunks. */
export const REMOVE_CHUNKS_TEXT_ONLY =
  'a sweep of text chunks: binary chunks (8 bytes a value) are what the plot and results.h5 are made from';

/** The assembled results of `spec` (recorded in results.done). */
export function resultNames(spec: SweepSpec): string[] {
  return binaryChunks(spec) ? [RESULTS_H5] : [RESULTS_CSV, RESULTS_JSONL];
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
  if (manifest.format !== SWEEP_FORMAT)
    throw new InputError(option, dir, `a sweep directory of format ${SWEEP_FORMAT}`);
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

/** Remove temporary files left by a killed writer of chunks [from, to) (only ours: shards may share the dir). */
export function removeStaleTemporaries(dir: string, from: number, to: number): void {
  const chunks = join(dir, 'chunks');
  if (!existsSync(chunks)) return;
  for (const name of readdirSync(chunks)) {
    const m = /^\.(\d+)\.(csv|jsonl|bin|done)\..*\.tmp$/.exec(name);
    if (m && Number(m[1]) >= from && Number(m[1]) < to) rmSync(join(chunks, name), { force: true });
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

/**
 * Temporaries of results files left by a killed assembly (each as large as the results): those whose
 * writer (the pid in the name) is gone. A live concurrent merge's are left alone.
 */
function removeStaleResultTemporaries(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const m = /^\.results\.(?:csv|jsonl|done)\.(\d+)\.\d+\.\d+\.tmp$/.exec(name);
    if (m && Number(m[1]) !== process.pid && !processAlive(Number(m[1])))
      rmSync(join(dir, name), { force: true });
  }
}

/**
 * Write chunk k: its files (CSV and JSON Lines, or binary), each atomically and fsynced, then their
 * record (lengths and SHA-256, fsynced). The record is written last, so it never vouches for data that
 * might not be on disk.
 */
export function writeChunk(dir: string, k: number, files: ChunkFiles): void {
  for (const [ext, bytes] of chunkEntries(files)) writeFileAtomic(`${chunkBase(dir, k)}.${ext}`, bytes);
  writeRecord(chunkRecordPath(dir, k), chunkFilesRecord(dir, k, files));
}

const chunkEntries = (files: ChunkFiles): [ChunkExt, Uint8Array][] =>
  (['csv', 'jsonl', 'bin'] as const).flatMap((ext) =>
    files[ext] ? [[ext, files[ext]] as [ChunkExt, Uint8Array]] : [],
  );

function chunkFilesRecord(dir: string, k: number, files: ChunkFiles): FilesRecord['files'] {
  const name = basename(chunkBase(dir, k));
  return Object.fromEntries(chunkEntries(files).map(([ext, bytes]) => [`${name}.${ext}`, recordOf(bytes)]));
}

/**
 * `writeChunk` for a worker thread: the files are written and renamed now; their fsync and then the
 * record (written and fsynced) follow on libuv's pool while the thread computes the next chunk. Three
 * fsyncs cost ~15 ms a chunk on the development machine's disk, as much as computing a tenth of it:
 * the thread keeps only the writes and the SHA-256 (~1 ms for 0.6 MB; bench "Chunk records").
 * Until the returned promise settles the chunk is not done (a kill leaves it unrecorded: recomputed).
 */
export function writeChunkDeferred(dir: string, k: number, files: ChunkFiles): Promise<void> {
  const base = chunkBase(dir, k);
  const entries = chunkEntries(files);
  for (const [ext, bytes] of entries) writeFileAtomic(`${base}.${ext}`, bytes, { fsync: false });
  const record = chunkFilesRecord(dir, k, files);
  return syncFiles(entries.map(([ext]) => `${base}.${ext}`)).then(() =>
    writeFileAtomicAsync(chunkRecordPath(dir, k), recordText(record)),
  );
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
    const anyData = (['csv', 'jsonl', 'bin'] as const).some((e) => existsSync(`${base}.${e}`));
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
 * Concatenate the chunks, in index order, into results.csv and results.jsonl in `outDir`, then write
 * their record. Each chunk file is read once, in blocks, hashed as it is copied and checked against
 * its record: a damaged chunk throws `ChunkDamage` and leaves no results file behind.
 * `source(k)` says which directory holds chunk k (merge collects chunks from several). A chunk that
 * `vouched(k)` says this process wrote, or read back and verified, during this run is copied with its
 * length checked but not hashed again (reading it back from the page cache would only re-hash the bytes
 * hashed when they were written: ~0.2 s a 10⁶-point text sweep).
 */
export function assembleResults(
  manifest: Manifest,
  outDir: string,
  source: (k: number) => string,
  vouched: (k: number) => boolean = () => false,
): void {
  const { spec, chunks } = manifest;
  removeStaleResultTemporaries(outDir);
  const assemble = (name: string, ext: 'csv' | 'jsonl', header?: string): [AtomicFile, FileRecord] => {
    const out = new AtomicFile(join(outDir, name));
    const hash = createHash('sha256');
    let bytes = 0;
    const write = (block: Uint8Array): void => {
      out.write(block);
      hash.update(block);
      bytes += block.length;
    };
    try {
      if (header) write(Buffer.from(header, 'utf8'));
      for (let k = 0; k < chunks; k++) {
        const dir = source(k);
        const expected = chunkFileRecord(dir, k, ext);
        if (expected instanceof ChunkDamage) throw expected;
        const file = `${chunkBase(dir, k)}.${ext}`;
        const length = fileLength(file);
        if (length === undefined) throw new ChunkDamage(k, dir, file, 'missing');
        if (length !== expected.bytes)
          throw new ChunkDamage(k, dir, file, `length differs (${length} bytes, recorded ${expected.bytes})`);
        const actual = vouched(k)
          ? { bytes: readBlocks(file, write), sha256: expected.sha256 }
          : hashFile(file, write);
        if (actual.bytes !== expected.bytes)
          throw new ChunkDamage(
            k,
            dir,
            file,
            `length differs (${actual.bytes} bytes, recorded ${expected.bytes})`,
          );
        if (actual.sha256 !== expected.sha256) throw new ChunkDamage(k, dir, file, 'checksum differs');
      }
    } catch (error) {
      out.abort();
      throw error;
    }
    return [out, { bytes, sha256: hash.digest('hex') }];
  };
  // The old record goes first: results being replaced must not be vouched for by it.
  // Both files are complete (as temporaries) before either replaces the old results, so a refused
  // merge leaves the old results and their record as they were; the old record goes before the
  // renames, so it never vouches for new files.
  const [csvFile, csv] = assemble(RESULTS_CSV, 'csv', csvHeader(spec));
  let jsonlFile: AtomicFile, jsonl: FileRecord;
  try {
    [jsonlFile, jsonl] = assemble(RESULTS_JSONL, 'jsonl');
  } catch (error) {
    csvFile.abort();
    throw error;
  }
  rmRecord(join(outDir, RESULTS_RECORD));
  // A results.h5 of the results replaced would lie beside them unrecorded (unchecked by verify);
  // the caller writes it again from these unless asked not to (--no-h5).
  rmRecord(join(outDir, RESULTS_H5));
  csvFile.commit();
  jsonlFile.commit();
  writeRecord(join(outDir, RESULTS_RECORD), { [RESULTS_CSV]: csv, [RESULTS_JSONL]: jsonl });
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

function rmRecord(path: string): void {
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
    for (const path of [chunkRecordPath(dir, k), `${base}.csv`, `${base}.jsonl`, `${base}.bin`])
      rmRecord(path);
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
