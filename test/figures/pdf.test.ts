/**
 * The vector PDF of a figure, read back with an independent reader (pdf-reader.ts, from the PDF
 * reference): a valid file (header, xref offsets, trailer, %%EOF), one page of the SVG's size,
 * the DejaVu fonts embedded, and the figure's text on the page with subscripts as their own runs.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { svgToPdf } from '../../src/figures/pdf.js';
import { reproduce } from '../../src/figures/reproduce.js';
import { renderSvg } from '../../src/figures/render.js';
import { pageText, pages, parsePdf } from './pdf-reader.js';
import { syntheticLinearPanel, syntheticLogPanel } from './synthetic-panels.js';

function svgSize(svg: string): [number, number] {
  const m = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg)!;
  return [Number(m[1]), Number(m[2])];
}

describe('svgToPdf', () => {
  it('writes a valid one-page PDF of the SVG size with the fonts embedded and the text present', async () => {
    const panel = syntheticLinearPanel();
    const svg = await renderSvg(panel);
    const pdf = parsePdf(await svgToPdf(svg));
    expect(Number(pdf.version)).toBeGreaterThanOrEqual(1.3);
    const size = /\/Size (\d+)/.exec(pdf.trailer);
    expect(Number(size![1])).toBe(Math.max(...pdf.xref.keys()) + 1);
    const all = pages(pdf);
    expect(all).toHaveLength(1);
    const box = /\/MediaBox \[([^\]]*)\]/.exec(all[0].dict)![1].trim().split(/\s+/).map(Number);
    expect(box.slice(2)).toEqual(svgSize(svg));
    const fonts = [...pdf.objects.values()].filter((o) => /\/FontFile2/.test(o.dict));
    expect(fonts).toHaveLength(2);
    expect(
      [...pdf.objects.values()].filter((o) => /\/BaseFont \/\w+\+DejaVuSans(-Bold)?\b/.test(o.dict)).length,
    ).toBeGreaterThanOrEqual(2);

    const shown = pageText(pdf, all[0]);
    expect(shown.join('')).not.toContain('\uFFFD');
    expect(shown).toContain(panel.title);
    expect(shown).toContain('χ = 1');
    // 'T_R (mK)': the subscript is a run of its own, between 'T' and ' (mK)'.
    const at = shown.findIndex((s, k) => s === 'T' && shown[k + 1] === 'R' && shown[k + 2] === ' (mK)');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(shown.some((s) => s.includes('_'))).toBe(false);
  });

  it('draws lines as vector paths (no raster for a line panel) and a log panel too', async () => {
    for (const panel of [syntheticLinearPanel(), syntheticLogPanel()]) {
      const pdf = parsePdf(await svgToPdf(await renderSvg(panel)));
      const content = pages(pdf)[0];
      const stream = pdf.objects
        .get(Number(/\/Contents (\d+) 0 R/.exec(content.dict)![1]))!
        .stream!.toString();
      expect((stream.match(/ l\n/g) ?? []).length).toBeGreaterThan(100); // line-to operators
      expect([...pdf.objects.values()].some((o) => /\/Subtype \/Image/.test(o.dict))).toBe(false);
    }
  });

  it('reproduce --format pdf writes fig<panel>.pdf (and nothing it was not asked for)', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ndtc-pdf-')), 'figs');
    try {
      await reproduce({ out, only: ['1c'], formats: ['pdf'], quiet: true });
      expect(readdirSync(out).sort()).toEqual(['fig1c.pdf', 'report.json', 'report.md']);
      const pdf = parsePdf(readFileSync(join(out, 'fig1c.pdf')));
      expect(pageText(pdf, pages(pdf)[0])).toContain('Fig. 1c — Zero-bias NIS resistance');
    } finally {
      rmSync(join(out, '..'), { recursive: true, force: true });
    }
  });
});
