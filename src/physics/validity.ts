/** Validity of the linear-response model (MODEL.md §9): rms junction voltage √(k_B T/C_total) ≪ Δ(T)/e, T < Tc. */
import { elementaryCharge, kB } from './constants.js';
import type { Device } from './device.js';
import { gap } from './gap.js';

/** "≪" taken as at most a fifth: the paper's device (C_total = 15 fF) passes up to ≈ 0.9 K. */
export const NOISE_TO_GAP_LIMIT = 0.2;

/** rms voltage of the junction circuit at temperature T, V (C_total = c_L A_L + c_R A_R). */
export function rmsJunctionVoltage(device: Device, T: number): number {
  const C =
    device.left.junction.c * device.left.junction.area + device.right.junction.c * device.right.junction.area;
  return Math.sqrt((kB * T) / C);
}

/** e·V_rms/Δ(T) for a reservoir with critical temperature Tc (Infinity at and above Tc). */
export function noiseToGapRatio(device: Device, T: number, Tc: number): number {
  return (rmsJunctionVoltage(device, T) * elementaryCharge) / gap(T, Tc);
}
