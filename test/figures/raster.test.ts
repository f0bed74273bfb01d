/**
 * The raster path of the figures: svgToPng deflates resvg's pixels itself (not resvg's encoder), and
 * lines are clipped only where a fixed x range cuts them. Checked against resvg's own PNG encoder
 * (decoded by the test reader, which knows all five row filters) and against the drawn SVG.
 */
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

describe('PNG encoding', () => {
  it('svgToPng holds the same pixels as resvg encoding its own raster', async () => {
    const svg = await renderSvg(syntheticLinearPanel());
    const ours = decodePng(await svgToPng(svg, 2));
    const reference = decodePng(
      new Resvg(svg, {
        fitTo: { mode: 'zoom', value: 2 },
        background: '#ffffff',
        font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
      })
        .render()
        .asPng(),
    );
    expect([ours.width, ours.height]).toEqual([reference.width, reference.height]);
    expect(Buffer.from(ours.rgba).equals(Buffer.from(reference.rgba))).toBe(true);
  });

  it('every deflate level round-trips any RGBA image', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        fc.infiniteStream(fc.integer({ min: 0, max: 255 })),
        (width, height, level, bytes) => {
          const rgba = Uint8Array.from(bytes.take(width * height * 4));
          const decoded = decodePng(encodePng(width, height, rgba, level));
          expect([decoded.width, decoded.height]).toEqual([width, height]);
          expect(Buffer.from(decoded.rgba).equals(Buffer.from(rgba))).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
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
