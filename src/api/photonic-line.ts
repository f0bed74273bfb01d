/** Real photon lines and the thermal diode (physics/photonic-line.ts, physics/rectification.ts), arguments checked. */
import { InputError } from '../errors.js';
import type { Device } from '../physics/device.js';
import * as line from '../physics/photonic-line.js';
import * as diode from '../physics/rectification.js';
import * as lineBalance from '../physics/balance-line.js';
import type { OperatingPoint } from '../physics/balance.js';
import type { Reservoir } from '../physics/device.js';
import { describeValue } from '../physics/device-input.js';
import { parseQuantity } from '../units/quantity.js';
import {
  checkBareTemperature,
  checkBetween,
  checkCircuit,
  checkDevice,
  checkIdealDeviceWithHeatCapacities,
  checkFiniteResult,
  checkInputPower,
  checkOperatingPoint,
  checkOrdered,
  checkPositive,
  checkTemperature,
} from './arguments.js';

export type { LineCircuit, LineHeatCurrents } from '../physics/photonic-line.js';
export type { HeatedState, Rectification, SteadyStateRectification } from '../physics/rectification.js';
export type { PhotonLine } from '../physics/device.js';
export type { LineBalanceRoot } from '../physics/balance-line.js';

/**
 * Each photon line's series elements accepted (also by `--Lline`, `--Rline`): an inductance of 0 or from
 * 1e-20 H to 1 mH, a resistance of 0 or from 1e-20 Ω to 1 GΩ. Far below 1e-20 H (a change of J_γ under
 * 10⁻¹³) the partial fractions lose the circuit's poles: J_γ 6e-8 off at 1e-30 H, 3e-5 at 1e-100 H, a
 * RangeError at 1e-300 H. A resistance of 1e-20 Ω changes J_γ by < 10⁻¹⁵; far below it, R_ℓ τ_L τ_R
 * underflows to 0 and the circuit's polynomial loses its degree.
 */
export const PHOTON_LINE_RANGE = Object.freeze({
  inductanceMin: 1e-20,
  inductanceMax: 1e-3,
  resistanceMin: 1e-20,
  resistanceMax: 1e9,
} as const);

/** 0 or [k·min, k·max] of the kind's PHOTON_LINE_RANGE (k lines in series). */
function lineElementInRange(x: number, kind: 'inductance' | 'resistance', k: number): boolean {
  const [min, max] =
    kind === 'inductance'
      ? [PHOTON_LINE_RANGE.inductanceMin, PHOTON_LINE_RANGE.inductanceMax]
      : [PHOTON_LINE_RANGE.resistanceMin, PHOTON_LINE_RANGE.resistanceMax];
  return x === 0 || (typeof x === 'number' && x >= k * min && x <= k * max);
}

/**
 * A line's series inductance or resistance given as text with its unit (`--Lline 10nH`, a device
 * file's `line.inductance`), in PHOTON_LINE_RANGE; otherwise InputError naming `option` and the text.
 */
export function parseLineElement(text: string, kind: 'inductance' | 'resistance', option: string): number {
  const value = parseQuantity(text, kind, option);
  if (!lineElementInRange(value, kind, 1))
    throw new InputError(
      option,
      text,
      kind === 'inductance' ? '0 H or from 1e-20 H to 1 mH' : '0 Ω or from 1e-20 Ω to 1 GΩ',
    );
  return value;
}

/** An inductance (H) or resistance (Ω) of 0 or in PHOTON_LINE_RANGE times k (k lines in series). */
function checkLineElement(option: string, x: number, kind: 'inductance' | 'resistance', k: number): void {
  if (lineElementInRange(x, kind, k)) return;
  const [min, max, unit] =
    kind === 'inductance'
      ? [k * PHOTON_LINE_RANGE.inductanceMin, k * PHOTON_LINE_RANGE.inductanceMax, 'H']
      : [k * PHOTON_LINE_RANGE.resistanceMin, k * PHOTON_LINE_RANGE.resistanceMax, 'Ω'];
  throw new InputError(
    option,
    describeValue(x),
    `0 or ${kind === 'inductance' ? 'an inductance' : 'a resistance'} from ${min} to ${max} ${unit}`,
  );
}

/** The device and its line, if it has one. */
function checkLineDevice(fn: string, device: Device): void {
  checkDevice(`${fn} device`, device);
  if (device.line === undefined) return;
  if (device.line === null || typeof device.line !== 'object')
    throw new InputError(`${fn} device.line`, String(device.line), 'an object {inductance, resistance}');
  checkLineElement(`${fn} device.line.inductance`, device.line.inductance, 'inductance', 1);
  checkLineElement(`${fn} device.line.resistance`, device.line.resistance, 'resistance', 1);
}

function checkPair(fn: string, device: Device, TL: number, TR: number): void {
  checkLineDevice(fn, device);
  checkTemperature(`${fn} TL`, TL, device.left.superconductor.Tc);
  checkTemperature(`${fn} TR`, TR, device.right.superconductor.Tc);
}

/**
 * Heat currents with the device's lines (each line in series in the loop, its resistance at T_bath), W:
 * heat leaving the left reservoir, heat entering the right one, and their direct exchange. Without a
 * line (or with L = R = 0) all three are photonicHeatCurrent.
 */
export function lineHeatCurrents(device: Device, TL: number, TR: number): line.LineHeatCurrents {
  checkPair('lineHeatCurrents', device, TL, TR);
  return line.lineHeatCurrents(device, TL, TR);
}

/** J_γ through real lines: heat leaving the left reservoir by photons, W (photonicHeatCurrent without a line). */
export function photonicHeatCurrentThroughLine(device: Device, TL: number, TR: number): number {
  checkPair('photonicHeatCurrentThroughLine', device, TL, TR);
  return line.photonicHeatCurrentThroughLine(device, TL, TR);
}

/** κ_γ = −∂J_γ/∂T_R through real lines, W/K (photonicConductance without a line). */
export function photonicConductanceThroughLine(device: Device, TL: number, TR: number): number {
  checkPair('photonicConductanceThroughLine', device, TL, TR);
  // The difference stencil reaches T_R ± 0.2 %: keep it inside the domain.
  checkTemperature('photonicConductanceThroughLine TR', TR * 1.002, device.right.superconductor.Tc);
  return line.photonicConductanceThroughLine(device, TL, TR);
}

/** The intervals of T_R ∈ [TRmin, TRmax] (K) where κ_γ < 0 at T_L, through the device's lines. */
export function ndtcWindow(
  device: Device,
  TL: number,
  TRmin: number,
  TRmax: number,
  points = 60,
): Array<{ from: number; to: number }> {
  checkPair('ndtcWindow', device, TL, TRmin);
  checkTemperature('ndtcWindow TRmax', TRmax / 0.998, device.right.superconductor.Tc);
  checkTemperature('ndtcWindow TRmin', TRmin * 0.998, device.right.superconductor.Tc);
  checkOrdered('ndtcWindow TRmin', TRmin, TRmax);
  if (!(Number.isInteger(points) && points >= 3 && points <= 100_000))
    throw new InputError('ndtcWindow points', String(points), 'an integer from 3 to 100000');
  return line.ndtcWindow(device, TL, TRmin, TRmax, points);
}

/**
 * Thermal diode: forward (left hot) and reverse (right hot) photonic heat currents at the same T_hot >
 * T_cold (K), and the rectification ratio R = J_fwd/J_rev.
 */
export function rectification(device: Device, Thot: number, Tcold: number): diode.Rectification {
  checkPositive('rectification Tcold', Tcold);
  checkPair('rectification', device, Thot, Tcold);
  checkPair('rectification', device, Tcold, Thot);
  if (!(Thot > Tcold))
    throw new InputError('rectification Thot', `${Thot} K`, `a temperature above Tcold = ${Tcold} K`);
  return diode.rectification(device, Thot, Tcold);
}

/** True if the device has a line with non-zero inductance or resistance. */
export function hasRealLine(device: Device): boolean {
  checkLineDevice('hasRealLine', device);
  return line.hasRealLine(device);
}

/** The circuit at (T_L, T_R) with both lines of the loop in series (L = 2 L_line, R_ℓ = 2 R_line). */
export function lineCircuit(device: Device, TL: number, TR: number): line.LineCircuit {
  checkPair('lineCircuit', device, TL, TR);
  return line.lineCircuit(device, TL, TR);
}

/** A LineCircuit: the junctions' R, C as a PhotonicCircuit's, the loop's L and R_ℓ as two lines'. */
function checkLineCircuit(fn: string, c: line.LineCircuit): void {
  checkCircuit(fn, c);
  checkLineElement(`${fn} circuit.L`, c.L, 'inductance', 2);
  checkLineElement(`${fn} circuit.Rline`, c.Rline, 'resistance', 2);
}

/** Highest angular frequency accepted, rad/s: 10⁶ times k_B·10 K/ħ, far beyond any thermal photon. */
const OMEGA_MAX = 1e18;

/** τ_LR, τ_Lℓ, τ_Rℓ at ω in [0, 10¹⁸] rad/s. */
export function lineTransmissions(
  c: line.LineCircuit,
  omega: number,
): { leftRight: number; leftLine: number; rightLine: number } {
  checkLineCircuit('lineTransmissions', c);
  checkBetween('lineTransmissions omega', omega, { min: 0, max: OMEGA_MAX, unit: 'rad/s' });
  return line.lineTransmissions(c, omega);
}

/** The three heat currents of a line circuit at T_L, T_R and T_line in [0.04 mK, 10 K], W. */
function lineCurrentsChecked(
  fn: string,
  compute: typeof line.lineHeatCurrentsDirect,
  c: line.LineCircuit,
  TL: number,
  TR: number,
  Tline: number,
): line.LineHeatCurrents {
  checkLineCircuit(fn, c);
  checkBareTemperature(`${fn} TL`, TL);
  checkBareTemperature(`${fn} TR`, TR);
  checkBareTemperature(`${fn} Tline`, Tline);
  const out = compute(c, TL, TR, Tline);
  for (const [key, J] of Object.entries(out)) checkFiniteResult(fn, `${key} = ${J}`, J);
  return out;
}

/** Heat currents of a line circuit, closed form (see the physics module), W. */
export function lineHeatCurrentsOfCircuit(
  c: line.LineCircuit,
  TL: number,
  TR: number,
  Tline: number,
): line.LineHeatCurrents {
  return lineCurrentsChecked('lineHeatCurrentsOfCircuit', line.lineHeatCurrentsOfCircuit, c, TL, TR, Tline);
}

/** The same heat currents by adaptive quadrature of τ(ω) (reference path), W. */
export function lineHeatCurrentsDirect(
  c: line.LineCircuit,
  TL: number,
  TR: number,
  Tline: number,
): line.LineHeatCurrents {
  return lineCurrentsChecked('lineHeatCurrentsDirect', line.lineHeatCurrentsDirect, c, TL, TR, Tline);
}

/** The device seen from the other side: left and right reservoirs exchanged. */
export function mirrored(device: Device): Device {
  checkLineDevice('mirrored', device);
  return diode.mirrored(device);
}

/** A copy of the device whose right reservoir is `patch(right)`; the copy is checked as a device. */
export function withRightReservoir(device: Device, patch: (right: Reservoir) => Reservoir): Device {
  checkLineDevice('withRightReservoir', device);
  if (typeof patch !== 'function')
    throw new InputError(
      'withRightReservoir patch',
      describeValue(patch),
      'a function of the right reservoir',
    );
  return checkDevice('withRightReservoir patch(right)', diode.withRightReservoir(device, patch));
}

/** Steady-state rectification with power P (0 or (0, 1 µW]) on either side, both reservoirs floating. */
export function steadyStateRectification(device: Device, P: number): diode.SteadyStateRectification {
  checkIdealDeviceWithHeatCapacities('steadyStateRectification device', device);
  checkInputPower('steadyStateRectification P', P);
  return diode.steadyStateRectification(device, P);
}

/** Every root T_L of the left balance with the device's lines, ascending (operating point as solveBalance's). */
export function balanceRootsThroughLine(device: Device, op: OperatingPoint): lineBalance.LineBalanceRoot[] {
  checkLineDevice('balanceRootsThroughLine', device);
  checkOperatingPoint('balanceRootsThroughLine op', device, op, true);
  return lineBalance.balanceRootsThroughLine(device, op);
}
