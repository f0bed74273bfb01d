/** The BCS gap of physics/gap.ts with its arguments checked (docs/library.md, "Input checking"). */
import * as unchecked from '../physics/gap.js';
import { checkDomain, checkTemperature, checkTemperatureFromZero } from './arguments.js';

export * from '../physics/gap.js';

/** Δ0 = 1.764 k_B Tc, J. */
export function gapZero(Tc: number): number {
  return unchecked.gapZero(checkDomain('Tc', 'gapZero Tc', Tc));
}

/** Δ(T) in J (BCS interpolation; 0 at and above Tc). */
export function gap(T: number, Tc: number): number {
  checkDomain('Tc', 'gap Tc', Tc);
  return unchecked.gap(checkTemperatureFromZero('gap T', T), Tc);
}

/** dΔ/dT in J/K (0 above Tc); T ≥ 0.004 Tc, as everything that depends on Δ(T) (below, Tc/T overflows near 10⁻³⁰⁸ K). */
export function gapDerivative(T: number, Tc: number): number {
  checkDomain('Tc', 'gapDerivative Tc', Tc);
  return unchecked.gapDerivative(checkTemperature('gapDerivative T', T, Tc), Tc);
}
