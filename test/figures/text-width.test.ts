/**
 * Figure text is laid out with DejaVu Sans's advance widths (fonts/advance-widths.json): checked
 * against fontkit's layout of the full faces (with kerning, which the table leaves out), and in
 * vega's layout, where a long title no longer widens its figure by a blank margin.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, renderSvg } from '../../src/figures/render.js';
import { SUBSCRIPT_SCALE } from '../../src/figures/subscripts.js';
import { textWidth } from '../../src/figures/text-width.js';
import { syntheticLinearPanel } from './synthetic-panels.js';

interface FontkitFont {
  unitsPerEm: number;
  layout(text: string): { advanceWidth: number };
}
const fontkit = createRequire(createRequire(import.meta.url).resolve('pdfkit'))('fontkit') as {
  create(data: Uint8Array): FontkitFont;
};
const [regular, bold] = FONT_FILES.map((f) => fontkit.create(readFileSync(f)));
const laidOut = (font: FontkitFont, text: string, size: number) =>
  (font.layout(text).advanceWidth / font.unitsPerEm) * size;

describe('textWidth', () => {
  const texts = [
    'T_R (mK)',
    'Fig. 3b — Setup 1 (T_bath = 10 mK): T_L, Ag',
    'κ_γ = −∂J_γ/∂T_R (fW/K)',
    'J_in = 6.79 fW',
    '0.001',
    'NDTC (κ_γ < 0)',
  ];
  it('is the faces’ own layout within 3 % (kerning aside), regular and bold', () => {
    for (const text of texts) {
      const plain = text.replace(/_/g, '');
      for (const [font, isBold] of [
        [regular, false],
        [bold, true],
      ] as const) {
        // Without subscripts (no '_'): the same characters at one size.
        const ours = textWidth(plain, 12, isBold);
        expect(Math.abs(ours / laidOut(font, plain, 12) - 1), `${plain} ${isBold}`).toBeLessThan(0.03);
      }
    }
  });

  it('sets `_x` subscripts at their smaller size, without the underscore', () => {
    const w = (t: string) => textWidth(t, 10, false);
    expect(w('T_L')).toBeCloseTo(w('T') + SUBSCRIPT_SCALE * w('L'), 12);
    expect(w('T_L,min')).toBeCloseTo(w('T') + SUBSCRIPT_SCALE * w('L,min'), 12);
    expect(textWidth('Ag', 12, true)).toBeGreaterThan(textWidth('Ag', 12, false));
    // a character outside the table counts as a digit's width
    expect(w('Ж')).toBeCloseTo(w('0'), 12);
  });

  it('vega lays figure text out with it: a long title no longer widens the figure', async () => {
    const title = 'A long title of sixty-odd characters, about as wide as the plot';
    const svg = await renderSvg({ ...syntheticLinearPanel(), title });
    const width = Number(/^<svg[^>]*\swidth="(\d+)"/.exec(svg)![1]);
    // 0.8 em a character (vega's guess) made the title 12 + 0.8·15·64 = 780 px wide; it is ~560.
    expect(textWidth(title, 15, true)).toBeLessThan(600);
    expect(width).toBeLessThan(660);
  });
});
