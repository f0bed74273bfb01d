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
const teEdges = [0.004, 0.01, 0.025, 0.05, 0.08, 0.12, 0.17, 0.23, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.97, 1.0];
const teNodes = 10;
const vNodes = 12;
const vs = chebyshevNodes(vNodes, 0, 1);

function ratiosAt(te: number): Float64Array {
  const { delta, g } = reducedGap(te, gamma);
  const rule = kernelRule(te, delta, g);
  const kernel = Float64Array.from(rule.nodes, (x) => phononKernel(x, delta, g, te, 1e-11));
  return ratioFromKernel(te, vs, rule, kernel);
}

const started = Date.now();
const coefficients: number[][] = [];
for (let p = 0; p + 1 < teEdges.length; p++) {
  const nodes = chebyshevNodes(teNodes, teEdges[p], teEdges[p + 1]);
  coefficients.push(panelCoefficients(Array.from(nodes, ratiosAt), teNodes, vNodes));
  process.stderr.write(`panel ${p + 1}/${teEdges.length - 1} done (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
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
  for (const f of [0.31, 0.77]) {
    const te = teEdges[p] + f * (teEdges[p + 1] - teEdges[p]);
    for (const v of [0.0, 0.37, 0.93]) {
      const tb = v * te;
      const direct = reducedPhononHeatDirect(te, tb, gamma, 1e-10) / (te ** 5 - tb ** 5);
      const err = Math.abs(evaluateTable(table, te, v) / direct - 1);
      worst = Math.max(worst, err);
      count++;
      process.stderr.write(`check te=${te.toFixed(4)} v=${v}: rel err ${err.toExponential(2)}\n`);
    }
  }
}
table.maxRelativeError = worst;
table.checkPoints = count;
writeFileAtomic(`src/physics/data/phonon-ratio-gamma-${gamma.toExponential().replace('+', '')}.json`, JSON.stringify(table) + '\n');
process.stderr.write(`worst relative error ${worst.toExponential(2)} over ${count} checks; ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
