/** Located features of the paper's curves: J_γ maximum, NDTC intervals, T_L,min and δT (docs/model.md §6–7). */
import { findAllRoots, minimize } from '../numerics/roots.js';
import { balanceRootNear, solveBalance, solveBalanceNear, type BalanceRoot } from './balance.js';
import type { Device, Setup } from './device.js';
import { photonicConductance, photonicHeatCurrent } from './photonic.js';

/** A temperature interval [from, to], K (e.g. where κ_γ < 0). */
export interface Interval {
  /** K */
  from: number;
  /** K */
  to: number;
}

const SAMPLES = 96;

function kappaZeros(device: Device, TL: number, TRmin: number, TRmax: number): number[] {
  return findAllRoots((TR) => photonicConductance(device, TL, TR), TRmin, TRmax, {
    samples: SAMPLES,
    xtol: 1e-14,
  });
}

/** The maximum of J_γ(T_L, ·) over T_R ∈ [TRmin, TRmax], located where κ_γ = 0 (or at an end). */
export function photonicMaximum(
  device: Device,
  TL: number,
  TRmin: number,
  TRmax: number,
): { TR: number; J: number } {
  const candidates = [TRmin, TRmax, ...kappaZeros(device, TL, TRmin, TRmax)];
  let best = { TR: TRmin, J: -Infinity };
  for (const TR of candidates) {
    const J = photonicHeatCurrent(device, TL, TR);
    if (J > best.J) best = { TR, J };
  }
  return best;
}

/** The T_R intervals in [TRmin, TRmax] where κ_γ < 0 (ends located by root finding). */
export function ndtcIntervals(device: Device, TL: number, TRmin: number, TRmax: number): Interval[] {
  const edges = [TRmin, ...kappaZeros(device, TL, TRmin, TRmax), TRmax];
  const out: Interval[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const mid = 0.5 * (edges[i] + edges[i + 1]);
    if (edges[i + 1] > edges[i] && photonicConductance(device, TL, mid) < 0) {
      const last = out[out.length - 1];
      if (last && last.to === edges[i]) last.to = edges[i + 1];
      else out.push({ from: edges[i], to: edges[i + 1] });
    }
  }
  return out;
}

/** The drop of T_L over a T_R range at fixed J_in: δT = T_L(T_R,min) − min T_L, with where the minimum lies (K). */
export interface TemperatureDrop {
  /** T_L at T_R = TRmin, K. */
  TL0: number;
  /** Minimum of T_L over T_R ∈ [TRmin, TRmax], K. */
  TLmin: number;
  /** T_R at the minimum, K; NaN when there is no minimum (TLmin NaN). */
  TRatMin: number;
  /** δT = TL0 − TLmin, K. */
  deltaT: number;
}

/**
 * T_L along T_R at fixed J_in, following the lowest stable root from T_R = TRmin by continuation
 * (each point starts from its neighbour's root). Returns undefined entries where no root is below Tc.
 */
export function leftTemperatureCurve(
  device: Device,
  Jin: number,
  setup: Setup,
  TRs: readonly number[],
): (BalanceRoot | undefined)[] {
  const out: (BalanceRoot | undefined)[] = [];
  let previous: number | undefined;
  for (const TR of TRs) {
    let root: BalanceRoot | undefined;
    if (previous === undefined) {
      const sol = solveBalance(device, { Jin, TR, setup });
      root = sol.roots.find((r) => r.stable) ?? sol.roots[0];
    } else {
      root = solveBalanceNear(device, { Jin, TR, setup }, previous);
    }
    out.push(root);
    previous = root?.TL;
  }
  return out;
}

/** δT = T_L(T_R = TRmin) − min over T_R of T_L at fixed J_in; the minimum located by Brent minimisation. */
export function temperatureDrop(
  device: Device,
  Jin: number,
  setup: Setup,
  TRmin: number,
  TRmax: number,
): TemperatureDrop {
  const n = 32;
  const TRs = Array.from({ length: n + 1 }, (_, i) => TRmin + ((TRmax - TRmin) * i) / n);
  // The same branch as leftTemperatureCurve, T_L only; the coarse samples only bracket the minimum
  // (to 1e-7 K), which is then located with full-precision solves.
  const first = solveBalance(device, { Jin, TR: TRmin, setup });
  const start: number | undefined = (first.roots.find((r) => r.stable) ?? first.roots.at(0))?.TL;
  const TLs: number[] = [];
  let previous: number | undefined = start;
  for (const TR of TRs) {
    let TL: number | undefined = previous;
    if (previous !== undefined && TR !== TRmin) {
      // Extrapolate the branch through the last samples (equal steps): quadratic once there are three,
      // which puts the guess within ~µK of the root so that few balance evaluations bracket it.
      const i = TLs.length;
      const linear = i >= 2 ? 2 * TLs[i - 1] - TLs[i - 2] : previous;
      const quadratic = i >= 3 ? 3 * TLs[i - 1] - 3 * TLs[i - 2] + TLs[i - 3] : NaN;
      // The two predictions differ by about the linear one's error: probe at twice that distance.
      const step = Math.max(2 * Math.abs(quadratic - linear), 1e-6);
      TL = Number.isFinite(quadratic)
        ? balanceRootNear(device, { Jin, TR, setup }, quadratic, 1e-7, step)
        : balanceRootNear(device, { Jin, TR, setup }, linear, 1e-7);
    }
    TLs.push(TL ?? Infinity);
    previous = TL;
  }
  const TL0 = start ?? NaN;
  let k = 0;
  for (let i = 1; i <= n; i++) if (TLs[i] < TLs[k]) k = i;
  // The coarse samples are good to 1e-7 K only: the minimum is taken from full-precision solves.
  const precise = (TR: number, guess: number): number =>
    balanceRootNear(device, { Jin, TR, setup }, guess) ?? Infinity;
  let TRatMin = TRs[k];
  let TLmin = !Number.isFinite(TLs[k]) ? NaN : k === 0 ? TL0 : precise(TRs[k], TLs[k]);
  if (k > 0 && k < n && Number.isFinite(TLmin)) {
    const guess = TLmin;
    // T_L is flat at its minimum: T_R to 1e-7 relative puts T_L within ~1e-13 K of it.
    const m = minimize((TR) => precise(TR, guess), TRs[k - 1], TRs[k + 1], { rtol: 1e-7 });
    if (m.f <= TLmin) {
      TLmin = m.f;
      TRatMin = m.x;
    }
  }
  // No T_L to be lowest (no steady state below Tc anywhere on the range): no place for it either.
  return { TL0, TLmin, TRatMin: Number.isNaN(TLmin) ? NaN : TRatMin, deltaT: TL0 - TLmin };
}
