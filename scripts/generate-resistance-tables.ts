/**
 * Writes the stored R/R0 tabulations (ln G vs ln(Tc/T), see src/physics/resistance.ts), exactly as
 * `buildResistanceTable` builds them at run time: the paper's γ (one file each, loaded at start-up) and
 * the γ grid of the explorer's slider (one file, loaded on demand).
 * Run: `npx tsx scripts/generate-resistance-tables.ts` (a few seconds).
 */
import { writeFileAtomic } from '../src/io/atomic-write.js';
import {
  RESISTANCE_GAMMA_GRID,
  buildResistanceTable,
  type ResistanceTableData,
} from '../src/physics/resistance.js';

const PAPER_GAMMAS = [1e-4, 1e-3];

function data(gamma: number): ResistanceTableData {
  const table = buildResistanceTable(gamma);
  return {
    gamma,
    maxCheckedError: table.maxCheckedError,
    panels: table.panels.map((p) => ({ a: p.a, b: p.b, coeffs: Array.from(p.coeffs) })),
    generator: 'scripts/generate-resistance-tables.ts',
  };
}

for (const gamma of PAPER_GAMMAS) {
  const path = `src/physics/data/resistance-table-gamma-${gamma.toExponential().replace('+', '')}.json`;
  const d = data(gamma);
  writeFileAtomic(path, JSON.stringify(d) + '\n');
  process.stderr.write(
    `${path}: ${d.panels.length} panels, checked error ${d.maxCheckedError.toExponential(2)}\n`,
  );
}
const grid = RESISTANCE_GAMMA_GRID.filter((g) => !PAPER_GAMMAS.includes(g)).map(data);
writeFileAtomic('src/physics/data/resistance-tables-gamma-grid.json', JSON.stringify(grid) + '\n');
process.stderr.write(
  `src/physics/data/resistance-tables-gamma-grid.json: ${grid.length} γ, worst checked error ${Math.max(...grid.map((d) => d.maxCheckedError)).toExponential(2)}\n`,
);
