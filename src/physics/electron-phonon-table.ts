/**
 * Tabulated J_ph,S: the ratio ρ(t_e, v) = j(t_e, v·t_e)/(t_e⁵(1 − v⁵)) of the reduced Timofeev current to its
 * normal-state value, as a tensor Chebyshev interpolant of ρ in (t_e, v) on fixed panels. ρ itself, not
 * ln ρ: with the Dynes in-gap states the coherence factor 1 − Δ²/(EE′) turns negative, and around
 * t_e ≈ 0.12 ρ changes sign for T_b close to T_e (a property of the model, checked against the direct path).
 *
 * ρ depends only on γ (Tc scales out), so a table per γ is generated once by
 * `scripts/generate-phonon-table.ts` and shipped (γ = 1e-4, the paper's, and 1e-3); its interpolation
 * error, measured against the direct nested quadrature at points between the nodes, is recorded in the
 * file and checked by the tests. Every other γ in [1e-6, 1e-1] is covered by the γ family
 * (`scripts/generate-phonon-family.ts`), loaded on demand. Outside the tables (γ beyond the family,
 * T_b > T_e, t_e below the first panel) the direct path is used.
 */
import { chebyshevCoefficients, chebyshevNodes, clenshaw } from '../numerics/chebyshev.js';
import { gaussLegendre } from '../numerics/quadrature.js';
import { BCS_GAP_RATIO, kB, zeta5 } from './constants.js';
import { gap } from './gap.js';
import table1e3 from './data/phonon-ratio-gamma-1e-3.json' with { type: 'json' };
import table1e4 from './data/phonon-ratio-gamma-1e-4.json' with { type: 'json' };

export interface PhononRatioTable {
  gamma: number;
  /** Panel edges in t_e = T_e/Tc. */
  teEdges: number[];
  /** Nodes per panel in t_e and in v = T_b/T_e ∈ [0, 1]. */
  teNodes: number;
  vNodes: number;
  /** Per t_e panel: Chebyshev coefficients of ρ, row-major [i_te][j_v]. */
  coefficients: number[][];
  /** Largest relative error of ρ measured against the direct path at check points. */
  maxRelativeError: number;
  checkPoints: number;
  generator: string;
}

/** The range of γ covered by the γ family (phonon-ratio-family.json). */
export const FAMILY_GAMMA_RANGE = Object.freeze([1e-6, 1e-1] as const);

/**
 * ρ for every γ in FAMILY_GAMMA_RANGE: Chebyshev series in ln γ whose coefficients are (t_e, v) tables
 * laid out as in PhononRatioTable (coefficients[m] is the m-th series coefficient's table).
 */
export interface PhononRatioFamily {
  gammaRange: number[];
  gammaNodes: number;
  teEdges: number[];
  teNodes: number;
  vNodes: number;
  coefficients: number[][][];
  generator: string;
}

const shipped = new Map<number, PhononRatioTable>(
  [table1e4, table1e3].map((t) => [t.gamma, t as unknown as PhononRatioTable]),
);

/** The γ whose J_ph,S table is loaded at start; other γ use the γ family once loaded, else the direct path. */
export const TABULATED_PHONON_GAMMAS: readonly number[] = Object.freeze([...shipped.keys()]);

let family: PhononRatioFamily | undefined;
/** Tables of single γ taken from the family, most recent last (a γ slider or a γ sweep revisits them). */
const fromFamily = new Map<number, PhononRatioTable>();
const FROM_FAMILY_KEPT = 64;

/**
 * Load the γ family (4 MB, on demand: most work uses the paper's γ), after which J_ph,S is tabulated
 * for every γ in FAMILY_GAMMA_RANGE. Idempotent. Under Node a solver's first J_ph,S that needs it
 * reads it itself; in a browser, without it, those γ take the direct quadrature.
 */
export async function loadPhononFamily(): Promise<void> {
  if (family) return;
  const module = (await import('./data/phonon-ratio-family.json', { with: { type: 'json' } })) as {
    default: PhononRatioFamily;
  };
  family = module.default;
}

/** The family's file beside this module (a variable, so that bundlers leave it to loadPhononFamily's import). */
const FAMILY_FILE = './data/phonon-ratio-family.json';

/** Whether loadPhononFamilySync has tried to read: a family it could not read is not read again at every lookup. */
let familyReadTried = false;

/**
 * The γ family read synchronously where Node's fs is at hand (process.getBuiltinModule, Node ≥ 20.16):
 * the first J_ph,S at a γ outside the shipped tables, in a solver that cannot await, would otherwise
 * take the direct quadrature (~1 s an evaluation, hundreds per solve). Elsewhere (a browser) it does
 * nothing and `loadPhononFamily` is the way. The family, if it is loaded after.
 */
function loadPhononFamilySync(): PhononRatioFamily | undefined {
  if (familyReadTried) return family;
  const getBuiltin = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
    ?.getBuiltinModule;
  const fs = getBuiltin?.('node:fs') as typeof import('node:fs') | undefined;
  if (!fs) return undefined;
  familyReadTried = true;
  try {
    family = JSON.parse(fs.readFileSync(new URL(FAMILY_FILE, import.meta.url), 'utf8')) as PhononRatioFamily;
  } catch {
    // Not beside this module (an unusual bundle): the direct path, as before.
  }
  return family;
}

/** Whether J_ph,S at `gamma` is tabulated now (shipped, or in the loaded family's range). */
export function hasPhononTable(gamma: number): boolean {
  return shipped.has(gamma) || (family !== undefined && inFamilyRange(gamma));
}

const inFamilyRange = (gamma: number): boolean =>
  gamma >= FAMILY_GAMMA_RANGE[0] && gamma <= FAMILY_GAMMA_RANGE[1];

/** The (t_e, v) table of one γ: the family's ln γ series summed at that γ (Clenshaw per coefficient). */
function familyTable(f: PhononRatioFamily, gamma: number): PhononRatioTable {
  let table = fromFamily.get(gamma);
  if (table) return table;
  const [lo, hi] = f.gammaRange.map(Math.log);
  const x = (2 * Math.log(gamma) - lo - hi) / (hi - lo);
  const series = new Float64Array(f.gammaNodes);
  const coefficients = f.teEdges.slice(1).map((_, p) => {
    const size = f.coefficients[0][p].length;
    const out = new Array<number>(size);
    for (let i = 0; i < size; i++) {
      for (let m = 0; m < f.gammaNodes; m++) series[m] = f.coefficients[m][p][i];
      out[i] = clenshaw(series, x);
    }
    return out;
  });
  table = {
    gamma,
    teEdges: f.teEdges,
    teNodes: f.teNodes,
    vNodes: f.vNodes,
    coefficients,
    maxRelativeError: NaN,
    checkPoints: 0,
    generator: f.generator,
  };
  if (fromFamily.size >= FROM_FAMILY_KEPT) fromFamily.delete(fromFamily.keys().next().value!);
  fromFamily.set(gamma, table);
  return table;
}

/** A table in the form its evaluation wants: typed arrays, and per row the coefficients that matter. */
interface PreparedTable {
  gamma: number;
  edges: Float64Array;
  teNodes: number;
  vNodes: number;
  coefficients: Float64Array[];
  /** Per panel and t_e row, how many v coefficients matter (see prepare). */
  lengths: Int32Array[];
}

const preparedTables = new WeakMap<PhononRatioTable, PreparedTable>();

function prepared(t: PhononRatioTable): PreparedTable {
  let p = preparedTables.get(t);
  if (!p) {
    const m = t.vNodes;
    p = {
      gamma: t.gamma,
      edges: Float64Array.from(t.teEdges),
      teNodes: t.teNodes,
      vNodes: m,
      coefficients: t.coefficients.map((c) => Float64Array.from(c)),
      // The series decay fast: terms below 1e-13 of ρ (ρ itself is known to ~1e-8) are skipped,
      // about 40% of the work.
      lengths: t.coefficients.map((c) => {
        const cut = 1e-13 * Math.abs(c[0]);
        return Int32Array.from({ length: t.teNodes }, (_, k) => {
          let n = 0;
          for (let j = 0; j < m; j++) if (Math.abs(c[k * m + j]) > cut) n = j + 1;
          return n;
        });
      }),
    };
    preparedTables.set(t, p);
  }
  return p;
}

/** ρ at (t_e, v) from a table (t_e in its range). */
export function evaluateTable(t: PhononRatioTable, te: number, v: number): number {
  return evaluatePrepared(prepared(t), te, v);
}

function evaluatePrepared(t: PreparedTable, te: number, v: number): number {
  const edges = t.edges;
  // the panel [edges[i], edges[i+1]] holding t_e (the last one beyond it): bisection
  let lo = 0;
  let hi = edges.length - 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (te > edges[mid + 1]) lo = mid + 1;
    else hi = mid;
  }
  const i = lo;
  const a = edges[i];
  const b = edges[i + 1];
  const x = (2 * te - a - b) / (b - a);
  const y = 2 * v - 1;
  const c = t.coefficients[i];
  const lengths = t.lengths[i];
  const m = t.vNodes;
  // Clenshaw in t_e over rows that are themselves Clenshaw sums in v (no allocation: this is the hot path
  // of every heat-balance evaluation). The rows are summed two at a time, interleaved: each sum is a
  // chain of dependent steps, and two independent chains keep the processor busy (same arithmetic, so
  // the same result to the bit).
  let b1 = 0;
  let b2 = 0;
  let k = t.teNodes - 1;
  for (; k >= 1; k -= 2) {
    const la = lengths[k];
    const lb = lengths[k - 1];
    const oa = k * m;
    const ob = oa - m;
    let a1 = 0;
    let a2 = 0;
    let c1 = 0;
    let c2 = 0;
    let j = Math.max(la, lb) - 1;
    for (; j >= 1 && j >= Math.min(la, lb); j--) {
      if (j < la) {
        const a0 = 2 * y * a1 - a2 + c[oa + j];
        a2 = a1;
        a1 = a0;
      } else {
        const c0 = 2 * y * c1 - c2 + c[ob + j];
        c2 = c1;
        c1 = c0;
      }
    }
    for (; j >= 1; j--) {
      const a0 = 2 * y * a1 - a2 + c[oa + j];
      const c0 = 2 * y * c1 - c2 + c[ob + j];
      a2 = a1;
      a1 = a0;
      c2 = c1;
      c1 = c0;
    }
    const rowA = la === 0 ? 0 : y * a1 - a2 + c[oa];
    const rowB = lb === 0 ? 0 : y * c1 - c2 + c[ob];
    const b0 = 2 * x * b1 - b2 + rowA;
    b2 = b1;
    b1 = b0;
    if (k - 1 === 0) return x * b1 - b2 + rowB;
    const bb = 2 * x * b1 - b2 + rowB;
    b2 = b1;
    b1 = bb;
  }
  // an odd number of rows leaves row 0
  let d1 = 0;
  let d2 = 0;
  for (let j = lengths[0] - 1; j >= 1; j--) {
    const d0 = 2 * y * d1 - d2 + c[j];
    d2 = d1;
    d1 = d0;
  }
  const row = lengths[0] === 0 ? 0 : y * d1 - d2 + c[0];
  return x * b1 - b2 + row;
}

// Most work evaluates one γ over and over: keep its prepared table at hand (no map lookup per call).
let lastTable: PreparedTable | undefined;

function tableFor(gamma: number): PreparedTable | undefined {
  if (lastTable !== undefined && lastTable.gamma === gamma) return lastTable;
  const t =
    shipped.get(gamma) ??
    (inFamilyRange(gamma) && (family ?? loadPhononFamilySync()) ? familyTable(family!, gamma) : undefined);
  if (t === undefined) return undefined;
  lastTable = prepared(t);
  return lastTable;
}

/** The t_e panel edges of the J_ph,S table used at `gamma` (where ρ's series change), if one applies. */
export function phononTableEdges(gamma: number): Float64Array | undefined {
  return tableFor(gamma)?.edges;
}

/** ρ(t_e, t_b) from a shipped table or the loaded γ family, or undefined where no table applies. */
export function phononTableLookup(gamma: number, te: number, tb: number): number | undefined {
  const t = tableFor(gamma);
  return t && inTable(t.edges[0], te, tb) ? evaluatePrepared(t, te, tb / te) : undefined;
}

/** ρ(t_e, t_b) from the γ family alone (loaded first), also at the γ that have their own table: for tests. */
export async function phononFamilyLookup(gamma: number, te: number, tb: number): Promise<number | undefined> {
  await loadPhononFamily();
  if (!inFamilyRange(gamma)) return undefined;
  const t = familyTable(family!, gamma);
  return inTable(t.teEdges[0], te, tb) ? evaluateTable(t, te, tb / te) : undefined;
}

const inTable = (first: number, te: number, tb: number): boolean =>
  tb >= 0 && tb <= te && te <= 1 && te >= first;

/*
 * Building a table. For each t_e node the kernel h(e′; t_e) is evaluated once on a fixed composite
 * Gauss–Legendre rule in e′ (geometric panels from 0.01·t_e, split at δ and 2δ and around their width-Γ
 * features), and reused for every v node: j needs one kernel per t_e, not one per (t_e, t_b).
 */

export interface KernelRule {
  nodes: Float64Array;
  weights: Float64Array;
}

export function kernelRule(te: number, delta: number, g: number, pointsPerPanel = 24): KernelRule {
  const upper = 2 * delta + 50 * te;
  const cuts = new Set<number>([0]);
  // Below e′ = 0.01·t_e the integrand is O(e′³): one panel there carries < 1e-10 of the total.
  for (let x = 1e-2 * te; x < upper; x *= 2) cuts.add(x);
  for (const c of [delta, 2 * delta]) {
    if (c <= 0) continue;
    for (const k of [0, 1, 30, 300]) for (const s of [-1, 1]) if (c + s * k * g > 0) cuts.add(c + s * k * g);
  }
  cuts.add(upper);
  const edges = [...cuts].filter((x) => x <= upper).sort((p, q) => p - q);
  const gl = gaussLegendre(pointsPerPanel);
  const nodes: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const a = edges[i];
    const b = edges[i + 1];
    for (let k = 0; k < pointsPerPanel; k++) {
      nodes.push(0.5 * (a + b) + 0.5 * (b - a) * gl.nodes[k]);
      weights.push(0.5 * (b - a) * gl.weights[k]);
    }
  }
  return { nodes: Float64Array.from(nodes), weights: Float64Array.from(weights) };
}

/** ρ at one t_e for several v, from kernel values on `rule`. */
export function ratioFromKernel(
  te: number,
  vs: ArrayLike<number>,
  rule: KernelRule,
  kernel: Float64Array,
): Float64Array {
  const prefactor = 4 / (96 * zeta5);
  const out = new Float64Array(vs.length);
  for (let j = 0; j < vs.length; j++) {
    const tb = vs[j] * te;
    let sum = 0;
    for (let k = 0; k < rule.nodes.length; k++) {
      const x = rule.nodes[k];
      const nb = tb > 0 ? 1 / Math.expm1(x / tb) : 0;
      sum += rule.weights[k] * x * x * (nb - 1 / Math.expm1(x / te)) * kernel[k];
    }
    out[j] = (prefactor * sum) / (te ** 5 * (1 - vs[j] ** 5));
  }
  return out;
}

export function reducedGap(te: number, gamma: number): { delta: number; g: number } {
  return { delta: gap(te, 1) / kB, g: gamma * BCS_GAP_RATIO };
}

/** Chebyshev coefficients of ρ on one t_e panel, given ρ on the tensor nodes [i_te][j_v]. */
export function panelCoefficients(values: Float64Array[], teNodes: number, vNodes: number): number[] {
  // First along v for each t_e node, then along t_e for each v coefficient.
  const alongV = values.map((row) => chebyshevCoefficients(row));
  const out = new Array<number>(teNodes * vNodes);
  for (let j = 0; j < vNodes; j++) {
    const col = chebyshevCoefficients(alongV.map((r) => r[j]));
    for (let i = 0; i < teNodes; i++) out[i * vNodes + j] = col[i];
  }
  return out;
}

export { chebyshevNodes };
