/**
 * Regenerate the figures of docs/model.md's sections beyond the paper (real lines, diode, transistor):
 *   npx tsx scripts/render-beyond-figures.ts
 * docs/figures/line-window.png, rectification.png, transistor.png; prints the NDTC windows it draws.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ndtcWindow, platformDevice, transistorResponse } from '../src/index.js';
import {
  lineWindowPanel,
  rectificationMap,
  rectificationPanel,
  transistorPanel,
  type TransistorPoint,
} from '../src/figures/diode-panels.js';
import { renderSvg, svgToPng } from '../src/figures/render.js';
import { writeFileAtomic } from '../src/io/atomic-write.js';
import type { Panel } from '../src/figures/panel.js';

const target = fileURLToPath(new URL('../docs/figures/', import.meta.url));
const ag = platformDevice('ag');
const logRange = (lo: number, hi: number, n: number): number[] =>
  Array.from({ length: n }, (_, i) => lo * (hi / lo) ** (i / (n - 1)));

async function save(name: string, panel: Panel): Promise<void> {
  const path = join(target, name);
  writeFileAtomic(path, await svgToPng(await renderSvg(panel), 2));
  process.stdout.write(`${path}\n`);
}

const lines = [
  { inductance: 0, resistance: 0 },
  { inductance: 5e-9, resistance: 0 },
  { inductance: 25e-9, resistance: 0 },
  { inductance: 100e-9, resistance: 0 },
  { inductance: 0, resistance: 50 },
  { inductance: 0, resistance: 500 },
];
const TRs = Array.from({ length: 80 }, (_, i) => 0.02 + (0.47 * i) / 79);
await save('line-window.png', lineWindowPanel(ag, 0.5, lines, TRs));
for (const line of lines) {
  const w = ndtcWindow({ ...ag, line }, 0.5, 0.02, 0.49, 80);
  const shown = w.map((x) => `${(x.from * 1e3).toFixed(1)}–${(x.to * 1e3).toFixed(1)} mK`).join(', ');
  process.stdout.write(
    `L = ${line.inductance * 1e9} nH, R = ${line.resistance} Ω per line: NDTC ${shown || 'none'}\n`,
  );
}

const chi = logRange(0.1, 10, 30);
await save(
  'rectification.png',
  rectificationPanel(rectificationMap(ag, 0.5, { Tcold: [0.1], chi, TcR: [1.0, 1.2, 1.5], gammaR: [1e-4] }), {
    device: 'ag',
    Thot: 0.5,
    Tcold: 0.1,
  }),
);

const points: TransistorPoint[] = [];
for (const JinL of [10e-15, 20e-15, 50e-15])
  for (const JinR of logRange(1e-18, 3e-14, 40))
    transistorResponse(ag, { JinL, JinR }).forEach((r, state) =>
      points.push({
        J_in_L: JinL,
        J_in_R: JinR,
        state,
        stable: r.stable,
        alpha: r.alpha,
        kappa_gamma: r.kappa,
      }),
    );
await save('transistor.png', transistorPanel(points, { device: 'ag' }));
const best = points.reduce((a, b) => (Math.abs(b.alpha) > Math.abs(a.alpha) ? b : a));
process.stdout.write(
  `largest |α| = ${best.alpha.toFixed(3)} at J_in,L = ${best.J_in_L} W, J_in,R = ${best.J_in_R.toExponential(2)} W (κ_γ = ${best.kappa_gamma.toExponential(2)} W/K)\n`,
);
