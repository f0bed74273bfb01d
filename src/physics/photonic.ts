/** Photonic heat current J_γ (paper Eqs. 2–3, closed form of docs/model.md §3) and κ_γ = −∂J_γ/∂T_R. */
import { binetRemainder, binetRemainderDerivative } from '../numerics/digamma.js';
import { integrate } from '../numerics/quadrature.js';
import { hbar, kB } from './constants.js';
import type { Device, Reservoir } from './device.js';
import { resistanceRatio, resistanceRatioDerivative } from './resistance.js';

/** The lumped circuit of paper Fig. 1b at given temperatures (SI: Ω, F). */
export interface PhotonicCircuit {
  RL: number;
  RR: number;
  CL: number;
  CR: number;
}

/** R_i = (R/R0)(T_i) · r0_i / A_i. */
export function junctionResistance(reservoir: Reservoir, T: number): number {
  return (resistanceRatio(T, reservoir.superconductor) * reservoir.junction.r0) / reservoir.junction.area;
}

function junctionResistanceDerivative(reservoir: Reservoir, T: number): number {
  return (
    (resistanceRatioDerivative(T, reservoir.superconductor) * reservoir.junction.r0) / reservoir.junction.area
  );
}

/** The circuit elements R_L, R_R (Ω) and C_L, C_R (F) at temperatures T_L, T_R (K). */
export function photonicCircuit(device: Device, TL: number, TR: number): PhotonicCircuit {
  return {
    RL: junctionResistance(device.left, TL),
    RR: junctionResistance(device.right, TR),
    CL: device.left.junction.c * device.left.junction.area,
    CR: device.right.junction.c * device.right.junction.area,
  };
}

/** τ(ω) = τ0 a²/(a² + ω²): matched-load transmission τ0 and cutoff a (rad/s) of paper Eq. 3. */
export function transmissionParameters(circuit: PhotonicCircuit): { tau0: number; a: number } {
  const { RL, RR, CL, CR } = circuit;
  const sum = RL + RR;
  return { tau0: (4 * RL * RR) / (sum * sum), a: sum / (RL * RR * (CL + CR)) };
}

/** Cutoff ω_c = 1/((1+χ) c √(r_L r_R)) of docs/model.md §3, rad/s (for identical c on both sides). */
export function photonicCutoff(device: Device, TL: number, TR: number): number {
  const { RL, RR, CL, CR } = photonicCircuit(device, TL, TR);
  // (1+χ) c √(r_L r_R) = (C_L + C_R) √(χ R_L R_R), r = R·A: the specific form in the circuit's terms.
  const chi = device.right.junction.area / device.left.junction.area;
  return 1 / ((CL + CR) * Math.sqrt(chi * RL * RR));
}

/**
 * I(a, T) = ∫_0^∞ (ħω/2π) a²/(a²+ω²) n(ω,T) dω = (ħa²/4π) φ(z), z = ħa/(2πk_BT), φ(z) = ln z − 1/(2z) − ψ(z)
 * (Binet's formula). φ is evaluated without cancellation, so I → πk_B²T²/(12ħ) as a → ∞ stays exact.
 */
export function thermalSpectralIntegral(a: number, T: number): number {
  const z = (hbar * a) / (2 * Math.PI * kB * T);
  return ((hbar * a * a) / (4 * Math.PI)) * binetRemainder(z);
}

/** J_γ from the two junction resistances (Ω) and the total capacitance C_L + C_R (F), W. */
export function photonicHeatCurrentOfResistances(
  RL: number,
  RR: number,
  C: number,
  TL: number,
  TR: number,
): number {
  const sum = RL + RR;
  const a = sum / (RL * RR * C);
  return ((4 * RL * RR) / (sum * sum)) * (thermalSpectralIntegral(a, TL) - thermalSpectralIntegral(a, TR));
}

/** J_γ for a given circuit (W). */
export function photonicHeatCurrentOfCircuit(circuit: PhotonicCircuit, TL: number, TR: number): number {
  return photonicHeatCurrentOfResistances(circuit.RL, circuit.RR, circuit.CL + circuit.CR, TL, TR);
}

/** J_γ(T_L, T_R) in W, positive from left to right (closed form with digamma). */
export function photonicHeatCurrent(device: Device, TL: number, TR: number): number {
  // The innermost call of every heat-balance solve: no circuit object is built for it.
  const { left, right } = device;
  return photonicHeatCurrentOfResistances(
    junctionResistance(left, TL),
    junctionResistance(right, TR),
    left.junction.c * left.junction.area + right.junction.c * right.junction.area,
    TL,
    TR,
  );
}

/**
 * J_γ(·, T_R) at a fixed T_R, W: the right junction's resistance and the capacitances are computed
 * once, for the root searches that evaluate J_γ at many T_L and one T_R (the same bits as
 * photonicHeatCurrent).
 */
export function photonicHeatCurrentAt(device: Device, TR: number): (TL: number) => number {
  const { left, right } = device;
  const RR = junctionResistance(right, TR);
  const C = left.junction.c * left.junction.area + right.junction.c * right.junction.area;
  return (TL) => photonicHeatCurrentOfResistances(junctionResistance(left, TL), RR, C, TL, TR);
}

/** ∂I/∂a and ∂I/∂T of thermalSpectralIntegral. */
function spectralIntegralGradient(a: number, T: number): { dA: number; dT: number } {
  const z = (hbar * a) / (2 * Math.PI * kB * T);
  const phi = binetRemainder(z);
  const dphi = binetRemainderDerivative(z);
  const prefactor = (hbar * a) / (4 * Math.PI);
  return { dA: prefactor * (2 * phi + z * dphi), dT: (prefactor * a * dphi * -z) / T };
}

/**
 * κ_γ = −∂J_γ/∂T_R in W/K, analytic: J_γ depends on T_R explicitly through n(ω,T_R) and implicitly through
 * R_R(T_R) in both τ0 and a. NDTC where κ_γ < 0.
 */
export function photonicConductance(device: Device, TL: number, TR: number): number {
  return -photonicGradient(device, TL, TR).dTR;
}

/** ∂J_γ/∂T_L and ∂J_γ/∂T_R (W/K), both analytic. */
export function photonicGradient(
  device: Device,
  TL: number,
  TR: number,
): { J: number; dTL: number; dTR: number } {
  const circuit = photonicCircuit(device, TL, TR);
  const { RL, RR, CL, CR } = circuit;
  const { tau0, a } = transmissionParameters(circuit);
  const IL = thermalSpectralIntegral(a, TL);
  const IR = thermalSpectralIntegral(a, TR);
  const gL = spectralIntegralGradient(a, TL);
  const gR = spectralIntegralGradient(a, TR);
  const sum = RL + RR;
  const C = CL + CR;
  // ∂τ0/∂R_R = 4R_L(R_L − R_R)/(R_L+R_R)³, ∂a/∂R_R = −1/(R_R² C); symmetric for R_L.
  const dTau0dRR = (4 * RL * (RL - RR)) / (sum * sum * sum);
  const dTau0dRL = (4 * RR * (RR - RL)) / (sum * sum * sum);
  const dAdRR = -1 / (RR * RR * C);
  const dAdRL = -1 / (RL * RL * C);
  const dJdRR = dTau0dRR * (IL - IR) + tau0 * (gL.dA - gR.dA) * dAdRR;
  const dJdRL = dTau0dRL * (IL - IR) + tau0 * (gL.dA - gR.dA) * dAdRL;
  const dRR = junctionResistanceDerivative(device.right, TR);
  const dRL = junctionResistanceDerivative(device.left, TL);
  return {
    J: tau0 * (IL - IR),
    dTL: dJdRL * dRL + tau0 * gL.dT,
    dTR: dJdRR * dRR - tau0 * gR.dT,
  };
}

/**
 * J_γ by direct adaptive quadrature of paper Eq. 2 with τ(ω) of Eq. 3 (independent reference path):
 * no digamma, no closed form. Integrated in x = ħω/(k_B T_max) with break points at the thermal scales
 * of both reservoirs and at the cutoff.
 */
export function photonicHeatCurrentDirect(device: Device, TL: number, TR: number): number {
  const { RL, RR, CL, CR } = photonicCircuit(device, TL, TR);
  const Tmax = Math.max(TL, TR);
  const scale = (kB * Tmax) / hbar; // ω per unit x
  const occupation = (x: number, T: number): number => 1 / Math.expm1((x * Tmax) / T);
  const integrand = (x: number): number => {
    if (x === 0) return 0;
    const omega = x * scale;
    const wRC = omega * RL * RR * (CL + CR);
    const tau = (4 * RL * RR) / ((RL + RR) * (RL + RR) + wRC * wRC);
    return ((hbar * omega) / (2 * Math.PI)) * tau * (occupation(x, TL) - occupation(x, TR)) * scale;
  };
  const a = (RL + RR) / (RL * RR * (CL + CR)) / scale;
  const Tmin = Math.min(TL, TR) / Tmax;
  const breakpoints = [a, 0.1 * a, 10 * a, Tmin, 0.1 * Tmin, 5 * Tmin, 1, 5, 20];
  return integrate(integrand, 0, 80, { breakpoints, epsRel: 1e-13, maxIntervals: 5000 }).value;
}
