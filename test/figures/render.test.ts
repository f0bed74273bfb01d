import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, PALETTE, panelSpec, renderSvg, svgToPng } from '../../src/figures/render.js';
import { decodePng, hasPngSignature, regionStats, containsColour } from './png.js';
import { syntheticLinearPanel, syntheticLogPanel } from './synthetic-panels.js';
import { checkWellFormed, svgTexts } from './xml.js';

interface Legend {
  /** The legend's aria-label (says what it is for). */
  aria: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Each entry's label and the stroke-dasharray of its swatch ('' when solid by default). */
  entries: { label: string; dash: string }[];
}

/** The legends of a vega SVG: position, size and entries. */
function svgLegends(svg: string): Legend[] {
  const parts = svg.split('<g class="mark-group role-legend" ').slice(1);
  return parts.map((part) => {
    const head =
      /aria-label="([^"]*)"><g transform="translate\(([\d.-]+),([\d.-]+)\)"><path class="background"[^>]* d="M0,0h([\d.]+)v([\d.]+)/.exec(
        part,
      );
    if (!head) throw new Error(`unrecognised legend markup: ${part.slice(0, 200)}`);
    const entries = [
      ...part.matchAll(
        /<g class="mark-symbol role-legend-symbol"[^>]*><path([^>]*)\/><\/g><g class="mark-text role-legend-label"[^>]*>(<text[\s\S]*?<\/text>)/g,
      ),
    ].map((m) => ({ label: svgTexts(m[2])[0], dash: /stroke-dasharray="([^"]*)"/.exec(m[1])?.[1] ?? '' }));
    const [, aria, x, y, width, height] = head;
    return { aria, x: +x, y: +y, width: +width, height: +height, entries };
  });
}

const SOLID = ['', '1,0'];

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

  it('legend swatches show the dash of the curve they name', async () => {
    const panel = syntheticLinearPanel(); // χ = 1 on Ag (solid), χ = 2 on InAsOI (dashed)
    const entries = svgLegends(await renderSvg(panel)).flatMap((l) => l.entries);
    expect(entries.find((e) => e.label === 'χ = 1')?.dash).toBeOneOf(SOLID);
    expect(entries.find((e) => e.label === 'χ = 2')?.dash).toBe('7,4');
    const log = svgLegends(await renderSvg(syntheticLogPanel())).flatMap((l) => l.entries);
    expect(log.find((e) => e.label === 'γ = 1e-3')?.dash).toBe('7,4'); // dash without a platform
    expect(log.find((e) => e.label === 'γ = 1e-4')?.dash).toBeOneOf(SOLID);
    expect(log.find((e) => e.label === 'reference')?.dash).toBeOneOf(SOLID);
  });

  it('one platform: the curves and their swatches carry its dash, and no platform legend repeats it', async () => {
    for (const platform of ['inas', 'ag'] as const) {
      const base = syntheticLogPanel();
      const panel = {
        ...base,
        series: [
          { ...base.series[0], name: 'δT', platform },
          { ...base.series[2], name: 'setup 1 (Fig. 3)', platform },
        ],
        markers: [{ x: 10, y: 100, kind: 'J_in of panel 4c', series: 'δT' }],
      };
      const svg = await renderSvg(panel);
      const legends = svgLegends(svg);
      const entries = legends.flatMap((l) => l.entries.map((e) => e.label));
      expect(entries).toEqual(['δT', 'setup 1 (Fig. 3)', 'Jin of panel 4c']);
      expect(legends.some((l) => l.aria.includes('strokeDash'))).toBe(false);
      const dashes = legends[0].entries.map((e) => e.dash);
      if (platform === 'inas') expect(dashes).toEqual(['7,4', '7,4']);
      else for (const d of dashes) expect(d).toBeOneOf(SOLID);
      const lines = [...svg.matchAll(/<path [^>]*stroke-width="2"[^>]*>/g)].map((m) => m[0]);
      expect(lines.length).toBeGreaterThanOrEqual(2);
      for (const line of lines) expect(line.includes('stroke-dasharray="7,4"')).toBe(platform === 'inas');
    }
  });

  it('two platforms: a titled platform legend, clear of the other legends', async () => {
    const legends = svgLegends(await renderSvg(syntheticLinearPanel()));
    const platform = legends.filter((l) => l.aria.includes("titled 'platform'"));
    expect(platform).toHaveLength(1);
    expect(platform[0].entries.map((e) => [e.label, e.dash])).toEqual([
      ['Ag', '1,0'],
      ['InAsOI', '7,4'],
    ]);
    expect(legends).toHaveLength(3); // curves, platform, marker kinds
    const row = [...legends].sort((a, b) => a.x - b.x);
    for (let i = 1; i < row.length; i++) {
      const [a, b] = [row[i - 1], row[i]];
      const sameRow = a.y < b.y + b.height && b.y < a.y + a.height;
      if (sameRow) expect(b.x - (a.x + a.width)).toBeGreaterThanOrEqual(16);
    }
  });

  it('a linear y axis leaves room past the data (−0.3965 is not on the frame at −0.4), but none below a zero start', async () => {
    const base = syntheticLinearPanel();
    const responsivity = {
      ...base,
      markers: [],
      intervals: undefined,
      series: [{ name: 'r', x: [0, 1, 2], y: [0.1, -0.3965, 0.999] }],
    };
    const spec = panelSpec(responsivity) as unknown as {
      layer: { encoding: { y: { scale: { domain: number[] } } } }[];
    };
    const [lo, hi] = spec.layer[0].encoding.y.scale.domain;
    expect(lo).toBeLessThan(-0.3965 - 0.02 * 1.3955);
    expect(hi).toBeGreaterThan(0.999 + 0.02 * 1.3955);
    const drop = {
      ...base,
      markers: [],
      intervals: undefined,
      series: [{ name: 'δT', x: [1, 2, 3], y: [0, 22.4, 16.5] }],
    };
    const dropDomain = (panelSpec(drop) as unknown as typeof spec).layer[0].encoding.y.scale.domain;
    expect(dropDomain[0]).toBe(0);
    const yAxis = /aria-label="Y-axis titled '[^']*' for a linear scale with values from ([^ ]+) to/.exec(
      await renderSvg(drop),
    )!;
    expect(yAxis[1]).toBe('0');
  });

  it('a horizontal rule is labelled where no curve runs: below it when a curve passes just above at the right', async () => {
    const label = (y: number[]) => {
      const panel = {
        ...syntheticLinearPanel(),
        markers: [],
        intervals: undefined,
        series: [{ name: 'δT', x: [1, 2, 3, 4, 5, 6], y }],
        rules: [{ axis: 'y' as const, value: 10, label: '10 mK' }],
      };
      const spec = panelSpec(panel) as unknown as {
        layer: { layer?: { mark: { baseline?: string; align?: string } }[] }[];
      };
      return spec.layer.find((l) => l.layer)!.layer![1].mark;
    };
    expect(label([0, 20, 30, 25, 15, 2])).toMatchObject({ align: 'right', baseline: 'alphabetic' });
    expect(label([0, 20, 30, 25, 15, 10.8])).toMatchObject({ align: 'right', baseline: 'top' });
  });

  it('log axes drop non-positive values instead of failing', async () => {
    const spec = panelSpec(syntheticLogPanel()) as unknown as {
      layer: { data: { values: { y: number }[] } }[];
    };
    expect(spec.layer[0].data.values.every((r) => r.y > 0)).toBe(true);
    const svg = await renderSvg(syntheticLogPanel());
    checkWellFormed(svg);
    // log ticks: 1, 10, 100 and 1000 fW on the x axis (up to 10000 on y), with no thousands separator
    const texts = svgTexts(svg);
    expect(texts).toEqual(expect.arrayContaining(['1', '10', '100', '1000', '10000']));
    expect(texts.filter((t) => /\d,\d/.test(t))).toEqual([]);
  });

  it('a log axis ending just past a label shows no two labels closer than 4 px (0.01–30 fW: 20, not 30)', async () => {
    const x = Array.from({ length: 60 }, (_, i) => 0.01 * 3000 ** (i / 59));
    const svg = await renderSvg({
      ...syntheticLogPanel(),
      xDomain: undefined,
      rules: [],
      yScale: 'linear',
      series: [{ name: 'α', x, y: x.map((v) => -Math.log10(v)) }],
    });
    // vega hides an overlapping label with opacity 0
    const shown = [...svg.matchAll(/<text\b[^>]*\bopacity="([\d.]+)"[^>]*>([^<]*)<\/text>/g)]
      .filter((m) => Number(m[1]) > 0)
      .map((m) => m[2]);
    expect(shown).toContain('20');
    expect(shown).not.toContain('30');
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
