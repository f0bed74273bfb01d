/**
 * Lists of quantities on the command line: `100mK,200mK`, a linear range `10mK..800mK:200`
 * (200 points, both ends included) or a log range `1fW..1pW:13:log`, and any mix of them
 * separated by commas. Values are SI numbers (see quantity.ts).
 */
import { InputError } from '../errors.js';
import { acceptedText, parseQuantity, type QuantityKind } from './quantity.js';

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
    `a comma-separated list of values or ranges FROM..TO:N[:log], e.g. 100mK,200mK or 10mK..800mK:200; ` +
    `each value is ${acceptedText(kind)}`
  );
}

/** Evenly spaced (or log-spaced) points from `a` to `b`, both ends exact. */
function spaced(a: number, b: number, n: number, log: boolean): number[] {
  const out = new Array<number>(n);
  if (a === b) return out.fill(a);
  for (let i = 0; i < n; i++) {
    const t = i / (n - 1);
    out[i] = log ? Math.exp(Math.log(a) + (Math.log(b) - Math.log(a)) * t) : a + (b - a) * t;
  }
  // The formula's rounding must not move the ends the user wrote, nor step outside them.
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  for (let i = 0; i < n; i++) out[i] = Math.min(hi, Math.max(lo, out[i]));
  out[0] = a;
  out[n - 1] = b;
  return out;
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
  const fail = (why: string): never => {
    throw new InputError(option, whole, `${why}; expected ${grammar(kind)}`);
  };
  const parts = item.split(':').map((s) => s.trim());
  const ends = parts[0].split('..').map((s) => s.trim());
  if (parts.length < 2 || parts.length > 3 || ends.length !== 2 || ends[0] === '' || ends[1] === '') {
    fail(`malformed range '${shortValue(item, 40)}'`);
  }
  const [countText, spacing = 'lin'] = parts.slice(1);
  if (spacing !== 'lin' && spacing !== 'log')
    fail(`unknown spacing '${shortValue(spacing, 20)}' in range '${shortValue(item, 40)}' (lin or log)`);
  const from = parseQuantity(ends[0], kind, option);
  const to = parseQuantity(ends[1], kind, option);
  // An integer, also written 1e6; the count is checked before any value is made.
  const n = /^\d+(e\d+)?$/i.test(countText) ? Number(countText) : NaN;
  if (!(n >= 2 && Number.isSafeInteger(n))) {
    fail(
      `the point count '${shortValue(countText, 20)}' of range '${shortValue(item, 40)}' must be an integer ≥ 2`,
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
  if (log && !(from > 0 && to > 0)) fail(`the log range '${shortValue(item, 40)}' needs both ends > 0`);
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

/**
 * Parses a list option into SI values, in the order written. Bad input → InputError naming `option`;
 * a list longer than `limit.max` values is refused before its values are made.
 */
export function parseList(
  text: string,
  kind: QuantityKind,
  option = 'list',
  limit: ListLimit = { max: MAX_RANGE_POINTS },
): number[] {
  const { parsed, count } = planList(text, kind, option, limit);
  const out = new Array<number>(count);
  let i = 0;
  for (const p of parsed) {
    if (typeof p === 'number') out[i++] = p;
    else for (const v of spaced(p.from, p.to, p.n, p.log)) out[i++] = v;
  }
  return out;
}
