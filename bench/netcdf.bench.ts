/**
 * results.h5 at scale: the 10⁶-point T_L map (bench/sweep-map.ts) computed in 2 shards, then
 * `ndtc merge` with and without results.h5, and results.h5 written alone from the merged
 * results.jsonl — each in a process of its own, so that its peak RSS is that step's alone.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSweep } from '../dist/sweep/run.js';
import type { BenchRow } from './physics.bench.js';
import { mapSpec } from './sweep-map.js';

interface Step {
  wall: number;
  /** CPU time of the process (user + system, all threads), s. */
  cpu: number;
  /** Peak resident set size of the process, MB. */
  rss: number;
}

/** Run an ES module body in a fresh Node (the compiled package): its wall and CPU time and peak RSS. */
function step(body: string): Step {
  const script = `
    const t0 = performance.now();
    ${body}
    const { userCPUTime, systemCPUTime, maxRSS } = process.resourceUsage();
    process.stdout.write(JSON.stringify({ wall: (performance.now() - t0) / 1000, cpu: (userCPUTime + systemCPUTime) / 1e6, rss: maxRSS / 1024 }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: new URL('..', import.meta.url).pathname,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out) as Step;
}

const merge = (out: string, shards: string[], extra: string[]): Step =>
  step(`
    const { main } = await import('./dist/cli/main.js');
    const code = await main(${JSON.stringify(['merge', '--no-plot', ...extra, '--out', out, ...shards])}, { stdout: () => {}, stderr: (s) => process.stderr.write(s) });
    if (code !== 0) throw new Error('ndtc merge exited with ' + code);`);

export async function benchNetcdf(): Promise<{ rows: BenchRow[] }> {
  const root = mkdtempSync(join(tmpdir(), 'ndtc-bench-netcdf-'));
  try {
    const points = 1000 * 1000;
    const spec = mapSpec(1000, 1000);
    const shards = [0, 1].map((i) => join(root, `shard-${i}`));
    for (const [i, out] of shards.entries())
      await runSweep(spec, { out, workers: 2, quiet: true, shard: { index: i, count: 2 } });
    const plain = merge(join(root, 'merged-no-h5'), shards, ['--no-h5']);
    const merged = join(root, 'merged');
    const withH5 = merge(merged, shards, []);
    const alone = step(`
      const { readManifest } = await import('./dist/sweep/directory.js');
      const { writeNetcdf } = await import('./dist/sweep/netcdf.js');
      await writeNetcdf(readManifest(${JSON.stringify(merged)}, 'DIR'), ${JSON.stringify(merged)});`);
    const size = (file: string): number => statSync(join(merged, file)).size / 1e6;
    return {
      rows: [
        {
          name: '`ndtc merge` of the 10⁶-point map from 2 shards, with results.h5: wall',
          value: withH5.wall,
          unit: 's',
        },
        { name: '  CPU time', value: withH5.cpu, unit: 's' },
        { name: '  peak RSS of the merge process', value: withH5.rss, unit: 'MB' },
        { name: '  the same merge with --no-h5: wall', value: plain.wall, unit: 's' },
        { name: '  CPU time with --no-h5', value: plain.cpu, unit: 's' },
        { name: '  peak RSS with --no-h5', value: plain.rss, unit: 'MB' },
        {
          name: 'results.h5 alone from the merged results.jsonl (two streaming passes), module loading included: wall',
          value: alone.wall,
          unit: 's',
        },
        { name: '  CPU time', value: alone.cpu, unit: 's' },
        { name: '  CPU time per point', value: (alone.cpu * 1e6) / points, unit: 'µs/point' },
        { name: '  peak RSS', value: alone.rss, unit: 'MB' },
        { name: '  results.h5 size', value: size('results.h5'), unit: 'MB' },
        { name: '  results.csv size', value: size('results.csv'), unit: 'MB' },
        { name: '  results.jsonl size', value: size('results.jsonl'), unit: 'MB' },
      ],
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
