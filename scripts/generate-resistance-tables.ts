/**
 * Writes src/physics/data/resistance-table-gamma-*.json: the R/R0 tabulations (ln G vs ln(Tc/T), see
 * src/physics/resistance.ts) of the paper's γ, exactly as `buildResistanceTable` builds them at run
 * time, so that the library starts without tabulating. Run: `npx tsx scripts/generate-resistance-tables.ts`.
 */
import { writeFileAtomic } from '../src/io/atomic-write.js';
import { buildResistanceTable, type ResistanceTableData } from '../src/physics/resistance.js';

for (const gamma of [1e-4, 1e-3]) {
  const table = buildResistanceTable(gamma);
  const data: ResistanceTableData = {
    gamma,
    maxCheckedError: table.maxCheckedError,
    panels: table.panels.map((p) => ({ a: p.a, b: p.b, coeffs: Array.from(p.coeffs) })),
    generator: 'scripts/generate-resistance-tables.ts',
  };
  const path = `src/physics/data/resistance-table-gamma-${gamma.toExponential().replace('+', '')}.json`;
  writeFileAtomic(path, JSON.stringify(data) + '\n');
  process.stderr.write(
    `${path}: ${data.panels.length} panels, checked error ${data.maxCheckedError.toExponential(2)}\n`,
  );
}
