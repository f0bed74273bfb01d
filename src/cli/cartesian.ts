/**
 * The grid of a point command: the Cartesian product of its list options, bounded. Point commands
 * hold every point and its result in memory and print them at once; larger grids belong to
 * `ndtc sweep` (chunked to disk, resumable).
 */
import { InputError } from '../errors.js';
import { parseList, type ListLimit } from '../units/list.js';
import type { QuantityKind } from '../units/quantity.js';

/** Most points (and values per list) a point command computes: 10⁶ take seconds to minutes, ~0.5 GB at most. */
export const MAX_POINTS = 1_000_000;

/** The way to more points, said in the refusal (each command its own). */
export interface PointLimit {
  beyond: string;
}

/** A point command's list option, at most MAX_POINTS values. */
export function parsePointList(
  text: string,
  kind: QuantityKind,
  option: string,
  limit: PointLimit,
): number[] {
  const bound: ListLimit = { max: MAX_POINTS, beyond: limit.beyond };
  return parseList(text, kind, option, bound);
}

/**
 * Refuses a product of lists above MAX_POINTS before it is made, naming the option whose list takes
 * the count over (with the others' lengths).
 */
export function checkProduct(
  lists: readonly { option: string; text: string; length: number }[],
  limit: PointLimit,
): void {
  let n = 1;
  for (const [i, list] of lists.entries()) {
    n *= list.length;
    if (n > MAX_POINTS) {
      const counts = lists.map((l) => `${l.option} ${l.length}`).join(' × ');
      const total = lists.reduce((p, l) => p * l.length, 1);
      const count = Number.isSafeInteger(total) ? String(total) : total.toPrecision(3);
      throw new InputError(
        lists[i].option,
        list.text,
        `${counts} = ${count} points (at most ${MAX_POINTS}); ${limit.beyond}`,
      );
    }
  }
}

/** A list option of a point command: its flag, the text given and what it holds. */
export interface PointListOption {
  option: string;
  text: string;
  kind: QuantityKind;
}

/**
 * The lists of a point command's grid, each parsed (at most MAX_POINTS values) and their product
 * refused above MAX_POINTS before any point is made.
 */
export function parsePointGrid(options: readonly PointListOption[], limit: PointLimit): number[][] {
  const lists = options.map((o) => parsePointList(o.text, o.kind, o.option, limit));
  checkProduct(
    options.map((o, i) => ({ option: o.option, text: o.text, length: lists[i].length })),
    limit,
  );
  return lists;
}

/**
 * The Cartesian product of option lists, the first list varying slowest (row-major, like nested
 * loops), one fresh tuple at a time: the grid itself is never held.
 */
export function* cartesian<T>(lists: readonly (readonly T[])[]): Generator<T[]> {
  const n = lists.reduce((p, l) => p * l.length, 1);
  const at = new Array<number>(lists.length).fill(0);
  for (let k = 0; k < n; k++) {
    yield lists.map((l, i) => l[at[i]]);
    for (let i = lists.length - 1; i >= 0; i--) {
      if (++at[i] < lists[i].length) break;
      at[i] = 0;
    }
  }
}

/** Points of the product of lists of these lengths. */
export const productSize = (lists: readonly (readonly unknown[])[]): number =>
  lists.reduce((p, l) => p * l.length, 1);
