/**
 * The explorer's curves, each a grid of library calls (src/index.ts): nothing here computes
 * physics, it only chooses the grids the panels show (the paper's ranges, scaled with T_c).
 */
import {
  ndtcIntervals,
  photonicConductance,
  photonicHeatCurrent,
  photonicMaximum,
  resistanceRatio,
  solveBalance,
  temperatureDrop,
  type Device,
  type Interval,
  type Setup,
} from '../src/index.js';

export const CURVE_POINTS = 200;
/** Fig. 3d–e: δT over J_in from 1 fW to 1 pW. */
export const DROP_POINTS = 25;
export const DROP_JIN_MIN = 1e-15;
export const DROP_JIN_MAX = 1e-12;

export function linspace(a: number, b: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => (n === 1 ? a : a + ((b - a) * i) / (n - 1)));
}

export function logspace(a: number, b: number, n: number): number[] {
  return linspace(Math.log(a), Math.log(b), n).map(Math.exp);
}

/** Fig. 1c: T from 0.05·T_c to T_c. */
export function resistanceGrid(Tc: number): number[] {
  return linspace(0.05 * Tc, Tc, CURVE_POINTS);
}

/** Fig. 2a: T_R from the bath temperature to T_L. */
export function photonicGrid(device: Device, TL: number): number[] {
  return linspace(device.Tbath, TL, CURVE_POINTS);
}

/** Figs. 3–4: T_R from the bath temperature to 2/3·T_c (10–800 mK for aluminium). */
export function balanceGrid(device: Device): number[] {
  return linspace(device.Tbath, balanceTRmax(device), CURVE_POINTS);
}

export function balanceTRmax(device: Device): number {
  return (2 / 3) * Math.min(device.left.superconductor.Tc, device.right.superconductor.Tc);
}

export function dropGrid(): number[] {
  return logspace(DROP_JIN_MIN, DROP_JIN_MAX, DROP_POINTS);
}

export interface ResistanceCurve {
  T: number[];
  ratio: number[];
}

export function resistanceCurve(device: Device): ResistanceCurve {
  const sc = device.left.superconductor;
  const T = resistanceGrid(sc.Tc);
  return { T, ratio: T.map((t) => resistanceRatio(t, sc)) };
}

export interface PhotonicCurves {
  TL: number;
  TR: number[];
  /** J_γ, W */
  J: number[];
  /** κ_γ, W/K */
  kappa: number[];
  /** The J_γ maximum; null (with `featureError`) if it could not be located. */
  maximum: { TR: number; J: number } | null;
  /** Where κ_γ < 0; null (with `featureError`) if not located. */
  ndtc: Interval[] | null;
  featureError?: string;
}

export function photonicCurves(device: Device, TL: number): PhotonicCurves {
  const TR = photonicGrid(device, TL);
  const curves: PhotonicCurves = {
    TL,
    TR,
    J: TR.map((t) => photonicHeatCurrent(device, TL, t)),
    kappa: TR.map((t) => photonicConductance(device, TL, t)),
    maximum: null,
    ndtc: null,
  };
  // The located features are extras: the curves are still worth drawing when they fail.
  try {
    curves.maximum = photonicMaximum(device, TL, TR[0], TR[TR.length - 1]);
    curves.ndtc = ndtcIntervals(device, TL, TR[0], TR[TR.length - 1]);
  } catch (error) {
    curves.featureError = error instanceof Error ? error.message : String(error);
  }
  return curves;
}

/** One T_R of the steady-state curve: every root T_L with its stability and responsivity. */
export interface BalancePoint {
  TL: number[];
  stable: boolean[];
  dTL_dTR: number[];
  exceedsTc: boolean;
}

export function balancePoint(device: Device, Jin: number, setup: Setup, TR: number): BalancePoint {
  const s = solveBalance(device, { Jin, TR, setup });
  return {
    TL: s.roots.map((r) => r.TL),
    stable: s.roots.map((r) => r.stable),
    dTL_dTR: s.roots.map((r) => r.dTL_dTR),
    exceedsTc: s.exceedsTc,
  };
}

export interface DropPoint {
  Jin: number;
  deltaT: number;
  TLmin: number;
  TRatMin: number;
  TL0: number;
}

export function dropPoint(device: Device, Jin: number, setup: Setup): DropPoint {
  const d = temperatureDrop(device, Jin, setup, device.Tbath, balanceTRmax(device));
  return { Jin, ...d };
}
