/** R/R0 of physics/resistance.ts with its arguments checked (docs/library.md, "Input checking"). */
import type { PiecewiseChebyshev } from '../numerics/chebyshev.js';
import * as unchecked from '../physics/resistance.js';
import type { GapParameters } from '../physics/resistance.js';
import { checkDomain, checkFinite, checkGapParameters, checkTemperature } from './arguments.js';
import { gapParametersInDomain, temperatureInDomain } from '../physics/domain.js';

export * from '../physics/resistance.js';

/** T in [0.004 Tc, 10 K] and { Tc, gamma } in their domains, by comparisons only (the hot path). */
function argumentsInDomain(T: number, sc: GapParameters): boolean {
  return gapParametersInDomain(sc) && temperatureInDomain(T, sc.Tc);
}

/** Throws InputError naming sc or T; reached only where argumentsInDomain failed (messages off the hot path). */
function refuseArguments(fn: string, T: number, sc: GapParameters): void {
  checkGapParameters(`${fn} sc`, sc);
  checkTemperature(`${fn} T`, T, sc.Tc);
}

/** G/G0 = R0/R by direct quadrature (reference path). */
export function conductanceRatioDirect(T: number, sc: GapParameters): number {
  if (!argumentsInDomain(T, sc)) refuseArguments('conductanceRatioDirect', T, sc);
  return unchecked.conductanceRatioDirect(T, sc);
}

/** d(G/G0)/dT by direct quadrature (reference path), 1/K. */
export function conductanceRatioDerivativeDirect(T: number, sc: GapParameters): number {
  if (!argumentsInDomain(T, sc)) refuseArguments('conductanceRatioDerivativeDirect', T, sc);
  return unchecked.conductanceRatioDerivativeDirect(T, sc);
}

/** R/R0 by direct quadrature (reference path). */
export function resistanceRatioDirect(T: number, sc: GapParameters): number {
  if (!argumentsInDomain(T, sc)) refuseArguments('resistanceRatioDirect', T, sc);
  return unchecked.resistanceRatioDirect(T, sc);
}

/** Whether R/R0 at γ is tabulated already (else the first use tabulates it). */
export function hasResistanceTable(gamma: number): boolean {
  return unchecked.hasResistanceTable(checkFinite('hasResistanceTable gamma', gamma));
}

/** Tabulate ln G vs ln(Tc/T) for γ afresh (what `resistanceTable` caches). */
export function buildResistanceTable(gamma: number): PiecewiseChebyshev {
  return unchecked.buildResistanceTable(checkDomain('gamma', 'buildResistanceTable gamma', gamma));
}

/** The tabulation of ln G vs ln(Tc/T) for Dynes parameter γ (built once per γ, then cached). */
export function resistanceTable(gamma: number): PiecewiseChebyshev {
  return unchecked.resistanceTable(checkDomain('gamma', 'resistanceTable gamma', gamma));
}

/** R/R0 at temperature T (K): fast path (verified Chebyshev tabulation). 1 at T ≥ Tc. */
export function resistanceRatio(T: number, sc: GapParameters): number {
  if (!argumentsInDomain(T, sc)) refuseArguments('resistanceRatio', T, sc);
  return unchecked.resistanceRatio(T, sc);
}

/** d(R/R0)/dT in 1/K (0 above Tc; the derivative jumps at Tc, where the gap opens). */
export function resistanceRatioDerivative(T: number, sc: GapParameters): number {
  if (!argumentsInDomain(T, sc)) refuseArguments('resistanceRatioDerivative', T, sc);
  return unchecked.resistanceRatioDerivative(T, sc);
}
