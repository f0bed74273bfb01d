/** Steady state of the left reservoir, F(T_L) = J_in − J_γ − J_ph,N − J_ph,S = 0 (paper Eq. 5, MODEL.md §6). */
import type { Device, Setup } from './device.js';

export interface OperatingPoint {
  /** Input power on the left reservoir, W. */
  Jin: number;
  /** Right reservoir temperature, K (in setup 2 it is also the bath temperature). */
  TR: number;
  /** 1: T_bath fixed (device.Tbath unless given); 2: T_bath = T_R. */
  setup: Setup;
  /** Bath temperature for setup 1, K; defaults to device.Tbath. Ignored in setup 2. */
  Tbath?: number;
}

export interface BalanceRoot {
  /** Steady-state left temperature, K. */
  TL: number;
  /** ∂F/∂T_L < 0. */
  stable: boolean;
  /** ∂F/∂T_L, W/K. */
  dF_dTL: number;
  /** Responsivity dT_L/dT_R = −(dF/dT_R)/(∂F/∂T_L), with T_bath = T_R moving too in setup 2. */
  dTL_dTR: number;
}

export interface BalanceSolution {
  /** Every root in (T_bath, Tc), ascending. */
  roots: BalanceRoot[];
  /** True when J_in is too large for a root below Tc (the model does not apply there). */
  exceedsTc: boolean;
}

/** Every root T_L of the heat balance, with stability and responsivity. */
export function solveBalance(device: Device, op: OperatingPoint): BalanceSolution {
  void device, op;
  throw new Error('not implemented yet');
}

/** The input power that puts the left reservoir at T_L (the inverse solve: J_in = J_γ + J_ph). */
export function inputPowerForTarget(device: Device, TL: number, TR: number, setup: Setup, Tbath?: number): number {
  void device, TL, TR, setup, Tbath;
  throw new Error('not implemented yet');
}
