/** Time constants and transients of physics/thermal-response.ts with their arguments checked (docs/library.md, "Input checking"). */
import { InputError } from '../errors.js';
import type { BalanceRoot } from '../physics/balance.js';
import type { Device, Reservoir } from '../physics/device.js';
import { describeValue, refuseUnknownKeys } from '../physics/device-input.js';
import * as unchecked from '../physics/thermal-response.js';
import type {
  TransientChange,
  TransientDrive,
  TransientOptions,
  TransientResult,
} from '../physics/thermal-response.js';
import {
  checkBath,
  checkDeviceWithHeatCapacities,
  checkIdealDeviceWithHeatCapacities,
  checkFinite,
  checkFiniteResult,
  checkInputPower,
  checkOptionalInteger,
  checkOptionalTolerance,
  checkReservoirHeatCapacity,
  checkTemperature,
  checkTemperatureBelowTc,
} from './arguments.js';

export * from '../physics/thermal-response.js';

/** τ = C_L/(−∂F/∂T_L) of a root { TL in [0.004 Tc, Tc), dF_dTL finite and ≠ 0 }, s (negative when unstable). */
export function timeConstant(device: Device, root: Pick<BalanceRoot, 'TL' | 'dF_dTL'>): number {
  const fn = 'timeConstant';
  checkDeviceWithHeatCapacities(`${fn} device`, device);
  if (root === null || typeof root !== 'object')
    throw new InputError(`${fn} root`, describeValue(root), 'a root { TL, dF_dTL } (K, W/K) of solveBalance');
  checkTemperatureBelowTc(`${fn} root.TL`, root.TL, device.left.superconductor.Tc);
  checkFinite(`${fn} root.dF_dTL`, root.dF_dTL);
  if (root.dF_dTL === 0)
    throw new InputError(
      `${fn} root.dF_dTL`,
      '0',
      'a slope ∂F/∂T_L ≠ 0 (at 0 the relaxation time is infinite)',
    );
  const tau = checkFiniteResult(fn, `dF_dTL = ${root.dF_dTL}`, unchecked.timeConstant(device, root));
  // Below 1e-300 s the quotient loses digits (subnormal doubles) and means nothing physically.
  if (!(Math.abs(tau) >= 1e-300))
    throw new InputError(
      `${fn} root.dF_dTL`,
      String(root.dF_dTL),
      'a slope giving a time constant of at least 1e-300 s',
    );
  return tau;
}

/** C_N + C_S of a reservoir at T in [0.004 Tc, 10 K] with C_S from a tabulation, J/K. */
export function reservoirHeatCapacityFast(reservoir: Reservoir, T: number): number {
  checkReservoirHeatCapacity('reservoirHeatCapacityFast reservoir', reservoir);
  checkTemperature('reservoirHeatCapacityFast T', T, reservoir.superconductor.Tc);
  return unchecked.reservoirHeatCapacityFast(reservoir, T);
}

const QUANTITIES: Record<1 | 2 | 3, readonly string[]> = {
  1: ['Jin', 'TR'],
  2: ['Jin', 'TR'],
  3: ['Jin', 'JinR'],
};

/**
 * Times a transient accepts, s (its start may also be 0): from 1 fs to 10⁵ s. The integrator stops at
 * once with status 'domain' on a first segment shorter than ~1e-16 s or an end beyond ~10⁶ s; the
 * reservoirs' time constants lie between µs and ms.
 */
export const TRANSIENT_TIME = Object.freeze({ min: 1e-15, max: 1e5 } as const);
const TIME = TRANSIENT_TIME;

function checkTime(option: string, t: number, zeroAllowed: boolean): void {
  if (zeroAllowed && t === 0) return;
  if (!(typeof t === 'number' && t >= TIME.min && t <= TIME.max)) {
    throw new InputError(
      option,
      describeValue(t),
      `${zeroAllowed ? '0 or ' : ''}a time from ${TIME.min} s to ${TIME.max} s`,
    );
  }
}

/** The drive, the change and the options, each field against the domain it takes. */
const TRANSIENT_OPTIONS = ['until', 'initialState', 'rtol', 'atol', 'maxSteps', 'outputTimes', 'onProgress'];

function checkTransient(
  fn: string,
  device: Device,
  drive: TransientDrive,
  change: TransientChange,
  options: TransientOptions,
): void {
  checkIdealDeviceWithHeatCapacities(`${fn} device`, device);
  if (drive === null || typeof drive !== 'object')
    throw new InputError(
      `${fn} drive`,
      describeValue(drive),
      'a drive { setup, Jin, JinR?, TR?, Tbath? } (SI)',
    );
  const { setup } = drive;
  if (setup !== 1 && setup !== 2 && setup !== 3)
    throw new InputError(
      `${fn} drive.setup`,
      describeValue(setup),
      '1, 2 (left floating) or 3 (both floating)',
    );
  // A misspelt key (durtion, Tbth, rtl) would leave what it meant at its default without a word.
  refuseUnknownKeys(
    drive,
    setup === 3 ? ['setup', 'Jin', 'JinR', 'Tbath'] : ['setup', 'Jin', 'TR', 'Tbath'],
    `${fn} drive.`,
    ` in setup ${setup}`,
  );
  checkInputPower(`${fn} drive.Jin`, drive.Jin);
  const TcR = device.right.superconductor.Tc;
  if (setup === 3) {
    checkInputPower(`${fn} drive.JinR`, drive.JinR as number);
  } else {
    checkTemperatureBelowTc(`${fn} drive.TR`, drive.TR as number, TcR);
    if (setup === 2) checkBath(`${fn} drive.TR`, drive.TR as number, device);
  }
  if (drive.Tbath !== undefined) checkBath(`${fn} drive.Tbath`, drive.Tbath, device);
  if (change === null || typeof change !== 'object')
    throw new InputError(
      `${fn} change`,
      describeValue(change),
      'a change { quantity, value, start, duration? } (SI)',
    );
  refuseUnknownKeys(change, ['quantity', 'value', 'start', 'duration'], `${fn} change.`);
  if (!QUANTITIES[setup].includes(change.quantity))
    throw new InputError(
      `${fn} change.quantity`,
      describeValue(change.quantity),
      `${QUANTITIES[setup].join(' or ')} in setup ${setup}`,
    );
  if (change.quantity === 'TR') {
    checkTemperatureBelowTc(`${fn} change.value`, change.value, TcR);
    if (setup === 2) checkBath(`${fn} change.value`, change.value, device);
  } else checkInputPower(`${fn} change.value`, change.value);
  checkTime(`${fn} change.start`, change.start, true);
  if (change.duration !== undefined) checkTime(`${fn} change.duration`, change.duration, false);
  if (options === null || typeof options !== 'object')
    throw new InputError(`${fn} options`, describeValue(options), 'an object { until, … } (s)');
  refuseUnknownKeys(options, TRANSIENT_OPTIONS, `${fn} options.`);
  checkTime(`${fn} options.until`, options.until, false);
  if (!(options.until > change.start))
    throw new InputError(
      `${fn} options.until`,
      `${options.until} s`,
      `a time after the change's start (${change.start} s)`,
    );
  checkOptionalInteger(`${fn} options.initialState`, options.initialState, 0, 1000);
  checkOptionalTolerance(`${fn} options.rtol`, options.rtol);
  // Coarser than 1 mK (temperatures are 10 mK–1 K) lets a step jump out of the model's range.
  if (
    options.atol !== undefined &&
    !(typeof options.atol === 'number' && options.atol > 0 && options.atol <= 1e-3)
  )
    throw new InputError(
      `${fn} options.atol`,
      describeValue(options.atol),
      'a temperature tolerance above 0 and at most 1 mK',
    );
  checkOptionalInteger(`${fn} options.maxSteps`, options.maxSteps, 1, 10_000_000);
  if (options.outputTimes !== undefined) {
    if (!Array.isArray(options.outputTimes))
      throw new InputError(
        `${fn} options.outputTimes`,
        describeValue(options.outputTimes),
        'an array of times (s)',
      );
    options.outputTimes.forEach((t, i) => checkTime(`${fn} options.outputTimes[${i}]`, t, true));
  }
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function')
    throw new InputError(
      `${fn} options.onProgress`,
      describeValue(options.onProgress),
      'a function of the fraction done',
    );
}

/** T(t) after a step or pulse of J_in, J_in^R or T_R from a stable steady state (see the physics module). */
export function transientResponse(
  device: Device,
  drive: TransientDrive,
  change: TransientChange,
  options: TransientOptions,
): TransientResult {
  const fn = 'transientResponse';
  checkTransient(fn, device, drive, change, options);
  try {
    return unchecked.transientResponse(device, drive, change, options);
  } catch (e) {
    // Known only after solving: whether the drive has a stable state, and which one to start from.
    if (e instanceof InputError && e.option === 'initialState') {
      if (e.accepted.startsWith('0 … -1')) {
        // Unheated, the reservoirs sit at the bath, the model's lower end (it needs T > T_bath).
        const bath = drive.Tbath ?? device.Tbath;
        const atRest =
          drive.Jin === 0 && (drive.setup === 3 ? drive.JinR === 0 : drive.setup === 2 || drive.TR === bath);
        throw new InputError(
          `${fn} drive`,
          `Jin = ${drive.Jin} W`,
          atRest
            ? 'a heated drive to start from: unheated, the reservoirs sit at the bath, where the model ends (it needs T above T_bath; e.g. Jin = 1e-18 W)'
            : 'a drive with a stable steady state below Tc to start from (this one has none)',
        );
      }
      throw new InputError(`${fn} options.initialState`, e.value, e.accepted);
    }
    throw e;
  }
}
