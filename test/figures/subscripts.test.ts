/** Subscripts set in figure SVG: `_x` in <text> becomes a smaller, lowered <tspan>; nothing else changes. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainText, setSubscripts } from '../../src/figures/subscripts.js';
import { checkWellFormed, svgTexts } from './xml.js';

const wrap = (inner: string, size = '14px') =>
  `<svg xmlns="http://www.w3.org/2000/svg"><g aria-label="T_L axis"><text font-size="${size}" x="1">${inner}</text></g></svg>`;

describe('setSubscripts', () => {
  it('sets each subscript run at 0.72 of the font size, lowered by 0.25 of it', () => {
    const svg = setSubscripts(wrap('δT = T_L(10 mK) − T_L,min (mK)'));
    checkWellFormed(svg);
    const sub = (run: string) => `<tspan font-size="10.08px" baseline-shift="-3.5">${run}</tspan>`;
    expect(svg).toContain(`δT = T${sub('L')}(10 mK) − T${sub('L,min')} (mK)`);
    expect(svg).toContain('aria-label="T_L axis"'); // attributes are left alone
    expect(svgTexts(svg)).toEqual(['δT = TL(10 mK) − TL,min (mK)']);
  });

  it('works inside the line tspans of multi-line text and leaves text without subscripts unchanged', () => {
    const multi = wrap(
      '<tspan x="0" dy="0">J_γ maximum</tspan><tspan x="0" dy="14">R / R_0, T_c</tspan>',
      '11px',
    );
    const svg = setSubscripts(multi);
    checkWellFormed(svg);
    expect(svgTexts(svg)).toEqual(['Jγ maximumR / R0, Tc']);
    expect((svg.match(/baseline-shift/g) ?? []).length).toBe(3);
    const plain = wrap('T / Tc, 0.2 (mK), a_ b');
    expect(setSubscripts(plain)).toBe(plain);
  });

  it('displayed text = the label without the subscript marks; no `_x` is left (fast-check)', () => {
    const piece = fc.constantFrom(
      'T',
      '_L',
      '_R',
      ',min',
      ' (mK)',
      'κ',
      '_γ',
      ' = ',
      '0',
      '_bath',
      '/',
      'J',
      '_0',
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), (pieces) => {
        const label = pieces.join('');
        const texts = svgTexts(setSubscripts(wrap(label)));
        expect(texts).toEqual([plainText(label)]);
        expect(texts[0]).toBe(label.replace(/_(?=[A-Za-z0-9γ])/g, ''));
      }),
    );
  });
});
