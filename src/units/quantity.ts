/**
 * Quantities with units, at the edges only: `parseQuantity('500mK', 'temperature', '--TL')` → 0.5 (SI),
 * `formatQuantity(1.12e-14, 'power')` → '11.2 fW'. Everything inside ndtc is plain SI numbers.
 *
 * A unit string is a product of prefixed base units with integer powers (`fF/um^2`, `Ω·µm²`,
 * `W m⁻³ K⁻⁵`, `W/m^3/K^5`); it is reduced to powers of the base units and compared with the
 * dimension the caller asked for, so a unit that parses but means something else is rejected.
 * Because every prefix is a power of ten, the mantissa and the prefixes are combined exactly in
 * decimal and rounded once: `0.1um^2` is the double nearest to 1e-13 m², and a product
 * `2 x 1.3um x 0.2um x 0.01um` is the double nearest to 5.2e-21 m³.
 */
import { InputError } from '../errors.js';
import { describeArgument } from '../describe-argument.js';

/** The physical kind of a quantity: what units `parseQuantity` accepts and `formatQuantity` writes. */
export type QuantityKind =
  | 'temperature'
  | 'power'
  | 'specificCapacitance'
  | 'specificResistance'
  | 'area'
  | 'volume'
  | 'length'
  | 'ephCoupling5'
  | 'ephCoupling6'
  | 'ephCoupling'
  | 'dimensionless'
  | 'energy'
  | 'conductance'
  | 'responsivity'
  | 'time'
  | 'inductance'
  | 'resistance';

type BaseUnit = 'K' | 'W' | 'F' | 'ohm' | 'm' | 'J' | 's' | 'H';
type Dimension = Partial<Record<BaseUnit, number>>;

/** A number with a unit reduced to base units: value = sig · 10^exp · factor, in the base units `dim`. */
interface Dimensioned {
  sig: bigint;
  exp: number;
  /** Non-decimal conversion factor (only eV → J has one). */
  factor: number;
  dim: Dimension;
  /** Whether any unit was written (a bare `2` versus a cancelling `K/K`). */
  hasUnit: boolean;
}

const ELEMENTARY_CHARGE = 1.602176634e-19; // C, exact (SI 2019): eV → J

/** Base-unit symbols: power of ten, extra factor, dimension. */
const BASE_SYMBOLS: Record<string, { pow10: number; factor: number; dim: Dimension }> = {
  K: { pow10: 0, factor: 1, dim: { K: 1 } },
  W: { pow10: 0, factor: 1, dim: { W: 1 } },
  F: { pow10: 0, factor: 1, dim: { F: 1 } },
  ohm: { pow10: 0, factor: 1, dim: { ohm: 1 } },
  Ohm: { pow10: 0, factor: 1, dim: { ohm: 1 } },
  m: { pow10: 0, factor: 1, dim: { m: 1 } },
  J: { pow10: 0, factor: 1, dim: { J: 1 } },
  s: { pow10: 0, factor: 1, dim: { s: 1 } },
  H: { pow10: 0, factor: 1, dim: { H: 1 } },
  eV: { pow10: 0, factor: ELEMENTARY_CHARGE, dim: { J: 1 } },
};

const PREFIX_POW10: Record<string, number> = {
  y: -24,
  z: -21,
  a: -18,
  f: -15,
  p: -12,
  n: -9,
  u: -6,
  m: -3,
  c: -2,
  k: 3,
  M: 6,
  G: 9,
};

interface KindSpec {
  /** Expected dimension; for 'ephCoupling' the K power is free (checked separately). */
  dim: Dimension;
  /** What is accepted, with an example (ends up in the error message). */
  accepted: string;
  /** A bare number is unambiguous only for dimensionless kinds. */
  bare: boolean;
}

const KINDS: Record<QuantityKind, KindSpec> = {
  temperature: { dim: { K: 1 }, bare: false, accepted: 'a temperature > 0 with a unit, e.g. 500mK or 0.5K' },
  power: { dim: { W: 1 }, bare: false, accepted: 'a power with a unit, e.g. 100fW or 1e-13W' },
  specificCapacitance: {
    dim: { F: 1, m: -2 },
    bare: false,
    accepted: 'a specific capacitance, e.g. 50fF/um^2 or 0.05F/m^2',
  },
  specificResistance: {
    dim: { ohm: 1, m: 2 },
    bare: false,
    accepted: 'a specific resistance, e.g. 10ohm*um^2 or 1e-11ohm*m^2',
  },
  area: { dim: { m: 2 }, bare: false, accepted: 'an area, e.g. 0.1um^2 or 0.5um x 0.2um' },
  volume: { dim: { m: 3 }, bare: false, accepted: 'a volume, e.g. 5.2e-21m^3 or 1.3um x 0.2um x 0.01um' },
  length: { dim: { m: 1 }, bare: false, accepted: 'a length, e.g. 200nm or 0.2um' },
  ephCoupling5: {
    dim: { W: 1, m: -3, K: -5 },
    bare: false,
    accepted: 'an electron-phonon coupling in W/m^3/K^5, e.g. 5e8W/m^3/K^5',
  },
  ephCoupling6: {
    dim: { W: 1, m: -3, K: -6 },
    bare: false,
    accepted: 'an electron-phonon coupling in W/m^3/K^6, e.g. 3e7W/m^3/K^6',
  },
  ephCoupling: {
    dim: { W: 1, m: -3 },
    bare: false,
    accepted: 'an electron-phonon coupling in W/m^3/K^n (n > 0), e.g. 5e8W/m^3/K^5',
  },
  dimensionless: { dim: {}, bare: true, accepted: 'a plain number, e.g. 2 or 1e-4' },
  energy: { dim: { J: 1 }, bare: false, accepted: 'an energy, e.g. 182ueV or 2.9e-23J' },
  conductance: {
    dim: { W: 1, K: -1 },
    bare: false,
    accepted: 'a thermal conductance, e.g. 1fW/K or 1e-15W/K',
  },
  responsivity: { dim: {}, bare: true, accepted: 'a plain number (K/K), e.g. -0.5' },
  time: { dim: { s: 1 }, bare: false, accepted: 'a time with a unit, e.g. 10us or 1e-5s' },
  inductance: { dim: { H: 1 }, bare: false, accepted: 'an inductance, e.g. 10nH or 1e-8H' },
  resistance: { dim: { ohm: 1 }, bare: false, accepted: 'a resistance, e.g. 10ohm or 1kohm' },
};

/** Every QuantityKind, for messages and checks at the library's boundary. Frozen: callers share it. */
export const QUANTITY_KINDS: readonly QuantityKind[] = Object.freeze(Object.keys(KINDS) as QuantityKind[]);

/** Throws InputError unless `kind` is a QuantityKind (a library caller's string is not checked by tsc). */
export function checkKind(kind: QuantityKind, fn: string): void {
  if (typeof kind !== 'string' || !Object.hasOwn(KINDS, kind))
    throw new InputError(
      `${fn} kind`,
      typeof kind === 'string' ? kind : describeArgument(kind),
      `one of ${QUANTITY_KINDS.join(', ')}`,
    );
}

/** Throws InputError unless `value` is a number (NaN and ±Infinity are, and are written as such). */
function checkNumber(value: number, fn: string, parameter = 'value'): void {
  if (typeof value !== 'number')
    throw new InputError(`${fn} ${parameter}`, describeArgument(value), 'a number (SI)');
}

/** What `kind` accepts, with an example: for messages of callers that validate further. */
export function acceptedText(kind: QuantityKind): string {
  return KINDS[kind].accepted;
}

const SUPERSCRIPTS: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
  '⁻': '-',
};

/** Unicode spellings → ASCII: µ/μ → u, Ω → ohm, ² → ^2, − → -, · → *. */
function normalise(text: string): string {
  // Ω and K escaped, since look-alikes: Greek omega and the ohm sign U+2126 (written as characters,
  // the class had held omega twice and refused the ohm sign), and the kelvin sign U+212A.
  return text
    .replace(/[µμ]/g, 'u')
    .replace(/[\u03a9\u2126]/g, 'ohm')
    .replace(/\u212a/g, 'K')
    .replace(/−/g, '-')
    .replace(/[·⋅×]/g, (c) => (c === '×' ? ' x ' : '*'))
    .replace(/[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, (run) => '^' + [...run].map((c) => SUPERSCRIPTS[c]).join(''));
}

const NUMBER = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?/;

class UnitSyntaxError extends Error {}

function addDim(a: Dimension, b: Dimension, times: number): Dimension {
  const out: Dimension = { ...a };
  for (const [k, v] of Object.entries(b) as [BaseUnit, number][]) out[k] = (out[k] ?? 0) + v * times;
  return out;
}

interface UnitValue {
  pow10: number;
  factor: number;
  dim: Dimension;
}

function resolveSymbol(symbol: string): UnitValue {
  const exact = BASE_SYMBOLS[symbol];
  if (exact) return exact;
  const prefix = PREFIX_POW10[symbol[0]];
  const base = BASE_SYMBOLS[symbol.slice(1)];
  if (prefix !== undefined && base) return { ...base, pow10: base.pow10 + prefix };
  throw new UnitSyntaxError(`unknown unit '${symbol}'`);
}

/**
 * Parses a unit expression: factors separated by `*` or spaces, `/` dividing by the next factor
 * only (so `W/m^3/K^5` = W m⁻³ K⁻⁵), `(…)` grouping, `^n` integer powers.
 */
function parseUnit(unit: string): UnitValue {
  const tokens = unit.match(/[A-Za-z]+|\^\s*[+-]?\d+|[*/()]|\S/g) ?? [];
  let i = 0;
  const factor = (): UnitValue => {
    const t = tokens[i++];
    let u: UnitValue;
    if (t === '(') {
      u = product();
      if (tokens[i++] !== ')') throw new UnitSyntaxError('unbalanced parentheses');
    } else if (t !== undefined && /^[A-Za-z]+$/.test(t)) {
      u = resolveSymbol(t);
    } else {
      throw new UnitSyntaxError(t === undefined ? 'unit ends early' : `unexpected '${t}'`);
    }
    if (tokens[i]?.startsWith('^')) {
      if (tokens[i] === '^') throw new UnitSyntaxError("unexpected '^' without an integer power");
      const p = Number(tokens[i++].slice(1).replace(/\s/g, ''));
      // Powers by repeated multiplication of the factor, never Math.pow: exactness for ^2, ^3.
      let f = 1;
      for (let k = 0; k < Math.abs(p); k++) f *= u.factor;
      u = { pow10: u.pow10 * p, factor: p < 0 ? 1 / f : f, dim: addDim({}, u.dim, p) };
    }
    return u;
  };
  const product = (): UnitValue => {
    let acc: UnitValue = { pow10: 0, factor: 1, dim: {} };
    let first = true;
    while (i < tokens.length && tokens[i] !== ')') {
      let sign = 1;
      if (tokens[i] === '/') {
        sign = -1;
        i++;
      } else if (tokens[i] === '*') {
        if (first) throw new UnitSyntaxError("unexpected '*'");
        i++;
      }
      const u = factor();
      acc = {
        pow10: acc.pow10 + sign * u.pow10,
        factor: sign > 0 ? acc.factor * u.factor : acc.factor / u.factor,
        dim: addDim(acc.dim, u.dim, sign),
      };
      first = false;
    }
    return acc;
  };
  const result = product();
  if (i < tokens.length) throw new UnitSyntaxError(`unexpected '${tokens[i]}'`);
  return result;
}

/** One number with an optional unit; throws UnitSyntaxError for text that is not that. */
function parseTerm(term: string): Dimensioned {
  const m = NUMBER.exec(term);
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) throw new UnitSyntaxError('not a number');
  const [whole, sign, int, frac = '', exponent = '0'] = m;
  const unitText = term.slice(whole.length).trim();
  const unit = unitText === '' ? { pow10: 0, factor: 1, dim: {} } : parseUnit(unitText);
  return {
    sig: BigInt(sign + (int + frac || '0')),
    exp: Number(exponent) - frac.length + unit.pow10,
    factor: unit.factor,
    dim: unit.dim,
    hasUnit: unitText !== '',
  };
}

/** Whether sig·10^exp is an integer (by its decimal digits: no 10ⁿ built for a huge n). */
function isWholeNumber(sig: bigint, exp: number): boolean {
  if (exp >= 0) return true;
  if (-exp >= (sig < 0n ? -sig : sig).toString().length) return sig === 0n;
  return sig % 10n ** BigInt(-exp) === 0n;
}

/**
 * `a x b x c`: the product of terms (count × lengths, area × length, …), kept exact in decimal. Each
 * factor of a product is a size or a count, so above 0 (two negative lengths made a positive volume),
 * and a factor without a unit is a count, so a whole number (`2.5 x 1um x …` is no number of wires).
 */
function parseDimensioned(text: string): Dimensioned {
  const terms = text.split(/\s+x\s+/);
  let acc: Dimensioned = { sig: 1n, exp: 0, factor: 1, dim: {}, hasUnit: false };
  for (const term of terms) {
    const t = parseTerm(term.trim());
    if (terms.length > 1 && !(t.sig > 0n))
      throw new UnitSyntaxError(`each factor of a product must be above 0 ('${term.trim()}' is not)`);
    if (terms.length > 1 && !t.hasUnit && !isWholeNumber(t.sig, t.exp))
      throw new UnitSyntaxError(`a count must be a positive integer ('${term.trim()}' is not)`);
    acc = {
      sig: acc.sig * t.sig,
      exp: acc.exp + t.exp,
      factor: acc.factor * t.factor,
      dim: addDim(acc.dim, t.dim, 1),
      hasUnit: acc.hasUnit || t.hasUnit,
    };
  }
  return acc;
}

function toNumber(d: Dimensioned): number {
  // Number('<digits>e<exp>') is correctly rounded: one rounding for the whole decimal value.
  const decimal = Number(`${d.sig}e${d.exp}`);
  return d.factor === 1 ? decimal : decimal * d.factor;
}

function sameDimension(a: Dimension, b: Dimension, ignore?: BaseUnit): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as BaseUnit[]);
  for (const k of keys) if (k !== ignore && (a[k] ?? 0) !== (b[k] ?? 0)) return false;
  return true;
}

function describeDimension(dim: Dimension): string {
  const parts = (Object.entries(dim) as [BaseUnit, number][])
    .filter(([, p]) => p !== 0)
    .map(([u, p]) => (p === 1 ? u : `${u}^${p}`));
  return parts.length === 0 ? 'a plain number' : parts.join('*');
}

/** Parses and checks the dimension; returns the SI value and, for 'ephCoupling', the K exponent n. */
function parseChecked(text: string, kind: QuantityKind, option: string): { value: number; exponent: number } {
  checkKind(kind, 'parseQuantity');
  const spec = KINDS[kind];
  if (typeof text !== 'string')
    throw new InputError(option, describeArgument(text), `a string: ${spec.accepted}`);
  const fail = (why: string): never => {
    throw new InputError(option, text, `${why}; expected ${spec.accepted}`);
  };
  const normalised = normalise(text).trim();
  if (normalised === '') fail('empty');
  let d: Dimensioned;
  try {
    d = parseDimensioned(normalised);
  } catch (e) {
    if (e instanceof UnitSyntaxError) return fail(e.message);
    throw e;
  }
  if (!d.hasUnit && !spec.bare) fail('missing unit');
  let exponent = 0;
  if (kind === 'ephCoupling') {
    exponent = -(d.dim.K ?? 0);
    if (!sameDimension(d.dim, spec.dim, 'K') || exponent <= 0)
      fail(`wrong unit (${describeDimension(d.dim)})`);
  } else if (!sameDimension(d.dim, spec.dim)) {
    fail(`wrong unit (${describeDimension(d.dim)})`);
  }
  const value = toNumber(d);
  if (!Number.isFinite(value)) fail('not a finite number');
  // 1e-400 W is not 0 W (a heater off): a value that underflows is refused, not read as zero.
  const mantissa = /^[+-]?(?:\d+\.?\d*|\.\d+)/.exec(normalised)?.[0] ?? '';
  if (value === 0 && /[1-9]/.test(mantissa)) fail('too small for a double (it would be read as 0)');
  if (kind === 'temperature' && value <= 0) fail('must be above absolute zero');
  return { value, exponent };
}

/**
 * Parses `text` as a quantity of `kind` and returns its SI value; bad input → InputError naming `option`.
 *
 * @example
 * parseQuantity('50fF/um^2', 'specificCapacitance'); // 5e-2 F/m²
 */
export function parseQuantity(text: string, kind: QuantityKind, option = 'parseQuantity text'): number {
  return parseChecked(text, kind, option).value;
}

/** Σ in W m⁻³ K⁻ⁿ with its exponent n read from the unit (`3e7 W/m^3/K^6` → {value: 3e7, exponent: 6}). */
export function parseEphCoupling(
  text: string,
  option = 'parseEphCoupling text',
): {
  /** Σ, W/m^3/K^n. */
  value: number;
  /** n. */
  exponent: number;
} {
  return parseChecked(text, 'ephCoupling', option);
}

// ---------------------------------------------------------------------------------------------
// Formatting

const PREFIX_SYMBOLS: [number, string][] = [
  // Down to yocto: J_ph,S of a cold superconducting island is zW or yW (1e-24 W) where J_ph,N is fW.
  [-24, 'y'],
  [-21, 'z'],
  [-18, 'a'],
  [-15, 'f'],
  [-12, 'p'],
  [-9, 'n'],
  [-6, 'µ'],
  [-3, 'm'],
  [0, ''],
  [3, 'k'],
  [6, 'M'],
  [9, 'G'],
];

/** `digits` as toPrecision takes it, or an InputError naming the caller's parameter. */
function checkDigits(digits: number, fn: string): void {
  if (!(Number.isInteger(digits) && digits >= 1 && digits <= 21))
    throw new InputError(
      `${fn} digits`,
      describeArgument(digits),
      'an integer from 1 to 21 (significant digits)',
    );
}

/** `x` to `digits` significant digits, trailing zeros dropped, exponent form only when needed. */
export function formatNumber(x: number, digits = 4): string {
  checkNumber(x, 'formatNumber', 'x');
  checkDigits(digits, 'formatNumber');
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return String(x);
  const s = x.toPrecision(digits);
  const [mantissa, exponent] = s.split('e');
  const trimmed = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
  if (exponent === undefined) return trimmed;
  // 9999.97 rounds up to 10^digits, which toPrecision writes as 1e4: a plain 10000 is what a reader expects.
  if (Number(exponent) === digits && Math.abs(x) < 10 ** digits && /^-?1$/.test(trimmed))
    return `${trimmed}${'0'.repeat(digits)}`;
  return `${trimmed}e${Number(exponent)}`;
}

/**
 * x·10^shift as formatNumber writes it, by moving the decimal point of x's own `digits` digits: a
 * multiplication rounds (1.12e-14 × 1e15 is 11.199999999999999), so that 17 digits would no longer
 * give back x when parsed.
 */
function formatShifted(x: number, shift: number, digits: number): string {
  if (x === 0 || !Number.isFinite(x)) return formatNumber(x, digits);
  const [mantissa, exponent = '0'] = x.toPrecision(digits).split('e');
  const sign = mantissa.startsWith('-') ? '-' : '';
  const [whole, fraction = ''] = mantissa.replace('-', '').split('.');
  const significand = (whole + fraction).replace(/^0+/, '');
  // |x·10^shift| = significand × 10^point; its leading digit is at 10^lead.
  const point = Number(exponent) - fraction.length + shift;
  const lead = significand.length - 1 + point;
  const trim = (text: string): string => (text.includes('.') ? text.replace(/\.?0+$/, '') : text);
  // toPrecision's choice between plain and exponent form.
  if (lead < -6 || lead >= digits)
    return `${sign}${trim(`${significand[0]}.${significand.slice(1)}`)}e${lead}`;
  if (point >= 0) return `${sign}${significand}${'0'.repeat(point)}`;
  const padded = significand.padStart(1 - point, '0');
  const cut = padded.length + point;
  return `${sign}${trim(`${padded.slice(0, cut)}.${padded.slice(cut)}`)}`;
}

/**
 * x·10^shift (in `unit`) with the SI prefix that puts the mantissa in [1, 1000), after rounding; the
 * digits are x's own, shifted (formatShifted).
 */
function engineering(x: number, unit: string, digits: number, shift = 0, prefixes = PREFIX_SYMBOLS): string {
  if (x === 0 || !Number.isFinite(x)) return `${formatNumber(x, digits)} ${unit}`;
  const magnitude = Math.floor((Math.log10(Math.abs(x)) + shift) / 3) * 3;
  const lowest = prefixes[0][0];
  const highest = prefixes[prefixes.length - 1][0];
  // Below the smallest prefix, powers of ten of the bare unit ('1e-30 W'), not '1e-6 yW'.
  if (magnitude < lowest && Math.abs(Number(formatShifted(x, shift - lowest, digits))) < 1)
    return `${formatShifted(x, shift, digits)} ${unit}`;
  let p = Math.min(highest, Math.max(lowest, magnitude));
  let scaled = formatShifted(x, shift - p, digits);
  // Rounding may carry 999.96 up to 1000: move to the next prefix instead of printing '1000 f…'.
  if (Math.abs(Number(scaled)) >= 1000 && p < highest) {
    p += 3;
    scaled = formatShifted(x, shift - p, digits);
  }
  const symbol = prefixes.find(([q]) => q === p)?.[1] ?? '';
  return `${scaled} ${symbol}${unit}`;
}

/** Human-readable quantity with an engineering prefix: '11.2 fW', '500 mK', '1.2 K', '50 fF/µm²'. */
export function formatQuantity(value: number, kind: QuantityKind, digits = 4): string {
  checkNumber(value, 'formatQuantity');
  checkKind(kind, 'formatQuantity');
  checkDigits(digits, 'formatQuantity');
  switch (kind) {
    case 'temperature': {
      // By the rounded value: 0.99996 K is '1 K', not '1000 mK'.
      const mK = formatShifted(value, 3, digits);
      return Math.abs(value) < 1 && Math.abs(Number(mK)) < 1000
        ? `${mK} mK`
        : `${formatNumber(value, digits)} K`;
    }
    case 'power':
      return engineering(value, 'W', digits);
    case 'conductance':
      return engineering(value, 'W/K', digits);
    case 'time':
      return engineering(value, 's', digits);
    case 'inductance':
      return engineering(value, 'H', digits);
    case 'resistance':
      return engineering(value, 'Ω', digits);
    case 'energy':
      return engineering(value / ELEMENTARY_CHARGE, 'eV', digits);
    case 'length':
      return engineering(value, 'm', digits);
    case 'specificCapacitance':
      return engineering(value, 'F/µm²', digits, -12);
    case 'specificResistance':
      return engineering(value, 'Ω·µm²', digits, 12);
    case 'area':
      return `${formatShifted(value, 12, digits)} µm²`;
    case 'volume':
      return `${formatShifted(value, 18, digits)} µm³`;
    case 'ephCoupling5':
      return `${formatNumber(value, digits)} W/m³/K⁵`;
    case 'ephCoupling6':
      return `${formatNumber(value, digits)} W/m³/K⁶`;
    case 'ephCoupling':
      throw new InputError(
        'formatQuantity kind',
        kind,
        "a kind with one unit; for 'ephCoupling' (W/m³/Kⁿ) use formatEphCoupling(value, exponent)",
      );
    case 'dimensionless':
    case 'responsivity':
      return formatNumber(value, digits);
  }
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Σ with its exponent: formatEphCoupling(3e7, 6) → '3e7 W/m³/K⁶'. */
export function formatEphCoupling(value: number, exponent: number, digits = 4): string {
  checkNumber(value, 'formatEphCoupling');
  // The exponents parseEphCoupling reads are above 0 ('K⁰' or 'K^x' is no coupling's unit); a
  // non-integer n (DOMAIN.n is real) is written as it is.
  if (!(typeof exponent === 'number' && exponent > 0 && exponent < Infinity))
    throw new InputError(
      'formatEphCoupling exponent',
      describeArgument(exponent),
      'a finite number above 0 (the n of W/m^3/K^n, e.g. 5 or 6)',
    );
  checkDigits(digits, 'formatEphCoupling');
  // Superscripts for digits only: 1.5 wrote 'K¹⁵' (and 1e21 is written '1e+21').
  const written = String(exponent);
  if (!/^\d+$/.test(written)) return `${formatNumber(value, digits)} W/m³/K^${exponent}`;
  const sup = [...written].map((c) => SUPERSCRIPT_DIGITS[Number(c)]).join('');
  return `${formatNumber(value, digits)} W/m³/K${sup}`;
}
