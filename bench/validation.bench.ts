/**
 * Cost of the argument checks at the public boundary (src/api/): each hot function called through
 * src/index.ts (checked) and from src/physics/ (unchecked) on the same inputs, in many short adjacent
 * pairs of rounds; the overhead is the median of the pairs' ratios (the ratio of the fastest rounds,
 * tried first, moved by ±10 % from run to run on a loaded machine).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as checked from '../src/index.js';
import { solveBalance as solveBalanceUnchecked, type OperatingPoint } from '../src/physics/balance.js';
import {
  deviceInDomain,
  gapParametersInDomain,
  operatingPointInDomain,
  photonicArgumentsInDomain,
  superconductorInDomain,
  temperatureFromZeroInDomain,
  temperatureInDomain,
} from '../src/physics/domain.js';
import { platformDevice } from '../src/physics/device.js';
import { phononHeatSuperconductor as phononUnchecked } from '../src/physics/electron-phonon.js';
import { photonicHeatCurrent as photonicUnchecked } from '../src/physics/photonic.js';
import { resistanceRatio as resistanceUnchecked } from '../src/physics/resistance.js';
import type { BenchRow } from './physics.bench.js';

type Loop = (n: number) => number;

/**
 * A loop of its own calling f, as a user's loop would call one function: compiled from source for each
 * f, so that its call site sees f alone (one shared loop, its call site reaching all eight functions,
 * moved the measured overheads by ±10 %).
 */
function ownLoop(f: (i: number) => number): Loop {
  const make = new Function(
    'f',
    'return (n) => { let s = 0; for (let i = 0; i < n; i++) s += f(i); return s; };',
  );
  return make(f) as Loop;
}

/** Mean time per call, µs, of one loop of n inputs. */
function timePerCall(n: number, loop: Loop): number {
  const t0 = performance.now();
  const sink = loop(n);
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
  uncheckedCall: (i: number) => number,
  checkedCall: (i: number) => number,
  rounds: number,
): { unchecked: number; checked: number; ratio: number } {
  const [unchecked, checked] = [ownLoop(uncheckedCall), ownLoop(checkedCall)];
  timePerCall(n, unchecked);
  timePerCall(n, checked);
  const a: number[] = [];
  const b: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const [u, c] =
      r % 2 === 0
        ? [timePerCall(n, unchecked), timePerCall(n, checked)]
        : [timePerCall(n, checked), timePerCall(n, unchecked)].reverse();
    a.push(u);
    b.push(c);
    ratios.push(c / u);
  }
  ratios.sort((x, y) => x - y);
  return { unchecked: Math.min(...a), checked: Math.min(...b), ratio: ratios[rounds >> 1] };
}

/** The four hot functions' rows: unchecked and checked µs/call and the overhead; `aa` adds the A/A row. */
function measure(scale: number, aa: boolean): BenchRow[] {
  const rows: BenchRow[] = [];
  const device = platformDevice('ag');
  const sc = device.left.superconductor;
  const T = (i: number): number => 0.03 + 1e-3 * (i % 1000);
  const TR = (i: number): number => 0.01 + 4e-4 * (i % 1000);
  // The check alone, as in the public functions' fast path: its inputs' loop with and without it.
  const op = (i: number): OperatingPoint => ({ Jin: 1e-15, TR: TR(i), setup: 1 });
  const checks: Record<string, (i: number) => boolean> = {
    'R/R0': (i) => gapParametersInDomain(sc) && temperatureInDomain(T(i), sc.Tc),
    J_γ: (i) => photonicArgumentsInDomain(device, 0.5, TR(i)),
    'J_ph,S': (i) =>
      superconductorInDomain(sc) && temperatureInDomain(T(i), sc.Tc) && temperatureFromZeroInDomain(0.01),
    solveBalance: (i) => deviceInDomain(device) && operatingPointInDomain(device, op(i)),
  };
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
    const calls = Math.max(1, Math.round((n / 40) * scale));
    const t = sideBySide(calls, unchecked, checkedCall, 161);
    rows.push({ name: `${name} unchecked (src/physics)`, value: t.unchecked, unit: 'µs/call' });
    rows.push({ name: `${name} checked (public API)`, value: t.checked, unit: 'µs/call' });
    rows.push({ name: `${name} check overhead`, value: 100 * (t.ratio - 1), unit: '%' });
    if (aa) {
      const inputs = name === 'R/R0' || name === 'J_ph,S' ? T : TR;
      const check = checks[name];
      const alone = sideBySide(10 * calls, inputs, (i) => (check(i) ? inputs(i) : 0), 161);
      const ns = 1000 * (alone.checked - alone.unchecked);
      rows.push({ name: `${name} the check alone`, value: ns, unit: 'ns/call' });
      rows.push({
        name: `${name} the check alone / unchecked call`,
        value: (0.1 * ns) / t.unchecked,
        unit: '%',
      });
      // The same function behind one more call and no check: what the method reads for a free check.
      const same = sideBySide(calls, unchecked, (i) => unchecked(i), 161);
      rows.push({ name: `${name} A/A (one more call, no check)`, value: 100 * (same.ratio - 1), unit: '%' });
    }
  }
  return rows;
}

/**
 * The overheads in a fresh process (as in a user's script calling one function in its loop), then again
 * in this process after the physics bench: there V8 has compiled the physics for other callers, its
 * inlining differs, and the same checks read several per cent more.
 */
export async function benchValidation(options: { scale?: number } = {}): Promise<{ rows: BenchRow[] }> {
  const scale = options.scale ?? 1;
  const fresh = execFileSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), String(scale)],
    {
      encoding: 'utf8',
    },
  );
  const rows = (JSON.parse(fresh) as BenchRow[]).map((r) => ({ ...r, name: `${r.name}, fresh process` }));
  for (const r of measure(scale, false).filter((r) => r.unit === '%'))
    rows.push({ ...r, name: `${r.name}, in the bench process after the physics bench` });
  return { rows };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(JSON.stringify(measure(Number(process.argv[2] ?? 1), true)));
}
