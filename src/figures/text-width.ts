/**
 * Width of figure text in DejaVu Sans, from the faces' advance widths (fonts/advance-widths.json,
 * written by scripts/subset-fonts.sh). vega lays text out before anything is drawn and, without a
 * canvas, guesses 0.8 em a character, about a third too wide: a long title widened its figure by a
 * blank margin. Kerning is left out (a few per cent at most).
 */
import { readFileSync } from 'node:fs';
import { SUBSCRIPT, SUBSCRIPT_SCALE } from './subscripts.js';

interface AdvanceWidths {
  regular: Record<string, number>;
  bold: Record<string, number>;
}

/** A character the table lacks: DejaVu Sans's width of a digit. */
const DEFAULT_ADVANCE = 0.6362;

let widths: AdvanceWidths | undefined;

function advances(): AdvanceWidths {
  widths ??= JSON.parse(
    readFileSync(new URL('../../fonts/advance-widths.json', import.meta.url), 'utf8'),
  ) as AdvanceWidths;
  return widths;
}

function runWidth(text: string, table: Record<string, number>): number {
  let em = 0;
  for (const ch of text) em += table[ch.codePointAt(0)!] ?? DEFAULT_ADVANCE;
  return em;
}

/**
 * Width in px of `text` at `fontSize` px as the figures draw it: `_x` subscripts (subscripts.ts) at
 * their smaller size, without the underscore.
 */
export function textWidth(text: string, fontSize: number, bold: boolean): number {
  const table = bold ? advances().bold : advances().regular;
  let em = 0;
  let last = 0;
  for (const m of text.matchAll(SUBSCRIPT)) {
    em += runWidth(text.slice(last, m.index), table) + SUBSCRIPT_SCALE * runWidth(m[1], table);
    last = m.index + m[0].length;
  }
  em += runWidth(text.slice(last), table);
  return em * fontSize;
}

/** Whether a vega text item is bold (fontWeight 'bold' or ≥ 600). */
export function isBold(fontWeight: unknown): boolean {
  return fontWeight === 'bold' || fontWeight === 'bolder' || Number(fontWeight) >= 600;
}
