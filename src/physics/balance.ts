/** Steady state of the left reservoir, F(T_L) = J_in − J_γ − J_ph,N − J_ph,S = 0 (paper Eq. 5, MODEL.md §6). */
import { brent, findAllRoots } from '../numerics/roots.js';
import type { Device, Setup } from './device.js';
import { phononHeatNormal, phononHeatNormalDerivative, phononHeatSuperconductor } from './electron-phonon.js';
import { photonicGradient, photonicHeatCurrent, photonicHeatCurrentAt } from './photonic.js';

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

export interface BalanceSolution {
  /** Every root in (T_bath, Tc), ascending. */
  roots: BalanceRoot[];
  /** True when J_in is too large for a root below Tc (the model does not apply there). */
  exceedsTc: boolean;
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
function superconductorPhononSlopes(device: Device, TL: number, Tb: number): { dTe: number; dTb: number } {
  const sc = device.left.superconductor;
  const he = 1e-5 * TL;
  const dTe =
    (phononHeatSuperconductor(sc, TL + he, Tb) - phononHeatSuperconductor(sc, TL - he, Tb)) / (2 * he);
  const hb = 1e-5 * Math.max(Tb, 1e-6);
  const dTb =
    Tb - hb > 0 && Tb + hb < TL
      ? (phononHeatSuperconductor(sc, TL, Tb + hb) - phononHeatSuperconductor(sc, TL, Tb - hb)) / (2 * hb)
      : 0;
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
  const sc = superconductorPhononSlopes(device, TL, Tb);
  const dF_dTL = -photon.dTL - phononHeatNormalDerivative(device.left.normal, TL) - sc.dTe;
  let dF_dTR = -photon.dTR;
  if (setup === 2) dF_dTR += phononHeatNormalDerivative(device.left.normal, Tb) - sc.dTb;
  return { TL, stable: dF_dTL < 0, dF_dTL, dTL_dTR: -dF_dTR / dF_dTL };
}

const ROOT_XTOL = 1e-13; // K: far below the 1 nK accuracy target

// The scan grid depends only on T_b and Tc, and so do the phonon terms on it: along a setup-1 curve
// (fixed bath) they are the same at every T_R. The last grid is kept per left reservoir, keyed by every
// number the phonon terms depend on (a device edited in place never hits a stale entry).
const SCAN_POINTS = 40;
const phononOnGrid = new WeakMap<object, { key: number[]; grid: number[]; heat: Float64Array }>();

function scanGrid(device: Device, Tb: number): { grid: number[]; heat: Float64Array } {
  const { normal, superconductor: sc } = device.left;
  const cached = phononOnGrid.get(device.left);
  if (
    cached &&
    cached.key[0] === Tb &&
    cached.key[1] === sc.Tc &&
    cached.key[2] === sc.gamma &&
    cached.key[3] === sc.Sigma &&
    cached.key[4] === sc.volume &&
    cached.key[5] === normal.Sigma &&
    cached.key[6] === normal.n &&
    cached.key[7] === normal.volume
  )
    return cached;
  const key = [Tb, sc.Tc, sc.gamma, sc.Sigma, sc.volume, normal.Sigma, normal.n, normal.volume];
  const hi = sc.Tc * (1 - 1e-12);
  // Geometric-in-(T − T_b) sampling resolves the low-temperature end, where F varies fastest in T.
  const n = SCAN_POINTS;
  const grid = Array.from(
    { length: n + 1 },
    (_, i) => Tb + (hi - Tb) * ((Math.exp((3 * i) / n) - 1) / (Math.exp(3) - 1)),
  );
  const heat = Float64Array.from(grid, (TL) => leftPhononHeat(device, TL, Tb));
  const entry = { key, grid, heat };
  phononOnGrid.set(device.left, entry);
  return entry;
}

/** Every root T_L of the heat balance in (T_bath, Tc), with stability and responsivity. */
export function solveBalance(device: Device, op: OperatingPoint): BalanceSolution {
  const Tb = bathTemperature(device, op);
  const { grid, heat } = scanGrid(device, Tb);
  const photonic = photonicHeatCurrentAt(device, op.TR);
  const F = residualAt(device, op.Jin, photonic, Tb);
  const values = grid.map((TL, i) => op.Jin - photonic(TL) - heat[i]);
  const lo = grid[0];
  const hi = grid[grid.length - 1];
  const roots = findAllRoots(F, lo, hi, { grid, values, xtol: ROOT_XTOL }).filter((TL) => TL > lo);
  return {
    roots: roots.map((TL) => describeRoot(device, TL, op.TR, Tb, op.setup)),
    exceedsTc: values[values.length - 1] > 0,
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
