/**
 * Sweeps at scale: the 10⁶-point 2-D T_L map (setup 1, T_R × J_in over the paper's ranges) timed whole
 * on 2 worker threads and on 1; the steady-state speed-up of the second worker, measured on warm
 * workers in alternating phases; the speed-up the machine itself allows, from pinned processes; and
 * the merge of 100 shard directories.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
// The compiled package (dist/, built by `npm run bench`), as `npx ndtc sweep` runs it: from the
// TypeScript sources every worker thread would first have to transpile the library.
import { platformDevice } from '../dist/index.js';
import { mergeSweeps } from '../dist/sweep/merge.js';
import { runSweep } from '../dist/sweep/run.js';
import { chunkCount, type SweepSpec } from '../dist/sweep/spec.js';
import type { BenchRow } from './physics.bench.js';
import { linspace, logspace, mapSpec } from './sweep-map.js';

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

/**
 * Steady-state speed-up of the second worker, free of this shared machine's drift (its identical runs
 * can differ by 30 % a minute apart): two warm workers (the sweep's own worker module, computing and
 * writing chunks) take turns between phases where one of them computes a set of chunks alone and
 * phases where both compute the same set together, alternating every ~½ s. Returns the median ratio
 * of the alone/together times over the rounds, and the ratio of their sums.
 */
async function steadyStateSpeedUp(
  spec: SweepSpec,
  out: string,
  rounds: number,
  chunksPerPhase: number,
): Promise<{ median: number; overall: number; ratios: number[] }> {
  const workers = [0, 1].map(
    () => new Worker(new URL('../dist/sweep/worker.js', import.meta.url), { workerData: { spec, out } }),
  );
  const run = (w: Worker, k: number): Promise<void> =>
    new Promise((resolve, reject) => {
      w.once('message', (m: { error?: string }) => (m.error ? reject(new Error(m.error)) : resolve()));
      w.postMessage(k);
    });
  // Chunk indices handed out in order to whichever of `pool` is free, as the sweep's pool does.
  const phase = async (pool: Worker[], chunks: number[]): Promise<number> => {
    const t0 = performance.now();
    let next = 0;
    await Promise.all(
      pool.map(async (w) => {
        while (next < chunks.length) await run(w, chunks[next++]);
      }),
    );
    return performance.now() - t0;
  };
  try {
    const total = chunkCount(spec);
    const set = (r: number): number[] =>
      Array.from({ length: chunksPerPhase }, (_, i) => (r * chunksPerPhase + i) % total);
    // Warm both workers (JIT, tables) on chunks of their own.
    await Promise.all(workers.map((w) => phase([w], set(0))));
    const alone: number[] = [];
    const together: number[] = [];
    for (let r = 1; r <= rounds; r++) {
      // Alternate which phase comes first, so a trend within a round cancels over the rounds.
      if (r % 2) {
        alone.push(await phase([workers[r % 2]], set(r)));
        together.push(await phase(workers, set(r)));
      } else {
        together.push(await phase(workers, set(r)));
        alone.push(await phase([workers[r % 2]], set(r)));
      }
    }
    const ratios = alone.map((a, i) => a / together[i]);
    const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);
    return { median: median(ratios), overall: sum(alone) / sum(together), ratios };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** µs/point of the chunk computation in a child process pinned to `cpu` (undefined if that fails). */
function pinnedPointTime(cpu: number): Promise<number | undefined> {
  const child = new URL('./cpu-speed.ts', import.meta.url).pathname;
  return new Promise((resolve) => {
    execFile('taskset', ['-c', String(cpu), process.execPath, '--import', 'tsx', child], (error, stdout) =>
      resolve(!error && Number(stdout) > 0 ? Number(stdout) : undefined),
    );
  });
}

/**
 * What this machine allows two workers, measured without them: the same chunks computed by processes
 * pinned with `taskset`, on each CPU alone (one at a time) and on all CPUs at once (one process
 * each); medians over the rounds, µs/point. Separate processes share nothing in software, so
 * Σ speed(all at once) / fastest speed(alone) estimates what any parallel code can gain here (pinned,
 * a process's V8 helper threads share its CPU both times). Undefined without taskset.
 */
async function cpuPointTimes(rounds: number): Promise<{ alone: number[]; together: number[] } | undefined> {
  const cpus = Array.from({ length: availableParallelism() }, (_, i) => i);
  const alone: number[][] = cpus.map(() => []);
  const together: number[][] = cpus.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (const cpu of r % 2 ? [...cpus].reverse() : cpus) {
      const t = await pinnedPointTime(cpu);
      if (t === undefined) return undefined;
      alone[cpu].push(t);
    }
    const all = await Promise.all(cpus.map(pinnedPointTime));
    if (all.some((t) => t === undefined)) return undefined;
    all.forEach((t, cpu) => together[cpu].push(t!));
  }
  return { alone: alone.map(median), together: together.map(median) };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function benchSweep(): Promise<{ rows: BenchRow[] }> {
  const root = mkdtempSync(join(tmpdir(), 'ndtc-bench-sweep-'));
  try {
    // Warm-up (tables, JIT) so that every timed run starts alike.
    await runSweep(mapSpec(8, 4), { out: join(root, 'warm'), workers: 2, quiet: true });
    // Wall-clock speed-up means something only on an otherwise idle machine: record the load.
    const load = loadavg()[0];

    const perCpu = await cpuPointTimes(4);
    const steady = await steadyStateSpeedUp(
      { ...mapSpec(1000, 1000), chunkSize: 256 },
      join(root, 'steady'),
      16,
      48,
    );

    // The target itself: the 10⁶-point map (1000 T_R × 1000 J_in), timed whole (start-up, warm-up,
    // assembly) on 2 threads and on 1, in the order 2, 1, 1, 2 so that a linear drift of the machine
    // cancels in the ratio of the sums.
    const points = 1000 * 1000;
    const whole: Record<1 | 2, Measured[]> = { 1: [], 2: [] };
    for (const workers of [2, 1, 1, 2] as const) {
      const out = join(root, `million-${whole[workers].length}-${workers}`);
      // Without results.h5, as before it existed: its cost is measured in its own section (netcdf.bench.ts).
      whole[workers].push(
        await measured(() => runSweep(mapSpec(1000, 1000), { out, workers, quiet: true, netcdf: false })),
      );
      rmSync(out, { recursive: true, force: true });
    }
    const wall = (w: 1 | 2): number => whole[w].reduce((s, m) => s + m.wall, 0) / whole[w].length;
    const cpu = (w: 1 | 2): number => whole[w].reduce((s, m) => s + m.cpu, 0) / whole[w].length;
    const runs = (w: 1 | 2): string => whole[w].map((m) => m.wall.toFixed(1)).join(', ');

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
          name: `10⁶-point T_L map (1000 × 1000, setup 1) on 2 threads, whole run (mean of ${runs(2)} s)`,
          value: wall(2),
          unit: 's',
        },
        {
          name: `  the same on 1 thread (mean of ${runs(1)} s)`,
          value: wall(1),
          unit: 's',
        },
        { name: '  per point, 2 threads', value: (wall(2) * 1e6) / points, unit: 'µs/point' },
        { name: '  per point, 1 thread', value: (wall(1) * 1e6) / points, unit: 'µs/point' },
        {
          name: 'parallel speed-up of the whole 10⁶-point run, 2 threads vs 1 (runs in the order 2, 1, 1, 2)',
          value: wall(1) / wall(2),
          unit: '×',
        },
        // On a busy machine the wall clock cannot show the speed-up; the CPU time shows whether the
        // second thread adds work (ratio 1: none, so on two idle cores the speed-up approaches 2).
        { name: '  CPU time, 2 threads / 1 thread', value: cpu(2) / cpu(1), unit: '×' },
        // The 1-thread run is not one core's work: V8 compiles and collects garbage on helper threads,
        // which then have the second core to themselves. With b cores busy there, two threads can give
        // at most 2/b.
        {
          name: '  cores busy during the 1-thread run (CPU time / wall time: the main thread and V8 helper threads)',
          value: cpu(1) / wall(1),
          unit: '',
        },
        { name: '  cores busy during the 2-thread run', value: cpu(2) / wall(2), unit: '' },
        {
          name: `parallel speed-up in steady state: warm workers, one alone vs both on the same 48 chunks (12 288 points), ${steady.ratios.length} alternating rounds, median`,
          value: steady.median,
          unit: '×',
        },
        {
          name: `  ratio of the summed times (rounds: ${steady.ratios.map((r) => r.toFixed(2)).join(', ')})`,
          value: steady.overall,
          unit: '×',
        },
        ...(perCpu
          ? [
              ...perCpu.alone.map((t, cpu) => ({
                name: `the same chunks in a process pinned to CPU ${cpu} (taskset), the other CPUs idle (median of 4)`,
                value: t,
                unit: 'µs/point',
              })),
              ...perCpu.together.map((t, cpu) => ({
                name: `  … on CPU ${cpu} while every CPU runs such a process`,
                value: t,
                unit: 'µs/point',
              })),
              {
                name: '  the speed-up this machine allows: Σ speed (all CPUs busy) / fastest speed (alone)',
                value: perCpu.together.reduce((sum, t) => sum + 1 / t, 0) * Math.min(...perCpu.alone),
                unit: '×',
              },
            ]
          : []),
        {
          name: `1-minute load average at the start (${availableParallelism()} cores)`,
          value: load,
          unit: '',
        },
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
