/** The validity checks of physics/validity.ts with their arguments checked (docs/library.md, "Input checking"). */
import type { Device } from '../physics/device.js';
import * as unchecked from '../physics/validity.js';
import { checkDevice, checkDomain, checkTemperature, checkTemperatureFromZero } from './arguments.js';

export * from '../physics/validity.js';

/** rms voltage of the junction circuit at temperature T ∈ [0, 10 K], V. */
export function rmsJunctionVoltage(device: Device, T: number): number {
  checkDevice('rmsJunctionVoltage device', device);
  return unchecked.rmsJunctionVoltage(device, checkTemperatureFromZero('rmsJunctionVoltage T', T));
}

/** e·V_rms/Δ(T) for a reservoir with critical temperature Tc (Infinity at and above Tc). */
export function noiseToGapRatio(device: Device, T: number, Tc: number): number {
  checkDevice('noiseToGapRatio device', device);
  checkDomain('Tc', 'noiseToGapRatio Tc', Tc);
  return unchecked.noiseToGapRatio(device, checkTemperature('noiseToGapRatio T', T, Tc), Tc);
}

/** Warnings (empty when sound) for the reservoir temperatures TL and TR of `device`. */
export function validityWarnings(device: Device, TL: number, TR: number): string[] {
  checkDevice('validityWarnings device', device);
  checkTemperature('validityWarnings TL', TL, device.left.superconductor.Tc);
  checkTemperature('validityWarnings TR', TR, device.right.superconductor.Tc);
  return unchecked.validityWarnings(device, TL, TR);
}
