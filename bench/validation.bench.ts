/**
 * Cost of the argument checks at the public boundary (src/api/): each hot function called through
 * src/index.ts (checked) and from src/physics/ (unchecked) on the same inputs, in many short adjacent
 * pairs of rounds; the overhead is the median of the pairs' ratios (the ratio of the fastest rounds,
 * tried first, moved by ±10 % from run to run on a loaded machine).
 */
import * as checked from '../src/index.js';
import { solveBalance as solveBalanceUnchecked } from '../src/physics/balance.js';
import { platformDevice } from '../src/physics/device.js';
import { phononHeatSuperconductor as phononUnchecked } from '../src/physics/electron-phonon.js';
import { photonicHeatCurrent as photonicUnchecked } from '../src/physics/photonic.js';
import { resistanceRatio as resistanceUnchecked } from '../src/physics/resistance.js';
import type { BenchRow } from './physics.bench.js';

/** Mean time per call, µs, of f over n inputs. */
function timePerCall(n: number, f: (i: number) => number): number {
  let sink = 0;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) sink += f(i);
  const t = ((performance.now() - t0) * 1000) / n;
  if (!Number.isFinite(sink)) throw new Error('benchmark produced a non-finite value');
  return t;
}

/**
 * Checked and unchecked in adjacent pairs, `rounds` times, the order alternating: each pair sees the same
 * load, so the median of the pairs' ratios is the check's cost with the load drift cancelled. Times are
 * the fastest round of each, µs.
 */
function sideBySide(
  n: number,
  unchecked: (i: number) => number,
  checkedCall: (i: number) => number,
  rounds: number,
): { unchecked: number; checked: number; ratio: number } {
  timePerCall(n, unchecked);
  timePerCall(n, checkedCall);
  const a: number[] = [];
  const b: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const [u, c] =
      r % 2 === 0
        ? [timePerCall(n, unchecked), timePerCall(n, checkedCall)]
        : [timePerCall(n, checkedCall), timePerCall(n, unchecked)].reverse();
    a.push(u);
    b.push(c);
    ratios.push(c / u);
  }
  ratios.sort((x, y) => x - y);
  return { unchecked: Math.min(...a), checked: Math.min(...b), ratio: ratios[rounds >> 1] };
}

export async function benchValidation(options: { scale?: number } = {}): Promise<{ rows: BenchRow[] }> {
  const scale = options.scale ?? 1;
  const rows: BenchRow[] = [];
  const device = platformDevice('ag');
  const sc = device.left.superconductor;
  const T = (i: number): number => 0.03 + 1e-3 * (i % 1000);
  const TR = (i: number): number => 0.01 + 4e-4 * (i % 1000);
  const cases: [string, number, (i: number) => number, (i: number) => number][] = [
    ['R/R0', 200_000, (i) => resistanceUnchecked(T(i), sc), (i) => checked.resistanceRatio(T(i), sc)],
    [
      'J_γ',
      100_000,
      (i) => photonicUnchecked(device, 0.5, TR(i)),
      (i) => checked.photonicHeatCurrent(device, 0.5, TR(i)),
    ],
    [
      'J_ph,S',
      100_000,
      (i) => phononUnchecked(sc, T(i), 0.01),
      (i) => checked.phononHeatSuperconductor(sc, T(i), 0.01),
    ],
    [
      'solveBalance',
      2_000,
      (i) => solveBalanceUnchecked(device, { Jin: 1e-15, TR: TR(i), setup: 1 }).roots.length,
      (i) => checked.solveBalance(device, { Jin: 1e-15, TR: TR(i), setup: 1 }).roots.length,
    ],
  ];
  for (const [name, n, unchecked, checkedCall] of cases) {
    const t = sideBySide(Math.max(1, Math.round((n / 40) * scale)), unchecked, checkedCall, 161);
    rows.push({ name: `${name} unchecked (src/physics)`, value: t.unchecked, unit: 'µs/call' });
    rows.push({ name: `${name} checked (public API)`, value: t.checked, unit: 'µs/call' });
    rows.push({ name: `${name} check overhead`, value: 100 * (t.ratio - 1), unit: '%' });
  }
  return { rows };
}
