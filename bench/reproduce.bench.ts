/**
 * Timing of `ndtc reproduce`: the panel and claim computation alone, the whole command in-process
 * (computation, rendering, files), and the fast library paths against the direct-quadrature reference
 * paths on the same workload (panels 1c and 2a).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  photonicHeatCurrent,
  photonicHeatCurrentDirect,
  platformDevice,
  resistanceRatio,
  resistanceRatioDirect,
  withChi,
  PAPER_DEFAULTS,
  type Setup,
} from '../src/index.js';
import { evaluateClaims } from '../src/figures/claims.js';
import { JIN_RANGE, PLATFORMS, Study, TR_RANGE } from '../src/figures/study.js';
import { linspace } from '../src/figures/grid.js';
import { computePanel, PANEL_IDS, PHOTONIC_PANEL, RESISTANCE_PANEL } from '../src/figures/panels.js';
import { computeReproduction, reproduce } from '../src/figures/reproduce.js';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
}

function time(f: () => void): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

/** Panel 1c's and 2a's curves with the given implementations (the same points as the figures). */
function curveWorkload(ratio: typeof resistanceRatio, current: typeof photonicHeatCurrent): () => void {
  const { from, to, points, gammas } = RESISTANCE_PANEL;
  const Tc = PAPER_DEFAULTS.Tc;
  const t = linspace(from, to, points);
  const { TL, TRmin, chis } = PHOTONIC_PANEL;
  const TR = linspace(TRmin, TL, PHOTONIC_PANEL.points);
  return () => {
    let sink = 0;
    for (const gamma of gammas) for (const x of t) sink += ratio(x * Tc, { Tc, gamma });
    for (const chi of chis) {
      const device = withChi(platformDevice('ag'), chi);
      for (const tr of TR) sink += current(device, TL, tr);
    }
    if (!Number.isFinite(sink)) throw new Error('non-finite result in the benchmark workload');
  };
}

export async function benchReproduce(): Promise<{ rows: BenchRow[] }> {
  const rows: BenchRow[] = [];
  // First run includes one-time table construction inside the library; the second is the steady cost.
  rows.push({ name: 'system load average (1 min) at the start', value: loadavg()[0], unit: '' });
  // As the command runs it: a fresh process (nothing compiled or cached yet), median of 3.
  const fresh = [0, 1, 2]
    .map(
      () =>
        JSON.parse(
          execFileSync(
            process.execPath,
            ['--import', 'tsx', fileURLToPath(new URL('./reproduce-fresh.ts', import.meta.url))],
            {
              encoding: 'utf8',
            },
          ),
        ) as { panelsMs: number; claimsMs: number },
    )
    .sort((a, b) => a.panelsMs + a.claimsMs - b.panelsMs - b.claimsMs)[1];
  rows.push({ name: 'reproduce in a fresh process: the 15 panels', value: fresh.panelsMs, unit: 'ms' });
  rows.push({
    name: 'reproduce in a fresh process: then the eight claims',
    value: fresh.claimsMs,
    unit: 'ms',
  });
  const cold = time(() => computeReproduction());
  const warm = time(() => computeReproduction());
  rows.push({ name: 'reproduce: all panels + claims, first run in this process', value: cold, unit: 'ms' });
  rows.push({ name: 'reproduce: all panels + claims, repeated', value: warm, unit: 'ms' });

  // where the time goes (warm library, fresh cache of results)
  const study = new Study();
  rows.push({
    name: `  δT sweeps: 4 × ${JIN_RANGE.points} temperatureDrop`,
    value: time(() => PLATFORMS.forEach((p) => [1, 2].forEach((s) => study.dropSweep(p, s as Setup)))),
    unit: 'ms',
  });
  rows.push({
    name: `  response curves: 12 × ${TR_RANGE.points} solveBalance + 12 temperatureDrop`,
    value: time(() => PLATFORMS.forEach((p) => [1, 2].forEach((s) => study.responseCurves(p, s as Setup)))),
    unit: 'ms',
  });
  rows.push({
    name: '  the 15 panels from those results',
    value: time(() => PANEL_IDS.forEach((id) => computePanel(id, study))),
    unit: 'ms',
  });
  rows.push({
    name: '  the eight claims from those results',
    value: time(() => evaluateClaims(study)),
    unit: 'ms',
  });

  const out = mkdtempSync(join(tmpdir(), 'ndtc-bench-'));
  try {
    const t0 = performance.now();
    await reproduce({ out: join(out, 'ndtc-out'), quiet: true });
    rows.push({
      name: 'reproduce: whole command in-process (compute, render, write)',
      value: performance.now() - t0,
      unit: 'ms',
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }

  const fast = curveWorkload(resistanceRatio, photonicHeatCurrent);
  const direct = curveWorkload(resistanceRatioDirect, photonicHeatCurrentDirect);
  fast();
  const tFast = time(fast);
  const tDirect = time(direct);
  rows.push({ name: 'panels 1c + 2a curves, fast paths', value: tFast, unit: 'ms' });
  rows.push({ name: 'panels 1c + 2a curves, direct quadrature', value: tDirect, unit: 'ms' });
  rows.push({ name: 'panels 1c + 2a curves, direct / fast', value: tDirect / tFast, unit: '×' });
  return { rows };
}
