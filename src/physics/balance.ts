/** Steady state of the left reservoir, F(T_L) = J_in − J_γ − J_ph,N − J_ph,S = 0 (paper Eq. 5, docs/model.md §6). */
import { brent, findAllRoots, minimize } from '../numerics/roots.js';
import {
  cellSeries,
  phononHeatIn,
  photonicNodes,
  scanInterval,
  scanNodes,
  SCAN_INTERVALS,
  type CellSeries,
  type PhotonicNodes,
  type ScanNodes,
} from './balance-scan.js';
import type { Device, Setup } from './device.js';
import { phononHeatNormal, phononHeatNormalDerivative, phononHeatSuperconductor } from './electron-phonon.js';
import {
  junctionResistance,
  photonicGradient,
  photonicHeatCurrent,
  photonicHeatCurrentAt,
  photonicHeatCurrentOfResistances,
} from './photonic.js';

/** Where the heat balance is solved: input power, right temperature, setup (SI). */
export interface OperatingPoint {
  /** Input power on the left reservoir, W. */
  Jin: number;
  /** Right reservoir temperature, K (in setup 2 it is also the bath temperature). */
  TR: number;
  /** 1: T_bath fixed (device.Tbath unless given); 2: T_bath = T_R. */
  setup: Setup;
  /** Bath temperature for setup 1, K; defaults to device.Tbath. Ignored in setup 2. */
  Tbath?: number;
}

/** One steady state of the left reservoir: T_L, its stability, ∂F/∂T_L and the responsivity. */
export interface BalanceRoot {
  /** Steady-state left temperature, K. */
  TL: number;
  /** ∂F/∂T_L < 0. */
  stable: boolean;
  /** ∂F/∂T_L, W/K. */
  dF_dTL: number;
  /** Responsivity dT_L/dT_R = −(dF/dT_R)/(∂F/∂T_L), with T_bath = T_R moving too in setup 2. */
  dTL_dTR: number;
}

/** Every steady state of the heat balance at one operating point (docs/model.md §6). */
export interface BalanceSolution {
  /** Every root in (T_bath, Tc), ascending. */
  roots: BalanceRoot[];
  /** True when J_in is too large for a root below Tc (the model does not apply there). */
  exceedsTc: boolean;
  /**
   * True when F(T_bath) ≤ 0: even at the bath temperature the left reservoir loses more heat than
   * J_in brings (a right reservoir below the bath draws it off, or J_in = 0 with T_R = T_bath), so a
   * steady state lies at or below the bath — outside (T_bath, Tc), where the model looks.
   */
  belowBath: boolean;
}

/** The bath temperature of an operating point. */
export function bathTemperature(device: Device, op: Pick<OperatingPoint, 'TR' | 'setup' | 'Tbath'>): number {
  return op.setup === 2 ? op.TR : (op.Tbath ?? device.Tbath);
}

/** Heat leaving the left reservoir to the bath, J_ph,N + J_ph,S, W. */
export function leftPhononHeat(device: Device, TL: number, Tb: number): number {
  return (
    phononHeatNormal(device.left.normal, TL, Tb) +
    phononHeatSuperconductor(device.left.superconductor, TL, Tb)
  );
}

/** F(T_L) of paper Eq. 5, W. */
export function balanceResidual(device: Device, Jin: number, TL: number, TR: number, Tb: number): number {
  return Jin - photonicHeatCurrent(device, TL, TR) - leftPhononHeat(device, TL, Tb);
}

// J_ph,S's temperature derivatives by central differences of its (smooth, tabulated) value: the step
// h = 1e-5·T balances truncation (~h²) and rounding (~ε/h) at ~1e-10 relative.
function superconductorPhononSlopes(
  device: Device,
  TL: number,
  Tb: number,
  withBath: boolean,
): { dTe: number; dTb: number } {
  const sc = device.left.superconductor;
  const he = 1e-5 * TL;
  const dTe =
    (phononHeatSuperconductor(sc, TL + he, Tb) - phononHeatSuperconductor(sc, TL - he, Tb)) / (2 * he);
  const hb = 1e-5 * Math.max(Tb, 1e-6);
  let dTb = 0;
  // Bath temperatures above T_L leave the J_ph,S table (a direct quadrature of seconds): for a root
  // within h of the bath the difference is taken one-sided from below, second order as the central one.
  if (withBath && Tb - 2 * hb > 0)
    dTb =
      Tb + hb < TL
        ? (phononHeatSuperconductor(sc, TL, Tb + hb) - phononHeatSuperconductor(sc, TL, Tb - hb)) / (2 * hb)
        : (3 * phononHeatSuperconductor(sc, TL, Tb) -
            4 * phononHeatSuperconductor(sc, TL, Tb - hb) +
            phononHeatSuperconductor(sc, TL, Tb - 2 * hb)) /
          (2 * hb);
  return { dTe, dTb };
}

/** F(T_L) at one operating point from its J_γ(·, T_R), for root searches (the same bits as balanceResidual). */
function residualAt(
  device: Device,
  Jin: number,
  photonic: (TL: number) => number,
  Tb: number,
): (TL: number) => number {
  return (TL) => Jin - photonic(TL) - leftPhononHeat(device, TL, Tb);
}

/** Stability and responsivity of a root (implicit-function theorem). */
export function describeRoot(device: Device, TL: number, TR: number, Tb: number, setup: Setup): BalanceRoot {
  const photon = photonicGradient(device, TL, TR);
  const sc = superconductorPhononSlopes(device, TL, Tb, setup === 2);
  const dF_dTL = -photon.dTL - phononHeatNormalDerivative(device.left.normal, TL) - sc.dTe;
  let dF_dTR = -photon.dTR;
  if (setup === 2) dF_dTR += phononHeatNormalDerivative(device.left.normal, Tb) - sc.dTb;
  return { TL, stable: dF_dTL < 0, dF_dTL, dTL_dTR: -dF_dTR / dF_dTL };
}

const ROOT_XTOL = 1e-13; // K: far below the 1 nK accuracy target
/** Largest first Newton step from the series' root accepted as final (see polishRoot), K. */
const SERIES_NEWTON_STEP = 1e-9;
const EPS = 2.220446049250313e-16;

/** The T_L roots of the heat balance alone (no stability or responsivity): what solveBalance describes. */
export interface BalanceRoots {
  /** Every root in (T_bath, Tc), ascending, K. */
  TL: number[];
  /** True when J_in is too large for a root below Tc (the model does not apply there). */
  exceedsTc: boolean;
  /** F(T_bath) ≤ 0: a steady state lies at or below the bath (see BalanceSolution). */
  belowBath: boolean;
}

/**
 * Every root T_L of the heat balance in (T_b, Tc), without describing them (the cheap part of
 * solveBalance, for outputs that need T_L alone).
 *
 * The scan: F = J_in − G on the 41 fixed nodes of balance-scan.ts, whose G values are exact cached
 * doubles, so the sign pattern — and the number of roots found — is that of a full evaluation at every
 * node. Each sign change is polished by `polishRoot`. An interior node where |F| has a local minimum
 * without a sign change may hide a pair of roots between its neighbours: there the extremum of G on
 * [x_{i−1}, x_{i+1}] (which does not depend on J_in, so it is found once per T_R and kept) decides.
 * Where G is clearly monotone between its turns (nearly always), the scan bisects each run instead of
 * reading all 41 nodes, with the same result (runRoots).
 */
export function balanceRoots(device: Device, op: OperatingPoint): BalanceRoots {
  const Tb = bathTemperature(device, op);
  const nodes = scanNodes(device, Tb);
  const at = photonicNodes(device, nodes, op.TR);
  const { grid, heat } = nodes;
  const photonic = at.photonic;
  const { Jin, TR } = op;
  const n = grid.length;
  if (scratch.length !== n) scratch = new Float64Array(n);
  const values = scratch;
  current.device = device;
  current.nodes = nodes;
  current.Jin = Jin;
  current.TR = TR;
  current.Tb = Tb;
  current.RR = at.RR;
  current.C = at.C;
  // Setup 1 keeps one bath over a whole map, so J_ph's interval series pay for themselves many times;
  // in setup 2 every T_R is a bath of its own, and building them would cost more than they save.
  current.phononSeries = op.setup !== 2;
  const F = residualNow;
  const G = heatOutNow;
  // A fresh array, returned as it is: clearing a kept one and copying out its roots costs more. Made
  // with room for one double (most points have one root): an empty array's first push allocates room
  // for 17, ~150 bytes a point, a third of what a sweep's solver allocates.
  const roots: number[] = [0];
  roots.pop();
  if (at.turns) return runRoots(roots, at.turns, at, nodes, values, Jin);
  for (let i = 0; i < n; i++) values[i] = Jin - photonic[i] - heat[i];
  for (let i = 0; i + 1 < n; i++) {
    const v = values[i];
    const w = values[i + 1];
    if (v === 0) pushRoot(roots, grid[i]);
    else if (w !== 0 && v > 0 !== w > 0)
      pushRoot(roots, polishRoot(F, grid, values, i, cellSeries(at, nodes, i, G), Jin));
  }
  if (values[n - 1] === 0) pushRoot(roots, grid[n - 1]);
  for (let i = 1; i + 1 < n; i++) probeMinimum(roots, at, grid, values, i, Jin);
  if (roots.length > 1) roots.sort(ascending);
  // A root at the bath node itself is no steady state above the bath.
  if (roots[0] <= grid[0]) roots.shift();
  return { TL: roots, exceedsTc: values[n - 1] > 0, belowBath: values[0] <= 0 };
}

/**
 * balanceRoots' scan where G is clearly monotone between its turning nodes (balance-scan.ts,
 * monotoneRuns): on each run F's signs change at most once, found by bisection over the run's nodes,
 * and |F| can only have a local minimum at a turning node. The roots are pushed in the scan's order
 * and the flags are the scan's, so the result is the full scan's bit for bit, after ~6 values of F per
 * run instead of 41.
 */
function runRoots(
  roots: number[],
  turns: Int32Array,
  at: PhotonicNodes,
  nodes: ScanNodes,
  values: Float64Array,
  Jin: number,
): BalanceRoots {
  const { grid, heat } = nodes;
  const { photonic } = at;
  const n = grid.length;
  // G rises on the first run unless it falls from node 0 to node 1; runs alternate.
  let rising = photonic[1] + heat[1] > photonic[0] + heat[0];
  for (let r = 0; r + 1 < turns.length; r++, rising = !rising) {
    const start = turns[r];
    const end = turns[r + 1];
    // The first node of the run past F's sign change (F ≤ 0 where G rises, F ≥ 0 where it falls).
    let lo = start;
    let hi = end + 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const f = (values[mid] = Jin - photonic[mid] - heat[mid]);
      if (rising ? f > 0 : f < 0) lo = mid + 1;
      else hi = mid;
    }
    if (lo > end) continue;
    // Both ends of the sign change were probed: lo as the last `hi = mid`, lo − 1 as the last `lo = mid + 1`.
    if (values[lo] === 0) pushRoot(roots, grid[lo]);
    else if (lo > start) {
      const cell = cellSeries(at, nodes, lo - 1, heatOutNow);
      pushRoot(roots, polishRoot(residualNow, grid, values, lo - 1, cell, Jin));
    }
  }
  for (let r = 1; r + 1 < turns.length; r++) {
    const i = turns[r];
    for (let k = i - 1; k <= i + 1; k++) values[k] = Jin - photonic[k] - heat[k];
    probeMinimum(roots, at, grid, values, i, Jin);
  }
  if (roots.length > 1) roots.sort(ascending);
  if (roots[0] <= grid[0]) roots.shift();
  return {
    TL: roots,
    exceedsTc: Jin - photonic[n - 1] - heat[n - 1] > 0,
    belowBath: Jin - photonic[0] - heat[0] <= 0,
  };
}

/**
 * Where |F| has a local minimum at node i without a sign change (v ≤ both neighbours for F > 0, ≥ for
 * F < 0), a pair of roots may hide between the neighbours: |F| = s(J_in − G) is smallest at the
 * extremum of G (a maximum for s > 0), found once per T_R; if F changes sign there, both roots are
 * bracketed.
 */
function probeMinimum(
  roots: number[],
  at: PhotonicNodes,
  grid: Float64Array,
  values: Float64Array,
  i: number,
  Jin: number,
): void {
  const u = values[i - 1];
  const v = values[i];
  const w = values[i + 1];
  const s =
    v > 0 && u > 0 && w > 0 && v <= u && v <= w ? 1 : v < 0 && u < 0 && w < 0 && v >= u && v >= w ? -1 : 0;
  if (s === 0) return;
  const extremum = at.extrema.get(s * (i + 1)) ?? extremumOfG(at, grid, i, s, heatOutNow);
  if (s * (Jin - extremum.G) >= 0) return;
  const fx = residualNow(extremum.x);
  if (fx === 0 || fx > 0 === s > 0) return; // rounding at a double root: no sign change to bracket
  pushRoot(roots, brent(residualNow, grid[i - 1], extremum.x, { fa: u, fb: fx, xtol: ROOT_XTOL }));
  pushRoot(roots, brent(residualNow, extremum.x, grid[i + 1], { fa: fx, fb: w, xtol: ROOT_XTOL }));
}

/**
 * The extremum of G on [x_{i−1}, x_{i+1}] (a maximum for s = 1), found once per T_R and kept. A function
 * of its own: a closure over `s` inside balanceRoots' loop would allocate a context at every node.
 */
function extremumOfG(
  at: PhotonicNodes,
  grid: Float64Array,
  i: number,
  s: number,
  G: (x: number) => number,
): { x: number; G: number } {
  const m = minimize((TL) => -s * G(TL), grid[i - 1], grid[i + 1], { rtol: 1e-12 });
  const extremum = { x: m.x, G: -s * m.f };
  at.extrema.set(s * (i + 1), extremum);
  return extremum;
}

/*
 * The operating point balanceRoots is solving, for F and G below: module state rather than closures
 * built per solve, which were a measurable share of a sweep's allocations (balanceRoots is not
 * re-entered while it runs).
 */
const current = {
  device: undefined as unknown as Device,
  nodes: undefined as unknown as ScanNodes,
  Jin: 0,
  TR: 0,
  Tb: 0,
  RR: 0,
  C: 0,
  phononSeries: true,
};

/** J_ph at the current operating point: the bath's interval series (setup 1) or the exact value. */
function phononNow(TL: number): number {
  const { device, nodes } = current;
  return current.phononSeries
    ? phononHeatIn(device, nodes, scanInterval(nodes, TL), TL)
    : leftPhononHeat(device, TL, nodes.Tb);
}

/**
 * F(T_L) at the current operating point: J_γ exact, J_ph from the bath's checked interval series in
 * setup 1 (balance-scan.ts; within 1e-12 of J_ph, so ≲ 1e-13 K on a root, where the 2-D J_ph,S table
 * costs most of an evaluation).
 */
function residualNow(TL: number): number {
  const { device, Jin, TR, RR, C } = current;
  return (
    Jin - photonicHeatCurrentOfResistances(junctionResistance(device.left, TL), RR, C, TL, TR) - phononNow(TL)
  );
}

/**
 * G = J_γ + J_ph at the current T_R, for what is kept per T_R: computed without J_in, so that what the
 * first point to ask stores does not depend on its J_in (that would make later points depend on the
 * order they are solved in).
 */
function heatOutNow(TL: number): number {
  const { device, TR, RR, C } = current;
  return photonicHeatCurrentOfResistances(junctionResistance(device.left, TL), RR, C, TL, TR) + phononNow(TL);
}

const ascending = (x: number, y: number): number => x - y;

/** Add a root unless it is one already found (to 1e-12 relative). */
function pushRoot(roots: number[], r: number): void {
  for (let k = 0; k < roots.length; k++)
    if (Math.abs(roots[k] - r) <= 1e-12 * Math.max(1, Math.abs(r))) return;
  roots.push(r);
}

// F on the scan nodes, reused from solve to solve (roots are polished before the next solve starts).
let scratch = new Float64Array(0);

/**
 * The root of F in the scan interval [x_i, x_{i+1}] (F changes sign there), to ROOT_XTOL.
 *
 * Start: the root of J_in − (G's series on the interval, kept per T_R: balance-scan.ts), found by
 * Newton on the series without evaluating F; it is within ~1e-9 K of the root. Then secant steps on
 * exact F, the first with the series' slope, kept inside the bracket that every evaluation narrows,
 * until a step is below the tolerance: 2 evaluations of F for most roots where Brent from the whole
 * interval takes ~8. A step that would leave the bracket hands over to Brent on what is left of it,
 * so the result is always a root of F in the interval. It depends on J_in, the node values and G's
 * series alone — never on an earlier solve — so a point's root has the same bits whichever chunk,
 * worker, shard or order computes it.
 */
function polishRoot(
  F: (x: number) => number,
  grid: Float64Array,
  values: Float64Array,
  i: number,
  cell: CellSeries,
  Jin: number,
): number {
  let a = grid[i];
  let fa = values[i];
  let b = grid[i + 1];
  let fb = values[i + 1];
  // Root of the series model in t ∈ [−1, 1] (x = mid + half·t): Newton from the chord's root,
  // safeguarded by bisection on the model's bracket, to ~1e-10 of the interval (the series' accuracy).
  const { coeffs } = cell;
  const mid = 0.5 * (cell.a + cell.b);
  const half = 0.5 * (cell.b - cell.a);
  let tlo = -1;
  let thi = 1;
  const rising = fb > fa;
  let t = (a - (fa * (b - a)) / (fb - fa) - mid) / half;
  let dpdt = (fb - fa) / 2;
  for (let k = 0; k < 40; k++) {
    // Clenshaw for Σ c_j T_j(t) and its t-derivative together.
    let b1 = 0;
    let b2 = 0;
    let d1 = 0;
    let d2 = 0;
    for (let j = coeffs.length - 1; j >= 1; j--) {
      const b0 = 2 * t * b1 - b2 + coeffs[j];
      const d0 = 2 * b1 + 2 * t * d1 - d2;
      b2 = b1;
      b1 = b0;
      d2 = d1;
      d1 = d0;
    }
    const p = Jin - (t * b1 - b2 + coeffs[0]);
    const dp = -(b1 + t * d1 - d2);
    if (p === 0) break;
    if (p > 0 === rising) thi = t;
    else tlo = t;
    let next = t - p / dp;
    if (!(next > tlo && next < thi)) next = 0.5 * (tlo + thi);
    const done = Math.abs(next - t) <= 1e-10;
    t = next;
    if (dp !== 0 && Number.isFinite(dp)) dpdt = dp;
    if (done) break;
  }
  let x = mid + half * t;
  let slope = dpdt / half;
  const chord = Math.abs((fb - fa) / (b - a));
  // Secant steps on F, the first with the series' slope.
  let xPrev = NaN;
  let fPrev = NaN;
  for (let k = 0; k < 12; k++) {
    const fx = F(x);
    if (fx === 0) return x;
    if (Math.sign(fx) === Math.sign(fa)) {
      a = x;
      fa = fx;
    } else {
      b = x;
      fb = fx;
    }
    if (k > 0 && fx !== fPrev) slope = (fx - fPrev) / (x - xPrev);
    const next = x - fx / slope;
    // A step below half an ulp: x is the root to rounding (x has just become an end of the bracket,
    // so the test below would hand it to Brent for nothing).
    if (next === x) return x;
    if (!(next > Math.min(a, b) && next < Math.max(a, b))) break;
    const step = Math.abs(next - x);
    if (step <= 0.5 * ROOT_XTOL + 8 * EPS * Math.abs(x)) return next;
    // The first step is Newton's with the series' slope: it leaves |step|·(the slope's relative error)
    // + O(step²). Where the slope is not small against the interval's chord, the series' slope is good
    // to ≲ 1e-5 relative, so a step ≤ SERIES_NEWTON_STEP leaves ≲ 1e-14 K: one evaluation of F per root.
    if (k === 0 && step <= SERIES_NEWTON_STEP && Math.abs(slope) >= 1e-2 * chord) return next;
    xPrev = x;
    fPrev = fx;
    x = next;
  }
  return brent(F, a, b, { fa, fb, xtol: ROOT_XTOL });
}

/** Every root T_L of the heat balance in (T_bath, Tc), with stability and responsivity. */
export function solveBalance(device: Device, op: OperatingPoint): BalanceSolution {
  const Tb = bathTemperature(device, op);
  const { TL, exceedsTc, belowBath } = balanceRoots(device, op);
  return { roots: TL.map((x) => describeRoot(device, x, op.TR, Tb, op.setup)), exceedsTc, belowBath };
}

/**
 * solveBalance by the generic all-roots search (findAllRoots: the same 41 nodes, Brent from each
 * interval, |F| minima probed at every call), evaluating everything afresh: the reference the cached
 * scan and polish of `balanceRoots` are tested against.
 */
export function solveBalanceFullScan(device: Device, op: OperatingPoint): BalanceSolution {
  const Tb = bathTemperature(device, op);
  const hi = device.left.superconductor.Tc * (1 - 1e-12);
  const n = SCAN_INTERVALS;
  const grid = Array.from(
    { length: n + 1 },
    (_, i) => Tb + (hi - Tb) * ((Math.exp((3 * i) / n) - 1) / (Math.exp(3) - 1)),
  );
  const F = (TL: number): number => balanceResidual(device, op.Jin, TL, op.TR, Tb);
  const values = grid.map(F);
  const roots = findAllRoots(F, grid[0], grid[n], { grid, values, xtol: ROOT_XTOL }).filter(
    (TL) => TL > grid[0],
  );
  return {
    roots: roots.map((TL) => describeRoot(device, TL, op.TR, Tb, op.setup)),
    exceedsTc: values[n] > 0,
    belowBath: values[0] <= 0,
  };
}

/**
 * The root reached from `guess` by moving the way F points (F > 0: hotter), i.e. the continuation of a
 * stable branch; for dense curves, where a full scan per point would dominate. Undefined if no root lies
 * in (T_b, Tc) that way. Use `solveBalance` when every root is wanted.
 */
export function solveBalanceNear(device: Device, op: OperatingPoint, guess: number): BalanceRoot | undefined {
  const TL = balanceRootNear(device, op, guess);
  return TL === undefined
    ? undefined
    : describeRoot(device, TL, op.TR, bathTemperature(device, op), op.setup);
}

/** T_L alone of `solveBalanceNear` (no stability or responsivity), to `xtol` K. */
export function balanceRootNear(
  device: Device,
  op: OperatingPoint,
  guess: number,
  xtol = ROOT_XTOL,
  /** First probe's distance from the guess, K (default 1e-4·guess); widened ×4 until F changes sign. */
  initialStep?: number,
): number | undefined {
  const Tb = bathTemperature(device, op);
  const Tc = device.left.superconductor.Tc;
  const F = residualAt(device, op.Jin, photonicHeatCurrentAt(device, op.TR), Tb);
  const lo = Tb;
  const hi = Tc * (1 - 1e-12);
  // Along a curve the root moves little between neighbouring points: probe close to the guess on the
  // side F points to (F > 0: the root is hotter), then widen geometrically.
  const x0 = Math.max(lo, Math.min(hi, guess));
  const f0 = F(x0);
  if (f0 === 0) return x0 > lo ? x0 : undefined;
  const direction = f0 > 0 ? 1 : -1;
  let a = x0;
  let fa = f0;
  let b = x0;
  let fb = f0;
  let step = initialStep ?? 1e-4 * Math.max(x0, 1e-3);
  while (Math.sign(fb) === Math.sign(f0)) {
    a = b;
    fa = fb;
    if ((direction > 0 && b >= hi) || (direction < 0 && b <= lo)) return undefined;
    b = direction > 0 ? Math.min(hi, b + step) : Math.max(lo, b - step);
    fb = F(b);
    step *= 4;
  }
  const TL = fb === 0 ? b : brent(F, a, b, { fa, fb, xtol });
  return TL > lo ? TL : undefined;
}

/** The input power that puts the left reservoir at T_L (the inverse solve: J_in = J_γ + J_ph), W. */
export function inputPowerForTarget(
  device: Device,
  TL: number,
  TR: number,
  setup: Setup,
  Tbath?: number,
): number {
  const Tb = bathTemperature(device, { TR, setup, Tbath });
  return photonicHeatCurrent(device, TL, TR) + leftPhononHeat(device, TL, Tb);
}
