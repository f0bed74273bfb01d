/**
 * Sweeps at scale: a 2-D T_L map (setup 1) on 1 and 2 worker threads, extrapolated to 10⁶ points,
 * and the merge of 100 shard directories. Sizes are kept small enough for a shared machine; the
 * extrapolation assumes the per-point cost is the same over the whole map (it is a T_R × J_in grid
 * over the paper's ranges, so the sample covers the map's regions).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { platformDevice } from '../src/index.js';
import { mergeSweeps } from '../src/sweep/merge.js';
import { runSweep } from '../src/sweep/run.js';
import { defaultChunkSize, type Axis, type SweepSpec } from '../src/sweep/spec.js';
import type { BenchRow } from './physics.bench.js';

const linspace = (a: number, b: number, n: number): number[] =>
  Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
const logspace = (a: number, b: number, n: number): number[] =>
  linspace(Math.log(a), Math.log(b), n).map(Math.exp);

function mapSpec(nTR: number, nJin: number): SweepSpec {
  const axes: Axis[] = [
    { name: 'J_in', values: logspace(1e-15, 1e-12, nJin), log: true },
    { name: 'T_R', values: linspace(0.01, 0.8, nTR), log: false },
  ];
  return {
    device: platformDevice('ag'),
    fixed: { setup: 1 },
    axes,
    outputs: ['T_L', 'dTL_dTR'],
    mode: 'balance',
    TRrange: [0.01, 0.8],
    chunkSize: defaultChunkSize(nTR * nJin),
  };
}

async function timed(f: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await f();
  return (performance.now() - t0) / 1000;
}

export async function benchSweep(): Promise<{ rows: BenchRow[] }> {
  const root = mkdtempSync(join(tmpdir(), 'ndtc-bench-sweep-'));
  try {
    const spec = mapSpec(60, 40);
    const points = 60 * 40;
    // Warm-up (tables, JIT) so that both timed runs start alike.
    await runSweep(mapSpec(8, 4), { out: join(root, 'warm'), workers: 2, quiet: true });
    // Wall-clock speed-up means something only on an otherwise idle machine: record the load.
    const load = loadavg()[0];
    const t1 = await timed(() => runSweep(spec, { out: join(root, 'w1'), workers: 1, quiet: true }));
    const t2 = await timed(() => runSweep(spec, { out: join(root, 'w2'), workers: 2, quiet: true }));

    // 100 shards of a cheap sweep (J_γ at a given T_L), each in its own directory, then one merge.
    const shardSpec: SweepSpec = {
      device: platformDevice('ag'),
      fixed: { setup: 1, T_L: 0.5 },
      axes: [
        { name: 'chi', values: logspace(0.5, 10, 100), log: true },
        { name: 'T_R', values: linspace(0.01, 0.49, 1000), log: false },
      ],
      outputs: ['J_gamma', 'kappa_gamma'],
      mode: 'direct',
      TRrange: [0.01, 0.8],
      chunkSize: 1000,
    };
    const dirs = Array.from({ length: 100 }, (_, i) => join(root, `shard-${i}`));
    for (let i = 0; i < 100; i++) {
      await runSweep(shardSpec, { out: dirs[i], workers: 0, quiet: true, shard: { index: i, count: 100 } });
    }
    const tMerge = await timed(async () => mergeSweeps(dirs, join(root, 'merged')));

    return {
      rows: [
        {
          name: `T_L map, setup 1, ${points} points, 1 worker`,
          value: (t1 * 1e6) / points,
          unit: 'µs/point',
        },
        {
          name: `T_L map, setup 1, ${points} points, 2 workers`,
          value: (t2 * 1e6) / points,
          unit: 'µs/point',
        },
        { name: 'parallel speed-up, 2 workers vs 1', value: t1 / t2, unit: '×' },
        {
          name: `1-minute load average at the start (${availableParallelism()} cores)`,
          value: load,
          unit: '',
        },
        { name: '10⁶-point T_L map on 2 workers (extrapolated)', value: (t2 / points) * 1e6, unit: 's' },
        { name: 'merge of 100 shard directories (10⁵ points, CSV + JSONL)', value: tMerge, unit: 's' },
      ],
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of (await benchSweep()).rows) console.log(`${r.name}: ${r.value.toPrecision(3)} ${r.unit}`);
}
