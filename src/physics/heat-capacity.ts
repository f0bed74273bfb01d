/**
 * Electronic heat capacities of a reservoir (docs/model.md, "Heat capacities"): normal metal
 * C_N = γ_N V_N T; superconductor C_S = T dS/dT with S from the Dynes density of states and the gap's
 * temperature dependence (the BCS entropy, Tinkham Eq. 3.50, with N_S broadened).
 */
import { integrate } from '../numerics/quadrature.js';
import { BCS_GAP_RATIO, kB } from './constants.js';
import type { NormalMetal, Reservoir, Superconductor } from './device.js';
import { dynesDos, dynesDosGapDerivative } from './dos.js';
import { gap, gapDerivative } from './gap.js';

/**
 * Sommerfeld coefficients γ = (π²/3) k_B² g(E_F) per volume, J m⁻³ K⁻². Ag and Al from the measured
 * molar values (Kittel, Introduction to Solid State Physics, Table 6.3: 0.646 and 1.35 mJ mol⁻¹ K⁻²)
 * over the molar volumes (10.27 and 9.99 cm³/mol). InAs: free electrons with m* = 0.023 mₑ at
 * n = 1e24 m⁻³ (a degenerately doped film; the InAsOI papers do not quote γ), g(E_F) = m* k_F/(π²ħ²).
 */
export const SOMMERFELD = Object.freeze({ Ag: 62.9, Al: 135, InAs: 0.037 } as const);

/**
 * γ of a normal part: its own `sommerfeld` if given (device files may set it), else the platform's
 * material for its exponent (n = 6: InAs, otherwise Ag), J m⁻³ K⁻².
 */
export function normalSommerfeld(normal: NormalMetal): number {
  return normal.sommerfeld ?? (normal.n === 6 ? SOMMERFELD.InAs : SOMMERFELD.Ag);
}

/** γ of a superconducting part in its normal state: its own `sommerfeld`, else aluminium's, J m⁻³ K⁻². */
export function superconductorSommerfeld(sc: Superconductor): number {
  return sc.sommerfeld ?? SOMMERFELD.Al;
}

/** C_N = γ_N V_N T, J/K. */
export function heatCapacityNormal(normal: NormalMetal, T: number): number {
  return normalSommerfeld(normal) * normal.volume * T;
}

/** s(x) = f ln f + (1 − f) ln(1 − f) for x ≥ 0, f = 1/(eˣ + 1), without cancellation: −(x f + ln(1 + e⁻ˣ)). */
function entropyKernel(x: number): number {
  const ex = Math.exp(-x);
  return -((x * ex) / (1 + ex) + Math.log1p(ex));
}

/** x² f(1 − f) = x² e⁻ˣ/(1 + e⁻ˣ)², for x ≥ 0. */
function heatKernel(x: number): number {
  const ex = Math.exp(-x);
  const d = 1 + ex;
  return (x * x * ex) / (d * d);
}

/**
 * C_S/(γ_S V_S T) at t = T/Tc for Dynes γ (dimensionless; 1 in the normal state). With energies in k_B T,
 * S = −(6γVT/π²) ∫_0^∞ N(x k_BT; Δ, Γ) s(x) dx, and T dS/dT = (6γVT/π²) ∫ [N x² f(1−f) − T Δ′ ∂N/∂Δ s] dx.
 */
export function reducedHeatCapacitySuperconductor(t: number, gamma: number, epsRel = 1e-10): number {
  if (t >= 1) return 1;
  const Tc = 1;
  const Delta = gap(t, Tc) / kB / t; // Δ in units of k_B T (Tc = 1 in reduced units)
  const Gamma = (gamma * BCS_GAP_RATIO) / t;
  const dDelta = gapDerivative(t, Tc) / kB; // T dΔ/dT in units of k_B T
  const integrand = (x: number): number =>
    dynesDos(x, Delta, Gamma) * heatKernel(x) -
    dDelta * dynesDosGapDerivative(x, Delta, Gamma) * entropyKernel(x);
  const breakpoints = [Delta];
  for (const k of [1, 3, 10, 30, 100]) breakpoints.push(Delta - k * Gamma, Delta + k * Gamma);
  const upper = Delta + 60;
  const { value } = integrate(integrand, 0, upper, { breakpoints, epsRel, maxIntervals: 4000 });
  return (6 / (Math.PI * Math.PI)) * value;
}

/** C_S of the superconducting part at T, J/K (γ_S V_S T in the normal state above Tc). */
export function heatCapacitySuperconductor(sc: Superconductor, T: number): number {
  const base = superconductorSommerfeld(sc) * sc.volume * T;
  return base * reducedHeatCapacitySuperconductor(T / sc.Tc, sc.gamma);
}

/** Electronic heat capacity of one reservoir, C_N + C_S at a common electron temperature T, J/K. */
export function reservoirHeatCapacity(reservoir: Reservoir, T: number): number {
  return heatCapacityNormal(reservoir.normal, T) + heatCapacitySuperconductor(reservoir.superconductor, T);
}
