/** Real photon lines and the thermal diode (physics/photonic-line.ts, physics/rectification.ts), arguments checked. */
import { InputError } from '../errors.js';
import type { Device } from '../physics/device.js';
import * as line from '../physics/photonic-line.js';
import * as diode from '../physics/rectification.js';
import { checkDevice, checkNonNegative, checkOrdered, checkPositive, checkTemperature } from './arguments.js';

export {
  hasRealLine,
  lineCircuit,
  lineTransmissions,
  lineHeatCurrentsDirect,
  lineHeatCurrentsOfCircuit,
  type LineCircuit,
  type LineHeatCurrents,
} from '../physics/photonic-line.js';
export {
  mirrored,
  steadyStateRectification,
  withRightReservoir,
  type HeatedState,
  type Rectification,
  type SteadyStateRectification,
} from '../physics/rectification.js';
export type { PhotonLine } from '../physics/device.js';
export { balanceRootsThroughLine, type LineBalanceRoot } from '../physics/balance-line.js';

/** The device and its line (inductance and resistance finite and ≥ 0). */
function checkLineDevice(fn: string, device: Device): void {
  checkDevice(`${fn} device`, device);
  if (device.line === undefined) return;
  if (device.line === null || typeof device.line !== 'object')
    throw new InputError(`${fn} device.line`, String(device.line), 'an object {inductance, resistance}');
  checkNonNegative(`${fn} device.line.inductance`, device.line.inductance);
  checkNonNegative(`${fn} device.line.resistance`, device.line.resistance);
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
