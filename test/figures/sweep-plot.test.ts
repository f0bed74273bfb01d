/**
 * What a sweep plot shows, from its vega-lite spec and SVG, on sweep directories written here with
 * analytic fields (no physics): titles in the unit of the ticks and device axes in the user's units,
 * subscripts set, a diverging colour map centred on zero with the zero contour where the analytic
 * field vanishes, discrete colours for counts, one curve per value of a list axis, small multiples
 * for three axes, and the hysteresis legend.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { displayUnit } from '../../src/figures/display-unit.js';
import { specToSvg, svgToPng } from '../../src/figures/render.js';
import { platformDevice } from '../../src/index.js';
import { openSweepDirectory, readManifest } from '../../src/sweep/directory.js';
import type { Hysteresis } from '../../src/sweep/hysteresis.js';
import { hysteresisPlotSpec } from '../../src/sweep/hysteresis-plot.js';
import { evenIndices, plotLayout, sweepPlotSpec } from '../../src/sweep/plot.js';
import { coordinates, defaultChunkSize, type Axis, type SweepSpec } from '../../src/sweep/spec.js';
import { decodePng } from './png.js';
import { svgTexts } from './xml.js';

const tmp = mkdtempSync(join(tmpdir(), 'ndtc-sweep-plot-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const range = (a: number, b: number, n: number): number[] =>
  Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));

/**
 * A sweep directory whose results.jsonl holds `value(coordinates)` for each point (direct mode:
 * one value per point; with `counts`, a point-level n_roots beside one root's T_L).
 */
function writeSweep(
  name: string,
  axes: Axis[],
  output: string,
  value: (c: number[]) => number,
  counts?: (c: number[]) => number,
): string {
  const dir = join(tmp, name);
  const points = axes.reduce((n, a) => n * a.values.length, 1);
  const spec: SweepSpec = {
    device: platformDevice('ag'),
    fixed: counts ? { setup: 1 } : { setup: 1, T_L: 0.5 },
    axes,
    outputs: counts ? ['T_L', 'n_roots'] : [output],
    mode: counts ? 'balance' : 'direct',
    TRrange: [0.01, 0.8],
    chunkSize: defaultChunkSize(points),
  };
  openSweepDirectory(dir, spec, false);
  const lines: string[] = [];
  for (let index = 0; index < points; index++) {
    const c = coordinates(axes, index);
    const record: Record<string, unknown> = { index };
    axes.forEach((a, k) => (record[a.name] = c[k]));
    if (counts) Object.assign(record, { n_roots: counts(c), exceedsTc: false, roots: [{ T_L: value(c) }] });
    else record[output] = value(c);
    lines.push(JSON.stringify(record));
  }
  writeFileSync(join(dir, 'results.jsonl'), lines.join('\n') + '\n');
  return dir;
}

// Loosely typed views of the generated vega-lite specs.
type Layer = {
  mark: string | { type: string; color?: string };
  data?: { values: Record<string, number | string>[] };
  encoding?: Record<string, { title?: string; type?: string; scale?: Record<string, unknown> }>;
  layer?: Layer[];
};
type View = { layer: Layer[]; title?: { text: string } };
type Top = View & { concat?: View[]; title: { text: string; subtitle: string[] } };
const markType = (l: Layer): string => (typeof l.mark === 'string' ? l.mark : l.mark?.type);

async function plotOf(dir: string, quantity: string): Promise<{ spec: Top; svg: string }> {
  const spec = (await sweepPlotSpec(dir, readManifest(dir, '--out'), quantity)) as unknown as Top;
  return { spec, svg: await specToSvg(spec as never) };
}

describe('display units', () => {
  it('device quantities in the units people write: 1 Ω·µm² = 1e-12 Ω·m², 1 fF/µm² = 1e-3 F/m², 1 µm³ = 1e-18 m³', () => {
    expect(displayUnit('ohm*m^2', [2e-12])).toEqual({ unit: 'Ω·µm²', factor: 1e12 });
    expect(displayUnit('F/m^2', [0.05])).toEqual({ unit: 'fF/µm²', factor: 1e3 });
    expect(displayUnit('m^3', [5.2e-21])).toEqual({ unit: 'µm³', factor: 1e18 });
    expect(displayUnit('K', [0.01, 0.8])).toEqual({ unit: 'mK', factor: 1e3 });
    expect(displayUnit('K', [0.3, 1.1])).toEqual({ unit: 'K', factor: 1 });
    expect(displayUnit('K/K', [0.5]).unit).toBe('');
  });

  it('powers and conductances: the largest shown value lies in (0.999, 1000] (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-17, max: 1e-4, noNaN: true }),
        fc.constantFrom('W', 'W/K'),
        (max, unit) => {
          const u = displayUnit(unit, [max / 7, -max]);
          const shown = max * u.factor;
          expect(shown).toBeGreaterThan(0.999);
          expect(shown).toBeLessThanOrEqual(1000.1);
          expect(u.unit.endsWith(unit)).toBe(true);
        },
      ),
    );
  });
});

describe('layout', () => {
  const axis = (name: string, n: number): Axis => ({ name, values: range(1, n, n), log: false });

  it('a short list against a long range: one curve per value; two long axes: a heat map', () => {
    expect(plotLayout([axis('chi', 5), axis('T_R', 40)])).toMatchObject({ x: 1, curves: 0 });
    expect(plotLayout([axis('T_R', 40), axis('chi', 5)])).toMatchObject({ x: 0, curves: 1 });
    expect(plotLayout([axis('T_R', 40), axis('chi', 30)])).toMatchObject({ x: 0, y: 1 });
    expect(plotLayout([axis('T_R', 4), axis('chi', 5)])).toMatchObject({ x: 0, y: 1 });
  });

  it('three axes and more: facets over the third, further axes held', () => {
    expect(plotLayout([axis('a', 20), axis('b', 20), axis('c', 4), axis('d', 3)])).toMatchObject({
      x: 0,
      y: 1,
      facet: 2,
      held: [3],
    });
  });

  it('evenIndices: at most n, both ends, strictly increasing, even steps (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 2, max: 12 }), (length, n) => {
        const idx = evenIndices(length, n);
        expect(idx.length).toBe(Math.min(length, n));
        expect(idx[0]).toBe(0);
        expect(idx[idx.length - 1]).toBe(length - 1);
        for (let k = 1; k < idx.length; k++) {
          expect(idx[k]).toBeGreaterThan(idx[k - 1]);
          expect(Math.abs(idx[k] - idx[k - 1] - (length - 1) / (idx.length - 1))).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

describe('heat map of a signed quantity over a device axis', () => {
  // κ_γ = (T_R − 250 mK) · 1e-12 W/K²: zero at T_R = 250 mK, |κ| ≤ 250 fW/K.
  const dir = writeSweep(
    'signed',
    [
      { name: 'right.junction.r0', values: range(1e-12, 20e-12, 20), log: false },
      { name: 'T_R', values: range(0.01, 0.49, 25), log: false },
    ],
    'kappa_gamma',
    ([, TR]) => (TR - 0.25) * 1e-12,
  );

  it('titles in the ticks’ units, diverging map centred on zero, the zero contour at 250 mK, labelled', async () => {
    const { spec, svg } = await plotOf(dir, 'kappa_gamma');
    const [image, legend] = spec.layer;
    expect(markType(image)).toBe('image');
    expect(image.encoding!.x.title).toBe('right.junction.r0 (Ω·µm²)');
    expect(image.encoding!.y.title).toBe('T_R (mK)');
    // Cells around r0 = 1 … 20 Ω·µm² (1e-12 … 2e-11 Ω·m²): the map covers the swept range, no more.
    expect(image.encoding!.x.scale!.domain).toEqual([1, 20]);
    expect(image.encoding!.y.scale!.domain).toEqual([10, 490]);
    const colour = legend.encoding!.color;
    expect(colour.title).toBe('κ_γ (fW/K)');
    expect(colour.scale!.scheme).toBe('blueorange');
    const [lo, hi] = colour.scale!.domain as number[];
    expect(lo).toBeCloseTo(-hi, 9);
    expect(hi).toBeCloseTo(Math.max(250 - 10, 490 - 250), 6);
    const zero = spec.layer.find(
      (l) => markType(l) === 'rule' && (l.mark as { color?: string }).color === 'black',
    )!;
    expect(zero.data!.values.length).toBeGreaterThan(10);
    for (const s of zero.data!.values) {
      expect(s.y as number).toBeCloseTo(250, 6);
      expect(s.y2 as number).toBeCloseTo(250, 6);
    }
    // The zero contour runs across the whole drawn area: from its left edge to its right one.
    const xs = zero.data!.values.flatMap((s) => [s.x as number, s.x2 as number]);
    expect(Math.min(...xs)).toBeCloseTo(1, 9);
    expect(Math.max(...xs)).toBeCloseTo(20, 9);
    // So do the other contours: each ends on the map's edge (x = 1 or 20), none short of it.
    const contours = spec.layer.find(
      (l) => markType(l) === 'rule' && (l.mark as { color?: string }).color === 'white',
    )!;
    const cx = contours.data!.values.flatMap((s) => [s.x as number, s.x2 as number]);
    expect(Math.min(...cx)).toBeCloseTo(1, 9);
    expect(Math.max(...cx)).toBeCloseTo(20, 9);
    const texts = svgTexts(svg);
    expect(texts).toContain('κγ = 0');
    expect(texts).toContain('right.junction.r0 (Ω·µm²)');
    expect(texts).toContain('TR (mK)');
    // ticks in Ω·µm² (not 1e-12), at round values over 1–20
    expect(texts).toEqual(expect.arrayContaining(['5', '10', '15', '20']));
    expect(spec.title.subtitle.join(' ')).toContain('contours at −200, −100, 100, 200 fW/K');
    expect(texts.some((t) => /e-\d|_/.test(t))).toBe(false);
    // The subscripts are lowered, smaller tspans.
    expect(svg).toMatch(/<tspan font-size="[\d.]+px" baseline-shift="-[\d.]+">R<\/tspan> \(mK\)/);
  });
});

describe('tick labels', () => {
  it('plain numbers: 1000 and 0.001 on log axes, no thousands separator, on axes and legend', async () => {
    const dir = writeSweep(
      'ticks',
      [
        { name: 'J_in', values: Array.from({ length: 13 }, (_, i) => 1e-18 * 10 ** (i / 2)), log: true },
        { name: 'T_R', values: range(0.01, 0.8, 12), log: false },
      ],
      'T_L',
      ([J, TR]) => 0.2 + TR + 1e3 * J, // T_L from 0.21 K to 1.8 K: a legend in K
    );
    const { svg } = await plotOf(dir, 'T_L');
    const texts = svgTexts(svg);
    expect(texts).toEqual(expect.arrayContaining(['0.001', '0.01', '1000']));
    expect(texts.filter((t) => /\d,\d/.test(t))).toEqual([]);
  });
});

describe('legends', () => {
  it('a curve per value of a device path: its label whole (vega cut it at 160 px: "left.normal.volume = 20 µ…")', async () => {
    const dir = writeSweep(
      'long-labels',
      [
        { name: 'left.normal.volume', values: [2e-17, 4e-17, 8e-17], log: false },
        { name: 'T_R', values: range(0.01, 0.49, 20), log: false },
      ],
      'J_gamma',
      ([v, TR]) => 1e-15 * TR * (1 + v * 1e16),
    );
    const { svg } = await plotOf(dir, 'J_gamma');
    const texts = svgTexts(svg);
    expect(texts).toEqual(
      expect.arrayContaining(['left.normal.volume = 20 µm³', 'left.normal.volume = 80 µm³']),
    );
    expect(texts.filter((t) => t.endsWith('…'))).toEqual([]);
  });
});

describe('counts', () => {
  it('n_roots in discrete colours, one legend entry per integer, coloured by value', async () => {
    const dir = writeSweep(
      'counts',
      [
        { name: 'J_in', values: range(1e-15, 1e-13, 12), log: false },
        { name: 'T_R', values: range(0.3, 0.9, 12), log: false },
      ],
      'T_L',
      () => 0.3,
      ([J, TR]) => (J < 5e-14 && TR > 0.5 ? 3 : 1),
    );
    const { spec, svg } = await plotOf(dir, 'n_roots');
    const colour = spec.layer[1].encoding!.color;
    expect(colour.type).toBe('ordinal');
    expect(colour.scale!.domain).toEqual([1, 3]);
    const range3 = colour.scale!.range as string[];
    expect(new Set(range3).size).toBe(2);
    const texts = svgTexts(svg);
    expect(texts).toEqual(expect.arrayContaining(['number of roots', '1', '3']));
    expect(spec.title.text).toBe('number of roots');
    expect(spec.title.subtitle.join(' ')).toContain('boundaries between 1, 3');

    // The boundary follows the cells' edges: each segment is one cell edge (vertical or horizontal)
    // between two cells of different counts, and there is one for every such pair of cells.
    const J = range(1, 100, 12); // fW
    const TR = range(300, 900, 12); // mK
    const count = (a: number, b: number) => (J[a] < 50 && TR[b] > 500 ? 3 : 1);
    const mid = (v: number[], k: number) => (v[k] + v[k + 1]) / 2;
    const boundary = spec.layer.find(
      (l) => markType(l) === 'rule' && (l.mark as { color?: string }).color === 'white',
    )!.data!.values as { x: number; y: number; x2: number; y2: number }[];
    const has = (x: number, y: number, x2: number, y2: number) =>
      expect(
        boundary.some((s) => [s.x - x, s.y - y, s.x2 - x2, s.y2 - y2].every((d) => Math.abs(d) < 1e-9)),
        `a boundary segment (${x}, ${y})–(${x2}, ${y2})`,
      ).toBe(true);
    let pairs = 0;
    for (let a = 0; a < 12; a++)
      for (let b = 0; b < 12; b++) {
        if (a < 11 && count(a, b) !== count(a + 1, b)) {
          pairs++;
          has(mid(J, a), b === 0 ? TR[0] : mid(TR, b - 1), mid(J, a), b === 11 ? TR[11] : mid(TR, b));
        }
        if (b < 11 && count(a, b) !== count(a, b + 1)) {
          pairs++;
          has(a === 0 ? J[0] : mid(J, a - 1), mid(TR, b), a === 11 ? J[11] : mid(J, a), mid(TR, b));
        }
      }
    expect(boundary).toHaveLength(pairs);

    // No seams: a pixel row through the one-root region (T_R = 350 mK), across all 12 cells of J_in,
    // has that region's colour throughout (the plot area's origin from the SVG, at the PNG's 2×).
    const png = decodePng(await svgToPng(svg, 2));
    const m = /<g fill="none"[^>]*transform="translate\(([\d.]+),([\d.]+)\)"/.exec(svg)!;
    const [ox, oy] = [Number(m[1]) * 2, Number(m[2]) * 2];
    const [bottom, top] = [300, 900]; // mK: the map covers the swept T_R
    const row = Math.round(oy + ((top - 350) / (top - bottom)) * 720);
    const one = range3[0].match(/[0-9a-f]{2}/gi)!.map((h) => parseInt(h, 16));
    for (let px = Math.ceil(ox) + 1; px < ox + 960 - 1; px++) {
      const o = 4 * (row * png.width + px);
      expect(Array.from(png.rgba.subarray(o, o + 3))).toEqual(one);
    }
  });
});

describe('a list axis', () => {
  const chis = [0.5, 1, 2, 5, 10];
  const dir = writeSweep(
    'list',
    [
      { name: 'chi', values: chis, log: false },
      { name: 'T_R', values: range(0.01, 0.5, 15), log: false },
    ],
    'kappa_gamma',
    ([chi, TR]) => chi * (TR - 0.2) * 1e-13,
  );

  it('is drawn as one curve per value with a legend, values in the title’s unit, and a zero line', async () => {
    const { spec, svg } = await plotOf(dir, 'kappa_gamma');
    const lines = spec.layer[0];
    expect(markType(lines)).toBe('line');
    const names = chis.map((c) => `χ = ${c}`);
    expect(lines.encoding!.color.scale!.domain).toEqual(names);
    expect(lines.encoding!.y.title).toBe('κ_γ (fW/K)');
    expect(lines.encoding!.x.title).toBe('T_R (mK)');
    const rows = lines.data!.values;
    for (const [k, chi] of chis.entries()) {
      const curve = rows.filter((r) => r.curve === names[k]);
      expect(curve).toHaveLength(15);
      for (const r of curve) {
        expect(r.y as number).toBeCloseTo(chi * ((r.x as number) / 1e3 - 0.2) * 1e-13 * 1e15, 9);
      }
    }
    const zero = spec.layer[1].layer!;
    expect(markType(zero[0])).toBe('rule');
    const texts = svgTexts(svg);
    expect(texts).toEqual(expect.arrayContaining([...names, 'κγ = 0']));
  });
});

describe('three axes', () => {
  it('small multiples over the third axis: at most 9 panels, its values evenly chosen with both ends', async () => {
    const gammas = Array.from({ length: 12 }, (_, i) => 1e-4 * (i + 1));
    const dir = writeSweep(
      'three',
      [
        { name: 'chi', values: [1, 2, 4], log: false },
        { name: 'T_R', values: range(0.01, 0.5, 10), log: false },
        { name: 'gamma', values: gammas, log: false },
      ],
      'J_gamma',
      ([chi, TR, g]) => chi * TR * g * 1e-9,
    );
    const { spec, svg } = await plotOf(dir, 'J_gamma');
    expect(spec.concat).toHaveLength(9);
    const titles = spec.concat!.map((v) => v.title!.text);
    expect(titles[0]).toBe('γ = 0.0001');
    expect(titles[8]).toBe('γ = 0.0012');
    const shown = titles.map((t) => Number(t.split('= ')[1]));
    for (let k = 1; k < shown.length; k++) expect(shown[k]).toBeGreaterThan(shown[k - 1]);
    expect(svgTexts(svg)).toEqual(expect.arrayContaining(titles));
    // Not every value has its panel: the subtitle says how many do.
    expect(spec.title.subtitle[0]).toBe('one panel per γ (9 of its 12 values, evenly chosen)');
  });

  it('small heat maps: the colour bar labels round values inside the data, where they lie on the bar', async () => {
    // T_L from 367.8 to 565.3 mK: vega's own labels for a short bar were the ends, written 400 and 600.
    const [lo, hi] = [0.36776457, 0.5652785];
    const dir = writeSweep(
      'three-maps',
      [
        { name: 'T_R', values: range(0.01, 0.8, 9), log: false },
        { name: 'chi', values: range(0.5, 10, 10), log: false },
        { name: 'gamma', values: [1e-4, 2e-4, 3e-4], log: false },
      ],
      'J_gamma',
      ([TR, chi, g]) => (lo + (((hi - lo) * (TR - 0.01)) / 0.79) * (chi / 10) * (g / 3e-4)) * 1e-13,
    );
    const { svg } = await plotOf(dir, 'J_gamma');
    const legend = svg.slice(svg.indexOf('role-legend-label'), svg.indexOf('role-legend-title'));
    const labels = [...legend.matchAll(/translate\(\d+,([\d.]+)\)[^>]*>([^<]+)</g)].map((m) => ({
      y: Number(m[1]),
      value: Number(m[2]),
    }));
    expect(labels.map((l) => l.value)).toEqual([40, 45, 50, 55]); // fW: the data run from 36.8 to 56.5
    // Evenly spaced on the bar, in order: each label where its value lies.
    const gaps = labels.slice(1).map((l, k) => labels[k].y - l.y);
    for (const gap of gaps) expect(gap).toBeCloseTo(gaps[0], 6);
  });
});

describe('small multiples of a signed quantity over a log axis', () => {
  it('name the dashed zero line in the subtitle, not in each panel, and keep log labels apart', async () => {
    const dir = writeSweep(
      'signed-facets',
      [
        { name: 'chi', values: [1, 2], log: false },
        { name: 'J_in', values: range(1, 3, 25).map((e) => 10 ** (e - 15)), log: true },
        { name: 'T_R', values: range(0.01, 0.8, 5), log: false },
      ],
      'dTL_dTR',
      ([chi, Jin, TR]) => chi * (TR - 0.3) * Math.log10(Jin * 1e15),
    );
    const { spec, svg } = await plotOf(dir, 'dTL_dTR');
    expect(spec.concat).toHaveLength(5);
    const texts = svgTexts(svg);
    // the subtitle's lines are one <text>
    expect(texts.some((t) => t.endsWith('dashed: dTL/dTR = 0'))).toBe(true);
    expect(texts).not.toContain('dTL/dTR = 0');
    // 10–1000 fW in a 300 px panel: vega's greedy rule kept 30, 40 and 50 touching ("30 4050").
    // (vega hides an overlapping label with opacity 0)
    const shown = (label: string) =>
      [...svg.matchAll(/<text\b[^>]*\bopacity="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].filter(
        (m) => m[2] === label && Number(m[1]) > 0,
      ).length;
    expect(shown('40')).toBe(5);
    expect(shown('50')).toBe(0);
  });
});

describe('hysteresis', () => {
  it('has a legend naming the sweep up, the sweep down and the other roots, drawn differently', async () => {
    const step = (direction: 'up' | 'down', value: number, T_L: number, roots: number[]) => ({
      direction,
      value,
      T_L,
      dTL_dTR: 0,
      roots,
      stableRoots: 2,
      jump: false,
      exceedsTc: false,
    });
    const h: Hysteresis = {
      parameter: 'J_in',
      steps: [
        step('up', 1e-16, 0.15, [0.15, 0.25, 0.4]),
        step('up', 2e-15, 0.42, [0.42]),
        step('down', 2e-15, 0.42, [0.42]),
        step('down', 1e-16, 0.4, [0.15, 0.25, 0.4]),
      ],
      loops: [{ from: 1e-16, to: 2e-15, maxSplit: 0.25 }],
      bistableValues: [1e-16],
    };
    const spec = hysteresisPlotSpec(h, true) as unknown as View;
    const line = spec.layer[1];
    const dash = line.encoding!.strokeDash.scale!;
    expect(dash.domain).toEqual(['sweep up', 'sweep down', 'other roots']);
    const [up, down] = dash.range as number[][];
    expect(up).not.toEqual(down);
    expect(line.encoding!.x.title).toBe('J_in (fW)');
    expect(line.encoding!.y.title).toBe('T_L (mK)');
    const texts = svgTexts(await specToSvg(spec as never));
    expect(texts).toEqual(expect.arrayContaining(['sweep up', 'sweep down', 'other roots', 'Jin (fW)']));
  });

  it('a T_R sweep from 300 mK: the axis spans the sweep, not from 0', async () => {
    const steps = [0.3, 0.6, 0.9].map((value) => ({
      direction: 'up' as const,
      value,
      T_L: 0.4,
      dTL_dTR: 0,
      roots: [0.4],
      stableRoots: 1,
      jump: false,
      exceedsTc: false,
    }));
    const h: Hysteresis = { parameter: 'T_R', steps, loops: [], bistableValues: [] };
    const svg = await specToSvg(hysteresisPlotSpec(h, false) as never);
    const xAxis =
      /aria-label="X-axis titled '[^']*' for a linear scale with values from ([\d.]+) to ([\d.]+)"/.exec(
        svg,
      )!;
    expect([Number(xAxis[1]), Number(xAxis[2])]).toEqual([300, 900]);
  });
});

describe('a line chart of several roots', () => {
  it('breaks every line where the number of roots changes: root 1 does not jump between branches', async () => {
    // 10 values of J_in: three roots (cold, middle, hot) on the first 6, the hot one alone after.
    const axes: Axis[] = [{ name: 'J_in', values: range(1e-16, 1e-15, 10), log: false }];
    const dir = join(tmp, 'branches');
    const spec: SweepSpec = {
      device: platformDevice('ag'),
      fixed: { setup: 1, T_R: 0.7 },
      axes,
      outputs: ['T_L'],
      mode: 'balance',
      TRrange: [0.01, 0.8],
      chunkSize: defaultChunkSize(10),
    };
    openSweepDirectory(dir, spec, false);
    const rootsAt = (i: number): number[] =>
      i < 6 ? [0.14 + 0.01 * i, 0.27, 0.4 + 0.001 * i] : [0.41 + 0.001 * i];
    const lines = axes[0].values.map((v, index) =>
      JSON.stringify({ index, J_in: v, exceedsTc: false, roots: rootsAt(index).map((T_L) => ({ T_L })) }),
    );
    writeFileSync(join(dir, 'results.jsonl'), lines.join('\n') + '\n');
    const { spec: plot } = await plotOf(dir, 'T_L');
    const line = plot.layer.find((l) => markType(l) === 'line')!;
    const rows = line.data!.values as { x: number; y: number; root: string; piece: string }[];
    expect((line.encoding as Record<string, { field?: string }>).detail.field).toBe('piece');
    // Each drawn piece holds points of one root count only; root 1 is two pieces (cold, then hot).
    const countAt = (x: number) =>
      rootsAt(axes[0].values.findIndex((v) => Math.abs(v * 1e15 - x) < 1e-9)).length;
    const pieces = new Map<string, Set<number>>();
    for (const r of rows) pieces.set(r.piece, (pieces.get(r.piece) ?? new Set()).add(countAt(r.x)));
    for (const counts of pieces.values()) expect(counts.size).toBe(1);
    expect(new Set(rows.filter((r) => r.root === 'root 1').map((r) => r.piece)).size).toBe(2);
  });
});
