/**
 * The domain of the model: the input ranges where ndtc's results are finite and meet the accuracy
 * stated in docs/accuracy.md, each with the reason for its ends. One table, used by the command line,
 * the device-file loader and the sweeps to refuse input before any computation (docs/cli.md, "Domains").
 */
import { InputError } from '../errors.js';
import { formatEphCoupling, formatQuantity, type QuantityKind } from '../units/quantity.js';
import type { OperatingPoint } from './balance.js';
import type { Device, Reservoir, Superconductor } from './device.js';

/** A closed range [min, max] of SI values (an open lower end where `minExclusive`). */
export interface DomainRange {
  min: number;
  max: number;
  minExclusive?: boolean;
  /** How values are shown in messages. */
  kind: QuantityKind;
  /** Why the range ends where it does (docs/cli.md repeats it). */
  reason: string;
}

/**
 * DOMAIN's ends as a const enum: tsc (tsconfig.build.json) and esbuild write each use in this file as a
 * literal. The predicates below compare every argument of the hot functions on every call, and a
 * literal costs nothing there, where a module constant is loaded, type-checked and unboxed per use
 * (~50 ns of J_γ's ~500 ns; bench/validation.bench.ts).
 */
/* eslint-disable @typescript-eslint/no-duplicate-enum-values -- ends of different ranges coincide (10 K) */
const enum Bound {
  GAMMA_MIN = 1e-6,
  GAMMA_MAX = 0.1,
  TC_MIN = 0.01,
  TC_MAX = 10,
  CHI_MIN = 0.01,
  CHI_MAX = 100,
  C_MIN = 1e-3,
  C_MAX = 50,
  R0_MIN = 1e-13,
  R0_MAX = 1e-8,
  JIN_MAX = 1e-6,
  AREA_MIN = 1e-16,
  AREA_MAX = 1e-8,
  VOLUME_MIN = 1e-24,
  VOLUME_MAX = 1e-12,
  SIGMA_MIN = 1e4,
  SIGMA_MAX = 1e12,
  T_MIN = 4e-5,
  T_MAX = 10,
  N_MIN = 1,
  N_MAX = 10,
  MIN_REDUCED_TEMPERATURE = 0.004,
}
/* eslint-enable @typescript-eslint/no-duplicate-enum-values */

/**
 * Lowest temperature accepted, as a fraction of the Tc it is compared with: where the J_ph,S tables
 * begin (T_e/Tc = 0.004; below, each J_ph,S is a nested quadrature of seconds, and a heat-balance solve
 * near the bath takes minutes). R/R0's table begins at 10⁻³ Tc; its direct quadrature overflows near
 * 10⁻⁵ Tc. R/R0 has saturated at its Γ-limited value by ~0.02 Tc.
 */
export const MIN_REDUCED_TEMPERATURE: number = Bound.MIN_REDUCED_TEMPERATURE;

/**
 * The accepted range of each input kind, SI, with the reason for its ends. Frozen, each range too: a
 * caller's `DOMAIN.gamma.max = 0.5` would otherwise widen the messages and checks that read it.
 */
export const DOMAIN: Readonly<Record<DomainName, Readonly<DomainRange>>> = freezeRanges({
  gamma: {
    min: Bound.GAMMA_MIN,
    max: Bound.GAMMA_MAX,
    kind: 'dimensionless',
    reason: 'R/R0 and J_ph,S are tabulated and checked there; outside, J_ph,S needs ~1 s quadratures',
  },
  Tc: {
    min: Bound.TC_MIN,
    max: Bound.TC_MAX,
    kind: 'temperature',
    reason: 'references span 0.8–9.2 K (Al to Nb); the bath must also lie in [0.004 Tc, Tc)',
  },
  chi: {
    min: Bound.CHI_MIN,
    max: Bound.CHI_MAX,
    kind: 'dimensionless',
    reason: 'J_γ is exact in χ, checked for 0.5–10; real junction pairs lie well inside',
  },
  c: {
    min: Bound.C_MIN,
    max: Bound.C_MAX,
    kind: 'specificCapacitance',
    reason: 'the range checked against the J_γ references',
  },
  r0: {
    min: Bound.R0_MIN,
    max: Bound.R0_MAX,
    kind: 'specificResistance',
    reason: 'the range checked against the J_γ references',
  },
  Jin: {
    min: 0,
    minExclusive: true,
    max: Bound.JIN_MAX,
    kind: 'power',
    reason: 'a heating power; ~10 pW already takes the paper’s reservoirs to Tc (1 pW to ~0.8 K)',
  },
  area: {
    min: Bound.AREA_MIN,
    max: Bound.AREA_MAX,
    kind: 'area',
    reason: 'junctions from 10⁻⁴ to 10⁴ µm² (the paper: 0.1 µm²)',
  },
  volume: {
    min: Bound.VOLUME_MIN,
    max: Bound.VOLUME_MAX,
    kind: 'volume',
    reason: 'reservoirs from 10⁻⁶ to 10⁶ µm³ (the paper: ~0.005–0.05 µm³)',
  },
  Sigma: {
    min: Bound.SIGMA_MIN,
    max: Bound.SIGMA_MAX,
    kind: 'dimensionless',
    reason: 'electron–phonon couplings from 10⁴ to 10¹² W m⁻³ K⁻ⁿ (Al 3e8, Ag 5e8, InAs 3e7)',
  },
  temperature: {
    min: Bound.T_MIN,
    max: Bound.T_MAX,
    kind: 'temperature',
    reason: 'from 0.004 of the lowest Tc to the highest; against a known Tc, [0.004 Tc, Tc)',
  },
  n: {
    min: Bound.N_MIN,
    max: Bound.N_MAX,
    kind: 'dimensionless',
    reason: 'the temperature exponent of J_ph,N (5 for metals, 6 for InAsOI)',
  },
});

/** `ranges` and each of its ranges frozen (DOMAIN's values are objects: Object.freeze is shallow). */
function freezeRanges<T extends Record<string, DomainRange>>(
  ranges: T,
): { readonly [K in keyof T]: Readonly<T[K]> } {
  for (const range of Object.values(ranges)) Object.freeze(range);
  return Object.freeze(ranges);
}

/** The name of one range in DOMAIN. */
export type DomainName =
  'gamma' | 'Tc' | 'chi' | 'c' | 'r0' | 'Jin' | 'area' | 'volume' | 'Sigma' | 'temperature' | 'n';

function shown(value: number, range: DomainRange, exponent?: number, digits = 4): string {
  if (range.kind === 'dimensionless' && exponent === undefined && value !== 0 && Math.abs(value) < 1e-3)
    return value.toExponential();
  if (exponent === undefined) return formatQuantity(value, range.kind, digits);
  return Number.isInteger(exponent)
    ? formatEphCoupling(value, exponent, digits)
    : `${value} W/m^3/K^${exponent}`;
}

/**
 * A refused value as a message shows it: 4 significant digits, or as many as it takes (up to 17) not
 * to read as one of the limits it is refused against ('10.0000001 K', not '10 K', beside "to 10 K").
 */
export function refusedText(
  text: (digits: number) => string,
  limits: readonly number[],
  limitText: (v: number, digits: number) => string,
): string {
  for (let digits = 4; digits < 17; digits++) {
    const t = text(digits);
    if (limits.every((limit) => limitText(limit, digits) !== t)) return t;
  }
  return text(17);
}

/** `from A to B (reason)`: the accepted range with units, for messages and docs. */
export function rangeText(range: DomainRange, exponent?: number): string {
  const [low, high] = [shown(range.min, range, exponent), shown(range.max, range, exponent)];
  return range.minExclusive ? `above ${low} and at most ${high}` : `from ${low} to ${high}`;
}

/** Whether `value` lies in `range` (finite, its ends included unless `minExclusive`). */
export function inRange(value: number, range: DomainRange): boolean {
  return (
    Number.isFinite(value) &&
    (range.minExclusive ? value > range.min : value >= range.min) &&
    value <= range.max
  );
}

/** How a checked value is named: its text as given (else formatted with units), Σ's exponent n. */
export interface ShownAs {
  text?: string;
  exponent?: number;
}

/**
 * Throws InputError naming `option` and the value (as given, else with units) and the accepted range
 * with its reason, unless value lies in DOMAIN[name].
 */
export function checkInRange(name: DomainName, option: string, value: number, as: ShownAs = {}): number {
  const range: DomainRange = DOMAIN[name];
  if (!inRange(value, range)) {
    throw new InputError(
      option,
      as.text ??
        refusedText(
          (d) => shown(value, range, as.exponent, d),
          [range.min, range.max],
          (v, d) => shown(v, range, as.exponent, d),
        ),
      `${rangeText(range, as.exponent)} accepted (${range.reason})`,
    );
  }
  return value;
}

/**
 * A heater power: J_in's domain, or 0 W, a heater off (a reservoir heated by photons alone; switching
 * a heater off, or on from off, is what an experiment most often records). The library's operating
 * points and the CLI's point commands take it; sweeps, on log axes, take J_in > 0.
 */
export function checkHeaterPower(option: string, value: number, as: ShownAs = {}): number {
  if (value === 0) return value;
  try {
    return checkInRange('Jin', option, value, as);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    // "above 0 W and at most 1 µW accepted (…)": the same range, closed at 0.
    const accepted = error.accepted.replace(/^above 0 W and at most /, 'from 0 W (heater off) to ');
    throw new InputError(option, error.value, accepted);
  }
}

/** Where a temperature must lie: at least 0.004 Tc, and below Tc where the model needs it. */
export interface TemperatureBounds {
  /** The Tc the temperature is compared with, K. */
  Tc: number;
  /** Refuse T ≥ Tc (the junctions must be superconducting). */
  belowTc: boolean;
  /** Why temperatures below 0.004 Tc are refused, for a caller that computes less than the whole model. */
  lowWhy?: string;
}

/** Why the model stops at 0.004 Tc, for a caller that evaluates every quantity. */
const BELOW_FLOOR = 'below, J_ph,S leaves its tables and R/R0 overflows near 10⁻⁵ Tc';

/**
 * Throws InputError for the first temperature of `temps` outside [0.004 Tc, Tc) (or [0.004 Tc, 10 K] without
 * `belowTc`; see MIN_REDUCED_TEMPERATURE): below, J_ph,S leaves its tables and R/R0 a quadrature that overflows near
 * 10⁻⁵ Tc, and J_γ, κ_γ and J_ph,S with it; R/R0 has saturated at its Γ-limited value by 0.02 Tc.
 */
export function checkTemperatures(temps: readonly number[], option: string, bounds: TemperatureBounds): void {
  const { Tc, belowTc } = bounds;
  const lowest = MIN_REDUCED_TEMPERATURE * Tc;
  for (const T of temps) {
    const low = !(T >= lowest);
    const high = belowTc ? !(T < Tc) : !(T <= Bound.T_MAX);
    if (!low && !high) continue;
    const Tcs = formatQuantity(Tc, 'temperature');
    const range = belowTc
      ? `from ${formatQuantity(lowest, 'temperature')} (0.004 Tc) to below Tc = ${Tcs}`
      : `from ${formatQuantity(lowest, 'temperature')} = 0.004 Tc (Tc = ${Tcs}) to ${formatQuantity(Bound.T_MAX, 'temperature')}`;
    const why = !high
      ? (bounds.lowWhy ?? BELOW_FLOOR)
      : belowTc
        ? 'the model needs superconducting junctions'
        : 'the domain of the model ends there (docs/library.md, "Input checking")';
    const refused = refusedText(
      (d) => formatQuantity(T, 'temperature', d),
      [lowest, belowTc ? Tc : Bound.T_MAX],
      (v, d) => formatQuantity(v, 'temperature', d),
    );
    throw new InputError(option, refused, `a temperature ${range}; ${why}`);
  }
}

/** The bath temperature of `device`: at least 0.004 of each Tc and below both. */
function checkBath(device: Device, option: string): void {
  const Tcs = [device.left.superconductor.Tc, device.right.superconductor.Tc];
  checkTemperatures([device.Tbath], option, { Tc: Math.min(...Tcs), belowTc: true });
  checkTemperatures([device.Tbath], option, { Tc: Math.max(...Tcs), belowTc: false });
}

function checkReservoir(r: Reservoir, side: string, field: (path: string) => string): void {
  const at = (part: string, key: string) => field(`${side}.${part}.${key}`);
  checkInRange('Tc', at('superconductor', 'Tc'), r.superconductor.Tc);
  checkInRange('gamma', at('superconductor', 'gamma'), r.superconductor.gamma);
  checkInRange('Sigma', at('superconductor', 'Sigma'), r.superconductor.Sigma, { exponent: 5 });
  checkInRange('volume', at('superconductor', 'volume'), r.superconductor.volume);
  checkInRange('n', at('normal', 'n'), r.normal.n);
  checkInRange('Sigma', at('normal', 'Sigma'), r.normal.Sigma, { exponent: r.normal.n });
  checkInRange('volume', at('normal', 'volume'), r.normal.volume);
  checkInRange('r0', at('junction', 'r0'), r.junction.r0);
  checkInRange('c', at('junction', 'c'), r.junction.c);
  checkInRange('area', at('junction', 'area'), r.junction.area);
}

/**
 * Every value of `device` inside DOMAIN (χ = A_R/A_L included) and its bath in [0.004 Tc, Tc); errors
 * name `${source}: left.junction.c` etc., as the device-file loader names keys.
 */
export function checkDevice(device: Device, source: string): Device {
  const field = (path: string): string => `${source}: ${path}`;
  checkReservoir(device.left, 'left', field);
  checkReservoir(device.right, 'right', field);
  checkInRange('chi', field('right.chi'), device.right.junction.area / device.left.junction.area);
  checkBath(device, field('Tbath'));
  return device;
}

/** Tc and γ in their domains, by comparisons only (NaN and non-numbers fail). */
export function gapParametersInDomain(s: { Tc: number; gamma: number }): boolean {
  if (typeof s !== 'object' || s === null) return false;
  const { Tc, gamma } = s;
  return (
    typeof Tc === 'number' &&
    typeof gamma === 'number' &&
    Tc >= Bound.TC_MIN &&
    Tc <= Bound.TC_MAX &&
    gamma >= Bound.GAMMA_MIN &&
    gamma <= Bound.GAMMA_MAX
  );
}

/** Every field of a Superconductor in its domain, by comparisons only. */
export function superconductorInDomain(s: Superconductor): boolean {
  // A whole superconductor's keys are checked (a misspelt `gama` beside `gamma` went unread); R/R0's
  // { Tc, gamma } may be any object carrying them (a table row with its T).
  if (!gapParametersInDomain(s) || !keysKnown(s, DEVICE_KEYS.superconductor)) return false;
  const { Sigma, volume } = s;
  return (
    typeof Sigma === 'number' &&
    typeof volume === 'number' &&
    Sigma >= Bound.SIGMA_MIN &&
    Sigma <= Bound.SIGMA_MAX &&
    volume >= Bound.VOLUME_MIN &&
    volume <= Bound.VOLUME_MAX
  );
}

/**
 * Every field of a Reservoir in its domain, by comparisons only. One flat function, each field loaded
 * once (the heat balance checks both reservoirs on every solve).
 */
export function reservoirInDomain(r: Reservoir | undefined): boolean {
  if (typeof r !== 'object' || r === null) return false;
  const { junction: j, superconductor: s, normal: m } = r;
  if (typeof j !== 'object' || j === null || typeof s !== 'object' || s === null) return false;
  if (typeof m !== 'object' || m === null) return false;
  const { r0, c, area } = j;
  const { Tc, gamma, Sigma: SigmaS, volume: volumeS } = s;
  const { n, Sigma: SigmaN, volume: volumeN } = m;
  // typeof first: a numeric string would pass the comparisons.
  if (
    typeof r0 !== 'number' ||
    typeof c !== 'number' ||
    typeof area !== 'number' ||
    typeof Tc !== 'number' ||
    typeof gamma !== 'number' ||
    typeof SigmaS !== 'number' ||
    typeof volumeS !== 'number' ||
    typeof n !== 'number' ||
    typeof SigmaN !== 'number' ||
    typeof volumeN !== 'number'
  )
    return false;
  return (
    r0 >= Bound.R0_MIN &&
    r0 <= Bound.R0_MAX &&
    c >= Bound.C_MIN &&
    c <= Bound.C_MAX &&
    area >= Bound.AREA_MIN &&
    area <= Bound.AREA_MAX &&
    Tc >= Bound.TC_MIN &&
    Tc <= Bound.TC_MAX &&
    gamma >= Bound.GAMMA_MIN &&
    gamma <= Bound.GAMMA_MAX &&
    SigmaS >= Bound.SIGMA_MIN &&
    SigmaS <= Bound.SIGMA_MAX &&
    volumeS >= Bound.VOLUME_MIN &&
    volumeS <= Bound.VOLUME_MAX &&
    n >= Bound.N_MIN &&
    n <= Bound.N_MAX &&
    SigmaN >= Bound.SIGMA_MIN &&
    SigmaN <= Bound.SIGMA_MAX &&
    volumeN >= Bound.VOLUME_MIN &&
    volumeN <= Bound.VOLUME_MAX &&
    (keysChecked.has(r) || (reservoirKeysKnown(r) && Boolean(keysChecked.add(r))))
  );
}

/** The keys of a Device and of its parts: a misspelt one (Tbth, junction.C) would go unread. Frozen, as DOMAIN. */
export const DEVICE_KEYS = Object.freeze({
  device: Object.freeze(['left', 'right', 'Tbath', 'line'] as const),
  reservoir: Object.freeze(['superconductor', 'normal', 'junction'] as const),
  superconductor: Object.freeze(['Tc', 'gamma', 'Sigma', 'volume', 'sommerfeld'] as const),
  normal: Object.freeze(['Sigma', 'n', 'volume', 'sommerfeld'] as const),
  junction: Object.freeze(['r0', 'c', 'area'] as const),
  line: Object.freeze(['inductance', 'resistance'] as const),
} as const satisfies Record<string, readonly string[]>);

/**
 * Objects whose keys were found known: a function called in a loop on the same superconductor or
 * reservoir enumerates its keys once (a for…in per call was most of R/R0's fast path). Values are
 * still compared on every call; a key added to an object after its first use goes unseen.
 */
const keysChecked = new WeakSet<object>();

/** onlyKeys, remembered per object (keysChecked). */
function keysKnown(object: object, keys: readonly string[]): boolean {
  if (keysChecked.has(object)) return true;
  if (!onlyKeys(object, keys)) return false;
  keysChecked.add(object);
  return true;
}

/** No keys but `keys` (up to five: compared one by one, cheaper on every call's fast path than a Set). */
const onlyKeys = (object: object, keys: readonly string[]): boolean => {
  const [a, b, c, d, e] = keys;
  for (const key in object) if (key !== a && key !== b && key !== c && key !== d && key !== e) return false;
  return true;
};
const deviceKeysKnown = (d: Device): boolean =>
  onlyKeys(d, DEVICE_KEYS.device) &&
  (d.line === undefined ||
    d.line === null ||
    typeof d.line !== 'object' ||
    onlyKeys(d.line, DEVICE_KEYS.line));
const reservoirKeysKnown = (r: Reservoir): boolean =>
  onlyKeys(r, DEVICE_KEYS.reservoir) &&
  onlyKeys(r.superconductor, DEVICE_KEYS.superconductor) &&
  onlyKeys(r.normal, DEVICE_KEYS.normal) &&
  onlyKeys(r.junction, DEVICE_KEYS.junction);

/**
 * J_γ's and κ_γ's arguments in their domains, by comparisons only: both junctions, both gaps, χ and the
 * two temperatures (not the volumes, couplings or bath, which they do not use). One flat function, each
 * field loaded once.
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
  if (!(onlyKeys(jL, DEVICE_KEYS.junction) && onlyKeys(jR, DEVICE_KEYS.junction))) return false;
  if (!(onlyKeys(sL, DEVICE_KEYS.superconductor) && onlyKeys(sR, DEVICE_KEYS.superconductor))) return false;
  if (!(
    deviceKeysKnown(device) &&
    onlyKeys(left, DEVICE_KEYS.reservoir) &&
    onlyKeys(right, DEVICE_KEYS.reservoir)
  ))
    return false;
  const chi = aR / aL;
  return (
    r0L >= Bound.R0_MIN &&
    r0L <= Bound.R0_MAX &&
    r0R >= Bound.R0_MIN &&
    r0R <= Bound.R0_MAX &&
    cL >= Bound.C_MIN &&
    cL <= Bound.C_MAX &&
    cR >= Bound.C_MIN &&
    cR <= Bound.C_MAX &&
    aL >= Bound.AREA_MIN &&
    aL <= Bound.AREA_MAX &&
    aR >= Bound.AREA_MIN &&
    aR <= Bound.AREA_MAX &&
    chi >= Bound.CHI_MIN &&
    chi <= Bound.CHI_MAX &&
    TcL >= Bound.TC_MIN &&
    TcL <= Bound.TC_MAX &&
    TcR >= Bound.TC_MIN &&
    TcR <= Bound.TC_MAX &&
    gL >= Bound.GAMMA_MIN &&
    gL <= Bound.GAMMA_MAX &&
    gR >= Bound.GAMMA_MIN &&
    gR <= Bound.GAMMA_MAX &&
    TL >= Bound.MIN_REDUCED_TEMPERATURE * TcL &&
    TL <= Bound.T_MAX &&
    TR >= Bound.MIN_REDUCED_TEMPERATURE * TcR &&
    TR <= Bound.T_MAX
  );
}

/** T in [0, 10 K] (a phonon bath), by comparisons only. */
export function temperatureFromZeroInDomain(T: number): boolean {
  return typeof T === 'number' && T >= 0 && T <= Bound.T_MAX;
}

/** T in [0.004 Tc, 10 K], by comparisons only. */
export function temperatureInDomain(T: number, Tc: number): boolean {
  return typeof T === 'number' && T >= Bound.MIN_REDUCED_TEMPERATURE * Tc && T <= Bound.T_MAX;
}

/** Every field of `device` in its domain, χ and the bath included, by comparisons only. */
/**
 * The paper's ideal lines: no `line`, or one with 0 H and 0 Ω (comparisons only). The ideal-line
 * functions would ignore a real line's elements and give the ideal line's numbers.
 */
export function idealLines(device: Device): boolean {
  const line = device.line;
  return (
    line === undefined ||
    (typeof line === 'object' && line !== null && line.inductance === 0 && line.resistance === 0)
  );
}

export function deviceInDomain(device: Device): boolean {
  if (typeof device !== 'object' || device === null) return false;
  const { left, right, Tbath } = device;
  if (!(reservoirInDomain(left) && reservoirInDomain(right))) return false;
  if (!(deviceKeysKnown(device) && reservoirKeysKnown(left) && reservoirKeysKnown(right))) return false;
  const chi = right.junction.area / left.junction.area;
  return chi >= Bound.CHI_MIN && chi <= Bound.CHI_MAX && bathInDomain(Tbath, device);
}

/** A bath temperature of `device` by comparisons only: at least 0.004 of each Tc and below both. */
function bathInDomain(T: number, device: Device): boolean {
  const TcL = device.left.superconductor.Tc;
  const TcR = device.right.superconductor.Tc;
  return (
    typeof T === 'number' &&
    T < TcL &&
    T < TcR &&
    T >= Bound.MIN_REDUCED_TEMPERATURE * TcL &&
    T >= Bound.MIN_REDUCED_TEMPERATURE * TcR
  );
}

/**
 * An operating point of a device already checked, by comparisons only: no keys but Jin, TR, setup,
 * Tbath; J_in in [0, 1 µW], setup 1 or 2, T_R in [0.004 Tc, Tc), the bath (T_R in setup 2, where
 * an op.Tbath other than T_R is refused, else op.Tbath if given) a bath temperature.
 */
export function operatingPointInDomain(device: Device, op: OperatingPoint): boolean {
  if (typeof op !== 'object' || op === null) return false;
  // A misspelt key (Tbth) would leave the device's bath in place without a word.
  for (const key in op) if (key !== 'Jin' && key !== 'TR' && key !== 'setup' && key !== 'Tbath') return false;
  const { Jin, TR, setup, Tbath } = op;
  const TcR = device.right.superconductor.Tc;
  return (
    typeof Jin === 'number' &&
    Jin >= 0 &&
    Jin <= Bound.JIN_MAX &&
    typeof TR === 'number' &&
    TR >= Bound.MIN_REDUCED_TEMPERATURE * TcR &&
    TR < TcR &&
    (setup === 2
      ? (Tbath === undefined || Tbath === TR) && bathInDomain(TR, device)
      : setup === 1 && (Tbath === undefined || bathInDomain(Tbath, device)))
  );
}
