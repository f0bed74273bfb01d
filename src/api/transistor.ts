/** The thermal transistor of physics/transistor.ts with its arguments checked (docs/library.md, "Input checking"). */
import { InputError } from '../errors.js';
import type { Device } from '../physics/device.js';
import { describeValue } from '../physics/device-input.js';
import * as unchecked from '../physics/transistor.js';
import type { TransistorResponse } from '../physics/transistor.js';
import type { TwoReservoirOperatingPoint, TwoReservoirState } from '../physics/two-reservoir.js';
import {
  checkIdealDevice,
  checkIdealDeviceWithHeatCapacities,
  checkFiniteResult,
  checkMatrix2,
  checkTemperature,
  checkTwoReservoirOperatingPoint,
} from './arguments.js';

export * from '../physics/transistor.js';

/** The response at a steady state { TL, TR, jacobian, stable } (T in [0.004 Tc, 10 K], J non-singular). */
export function transistorResponseAt(device: Device, state: TwoReservoirState): TransistorResponse {
  const fn = 'transistorResponseAt';
  checkIdealDevice(`${fn} device`, device);
  if (state === null || typeof state !== 'object')
    throw new InputError(
      `${fn} state`,
      describeValue(state),
      'a TwoReservoirState { TL, TR, stable, jacobian }',
    );
  checkTemperature(`${fn} state.TL`, state.TL, device.left.superconductor.Tc);
  checkTemperature(`${fn} state.TR`, state.TR, device.right.superconductor.Tc);
  checkMatrix2(`${fn} state.jacobian`, state.jacobian);
  if (typeof state.stable !== 'boolean')
    throw new InputError(`${fn} state.stable`, describeValue(state.stable), 'true or false');
  const out = unchecked.transistorResponseAt(device, state);
  for (const [key, value] of Object.entries(out))
    if (typeof value === 'number') checkFiniteResult(`${fn} state.jacobian`, `${key} = ${value}`, value);
  return out;
}

/** The transistor response at every steady state of setup 3 (arguments as solveTwoReservoirs). */
export function transistorResponse(device: Device, op: TwoReservoirOperatingPoint): TransistorResponse[] {
  checkIdealDeviceWithHeatCapacities('transistorResponse device', device);
  checkTwoReservoirOperatingPoint('transistorResponse op', device, op);
  return unchecked.transistorResponse(device, op);
}
