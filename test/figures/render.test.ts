import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, PALETTE, panelSpec, renderSvg, svgToPng } from '../../src/figures/render.js';
import { decodePng, hasPngSignature, regionStats, containsColour } from './png.js';
import { syntheticLinearPanel, syntheticLogPanel } from './synthetic-panels.js';
import { checkWellFormed, svgTexts } from './xml.js';

function svgSize(svg: string): { width: number; height: number } {
  const m = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  if (!m) throw new Error('no svg size');
  return { width: Number(m[1]), height: Number(m[2]) };
}

describe('panel rendering (synthetic data)', () => {
  it('SVG is well-formed XML with the title, axis titles, legend labels as <text>', async () => {
    const panel = syntheticLinearPanel();
    const svg = await renderSvg(panel);
    checkWellFormed(svg);
    const texts = svgTexts(svg);
    expect(texts).toContain(panel.title);
    expect(texts).toContain('TR (mK)'); // T_R: R set as a subscript
    expect(texts).toContain('κγ (fW/K)');
    expect(texts).toContain('χ = 1');
    expect(texts).toContain('InAsOI'); // dash legend for the platform
    expect(texts).toContain('Jγ maximum'); // marker legend
    expect(texts).toContain('NDTC (κγ < 0)'); // title of the interval strip
    expect(texts.some((t) => t.includes('_'))).toBe(false);
    // the subtitle lines are <tspan>s of one <text>
    expect(texts.some((t) => t.includes('a synthetic note'))).toBe(true);
    expect(svg).toContain('font-family="DejaVu Sans"');
  });

  it('a dashed series is dashed, a solid one is not, and a NaN gap splits the line', async () => {
    // with intervals the spec is a vconcat: the plot (layers) over the interval strip
    const spec = panelSpec(syntheticLinearPanel()) as unknown as {
      vconcat: [{ layer: { data: { values: { segment: string }[] } }[] }, { mark: { type: string } }];
    };
    expect(spec.vconcat[1].mark.type).toBe('bar');
    const segments = new Set(spec.vconcat[0].layer[0].data.values.map((r) => r.segment));
    expect([...segments].filter((s) => s.startsWith('χ = 2#'))).toHaveLength(2);
    expect([...segments].filter((s) => s.startsWith('χ = 1#'))).toHaveLength(1);
    const svg = await renderSvg(syntheticLinearPanel());
    expect(svg).toMatch(/stroke-dasharray="7,4"/);
  });

  it('log axes drop non-positive values instead of failing', async () => {
    const spec = panelSpec(syntheticLogPanel()) as unknown as {
      layer: { data: { values: { y: number }[] } }[];
    };
    expect(spec.layer[0].data.values.every((r) => r.y > 0)).toBe(true);
    const svg = await renderSvg(syntheticLogPanel());
    checkWellFormed(svg);
    // log ticks: 1, 10, 100 and 1,000 fW on the x axis
    expect(svgTexts(svg)).toEqual(expect.arrayContaining(['1', '10', '100', '1,000']));
  });

  it('PNG: signature, 2× the SVG size, not blank, series colours present', async () => {
    const svg = await renderSvg(syntheticLinearPanel());
    const png = await svgToPng(svg, 2);
    expect(hasPngSignature(png)).toBe(true);
    const { width, height } = svgSize(svg);
    const decoded = decodePng(png);
    expect(decoded.width).toBe(Math.round(2 * width));
    expect(decoded.height).toBe(Math.round(2 * height));
    const whole = regionStats(decoded, 0, 0, decoded.width, decoded.height);
    expect(whole.variance).toBeGreaterThan(100);
    expect(containsColour(decoded, PALETTE[0])).toBe(true);
    expect(containsColour(decoded, PALETTE[1])).toBe(true);
  });

  it('text really renders: the title band has ink with the bundled font and none without any font', async () => {
    const svg = await renderSvg(syntheticLinearPanel());
    const withFont = decodePng(await svgToPng(svg, 2));
    // title sits in the top-left; same band rendered with no fonts available must be empty
    const band = [0, 0, Math.min(900, withFont.width), 70] as const;
    const inked = regionStats(withFont, ...band);
    expect(inked.dark).toBeGreaterThan(500);
    const noFont = new Resvg(svg, {
      fitTo: { mode: 'zoom', value: 2 },
      background: '#ffffff',
      font: { fontFiles: [], loadSystemFonts: false },
    }).render();
    const blank = decodePng(noFont.asPng());
    expect(regionStats(blank, ...band).dark).toBe(0);
    expect(FONT_FILES.every((f) => f.endsWith('.ttf'))).toBe(true);
  });
});
