/** Validity of the linear-response model (docs/model.md §9): rms junction voltage √(k_B T/C_total) ≪ Δ(T)/e, T < Tc. */
import { elementaryCharge, kB } from './constants.js';
import type { Device } from './device.js';
import { gap } from './gap.js';
import { formatNumber, formatQuantity } from '../units/quantity.js';

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

/** Warnings (empty when sound) for the reservoir temperatures TL and TR of `device`. */
export function validityWarnings(device: Device, TL: number, TR: number): string[] {
  const warnings: string[] = [];
  const sides: [string, number, number][] = [
    ['T_L', TL, device.left.superconductor.Tc],
    ['T_R', TR, device.right.superconductor.Tc],
  ];
  for (const [name, T, Tc] of sides) {
    const at = `${name} = ${formatQuantity(T, 'temperature')}`;
    if (T >= Tc) {
      warnings.push(`${at} is not below Tc = ${formatQuantity(Tc, 'temperature')}: outside the model`);
      continue;
    }
    const v = rmsJunctionVoltage(device, T);
    const ratio = noiseToGapRatio(device, T, Tc);
    if (ratio > NOISE_TO_GAP_LIMIT) {
      // Digits enough to show it above the limit (0.2049 is not '0.2 … flagged above 0.2').
      let digits = 2;
      while (digits < 6 && !(Number(formatNumber(ratio, digits)) > NOISE_TO_GAP_LIMIT)) digits++;
      // Above Δ/e (the gap closing towards Tc) as a multiple: "3.4 times", not "3.4 of" or "9e2 of".
      const size =
        ratio < 1
          ? `${formatNumber(ratio, digits)} of Δ/e`
          : `${ratio < 1000 ? String(Math.round(ratio * 10) / 10) : Math.round(ratio).toLocaleString('en-US')} times Δ/e (the gap closes towards Tc = ${formatQuantity(Tc, 'temperature')})`;
      warnings.push(
        `${at}: rms junction voltage ${formatNumber(v * 1e6, 3)} µV is ${size} ` +
          `(linear response needs it ≪ Δ/e; flagged above ${NOISE_TO_GAP_LIMIT})`,
      );
    }
  }
  return warnings;
}
