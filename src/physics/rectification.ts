/**
 * Thermal rectification of an asymmetric pair (docs/model.md, thermal diode): J_fwd = J_γ(T_hot, T_cold)
 * with the left reservoir hot, J_rev = −J_γ(T_cold, T_hot) with the right one hot, R = J_fwd/J_rev.
 * Through lossy lines both are the heat leaving the hot reservoir by photons (photonic-line.ts); the heat
 * reaching the cold one is less by what the lines absorb, and is given beside them.
 */
import type { Device, Reservoir } from './device.js';
import { photonicHeatCurrent, transmissionParameters } from './photonic.js';
import { lineCircuit, lineHeatCurrents } from './photonic-line.js';
import { solveTwoReservoirs } from './two-reservoir.js';

/** Forward and reverse photonic heat currents at the same |ΔT| and their ratio. */
export interface Rectification {
  /** Heat from left to right with T_L = T_hot, T_R = T_cold, W (> 0). */
  forward: number;
  /** Heat from right to left with T_L = T_cold, T_R = T_hot, W (> 0). */
  reverse: number;
  /** Of `forward`, the heat entering the cold (right) reservoir, W: equal to it with ideal lines. */
  forwardReceived: number;
  /** Of `reverse`, the heat entering the cold (left) reservoir, W. */
  reverseReceived: number;
  /** Rectification ratio R = J_fwd / J_rev (1 for a symmetric pair; > 1: the left-hot direction conducts better). */
  ratio: number;
  /** Matched-load transmission of the junctions, τ0 = 4R_L R_R/(R_L+R_R)², forward (the lines' own loss not included). */
  tau0Forward: number;
  /** τ0 in the reverse configuration. */
  tau0Reverse: number;
}

/** Rectification of the device between T_hot > T_cold (K); J_γ through its lines if it has real ones. */
export function rectification(device: Device, Thot: number, Tcold: number): Rectification {
  const forward = lineHeatCurrents(device, Thot, Tcold);
  // Reverse: the right reservoir hot. With lossy lines the heat that leaves the hot right reservoir is
  // J_γ of the mirrored device (right and left exchanged) at (T_hot, T_cold).
  const reverse = lineHeatCurrents(mirrored(device), Thot, Tcold);
  return {
    forward: forward.leftOut,
    reverse: reverse.leftOut,
    forwardReceived: forward.rightIn,
    reverseReceived: reverse.rightIn,
    ratio: forward.leftOut / reverse.leftOut,
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

/** One heated configuration of the steady-state diode: the reservoir temperatures and J_γ hot → cold. */
export interface HeatedState {
  /** Temperature of the heated reservoir, K. */
  Thot: number;
  /** Temperature of the unheated one, K. */
  Tcold: number;
  /** Photonic heat current from the heated reservoir to the other, W. */
  J: number;
}

/** Steady-state rectification with heaters: the same power on either side, both reservoirs floating. */
export interface SteadyStateRectification {
  /** Every steady state with the left reservoir heated. */
  forward: HeatedState[];
  /** Every steady state with the right reservoir heated. */
  reverse: HeatedState[];
  /** J_fwd/J_rev when each side has one steady state, else NaN (a bistable side has no single value). */
  ratio: number;
}

/**
 * Setup 3 (two-reservoir.ts) with power P (W) on one reservoir and none on the other, then the other way
 * round: the photonic heat the heated reservoir passes to the floating one, forward and reverse.
 */
export function steadyStateRectification(device: Device, P: number): SteadyStateRectification {
  const heated = (d: Device): HeatedState[] =>
    solveTwoReservoirs(d, { JinL: P, JinR: 0 }).roots.map((s) => ({
      Thot: s.TL,
      Tcold: s.TR,
      J: photonicHeatCurrent(d, s.TL, s.TR),
    }));
  const forward = heated(device);
  const reverse = heated(mirrored(device));
  const ratio = forward.length === 1 && reverse.length === 1 ? forward[0].J / reverse[0].J : NaN;
  return { forward, reverse, ratio };
}
