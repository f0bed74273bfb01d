/** J_γ and κ_γ of physics/photonic.ts with their arguments checked (docs/library.md, "Input checking"). */
import type { Device, Reservoir } from '../physics/device.js';
import * as unchecked from '../physics/photonic.js';
import type { PhotonicCircuit } from '../physics/photonic.js';
import {
  CAPACITANCE,
  checkBareTemperature,
  checkBetween,
  checkCircuit,
  checkDevice,
  checkIdealDevice,
  checkFiniteResult,
  checkReservoir,
  checkTemperature,
  CUTOFF,
  RESISTANCE,
} from './arguments.js';
import { idealLines, photonicArgumentsInDomain, temperatureInDomain } from '../physics/domain.js';

export * from '../physics/photonic.js';

/** A temperature of the reservoir with critical temperature Tc, [0.004 Tc, 10 K]; comparisons first. */
function checkT(option: string, T: number, Tc: number): void {
  if (!temperatureInDomain(T, Tc)) checkTemperature(option, T, Tc);
}

/**
 * J_γ's arguments in their domains (photonicArgumentsInDomain) and the paper's ideal lines, which the
 * functions below compute (a real line would be ignored): comparisons only.
 */
function idealArgumentsInDomain(device: Device, TL: number, TR: number): boolean {
  return photonicArgumentsInDomain(device, TL, TR) && idealLines(device);
}

/**
 * Throws InputError for the device (with a real line where `ideal`) or T_L, T_R (against the left and
 * the right Tc). Called only where the comparisons failed: the messages are built here, off the
 * callers' fast path.
 */
function refuseArguments(fn: string, device: Device, TL: number, TR: number, ideal = true): void {
  if (ideal) checkIdealDevice(`${fn} device`, device);
  else checkDevice(`${fn} device`, device);
  checkT(`${fn} TL`, TL, device.left.superconductor.Tc);
  checkT(`${fn} TR`, TR, device.right.superconductor.Tc);
}

/** R_i = (R/R0)(T_i) · r0_i / A_i, Ω. */
export function junctionResistance(reservoir: Reservoir, T: number): number {
  checkReservoir('junctionResistance reservoir', reservoir);
  checkT('junctionResistance T', T, reservoir.superconductor.Tc);
  return unchecked.junctionResistance(reservoir, T);
}

/** The circuit elements R_L, R_R (Ω) and C_L, C_R (F) at temperatures T_L, T_R (K). */
export function photonicCircuit(device: Device, TL: number, TR: number): PhotonicCircuit {
  if (!photonicArgumentsInDomain(device, TL, TR)) refuseArguments('photonicCircuit', device, TL, TR, false);
  return unchecked.photonicCircuit(device, TL, TR);
}

/** τ(ω) = τ0 a²/(a² + ω²): matched-load transmission τ0 and cutoff a (rad/s) of paper Eq. 3. */
export function transmissionParameters(circuit: PhotonicCircuit): { tau0: number; a: number } {
  checkCircuit('transmissionParameters', circuit);
  const out = unchecked.transmissionParameters(circuit);
  const shown = `RL = ${circuit.RL}, RR = ${circuit.RR}, CL = ${circuit.CL}, CR = ${circuit.CR}`;
  checkFiniteResult('transmissionParameters', shown, out.tau0);
  checkFiniteResult('transmissionParameters', shown, out.a);
  return out;
}

/** Cutoff ω_c = 1/((1+χ) c √(r_L r_R)) of docs/model.md §3, rad/s (for identical c on both sides). */
export function photonicCutoff(device: Device, TL: number, TR: number): number {
  if (!idealArgumentsInDomain(device, TL, TR)) refuseArguments('photonicCutoff', device, TL, TR);
  return unchecked.photonicCutoff(device, TL, TR);
}

/** I(a, T) = ∫_0^∞ (ħω/2π) a²/(a²+ω²) n(ω,T) dω, W, for a cutoff a of [1e-9, 1e27] rad/s and T of [0.04 mK, 10 K]. */
export function thermalSpectralIntegral(a: number, T: number): number {
  checkBetween('thermalSpectralIntegral a', a, CUTOFF);
  checkBareTemperature('thermalSpectralIntegral T', T);
  return checkFiniteResult(
    'thermalSpectralIntegral',
    `a = ${a}, T = ${T}`,
    unchecked.thermalSpectralIntegral(a, T),
  );
}

/** J_γ from the two junction resistances (Ω) and the total capacitance C_L + C_R (F), W. */
export function photonicHeatCurrentOfResistances(
  RL: number,
  RR: number,
  C: number,
  TL: number,
  TR: number,
): number {
  const fn = 'photonicHeatCurrentOfResistances';
  checkBetween(`${fn} RL`, RL, RESISTANCE);
  checkBetween(`${fn} RR`, RR, RESISTANCE);
  checkBetween(`${fn} C`, C, { ...CAPACITANCE, min: 2 * CAPACITANCE.min, max: 2 * CAPACITANCE.max });
  checkBareTemperature(`${fn} TL`, TL);
  checkBareTemperature(`${fn} TR`, TR);
  return checkFiniteResult(
    fn,
    `RL = ${RL}, RR = ${RR}, C = ${C}`,
    unchecked.photonicHeatCurrentOfResistances(RL, RR, C, TL, TR),
  );
}

/** J_γ for a given circuit (W). */
export function photonicHeatCurrentOfCircuit(circuit: PhotonicCircuit, TL: number, TR: number): number {
  const fn = 'photonicHeatCurrentOfCircuit';
  checkCircuit(fn, circuit);
  checkBareTemperature(`${fn} TL`, TL);
  checkBareTemperature(`${fn} TR`, TR);
  const { RL, RR, CL, CR } = circuit;
  return checkFiniteResult(
    fn,
    `RL = ${RL}, RR = ${RR}, CL = ${CL}, CR = ${CR}`,
    unchecked.photonicHeatCurrentOfCircuit(circuit, TL, TR),
  );
}

/** J_γ(T_L, T_R) in W, positive from left to right (closed form with digamma). */
export function photonicHeatCurrent(device: Device, TL: number, TR: number): number {
  if (!idealArgumentsInDomain(device, TL, TR)) refuseArguments('photonicHeatCurrent', device, TL, TR);
  return unchecked.photonicHeatCurrent(device, TL, TR);
}

/** J_γ(·, T_R) at a fixed T_R, W; the function returned checks its T_L too. */
export function photonicHeatCurrentAt(device: Device, TR: number): (TL: number) => number {
  checkIdealDevice('photonicHeatCurrentAt device', device);
  checkT('photonicHeatCurrentAt TR', TR, device.right.superconductor.Tc);
  // The function keeps the device's fields as they are now: check T_L against this Tc.
  const Tc = device.left.superconductor.Tc;
  const J = unchecked.photonicHeatCurrentAt(device, TR);
  return (TL) => {
    checkT('photonicHeatCurrentAt(device, TR) TL', TL, Tc);
    return J(TL);
  };
}

/** κ_γ = −∂J_γ/∂T_R in W/K, analytic. NDTC where κ_γ < 0. */
export function photonicConductance(device: Device, TL: number, TR: number): number {
  if (!idealArgumentsInDomain(device, TL, TR)) refuseArguments('photonicConductance', device, TL, TR);
  return unchecked.photonicConductance(device, TL, TR);
}

/** J_γ with ∂J_γ/∂T_L and ∂J_γ/∂T_R (W, W/K), all analytic. */
export function photonicGradient(
  device: Device,
  TL: number,
  TR: number,
): { J: number; dTL: number; dTR: number } {
  if (!idealArgumentsInDomain(device, TL, TR)) refuseArguments('photonicGradient', device, TL, TR);
  return unchecked.photonicGradient(device, TL, TR);
}

/** J_γ by direct adaptive quadrature of paper Eq. 2 with τ(ω) of Eq. 3 (independent reference path), W. */
export function photonicHeatCurrentDirect(device: Device, TL: number, TR: number): number {
  if (!idealArgumentsInDomain(device, TL, TR)) refuseArguments('photonicHeatCurrentDirect', device, TL, TR);
  return unchecked.photonicHeatCurrentDirect(device, TL, TR);
}
