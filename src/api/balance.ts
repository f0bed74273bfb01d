/** The heat balance of physics/balance.ts with its arguments checked (docs/library.md, "Input checking"). */
import * as unchecked from '../physics/balance.js';
import type { BalanceRoot, BalanceRoots, BalanceSolution, OperatingPoint } from '../physics/balance.js';
import type { Device, Setup } from '../physics/device.js';
import {
  checkBath,
  checkDevice,
  checkIdealDevice,
  checkInputPower,
  checkOperatingPoint,
  checkOperatingTemperatures,
  checkPositive,
  checkTemperature,
  checkTemperatureBelowTc,
} from './arguments.js';
import { deviceInDomain, idealLines, operatingPointInDomain } from '../physics/domain.js';

export * from '../physics/balance.js';

/** The device and the operating point { Jin, TR, setup, Tbath? } as `ndtc solve` accepts them, by comparisons only. */
function problemInDomain(device: Device, op: OperatingPoint): boolean {
  return deviceInDomain(device) && idealLines(device) && operatingPointInDomain(device, op);
}

/** Throws InputError naming the device or op; reached only where problemInDomain failed (messages off the hot path). */
function refuseProblem(fn: string, device: Device, op: OperatingPoint): void {
  checkIdealDevice(`${fn} device`, device);
  checkOperatingPoint(`${fn} op`, device, op, true);
}

/** The bath temperature of an operating point. */
export function bathTemperature(device: Device, op: Pick<OperatingPoint, 'TR' | 'setup' | 'Tbath'>): number {
  checkDevice('bathTemperature device', device);
  checkOperatingPoint('bathTemperature op', device, op, false);
  return unchecked.bathTemperature(device, op);
}

/** Heat leaving the left reservoir to the bath, J_ph,N + J_ph,S, W; T_L in [0.004 Tc, 10 K]. */
export function leftPhononHeat(device: Device, TL: number, Tb: number): number {
  checkDevice('leftPhononHeat device', device);
  checkTemperature('leftPhononHeat TL', TL, device.left.superconductor.Tc);
  checkBath('leftPhononHeat Tb', Tb, device);
  return unchecked.leftPhononHeat(device, TL, Tb);
}

/** F(T_L) of paper Eq. 5, W; T_L in [0.004 Tc, 10 K], T_R below the right Tc, T_b a bath temperature. */
export function balanceResidual(device: Device, Jin: number, TL: number, TR: number, Tb: number): number {
  const fn = 'balanceResidual';
  checkIdealDevice(`${fn} device`, device);
  checkInputPower(`${fn} Jin`, Jin);
  checkTemperature(`${fn} TL`, TL, device.left.superconductor.Tc);
  checkTemperatureBelowTc(`${fn} TR`, TR, device.right.superconductor.Tc);
  checkBath(`${fn} Tb`, Tb, device);
  return unchecked.balanceResidual(device, Jin, TL, TR, Tb);
}

/** Stability and responsivity of a root T_L in [0.004 Tc, Tc) (implicit-function theorem). */
export function describeRoot(device: Device, TL: number, TR: number, Tb: number, setup: Setup): BalanceRoot {
  const fn = 'describeRoot';
  checkIdealDevice(`${fn} device`, device);
  checkTemperatureBelowTc(`${fn} TL`, TL, device.left.superconductor.Tc);
  checkOperatingTemperatures(fn, device, TR, setup, Tb);
  return unchecked.describeRoot(device, TL, TR, Tb, setup);
}

/** Every root T_L of the heat balance in (T_b, Tc), without describing them. */
export function balanceRoots(device: Device, op: OperatingPoint): BalanceRoots {
  if (!problemInDomain(device, op)) refuseProblem('balanceRoots', device, op);
  return unchecked.balanceRoots(device, op);
}

/** Every root T_L of the heat balance in (T_bath, Tc), with stability and responsivity. */
export function solveBalance(device: Device, op: OperatingPoint): BalanceSolution {
  if (!problemInDomain(device, op)) refuseProblem('solveBalance', device, op);
  return unchecked.solveBalance(device, op);
}

/** solveBalance by the generic all-roots search (the reference of `solveBalance`). */
export function solveBalanceFullScan(device: Device, op: OperatingPoint): BalanceSolution {
  if (!problemInDomain(device, op)) refuseProblem('solveBalanceFullScan', device, op);
  return unchecked.solveBalanceFullScan(device, op);
}

/** The root reached from `guess` (K, > 0) by moving the way F points; undefined if none in (T_b, Tc). */
export function solveBalanceNear(device: Device, op: OperatingPoint, guess: number): BalanceRoot | undefined {
  if (!problemInDomain(device, op)) refuseProblem('solveBalanceNear', device, op);
  checkPositive('solveBalanceNear guess', guess);
  return unchecked.solveBalanceNear(device, op, guess);
}

/** T_L alone of `solveBalanceNear`, to `xtol` K. */
export function balanceRootNear(
  device: Device,
  op: OperatingPoint,
  guess: number,
  xtol?: number,
  /** First probe's distance from the guess, K (default 1e-4·guess); widened ×4 until F changes sign. */
  initialStep?: number,
): number | undefined {
  if (!problemInDomain(device, op)) refuseProblem('balanceRootNear', device, op);
  checkPositive('balanceRootNear guess', guess);
  if (xtol !== undefined) checkPositive('balanceRootNear xtol', xtol);
  if (initialStep !== undefined) checkPositive('balanceRootNear initialStep', initialStep);
  return unchecked.balanceRootNear(device, op, guess, xtol, initialStep);
}

/**
 * The input power that puts the left reservoir at T_L ∈ [0.004 Tc, Tc) (J_in = J_γ + J_ph), W.
 * Negative where T_L lies below the temperature it floats at unheated (below the bath, or below what
 * the photons from a hotter right reservoir bring): the heat that would have to be taken out.
 */
export function inputPowerForTarget(
  device: Device,
  TL: number,
  TR: number,
  setup: Setup,
  Tbath?: number,
): number {
  const fn = 'inputPowerForTarget';
  checkIdealDevice(`${fn} device`, device);
  checkTemperatureBelowTc(`${fn} TL`, TL, device.left.superconductor.Tc);
  checkOperatingTemperatures(fn, device, TR, setup, Tbath);
  return unchecked.inputPowerForTarget(device, TL, TR, setup, Tbath);
}
