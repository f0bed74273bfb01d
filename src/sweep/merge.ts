/** Combine the chunk files of one sweep spread over shard directories into the assembled results. */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../index.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import {
  MANIFEST,
  RESULTS_CSV,
  RESULTS_JSONL,
  assembleResults,
  chunkDone,
  differences,
  readManifest,
} from './directory.js';

/** Ranges `a..b` of the missing chunk numbers, for the message. */
function ranges(ks: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < ks.length;) {
    let j = i;
    while (j + 1 < ks.length && ks[j + 1] === ks[j] + 1) j++;
    out.push(ks[i] === ks[j] ? `${ks[i]}` : `${ks[i]}..${ks[j]}`);
    i = j + 1;
  }
  return out.slice(0, 10).join(', ') + (out.length > 10 ? ', …' : '');
}

/** Merge `dirs` into `outDir` (default: the first dir); returns the files written. */
export function mergeSweeps(dirs: readonly string[], outDir: string = dirs[0]): string[] {
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
  const source: string[] = new Array<string>(first.chunks);
  const missing: number[] = [];
  for (let k = 0; k < first.chunks; k++) {
    const dir = dirs.find((d) => chunkDone(d, k));
    if (dir === undefined) missing.push(k);
    else source[k] = dir;
  }
  if (missing.length > 0) {
    throw new Error(
      `${missing.length} of ${first.chunks} chunks are missing (${ranges(missing)}): run the shards that hold them (ndtc sweep --out DIR --resume --shard i/N), then merge again`,
    );
  }
  if (existsSync(join(outDir, MANIFEST))) {
    const existing = readManifest(outDir, '--out');
    if (existing.hashes.sweep !== first.hashes.sweep) {
      throw new InputError(
        '--out',
        outDir,
        `a new directory or one of this sweep; it holds a different sweep (${differences(existing.hashes, first.hashes)})`,
      );
    }
  } else {
    mkdirSync(outDir, { recursive: true });
    writeFileAtomic(join(outDir, MANIFEST), JSON.stringify(first, null, 1) + '\n');
  }
  assembleResults(first, outDir, (k) => source[k]);
  return [join(outDir, RESULTS_CSV), join(outDir, RESULTS_JSONL)];
}
