/**
 * The cost of every chunk's durable record: a 2048-point chunk of the T_L map (default balance
 * outputs: its binary records, beside the CSV + JSONL the same points make) written plainly (an
 * atomic file, no fsync) and as a sweep does (fsynced, then the record of its length and SHA-256,
 * fsynced), next to the chunk's compute time; and the verification of a chunk (read back and hashed)
 * as `--resume` and `ndtc verify` do.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../dist/io/atomic-write.js';
import { computeChunkBinary } from '../dist/sweep/binary-chunk.js';
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
  computeChunkBinary(spec, 0); // warm-up (compilation)
  const compute = median([1, 1, 1].map(() => ms(() => computeChunkBinary(spec, 1))));
  const { bin } = computeChunkBinary(spec, 1);
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
          writeFileAtomic(`${chunkBase(dir, r)}.bin`, bin, { fsync: false });
        }),
      );
      recorded.push(ms(() => writeChunk(dir, rounds + r, { bin })));
      const t0 = performance.now();
      const durable = writeChunkDeferred(dir, 2 * rounds + r, { bin });
      deferredThread.push(performance.now() - t0);
      await durable;
      deferredDurable.push(performance.now() - t0);
      hashing.push(ms(() => recordOf(bin)));
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
      { name: `chunk of 2048 points: bytes (binary records)`, value: bin.length, unit: 'B' },
      { name: `  the same points as CSV + JSONL text`, value: csv.length + jsonl.length, unit: 'B' },
      { name: 'chunk compute time (T_L map, default outputs)', value: compute, unit: 'ms' },
      { name: 'write chunk plainly (an atomic file, no fsync), median', value: median(plain), unit: 'ms' },
      {
        name: 'write chunk, fsync it, then the SHA-256 record (0 workers), median',
        value: median(recorded),
        unit: 'ms',
      },
      { name: 'of which SHA-256 of the file', value: median(hashing), unit: 'ms' },
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
