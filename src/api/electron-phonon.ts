/** J_ph,N and J_ph,S of physics/electron-phonon.ts with their arguments checked (docs/library.md, "Input checking"). */
import type { NormalMetal, Reservoir, Superconductor } from '../physics/device.js';
import {
  DOMAIN,
  MIN_REDUCED_TEMPERATURE,
  reservoirInDomain,
  superconductorInDomain,
  temperatureFromZeroInDomain,
  temperatureInDomain,
} from '../physics/domain.js';
import * as unchecked from '../physics/electron-phonon.js';
import { hasPhononTable } from '../physics/electron-phonon-table.js';
import type { PhononHeat } from '../physics/electron-phonon.js';
import { InputError } from '../errors.js';
import { describeValue } from '../physics/device-input.js';
import {
  checkDomain,
  checkFinite,
  checkFiniteResult,
  checkNonNegative,
  checkNormalMetal,
  checkPositive,
  checkReservoir,
  checkSuperconductor,
  checkTemperature,
  checkTemperatureFromZero,
} from './arguments.js';

export * from '../physics/electron-phonon.js';

/** Reduced temperatures t = T/Tc reach 10 K / 10 mK. */
const REDUCED_T_MAX = DOMAIN.temperature.max / DOMAIN.Tc.min;

/**
 * T_e of a superconductor in [0.004 Tc, 10 K] (its J_ph,S tables begin at 0.004 Tc); the phonon bath T_b
 * in [0, 10 K] (the tables are in T_b/T_e, from 0). By comparisons only (the hot path).
 */
function superconductorArgumentsInDomain(sc: Superconductor, Te: number, Tb: number): boolean {
  return superconductorInDomain(sc) && temperatureInDomain(Te, sc.Tc) && temperatureFromZeroInDomain(Tb);
}

/** Throws InputError naming sc, Te or Tb; reached only where superconductorArgumentsInDomain failed. */
function refuseSuperconductorArguments(fn: string, sc: Superconductor, Te: number, Tb: number): void {
  checkSuperconductor(`${fn} sc`, sc);
  checkTemperature(`${fn} Te`, Te, sc.Tc);
  checkTemperatureFromZero(`${fn} Tb`, Tb);
}

/** A tolerance of (0, 0.1]. */
function checkTolerance(option: string, eps: number): void {
  if (!(typeof eps === 'number' && eps > 0 && eps <= 0.1)) {
    throw new InputError(option, describeValue(eps), 'a relative tolerance above 0 and at most 0.1');
  }
}

/** A reduced temperature t = T/Tc of [low, 1000]. */
function checkReduced(option: string, t: number, low: number): void {
  if (!(typeof t === 'number' && t >= low && t <= REDUCED_T_MAX)) {
    throw new InputError(
      option,
      describeValue(t),
      `a reduced temperature T/Tc from ${low} to ${REDUCED_T_MAX}`,
    );
  }
}

/** J_ph,N = Σ_N V_N (T_e^n − T_b^n), W; T_e, T_b in [0, 10 K]. */
export function phononHeatNormal(normal: NormalMetal, Te: number, Tb: number): number {
  checkNormalMetal('phononHeatNormal normal', normal);
  checkTemperatureFromZero('phononHeatNormal Te', Te);
  checkTemperatureFromZero('phononHeatNormal Tb', Tb);
  return unchecked.phononHeatNormal(normal, Te, Tb);
}

/** ∂J_ph,N/∂T_e, W/K; T in [0, 10 K]. */
export function phononHeatNormalDerivative(normal: NormalMetal, T: number): number {
  checkNormalMetal('phononHeatNormalDerivative normal', normal);
  checkTemperatureFromZero('phononHeatNormalDerivative T', T);
  return unchecked.phononHeatNormalDerivative(normal, T);
}

/** tanh x − tanh y without cancellation, for finite x, y. */
export function tanhDifference(x: number, y: number): number {
  checkFinite('tanhDifference x', x);
  checkFinite('tanhDifference y', y);
  return checkFiniteResult('tanhDifference', `x = ${x}, y = ${y}`, unchecked.tanhDifference(x, y));
}

/** The kernel h(e′; t_e) of J_ph,S in reduced units (energies in k_B·Tc), principal value included. */
export function phononKernel(
  ePrime: number,
  delta: number,
  g: number,
  te: number,
  innerEpsRel = 1e-10,
): number {
  const fn = 'phononKernel';
  checkNonNegative(`${fn} ePrime`, ePrime);
  checkReduced(`${fn} ePrime`, ePrime, 0);
  checkNonNegative(`${fn} delta`, delta);
  checkReduced(`${fn} delta`, delta, 0);
  checkPositive(`${fn} g`, g);
  checkReduced(`${fn} g`, g, 0);
  checkReduced(`${fn} te`, te, MIN_REDUCED_TEMPERATURE);
  checkTolerance(`${fn} innerEpsRel`, innerEpsRel);
  return checkFiniteResult(
    fn,
    `ePrime = ${ePrime}, delta = ${delta}, g = ${g}, te = ${te}`,
    unchecked.phononKernel(ePrime, delta, g, te, innerEpsRel),
  );
}

/** j(t_e, t_b; γ) by nested adaptive quadrature (reference path); t_e ≥ 0.004, t_b ≥ 0. */
export function reducedPhononHeatDirect(te: number, tb: number, gamma: number, epsRel = 1e-9): number {
  const fn = 'reducedPhononHeatDirect';
  checkReduced(`${fn} te`, te, MIN_REDUCED_TEMPERATURE);
  checkReduced(`${fn} tb`, tb, 0);
  checkDomain('gamma', `${fn} gamma`, gamma);
  checkTolerance(`${fn} epsRel`, epsRel);
  return unchecked.reducedPhononHeatDirect(te, tb, gamma, epsRel);
}

/** J_ph,S by direct nested quadrature of the reduced single-kernel form (reference path), W. */
export function phononHeatSuperconductorDirect(sc: Superconductor, Te: number, Tb: number): number {
  if (!superconductorArgumentsInDomain(sc, Te, Tb))
    refuseSuperconductorArguments('phononHeatSuperconductorDirect', sc, Te, Tb);
  return unchecked.phononHeatSuperconductorDirect(sc, Te, Tb);
}

/**
 * J_ph,S from the tables loaded now, else by direct quadrature: one evaluation at a γ whose table is
 * not loaded keeps its 1e-7 (the γ family's 2e-6·max(1, ρ) is coarser where ρ is small, in the gap);
 * the solvers read the family on first need instead (hundreds of evaluations a solve).
 */
function phononHeatSuperconductorAsLoaded(sc: Superconductor, Te: number, Tb: number): number {
  return hasPhononTable(sc.gamma) || Te === Tb
    ? unchecked.phononHeatSuperconductor(sc, Te, Tb)
    : unchecked.phononHeatSuperconductorDirect(sc, Te, Tb);
}

/**
 * J_ph,S in W (fast path: verified tabulation where available — the shipped γ, or any γ in range once
 * the γ family is loaded — else direct). Positive when Te > Tb.
 */
export function phononHeatSuperconductor(sc: Superconductor, Te: number, Tb: number): number {
  if (!superconductorArgumentsInDomain(sc, Te, Tb))
    refuseSuperconductorArguments('phononHeatSuperconductor', sc, Te, Tb);
  return phononHeatSuperconductorAsLoaded(sc, Te, Tb);
}

/** Both electron–phonon channels of one reservoir, W. */
export function phononHeat(reservoir: Reservoir, Te: number, Tb: number): PhononHeat {
  if (!reservoirInDomain(reservoir)) checkReservoir('phononHeat reservoir', reservoir);
  if (!superconductorArgumentsInDomain(reservoir.superconductor, Te, Tb))
    refuseSuperconductorArguments('phononHeat', reservoir.superconductor, Te, Tb);
  const normal = unchecked.phononHeatNormal(reservoir.normal, Te, Tb);
  const superconductor = phononHeatSuperconductorAsLoaded(reservoir.superconductor, Te, Tb);
  return { normal, superconductor, total: normal + superconductor };
}
