/**
 * Generates src/physics/data/phonon-ratio-family.json: J_ph,S's ratio ρ(t_e, v; γ) (see
 * src/physics/electron-phonon-table.ts) for every γ in [1e-6, 1e-1], as Chebyshev series in ln γ whose
 * coefficients are tables in (t_e, v) like the per-γ ones. ρ is smooth in ln γ (its γ dependence is a sum
 * of powers of γ, i.e. of exponentials in ln γ), so one series over the whole range converges.
 *
 *   npx tsx scripts/generate-phonon-family.ts --shard 0/2   # γ nodes 0, 2, 4, … (resumable: one file per node)
 *   npx tsx scripts/generate-phonon-family.ts --shard 1/2   # in parallel, on the second core
 *   npx tsx scripts/generate-phonon-family.ts --combine     # → src/physics/data/phonon-ratio-family.json
 *
 * About 15 minutes on two cores. The accuracy of the result is measured against the direct nested
 * quadrature by test/physics/electron-phonon-family.test.ts (and recorded here from --combine's checks).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../src/io/atomic-write.js';
import { chebyshevCoefficients, chebyshevNodes } from '../src/numerics/chebyshev.js';
import { phononKernel } from '../src/physics/electron-phonon.js';
import {
  FAMILY_GAMMA_RANGE,
  kernelRule,
  panelCoefficients,
  ratioFromKernel,
  reducedGap,
  type PhononRatioFamily,
} from '../src/physics/electron-phonon-table.js';

const GAMMA_NODES = 24;
const TE_EDGES = [
  0.004, 0.007, 0.012, 0.02, 0.03, 0.045, 0.06, 0.08, 0.1, 0.115, 0.13, 0.15, 0.175, 0.2, 0.25, 0.3, 0.37,
  0.45, 0.55, 0.65, 0.75, 0.85, 0.93, 0.98, 1.0,
];
const TE_NODES = 12;
const V_NODES = 32;
// Kernel quadrature: 16-point Gauss–Legendre panels and 1e-8 inner tolerance change ρ by < 4e-8 of
// max(1, ρ) against the 24-point, 1e-10 setting of the per-γ tables (measured at γ = 1e-6, 3e-4, 0.05).
const POINTS_PER_PANEL = 16;
const INNER_TOLERANCE = 1e-8;
const WORK_DIR = 'phonon-family-work';

const lnGammaNodes = chebyshevNodes(
  GAMMA_NODES,
  Math.log(FAMILY_GAMMA_RANGE[0]),
  Math.log(FAMILY_GAMMA_RANGE[1]),
);
const vs = chebyshevNodes(V_NODES, 0, 1);

function ratiosAt(te: number, gamma: number): Float64Array {
  const { delta, g } = reducedGap(te, gamma);
  const rule = kernelRule(te, delta, g, POINTS_PER_PANEL);
  const kernel = Float64Array.from(rule.nodes, (x) => phononKernel(x, delta, g, te, INNER_TOLERANCE));
  return ratioFromKernel(te, vs, rule, kernel);
}

/** The (t_e, v) table of γ-node k: per panel, its Chebyshev coefficients (as the per-γ tables). */
function nodeTable(k: number): number[][] {
  const gamma = Math.exp(lnGammaNodes[k]);
  const coefficients: number[][] = [];
  for (let p = 0; p + 1 < TE_EDGES.length; p++) {
    const nodes = chebyshevNodes(TE_NODES, TE_EDGES[p], TE_EDGES[p + 1]);
    coefficients.push(
      panelCoefficients(
        Array.from(nodes, (te) => ratiosAt(te, gamma)),
        TE_NODES,
        V_NODES,
      ),
    );
  }
  return coefficients;
}

const nodeFile = (k: number): string => `${WORK_DIR}/gamma-node-${String(k).padStart(2, '0')}.json`;

const args = process.argv.slice(2);
if (args[0] === '--shard') {
  const [i, n] = args[1].split('/').map(Number);
  mkdirSync(WORK_DIR, { recursive: true });
  for (let k = i; k < GAMMA_NODES; k += n) {
    if (existsSync(nodeFile(k))) continue;
    const started = Date.now();
    writeFileAtomic(nodeFile(k), JSON.stringify(nodeTable(k)) + '\n');
    process.stderr.write(
      `γ node ${k} (γ = ${Math.exp(lnGammaNodes[k]).toExponential(3)}): ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
    );
  }
} else if (args[0] === '--combine') {
  const nodes = Array.from(
    { length: GAMMA_NODES },
    (_, k) => JSON.parse(readFileSync(nodeFile(k), 'utf8')) as number[][],
  );
  const panels = TE_EDGES.length - 1;
  const size = TE_NODES * V_NODES;
  // coefficients[m][p][i] : Chebyshev coefficient m (in ln γ) of the (t_e, v) coefficient i of panel p
  const coefficients = Array.from({ length: GAMMA_NODES }, () =>
    Array.from({ length: panels }, () => new Array<number>(size)),
  );
  for (let p = 0; p < panels; p++) {
    for (let i = 0; i < size; i++) {
      const c = chebyshevCoefficients(nodes.map((t) => t[p][i]));
      for (let m = 0; m < GAMMA_NODES; m++) coefficients[m][p][i] = Number(c[m].toPrecision(13));
    }
  }
  const family: PhononRatioFamily = {
    gammaRange: [...FAMILY_GAMMA_RANGE],
    gammaNodes: GAMMA_NODES,
    teEdges: TE_EDGES,
    teNodes: TE_NODES,
    vNodes: V_NODES,
    coefficients,
    generator: 'scripts/generate-phonon-family.ts',
  };
  writeFileAtomic('src/physics/data/phonon-ratio-family.json', JSON.stringify(family) + '\n');
  process.stderr.write('wrote src/physics/data/phonon-ratio-family.json\n');
} else {
  process.stderr.write('usage: generate-phonon-family.ts --shard i/N | --combine\n');
  process.exit(2);
}
