/**
 * The heat balance's scan (docs/model.md §6): the fixed T_L nodes in (T_b, Tc) on which F(T_L) = J_in − G(T_L),
 * G = J_γ(T_L, T_R) + J_ph(T_L, T_b), is sampled to bracket every root, with G's node values cached.
 *
 * G does not depend on J_in, and its parts depend on few parameters: the nodes, J_ph and R_L on them on
 * the left reservoir and T_b; J_γ on them on the right reservoir and T_R as well. A sweep revisits these
 * keys over and over (a T_R × J_in map computes each T_R's nodes once instead of once per J_in; setup 2
 * builds each T_b's nodes once; a χ sweep keeps the left reservoir's), so they are kept as exact doubles:
 * the values a fresh computation gives, bit for bit. Besides them, per T_R: the extrema of G probed
 * between nodes, and G's series on the intervals where roots were found (cellSeries), both computed
 * from G alone. Every kept value is a function of its key only, never of which point asked first, so
 * a cache hit or miss never changes a result, and results do not depend on the order points are
 * solved in (chunks, workers, shards, resume). Errors: the node values are exact; the series' error
 * moves no root (see cellSeries).
 *
 * Bounds: at most MAX_BATHS bath temperatures per left reservoir and MAX_TR right temperatures per
 * bath and right reservoir (≤ 3 kB each); a full map is emptied, not trimmed (still exact, only slower).
 */
import { chebyshevCoefficients, chebyshevNodes, clenshaw } from '../numerics/chebyshev.js';
import type { Device, Reservoir } from './device.js';
import { leftPhononHeat } from './balance.js';
import { phononTableEdges } from './electron-phonon-table.js';
import { junctionResistance, photonicHeatCurrentOfResistances } from './photonic.js';

/** Intervals of the scan: 41 nodes, geometric in T_L − T_b (F varies fastest near T_b). */
export const SCAN_INTERVALS = 40;
const MAX_BATHS = 1024;
const MAX_TR = 4096;

/** J_γ(·, T_R) on the nodes of one bath, and what the root search needs at that T_R. */
export interface PhotonicNodes {
  TR: number;
  /** R_R(T_R), Ω. */
  RR: number;
  /** C_L + C_R, F. */
  C: number;
  /** J_γ(x_i, T_R), W. */
  photonic: Float64Array;
  /**
   * Where G = J_γ + J_ph turns along the nodes: node indices 0 = t_0 < t_1 < … < t_m = 40 such that G
   * rises clearly from node to node on [t_0, t_1], falls clearly on [t_1, t_2], and so on (clearly: by
   * more than the rounding of F = J_in − G at either node, whatever J_in; see monotoneRuns). Undefined
   * where some step is not clear: balance.ts then scans every node.
   */
  turns: Int32Array | undefined;
  /** Interior extrema of G probed so far, by node index × sign (see balance.ts). */
  extrema: Map<number, { x: number; G: number }>;
  /** Per scan interval, once asked for: G as a Chebyshev series on it (see cellSeries). */
  cells: (CellSeries | undefined)[];
}

/** G on one scan interval [a, b] as Σ c_k T_k(t), t = (2x − a − b)/(b − a). */
export interface CellSeries {
  a: number;
  b: number;
  coeffs: Float64Array;
}

/** Nodes of the interval series: degree 7 resolves G to ~1e-9 of its range on an interval. */
const CELL_NODES = 8;

/**
 * G on scan interval i as a Chebyshev series through CELL_NODES exact values (cached with the T_R's
 * nodes, built the first time a root falls in the interval). It only starts the root polish
 * (balance.ts), which then converges on exact F, so its error moves no root; it puts the start
 * ~1e-9 K from the root, where a cubic through the four nearest nodes is ~1e-5 K off (2 evaluations
 * of F per root instead of 3–5).
 */
export function cellSeries(
  p: PhotonicNodes,
  nodes: ScanNodes,
  i: number,
  G: (x: number) => number,
): CellSeries {
  let cell = p.cells[i];
  if (cell) return cell;
  const a = nodes.grid[i];
  const b = nodes.grid[i + 1];
  cell = { a, b, coeffs: chebyshevCoefficients(Array.from(chebyshevNodes(CELL_NODES, a, b), G)) };
  p.cells[i] = cell;
  return cell;
}

/** The scan nodes for one bath temperature: what depends on the left reservoir and T_b alone. */
export interface ScanNodes {
  Tb: number;
  /** T_L nodes, K: x_0 = T_b … x_40 = Tc(1 − 1e-12). */
  grid: Float64Array;
  /** J_ph,N + J_ph,S at the nodes, W. */
  heat: Float64Array;
  /** R_L at the nodes, Ω. */
  RL: Float64Array;
  /** J_γ on the nodes per right reservoir (object, checked by its numbers) and T_R. */
  byRight: WeakMap<Reservoir, RightEntry>;
  /** Per scan interval, once asked for: J_ph as a checked series on it (see phononCell). */
  phonon: (PhononCell | undefined)[];
  lastRight?: RightEntry;
}

interface RightEntry {
  reservoir: Reservoir;
  /** The right reservoir's numbers J_γ depends on, and C_L + C_R. */
  key: Float64Array;
  C: number;
  byTR: Map<number, PhotonicNodes>;
  /** The entry asked for last: a right reservoir often sees one T_R (a χ sweep makes one per point). */
  lastTR?: PhotonicNodes;
  /**
   * byTR's entries by a hash of T_R's bits, the newest per slot, from the second T_R on: a Map lookup
   * by a number key costs ~0.2 µs, several times this (a T_R × J_in map looks one up per point).
   */
  slots?: (PhotonicNodes | undefined)[];
}

const SLOT_BITS = 12;
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

/** The slot of T_R in RightEntry.slots. */
function slotOf(TR: number): number {
  bits[0] = TR;
  return Math.imul(words[0] ^ Math.imul(words[1], 0x85ebca6b), 0x9e3779b1) >>> (32 - SLOT_BITS);
}

interface LeftEntry {
  key: Float64Array;
  baths: Map<number, ScanNodes>;
  last?: ScanNodes;
}

/*
 * Keyed by the left reservoir object: a sweep varying χ or other right-side parameters builds a new
 * device (and right reservoir) per point but keeps the left one, whose nodes and heat then stay.
 * Every entry also holds the numbers it was computed from, so a reservoir edited in place never hits
 * a stale entry.
 */
const entries = new WeakMap<Reservoir, LeftEntry>();

const leftKey = (l: Reservoir): Float64Array =>
  Float64Array.of(
    l.superconductor.Tc,
    l.superconductor.gamma,
    l.superconductor.Sigma,
    l.superconductor.volume,
    l.normal.Sigma,
    l.normal.n,
    l.normal.volume,
    l.junction.r0,
    l.junction.c,
    l.junction.area,
  );

/** Whether `k` still holds the left reservoir's numbers (field by field: no allocation). */
const leftHolds = (k: Float64Array, l: Reservoir): boolean =>
  k[0] === l.superconductor.Tc &&
  k[1] === l.superconductor.gamma &&
  k[2] === l.superconductor.Sigma &&
  k[3] === l.superconductor.volume &&
  k[4] === l.normal.Sigma &&
  k[5] === l.normal.n &&
  k[6] === l.normal.volume &&
  k[7] === l.junction.r0 &&
  k[8] === l.junction.c &&
  k[9] === l.junction.area;

const rightKey = (r: Reservoir): Float64Array =>
  Float64Array.of(r.superconductor.Tc, r.superconductor.gamma, r.junction.r0, r.junction.c, r.junction.area);

const rightHolds = (k: Float64Array, r: Reservoir): boolean =>
  k[0] === r.superconductor.Tc &&
  k[1] === r.superconductor.gamma &&
  k[2] === r.junction.r0 &&
  k[3] === r.junction.c &&
  k[4] === r.junction.area;

// The last left reservoir asked for: a sweep asks for the same one point after point.
let lastLeft: Reservoir | undefined;
let lastEntry: LeftEntry | undefined;

/** The scan nodes of `device` at bath temperature Tb (cached). */
export function scanNodes(device: Device, Tb: number): ScanNodes {
  const left = device.left;
  let entry = left === lastLeft ? lastEntry : entries.get(left);
  if (!entry || !leftHolds(entry.key, left)) {
    entry = { key: leftKey(left), baths: new Map() };
    entries.set(left, entry);
  }
  lastLeft = left;
  lastEntry = entry;
  if (entry.last?.Tb === Tb) return entry.last;
  let nodes = entry.baths.get(Tb);
  if (nodes) return (entry.last = nodes);
  const hi = left.superconductor.Tc * (1 - 1e-12);
  const n = SCAN_INTERVALS;
  const grid = Float64Array.from(
    { length: n + 1 },
    (_, i) => Tb + (hi - Tb) * ((Math.exp((3 * i) / n) - 1) / (Math.exp(3) - 1)),
  );
  nodes = {
    Tb,
    grid,
    heat: grid.map((TL) => leftPhononHeat(device, TL, Tb)),
    RL: grid.map((TL) => junctionResistance(left, TL)),
    byRight: new WeakMap(),
    phonon: [],
  };
  if (entry.baths.size >= MAX_BATHS) entry.baths.clear();
  entry.baths.set(Tb, nodes);
  return (entry.last = nodes);
}

/** J_γ(x_i, T_R) on the nodes (cached): the same bits as photonicHeatCurrent(device, x_i, T_R). */
export function photonicNodes(device: Device, nodes: ScanNodes, TR: number): PhotonicNodes {
  const { left, right } = device;
  let r = nodes.lastRight?.reservoir === right ? nodes.lastRight : nodes.byRight.get(right);
  // C_L + C_R also depends on the left junction, whose numbers the left entry has checked.
  if (!r || !rightHolds(r.key, right)) {
    const C = left.junction.c * left.junction.area + right.junction.c * right.junction.area;
    r = { reservoir: right, key: rightKey(right), C, byTR: new Map() };
    nodes.byRight.set(right, r);
  }
  nodes.lastRight = r;
  if (r.lastTR?.TR === TR) return r.lastTR;
  const slot = slotOf(TR);
  let p = r.slots?.[slot];
  if (p?.TR !== TR) p = r.byTR.get(TR);
  if (!p) {
    const RR = junctionResistance(right, TR);
    const photonic = new Float64Array(nodes.grid.length);
    for (let i = 0; i < photonic.length; i++)
      photonic[i] = photonicHeatCurrentOfResistances(nodes.RL[i], RR, r.C, nodes.grid[i], TR);
    p = {
      TR,
      RR,
      C: r.C,
      photonic,
      turns: monotoneRuns(photonic, nodes.heat),
      extrema: new Map(),
      cells: [],
    };
    if (r.byTR.size >= MAX_TR) {
      r.byTR.clear();
      r.slots?.fill(undefined);
    }
    r.byTR.set(TR, p);
    if (r.byTR.size > 1) r.slots ??= new Array<PhotonicNodes | undefined>(1 << SLOT_BITS);
  }
  if (r.slots) r.slots[slot] = p;
  return (r.lastTR = p);
}

/**
 * The turning nodes of G_i = P_i + H_i (PhotonicNodes.turns), if every step G_i → G_i+1 exceeds
 * 64ε·max_j(|P_j| + |H_j|) in size. F_i = (J_in − P_i) − H_i lies within 2ε(|J_in| + |P_i| + |H_i|) of
 * J_in − G_i; for |J_in| ≤ 4 max|G| that is ≤ 10ε max(|P| + |H|), so along a run F's computed signs
 * change at most once (at most one node exactly zero) and, where the signs agree, its values move
 * strictly the other way to G — |F| has no minimum inside a run. For larger |J_in|, F has one sign
 * everywhere and a root would need G to exceed J_in between the nodes: no scan sees such a spike either.
 */
function monotoneRuns(P: Float64Array, H: Float64Array): Int32Array | undefined {
  let size = 0;
  for (let i = 0; i < P.length; i++) size = Math.max(size, Math.abs(P[i]) + Math.abs(H[i]));
  const margin = 64 * Number.EPSILON * size;
  const turns = [0];
  let direction = 0;
  for (let i = 0; i + 1 < P.length; i++) {
    const step = P[i + 1] - P[i] + (H[i + 1] - H[i]);
    if (!(Math.abs(step) > margin)) return undefined;
    const d = step > 0 ? 1 : -1;
    if (direction !== 0 && d !== direction) turns.push(i);
    direction = d;
  }
  turns.push(P.length - 1);
  return Int32Array.from(turns);
}

/** J_ph = J_ph,N + J_ph,S on one scan interval of one bath, as series where they were checked. */
export interface PhononCell {
  /** The interval cut at the J_ph,S table's panel edges (where its series change): piece k is
   * [edges[k], edges[k + 1]]. */
  edges: Float64Array;
  /** Per piece, Chebyshev coefficients on it, or undefined where the series failed its check (near Tc). */
  coeffs: (Float64Array | undefined)[];
}

/** Nodes of a J_ph piece's series (degree 11); it is checked at the 11 points between them. */
const PHONON_NODES = 12;
/**
 * A J_ph series is used when it matches J_ph at every check point to this fraction of the largest |J_ph|
 * on the piece: below the J_ph,S table's own ~1e-8 of J_ph,S, and a root moves by at most this fraction
 * of J_ph/|∂F/∂T_L| (~1e-13 K at 0.5 K).
 */
const PHONON_SERIES_TOLERANCE = 1e-12;

/**
 * J_ph on scan interval i as series, replacing the 2-D J_ph,S table in the root polish: one bath's J_ph is
 * a smooth function of T_L alone between the table's panel edges. Built once per bath and interval from
 * PHONON_NODES exact values per piece and checked against exact values between the nodes; a piece where
 * the check fails (the gap's √(Tc − T) near Tc) keeps the exact evaluation. A function of the bath and
 * interval only.
 */
export function phononCell(device: Device, nodes: ScanNodes, i: number): PhononCell {
  let cell = nodes.phonon[i];
  if (cell) return cell;
  const a = nodes.grid[i];
  const b = nodes.grid[i + 1];
  const { Tb } = nodes;
  const sc = device.left.superconductor;
  const cuts = [a];
  for (const te of phononTableEdges(sc.gamma) ?? [])
    if (te * sc.Tc > a && te * sc.Tc < b) cuts.push(te * sc.Tc);
  cuts.push(b);
  const exact = (x: number): number => leftPhononHeat(device, x, Tb);
  const coeffs = cuts.slice(1).map((hi, k) => checkedSeries(exact, cuts[k], hi));
  cell = { edges: Float64Array.from(cuts), coeffs };
  nodes.phonon[i] = cell;
  return cell;
}

/** f's series on [a, b] through PHONON_NODES values, if it passes the check between the nodes. */
function checkedSeries(f: (x: number) => number, a: number, b: number): Float64Array | undefined {
  const values = Array.from(chebyshevNodes(PHONON_NODES, a, b), f);
  const coeffs = chebyshevCoefficients(values);
  let largest = 0;
  for (const v of values) largest = Math.max(largest, Math.abs(v));
  for (let k = 1; k < PHONON_NODES; k++) {
    const t = Math.cos((Math.PI * k) / PHONON_NODES);
    const x = 0.5 * (a + b) + 0.5 * (b - a) * t;
    if (!(Math.abs(clenshaw(coeffs, t) - f(x)) <= PHONON_SERIES_TOLERANCE * largest)) return undefined;
  }
  return coeffs;
}

/** The scan interval holding x (x in [x_0, x_40]). */
export function scanInterval(nodes: ScanNodes, x: number): number {
  const { grid, Tb } = nodes;
  const n = grid.length - 1;
  const hi = grid[n];
  let i = Math.floor((n * Math.log1p(((x - Tb) * (Math.exp(3) - 1)) / (hi - Tb))) / 3);
  i = Math.min(n - 1, Math.max(0, i));
  while (i > 0 && x < grid[i]) i--;
  while (i < n - 1 && x > grid[i + 1]) i++;
  return i;
}

/** J_ph at x in scan interval i: its checked series, or the exact value where there is none. */
export function phononHeatIn(device: Device, nodes: ScanNodes, i: number, x: number): number {
  const { edges, coeffs } = phononCell(device, nodes, i);
  let k = 0;
  while (k + 2 < edges.length && x > edges[k + 1]) k++;
  const c = coeffs[k];
  if (c === undefined) return leftPhononHeat(device, x, nodes.Tb);
  return clenshaw(c, (2 * x - edges[k] - edges[k + 1]) / (edges[k + 1] - edges[k]));
}
