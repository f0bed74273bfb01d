/**
 * The domain of the model: the input ranges where ndtc's results are finite and meet the accuracy
 * stated in docs/accuracy.md, each with the reason for its ends. One table, used by the command line,
 * the device-file loader and the sweeps to refuse input before any computation (docs/cli.md, "Domains").
 */
import { InputError } from '../errors.js';
import { formatEphCoupling, formatQuantity, type QuantityKind } from '../units/quantity.js';
import type { Device, Reservoir } from './device.js';

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
 * Lowest temperature accepted, as a fraction of the Tc it is compared with: where the J_ph,S tables
 * begin (T_e/Tc = 0.004; below, each J_ph,S is a nested quadrature of seconds, and a heat-balance solve
 * near the bath takes minutes). R/R0's table begins at 10⁻³ Tc; its direct quadrature overflows near
 * 10⁻⁵ Tc. R/R0 has saturated at its Γ-limited value by ~0.02 Tc.
 */
export const MIN_REDUCED_TEMPERATURE = 0.004;

/** The accepted range of each input kind, SI, with the reason for its ends. */
export const DOMAIN = {
  gamma: {
    min: 1e-6,
    max: 0.1,
    kind: 'dimensionless',
    reason: 'R/R0 and J_ph,S are tabulated and checked there; outside, J_ph,S needs ~1 s quadratures',
  },
  Tc: {
    min: 0.01,
    max: 10,
    kind: 'temperature',
    reason: 'references span 0.8–9.2 K (Al to Nb); the bath must also lie in [0.004 Tc, Tc)',
  },
  chi: {
    min: 0.01,
    max: 100,
    kind: 'dimensionless',
    reason: 'J_γ is exact in χ, checked for 0.5–10; real junction pairs lie well inside',
  },
  c: {
    min: 1e-3,
    max: 50,
    kind: 'specificCapacitance',
    reason: 'the range checked against the J_γ references',
  },
  r0: {
    min: 1e-13,
    max: 1e-8,
    kind: 'specificResistance',
    reason: 'the range checked against the J_γ references',
  },
  Jin: {
    min: 0,
    minExclusive: true,
    max: 1e-6,
    kind: 'power',
    reason: 'a heating power; ~1 pW already takes the paper’s reservoirs to Tc',
  },
  area: {
    min: 1e-16,
    max: 1e-8,
    kind: 'area',
    reason: 'junctions from 10⁻⁴ to 10⁴ µm² (the paper: 0.1 µm²)',
  },
  volume: {
    min: 1e-24,
    max: 1e-12,
    kind: 'volume',
    reason: 'reservoirs from 10⁻⁶ to 10⁶ µm³ (the paper: ~0.005–0.05 µm³)',
  },
  Sigma: {
    min: 1e4,
    max: 1e12,
    kind: 'dimensionless',
    reason: 'electron–phonon couplings from 10⁴ to 10¹² W m⁻³ K⁻ⁿ (Al 3e8, Ag 5e8, InAs 3e7)',
  },
  temperature: {
    min: 4e-5,
    max: 10,
    kind: 'temperature',
    reason: 'from 0.004 of the lowest Tc to the highest; against a known Tc, [0.004 Tc, Tc)',
  },
  n: {
    min: 1,
    max: 10,
    kind: 'dimensionless',
    reason: 'the temperature exponent of J_ph,N (5 for metals, 6 for InAsOI)',
  },
} as const satisfies Record<string, DomainRange>;

/** The name of one range in DOMAIN. */
export type DomainName = keyof typeof DOMAIN;

function shown(value: number, range: DomainRange, exponent?: number): string {
  if (range.kind === 'dimensionless' && exponent === undefined && value !== 0 && Math.abs(value) < 1e-3)
    return value.toExponential();
  if (exponent === undefined) return formatQuantity(value, range.kind);
  return Number.isInteger(exponent) ? formatEphCoupling(value, exponent) : `${value} W/m^3/K^${exponent}`;
}

/** `from A to B (reason)`: the accepted range with units, for messages and docs. */
export function rangeText(range: DomainRange, exponent?: number): string {
  const [low, high] = [shown(range.min, range, exponent), shown(range.max, range, exponent)];
  return range.minExclusive ? `above ${low} and at most ${high}` : `from ${low} to ${high}`;
}

function inRange(value: number, range: DomainRange): boolean {
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
      as.text ?? shown(value, range, as.exponent),
      `${rangeText(range, as.exponent)} accepted (${range.reason})`,
    );
  }
  return value;
}

/** Where a temperature must lie: at least 0.004 Tc, and below Tc where the model needs it. */
export interface TemperatureBounds {
  /** The Tc the temperature is compared with, K. */
  Tc: number;
  /** Refuse T ≥ Tc (the junctions must be superconducting). */
  belowTc: boolean;
}

/**
 * Throws InputError for the first temperature of `temps` outside [0.004 Tc, Tc) (or [0.004 Tc, ∞) without
 * `belowTc`; see MIN_REDUCED_TEMPERATURE): below, J_ph,S leaves its tables and R/R0 a quadrature that overflows near
 * 10⁻⁵ Tc, and J_γ, κ_γ and J_ph,S with it; R/R0 has saturated at its Γ-limited value by 0.02 Tc.
 */
export function checkTemperatures(temps: readonly number[], option: string, bounds: TemperatureBounds): void {
  const { Tc, belowTc } = bounds;
  const lowest = MIN_REDUCED_TEMPERATURE * Tc;
  for (const T of temps) {
    const low = !(T >= lowest);
    const high = belowTc ? !(T < Tc) : !Number.isFinite(T);
    if (!low && !high) continue;
    const Tcs = formatQuantity(Tc, 'temperature');
    const range = belowTc
      ? `from ${formatQuantity(lowest, 'temperature')} (0.004 Tc) to below Tc = ${Tcs}`
      : `of at least ${formatQuantity(lowest, 'temperature')} = 0.004 Tc (Tc = ${Tcs})`;
    const why = high
      ? 'the model needs superconducting junctions'
      : 'below, J_ph,S leaves its tables (seconds per value) and R/R0 overflows near 10⁻⁵ Tc';
    throw new InputError(option, formatQuantity(T, 'temperature'), `a temperature ${range}; ${why}`);
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
