/** Heat capacities of physics/heat-capacity.ts with their arguments checked (docs/library.md, "Input checking"). */
import { InputError } from '../errors.js';
import type { NormalMetal, Reservoir, Superconductor } from '../physics/device.js';
import { DOMAIN, MIN_REDUCED_TEMPERATURE } from '../physics/domain.js';
import * as unchecked from '../physics/heat-capacity.js';
import { describeArgument as describeValue } from '../describe-argument.js';
import {
  checkNormalMetal,
  checkReservoirHeatCapacity,
  checkSommerfeld,
  checkSuperconductor,
  checkTemperature,
  checkTemperatureFromZero,
} from './arguments.js';

export * from '../physics/heat-capacity.js';
export {
  /** Sommerfeld coefficients a device's `sommerfeld` fields may take, J m⁻³ K⁻² (dilute semiconductor to heavy fermions). */
  SOMMERFELD_RANGE,
} from './arguments.js';

function checkNormal(option: string, normal: NormalMetal): void {
  checkNormalMetal(option, normal);
  checkSommerfeld(`${option}.sommerfeld`, normal.sommerfeld);
}

function checkLead(option: string, sc: Superconductor): void {
  checkSuperconductor(option, sc);
  checkSommerfeld(`${option}.sommerfeld`, sc.sommerfeld);
}

/** γ of a normal part, J m⁻³ K⁻² (its own `sommerfeld`, else Ag's or InAs's by its exponent). */
export function normalSommerfeld(normal: NormalMetal): number {
  checkNormal('normalSommerfeld normal', normal);
  return unchecked.normalSommerfeld(normal);
}

/** γ of a superconducting part in its normal state, J m⁻³ K⁻² (its own `sommerfeld`, else Al's). */
export function superconductorSommerfeld(sc: Superconductor): number {
  checkLead('superconductorSommerfeld sc', sc);
  return unchecked.superconductorSommerfeld(sc);
}

/** C_N = γ_N V_N T, J/K; T in [0, 10 K]. */
export function heatCapacityNormal(normal: NormalMetal, T: number): number {
  checkNormal('heatCapacityNormal normal', normal);
  checkTemperatureFromZero('heatCapacityNormal T', T);
  return unchecked.heatCapacityNormal(normal, T);
}

/** Reduced temperatures t = T/Tc reach 10 K / 10 mK. */
const REDUCED_T_MAX = DOMAIN.temperature.max / DOMAIN.Tc.min;

/**
 * Dynes γ accepted by the quadrature: down to 10⁻⁹ (below ~10⁻¹² its breakpoints miss the narrowed
 * coherence peak and C_S comes out negative), up to DOMAIN.gamma's end.
 */
const GAMMA_MIN = 1e-9;
/** Loosest tolerance accepted: at 0.1 the quadrature is off by orders of magnitude near Tc. */
const EPS_REL_MAX = 1e-6;

/**
 * C_S/(γ_S V_S T) at t = T/Tc of [0.004, 1000] (below, the quadrature loses the Dynes tail: 0 at
 * t = 10⁻⁶ instead of ≈ γ), Dynes γ of [1e-9, 0.1], relative tolerance of [1e-14, 1e-6].
 */
export function reducedHeatCapacitySuperconductor(t: number, gamma: number, epsRel = 1e-10): number {
  const fn = 'reducedHeatCapacitySuperconductor';
  if (!(typeof t === 'number' && t >= MIN_REDUCED_TEMPERATURE && t <= REDUCED_T_MAX)) {
    throw new InputError(
      `${fn} t`,
      describeValue(t),
      `a reduced temperature T/Tc from ${MIN_REDUCED_TEMPERATURE} to ${REDUCED_T_MAX}`,
    );
  }
  if (!(typeof gamma === 'number' && gamma >= GAMMA_MIN && gamma <= DOMAIN.gamma.max))
    throw new InputError(
      `${fn} gamma`,
      describeValue(gamma),
      `a Dynes γ from ${GAMMA_MIN} to ${DOMAIN.gamma.max}`,
    );
  if (!(typeof epsRel === 'number' && epsRel >= 1e-14 && epsRel <= EPS_REL_MAX)) {
    throw new InputError(
      `${fn} epsRel`,
      describeValue(epsRel),
      `a relative tolerance from 1e-14 to ${EPS_REL_MAX}`,
    );
  }
  return unchecked.reducedHeatCapacitySuperconductor(t, gamma, epsRel);
}

/** C_S of the superconducting part, J/K; T in [0.004 Tc, 10 K]. */
export function heatCapacitySuperconductor(sc: Superconductor, T: number): number {
  checkLead('heatCapacitySuperconductor sc', sc);
  checkTemperature('heatCapacitySuperconductor T', T, sc.Tc);
  return unchecked.heatCapacitySuperconductor(sc, T);
}

/** C_N + C_S of one reservoir at T in [0.004 Tc, 10 K], J/K. */
export function reservoirHeatCapacity(reservoir: Reservoir, T: number): number {
  checkReservoirHeatCapacity('reservoirHeatCapacity reservoir', reservoir);
  checkTemperature('reservoirHeatCapacity T', T, reservoir.superconductor.Tc);
  return unchecked.reservoirHeatCapacity(reservoir, T);
}
