/**
 * Edge checks of temperature lists against the model's domain (src/physics/domain.ts): at least
 * 0.004 Tc, and below Tc where the model needs superconducting junctions (docs/model.md).
 */
import { InputError, type Device } from '../index.js';
import { checkTemperatures } from '../physics/domain.js';
import { parseQuantity } from '../units/quantity.js';

/** Returns `temps` unchanged, or throws InputError for the first one below 0.004 Tc or at or above Tc. */
export function belowTc(temps: number[], Tc: number, option: string): number[] {
  checkTemperatures(temps, option, { Tc, belowTc: true });
  return temps;
}

/**
 * Returns `temps` unchanged, or throws InputError for the first one below 0.004 Tc (any T above is
 * fine); `lowWhy` says why for a command that computes less than the whole model.
 */
export function aboveTcFloor(temps: number[], Tc: number, option: string, lowWhy?: string): number[] {
  checkTemperatures(temps, option, { Tc, belowTc: false, lowWhy });
  return temps;
}

/**
 * A command's one bath temperature from `--Tbath` (setups 1 and 3): below either reservoir's Tc and at
 * least 0.004 of either (the library's rule for a device's bath); refused in setup 2, where the bath is T_R.
 */
export function bathOption(text: string, device: Device, setup: number): number {
  if (setup === 2) throw new InputError('--Tbath', text, 'not with --setup 2 (the bath is at T_R)');
  const Tb = parseQuantity(text, 'temperature', '--Tbath');
  const { left, right } = device;
  belowTc([Tb], Math.min(left.superconductor.Tc, right.superconductor.Tc), '--Tbath');
  aboveTcFloor([Tb], Math.max(left.superconductor.Tc, right.superconductor.Tc), '--Tbath');
  return Tb;
}

/** `device` at the bath `--Tbath` gives (bathOption), or as it is when the option is not given. */
export function withBathOption(device: Device, text: string | undefined, setup: number): Device {
  return text === undefined ? device : { ...device, Tbath: bathOption(text, device, setup) };
}
