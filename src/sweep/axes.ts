/** `--vary NAME=LIST` (LIST as in src/units/list.ts: `0.5..10:40:log`, `1,2,5`) → a sweep axis. */
import { InputError } from '../index.js';
import { listLength, parseList } from '../units/list.js';
import { checkParameterValue, overlappingParameter, parameterInfo, valueText } from './parameters.js';
import type { Axis } from './spec.js';

export function parseAxis(text: string, option = '--vary'): Axis {
  const eq = text.indexOf('=');
  if (eq <= 0 || eq === text.length - 1) {
    throw new InputError(
      option,
      text,
      'NAME=VALUES, e.g. chi=0.5..10:40:log or TR=10mK..800mK:200 or c=50fF/um^2,80fF/um^2',
    );
  }
  const info = parameterInfo(text.slice(0, eq).trim(), option);
  const list = text.slice(eq + 1).trim();
  const values = parseList(list, info.kind, option);
  for (const v of values) checkParameterValue(info, v, option, text);
  // An axis is a coordinate of results.h5 (and a plot's axis): a value twice would be two points at one place.
  const seen = new Set<number>();
  for (const v of values) {
    if (seen.has(v))
      throw new InputError(option, text, `each value once; ${valueText(info, v)} appears twice`);
    seen.add(v);
  }
  return { name: info.name, values, log: /:\s*log\s*(,|$)/.test(list) };
}

/** `NAME=VALUES` → NAME and the number of values, checked but not made (to size a grid first). */
export function axisLength(text: string, option = '--vary'): { name: string; length: number } {
  const eq = text.indexOf('=');
  if (eq <= 0 || eq === text.length - 1) return { name: text, length: 0 }; // parseAxis says why
  const info = parameterInfo(text.slice(0, eq).trim(), option);
  return { name: info.name, length: listLength(text.slice(eq + 1).trim(), info.kind, option) };
}

/** Default of `ndtc sweep --max-points`: 10⁸ points, about a core-day, ~25 GB of CSV and JSON Lines. */
export const DEFAULT_MAX_POINTS = 100_000_000;

/**
 * Refuses a grid of more than `max` points from the --vary options' counts alone, before any axis
 * is made (a typo like `:100000` on three axes must not allocate first).
 */
export function checkGridSize(texts: readonly string[], max: number, option = '--vary'): void {
  const axes = texts.map((t) => axisLength(t, option));
  const points = axes.reduce((n, a) => n * a.length, 1);
  if (points <= max) return;
  const counts = axes.map((a) => `${a.name} ${a.length}`).join(' × ');
  const total = Number.isSafeInteger(points) ? String(points) : points.toPrecision(3);
  throw new InputError(
    option,
    `${counts} = ${total} points`,
    `at most ${max} points (--max-points); split the study or raise --max-points`,
  );
}

/** Several --vary options; a parameter may appear once. */
export function parseAxes(texts: readonly string[], option = '--vary'): Axis[] {
  const axes = texts.map((t) => parseAxis(t, option));
  const seen = new Set<string>();
  for (const [i, a] of axes.entries()) {
    if (seen.has(a.name))
      throw new InputError(option, texts[i], `each parameter once; ${a.name} is already varied`);
    seen.add(a.name);
  }
  const overlap = overlappingParameter(axes.map((a) => a.name));
  if (overlap) throw new InputError(option, texts[overlap.index], overlap.accepted);
  return axes;
}

/** Index of the first value that breaks the direction the first two set; 0 when none does. */
export function firstTurn(values: ArrayLike<number>): number {
  const rising = values[1] > values[0];
  for (let i = 1; i < values.length; i++)
    if (rising ? !(values[i] > values[i - 1]) : !(values[i] < values[i - 1])) return i;
  return 0;
}
