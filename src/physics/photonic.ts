/** Photonic heat current J_γ (paper Eqs. 2–3, closed form of MODEL.md §3) and κ_γ = −∂J_γ/∂T_R. */
import type { Device } from './device.js';

/** J_γ(T_L, T_R) in W, positive from left to right (closed form with digamma). */
export function photonicHeatCurrent(device: Device, TL: number, TR: number): number {
  void device, TL, TR;
  throw new Error('not implemented yet');
}

/** κ_γ = −∂J_γ/∂T_R in W/K (analytic derivative, including dR_R/dT_R). NDTC where κ_γ < 0. */
export function photonicConductance(device: Device, TL: number, TR: number): number {
  void device, TL, TR;
  throw new Error('not implemented yet');
}

/** J_γ by direct quadrature of Eq. 2 with τ(ω) of Eq. 3 (independent reference path). */
export function photonicHeatCurrentDirect(device: Device, TL: number, TR: number): number {
  void device, TL, TR;
  throw new Error('not implemented yet');
}
