/**
 * Scale, each step a child process of the built CLI (bin/ndtc.js → dist/) so that its peak RSS is its
 * own: a 10⁷-point sweep, its merge, its plot and its results.h5, with wall time, peak RSS and disk;
 * merge + plot of 10⁶ points. Start-up is in startup.bench.ts.
 *
 * The 10⁷-point study is the photonic map J_γ, κ_γ over T_L × T_R (2500 × 4000, T_L given: no heat
 * balance), the cheapest realistic output set: what is measured is the pipeline (chunks, assembly,
 * plot), not the physics, whose cost per point the sweep bench measures.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchRow } from './physics.bench.js';
import { childUsage, type Usage } from './child-usage.js';

/** Runs `node [--import hook] args…` in the repository, lowered in priority; its wall, peak RSS and CPU. */
const child = (args: string[], scratch: string): Usage => childUsage(args, scratch, { nice: true });

function bytesUnder(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.size;
  return readdirSync(path).reduce((n, name) => n + bytesUnder(join(path, name)), 0);
}

const MB = 2 ** 20;

/** Rows of one step: wall, peak RSS, CPU. */
function stepRows(label: string, u: Usage): BenchRow[] {
  return [
    { name: `${label}: wall time`, value: u.wall, unit: 's' },
    { name: `${label}: peak RSS`, value: u.maxRSS / MB, unit: 'MiB' },
    { name: `${label}: CPU time (all threads)`, value: u.cpuSeconds, unit: 's' },
  ];
}

/** A sweep of `nTL × nTR` points, then merge, plot and results.h5 as separate children. */
function pipeline(label: string, nTL: number, nTR: number, scratch: string, withH5: boolean): BenchRow[] {
  const out = join(scratch, `study-${nTL}x${nTR}`);
  const rows: BenchRow[] = [];
  const sweep = child(
    [
      'bin/ndtc.js',
      'sweep',
      '--vary',
      `TL=10mK..1.1K:${nTL}`,
      '--vary',
      `TR=10mK..1.1K:${nTR}`,
      '--output',
      'J_gamma,kappa_gamma',
      '--out',
      out,
      '--quiet',
      '--no-plot',
      '--no-h5',
    ],
    scratch,
  );
  rows.push(...stepRows(`${label} sweep (2 threads, chunks + results.csv/.jsonl)`, sweep));
  const chunks = bytesUnder(join(out, 'chunks'));
  const results = bytesUnder(join(out, 'results.csv')) + bytesUnder(join(out, 'results.jsonl'));
  const merge = child(['bin/ndtc.js', 'merge', out, '--no-plot', '--no-h5'], scratch);
  rows.push(...stepRows(`${label} merge (verify + assemble)`, merge));
  const plot = child(
    [
      '--input-type=module',
      '-e',
      `import { plotSweep } from './dist/sweep/plot.js'; await plotSweep(${JSON.stringify(out)});`,
    ],
    scratch,
  );
  rows.push(...stepRows(`${label} plot (heat map from the chunks' binary records)`, plot));
  rows.push(
    { name: `${label}: chunks on disk`, value: chunks / MB, unit: 'MiB' },
    { name: `${label}: results.csv + results.jsonl`, value: results / MB, unit: 'MiB' },
  );
  if (withH5) {
    const h5 = child(
      [
        '--input-type=module',
        '-e',
        `import { writeNetcdf } from './dist/sweep/netcdf.js'; import { readManifest } from './dist/sweep/directory.js'; ` +
          `await writeNetcdf(readManifest(${JSON.stringify(out)}, '--out'), ${JSON.stringify(out)});`,
      ],
      scratch,
    );
    rows.push(...stepRows(`${label} results.h5`, h5));
    rows.push({ name: `${label}: results.h5`, value: bytesUnder(join(out, 'results.h5')) / MB, unit: 'MiB' });
  }
  rmSync(out, { recursive: true, force: true });
  return rows;
}

export async function benchScale(): Promise<{ rows: BenchRow[] }> {
  const scratch = mkdtempSync(join(tmpdir(), 'ndtc-scale-'));
  const rows: BenchRow[] = [];
  try {
    rows.push(...pipeline('10⁶ points', 1000, 1000, scratch, false));
    rows.push(...pipeline('10⁷ points', 2500, 4000, scratch, process.env.NDTC_BENCH_H5 !== '0'));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return { rows };
}
