/**
 * Regenerate docs/figures/fig<panel>.png, the pictures docs/reproduce.md shows:
 *   npx tsx scripts/render-docs-figures.ts
 * Same computation and rendering as `ndtc reproduce --format png`.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../src/io/atomic-write.js';
import { computeReproduction } from '../src/figures/reproduce.js';
import { renderSvg, svgToPng } from '../src/figures/render.js';

const target = fileURLToPath(new URL('../docs/figures/', import.meta.url));
const { panels, claims } = computeReproduction();
for (const panel of panels) {
  const path = join(target, `fig${panel.id}.png`);
  writeFileAtomic(path, await svgToPng(await renderSvg(panel), 2));
  process.stdout.write(`${path}\n`);
}
process.stdout.write(`claims holding: ${claims.filter((c) => c.holds).length} of ${claims.length}\n`);
