/**
 * The raster path of the figures: svgToPng deflates resvg's pixels itself (not resvg's encoder), draws
 * text from subsets of DejaVu Sans (falling back to the full faces), and lines are clipped only where
 * a fixed x range cuts them. Checked against resvg's own PNG encoder with the full faces alone
 * (decoded by the test reader, which knows all five row filters) and against the drawn SVG.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Panel } from '../../src/figures/panel.js';
import { encodePng } from '../../src/figures/png.js';
import { FONT_FILES, panelSpec, renderSvg, svgToPng } from '../../src/figures/render.js';
import { decodePng } from './png.js';
import { syntheticLinearPanel } from './synthetic-panels.js';

/** The line layer's mark of a panel's vega-lite spec. */
function lineMark(panel: Panel): Record<string, unknown> {
  const spec = panelSpec(panel) as unknown as {
    layer?: { mark: Record<string, unknown> }[];
    vconcat?: { layer: { mark: Record<string, unknown> }[] }[];
  };
  const layers = spec.layer ?? spec.vconcat?.[0].layer ?? [];
  return layers[0].mark;
}

/** The PNG resvg encodes itself, with the full DejaVu Sans faces only. */
function referencePng(svg: string): Buffer {
  return new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    background: '#ffffff',
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
  })
    .render()
    .asPng();
}

async function expectSamePixels(svg: string): Promise<void> {
  const ours = decodePng(await svgToPng(svg, 2));
  const reference = decodePng(referencePng(svg));
  expect([ours.width, ours.height]).toEqual([reference.width, reference.height]);
  expect(Buffer.from(ours.rgba).equals(Buffer.from(reference.rgba))).toBe(true);
}

describe('PNG encoding', () => {
  it('svgToPng holds the same pixels as resvg encoding its own raster from the full fonts', async () => {
    // labels, a bold title, Greek and subscripts: the subsets must draw them exactly as the full faces
    await expectSamePixels(await renderSvg(syntheticLinearPanel()));
  });

  it('characters outside the font subsets are drawn from the full faces', async () => {
    const text = (weight: string) =>
      `<text x="4" y="${weight === 'bold' ? 44 : 20}" font-family="DejaVu Sans" font-size="16" font-weight="${weight}">T ≈ Ж ☃ ✓ ⅓ ∮ ę</text>`;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="56">${text('normal')}${text('bold')}</svg>`;
    await expectSamePixels(svg);
    // and they are drawn at all: the white background is not all there is
    const { rgba } = decodePng(await svgToPng(svg, 2));
    expect(rgba.some((v) => v < 128)).toBe(true);
  });

  it('every deflate level round-trips any RGBA image; an opaque one is written as RGB', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        fc.boolean(),
        fc.infiniteStream(fc.integer({ min: 0, max: 255 })),
        (width, height, level, opaque, bytes) => {
          const rgba = Uint8Array.from(bytes.take(width * height * 4));
          if (opaque) for (let i = 3; i < rgba.length; i += 4) rgba[i] = 255;
          const png = encodePng(width, height, rgba, level);
          const decoded = decodePng(png);
          expect([decoded.width, decoded.height]).toEqual([width, height]);
          expect(Buffer.from(decoded.rgba).equals(Buffer.from(rgba))).toBe(true);
          // IHDR's colour type: 2 (RGB) exactly when every alpha is 255.
          const allOpaque = rgba.every((v, i) => i % 4 !== 3 || v === 255);
          expect(png[25]).toBe(allOpaque ? 2 : 6);
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('font subsets', () => {
  it('subset-coverage.json lists exactly the code points both subsets map to a glyph', () => {
    const fontkit = createRequire(createRequire(import.meta.url).resolve('pdfkit'))('fontkit') as {
      create(data: Uint8Array): { characterSet: number[] };
    };
    const held = ['DejaVuSans-subset.ttf', 'DejaVuSans-Bold-subset.ttf'].map(
      (f) => new Set(fontkit.create(readFileSync(new URL(`../../fonts/${f}`, import.meta.url))).characterSet),
    );
    const { runs } = JSON.parse(
      readFileSync(new URL('../../fonts/subset-coverage.json', import.meta.url), 'utf8'),
    ) as { runs: [number, number][] };
    const listed = runs.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i));
    // U+FFFF, a noncharacter, is the end marker of a format-4 cmap that fontkit reports as mapped
    const both = [...held[0]].filter((c) => held[1].has(c) && c !== 0xffff).sort((a, b) => a - b);
    expect(listed).toEqual(both);
    // the figures' own characters are there: Greek, subscript-free labels, the minus sign, µ, Ω
    for (const c of 'γκχτΔµΩ−≤≥≈·×→₀⁻³') expect(both).toContain(c.codePointAt(0));
  });
});

describe('line clipping', () => {
  it('lines inside their scales draw without a clip path', async () => {
    const panel = syntheticLinearPanel();
    expect(lineMark(panel).clip).toBe(false);
    expect(await renderSvg(panel)).not.toContain('clip-path=');
  });

  it('a fixed x range that cuts the lines clips them', async () => {
    const panel = { ...syntheticLinearPanel(), xDomain: [100, 500] as [number, number] };
    expect(lineMark(panel).clip).toBe(true);
    expect(await renderSvg(panel)).toContain('clip-path=');
  });

  it('a fixed x range holding every point needs no clip', () => {
    const panel = { ...syntheticLinearPanel(), xDomain: [0, 1000] as [number, number] };
    expect(lineMark(panel).clip).toBe(false);
  });
});
