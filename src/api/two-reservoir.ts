/** Setup 3 of physics/two-reservoir.ts with its arguments checked (docs/library.md, "Input checking"). */
import { InputError } from '../errors.js';
import type { Device, Reservoir } from '../physics/device.js';
import { describeValue } from '../physics/device-input.js';
import { MIN_REDUCED_TEMPERATURE } from '../physics/domain.js';
import * as unchecked from '../physics/two-reservoir.js';
import type {
  Reduction,
  ReductionOptions,
  TwoReservoirOperatingPoint,
  TwoReservoirSolution,
  TwoReservoirState,
} from '../physics/two-reservoir.js';
import {
  checkBath,
  checkIdealDevice,
  checkIdealDeviceWithHeatCapacities,
  checkFinite,
  checkFiniteResult,
  checkMatrix2,
  checkOptionalInteger,
  checkPositive,
  checkReservoir,
  checkTemperature,
  checkTemperatureFromZero,
  checkTwoReservoirOperatingPoint,
} from './arguments.js';

export * from '../physics/two-reservoir.js';

/** A real 2×2 matrix, row-major (internal shorthand; the signatures spell it out for the reference). */
type Matrix2 = [[number, number], [number, number]];

/** A temperature whose J_ph,S central difference (T ± 10⁻⁵ T) stays in [0.004 Tc, 10 K]. */
function checkStencilTemperature(option: string, T: number, Tc: number): void {
  checkTemperature(option, T, Tc);
  checkTemperature(option, T * (1 + 1e-5), Tc);
  if (!(T * (1 - 1e-5) >= MIN_REDUCED_TEMPERATURE * Tc)) checkTemperature(option, T * (1 - 1e-5), Tc);
}

/** Heat a reservoir loses to the bath, J_ph,N + J_ph,S, W; T in [0.004 Tc, 10 K], T_b in [0, 10 K]. */
export function reservoirPhononHeat(reservoir: Reservoir, T: number, Tb: number): number {
  checkReservoir('reservoirPhononHeat reservoir', reservoir);
  checkTemperature('reservoirPhononHeat T', T, reservoir.superconductor.Tc);
  checkTemperatureFromZero('reservoirPhononHeat Tb', Tb);
  return unchecked.reservoirPhononHeat(reservoir, T, Tb);
}

/** ∂(J_ph,N + J_ph,S)/∂T_e, W/K; T with T ± 10⁻⁵ T in [0.004 Tc, 10 K], T_b in [0, 10 K]. */
export function reservoirPhononHeatDerivative(reservoir: Reservoir, T: number, Tb: number): number {
  checkReservoir('reservoirPhononHeatDerivative reservoir', reservoir);
  checkStencilTemperature('reservoirPhononHeatDerivative T', T, reservoir.superconductor.Tc);
  checkTemperatureFromZero('reservoirPhononHeatDerivative Tb', Tb);
  return unchecked.reservoirPhononHeatDerivative(reservoir, T, Tb);
}

/** (F_L, F_R) of setup 3 at T_L, T_R in [0.004 Tc, 10 K] of their reservoirs, W. */
export function twoReservoirResidual(
  device: Device,
  op: TwoReservoirOperatingPoint,
  TL: number,
  TR: number,
): [number, number] {
  const fn = 'twoReservoirResidual';
  checkIdealDevice(`${fn} device`, device);
  checkTwoReservoirOperatingPoint(`${fn} op`, device, op);
  checkTemperature(`${fn} TL`, TL, device.left.superconductor.Tc);
  checkTemperature(`${fn} TR`, TR, device.right.superconductor.Tc);
  return unchecked.twoReservoirResidual(device, op, TL, TR);
}

/** ∂(F_L, F_R)/∂(T_L, T_R), W/K; T_L, T_R (with ± 10⁻⁵ of themselves) in [0.004 Tc, 10 K], a bath of the device. */
export function twoReservoirJacobian(
  device: Device,
  TL: number,
  TR: number,
  Tbath?: number,
): [[number, number], [number, number]] {
  const fn = 'twoReservoirJacobian';
  checkIdealDevice(`${fn} device`, device);
  checkStencilTemperature(`${fn} TL`, TL, device.left.superconductor.Tc);
  checkStencilTemperature(`${fn} TR`, TR, device.right.superconductor.Tc);
  if (Tbath !== undefined) checkBath(`${fn} Tbath`, Tbath, device);
  return unchecked.twoReservoirJacobian(device, TL, TR, Tbath);
}

/**
 * Eigenvalues of a real 2×2 matrix of finite numbers, as [re, im] pairs. Computed on the matrix scaled
 * by its largest entry, so that entries beyond 10¹⁵⁴ (whose squared trace overflows) are exact too.
 */
export function eigenvalues2(m: [[number, number], [number, number]]): [number, number][] {
  checkMatrix2('eigenvalues2 m', m);
  const scale = Math.max(...m.flat().map(Math.abs));
  if (scale === 0) return unchecked.eigenvalues2(m);
  const scaled: Matrix2 = [
    [m[0][0] / scale, m[0][1] / scale],
    [m[1][0] / scale, m[1][1] / scale],
  ];
  const out = unchecked.eigenvalues2(scaled).map(([re, im]): [number, number] => [re * scale, im * scale]);
  out.flat().forEach((x) => checkFiniteResult('eigenvalues2', 'm', x));
  return out;
}

/** Time constants −1/Re λ of C⁻¹J (finite: no eigenvalue with zero real part), s, ascending; C_L, C_R > 0 J/K. */
export function timeConstants2(
  jacobian: [[number, number], [number, number]],
  CL: number,
  CR: number,
): number[] {
  const fn = 'timeConstants2';
  checkMatrix2(`${fn} jacobian`, jacobian);
  checkPositive(`${fn} CL`, CL);
  checkPositive(`${fn} CR`, CR);
  const m: Matrix2 = [
    [jacobian[0][0] / CL, jacobian[0][1] / CL],
    [jacobian[1][0] / CR, jacobian[1][1] / CR],
  ];
  m.flat().forEach((x) => checkFiniteResult(fn, `C⁻¹J = ${x} (CL = ${CL}, CR = ${CR})`, x));
  // Through the scaled eigenvalues: C⁻¹J of tiny capacities overflows the unscaled formula.
  return eigenvalues2(m)
    .map(([re]) => checkFiniteResult(fn, `Re λ = ${re}`, -1 / re))
    .sort((a, b) => a - b);
}

/** Jacobian, heat capacities, stability and time constants of a state of setup 3 (T_L, T_R as twoReservoirJacobian). */
export function describeTwoReservoirState(
  device: Device,
  TL: number,
  TR: number,
  Tbath?: number,
): TwoReservoirState {
  const fn = 'describeTwoReservoirState';
  checkIdealDeviceWithHeatCapacities(`${fn} device`, device);
  checkStencilTemperature(`${fn} TL`, TL, device.left.superconductor.Tc);
  checkStencilTemperature(`${fn} TR`, TR, device.right.superconductor.Tc);
  if (Tbath !== undefined) checkBath(`${fn} Tbath`, Tbath, device);
  const state = unchecked.describeTwoReservoirState(device, TL, TR, Tbath);
  state.timeConstants.forEach((t) => checkFiniteResult(fn, `TL = ${TL}, TR = ${TR}`, t));
  return state;
}

/** A tolerance above 0 and at most `max`. */
function checkTolerance(option: string, x: number, max: number): void {
  if (!(typeof x === 'number' && x > 0 && x <= max))
    throw new InputError(option, describeValue(x), `a tolerance above 0 and at most ${max}`);
}

/**
 * Every (s, r) with inner(s) ∋ r and outer(s, r) = 0 for sLo < s < sHi (finite); `inner` must return
 * ascending finite roots and `outer` finite values, else InputError names them; options.foldWidth ≤ 10⁻³,
 * options.xtol ≤ 10⁻³ (sHi − sLo). The scan begins at sLo + 10⁻⁹ (sHi − sLo): states nearer sLo are not
 * resolved (for setup 3, s = T_R from T_bath: 10⁻⁹ of a kelvin).
 */
export function steadyStatesByReduction(
  reduction: Reduction,
  sLo: number,
  sHi: number,
  options: ReductionOptions = {},
): { s: number; r: number }[] {
  const fn = 'steadyStatesByReduction';
  if (
    reduction === null ||
    typeof reduction !== 'object' ||
    typeof reduction.inner !== 'function' ||
    typeof reduction.outer !== 'function'
  )
    throw new InputError(
      `${fn} reduction`,
      describeValue(reduction),
      'an object { inner, outer } of functions',
    );
  checkFinite(`${fn} sLo`, sLo);
  checkFinite(`${fn} sHi`, sHi);
  if (!(sHi > sLo)) throw new InputError(`${fn} sLo`, `${sLo}, sHi = ${sHi}`, 'a lower end below sHi');
  if (options === null || typeof options !== 'object')
    throw new InputError(
      `${fn} options`,
      describeValue(options),
      'an object { intervals?, foldWidth?, xtol? }',
    );
  checkOptionalInteger(`${fn} options.intervals`, options.intervals, 1, 100_000);
  // Tolerances coarser than these would return states only loosely placed: not what a scan is for.
  if (options.foldWidth !== undefined) checkTolerance(`${fn} options.foldWidth`, options.foldWidth, 1e-3);
  if (options.xtol !== undefined) checkTolerance(`${fn} options.xtol`, options.xtol, 1e-3 * (sHi - sLo));
  const checked: Reduction = {
    inner: (s) => {
      const roots = reduction.inner(s);
      if (
        !Array.isArray(roots) ||
        !roots.every((r, i) => Number.isFinite(r) && (i === 0 || r > roots[i - 1]))
      )
        throw new InputError(`${fn} reduction.inner`, `at s = ${s}`, 'ascending finite roots');
      return roots;
    },
    outer: (s, r) => checkFinite(`${fn} reduction.outer`, reduction.outer(s, r)),
  };
  return unchecked.steadyStatesByReduction(checked, sLo, sHi, options);
}

/** Every steady state of setup 3 (both reservoirs floating) with heaters J_in^L, J_in^R (0 or (0, 1 µW]). */
export function solveTwoReservoirs(device: Device, op: TwoReservoirOperatingPoint): TwoReservoirSolution {
  checkIdealDeviceWithHeatCapacities('solveTwoReservoirs device', device);
  checkTwoReservoirOperatingPoint('solveTwoReservoirs op', device, op);
  return unchecked.solveTwoReservoirs(device, op);
}
