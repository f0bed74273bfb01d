/**
 * The figures and numbers of docs/dynamics.md:
 *   npx tsx scripts/dynamics-figures.ts
 * writes docs/figures/transient-ag-*.png and setup3-ag-nstates.png, and prints the search for
 * self-sustained oscillations in setup 3 (Dulac divergence and the steady states' eigenvalues over
 * the (T_L, T_R) square, for both platforms and several χ and c).
 */
import { fileURLToPath } from 'node:url';
import type { TopLevelSpec } from 'vega-lite';
import {
  photonicHeatCurrent,
  platformDevice,
  reservoirHeatCapacityFast,
  reservoirPhononHeat,
  solveTwoReservoirs,
  transientResponse,
  twoReservoirJacobian,
  withJunctionParameters,
  type Device,
  type TransientChange,
  type TransientDrive,
} from '../src/index.js';
import { specToSvg, svgToPng } from '../src/figures/render.js';
import { writeFileAtomic } from '../src/io/atomic-write.js';
import { transientPlotSpec } from '../src/figures/transient-plot.js';

const figures = fileURLToPath(new URL('../docs/figures/', import.meta.url));
const ag = platformDevice('ag');

async function png(spec: TopLevelSpec, name: string): Promise<void> {
  writeFileAtomic(`${figures}${name}.png`, await svgToPng(await specToSvg(spec)));
  process.stdout.write(`wrote docs/figures/${name}.png\n`);
}

async function transientFigure(
  name: string,
  drive: TransientDrive,
  change: TransientChange,
  until: number,
  initialState: number,
  title: string,
): Promise<void> {
  const r = transientResponse(ag, drive, change, { until, initialState });
  const n = r.time.length;
  process.stdout.write(
    `${name}: T_L ${r.TL[0].toFixed(4)} → ${r.TL[n - 1].toFixed(4)} K, T_R ${r.TR[0].toFixed(4)} → ` +
      `${r.TR[n - 1].toFixed(4)} K, ${r.steps.accepted} steps, τ0 = ${r.initialTimeConstants.map((t) => t.toExponential(3)).join(', ')} s\n`,
  );
  await png(transientPlotSpec(r, change, drive.setup === 3, title), name);
}

await transientFigure(
  'transient-ag-pulse',
  { setup: 1, Jin: 1e-18, TR: 0.7 },
  { quantity: 'Jin', value: 2e-15, start: 5e-6, duration: 1e-5 },
  6e-5,
  0,
  'Ag, setup 1, T_R = 700 mK: a 2 fW, 10 µs heat pulse switches cold → hot',
);
await transientFigure(
  'transient-ag-dip',
  { setup: 1, Jin: 1e-18, TR: 0.7 },
  { quantity: 'TR', value: 0.3, start: 5e-6, duration: 2e-5 },
  1e-4,
  1,
  'Ag, setup 1: a 20 µs dip of T_R to 300 mK switches hot → cold',
);
await transientFigure(
  'transient-ag-setup3',
  { setup: 3, Jin: 1e-18, JinR: 4e-13 },
  { quantity: 'Jin', value: 2e-15, start: 5e-6, duration: 1e-5 },
  6e-5,
  0,
  'Ag, setup 3, right heater 400 fW: a 2 fW, 10 µs left pulse, cold → hot',
);

// Number of steady states over J_in^L × J_in^R (setup 3, Ag).
const N = 25;
const JLs = Array.from({ length: N }, (_, i) => 10 ** (-18 + (5 * i) / (N - 1)));
const JRs = Array.from({ length: N }, (_, i) => 10 ** (-15 + (3 * i) / (N - 1)));
const cells: { JL: number; JR: number; states: string }[] = [];
let multi = 0;
for (const JL of JLs)
  for (const JR of JRs) {
    const roots = solveTwoReservoirs(ag, { JinL: JL, JinR: JR }).roots;
    const stable = roots.filter((r) => r.stable).length;
    if (stable > 1) multi++;
    cells.push({ JL: JL * 1e15, JR: JR * 1e15, states: `${roots.length} (${stable} stable)` });
  }
process.stdout.write(`setup 3 map: ${multi} of ${N * N} points with two stable states\n`);
const half = (v: number[], i: number): number => Math.sqrt(v[i] * v[Math.min(i + 1, v.length - 1)]);
await png(
  {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 420,
    height: 360,
    background: 'white',
    padding: 10,
    title: { text: 'Steady states of setup 3, Ag platform (T_bath = 10 mK)', anchor: 'start' },
    data: {
      values: cells.map((c, k) => {
        const i = Math.floor(k / N);
        const j = k % N;
        return {
          ...c,
          x0: (i > 0 ? half(JLs, i - 1) : JLs[0]) * 1e15,
          x1: half(JLs, i) * 1e15,
          y0: (j > 0 ? half(JRs, j - 1) : JRs[0]) * 1e15,
          y1: half(JRs, j) * 1e15,
        };
      }),
    },
    mark: 'rect',
    encoding: {
      x: { field: 'x0', type: 'quantitative', scale: { type: 'log' }, title: 'left heater power (fW)' },
      x2: { field: 'x1' },
      y: { field: 'y0', type: 'quantitative', scale: { type: 'log' }, title: 'right heater power (fW)' },
      y2: { field: 'y1' },
      color: {
        field: 'states',
        type: 'nominal',
        title: 'states',
        scale: { range: ['#9ecae1', '#fdae6b', '#e6550d'] },
        legend: { orient: 'bottom' },
      },
    },
    config: { font: 'DejaVu Sans', axis: { labelFontSize: 11, titleFontSize: 12 }, title: { fontSize: 13 } },
  } as unknown as TopLevelSpec,
  'setup3-ag-nstates',
);

// Oscillations: Dulac with B = C_L C_R gives div(B·f) = C_R ∂F_L/∂T_L + C_L ∂F_R/∂T_R, independent of
// the heaters; where it is negative throughout, no closed orbit exists for any J_in^L, J_in^R.
// Every (T_L, T_R) is the steady state of the heaters J_in^L = J_γ + J_ph^L, J_in^R = J_ph^R − J_γ; those
// with both ≥ 0 are classified by the eigenvalues of C⁻¹J (a Hopf point needs tr = 0 with det > 0).
function scan(device: Device, n: number): string {
  let dulacPositive = 0;
  const kinds: Record<string, number> = {};
  let maxRatio = -Infinity;
  const Tb = device.Tbath;
  const Tc = Math.min(device.left.superconductor.Tc, device.right.superconductor.Tc);
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= n; j++) {
      const TL = Tb + ((Tc - Tb) * i) / (n + 1);
      const TR = Tb + ((Tc - Tb) * j) / (n + 1);
      const J = twoReservoirJacobian(device, TL, TR);
      const CL = reservoirHeatCapacityFast(device.left, TL);
      const CR = reservoirHeatCapacityFast(device.right, TR);
      if (CR * J[0][0] + CL * J[1][1] > 0) dulacPositive++;
      const Jg = photonicHeatCurrent(device, TL, TR);
      if (
        Jg + reservoirPhononHeat(device.left, TL, Tb) < 0 ||
        reservoirPhononHeat(device.right, TR, Tb) - Jg < 0
      )
        continue;
      const tr = J[0][0] / CL + J[1][1] / CR;
      const det = (J[0][0] * J[1][1] - J[0][1] * J[1][0]) / (CL * CR);
      const kind =
        det < 0
          ? 'saddle'
          : tr * tr < 4 * det
            ? tr < 0
              ? 'stable focus'
              : 'unstable focus'
            : tr < 0
              ? 'stable node'
              : 'unstable node';
      kinds[kind] = (kinds[kind] ?? 0) + 1;
      if (det > 0) maxRatio = Math.max(maxRatio, tr / Math.sqrt(det));
    }
  const k = Object.entries(kinds)
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');
  return `Dulac div > 0 at ${dulacPositive} of ${n * n}; reachable states: ${k}; max tr/√det ${maxRatio.toFixed(3)}`;
}
for (const platform of ['ag', 'inas'] as const)
  for (const chi of [0.5, 1, 2, 5])
    for (const c of [0.02, 0.05, 0.2]) {
      const device = withJunctionParameters(platformDevice(platform), { chi, c });
      process.stdout.write(`| ${platform} | ${chi} | ${c * 1e3} | ${scan(device, 200)} |\n`);
    }
