/** Located features of the paper's curves: J_γ maximum, NDTC intervals, T_L,min and δT (MODEL.md §6–7). */
import type { Device, Setup } from './device.js';

export interface Interval {
  /** K */
  from: number;
  /** K */
  to: number;
}

/** The maximum of J_γ(T_L, ·) over T_R ∈ [TRmin, TRmax] (by root finding on κ_γ). */
export function photonicMaximum(device: Device, TL: number, TRmin: number, TRmax: number): { TR: number; J: number } {
  void device, TL, TRmin, TRmax;
  throw new Error('not implemented yet');
}

/** The T_R intervals in [TRmin, TRmax] where κ_γ < 0 (ends located by root finding). */
export function ndtcIntervals(device: Device, TL: number, TRmin: number, TRmax: number): Interval[] {
  void device, TL, TRmin, TRmax;
  throw new Error('not implemented yet');
}

export interface TemperatureDrop {
  /** T_L at T_R = TRmin, K. */
  TL0: number;
  /** Minimum of T_L over T_R ∈ [TRmin, TRmax], K. */
  TLmin: number;
  /** T_R at the minimum, K. */
  TRatMin: number;
  /** δT = TL0 − TLmin, K. */
  deltaT: number;
}

/** δT = T_L(T_R = TRmin) − min over T_R of T_L at fixed J_in, located by minimisation. */
export function temperatureDrop(
  device: Device,
  Jin: number,
  setup: Setup,
  TRmin: number,
  TRmax: number,
): TemperatureDrop {
  void device, Jin, setup, TRmin, TRmax;
  throw new Error('not implemented yet');
}
