/**
 * Subscripts in figure text. Labels are written with `_` before a subscript (`T_L`, `κ_γ`,
 * `T_L,min`, `R / R_0`); vega draws text as plain strings, so the subscripts are set afterwards in
 * its SVG as smaller, lowered <tspan>s. Unicode subscript letters would not do: there are none for
 * capitals (no subscript L, R, N, S).
 */

/** A subscript: letters, digits or γ after `_`, with `,min`-style continuations (`T_L,min`, `J_ph,N`). */
export const SUBSCRIPT = /_([A-Za-z0-9γ]+(?:,[A-Za-z0-9]+)*)/g;

/** Subscript size and drop, as fractions of the text's font size. */
export const SUBSCRIPT_SCALE = 0.72;
export const SUBSCRIPT_DROP = 0.25;

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** `label` as displayed text: subscript marks removed ('T_L,min' → 'TL,min'), for widths and tests. */
export function plainText(label: string): string {
  return label.replace(SUBSCRIPT, '$1');
}

/**
 * The SVG with every `_x` inside a <text> element set as a subscript: a <tspan> at SUBSCRIPT_SCALE
 * of the element's font size, lowered by `baseline-shift` (which, unlike `dy`, ends with the tspan,
 * so the text after it and the next line need no correction).
 */
export function setSubscripts(svg: string): string {
  return svg.replace(
    /(<text\b[^>]*>)([\s\S]*?)(<\/text>)/g,
    (whole, open: string, inner: string, close: string) => {
      if (!inner.includes('_')) return whole;
      const size = Number(/\sfont-size="([\d.]+)/.exec(open)?.[1] ?? 11);
      const tspan = `<tspan font-size="${round(size * SUBSCRIPT_SCALE)}px" baseline-shift="${-round(size * SUBSCRIPT_DROP)}">`;
      const parts = inner.split(/(<[^>]*>)/);
      const text = parts.map((part) =>
        part.startsWith('<') ? part : part.replace(SUBSCRIPT, (_, run: string) => `${tspan}${run}</tspan>`),
      );
      return open + text.join('') + close;
    },
  );
}
