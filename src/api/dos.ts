/** The Dynes density of states of physics/dos.ts with its arguments checked (docs/library.md, "Input checking"). */
import * as unchecked from '../physics/dos.js';
import { InputError } from '../errors.js';
import { checkFinite, checkFiniteResult, checkNonNegative, checkPositive } from './arguments.js';

export * from '../physics/dos.js';

function checkDosArguments(fn: string, E: number, Delta: number, Gamma: number): void {
  checkFinite(`${fn} E`, E);
  checkNonNegative(`${fn} Delta`, Delta);
  checkPositive(`${fn} Gamma`, Gamma);
  // Below ~1e-12 Δ (the model's γ starts at 1e-6) Γ·Δ² underflows for gaps of ~1e-23 J, and the
  // coherence peak √(Δ/2Γ) would come out as 0.
  if (Gamma < MIN_BROADENING * Delta)
    throw new InputError(
      `${fn} Gamma`,
      String(Gamma),
      `at least ${MIN_BROADENING} Δ (${(MIN_BROADENING * Delta).toPrecision(3)} J)`,
    );
}

/** Smallest Dynes broadening accepted, relative to the gap. */
const MIN_BROADENING = 1e-12;

/** Normalised quasiparticle density of states at energy E (J) for gap Δ ≥ 0 and broadening Γ > 0 (J). */
export function dynesDos(E: number, Delta: number, Gamma: number): number {
  checkDosArguments('dynesDos', E, Delta, Gamma);
  return checkFiniteResult(
    'dynesDos',
    `E = ${E}, Delta = ${Delta}, Gamma = ${Gamma}`,
    unchecked.dynesDos(E, Delta, Gamma),
  );
}

/** ∂N_S/∂Δ (per unit of Δ, same units as 1/E). */
export function dynesDosGapDerivative(E: number, Delta: number, Gamma: number): number {
  checkDosArguments('dynesDosGapDerivative', E, Delta, Gamma);
  return checkFiniteResult(
    'dynesDosGapDerivative',
    `E = ${E}, Delta = ${Delta}, Gamma = ${Gamma}`,
    unchecked.dynesDosGapDerivative(E, Delta, Gamma),
  );
}
