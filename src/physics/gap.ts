/** BCS gap Δ(T) = 1.764 k_B Tc tanh(1.74 √(Tc/T − 1)), docs/model.md §1. */
import { BCS_GAP_RATIO, kB } from './constants.js';

/** Zero-temperature gap Δ0 = 1.764 k_B Tc, J. */
export function gapZero(Tc: number): number {
  return BCS_GAP_RATIO * kB * Tc;
}

/** Gap Δ(T) in J; 0 at and above Tc. */
export function gap(T: number, Tc: number): number {
  if (T >= Tc) return 0;
  if (T <= 0) return gapZero(Tc);
  return gapZero(Tc) * Math.tanh(1.74 * Math.sqrt(Tc / T - 1));
}

/** dΔ/dT in J/K (0 above Tc; diverges like (Tc − T)^(−1/2) just below it). */
export function gapDerivative(T: number, Tc: number): number {
  if (T >= Tc || T <= 0) return 0;
  const s = Math.sqrt(Tc / T - 1);
  const th = Math.tanh(1.74 * s);
  return (gapZero(Tc) * (1 - th * th) * 1.74 * (-Tc / (T * T))) / (2 * s);
}
