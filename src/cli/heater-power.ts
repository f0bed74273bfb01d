/**
 * A heater power at the edge: J_in's domain, or 0 W, a heater off (a reservoir heated by photons alone;
 * switching a heater off, or on from off, is what an experiment most often records). The library
 * accepts 0 W alike (checkInputPower).
 */
import { InputError } from '../errors.js';
import { checkInRange } from '../physics/domain.js';

export function heaterPower(option: string, value: number): number {
  if (value === 0) return value;
  try {
    return checkInRange('Jin', option, value);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    // "above 0 W and at most 1 µW accepted (…)": the same range, closed at 0.
    const accepted = error.accepted.replace(/^above 0 W and at most /, 'from 0 W (heater off) to ');
    throw new InputError(
      option,
      error.value,
      accepted === error.accepted ? `0 W (heater off) or ${accepted}` : accepted,
    );
  }
}
