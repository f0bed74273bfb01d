/**
 * The cost of every chunk's durable record: a 2048-point chunk of the T_L map (default balance
 * outputs, ≈ 0.5 MB of CSV + JSONL) written as before (two atomic files, no fsync) and as now (each
 * file fsynced, then the record of their lengths and SHA-256, fsynced), next to the chunk's compute
 * time; and the verification of a chunk (read back and hashed) as `--resume` and `ndtc verify` do.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../dist/io/atomic-write.js';
import { computeChunk } from '../dist/sweep/chunk.js';
import { chunkBase, writeChunk, writeChunkDeferred } from '../dist/sweep/directory.js';
import { recordOf } from '../dist/sweep/record.js';
import { checkChunk } from '../dist/sweep/verify.js';
import type { BenchRow } from './physics.bench.js';
import { mapSpec } from './sweep-map.js';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function ms(f: () => void): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

export async function benchVerify(): Promise<{ rows: BenchRow[] }> {
  const spec = { ...mapSpec(64, 64), outputs: ['T_L', 'stable', 'dTL_dTR', 'J_gamma'], chunkSize: 2048 };
  computeChunk(spec, 0); // warm-up (compilation)
  const compute = median([1, 1, 1].map(() => ms(() => computeChunk(spec, 1))));
  const { csv, jsonl } = computeChunk(spec, 1);
  const dir = mkdtempSync(join(tmpdir(), 'ndtc-bench-verify-'));
  const rounds = 15;
  const plain: number[] = [];
  const recorded: number[] = [];
  const deferredThread: number[] = [];
  const deferredDurable: number[] = [];
  const hashing: number[] = [];
  const verifying: number[] = [];
  try {
    // Alternate the two ways so that a drift of the shared machine affects both alike.
    for (let r = 0; r < rounds; r++) {
      plain.push(
        ms(() => {
          writeFileAtomic(`${chunkBase(dir, r)}.csv`, csv, { fsync: false });
          writeFileAtomic(`${chunkBase(dir, r)}.jsonl`, jsonl, { fsync: false });
        }),
      );
      recorded.push(ms(() => writeChunk(dir, rounds + r, { csv, jsonl })));
      const t0 = performance.now();
      const durable = writeChunkDeferred(dir, 2 * rounds + r, { csv, jsonl });
      deferredThread.push(performance.now() - t0);
      await durable;
      deferredDurable.push(performance.now() - t0);
      hashing.push(ms(() => (recordOf(csv), recordOf(jsonl))));
      verifying.push(
        ms(() => {
          if (checkChunk(dir, rounds + r) !== undefined)
            throw new Error('a chunk just written fails to verify');
        }),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const extra = median(deferredThread) - median(plain);
  return {
    rows: [
      { name: `chunk of 2048 points: bytes (CSV + JSONL)`, value: csv.length + jsonl.length, unit: 'B' },
      { name: 'chunk compute time (T_L map, default outputs)', value: compute, unit: 'ms' },
      { name: 'write chunk as before (2 atomic files, no fsync), median', value: median(plain), unit: 'ms' },
      {
        name: 'write chunk, fsync each file, then the SHA-256 record (0 workers), median',
        value: median(recorded),
        unit: 'ms',
      },
      { name: 'of which SHA-256 of both files', value: median(hashing), unit: 'ms' },
      {
        name: 'worker thread: writes + SHA-256, fsyncs and record deferred, median',
        value: median(deferredThread),
        unit: 'ms',
      },
      {
        name: 'worker thread: until the record is durable, median',
        value: median(deferredDurable),
        unit: 'ms',
      },
      {
        name: 'added worker-thread time of the record / chunk compute time',
        value: (100 * extra) / compute,
        unit: '%',
      },
      { name: 'verify a chunk (read back + SHA-256), median', value: median(verifying), unit: 'ms' },
    ],
  };
}
