// Where a fresh `ndtc reproduce` spends its CPU, from the built modules (dist/, as the command
// runs): `node bench/reproduce-stages.mjs now|before` prints {"start","compute","vega","resvg","png"}
// in ms of CPU (all threads); start is node, the library and the rendering libraries loading.
// `before` draws as the renderer did before: every line clipped, text shaped from the full font
// files and the PNG encoded by resvg; `now` as it does now. No file is written.
import process from 'node:process';
import { computeReproduction } from '../dist/figures/reproduce.js';
import { encodePng } from '../dist/figures/png.js';
import { FONT_FILES, panelSpec, rasterFonts, specToSvg } from '../dist/figures/render.js';

const before = process.argv[2] === 'before';
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const stages = { start: 0, compute: 0, vega: 0, resvg: 0, png: 0 };
let mark = 0;
const add = (stage) => {
  const now = cpu();
  stages[stage] += now - mark;
  mark = now;
};
const [{ Resvg }] = await Promise.all([import('@resvg/resvg-js'), import('vega'), import('vega-lite')]);
add('start');
const { panels } = computeReproduction();
add('compute');
for (const panel of panels) {
  const spec = panelSpec(panel);
  if (before) (spec.layer ?? spec.vconcat[0].layer)[0].mark.clip = true;
  const svg = await specToSvg(spec);
  add('vega');
  const image = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    background: '#ffffff',
    font: {
      fontFiles: before ? FONT_FILES : rasterFonts(svg),
      loadSystemFonts: false,
      defaultFontFamily: 'DejaVu Sans',
    },
  }).render();
  add('resvg');
  if (before) image.asPng();
  else encodePng(image.width, image.height, image.pixels, 3);
  add('png');
}
process.stdout.write(JSON.stringify(stages) + '\n');
