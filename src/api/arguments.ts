/**
 * Argument checks at the library's public boundary (docs/library.md, "Input checking"): each throws
 * InputError naming `function parameter`, the value and the accepted range, taken from DOMAIN (the
 * command line's domains) so that the library and the CLI accept the same inputs. The checks are
 * comparisons only: they run on every call of the hot functions (≤ 5 % of their cost, bench/validation).
 */
import { InputError } from '../errors.js';
import { describeArgument as describeValue } from '../describe-argument.js';
import { formatQuantity } from '../units/quantity.js';
import type { TwoReservoirOperatingPoint } from '../physics/two-reservoir.js';
import type { Device, NormalMetal, Reservoir, Setup, Superconductor } from '../physics/device.js';
import type { PhotonicCircuit } from '../physics/photonic.js';
import { checkDeviceInput, refuseRealLine, refuseUnknownKeys } from '../physics/device-input.js';
import {
  checkHeaterPower,
  checkInRange,
  checkTemperatures,
  DEVICE_KEYS,
  deviceInDomain,
  DOMAIN,
  MIN_REDUCED_TEMPERATURE,
  rangeText,
  refusedText,
  temperatureInDomain,
  type DomainName,
} from '../physics/domain.js';

/** Highest temperature accepted anywhere (10 K: the highest Tc of the domain). */
const T_MAX = DOMAIN.temperature.max;

/** A refused temperature with the digits that tell it from `limits` ('10.0001 K' beside "at most 10 K"). */
const refusedTemperature = (T: unknown, limits: readonly number[]): string =>
  typeof T === 'number'
    ? refusedText(
        (d) => formatQuantity(T, 'temperature', d),
        limits,
        (v, d) => formatQuantity(v, 'temperature', d),
      )
    : describeValue(T);

/** What a number of each checked kind is, for a value that is no number ('a number in K'). */
const NUMBER_OF_KIND: Partial<Record<DomainName, string>> = {
  Tc: 'a temperature in K (a number)',
  temperature: 'a temperature in K (a number)',
  Jin: 'a power in W (a number)',
  area: 'an area in m² (a number)',
  volume: 'a volume in m³ (a number)',
  c: 'a specific capacitance in F/m² (a number)',
  r0: 'a specific resistance in Ω·m² (a number)',
};

/** A finite number (any sign). */
export function checkFinite(option: string, x: number): number {
  if (!Number.isFinite(x)) throw new InputError(option, describeValue(x), 'a finite number');
  return x;
}

/** A finite number above zero. */
export function checkPositive(option: string, x: number): number {
  if (!(Number.isFinite(x) && x > 0))
    throw new InputError(option, describeValue(x), 'a finite number above 0');
  return x;
}

/** A finite number of [0, ∞). */
export function checkNonNegative(option: string, x: number): number {
  if (!(Number.isFinite(x) && x >= 0)) throw new InputError(option, describeValue(x), 'a finite number ≥ 0');
  return x;
}

/** A value of DOMAIN[name] (the CLI's range for it). */
export function checkDomain(name: DomainName, option: string, x: number): number {
  if (typeof x !== 'number') {
    throw new InputError(
      option,
      describeValue(x),
      `${NUMBER_OF_KIND[name] ?? 'a number'} ${rangeText(DOMAIN[name])}`,
    );
  }
  return checkInRange(name, option, x);
}

/** A temperature of [0, 10 K] (quantities defined down to T = 0, such as Δ(T) or J_ph,N). */
export function checkTemperatureFromZero(option: string, T: number): number {
  if (!(Number.isFinite(T) && T >= 0 && T <= T_MAX)) {
    throw new InputError(
      option,
      refusedTemperature(T, [0, T_MAX]),
      `a temperature from 0 K to ${formatQuantity(T_MAX, 'temperature')}`,
    );
  }
  return T;
}

/**
 * A temperature of [0.004 Tc, 10 K]: the lowest as the CLI's (below it R/R0 and J_ph,S leave their
 * tables and overflow near 10⁻⁵ Tc); at and above Tc the reservoir is normal (R/R0 = 1), which the
 * library computes, unlike the CLI, which refuses it.
 */
export function checkTemperature(option: string, T: number, Tc: number): number {
  if (temperatureInDomain(T, Tc)) return T;
  if (typeof T !== 'number') throw new InputError(option, describeValue(T), 'a temperature in K (a number)');
  if (T > T_MAX) {
    throw new InputError(
      option,
      refusedTemperature(T, [T_MAX]),
      `a temperature of at most ${formatQuantity(T_MAX, 'temperature')} (${DOMAIN.temperature.reason})`,
    );
  }
  checkTemperatures([T], option, { Tc, belowTc: false });
  return T;
}

/** A temperature of [0.004 Tc, Tc), as the CLI's: the heat balance needs superconducting junctions. */
export function checkTemperatureBelowTc(option: string, T: number, Tc: number): number {
  if (Number.isFinite(T) && T >= MIN_REDUCED_TEMPERATURE * Tc && T < Tc) return T;
  if (typeof T !== 'number') throw new InputError(option, describeValue(T), 'a temperature in K (a number)');
  checkTemperatures([T], option, { Tc, belowTc: true });
  return T;
}

/** A bath temperature for `device`: at least 0.004 of each Tc and below both (as device.Tbath). */
export function checkBath(option: string, T: number, device: Device): number {
  const TcL = device.left.superconductor.Tc;
  const TcR = device.right.superconductor.Tc;
  checkTemperatureBelowTc(option, T, Math.min(TcL, TcR));
  return checkTemperature(option, T, Math.max(TcL, TcR));
}

/** An object (not null): the containers of the checked fields. */
function checkObject(option: string, x: unknown, accepted: string): void {
  if (x === null || typeof x !== 'object') throw new InputError(option, describeValue(x), accepted);
}

/** Tc and γ of a superconductor (what R/R0 and Δ depend on). */
export function checkGapParameters(option: string, sc: { Tc: number; gamma: number }): void {
  checkObject(option, sc, 'an object { Tc, gamma } (K, dimensionless)');
  checkDomain('Tc', `${option}.Tc`, sc.Tc);
  checkDomain('gamma', `${option}.gamma`, sc.gamma);
}

/** An electron–phonon coupling Σ (W m⁻³ K⁻ⁿ). */
function checkCoupling(option: string, Sigma: number, n: number): void {
  if (typeof Sigma !== 'number') throw new InputError(option, describeValue(Sigma), 'a number (W/m^3/K^n)');
  checkInRange('Sigma', option, Sigma, { exponent: n });
}

/** Every field of a Superconductor. */
export function checkSuperconductor(option: string, sc: Superconductor): void {
  checkObject(option, sc, 'a Superconductor { Tc, gamma, Sigma, volume } (SI)');
  refuseUnknownKeys(sc, DEVICE_KEYS.superconductor, `${option}.`);
  checkGapParameters(option, sc);
  checkCoupling(`${option}.Sigma`, sc.Sigma, 5);
  checkDomain('volume', `${option}.volume`, sc.volume);
}

/** Every field of a NormalMetal. */
export function checkNormalMetal(option: string, normal: NormalMetal): void {
  checkObject(option, normal, 'a NormalMetal { Sigma, n, volume } (SI)');
  refuseUnknownKeys(normal, DEVICE_KEYS.normal, `${option}.`);
  checkDomain('n', `${option}.n`, normal.n);
  checkCoupling(`${option}.Sigma`, normal.Sigma, normal.n);
  checkDomain('volume', `${option}.volume`, normal.volume);
}

/** Every field of a Reservoir. */
export function checkReservoir(option: string, r: Reservoir): void {
  const accepted = 'a Reservoir { superconductor, normal, junction } (SI)';
  checkObject(option, r, accepted);
  // A whole Device where one of its reservoirs is taken: said so, not as an unknown key 'left'.
  if ('left' in r && 'right' in r)
    throw new InputError(
      option,
      describeValue(r),
      `${accepted}: one reservoir of a Device, e.g. device.left`,
    );
  refuseUnknownKeys(r, DEVICE_KEYS.reservoir, `${option}.`);
  checkSuperconductor(`${option}.superconductor`, r.superconductor);
  checkNormalMetal(`${option}.normal`, r.normal);
  checkObject(`${option}.junction`, r.junction, 'a Junction { r0, c, area } (SI)');
  refuseUnknownKeys(r.junction, DEVICE_KEYS.junction, `${option}.junction.`);
  checkDomain('r0', `${option}.junction.r0`, r.junction.r0);
  checkDomain('c', `${option}.junction.c`, r.junction.c);
  checkDomain('area', `${option}.junction.area`, r.junction.area);
}

/**
 * Every field of `device` in its domain (checkDevice: χ and the bath included). The fast path is the
 * comparisons alone, ~40 per call: as cheap as remembering checked devices, and right for devices
 * mutated after a call. Only a device that fails them goes through checkDeviceInput, for the message.
 */
export function checkDevice(option: string, device: Device): Device {
  return deviceInDomain(device) ? device : checkDeviceInput(device, option);
}

/** checkDevice, and the paper's ideal lines (no real `line`, which the function would ignore). */
export function checkIdealDevice(option: string, device: Device): Device {
  checkDevice(option, device);
  refuseRealLine(device, option);
  return device;
}

/** 1 or 2 (the paper's setups). */
export function checkSetup(option: string, setup: Setup): Setup {
  if (setup !== 1 && setup !== 2) {
    throw new InputError(
      option,
      // A string as given: the accepted text below says it is one.
      typeof setup === 'string' ? setup : describeValue(setup),
      '1 (T_bath fixed, T_R swept: Fig. 3) or 2 (T_bath = T_R: Fig. 4)' +
        (typeof setup === 'string' ? ', a number (not a string)' : ''),
    );
  }
  return setup;
}

/** An input power: 0 (no heating) or DOMAIN.Jin. */
export function checkInputPower(option: string, Jin: number): number {
  if (typeof Jin === 'number') return checkHeaterPower(option, Jin);
  // Not a number: what is accepted, 0 W (heater off) included.
  throw new InputError(
    option,
    describeValue(Jin),
    `a power in W (a number) from 0 W (heater off) to ${formatQuantity(DOMAIN.Jin.max, 'power')}`,
  );
}

/** An operating point { Jin, TR, setup, Tbath? } of `device`, as the CLI's `solve` accepts it. */
export function checkOperatingPoint(
  option: string,
  device: Device,
  op: { Jin?: number; TR: number; setup: Setup; Tbath?: number },
  withJin: boolean,
): void {
  checkObject(option, op, 'an operating point { Jin, TR, setup, Tbath? } (SI)');
  // A misspelt key (Tbth) would leave the device's bath in place without a word.
  refuseUnknownKeys(op, ['Jin', 'TR', 'setup', 'Tbath'], `${option}.`);
  if (withJin) checkInputPower(`${option}.Jin`, op.Jin as number);
  checkOperatingTemperatures(option, device, op.TR, op.setup, op.Tbath);
}

/** T_R, the setup and the optional bath temperature of an operating point (setup 2: T_bath = T_R). */
export function checkOperatingTemperatures(
  option: string,
  device: Device,
  TR: number,
  setup: Setup,
  Tbath: number | undefined,
  names: { setup: string; TR: string; Tbath: string } = {
    setup: `${option}.setup`,
    TR: `${option}.TR`,
    Tbath: `${option}.Tbath`,
  },
): void {
  checkSetup(names.setup, setup);
  checkTemperatureBelowTc(names.TR, TR, device.right.superconductor.Tc);
  if (setup === 2) {
    // The bath is T_R there: a bath given besides would be ignored without a word.
    if (Tbath !== undefined && Tbath !== TR)
      throw new InputError(
        names.Tbath,
        describeValue(Tbath),
        'none in setup 2, or T_R itself (the bath is at T_R)',
      );
    checkBath(names.TR, TR, device);
  } else if (Tbath !== undefined) checkBath(names.Tbath, Tbath, device);
}

/** lo ≤ hi, both already checked. */
export function checkOrdered(option: string, lo: number, hi: number): void {
  if (!(lo <= hi)) {
    throw new InputError(
      option,
      `${refusedTemperature(lo, [hi])} > ${refusedTemperature(hi, [lo])}`,
      'a lower end at most the upper end',
    );
  }
}

/** A result that must be finite: anything else is refused as input beyond the computable range. */
export function checkFiniteResult(fn: string, arguments_: string, x: number): number {
  if (!Number.isFinite(x)) {
    throw new InputError(fn, arguments_, `arguments for which the result is finite (it is ${x} here)`);
  }
  return x;
}

/**
 * Sommerfeld coefficients accepted, J m⁻³ K⁻²: from a dilute semiconductor (InAs at 10²⁰ m⁻³: ~10⁻³)
 * to heavy fermions (~10⁵), with a decade's margin each side.
 */
export const SOMMERFELD_RANGE = Object.freeze({ min: 1e-4, max: 1e6 } as const);

/** An optional `sommerfeld` field: absent, or a number of SOMMERFELD_RANGE. */
export function checkSommerfeld(option: string, gamma: number | undefined): void {
  if (gamma === undefined) return;
  if (!(typeof gamma === 'number' && gamma >= SOMMERFELD_RANGE.min && gamma <= SOMMERFELD_RANGE.max)) {
    throw new InputError(
      option,
      describeValue(gamma),
      `a Sommerfeld coefficient from ${SOMMERFELD_RANGE.min} to ${SOMMERFELD_RANGE.max} J/m^3/K^2, or absent (the material's)`,
    );
  }
}

/** A reservoir with both Sommerfeld coefficients checked. */
export function checkReservoirHeatCapacity(option: string, reservoir: Reservoir): void {
  checkReservoir(option, reservoir);
  checkSommerfeld(`${option}.superconductor.sommerfeld`, reservoir.superconductor.sommerfeld);
  checkSommerfeld(`${option}.normal.sommerfeld`, reservoir.normal.sommerfeld);
}

/** checkDeviceWithHeatCapacities, and the paper's ideal lines (checkIdealDevice). */
export function checkIdealDeviceWithHeatCapacities(option: string, device: Device): void {
  checkDeviceWithHeatCapacities(option, device);
  refuseRealLine(device, option);
}

/** A device whose heat capacities are read (the dynamics): checkDevice and the four Sommerfeld coefficients. */
export function checkDeviceWithHeatCapacities(option: string, device: Device): void {
  checkDevice(option, device);
  for (const side of ['left', 'right'] as const) {
    checkSommerfeld(`${option}: ${side}.superconductor.sommerfeld`, device[side].superconductor.sommerfeld);
    checkSommerfeld(`${option}: ${side}.normal.sommerfeld`, device[side].normal.sommerfeld);
  }
}

/** A 2×2 matrix [[a, b], [c, d]] of finite numbers. */
export function checkMatrix2(option: string, m: [[number, number], [number, number]]): void {
  const accepted = 'a 2×2 matrix [[a, b], [c, d]] of finite numbers';
  if (!Array.isArray(m) || m.length !== 2) throw new InputError(option, describeValue(m), accepted);
  m.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== 2)
      throw new InputError(`${option}[${i}]`, describeValue(row), accepted);
    row.forEach((x, j) => checkFinite(`${option}[${i}][${j}]`, x));
  });
}

/** An optional integer of [min, max]. */
export function checkOptionalInteger(option: string, x: number | undefined, min: number, max: number): void {
  if (x === undefined) return;
  if (!(Number.isInteger(x) && x >= min && x <= max))
    throw new InputError(option, describeValue(x), `an integer from ${min} to ${max}`);
}

/** An optional relative tolerance of [1e-14, 0.1]. */
export function checkOptionalTolerance(option: string, x: number | undefined): void {
  if (x === undefined) return;
  if (!(typeof x === 'number' && x >= 1e-14 && x <= 0.1))
    throw new InputError(option, describeValue(x), 'a relative tolerance from 1e-14 to 0.1');
}

/** Heaters { JinL, JinR, Tbath? } of setup 3: each 0 or in (0, 1 µW], the bath one of the device. */
export function checkTwoReservoirOperatingPoint(
  option: string,
  device: Device,
  op: TwoReservoirOperatingPoint,
): void {
  if (op === null || typeof op !== 'object')
    throw new InputError(option, describeValue(op), 'an operating point { JinL, JinR, Tbath? } (W, W, K)');
  // A misspelt key (TBath) would leave the device's bath in place without a word.
  refuseUnknownKeys(op, ['JinL', 'JinR', 'Tbath'], `${option}.`);
  checkInputPower(`${option}.JinL`, op.JinL);
  checkInputPower(`${option}.JinR`, op.JinR);
  if (op.Tbath !== undefined) checkBath(`${option}.Tbath`, op.Tbath, device);
}

/**
 * Circuit elements as the domain's devices give them: R = (R/R0) r0/A from 10⁻⁶ to 10¹⁵ Ω and C = c·A
 * from 10⁻²⁰ to 10⁻⁶ F (wider ends: a_cutoff and J_γ underflow to a plausible-looking 0 far beyond).
 */
export const RESISTANCE = Object.freeze({ min: 1e-6, max: 1e15, unit: 'Ω' } as const);
export const CAPACITANCE = Object.freeze({ min: 1e-20, max: 1e-6, unit: 'F' } as const);
/** Cutoffs a = (R_L + R_R)/(R_L R_R C) of such circuits, rad/s. */
export const CUTOFF = Object.freeze({ min: 1e-9, max: 1e27, unit: 'rad/s' } as const);
/** The lowest temperature of the domain (0.004 × 10 mK), K. */
const T_LOWEST = DOMAIN.temperature.min;

export function checkBetween(
  option: string,
  x: number,
  range: { min: number; max: number; unit: string },
): void {
  if (!(typeof x === 'number' && x >= range.min && x <= range.max)) {
    throw new InputError(option, describeValue(x), `from ${range.min} to ${range.max} ${range.unit}`);
  }
}

/** A circuit's R_L, R_R (Ω) and C_L, C_R (F) in the ranges above. */
export function checkCircuit(fn: string, circuit: PhotonicCircuit): void {
  if (circuit === null || typeof circuit !== 'object') {
    throw new InputError(
      `${fn} circuit`,
      describeValue(circuit),
      'a PhotonicCircuit { RL, RR, CL, CR } (Ω, F)',
    );
  }
  checkBetween(`${fn} circuit.RL`, circuit.RL, RESISTANCE);
  checkBetween(`${fn} circuit.RR`, circuit.RR, RESISTANCE);
  checkBetween(`${fn} circuit.CL`, circuit.CL, CAPACITANCE);
  checkBetween(`${fn} circuit.CR`, circuit.CR, CAPACITANCE);
}

/** A temperature for the closed forms that take no Tc: [0.04 mK, 10 K]. */
export function checkBareTemperature(option: string, T: number): void {
  checkPositive(option, T);
  checkTemperature(option, T, T_LOWEST / MIN_REDUCED_TEMPERATURE);
}
