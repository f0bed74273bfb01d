/**
 * Lists of quantities on the command line: `100mK,200mK`, a linear range `10mK..800mK:200`
 * (200 points, both ends included) or a log range `1fW..1pW:13:log`, and any mix of them
 * separated by commas. Values are SI numbers (see quantity.ts).
 */
import { InputError } from '../errors.js';
import { describeArgument } from '../describe-argument.js';
import { acceptedText, checkKind, parseQuantity, type QuantityKind } from './quantity.js';

/**
 * Upper bound on the values of one list: a typo like `:2000000000` should fail at once, not exhaust
 * memory. Callers that take fewer (the point commands) pass their own limit.
 */
export const MAX_RANGE_POINTS = 10_000_000;

/** What a list option accepts beyond its grammar: at most `max` values, and what to do for more. */
export interface ListLimit {
  /** Most values accepted. */
  max: number;
  /** Said after the count when a list is longer, e.g. `for more use ndtc sweep`. */
  beyond?: string;
}

/** A long value is shortened in messages, so that the one error line still says what is accepted. */
export function shortValue(text: string, room = 60): string {
  return text.length <= room ? text : `${text.slice(0, room - 1)}…`;
}

function grammar(kind: QuantityKind): string {
  return (
    // Short enough that the CLI's one error line (200 characters) ends with the value's own example.
    `a comma-separated list of values or ranges FROM..TO:N[:log]; each ${acceptedText(kind)}`
  );
}

/** A double as an exact decimal m·10^e, from its shortest round-trip form (`0.02` → 2·10⁻², `1e-21` → 1·10⁻²¹). */
function decimalOf(x: number): { m: bigint; e: number } {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(x))!;
  const fraction = match[3] ?? '';
  return {
    m: BigInt(`${match[1]}${match[2]}${fraction}`),
    e: Number(match[4] ?? 0) - fraction.length,
  };
}

/**
 * Linearly spaced points, each the double nearest the exact decimal a + i·(b − a)/(n − 1) of the ends
 * as written: with both ends integers A, B at a common scale 10^e, point i is
 * (A·(n−1−i) + B·i) / ((n−1)·10^−e), one correctly rounded division when every factor is an exact
 * double, else exact BigInt arithmetic. So `10mK..30mK:3` gives 0.02, not a + (b − a)/2 =
 * 0.019999999999999997, and no point leaves [a, b].
 */
function linearlySpaced(a: number, b: number, n: number): number[] {
  const da = decimalOf(a);
  const db = decimalOf(b);
  const e = Math.min(da.e, db.e);
  const A = da.m * 10n ** BigInt(da.e - e);
  const B = db.m * 10n ** BigInt(db.e - e);
  const D = n - 1;
  const out = new Array<number>(n);
  const bound = (A < 0n ? -A : A) + (B < 0n ? -B : B);
  // Fast path: numerator, 5^p·(n−1) and the point's numerator all exact doubles; 2^p scales exactly.
  const p = -e;
  if (p >= 0 && p <= 300 && bound * BigInt(D) < 2n ** 53n && BigInt(D) * 5n ** BigInt(p) < 2n ** 53n) {
    const a0 = Number(A);
    const b0 = Number(B);
    const divisor = D * Number(5n ** BigInt(p));
    const twoP = 2 ** p;
    for (let i = 0; i < n; i++) out[i] = (a0 * (D - i) + b0 * i) / divisor / twoP;
    return out;
  }
  // Exact: the point's decimal to 40 more digits than its integer part, then one correctly rounded parse.
  const shift = 40n;
  for (let i = 0; i < n; i++) {
    const numerator = A * BigInt(D - i) + B * BigInt(i);
    out[i] = Number(`${(numerator * 10n ** shift) / BigInt(D)}e${e - Number(shift)}`);
  }
  return out;
}

/**
 * The double of at most 15 significant digits nearest `v` within `ulps` units in the last place, or `v`:
 * a log-spaced point that should be a decade (1fW..1pW:13:log → 10 fW) is computed 1 ulp off by pow.
 */
function shortestNear(v: number, ulps: number): number {
  const limit = ulps * Math.abs(v) * Number.EPSILON;
  let best = v;
  for (let digits = 15; digits >= 1; digits--) {
    const candidate = Number(v.toPrecision(digits));
    if (Math.abs(candidate - v) > limit) break;
    best = candidate;
  }
  return best;
}

/**
 * Log-spaced points a·(b/a)^(i/(n−1)), each moved to its shortest decimal when that lies within the
 * formula's rounding (pow amplifies the exponent's error by |ln(b/a)|), ends exact.
 */
function logSpaced(a: number, b: number, n: number): number[] {
  const ratio = b / a;
  const ulps = 2 + Math.abs(Math.log(ratio)) / 2;
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++)
    out[i] = Math.min(hi, Math.max(lo, shortestNear(a * ratio ** (i / (n - 1)), ulps)));
  out[0] = a;
  out[n - 1] = b;
  return out;
}

/** Evenly spaced (or log-spaced) points from `a` to `b`, both ends exact, each the shortest decimal it can be. */
export function spaced(a: number, b: number, n: number, log: boolean): number[] {
  if (a === b) return new Array<number>(n).fill(a);
  return log ? logSpaced(a, b, n) : linearlySpaced(a, b, n);
}

interface Range {
  from: number;
  to: number;
  n: number;
  log: boolean;
}

/** A range's ends, count and spacing, checked; its values are made only once the whole list fits. */
function parseRange(
  item: string,
  kind: QuantityKind,
  option: string,
  whole: string,
  limit: ListLimit,
): Range {
  // The range is named only inside a longer list (the message already quotes the whole value), and
  // the grammar is that of a range: the message stays whole within the one-line limit.
  const where = item === whole.trim() ? '' : ` '${shortValue(item, 40)}'`;
  const fail = (why: string): never => {
    throw new InputError(
      option,
      whole,
      `${why}; expected FROM..TO:N[:log] with N ≥ 2 points, e.g. 10mK..800mK:200`,
    );
  };
  const parts = item.split(':').map((s) => s.trim());
  const ends = parts[0].split('..').map((s) => s.trim());
  if (parts.length < 2 || parts.length > 3 || ends.length !== 2 || ends[0] === '' || ends[1] === '') {
    fail(`malformed range${where}`);
  }
  const [countText, spacing = 'lin'] = parts.slice(1);
  if (spacing !== 'lin' && spacing !== 'log')
    fail(`unknown spacing '${shortValue(spacing, 20)}'${where && ` in range${where}`} (lin or log)`);
  const from = parseQuantity(ends[0], kind, option);
  const to = parseQuantity(ends[1], kind, option);
  // An integer, also written 1e6 or 1.5e3; the count is checked before any value is made.
  const n = /^\d+(\.\d+)?(e\d+)?$/i.test(countText) ? Number(countText) : NaN;
  if (!(n >= 2 && Number.isSafeInteger(n))) {
    fail(
      `the point count '${shortValue(countText, 20)}'${where && ` of range${where}`} must be an integer ≥ 2`,
    );
  }
  if (n > limit.max) {
    throw new InputError(
      option,
      whole,
      `${item === whole.trim() ? '' : `range '${shortValue(item, 40)}': `}point count ${n}, more than the ${limit.max} accepted${limit.beyond ? `; ${limit.beyond}` : ''}`,
    );
  }
  const log = spacing === 'log';
  if (log && !(from > 0 && to > 0)) fail(`the log range${where} needs both ends > 0`);
  return { from, to, n, log };
}

/** The items of a list, checked, with ranges not yet made into values, and their count. */
function planList(
  text: string,
  kind: QuantityKind,
  option: string,
  limit: ListLimit,
): { parsed: (number | Range)[]; count: number } {
  const items = text.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) {
    throw new InputError(option, text, `empty item; expected ${grammar(kind)}`);
  }
  const parsed: (number | Range)[] = [];
  let count = 0;
  for (const item of items) {
    const p = item.includes('..')
      ? parseRange(item, kind, option, text, limit)
      : parseQuantity(item, kind, option);
    count += typeof p === 'number' ? 1 : p.n;
    if (count > limit.max) {
      throw new InputError(
        option,
        text,
        `more than the ${limit.max} values accepted${limit.beyond ? `; ${limit.beyond}` : ''}`,
      );
    }
    parsed.push(p);
  }
  return { parsed, count };
}

/** The number of values of a list option, checked as parseList checks it, without making them. */
export function listLength(
  text: string,
  kind: QuantityKind,
  option: string,
  limit: ListLimit = { max: MAX_RANGE_POINTS },
): number {
  return planList(text, kind, option, limit).count;
}

/** The first value of a list option, checked as parseList checks the whole list, without making the rest. */
export function firstOfList(
  text: string,
  kind: QuantityKind,
  option: string,
  limit: ListLimit = { max: MAX_RANGE_POINTS },
): number {
  const first = planList(text, kind, option, limit).parsed[0];
  return typeof first === 'number' ? first : first.from;
}

/** parseList's own arguments: a text, a known kind, a limit { max, beyond? } of 1 to MAX_RANGE_POINTS. */
function checkListArguments(text: unknown, kind: QuantityKind, option: string, limit: unknown): void {
  checkKind(kind, 'parseList');
  if (typeof text !== 'string')
    throw new InputError(option, describeArgument(text), `a string: ${grammar(kind)}`);
  if (limit === null || typeof limit !== 'object')
    throw new InputError('parseList limit', describeArgument(limit), '{ max, beyond? }');
  const { max, beyond, ...rest } = limit as Partial<ListLimit> & Record<string, unknown>;
  for (const [key, value] of Object.entries(rest))
    throw new InputError(`parseList limit.${key}`, describeArgument(value), 'one of the keys max, beyond');
  if (!(Number.isInteger(max) && max! >= 1 && max! <= MAX_RANGE_POINTS))
    throw new InputError(
      'parseList limit.max',
      describeArgument(max),
      `an integer from 1 to ${MAX_RANGE_POINTS}`,
    );
  if (beyond !== undefined && typeof beyond !== 'string')
    throw new InputError('parseList limit.beyond', describeArgument(beyond), 'a string');
}

/**
 * Parses a list option into SI values, in the order written. Bad input → InputError naming `option`;
 * a list longer than `limit.max` values is refused before its values are made.
 */
export function parseList(
  text: string,
  kind: QuantityKind,
  option = 'parseList text',
  limit: ListLimit = { max: MAX_RANGE_POINTS },
): number[] {
  checkListArguments(text, kind, option, limit);
  const { parsed, count } = planList(text, kind, option, limit);
  const out = new Array<number>(count);
  let i = 0;
  for (const p of parsed) {
    if (typeof p === 'number') out[i++] = p;
    else for (const v of spaced(p.from, p.to, p.n, p.log)) out[i++] = v;
  }
  return out;
}
