/** `--vary NAME=LIST` (LIST as in src/units/list.ts: `0.5..10:40:log`, `1,2,5`) → a sweep axis. */
import { InputError } from '../index.js';
import { parseList } from '../units/list.js';
import { checkParameterValue, parameterInfo } from './parameters.js';
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
  return { name: info.name, values, log: /:\s*log\s*(,|$)/.test(list) };
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
  return axes;
}
