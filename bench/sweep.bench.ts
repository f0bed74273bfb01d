/**
 * Sweeps at scale: a 2-D T_L map (setup 1) on 1 and 2 worker threads (160 000 points: each new worker
 * spends its first ~0.3 s compiling the physics, which on a few-second map would hide the per-point
 * throughput the 10⁶-point target is about); a whole 10⁶-point map on 2 workers; and the merge of 100
 * shard directories. The maps are T_R × J_in grids over the paper's ranges.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
// The compiled package (dist/, built by `npm run bench`), as `npx ndtc sweep` runs it: from the
// TypeScript sources every worker thread would first have to transpile the library.
import { platformDevice } from '../dist/index.js';
import { mergeSweeps } from '../dist/sweep/merge.js';
import { runSweep } from '../dist/sweep/run.js';
import { defaultChunkSize, type Axis, type SweepSpec } from '../dist/sweep/spec.js';
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
  return (await measured(f)).wall;
}

interface Measured {
  wall: number;
  cpu: number;
}

/** Wall time and the process's CPU time (all threads), s. */
async function measured(f: () => Promise<unknown>): Promise<Measured> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await f();
  const c = process.cpuUsage(c0);
  return { wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

export async function benchSweep(): Promise<{ rows: BenchRow[] }> {
  const root = mkdtempSync(join(tmpdir(), 'ndtc-bench-sweep-'));
  try {
    const spec = mapSpec(400, 400);
    const points = 400 * 400;
    // Warm-up (tables, JIT) so that both timed runs start alike.
    await runSweep(mapSpec(8, 4), { out: join(root, 'warm'), workers: 2, quiet: true });
    // Wall-clock speed-up means something only on an otherwise idle machine: record the load.
    const load = loadavg()[0];
    // Three rounds of a 1-worker run followed at once by a 2-worker run; the speed-up of each round,
    // and their median. Back-to-back pairs cancel the slow drift of this shared virtual machine, whose
    // identical runs can differ by 20 % a minute apart.
    const rounds: { one: Measured; two: Measured }[] = [];
    for (const round of [0, 1, 2]) {
      const run = async (workers: number): Promise<Measured> => {
        const out = join(root, `w${workers}-${round}`);
        const m = await measured(() => runSweep(spec, { out, workers, quiet: true }));
        rmSync(out, { recursive: true, force: true });
        return m;
      };
      rounds.push({ one: await run(1), two: await run(2) });
    }
    const ratios = rounds.map((r) => r.one.wall / r.two.wall);
    const middle = rounds[ratios.indexOf([...ratios].sort((a, b) => a - b)[1])];
    const [m1, m2] = [middle.one, middle.two];
    const [t1, t2] = [m1.wall, m2.wall];
    // The target itself: a 10⁶-point map (1000 T_R × 1000 J_in) on both cores, timed whole.
    const tMillion = await timed(() =>
      runSweep(mapSpec(1000, 1000), { out: join(root, 'million'), workers: 2, quiet: true }),
    );

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
        {
          name: 'parallel speed-up, 2 workers vs 1 (wall clock, median of three back-to-back pairs)',
          value: t1 / t2,
          unit: '×',
        },
        {
          name: `  the three pairs: ${ratios.map((r) => r.toFixed(2)).join(', ')} (1 worker ${rounds.map((r) => r.one.wall.toFixed(1)).join(', ')} s; 2 workers ${rounds.map((r) => r.two.wall.toFixed(1)).join(', ')} s)`,
          value: Math.min(...ratios),
          unit: '× (lowest)',
        },
        // On a busy machine the wall clock cannot show the speed-up; the CPU time shows whether the
        // second worker adds work (ratio 1: none, so on two idle cores the speed-up approaches 2).
        { name: 'CPU time, 2 workers / 1 worker', value: m2.cpu / m1.cpu, unit: '×' },
        {
          name: `1-minute load average at the start (${availableParallelism()} cores)`,
          value: load,
          unit: '',
        },
        { name: '10⁶-point T_L map (1000 × 1000) on 2 workers, whole run', value: tMillion, unit: 's' },
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
