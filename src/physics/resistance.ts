/** Zero-bias NIS resistance R(T)/R0 = 1/G(T), G = ∫ N_S (−∂f/∂E) dE — MODEL.md §2, paper Eq. 1 linearised. */
import type { Superconductor } from './device.js';

export type GapParameters = Pick<Superconductor, 'Tc' | 'gamma'>;

/** R/R0 at temperature T (K): fast path (verified Chebyshev tabulation). 1 at T ≥ Tc. */
export function resistanceRatio(T: number, sc: GapParameters): number {
  void T, sc;
  throw new Error('not implemented yet');
}

/** d(R/R0)/dT in 1/K. */
export function resistanceRatioDerivative(T: number, sc: GapParameters): number {
  void T, sc;
  throw new Error('not implemented yet');
}

/** R/R0 by direct adaptive quadrature (reference path). */
export function resistanceRatioDirect(T: number, sc: GapParameters): number {
  void T, sc;
  throw new Error('not implemented yet');
}
