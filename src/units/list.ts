/**
 * Lists of quantities on the command line: `100mK,200mK`, a linear range `10mK..800mK:200`
 * (200 points, both ends included) or a log range `1fW..1pW:13:log`, and any mix of them
 * separated by commas. Values are SI numbers (see quantity.ts).
 */
import { InputError } from '../errors.js';
import { acceptedText, parseQuantity, type QuantityKind } from './quantity.js';

/** Upper bound on the points of one range: a typo like `:2000000000` should fail, not exhaust memory. */
export const MAX_RANGE_POINTS = 10_000_000;

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

function parseRange(item: string, kind: QuantityKind, option: string, whole: string): number[] {
  const fail = (why: string): never => {
    throw new InputError(option, whole, `${why}; expected ${grammar(kind)}`);
  };
  const parts = item.split(':').map((s) => s.trim());
  const ends = parts[0].split('..').map((s) => s.trim());
  if (parts.length < 2 || parts.length > 3 || ends.length !== 2 || ends[0] === '' || ends[1] === '') {
    fail(`malformed range '${item}'`);
  }
  const [countText, spacing = 'lin'] = parts.slice(1);
  if (spacing !== 'lin' && spacing !== 'log')
    fail(`unknown spacing '${spacing}' in range '${item}' (lin or log)`);
  const from = parseQuantity(ends[0], kind, option);
  const to = parseQuantity(ends[1], kind, option);
  const n = /^\d+$/.test(countText) ? Number(countText) : NaN;
  if (!(n >= 2 && n <= MAX_RANGE_POINTS)) {
    fail(
      `the point count '${countText}' of range '${item}' must be an integer from 2 to ${MAX_RANGE_POINTS}`,
    );
  }
  const log = spacing === 'log';
  if (log && !(from > 0 && to > 0)) fail(`the log range '${item}' needs both ends > 0`);
  return spaced(from, to, n, log);
}

/** Parses a list option into SI values, in the order written. Bad input → InputError naming `option`. */
export function parseList(text: string, kind: QuantityKind, option: string): number[] {
  const items = text.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) {
    throw new InputError(option, text, `empty item; expected ${grammar(kind)}`);
  }
  const out: number[] = [];
  for (const item of items) {
    if (item.includes('..')) out.push(...parseRange(item, kind, option, text));
    else out.push(parseQuantity(item, kind, option));
  }
  return out;
}
