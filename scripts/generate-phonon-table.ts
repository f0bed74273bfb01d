/**
 * Generates src/physics/data/phonon-ratio-gamma-1e-4.json, the shipped J_ph,S tabulation (see
 * src/physics/electron-phonon-table.ts), and measures its error against the direct nested quadrature
 * at points between the nodes. Run: `npx tsx scripts/generate-phonon-table.ts [gamma]` (several minutes).
 */
import { writeFileAtomic } from '../src/io/atomic-write.js';
import { phononKernel, reducedPhononHeatDirect } from '../src/physics/electron-phonon.js';
import {
  chebyshevNodes,
  evaluateTable,
  kernelRule,
  panelCoefficients,
  ratioFromKernel,
  reducedGap,
  type PhononRatioTable,
} from '../src/physics/electron-phonon-table.js';

const gamma = Number(process.argv[2] ?? '1e-4');
const teEdges = [
  0.004, 0.007, 0.012, 0.02, 0.03, 0.045, 0.06, 0.08, 0.1, 0.115, 0.13, 0.15, 0.175, 0.2, 0.25, 0.3, 0.37,
  0.45, 0.55, 0.65, 0.75, 0.85, 0.93, 0.98, 1.0,
];
const teNodes = 14;
const vNodes = 32;
const vs = chebyshevNodes(vNodes, 0, 1);

function ratiosAt(te: number): Float64Array {
  const { delta, g } = reducedGap(te, gamma);
  const rule = kernelRule(te, delta, g);
  const kernel = Float64Array.from(rule.nodes, (x) => phononKernel(x, delta, g, te, 1e-10));
  return ratioFromKernel(te, vs, rule, kernel);
}

const started = Date.now();
const coefficients: number[][] = [];
for (let p = 0; p + 1 < teEdges.length; p++) {
  const nodes = chebyshevNodes(teNodes, teEdges[p], teEdges[p + 1]);
  coefficients.push(panelCoefficients(Array.from(nodes, ratiosAt), teNodes, vNodes));
  process.stderr.write(
    `panel ${p + 1}/${teEdges.length - 1} done (${((Date.now() - started) / 1000).toFixed(0)} s)\n`,
  );
}
const table: PhononRatioTable = {
  gamma,
  teEdges,
  teNodes,
  vNodes,
  coefficients,
  maxRelativeError: 0,
  checkPoints: 0,
  generator: 'scripts/generate-phonon-table.ts',
};
// Check between the nodes against the independent adaptive nested quadrature.
let worst = 0;
let count = 0;
for (let p = 0; p + 1 < teEdges.length; p++) {
  for (const f of [0.43]) {
    const te = teEdges[p] + f * (teEdges[p + 1] - teEdges[p]);
    for (const v of [0.13, 0.5, 0.81]) {
      const tb = v * te;
      const direct = reducedPhononHeatDirect(te, tb, gamma, 1e-9) / (te ** 5 - tb ** 5);
      // Relative to ρ, except where ρ crosses zero (t_e ≈ 0.12): there relative to ρ(t_e, 0).
      const scale = Math.max(Math.abs(direct), Math.abs(evaluateTable(table, te, 0)));
      const err = Math.abs(evaluateTable(table, te, v) - direct) / scale;
      worst = Math.max(worst, err);
      count++;
      process.stderr.write(`check te=${te.toFixed(4)} v=${v}: rel err ${err.toExponential(2)}\n`);
    }
  }
}
table.maxRelativeError = worst;
table.checkPoints = count;
writeFileAtomic(
  `src/physics/data/phonon-ratio-gamma-${gamma.toExponential().replace('+', '')}.json`,
  JSON.stringify(table) + '\n',
);
process.stderr.write(
  `worst relative error ${worst.toExponential(2)} over ${count} checks; ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
);
