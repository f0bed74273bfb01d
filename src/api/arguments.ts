/**
 * Argument checks at the library's public boundary (docs/library.md, "Input checking"): each throws
 * InputError naming `function parameter`, the value and the accepted range, taken from DOMAIN (the
 * command line's domains) so that the library and the CLI accept the same inputs. The checks are
 * comparisons only: they run on every call of the hot functions (≤ 5 % of their cost, bench/validation).
 */
import { InputError } from '../errors.js';
import { formatQuantity } from '../units/quantity.js';
import type { OperatingPoint } from '../physics/balance.js';
import type { TwoReservoirOperatingPoint } from '../physics/two-reservoir.js';
import type { Device, NormalMetal, Reservoir, Setup, Superconductor } from '../physics/device.js';
import type { PhotonicCircuit } from '../physics/photonic.js';
import { checkDeviceInput, describeValue } from '../physics/device-input.js';
import {
  checkInRange,
  checkTemperatures,
  DOMAIN,
  MIN_REDUCED_TEMPERATURE,
  rangeText,
  type DomainName,
} from '../physics/domain.js';

/** Highest temperature accepted anywhere (10 K: the highest Tc of the domain). */
const T_MAX = DOMAIN.temperature.max;

const shownNumber = (x: unknown): string =>
  typeof x === 'number' ? formatQuantity(x, 'temperature') : describeValue(x);

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
    throw new InputError(option, describeValue(x), `a number ${rangeText(DOMAIN[name])}`);
  }
  return checkInRange(name, option, x);
}

/** A temperature of [0, 10 K] (quantities defined down to T = 0, such as Δ(T) or J_ph,N). */
export function checkTemperatureFromZero(option: string, T: number): number {
  if (!(Number.isFinite(T) && T >= 0 && T <= T_MAX)) {
    throw new InputError(
      option,
      shownNumber(T),
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
  if (Number.isFinite(T) && T >= MIN_REDUCED_TEMPERATURE * Tc && T <= T_MAX) return T;
  if (typeof T !== 'number') throw new InputError(option, describeValue(T), 'a temperature in K (a number)');
  if (T > T_MAX) {
    throw new InputError(
      option,
      shownNumber(T),
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
  checkGapParameters(option, sc);
  checkCoupling(`${option}.Sigma`, sc.Sigma, 5);
  checkDomain('volume', `${option}.volume`, sc.volume);
}

/** Every field of a NormalMetal. */
export function checkNormalMetal(option: string, normal: NormalMetal): void {
  checkObject(option, normal, 'a NormalMetal { Sigma, n, volume } (SI)');
  checkDomain('n', `${option}.n`, normal.n);
  checkCoupling(`${option}.Sigma`, normal.Sigma, normal.n);
  checkDomain('volume', `${option}.volume`, normal.volume);
}

/** Every field of a Reservoir. */
export function checkReservoir(option: string, r: Reservoir): void {
  checkObject(option, r, 'a Reservoir { superconductor, normal, junction } (SI)');
  checkSuperconductor(`${option}.superconductor`, r.superconductor);
  checkNormalMetal(`${option}.normal`, r.normal);
  checkObject(`${option}.junction`, r.junction, 'a Junction { r0, c, area } (SI)');
  checkDomain('r0', `${option}.junction.r0`, r.junction.r0);
  checkDomain('c', `${option}.junction.c`, r.junction.c);
  checkDomain('area', `${option}.junction.area`, r.junction.area);
}

// The domain's ends as plain constants: the fast path compares against them on every call.
const [TC_MIN, TC_MAX] = [DOMAIN.Tc.min, DOMAIN.Tc.max];
const [GAMMA_MIN, GAMMA_MAX] = [DOMAIN.gamma.min, DOMAIN.gamma.max];
const [SIGMA_MIN, SIGMA_MAX] = [DOMAIN.Sigma.min, DOMAIN.Sigma.max];
const [VOLUME_MIN, VOLUME_MAX] = [DOMAIN.volume.min, DOMAIN.volume.max];
const [N_MIN, N_MAX] = [DOMAIN.n.min, DOMAIN.n.max];
const [R0_MIN, R0_MAX] = [DOMAIN.r0.min, DOMAIN.r0.max];
const [C_MIN, C_MAX] = [DOMAIN.c.min, DOMAIN.c.max];
const [AREA_MIN, AREA_MAX] = [DOMAIN.area.min, DOMAIN.area.max];
const [CHI_MIN, CHI_MAX] = [DOMAIN.chi.min, DOMAIN.chi.max];
const JIN_MAX = DOMAIN.Jin.max;

/** Tc and γ in their domains, by comparisons only (NaN and non-numbers fail). */
export function gapParametersInDomain(s: { Tc: number; gamma: number }): boolean {
  if (typeof s !== 'object' || s === null) return false;
  const { Tc, gamma } = s;
  return (
    typeof Tc === 'number' &&
    typeof gamma === 'number' &&
    Tc >= TC_MIN &&
    Tc <= TC_MAX &&
    gamma >= GAMMA_MIN &&
    gamma <= GAMMA_MAX
  );
}

/** Every field of a Superconductor in its domain, by comparisons only. */
export function superconductorInDomain(s: Superconductor): boolean {
  if (!gapParametersInDomain(s)) return false;
  const { Sigma, volume } = s;
  return (
    typeof Sigma === 'number' &&
    typeof volume === 'number' &&
    Sigma >= SIGMA_MIN &&
    Sigma <= SIGMA_MAX &&
    volume >= VOLUME_MIN &&
    volume <= VOLUME_MAX
  );
}

/** Every field of a NormalMetal in its domain, by comparisons only. */
export function normalMetalInDomain(n: NormalMetal): boolean {
  if (typeof n !== 'object' || n === null) return false;
  const { Sigma, volume } = n;
  return (
    typeof n.n === 'number' &&
    typeof Sigma === 'number' &&
    typeof volume === 'number' &&
    n.n >= N_MIN &&
    n.n <= N_MAX &&
    Sigma >= SIGMA_MIN &&
    Sigma <= SIGMA_MAX &&
    volume >= VOLUME_MIN &&
    volume <= VOLUME_MAX
  );
}

/** Every field of a Reservoir in its domain, by comparisons only. */
export function reservoirInDomain(r: Reservoir | undefined): boolean {
  return junctionInDomain(r) && superconductorInDomain(r!.superconductor) && normalMetalInDomain(r!.normal);
}

/** A junction's r0, c and area and its gap's Tc and γ in their domains, by comparisons only. */
function junctionInDomain(r: Reservoir | undefined): boolean {
  if (typeof r !== 'object' || r === null) return false;
  const j = r.junction;
  if (typeof j !== 'object' || j === null) return false;
  const { r0, c, area } = j;
  return (
    typeof r0 === 'number' &&
    typeof c === 'number' &&
    typeof area === 'number' &&
    r0 >= R0_MIN &&
    r0 <= R0_MAX &&
    c >= C_MIN &&
    c <= C_MAX &&
    area >= AREA_MIN &&
    area <= AREA_MAX &&
    gapParametersInDomain(r.superconductor)
  );
}

/**
 * J_γ's and κ_γ's arguments in their domains, by comparisons only: both junctions, both gaps, χ and the
 * two temperatures (not the volumes, couplings or bath, which they do not use). One flat function, each
 * field loaded once: J_γ costs ~0.4 µs, and nested calls through junctionInDomain cost a tenth of it.
 */
export function photonicArgumentsInDomain(device: Device, TL: number, TR: number): boolean {
  if (typeof device !== 'object' || device === null) return false;
  const { left, right } = device;
  if (typeof left !== 'object' || left === null || typeof right !== 'object' || right === null) return false;
  const jL = left.junction;
  const jR = right.junction;
  const sL = left.superconductor;
  const sR = right.superconductor;
  if (
    typeof jL !== 'object' ||
    jL === null ||
    typeof jR !== 'object' ||
    jR === null ||
    typeof sL !== 'object' ||
    sL === null ||
    typeof sR !== 'object' ||
    sR === null
  )
    return false;
  const { r0: r0L, c: cL, area: aL } = jL;
  const { r0: r0R, c: cR, area: aR } = jR;
  const { Tc: TcL, gamma: gL } = sL;
  const { Tc: TcR, gamma: gR } = sR;
  // typeof first: a numeric string would pass the comparisons.
  if (
    typeof r0L !== 'number' ||
    typeof cL !== 'number' ||
    typeof aL !== 'number' ||
    typeof r0R !== 'number' ||
    typeof cR !== 'number' ||
    typeof aR !== 'number' ||
    typeof TcL !== 'number' ||
    typeof gL !== 'number' ||
    typeof TcR !== 'number' ||
    typeof gR !== 'number' ||
    typeof TL !== 'number' ||
    typeof TR !== 'number'
  )
    return false;
  const chi = aR / aL;
  return (
    r0L >= R0_MIN &&
    r0L <= R0_MAX &&
    r0R >= R0_MIN &&
    r0R <= R0_MAX &&
    cL >= C_MIN &&
    cL <= C_MAX &&
    cR >= C_MIN &&
    cR <= C_MAX &&
    aL >= AREA_MIN &&
    aL <= AREA_MAX &&
    aR >= AREA_MIN &&
    aR <= AREA_MAX &&
    chi >= CHI_MIN &&
    chi <= CHI_MAX &&
    TcL >= TC_MIN &&
    TcL <= TC_MAX &&
    TcR >= TC_MIN &&
    TcR <= TC_MAX &&
    gL >= GAMMA_MIN &&
    gL <= GAMMA_MAX &&
    gR >= GAMMA_MIN &&
    gR <= GAMMA_MAX &&
    TL >= MIN_REDUCED_TEMPERATURE * TcL &&
    TL <= T_MAX &&
    TR >= MIN_REDUCED_TEMPERATURE * TcR &&
    TR <= T_MAX
  );
}

/** T in [0.004 Tc, 10 K], by comparisons only. */
export function temperatureInDomain(T: number, Tc: number): boolean {
  return typeof T === 'number' && T >= MIN_REDUCED_TEMPERATURE * Tc && T <= T_MAX;
}

/**
 * Every field of `device` in its domain (checkDevice: χ and the bath included). The fast path is the
 * comparisons alone, ~40 per call: as cheap as remembering checked devices, and right for devices
 * mutated after a call. Only a device that fails them goes through checkDeviceInput, for the message.
 */
export function checkDevice(option: string, device: Device): Device {
  return deviceInDomain(device) ? device : checkDeviceInput(device, option);
}

/** checkDevice's test by comparisons only. */
export function deviceInDomain(device: Device): boolean {
  if (typeof device !== 'object' || device === null) return false;
  const { left, right, Tbath } = device;
  if (!(reservoirInDomain(left) && reservoirInDomain(right) && typeof Tbath === 'number')) return false;
  const chi = right.junction.area / left.junction.area;
  return chi >= CHI_MIN && chi <= CHI_MAX && bathInDomain(Tbath, device);
}

/** A bath temperature of `device` by comparisons only: at least 0.004 of each Tc and below both. */
function bathInDomain(T: number, device: Device): boolean {
  const TcL = device.left.superconductor.Tc;
  const TcR = device.right.superconductor.Tc;
  return (
    typeof T === 'number' &&
    T < TcL &&
    T < TcR &&
    T >= MIN_REDUCED_TEMPERATURE * TcL &&
    T >= MIN_REDUCED_TEMPERATURE * TcR
  );
}

/**
 * An operating point of a device already checked, by comparisons only: J_in in [0, 1 µW], setup 1 or
 * 2, T_R in [0.004 Tc, Tc), the bath (T_R in setup 2, else op.Tbath if given) a bath temperature.
 */
export function operatingPointInDomain(device: Device, op: OperatingPoint): boolean {
  if (typeof op !== 'object' || op === null) return false;
  const { Jin, TR, setup, Tbath } = op;
  const TcR = device.right.superconductor.Tc;
  return (
    typeof Jin === 'number' &&
    Jin >= 0 &&
    Jin <= JIN_MAX &&
    typeof TR === 'number' &&
    TR >= MIN_REDUCED_TEMPERATURE * TcR &&
    TR < TcR &&
    (setup === 2
      ? bathInDomain(TR, device)
      : setup === 1 && (Tbath === undefined || bathInDomain(Tbath, device)))
  );
}

/** 1 or 2 (the paper's setups). */
export function checkSetup(option: string, setup: Setup): Setup {
  if (setup !== 1 && setup !== 2) {
    throw new InputError(
      option,
      describeValue(setup),
      '1 (T_bath fixed, T_R swept: Fig. 3) or 2 (T_bath = T_R: Fig. 4)',
    );
  }
  return setup;
}

/** An input power: 0 (no heating) or DOMAIN.Jin. */
export function checkInputPower(option: string, Jin: number): number {
  return Jin === 0 ? Jin : checkDomain('Jin', option, Jin);
}

/** An operating point { Jin, TR, setup, Tbath? } of `device`, as the CLI's `solve` accepts it. */
export function checkOperatingPoint(
  option: string,
  device: Device,
  op: { Jin?: number; TR: number; setup: Setup; Tbath?: number },
  withJin: boolean,
): void {
  checkObject(option, op, 'an operating point { Jin, TR, setup, Tbath? } (SI)');
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
): void {
  checkSetup(`${option}.setup`, setup);
  checkTemperatureBelowTc(`${option}.TR`, TR, device.right.superconductor.Tc);
  if (setup === 2) checkBath(`${option}.TR`, TR, device);
  else if (Tbath !== undefined) checkBath(`${option}.Tbath`, Tbath, device);
}

/** lo ≤ hi, both already checked. */
export function checkOrdered(option: string, lo: number, hi: number): void {
  if (!(lo <= hi)) {
    throw new InputError(
      option,
      `${shownNumber(lo)} > ${shownNumber(hi)}`,
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
export const SOMMERFELD_RANGE = { min: 1e-4, max: 1e6 } as const;

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
  checkInputPower(`${option}.JinL`, op.JinL);
  checkInputPower(`${option}.JinR`, op.JinR);
  if (op.Tbath !== undefined) checkBath(`${option}.Tbath`, op.Tbath, device);
}

/**
 * Circuit elements as the domain's devices give them: R = (R/R0) r0/A from 10⁻⁶ to 10¹⁵ Ω and C = c·A
 * from 10⁻²⁰ to 10⁻⁶ F (wider ends: a_cutoff and J_γ underflow to a plausible-looking 0 far beyond).
 */
export const RESISTANCE = { min: 1e-6, max: 1e15, unit: 'Ω' } as const;
export const CAPACITANCE = { min: 1e-20, max: 1e-6, unit: 'F' } as const;
/** Cutoffs a = (R_L + R_R)/(R_L R_R C) of such circuits, rad/s. */
export const CUTOFF = { min: 1e-9, max: 1e27, unit: 'rad/s' } as const;
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
