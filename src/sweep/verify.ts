/**
 * Verification of a sweep directory against its records: every chunk's files (length and SHA-256
 * against `chunks/NNNNNN.done`), the assembled results (against `results.done`) and the manifest.
 * `--resume` recomputes what fails here, `ndtc merge` refuses it, `ndtc verify` lists it.
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  ChunkDamage,
  RESULTS_CSV,
  RESULTS_JSONL,
  RESULTS_RECORD,
  chunkBase,
  chunkDone,
  chunkFileRecord,
  chunkSource,
  chunksRemoved,
  manifestProblems,
  resultNames,
  readShardCount,
  type Manifest,
} from './directory.js';
import { checkRecordedFiles, fileLength, fileMismatch, hashFile, readRecord, UNWRITTEN } from './record.js';
import { shardChunks } from './spec.js';

export { ChunkDamage };

/**
 * Check chunk k of `dir` against its record: undefined when it matches. With `hash: false` only
 * the record and the length are checked (a stat: the quick pass before a merge).
 */
export function checkChunk(
  dir: string,
  k: number,
  options: { hash?: boolean } = {},
): ChunkDamage | undefined {
  const expected = chunkFileRecord(dir, k, 'bin');
  if (expected instanceof ChunkDamage) return expected;
  const file = `${chunkBase(dir, k)}.bin`;
  const length = fileLength(file);
  const why =
    length === undefined || length !== expected.bytes || options.hash === false
      ? fileMismatch(expected, length === undefined ? undefined : { bytes: length, sha256: expected.sha256 })
      : fileMismatch(expected, hashFile(file));
  return why ? new ChunkDamage(k, dir, file, why) : undefined;
}

/**
 * Problems of the assembled results of `dir` against `results.done` ([] when they match); `names`
 * are the results expected when there is no record.
 */
export function checkResults(
  dir: string,
  names: readonly string[] = [RESULTS_CSV, RESULTS_JSONL],
): { file: string; why: string }[] {
  const recordPath = join(dir, RESULTS_RECORD);
  const record = readRecord(recordPath);
  if (record === 'unreadable') return [{ file: recordPath, why: 'record unreadable' }];
  if (record === undefined) {
    return names
      .map((name) => join(dir, name))
      .map((file) => ({ file, why: existsSync(file) ? 'no record' : 'missing' }));
  }
  return checkRecordedFiles(recordPath, record);
}

/** The shard `i` of `count` whose contiguous chunk range holds chunk k. */
export function shardOf(k: number, chunks: number, count: number): number {
  let i = Math.min(count - 1, Math.floor((k * count) / chunks));
  while (i > 0 && k < shardChunks(chunks, i, count)[0]) i--;
  while (i < count - 1 && k >= shardChunks(chunks, i, count)[1]) i++;
  return i;
}

/**
 * The command that recomputes chunk k of `dir`: its shard when `dir` records the shard count (and
 * the Slurm array task, which is the shard index, when a Slurm script recorded it), else a resume
 * of the whole range (which recomputes only what fails verification).
 */
export function rerunCommand(dir: string, k: number, chunks: number): string {
  const shards = readShardCount(dir);
  if (!shards) return `ndtc sweep --out ${dir} --resume`;
  const i = shardOf(k, chunks, shards.count);
  return `ndtc sweep --out ${dir} --resume --shard ${i}/${shards.count}${shards.slurm ? ` (Slurm array task ${i})` : ''}`;
}

/** Ranges `a..b` of sorted chunk numbers, at most `max` of them. */
export function chunkRanges(ks: readonly number[], max = 3): string {
  const out: string[] = [];
  for (let i = 0; i < ks.length;) {
    let j = i;
    while (j + 1 < ks.length && ks[j + 1] === ks[j] + 1) j++;
    out.push(ks[i] === ks[j] ? `${ks[i]}` : `${ks[i]}..${ks[j]}`);
    i = j + 1;
  }
  return out.slice(0, max).join(', ') + (out.length > max ? ', …' : '');
}

/** One line for damaged or missing chunks: which, why (the first), and what to rerun. */
export function damageLine(damage: readonly ChunkDamage[], chunks: number, then: string): string {
  const first = damage[0];
  const state = damage.every((d) => d.why === 'missing') ? 'missing' : 'bad';
  const which =
    damage.length === 1
      ? `chunk ${first.k} is ${state}`
      : `${damage.length} of ${chunks} chunks are ${state} (${chunkRanges(damage.map((d) => d.k))})`;
  // The lengths stay out of this line (ndtc verify prints them): it must fit one terminal line.
  // Several bad chunks: which ones and what to rerun fill the line; ndtc verify says why for each.
  const detail =
    state === 'missing' || damage.length > 1
      ? ''
      : `: ${basename(first.file)} ${first.why.replace(/ \(.*\)$/, '')}`;
  return `${which}${detail}; rerun ${rerunAdvice(damage, chunks)}${then}`;
}

/**
 * The commands that recompute every damaged chunk: one resume per directory, naming every shard
 * (and Slurm array task) that holds a damaged chunk, not only the first one's.
 */
export function rerunAdvice(damage: readonly ChunkDamage[], chunks: number): string {
  const byDir = new Map<string, number[]>();
  for (const d of damage) byDir.set(d.dir, [...(byDir.get(d.dir) ?? []), d.k]);
  const advice = [...byDir].map(([dir, ks]) => {
    const shards = readShardCount(dir);
    if (!shards) return rerunCommand(dir, ks[0], chunks);
    const indices = [...new Set(ks.map((k) => shardOf(k, chunks, shards.count)))];
    if (indices.length === 1) return rerunCommand(dir, ks[0], chunks);
    const list = chunkRanges(indices, 4);
    return `ndtc sweep --out ${dir} --resume --shard I/${shards.count} for I = ${list}${shards.slurm ? ' (the Slurm array tasks)' : ''}`;
  });
  return advice.length <= 2
    ? advice.join(' and ')
    : `${advice.slice(0, 2).join(' and ')} and ${advice.length - 2} more directories`;
}

/**
 * Where each missing chunk belongs, for the rerun advice: the directory holding other chunks of its
 * shard (by the shard count recorded there), else that of the nearest chunk present, when the sweep is
 * spread over several directories; `sources[j]` is where chunk j was looked for (chunkSource).
 */
export function missingChunkHomes(
  dirs: readonly string[],
  sources: readonly string[],
): (k: number) => string {
  const chunks = sources.length;
  if (dirs.length < 2) return (k) => sources[k];
  const present = sources.map((dir, k) => chunkDone(dir, k));
  const count = dirs.map(readShardCount).find((s) => s !== undefined)?.count;
  const byShard = new Map<number, string | undefined>();
  const nearest = (k: number): string | undefined => {
    for (let step = 1; step < chunks; step++)
      for (const j of [k - step, k + step]) if (j >= 0 && j < chunks && present[j]) return sources[j];
    return undefined;
  };
  return (k: number): string => {
    if (count === undefined) return nearest(k) ?? sources[k];
    const shard = shardOf(k, chunks, count);
    if (!byShard.has(shard)) {
      const [from, to] = shardChunks(chunks, shard, count);
      let home: string | undefined;
      for (let j = from; j < to && home === undefined; j++) if (present[j]) home = sources[j];
      byShard.set(shard, home);
    }
    return byShard.get(shard) ?? sources[k];
  };
}

export interface VerifyReport {
  /** One line per problem: `path: why`. */
  problems: string[];
  /** What was checked, for the summary. */
  chunksChecked: number;
  chunksRemoved: boolean;
  /** No chunk here, the results verify: a merge's output directory (the chunks are in the shards). */
  chunksElsewhere: boolean;
  /** A manifest fails its hashes (resume and merge refuse it). */
  manifestDamaged: boolean;
  /** incomplete: those written verify, and a stopped run had yet to write the others (`unwritten`). */
  results: 'verified' | 'not assembled' | 'incomplete' | 'damaged';
  /** Results files a stopped run had yet to write. */
  unwritten: string[];
  /** The chunk damage found (for the rerun advice). */
  damage: ChunkDamage[];
}

/**
 * Verify the directories of one sweep (shards may be spread over several; chunk k is taken from
 * the first directory that records it): manifests, every chunk unless removed after a verified
 * merge, and the assembled results wherever they are.
 */
export function verifySweep(dirs: readonly string[], manifests: readonly Manifest[]): VerifyReport {
  const manifestLines = dirs.flatMap((d, i) => manifestProblems(d, manifests[i]));
  const { chunks, spec } = manifests[0];
  const names = resultNames(spec);
  const removed = dirs.map((d) => chunksRemoved(d));
  let damage: ChunkDamage[] = [];
  let checked = 0;
  if (removed.every((r) => r === undefined)) {
    const sources = Array.from({ length: chunks }, (_, k) => chunkSource(dirs, k));
    const homeOf = missingChunkHomes(dirs, sources);
    for (let k = 0; k < chunks; k++) {
      const d = checkChunk(sources[k], k);
      checked++;
      if (d?.why === 'missing') damage.push(checkChunk(homeOf(k), k) ?? d);
      else if (d) damage.push(d);
    }
  }
  // Results: in every given directory that has them, and where removed chunks were merged into.
  const resultDirs = [
    ...new Set([
      ...dirs.filter((d) => existsSync(join(d, names[0])) || existsSync(join(d, RESULTS_RECORD))),
      ...removed.filter((r) => r !== undefined).map((r) => r.results),
    ]),
  ];
  let results: VerifyReport['results'] = resultDirs.length > 0 ? 'verified' : 'not assembled';
  const resultProblems = resultDirs.flatMap((d) => checkResults(d, names));
  // A results file a stopped run had yet to write (results.h5 after the text) is no damage.
  const unwritten = resultProblems.filter((p) => p.why === UNWRITTEN).map((p) => p.file);
  const resultLines = resultProblems.filter((p) => p.why !== UNWRITTEN).map((p) => `${p.file}: ${p.why}`);
  if (resultLines.length > 0) results = 'damaged';
  else if (unwritten.length > 0) results = 'incomplete';
  // No chunk at all beside verified results: the directory `ndtc merge --out` wrote from shards
  // (their chunks stay in them), or one whose chunks were deleted; either way the results stand.
  const chunksElsewhere =
    checked > 0 &&
    (results === 'verified' || results === 'incomplete') &&
    damage.length === chunks &&
    damage.every((d) => d.why === 'missing');
  if (chunksElsewhere) damage = [];
  if (removed.some((r) => r !== undefined) && resultDirs.length === 0) {
    results = 'damaged';
    resultLines.push(`${join(dirs[0], names[0])}: missing (the chunks were removed after a merge)`);
  }
  const chunkLines = damage.map((d) => `${d.file}: ${d.why} (chunk ${d.k})`);
  return {
    problems: manifestLines.concat(chunkLines, resultLines),
    chunksChecked: checked,
    chunksRemoved: removed.some((r) => r !== undefined),
    chunksElsewhere,
    manifestDamaged: manifestLines.length > 0,
    results,
    damage,
    unwritten,
  };
}
