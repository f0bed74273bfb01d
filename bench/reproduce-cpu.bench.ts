/**
 * CPU time (all threads) of `ndtc reproduce` in fresh processes of the built CLI (bin/ndtc.js →
 * dist/), the goal being ≤ 1 s: the whole command, and its stages (reproduce-stages.mjs) as the
 * renderer works now beside how it worked before (every line clipped, resvg's PNG encoder).
 * Medians of 3 runs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './physics.bench.js';
import { childUsage } from './child-usage.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const stagesScript = fileURLToPath(new URL('./reproduce-stages.mjs', import.meta.url));

type Stages = Record<'start' | 'compute' | 'vega' | 'resvg' | 'png', number>;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * CPU seconds of one `ndtc reproduce --quiet` into a scratch directory; `v8Defaults`: with V8's
 * default tiering (NDTC_V8_DEFAULTS=1, src/cli/compiler-tuning.ts) instead of the command's own.
 */
const commandCpu = (scratch: string, run: string, v8Defaults = false): number =>
  childUsage(['bin/ndtc.js', 'reproduce', '--quiet', '--out', join(scratch, `out-${run}`)], scratch, {
    env: { NDTC_V8_DEFAULTS: v8Defaults ? '1' : '0' },
  }).cpuSeconds;

const sum = (s: Stages): number => Object.values(s).reduce((a, b) => a + b, 0);

function stages(mode: 'now' | 'before'): Stages {
  const runs = [0, 1, 2].map(
    () =>
      JSON.parse(
        execFileSync(process.execPath, [stagesScript, mode], { cwd: root, encoding: 'utf8' }),
      ) as Stages,
  );
  const keys = Object.keys(runs[0]) as (keyof Stages)[];
  return Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k])) / 1000])) as Stages;
}

export async function benchReproduceCpu(): Promise<{ rows: BenchRow[] }> {
  const scratch = mkdtempSync(join(tmpdir(), 'ndtc-reproduce-cpu-'));
  try {
    // Alternating, so that both see the same host.
    const tuned: number[] = [];
    const defaults: number[] = [];
    for (const run of [0, 1, 2]) {
      tuned.push(commandCpu(scratch, `tuned-${run}`));
      defaults.push(commandCpu(scratch, `defaults-${run}`, true));
    }
    const rows: BenchRow[] = [
      { name: 'ndtc reproduce, whole command (CPU, goal ≤ 1 s)', value: median(tuned), unit: 's' },
      {
        name: "  the same with V8's default tiering (NDTC_V8_DEFAULTS=1), run alternately",
        value: median(defaults),
        unit: 's',
      },
      {
        name: '  ratio ndtc reproduce / with V8 defaults',
        value: median(tuned) / median(defaults),
        unit: '×',
      },
    ];
    const now = stages('now');
    const before = stages('before');
    const label: Record<keyof Stages, string> = {
      start: 'node, library, vega, vega-lite and resvg loaded',
      compute: 'panels and claims computed',
      vega: 'vega-lite → vega → SVG, 15 panels',
      resvg: 'resvg: text laid out with the bundled fonts, rasterised at 2×',
      png: 'PNG encoding',
    };
    for (const k of Object.keys(label) as (keyof Stages)[]) {
      rows.push({ name: `${label[k]} (before)`, value: before[k], unit: 's' });
      rows.push({ name: `${label[k]} (now)`, value: now[k], unit: 's' });
    }
    rows.push(
      { name: 'the five stages (before)', value: sum(before), unit: 's' },
      { name: 'the five stages (now)', value: sum(now), unit: 's' },
    );
    return { rows };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
