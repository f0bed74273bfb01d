/**
 * The heat balance's scan (MODEL.md §6): the fixed T_L nodes in (T_b, Tc) on which F(T_L) = J_in − G(T_L),
 * G = J_γ(T_L, T_R) + J_ph(T_L, T_b), is sampled to bracket every root, with G's exact node values cached.
 *
 * G does not depend on J_in, and its parts depend on few parameters: the nodes and J_ph on them on
 * (left reservoir, T_b); R_L on them on the left junction; J_γ on them on T_R as well. A sweep revisits
 * these keys over and over (a T_R × J_in map computes each T_R's nodes once instead of once per J_in;
 * setup 2 builds each T_b's nodes once), so they are kept, per device object, as exact doubles — the
 * values a fresh computation gives, bit for bit: a cache hit or miss never changes a result, so results
 * do not depend on the order points are solved in (chunks, workers, shards, resume).
 *
 * Bounds: at most MAX_BATHS bath temperatures per device and MAX_TR right temperatures per bath (about
 * 0.5 kB each); a full map is emptied, not trimmed (still exact, only slower).
 */
import { chebyshevCoefficients, chebyshevNodes } from '../numerics/chebyshev.js';
import type { Device } from './device.js';
import { leftPhononHeat } from './balance.js';
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
  /** J_γ(x_i, T_R), W. */
  photonic: Float64Array;
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

/** The scan nodes for one bath temperature. */
export interface ScanNodes {
  Tb: number;
  /** T_L nodes, K: x_0 = T_b … x_40 = Tc(1 − 1e-12). */
  grid: Float64Array;
  /** J_ph,N + J_ph,S at the nodes, W. */
  heat: Float64Array;
  /** R_L at the nodes, Ω. */
  RL: Float64Array;
  /** C_L + C_R, F. */
  C: number;
  byTR: Map<number, PhotonicNodes>;
  lastTR?: PhotonicNodes;
}

interface DeviceEntry {
  key: Float64Array;
  baths: Map<number, ScanNodes>;
  last?: ScanNodes;
}

const entries = new WeakMap<Device, DeviceEntry>();

/** Every device number the scan depends on (a device edited in place never hits a stale entry). */
function deviceKey(d: Device): Float64Array {
  const { left: l, right: r } = d;
  return Float64Array.of(
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
    r.superconductor.Tc,
    r.superconductor.gamma,
    r.junction.r0,
    r.junction.c,
    r.junction.area,
  );
}

/** Whether `key` still holds `d`'s numbers (field by field: no allocation on the hot path). */
function keyHolds(k: Float64Array, d: Device): boolean {
  const { left: l, right: r } = d;
  return (
    k[0] === l.superconductor.Tc &&
    k[1] === l.superconductor.gamma &&
    k[2] === l.superconductor.Sigma &&
    k[3] === l.superconductor.volume &&
    k[4] === l.normal.Sigma &&
    k[5] === l.normal.n &&
    k[6] === l.normal.volume &&
    k[7] === l.junction.r0 &&
    k[8] === l.junction.c &&
    k[9] === l.junction.area &&
    k[10] === r.superconductor.Tc &&
    k[11] === r.superconductor.gamma &&
    k[12] === r.junction.r0 &&
    k[13] === r.junction.c &&
    k[14] === r.junction.area
  );
}

// The last device and bath asked for: a sweep asks for the same ones point after point.
let lastDevice: Device | undefined;
let lastEntry: DeviceEntry | undefined;

/** The scan nodes of `device` at bath temperature Tb (cached). */
export function scanNodes(device: Device, Tb: number): ScanNodes {
  let entry = device === lastDevice ? lastEntry : entries.get(device);
  if (!entry || !keyHolds(entry.key, device)) {
    entry = { key: deviceKey(device), baths: new Map() };
    entries.set(device, entry);
  }
  lastDevice = device;
  lastEntry = entry;
  if (entry.last?.Tb === Tb) return entry.last;
  let nodes = entry.baths.get(Tb);
  if (nodes) return (entry.last = nodes);
  const hi = device.left.superconductor.Tc * (1 - 1e-12);
  const n = SCAN_INTERVALS;
  const grid = Float64Array.from(
    { length: n + 1 },
    (_, i) => Tb + (hi - Tb) * ((Math.exp((3 * i) / n) - 1) / (Math.exp(3) - 1)),
  );
  const { left, right } = device;
  nodes = {
    Tb,
    grid,
    heat: grid.map((TL) => leftPhononHeat(device, TL, Tb)),
    RL: grid.map((TL) => junctionResistance(left, TL)),
    C: left.junction.c * left.junction.area + right.junction.c * right.junction.area,
    byTR: new Map(),
  };
  if (entry.baths.size >= MAX_BATHS) entry.baths.clear();
  entry.baths.set(Tb, nodes);
  return (entry.last = nodes);
}

/** J_γ(x_i, T_R) on the nodes (cached): the same bits as photonicHeatCurrent(device, x_i, T_R). */
export function photonicNodes(device: Device, nodes: ScanNodes, TR: number): PhotonicNodes {
  if (nodes.lastTR?.TR === TR) return nodes.lastTR;
  let p = nodes.byTR.get(TR);
  if (p) return (nodes.lastTR = p);
  const RR = junctionResistance(device.right, TR);
  const photonic = new Float64Array(nodes.grid.length);
  for (let i = 0; i < photonic.length; i++)
    photonic[i] = photonicHeatCurrentOfResistances(nodes.RL[i], RR, nodes.C, nodes.grid[i], TR);
  p = { TR, RR, photonic, extrema: new Map(), cells: [] };
  if (nodes.byTR.size >= MAX_TR) nodes.byTR.clear();
  nodes.byTR.set(TR, p);
  return (nodes.lastTR = p);
}
