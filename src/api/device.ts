/** The device constructors of physics/device.ts with their arguments checked (docs/library.md, "Input checking"). */
import { InputError } from '../errors.js';
import * as unchecked from '../physics/device.js';
import type { Device, PlatformName } from '../physics/device.js';
import { describeValue, refuseUnknownKeys } from '../physics/device-input.js';
import { checkDevice, checkDomain } from './arguments.js';

export * from '../physics/device.js';

const PLATFORMS: readonly PlatformName[] = ['ag', 'inas'];

/** The paper's device for a platform: identical reservoirs, A_R = χ·A_L with χ = 2, T_bath = 10 mK. */
export function platformDevice(platform: PlatformName): Device {
  if (!PLATFORMS.includes(platform)) {
    throw new InputError('platformDevice platform', describeValue(platform), "'ag' or 'inas'");
  }
  return unchecked.platformDevice(platform);
}

/** Area ratio χ = A_R / A_L. */
export function chiOf(device: Device): number {
  return unchecked.chiOf(checkDevice('chiOf device', device));
}

/** A copy of the device with A_R = χ·A_L (the left junction is unchanged). */
export function withChi(device: Device, chi: number): Device {
  checkDevice('withChi device', device);
  checkDomain('chi', 'withChi chi', chi);
  const out = unchecked.withChi(device, chi);
  return checkDevice('withChi chi', out);
}

const JUNCTION_PARAMETERS = ['Tc', 'gamma', 'r0', 'c', 'chi'] as const;

/** A copy of the device with both reservoirs' superconductor, junction r0 and c replaced where given. */
export function withJunctionParameters(
  device: Device,
  p: Partial<{ Tc: number; gamma: number; r0: number; c: number; chi: number }>,
): Device {
  checkDevice('withJunctionParameters device', device);
  if (p === null || typeof p !== 'object') {
    throw new InputError(
      'withJunctionParameters p',
      describeValue(p),
      'an object { Tc?, gamma?, r0?, c?, chi? } (SI)',
    );
  }
  // A misspelt key (gama) would otherwise leave the device unchanged without a word.
  refuseUnknownKeys(p, JUNCTION_PARAMETERS, 'withJunctionParameters p.', ' (SI)');
  for (const key of JUNCTION_PARAMETERS) {
    const value = p[key];
    if (value !== undefined) checkDomain(key, `withJunctionParameters p.${key}`, value);
  }
  // The bath must stay in [0.004 Tc, Tc) of a new Tc: the patched device is checked whole.
  return checkDevice(
    'withJunctionParameters (the patched device)',
    unchecked.withJunctionParameters(device, p),
  );
}
