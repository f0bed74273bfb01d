/** Edge checks of temperature lists against the model's range (MODEL.md §9: T < Tc). */
import { InputError } from '../errors.js';
import { formatQuantity } from '../units/quantity.js';

/** Returns `temps` unchanged, or throws InputError for the first one at or above Tc. */
export function belowTc(temps: number[], Tc: number, option: string): number[] {
  const bad = temps.find((T) => T >= Tc);
  if (bad !== undefined) {
    throw new InputError(
      option,
      formatQuantity(bad, 'temperature'),
      `must be below Tc = ${formatQuantity(Tc, 'temperature')} (the model needs superconducting junctions)`,
    );
  }
  return temps;
}
