/** Per-point cost of each quantity: fast path and direct-quadrature path measured side by side. */
import {
  phononHeatSuperconductor,
  phononHeatSuperconductorDirect,
  photonicConductance,
  photonicHeatCurrent,
  photonicHeatCurrentDirect,
  platformDevice,
  resistanceRatio,
  resistanceRatioDirect,
  solveBalance,
  loadPhononFamily,
  withJunctionParameters,
} from '../src/index.js';
import { conductanceRatioDirect } from '../src/physics/resistance.js';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
}

/** Median over `repeats` of the mean time per call (µs) of f over `n` varying inputs. */
function perPoint(n: number, f: (i: number) => number, repeats = 5): number {
  const times: number[] = [];
  let sink = 0;
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) sink += f(i);
    times.push(((performance.now() - t0) * 1000) / n);
  }
  if (!Number.isFinite(sink)) throw new Error('benchmark produced a non-finite value');
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

export async function benchPhysics(): Promise<{ rows: BenchRow[] }> {
  const rows: BenchRow[] = [];
  const sc = { Tc: 1.2, gamma: 1e-4 };
  const device = platformDevice('ag');
  const T = (i: number, n: number): number => 0.03 + (1.1 * (i % n)) / n;
  // γ = 1e-4 ships tabulated; a new γ is tabulated below, after the quadrature has been compiled once.
  for (let i = 0; i < 200; i++) resistanceRatioDirect(0.1 + 0.004 * i, sc);
  const build = (() => {
    const t0 = performance.now();
    resistanceRatio(0.5, { Tc: 1.2, gamma: 3.3e-4 });
    return performance.now() - t0;
  })();
  rows.push({ name: 'R/R0 tabulation for a new γ (one-time)', value: build, unit: 'ms' });
  const rFast = perPoint(100_000, (i) => resistanceRatio(T(i, 100_000), sc));
  const rDirect = perPoint(300, (i) => resistanceRatioDirect(T(i, 300), sc), 3);
  rows.push({ name: 'R/R0 fast path (tabulated)', value: rFast, unit: 'µs/point' });
  rows.push({ name: 'R/R0 direct quadrature', value: rDirect, unit: 'µs/point' });
  rows.push({ name: 'R/R0 speed-up fast vs direct', value: rDirect / rFast, unit: '×' });
  void conductanceRatioDirect;

  const TR = (i: number, n: number): number => 0.01 + (0.49 * (i % n)) / n;
  const jFast = perPoint(100_000, (i) => photonicHeatCurrent(device, 0.5, TR(i, 100_000)));
  const jDirect = perPoint(2000, (i) => photonicHeatCurrentDirect(device, 0.5, TR(i, 2000)), 3);
  const kFast = perPoint(100_000, (i) => photonicConductance(device, 0.5, TR(i, 100_000)));
  rows.push({ name: 'J_γ closed form (digamma)', value: jFast, unit: 'µs/point' });
  rows.push({ name: 'J_γ direct quadrature of Eq. 2', value: jDirect, unit: 'µs/point' });
  rows.push({ name: 'J_γ speed-up closed form vs direct', value: jDirect / jFast, unit: '×' });
  rows.push({ name: 'κ_γ analytic', value: kFast, unit: 'µs/point' });

  const al = device.left.superconductor;
  const Te = (i: number, n: number): number => 0.05 + (1.1 * (i % n)) / n;
  const sFast = perPoint(20_000, (i) => phononHeatSuperconductor(al, Te(i, 20_000), 0.01));
  const sDirect = perPoint(3, (i) => phononHeatSuperconductorDirect(al, [0.3, 0.6, 0.9][i], 0.01), 1);
  rows.push({ name: 'J_ph,S fast path (shipped table)', value: sFast, unit: 'µs/point' });
  rows.push({ name: 'J_ph,S direct nested quadrature', value: sDirect, unit: 'µs/point' });
  rows.push({ name: 'J_ph,S speed-up table vs direct', value: sDirect / sFast, unit: '×' });

  for (const setup of [1, 2] as const) {
    const solve = perPoint(
      2000,
      (i) => solveBalance(device, { Jin: 1e-13, TR: TR(i, 2000), setup }).roots.length,
    );
    rows.push({
      name: `T_L solve, all roots (setup ${setup}, Ag, J_in = 100 fW)`,
      value: solve,
      unit: 'µs/solve',
    });
  }

  // Any other γ in [1e-6, 1e-1]: the γ family (loaded once; each new γ's table summed once).
  const tLoad = performance.now();
  await loadPhononFamily();
  rows.push({ name: 'J_ph,S γ family: loading (one-time)', value: performance.now() - tLoad, unit: 'ms' });
  const other = { ...al, gamma: 2.345e-4 };
  const tFirst = performance.now();
  phononHeatSuperconductor(other, 0.5, 0.01);
  rows.push({ name: 'J_ph,S γ family: first use of a new γ', value: performance.now() - tFirst, unit: 'ms' });
  const sFamily = perPoint(20_000, (i) => phononHeatSuperconductor(other, Te(i, 20_000), 0.01));
  rows.push({ name: 'J_ph,S γ family (γ = 2.345e-4)', value: sFamily, unit: 'µs/point' });
  const otherDevice = withJunctionParameters(device, { gamma: other.gamma });
  const solveOther = perPoint(
    2000,
    (i) => solveBalance(otherDevice, { Jin: 1e-13, TR: TR(i, 2000), setup: 1 }).roots.length,
  );
  rows.push({
    name: 'T_L solve, all roots (setup 1, Ag, γ = 2.345e-4)',
    value: solveOther,
    unit: 'µs/solve',
  });
  return { rows };
}
