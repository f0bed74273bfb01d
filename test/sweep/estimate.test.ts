/**
 * The up-front estimate of a sweep (points, CPU, disk) against what a real run writes, and the
 * --max-points refusal, made from the option's counts before any axis exists.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { platformDevice } from '../../src/index.js';
import { DEFAULT_MAX_POINTS } from '../../src/sweep/axes.js';
import { describeEstimate, estimateSweep, formatsHint } from '../../src/sweep/estimate.js';
import { WORKER_PAYOFF_SECONDS, defaultThreads } from '../../src/sweep/pool.js';
import { readManifest } from '../../src/sweep/directory.js';
import type { SweepSpec } from '../../src/sweep/spec.js';
import { freshOutputs, ndtc } from './cli-harness.js';

const fresh = freshOutputs('ndtc-estimate-');

/** Bytes of every file under `dir`. */
function bytesUnder(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    n += e.isDirectory() ? bytesUnder(p) : statSync(p).size;
  }
  return n;
}

/** 12 J_in × 50 T_R: 600 points, a few milliseconds of CPU. */
const MAP_600 = ['--vary', 'Jin=1fW..1pW:12:log', '--vary', 'TR=10mK..800mK:50'];

describe('threads without --workers', () => {
  it('a sweep estimated under WORKER_PAYOFF_SECONDS of CPU runs on the main thread alone; a larger one on every CPU', async () => {
    expect(defaultThreads(0.01, 8)).toBe(1);
    expect(defaultThreads(WORKER_PAYOFF_SECONDS * 0.99, 8)).toBe(1);
    expect(defaultThreads(WORKER_PAYOFF_SECONDS, 8)).toBe(8);
    // Not estimated (a resumed run, a shard): every CPU, as before.
    expect(defaultThreads(undefined, 8)).toBe(8);
    // The CLI takes the estimate it prints: 600 points are far below a second of CPU.
    const r = await ndtc('sweep', ...MAP_600, '--out', fresh(), '--no-plot');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^600 points, .* on 1 worker\), /);
  });
});

describe('estimateSweep', () => {
  it('its fields are positive and consistent, and its disk is within 1.5× of what the run writes', async () => {
    const out = fresh();
    const r = await ndtc(
      'sweep',
      ...MAP_600,
      '--output',
      'T_L,stable,dTL_dTR,J_gamma,n_roots',
      '--out',
      out,
      '--workers',
      '0',
      '--no-plot',
    );
    expect(r.code, r.stderr).toBe(0);
    // The line printed before starting.
    expect(r.stderr).toMatch(
      // ~6 ms of CPU: on a fast moment of the host, "under 0.01 s".
      /^600 points, (~[\d.]+ (s|min|h)|under 0\.01 s) of CPU \((~[\d.]+ (s|min|h)|under 0\.01 s) on 1 worker\), ~[\d.]+ (kB|MB|GB) of disk\n/,
    );
    const spec = readManifest(out, '--out').spec;
    const e = estimateSweep(spec);
    expect(e.points).toBe(12 * 50);
    expect(e.cpuSecondsPerPoint).toBeGreaterThan(0);
    expect(e.cpuSeconds).toBeCloseTo(e.points * e.cpuSecondsPerPoint, 9);
    // What is on disk now: manifest, chunks and their records, results.csv/.jsonl/.h5 and record.
    const written = bytesUnder(out);
    expect(e.diskBytes / written).toBeGreaterThan(1 / 1.5);
    expect(e.diskBytes / written).toBeLessThan(1.5);
  });

  it.each([
    { label: '--formats h5', formats: ['--formats', 'h5'] },
    { label: '--no-h5', formats: ['--no-h5'] },
  ])('at study size its disk is within a tenth of what the run writes ($label)', async ({ formats }) => {
    const out = fresh();
    const r = await ndtc(
      'sweep',
      '--vary',
      'Jin=1fW..1pW:100:log',
      '--vary',
      'TR=10mK..800mK:100',
      '--output',
      'T_L',
      ...formats,
      '--out',
      out,
      '--no-plot',
      '--quiet',
    );
    expect(r.code, r.stderr).toBe(0);
    const e = estimateSweep(readManifest(out, '--out').spec);
    expect(e.diskBytes / bytesUnder(out)).toBeGreaterThan(0.9);
    expect(e.diskBytes / bytesUnder(out)).toBeLessThan(1.1);
  });

  it('the disk estimate follows the outputs: more outputs, more bytes per point', () => {
    const base = {
      device: platformDevice('ag'),
      fixed: { setup: 1 as const, J_in: 1e-13 },
      axes: [{ name: 'T_R', values: Array.from({ length: 200 }, (_, i) => 0.01 + i * 0.004), log: false }],
      mode: 'balance' as const,
      TRrange: [0.01, 0.8] as [number, number],
      chunkSize: 16,
    };
    const one = estimateSweep({ ...base, outputs: ['T_L'] });
    const four = estimateSweep({ ...base, outputs: ['T_L', 'dTL_dTR', 'J_gamma', 'kappa_gamma'] });
    expect(one.points).toBe(200);
    expect(four.diskBytes).toBeGreaterThan(1.5 * one.diskBytes);
  });

  it('describeEstimate chooses units by size', () => {
    const line = describeEstimate(
      { points: 1e8, cpuSecondsPerPoint: 3e-5, cpuSeconds: 3000, diskBytes: 2.5e10 },
      4,
    );
    expect(line).toBe('100000000 points, ~50 min of CPU (~13 min on 4 workers), ~25 GB of disk');
    const tiny = describeEstimate(
      { points: 20, cpuSecondsPerPoint: 3e-6, cpuSeconds: 6e-5, diskBytes: 4000 },
      2,
    );
    expect(tiny).toBe('20 points, under 0.01 s of CPU (under 0.01 s on 2 workers), ~4 kB of disk');
  });
});

describe('--max-points', () => {
  it(`refuses a grid above it (default ${DEFAULT_MAX_POINTS}) from the counts alone, in one line`, async () => {
    const before = process.memoryUsage().heapUsed;
    // 10⁷ × 10⁷ × 10⁷: making even one of these axes would take 80 MB.
    const r = await ndtc(
      'sweep',
      '--vary',
      'Jin=1fW..1pW:10000000:log',
      '--vary',
      'TR=10mK..800mK:10000000',
      '--vary',
      'chi=0.5..10:10000000',
      '--out',
      fresh(),
    );
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(40e6);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^ndtc sweep: --vary: invalid value '.*1.00e\+21 points': at most 100000000 points \(--max-points\)/,
    );
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a lower --max-points refuses a smaller grid; the limit itself is accepted', async () => {
    const refused = await ndtc(
      'sweep',
      '--vary',
      'TR=10mK..800mK:11',
      '--Jin',
      '100fW',
      '--max-points',
      '10',
      '--out',
      fresh(),
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      "ndtc sweep: --vary: invalid value 'T_R 11 = 11 points': at most 10 points (--max-points); split the study or raise --max-points\n",
    );
    const ok = await ndtc(
      'sweep',
      '--vary',
      'TR=10mK..800mK:10',
      '--Jin',
      '100fW',
      '--max-points',
      '10',
      '--out',
      fresh(),
      '--workers',
      '0',
      '--quiet',
      '--no-plot',
      '--no-h5',
    );
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toBe(''); // --quiet: no estimate line either
  });

  it.each([['0'], ['1.5'], ['-5'], ['ten'], ['1e-3']])(
    '--max-points %s → exit 2 naming it',
    async (value) => {
      const r = await ndtc(
        'sweep',
        '--vary',
        'TR=10mK..800mK:10',
        '--Jin',
        '100fW',
        '--max-points',
        value,
        '--out',
        fresh(),
      );
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `ndtc sweep: --max-points: invalid value '${value}': an integer ≥ 1, e.g. 2 or 1e6\n`,
      );
    },
  );

  it('points a text sweep of 10⁶ points or more to --formats h5, and no other', () => {
    const map = (n: number, formats?: 'h5'): SweepSpec => ({
      device: platformDevice('ag'),
      fixed: { setup: 1 },
      axes: [
        { name: 'J_in', values: Array.from({ length: n }, (_, i) => 1e-15 * (i + 1)), log: true },
        { name: 'T_R', values: Array.from({ length: 1000 }, (_, i) => 0.01 + 0.0005 * i), log: false },
      ],
      outputs: ['T_L'],
      mode: 'balance',
      TRrange: [0.01, 0.8],
      chunkSize: 2048,
      ...(formats && { formats }),
    });
    expect(formatsHint(map(1000))).toMatch(/^at this size --formats h5 .* a fifth of the disk/);
    expect(formatsHint(map(999))).toBeUndefined();
    expect(formatsHint(map(1000, 'h5'))).toBeUndefined();
  });
});
