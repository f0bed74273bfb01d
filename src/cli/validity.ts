/**
 * Validity flags of MODEL.md §9 for printed results: linear response needs the rms junction voltage
 * sqrt(k_B T / C_total) ≪ Δ(T)/e, and every temperature below Tc.
 */
import { NOISE_TO_GAP_LIMIT, noiseToGapRatio, rmsJunctionVoltage, type Device } from '../index.js';
import { formatNumber, formatQuantity } from '../units/quantity.js';

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
      warnings.push(
        `${at}: rms junction voltage ${formatNumber(v * 1e6, 3)} µV is ${formatNumber(ratio, 2)} of Δ/e ` +
          `(linear response needs it ≪ Δ/e; flagged above ${NOISE_TO_GAP_LIMIT})`,
      );
    }
  }
  return warnings;
}
