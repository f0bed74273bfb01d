/** R/R0 of physics/resistance.ts with its arguments checked (docs/library.md, "Input checking"). */
import type { PiecewiseChebyshev } from '../numerics/chebyshev.js';
import * as unchecked from '../physics/resistance.js';
import type { GapParameters } from '../physics/resistance.js';
import {
  checkDomain,
  checkFinite,
  checkGapParameters,
  checkTemperature,
  gapParametersInDomain,
  temperatureInDomain,
} from './arguments.js';

export * from '../physics/resistance.js';

/** T in [0.004 Tc, 10 K] and { Tc, gamma } in their domains; comparisons first (the hot path). */
function checkArguments(fn: string, T: number, sc: GapParameters): void {
  if (gapParametersInDomain(sc) && temperatureInDomain(T, sc.Tc)) return;
  checkGapParameters(`${fn} sc`, sc);
  checkTemperature(`${fn} T`, T, sc.Tc);
}

/** G/G0 = R0/R by direct quadrature (reference path). */
export function conductanceRatioDirect(T: number, sc: GapParameters): number {
  checkArguments('conductanceRatioDirect', T, sc);
  return unchecked.conductanceRatioDirect(T, sc);
}

/** d(G/G0)/dT by direct quadrature (reference path), 1/K. */
export function conductanceRatioDerivativeDirect(T: number, sc: GapParameters): number {
  checkArguments('conductanceRatioDerivativeDirect', T, sc);
  return unchecked.conductanceRatioDerivativeDirect(T, sc);
}

/** R/R0 by direct quadrature (reference path). */
export function resistanceRatioDirect(T: number, sc: GapParameters): number {
  checkArguments('resistanceRatioDirect', T, sc);
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
  checkArguments('resistanceRatio', T, sc);
  return unchecked.resistanceRatio(T, sc);
}

/** d(R/R0)/dT in 1/K (0 above Tc; the derivative jumps at Tc, where the gap opens). */
export function resistanceRatioDerivative(T: number, sc: GapParameters): number {
  checkArguments('resistanceRatioDerivative', T, sc);
  return unchecked.resistanceRatioDerivative(T, sc);
}
