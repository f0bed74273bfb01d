/**
 * Edge checks of temperature lists against the model's domain (src/physics/domain.ts): at least
 * 0.004 Tc, and below Tc where the model needs superconducting junctions (docs/model.md).
 */
import { checkTemperatures } from '../physics/domain.js';

/** Returns `temps` unchanged, or throws InputError for the first one below 0.004 Tc or at or above Tc. */
export function belowTc(temps: number[], Tc: number, option: string): number[] {
  checkTemperatures(temps, option, { Tc, belowTc: true });
  return temps;
}

/**
 * Returns `temps` unchanged, or throws InputError for the first one below 0.004 Tc (any T above is
 * fine); `lowWhy` says why for a command that computes less than the whole model.
 */
export function aboveTcFloor(temps: number[], Tc: number, option: string, lowWhy?: string): number[] {
  checkTemperatures(temps, option, { Tc, belowTc: false, lowWhy });
  return temps;
}
