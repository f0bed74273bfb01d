/** Electron–phonon heat to the substrate: J_ph,N (power law) and J_ph,S (Timofeev, corrected) — MODEL.md §4. */
import type { NormalMetal, Reservoir, Superconductor } from './device.js';

/** J_ph,N = Σ_N V_N (T_e^n − T_b^n), W. */
export function phononHeatNormal(normal: NormalMetal, Te: number, Tb: number): number {
  return normal.Sigma * normal.volume * (Te ** normal.n - Tb ** normal.n);
}

/** J_ph,S in W (fast path). Positive when Te > Tb. */
export function phononHeatSuperconductor(sc: Superconductor, Te: number, Tb: number): number {
  void sc, Te, Tb;
  throw new Error('not implemented yet');
}

/** J_ph,S by direct nested quadrature of the reduced single-kernel form (reference path). */
export function phononHeatSuperconductorDirect(sc: Superconductor, Te: number, Tb: number): number {
  void sc, Te, Tb;
  throw new Error('not implemented yet');
}

export interface PhononHeat {
  /** J_ph,N, W */
  normal: number;
  /** J_ph,S, W */
  superconductor: number;
  /** J_ph = J_ph,N + J_ph,S, W */
  total: number;
}

/** Both electron–phonon channels of one reservoir. */
export function phononHeat(reservoir: Reservoir, Te: number, Tb: number): PhononHeat {
  const normal = phononHeatNormal(reservoir.normal, Te, Tb);
  const superconductor = phononHeatSuperconductor(reservoir.superconductor, Te, Tb);
  return { normal, superconductor, total: normal + superconductor };
}
