/**
 * What a plot axis shows: the quantity's symbol and the unit its tick values are printed in, chosen
 * from the SI values drawn (20 mK, not 0.02 K; 2 Ω·µm², not 2e-12 ohm*m^2). The title carries the
 * unit, so the ticks are plain numbers and never disagree with it.
 */

/**
 * The d3 format of the numbers on axes and legends (vega-lite `config.numberFormat`): plain decimals
 * to the ticks' precision, trailing zeros trimmed, no thousands separator ('1000' beside '0.001',
 * not '1,000'). Vega still thins the labels of a log axis as without it.
 */
export const NUMBER_FORMAT = '~r';

/** The unit values are shown in and the factor from SI: shown = SI × factor. */
export interface DisplayUnit {
  /** Unit text for a title, e.g. 'mK', 'fW/K', 'Ω·µm²'; '' for a pure number. */
  unit: string;
  /** Multiply an SI value by this to get the shown value. */
  factor: number;
}

const PREFIXES: [number, string][] = [
  [-18, 'a'],
  [-15, 'f'],
  [-12, 'p'],
  [-9, 'n'],
  [-6, 'µ'],
  [-3, 'm'],
  [0, ''],
  [3, 'k'],
];

/** Largest finite |value|, or NaN when there is none. */
function largest(values: Iterable<number>): number {
  let max = NaN;
  for (const v of values) if (Number.isFinite(v) && !(Math.abs(v) <= max)) max = Math.abs(v);
  return max;
}

/** The SI prefix that puts the largest |value| in [1, 1000) (values of a power unit like W). */
function engineering(base: string, values: Iterable<number>): DisplayUnit {
  // Just below the largest value: an axis ending at 1000 fW stays in fW (ticks 1 … 1000, not 0.001 … 1 pW).
  const max = largest(values) / 1.0001;
  const power = max > 0 ? Math.floor(Math.log10(max) / 3) * 3 : 0;
  const [p, symbol] = PREFIXES.reduce((best, entry) => (entry[0] <= power ? entry : best), PREFIXES[0]);
  return { unit: `${symbol}${base}`, factor: 10 ** -p };
}

/**
 * The display unit of values in `siUnit` (as the sweep manifests write it: 'K', 'W', 'W/K',
 * 'F/m^2', 'ohm*m^2', 'm^3', …). Device quantities use the units people write them in (fF/µm²,
 * Ω·µm², µm², µm³), temperatures mK below 1 K, powers and conductances an SI prefix.
 */
export function displayUnit(siUnit: string, values: Iterable<number>): DisplayUnit {
  switch (siUnit) {
    case '':
    case 'K/K':
      return { unit: '', factor: 1 };
    case 'K':
      return largest(values) < 1 ? { unit: 'mK', factor: 1e3 } : { unit: 'K', factor: 1 };
    case 'W':
    case 'W/K':
    case 'J':
    case 's':
      return engineering(siUnit, values);
    case 'F/m^2':
      return { unit: 'fF/µm²', factor: 1e3 };
    case 'ohm*m^2':
      return { unit: 'Ω·µm²', factor: 1e12 };
    case 'm^2':
      return { unit: 'µm²', factor: 1e12 };
    case 'm^3':
      return { unit: 'µm³', factor: 1e18 };
    default:
      // Couplings (W/m^3/K^5): no customary prefix; only the notation is made typographic.
      return {
        unit: siUnit
          .replace(/\^(\d+)/g, (_, d: string) => [...d].map((c) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(c)]).join(''))
          .replace(/\^n/g, 'ⁿ')
          .replace(/ohm/g, 'Ω')
          .replace(/\*/g, '·'),
        factor: 1,
      };
  }
}

/** Drawn symbols of the sweep outputs and parameters whose names are not already the symbol. */
const SYMBOLS: Record<string, string> = {
  T_L: 'T_L',
  dF_dTL: '∂F/∂T_L',
  dTL_dTR: 'dT_L/dT_R',
  J_gamma: 'J_γ',
  kappa_gamma: 'κ_γ',
  J_ph_N: 'J_ph,N',
  J_ph_S: 'J_ph,S',
  J_ph: 'J_ph',
  n_roots: 'number of roots',
  deltaT: 'δT',
  T_L0: 'T_L0',
  T_Lmin: 'T_L,min',
  T_R_at_min: 'T_R at T_L,min',
  chi: 'χ',
  gamma: 'γ',
  Tc: 'T_c',
  r0: 'r_0',
  T_bath: 'T_bath',
};

/**
 * The symbol of a sweep output or parameter as drawn, with `_` marking a subscript (set as one in
 * the SVG, see subscripts.ts): 'kappa_gamma' → 'κ_γ', 'dTL_dTR' → 'dT_L/dT_R'. Dotted device
 * paths stay as the user wrote them.
 */
export function plotSymbol(name: string): string {
  return SYMBOLS[name] ?? name;
}

/** 'T_L' and 'mK' → 'T_L (mK)'; no unit → the symbol alone. */
export function axisTitle(symbol: string, unit: string): string {
  return unit ? `${symbol} (${unit})` : symbol;
}

/**
 * Ticks asked of a linear x axis `width` px wide: one per 70 px. vega asks one per 40 px, whose labels
 * overlap on a range that is not made nice (10–800 mK: the last label, flush with the end, runs into
 * the one before, "750800"), and its overlap rule then keeps every other one: 50, 150, 250 … mK
 * instead of 100, 200, 300 … mK.
 */
export function linearTickCount(width: number): number {
  return Math.max(2, Math.floor(width / 70));
}

/**
 * A linear axis's domain with 3 % of room past the data at each end, to be made nice: a curve reaching
 * −0.3965 or 0.999 otherwise runs along the frame at −0.4 or 1. Data that start (or end) at zero keep
 * zero as their end rather than gaining a margin across it. Undefined when the values span nothing.
 */
export function roomyDomain(values: Iterable<number>): [number, number] | undefined {
  let [lo, hi] = [Infinity, -Infinity];
  for (const v of values) if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  if (!(hi > lo)) return undefined;
  const room = 0.03 * (hi - lo);
  return [lo >= 0 ? Math.max(0, lo - room) : lo - room, hi <= 0 ? Math.min(0, hi + room) : hi + room];
}
