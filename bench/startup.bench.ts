/**
 * Start-up: CPU time (all threads) of the built CLI (bin/ndtc.js → dist/) in fresh processes, beside
 * `node -e 0`. `--version` loads commander and the program alone; a command loads its own module, the
 * device-file loader and the library; help loads every command; yaml loads only where a device file is
 * read (its schema is checked by a validator generated at build time, without ajv), the rendering
 * libraries (vega, vega-lite, resvg) only where something is drawn. Medians of 5 runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchRow } from './physics.bench.js';
import { childUsage } from './child-usage.js';

/** CPU seconds (all threads) of `node --import hook args…` run in the repository. */
const cpuSeconds = (args: string[], scratch: string): number => childUsage(args, scratch).cpuSeconds;

/** Median CPU time of `args` over `n` runs. */
function medianCpu(args: string[], scratch: string, n = 5): number {
  const cpu = Array.from({ length: n }, () => cpuSeconds(args, scratch)).sort((a, b) => a - b);
  return cpu[Math.floor(n / 2)];
}

export async function benchStartup(): Promise<{ rows: BenchRow[] }> {
  const scratch = mkdtempSync(join(tmpdir(), 'ndtc-startup-'));
  try {
    const node = medianCpu(['-e', '0'], scratch);
    const version = medianCpu(['bin/ndtc.js', '--version'], scratch);
    const load = (vega: string) =>
      medianCpu(['--input-type=module', '-e', `${vega}; await import('@resvg/resvg-js');`], scratch);
    // As the CLI loads them (vega from the build's one-file bundle), and from the packages' modules.
    const rendering = load("await (await import('./dist/figures/vega.js')).loadVega()");
    const packages = load("await Promise.all([import('vega'), import('vega-lite')])");
    return {
      rows: [
        { name: 'node -e 0 (CPU, median of 5)', value: node, unit: 's' },
        { name: 'ndtc --version (CPU, median of 5)', value: version, unit: 's' },
        { name: 'ndtc --version ÷ node -e 0 (goal ≤ 2)', value: version / node, unit: '' },
        {
          name: 'ndtc resistance --T 500mK (CPU, median of 5)',
          value: medianCpu(['bin/ndtc.js', 'resistance', '--T', '500mK'], scratch),
          unit: 's',
        },
        {
          name: 'ndtc solve --Jin 10fW --TR 100mK (CPU, median of 5)',
          value: medianCpu(['bin/ndtc.js', 'solve', '--Jin', '10fW', '--TR', '100mK'], scratch),
          unit: 's',
        },
        {
          name: '  the same with --device examples/ag.yaml: yaml loaded, the schema checked by its generated validator (CPU, median of 5)',
          value: medianCpu(
            ['bin/ndtc.js', 'solve', '--Jin', '10fW', '--TR', '100mK', '--device', 'examples/ag.yaml'],
            scratch,
          ),
          unit: 's',
        },
        {
          name: 'ndtc --help: every command loaded (CPU, median of 5)',
          value: medianCpu(['bin/ndtc.js', '--help'], scratch),
          unit: 's',
        },
        {
          name: 'loading vega + vega-lite + resvg alone (CPU over node -e 0): paid only by commands that draw',
          value: rendering - node,
          unit: 's',
        },
        {
          name: '  the same with vega and vega-lite from their packages (~90 modules) instead of the bundle',
          value: packages - node,
          unit: 's',
        },
      ],
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
