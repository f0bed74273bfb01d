/**
 * Edge checks of temperature lists against the model's domain (src/physics/domain.ts): at least
 * 10⁻³ Tc, and below Tc where the model needs superconducting junctions (MODEL.md §9).
 */
import { checkTemperatures } from '../physics/domain.js';

/** Returns `temps` unchanged, or throws InputError for the first one below 10⁻³ Tc or at or above Tc. */
export function belowTc(temps: number[], Tc: number, option: string): number[] {
  checkTemperatures(temps, option, { Tc, belowTc: true });
  return temps;
}

/** Returns `temps` unchanged, or throws InputError for the first one below 10⁻³ Tc (any T above is fine). */
export function aboveTcFloor(temps: number[], Tc: number, option: string): number[] {
  checkTemperatures(temps, option, { Tc, belowTc: false });
  return temps;
}
