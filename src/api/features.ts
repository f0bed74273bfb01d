/** The located features of physics/features.ts with their arguments checked (docs/library.md, "Input checking"). */
import type { BalanceRoot } from '../physics/balance.js';
import type { Device, Setup } from '../physics/device.js';
import * as unchecked from '../physics/features.js';
import type { Interval, TemperatureDrop } from '../physics/features.js';
import { InputError } from '../errors.js';
import { describeValue } from '../physics/device-input.js';
import {
  checkIdealDevice,
  checkInputPower,
  checkOperatingTemperatures,
  checkOrdered,
  checkTemperature,
} from './arguments.js';

export * from '../physics/features.js';

/** T_L and the T_R range [TRmin, TRmax] of J_γ: temperatures of [0.004 Tc, 10 K], in order. */
function checkPhotonicRange(fn: string, device: Device, TL: number, TRmin: number, TRmax: number): void {
  checkIdealDevice(`${fn} device`, device);
  checkTemperature(`${fn} TL`, TL, device.left.superconductor.Tc);
  checkTemperature(`${fn} TRmin`, TRmin, device.right.superconductor.Tc);
  checkTemperature(`${fn} TRmax`, TRmax, device.right.superconductor.Tc);
  checkOrdered(`${fn} TRmin, TRmax`, TRmin, TRmax);
}

/** The maximum of J_γ(T_L, ·) over T_R ∈ [TRmin, TRmax], located where κ_γ = 0 (or at an end). */
export function photonicMaximum(
  device: Device,
  TL: number,
  TRmin: number,
  TRmax: number,
): { TR: number; J: number } {
  checkPhotonicRange('photonicMaximum', device, TL, TRmin, TRmax);
  return unchecked.photonicMaximum(device, TL, TRmin, TRmax);
}

/** The T_R intervals in [TRmin, TRmax] where κ_γ < 0 (ends located by root finding). */
export function ndtcIntervals(device: Device, TL: number, TRmin: number, TRmax: number): Interval[] {
  checkPhotonicRange('ndtcIntervals', device, TL, TRmin, TRmax);
  return unchecked.ndtcIntervals(device, TL, TRmin, TRmax);
}

/** T_L along T_R at fixed J_in, following the lowest stable root by continuation (undefined: no root below Tc). */
export function leftTemperatureCurve(
  device: Device,
  Jin: number,
  setup: Setup,
  TRs: readonly number[],
): (BalanceRoot | undefined)[] {
  const fn = 'leftTemperatureCurve';
  checkIdealDevice(`${fn} device`, device);
  checkInputPower(`${fn} Jin`, Jin);
  if (!Array.isArray(TRs))
    throw new InputError(`${fn} TRs`, describeValue(TRs), 'an array of temperatures (K)');
  TRs.forEach((TR, i) =>
    checkOperatingTemperatures(fn, device, TR, setup, undefined, {
      setup: `${fn} setup`,
      TR: `${fn} TRs[${i}]`,
      Tbath: `${fn} TRs[${i}]`,
    }),
  );
  return unchecked.leftTemperatureCurve(device, Jin, setup, TRs);
}

/** δT = T_L(T_R = TRmin) − min over T_R of T_L at fixed J_in (NaN where no root lies below Tc at TRmin). */
export function temperatureDrop(
  device: Device,
  Jin: number,
  setup: Setup,
  TRmin: number,
  TRmax: number,
): TemperatureDrop {
  const fn = 'temperatureDrop';
  checkIdealDevice(`${fn} device`, device);
  checkInputPower(`${fn} Jin`, Jin);
  for (const [name, TR] of [
    ['TRmin', TRmin],
    ['TRmax', TRmax],
  ] as const)
    checkOperatingTemperatures(fn, device, TR, setup, undefined, {
      setup: `${fn} setup`,
      TR: `${fn} ${name}`,
      Tbath: `${fn} ${name}`,
    });
  checkOrdered(`${fn} TRmin, TRmax`, TRmin, TRmax);
  return unchecked.temperatureDrop(device, Jin, setup, TRmin, TRmax);
}
