/**
 * Combine the chunk files of one sweep spread over shard directories into the assembled results,
 * verifying every chunk against its record (a damaged or missing one refuses the merge, naming the
 * shard to rerun), and optionally removing the chunks once the results are verified.
 */
import { existsSync, rmSync } from 'node:fs';
import { makeDirectory } from '../io/make-directory.js';
import { join, resolve } from 'node:path';
import { InputError } from '../index.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import {
  ChunkDamage,
  MANIFEST,
  RESULTS_CSV,
  RESULTS_JSONL,
  chunkSource,
  chunksRemoved,
  resultNames,
  REMOVE_CHUNKS_TEXT_ONLY,
  differences,
  readManifest,
  removeChunks,
  type Manifest,
} from './directory.js';
import { assembleResults } from './assemble.js';
import { checkChunk, checkResults, damageLine, missingChunkHomes } from './verify.js';
import { h5Only } from './spec.js';

export interface MergeOptions {
  /** Delete the chunk files once the results are written, fsynced and verified. */
  removeChunks?: boolean;
  /**
   * Result files the caller writes next from the same chunks (results.h5): recorded as not written
   * yet, so that a merge stopped before them does not verify.
   */
  pending?: readonly string[];
}

/** The directories of `dirs` that hold the chunks of `manifest` (each chunk's first). */
export function chunkSources(dirs: readonly string[], manifest: Manifest): string[] {
  return [...new Set(Array.from({ length: manifest.chunks }, (_, k) => chunkSource(dirs, k)))];
}

/**
 * Verify the assembled results of `dir` against their record and remove the chunks they were made
 * from (in `sources`); refuses, keeping every chunk, when the results do not verify.
 */
export function removeChunksAfterVerifiedMerge(
  dir: string,
  manifest: Manifest,
  sources: readonly string[],
): void {
  const problems = checkResults(dir);
  if (problems.length > 0)
    throw new Error(`chunks kept: the results do not verify (${problems[0].file}: ${problems[0].why})`);
  // The results' directory is marked too (it may hold no chunks of its own): its chunks are gone on purpose.
  const all = new Map([...sources, dir].map((d) => [resolve(d), d]));
  for (const source of all.values()) removeChunks(source, manifest.chunks, dir);
}

/** Merge `dirs` into `outDir` (default: the first dir); returns the files written. */
export async function mergeSweeps(
  dirs: readonly string[],
  outDir: string = dirs[0],
  options: MergeOptions = {},
): Promise<string[]> {
  if (dirs.length === 0) throw new InputError('DIR', '(none)', 'one or more sweep output directories');
  const manifests = dirs.map((d) => readManifest(d, 'DIR'));
  const first = manifests[0];
  manifests.forEach((m, i) => {
    if (m.hashes.sweep !== first.hashes.sweep) {
      throw new InputError(
        'DIR',
        dirs[i],
        `a shard of the same sweep as ${dirs[0]}; ${differences(first.hashes, m.hashes)}`,
      );
    }
  });
  const binary = h5Only(first.spec);
  if (binary && options.removeChunks)
    throw new InputError('--remove-chunks', 'with --formats h5', REMOVE_CHUNKS_TEXT_ONLY);
  const files = binary ? [] : [join(outDir, RESULTS_CSV), join(outDir, RESULTS_JSONL)];
  // Merged before, chunks removed: nothing to assemble; the results must still verify.
  const removedTo = dirs.map((d) => chunksRemoved(d)).find((r) => r !== undefined);
  if (removedTo !== undefined) {
    // Elsewhere than they went, there are no results to check and nothing to make them from.
    if (resolve(removedTo.results) !== resolve(outDir))
      throw new InputError(
        '--out',
        outDir,
        `${removedTo.results}, where these chunks were merged before they were removed (its results stand for them)`,
      );
    const problems = checkResults(outDir, resultNames(first.spec));
    if (problems.length > 0)
      throw new Error(
        `${problems[0].file}: ${problems[0].why}, and the chunks were removed after the merge: recompute with ndtc sweep --out ${outDir} --resume`,
      );
    return files;
  }
  // Quick pass (records and lengths, a stat per file) so that every missing chunk is named at once;
  // the checksums are verified as the chunks are copied.
  const source: string[] = new Array<string>(first.chunks);
  const damage: ChunkDamage[] = [];
  for (let k = 0; k < first.chunks; k++) source[k] = chunkSource(dirs, k);
  const homeOf = missingChunkHomes(dirs, source);
  for (let k = 0; k < first.chunks; k++) {
    const d = checkChunk(source[k], k, { hash: false });
    // A missing chunk is named in its shard's directory (one holding its shard's other chunks).
    if (d?.why === 'missing') damage.push(checkChunk(homeOf(k), k, { hash: false }) ?? d);
    else if (d) damage.push(d);
  }
  if (damage.length > 0) {
    // Failing anyway: check the others' checksums too, so that one rerun repairs every bad chunk.
    const found = new Set(damage.map((d) => d.k));
    for (let k = 0; k < first.chunks; k++) {
      if (found.has(k)) continue;
      const d = checkChunk(source[k], k, { hash: true });
      if (d) damage.push(d);
    }
    damage.sort((a, b) => a.k - b.k);
    throw new Error(damageLine(damage, first.chunks, ', then merge again'));
  }
  let wroteManifest = false;
  if (existsSync(join(outDir, MANIFEST))) {
    const existing = readManifest(outDir, '--out');
    if (existing.hashes.sweep !== first.hashes.sweep) {
      throw new InputError(
        '--out',
        outDir,
        `it holds a different sweep (${differences(existing.hashes, first.hashes)}): a new directory or one of this sweep`,
      );
    }
  } else {
    makeDirectory(outDir);
    writeFileAtomic(join(outDir, MANIFEST), JSON.stringify(first, null, 1) + '\n');
    wroteManifest = true;
  }
  // Binary chunks make results.h5 alone, which the caller writes (writeNetcdf with these dirs as
  // chunkDirs), verifying every chunk as it reads it.
  if (binary) return files;
  try {
    await assembleResults(first, outDir, (k) => source[k], options.pending);
  } catch (error) {
    // A refused merge leaves no manifest of its own behind: the directory looked like a sweep's.
    if (wroteManifest) rmSync(join(outDir, MANIFEST), { force: true });
    if (error instanceof ChunkDamage) {
      // The copy stops at the first bad checksum; the others are found now, so that one rerun mends all.
      const all: ChunkDamage[] = [];
      for (let k = 0; k < first.chunks; k++) {
        const d = checkChunk(source[k], k);
        if (d) all.push(d);
      }
      throw new Error(damageLine(all.length > 0 ? all : [error], first.chunks, ', then merge again'));
    }
    throw error;
  }
  if (options.removeChunks) removeChunksAfterVerifiedMerge(outDir, first, [...new Set(source)]);
  return files;
}
