/**
 * Thermal rectification of an asymmetric pair (docs/model.md, thermal diode): J_fwd = J_γ(T_hot, T_cold)
 * with the left reservoir hot, J_rev = −J_γ(T_cold, T_hot) with the right one hot, R = J_fwd/J_rev.
 * Through lossy lines both are the heat leaving the hot reservoir by photons (photonic-line.ts).
 */
import type { Device, Reservoir } from './device.js';
import { transmissionParameters } from './photonic.js';
import { lineCircuit, photonicHeatCurrentThroughLine } from './photonic-line.js';

/** Forward and reverse photonic heat currents at the same |ΔT| and their ratio. */
export interface Rectification {
  /** Heat from left to right with T_L = T_hot, T_R = T_cold, W (> 0). */
  forward: number;
  /** Heat from right to left with T_L = T_cold, T_R = T_hot, W (> 0). */
  reverse: number;
  /** Rectification ratio R = J_fwd / J_rev (1 for a symmetric pair; > 1: the left-hot direction conducts better). */
  ratio: number;
  /** Matched-load transmission τ0 = 4R_L R_R/(R_L+R_R)² in the forward configuration. */
  tau0Forward: number;
  /** τ0 in the reverse configuration. */
  tau0Reverse: number;
}

/** Rectification of the device between T_hot > T_cold (K); J_γ through its lines if it has real ones. */
export function rectification(device: Device, Thot: number, Tcold: number): Rectification {
  const forward = photonicHeatCurrentThroughLine(device, Thot, Tcold);
  // Reverse: the right reservoir hot. With lossy lines the heat that leaves the hot right reservoir is
  // J_γ of the mirrored device (right and left exchanged) at (T_hot, T_cold).
  const reverse = photonicHeatCurrentThroughLine(mirrored(device), Thot, Tcold);
  return {
    forward,
    reverse,
    ratio: forward / reverse,
    tau0Forward: transmissionParameters(lineCircuit(device, Thot, Tcold)).tau0,
    tau0Reverse: transmissionParameters(lineCircuit(device, Tcold, Thot)).tau0,
  };
}

/** The device seen from the other side: left and right reservoirs exchanged. */
export function mirrored(device: Device): Device {
  return { ...device, left: device.right, right: device.left };
}

/** A copy of the device whose right reservoir is replaced by `patch(right)` (an asymmetric pair). */
export function withRightReservoir(device: Device, patch: (right: Reservoir) => Reservoir): Device {
  return { ...device, right: patch(device.right) };
}
