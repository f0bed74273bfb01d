/**
 * Rendering of a Panel: vega-lite spec → headless vega View → SVG; PNG from that SVG with resvg,
 * using the DejaVu Sans files shipped in the `dejavu-fonts-ttf` package so that text renders the same
 * on every machine (no system fonts are consulted).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { TopLevelSpec } from 'vega-lite';
import { NUMBER_FORMAT, roomyDomain } from './display-unit.js';
import { PLATFORM_LABEL } from './study.js';
import type { PlatformName } from '../index.js';
import type { Panel, Series } from './panel.js';
import { setSubscripts } from './subscripts.js';
import { encodePng } from './png.js';
import { loadVega } from './vega.js';

/** Okabe–Ito, reordered so the first colours are the most distinct on white; yellow is left out. */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];
const REFERENCE_GREY = '#9a9a9a';
const FONT = 'DejaVu Sans';
const WIDTH = 520;
const HEIGHT = 340;

const require = createRequire(import.meta.url);
/** The full DejaVu Sans faces (regular for labels, bold for titles). */
export const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) =>
  require.resolve(`dejavu-fonts-ttf/ttf/${f}`),
);
const fontFile = (name: string): string => fileURLToPath(new URL(`../../fonts/${name}`, import.meta.url));
/**
 * Subsets of the same faces (scripts/subset-fonts.sh): resvg pays for a face's size at every glyph,
 * so text is shaped ~3× faster from them, to the same pixels.
 */
const SUBSET_FONT_FILES = ['DejaVuSans-subset.ttf', 'DejaVuSans-Bold-subset.ttf'].map(fontFile);

let outsideSubsets: RegExp | undefined;

/**
 * The fonts an SVG is drawn with: the subsets when they hold its every character, else the full
 * faces (resvg's fallback from a subset would pick a face by coverage alone, drawing bold text with
 * the regular face).
 */
export function rasterFonts(svg: string): string[] {
  outsideSubsets ??= (() => {
    const { runs } = JSON.parse(readFileSync(fontFile('subset-coverage.json'), 'utf8')) as {
      runs: [number, number][];
    };
    const hex = (c: number) => `\\u{${c.toString(16)}}`;
    // ASCII control characters are markup (line breaks), never drawn
    return new RegExp(`[^\\u{0}-\\u{1f}${runs.map(([a, b]) => `${hex(a)}-${hex(b)}`).join('')}]`, 'u');
  })();
  return outsideSubsets.test(svg) ? FONT_FILES : SUBSET_FONT_FILES;
}

interface Row {
  series: string;
  segment: string;
  /** The line's dash pattern, drawn as is (no scale). */
  dash: number[];
  x: number;
  y: number;
}

/** Dash patterns: a curve and its legend swatch use the same one. */
const DASHED = [7, 4];
const SOLID = [1, 0];
/** The platform convention of Figs. 3–4: Ag solid, InAsOI dashed. */
const PLATFORM_DASHED: Record<PlatformName, boolean> = { ag: false, inas: true };

/** Whether a series is drawn dashed: asked to be, or by its platform's convention. */
function isDashed(s: Series): boolean {
  return s.dash === true || (s.platform !== undefined && PLATFORM_DASHED[s.platform]);
}

function usable(v: number, scale: Panel['xScale']): boolean {
  return Number.isFinite(v) && (scale === 'linear' || v > 0);
}

/** Lines become rows; a gap (NaN, or ≤ 0 on a log axis) starts a new segment so lines break there. */
function lineRows(panel: Panel): Row[] {
  const rows: Row[] = [];
  // Reference curves first, so that they are drawn under the panel's own where both coincide.
  const ordered = [...panel.series.filter((s) => s.reference), ...panel.series.filter((s) => !s.reference)];
  for (const s of ordered) {
    const dash = isDashed(s) ? DASHED : SOLID;
    let segment = 0;
    let open = false;
    for (let i = 0; i < s.x.length; i++) {
      const ok = usable(s.x[i], panel.xScale) && usable(s.y[i], panel.yScale);
      if (!ok) {
        if (open) segment++;
        open = false;
        continue;
      }
      open = true;
      rows.push({ series: s.name, segment: `${s.name}#${segment}`, dash, x: s.x[i], y: s.y[i] });
    }
  }
  return rows;
}

/** A linear y domain with room past the curves, rules and markers (roomyDomain), made nice. */
function linearYDomain(panel: Panel, rows: Row[]): { domain?: [number, number]; nice: boolean } {
  const domain = roomyDomain([
    ...rows.map((r) => r.y),
    ...(panel.rules ?? []).filter((r) => r.axis === 'y').map((r) => r.value),
    ...(panel.markers ?? []).map((m) => m.y),
  ]);
  return domain === undefined ? { nice: true } : { domain, nice: true };
}

/**
 * Where a horizontal rule's label goes: just above the rule at the right end, else the first of below
 * it at the right, above or below it at the left, where no curve passes (within 8 % of the plot's
 * height, in the last or first sixth of its width).
 */
function ruleLabelPlace(panel: Panel, rows: Row[], value: number): { left: boolean; below: boolean } {
  const pos = (x: number): number => (panel.xScale === 'log' ? Math.log(x) : x);
  const height = (y: number): number => (panel.yScale === 'log' ? Math.log(y) : y);
  let [xlo, xhi, ylo, yhi] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const r of rows) {
    [xlo, xhi] = [Math.min(xlo, pos(r.x)), Math.max(xhi, pos(r.x))];
    [ylo, yhi] = [Math.min(ylo, height(r.y)), Math.max(yhi, height(r.y))];
  }
  const band = 0.08 * (yhi - ylo);
  const sixth = (xhi - xlo) / 6;
  const v = height(value);
  const clear = (left: boolean, below: boolean): boolean =>
    !rows.some((r) => {
      const [x, y] = [pos(r.x), height(r.y)];
      const inX = left ? x <= xlo + sixth : x >= xhi - sixth;
      const inY = below ? y <= v && y >= v - band : y >= v && y <= v + band;
      return inX && inY;
    });
  const places = [
    { left: false, below: false },
    { left: false, below: true },
    { left: true, below: false },
    { left: true, below: true },
  ];
  return places.find((p) => clear(p.left, p.below)) ?? places[0];
}

/** The vega-lite spec of a panel (a plain object; also useful to embed elsewhere). */
export function panelSpec(panel: Panel): TopLevelSpec {
  const rows = lineRows(panel);
  const names = panel.series.map((s) => s.name);
  let colourIndex = 0;
  const colours = panel.series.map((s) =>
    s.reference ? REFERENCE_GREY : PALETTE[colourIndex++ % PALETTE.length],
  );
  // A curve's dash is drawn from its row as is, and the colour legend draws each swatch with the
  // dash of the curve it names. The platform convention gets a legend of its own only when the
  // panel mixes platforms: with one, the curves' swatches already show it.
  const dashedNames = panel.series.filter(isDashed).map((s) => s.name);
  const anyDash = dashedNames.length > 0;
  const platforms = [...new Set(panel.series.flatMap((s) => (s.platform ? [s.platform] : [])))];

  // A log axis ends where the data does: made nice it ran on to the next decade (0.1–20 fW to 100 fW).
  const xScale: Record<string, unknown> =
    panel.xScale === 'log' ? { type: 'log', nice: false } : { type: 'linear', zero: false, nice: true };
  if (panel.xDomain) Object.assign(xScale, { domain: panel.xDomain, nice: false });
  const yScale: Record<string, unknown> =
    panel.yScale === 'log' ? { type: 'log' } : { type: 'linear', zero: false, ...linearYDomain(panel, rows) };
  // Lines are clipped to the plot only where a fixed x range cuts them (elsewhere the scales hold
  // every point): resvg draws each clip through a full-size mask, most of a panel's raster time.
  const xDomain = panel.xDomain;
  const clip = xDomain !== undefined && rows.some((r) => r.x < xDomain[0] || r.x > xDomain[1]);
  const x = { field: 'x', type: 'quantitative', title: panel.xLabel, scale: xScale };
  const y = { field: 'y', type: 'quantitative', title: panel.yLabel, scale: yScale };
  const color = {
    field: 'series',
    type: 'nominal',
    title: null,
    scale: { domain: names, range: colours },
    legend: {
      orient: 'bottom',
      columns: 2,
      symbolStrokeWidth: 2.5,
      labelLimit: 260,
      ...(anyDash && {
        symbolSize: 400, // wide enough for a dash and a gap to show
        encoding: {
          symbols: {
            strokeDash: {
              value: {
                expr: `indexof(${JSON.stringify(dashedNames)}, datum.value) >= 0 ? ${JSON.stringify(DASHED)} : ${JSON.stringify(SOLID)}`,
              },
            },
          },
        },
      }),
    },
  };

  const layers: Record<string, unknown>[] = [
    {
      data: { values: rows },
      mark: { type: 'line', strokeWidth: 2, clip },
      encoding: {
        x,
        y,
        color,
        detail: { field: 'segment' },
        ...(anyDash && { strokeDash: { field: 'dash', type: 'nominal', scale: null } }),
      },
    },
  ];
  if (platforms.length > 1) {
    // The platform convention as a legend of its own: a layer without data, only for its scale.
    layers.push({
      data: { values: [] },
      mark: { type: 'line' },
      encoding: {
        x: { field: 'x', type: 'quantitative' },
        y: { field: 'y', type: 'quantitative' },
        strokeDash: {
          field: 'platform',
          type: 'nominal',
          scale: {
            domain: platforms.map((p) => PLATFORM_LABEL[p]),
            range: platforms.map((p) => (PLATFORM_DASHED[p] ? DASHED : SOLID)),
          },
          legend: {
            orient: 'bottom',
            title: 'platform',
            titleOrient: 'left',
            titleFontWeight: 'normal',
            direction: 'horizontal',
            symbolStrokeColor: '#444444',
            symbolStrokeWidth: 2,
            symbolSize: 400,
          },
        },
      },
    });
  }

  for (const rule of panel.rules ?? []) {
    if (rule.axis === 'y' && panel.yScale === 'log' && rule.value <= 0) continue;
    const channel = rule.axis;
    const { left, below } =
      channel === 'y' && rows.length > 0
        ? ruleLabelPlace(panel, rows, rule.value)
        : { left: false, below: false };
    layers.push({
      data: { values: [{ value: rule.value, label: rule.label }] },
      layer: [
        {
          mark: { type: 'rule', color: '#555555', strokeDash: [3, 3], strokeWidth: 1 },
          encoding: { [channel]: { field: 'value', type: 'quantitative' } },
        },
        {
          mark:
            channel === 'y'
              ? {
                  type: 'text',
                  align: left ? 'left' : 'right',
                  baseline: below ? 'top' : 'alphabetic',
                  dy: below ? 4 : -6,
                  fontSize: 11,
                  color: '#555555',
                }
              : { type: 'text', align: 'left', dx: 4, fontSize: 11, color: '#555555' },
          encoding:
            channel === 'y'
              ? {
                  y: { field: 'value', type: 'quantitative' },
                  x: { value: left ? 4 : WIDTH - 4 },
                  text: { field: 'label' },
                }
              : { x: { field: 'value', type: 'quantitative' }, y: { value: 12 }, text: { field: 'label' } },
        },
      ],
    });
  }

  if (panel.markers && panel.markers.length > 0) {
    const points = panel.markers
      .filter((m) => usable(m.x, panel.xScale) && usable(m.y, panel.yScale))
      .map((m) => ({ x: m.x, y: m.y, kind: m.kind, series: m.series ?? '' }));
    layers.push({
      data: { values: points },
      mark: { type: 'point', filled: true, size: 80, stroke: '#000000', strokeWidth: 1, opacity: 1 },
      encoding: {
        x: { field: 'x', type: 'quantitative' },
        y: { field: 'y', type: 'quantitative' },
        color: { field: 'series', type: 'nominal' },
        shape: {
          field: 'kind',
          type: 'nominal',
          title: null,
          scale: { range: ['circle', 'diamond', 'square', 'triangle-up'] },
          legend: { orient: 'bottom', symbolStrokeColor: '#000000', symbolFillColor: '#ffffff' },
        },
      },
    });
  }

  // Intervals get their own strip under the plot (one row per series, same x scale), so that they
  // cannot be read as values on the y axis.
  const strip =
    panel.intervals && panel.intervals.length > 0
      ? {
          width: WIDTH,
          height: 12 * new Set(panel.intervals.map((iv) => iv.series ?? '')).size,
          data: {
            values: panel.intervals.map((iv) => ({ series: iv.series ?? '', from: iv.from, to: iv.to })),
          },
          mark: { type: 'bar', height: 7 },
          encoding: {
            x: { field: 'from', type: 'quantitative', scale: xScale, axis: null },
            x2: { field: 'to' },
            y: {
              field: 'series',
              type: 'nominal',
              sort: names,
              axis: {
                title: panel.intervalLabel ?? null,
                labels: false,
                ticks: false,
                domain: false,
                titleAngle: 0,
                titleAlign: 'right',
                titleFontSize: 11,
              },
            },
            color: { field: 'series', type: 'nominal' },
          },
        }
      : undefined;
  const subtitle = (panel.notes ?? []).filter((s) => s.length > 0);
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: panel.title, ...(subtitle.length > 0 && { subtitle }), anchor: 'start' },
    background: '#ffffff',
    padding: 12,
    ...(strip
      ? {
          vconcat: [{ width: WIDTH, height: HEIGHT, layer: layers }, strip],
          spacing: 6,
          resolve: { scale: { color: 'shared', x: 'shared' } },
        }
      : { width: WIDTH, height: HEIGHT, layer: layers, resolve: { scale: { color: 'shared' } } }),
    config: {
      font: FONT,
      numberFormat: NUMBER_FORMAT,
      view: { stroke: '#444444' },
      axis: {
        labelFontSize: 12,
        titleFontSize: 14,
        titleFontWeight: 'normal',
        labelColor: '#222222',
        titleColor: '#000000',
        gridColor: '#e6e6e6',
        tickColor: '#444444',
        domainColor: '#444444',
        // Labels closer than 4 px count as overlapping (vega's default, 0, let "20" and "30" touch
        // at the end of a log axis).
        labelSeparation: 4,
      },
      legend: {
        labelFontSize: 12,
        titleFontSize: 12,
        symbolType: 'stroke',
        // legends side by side under the plot, apart enough not to read as one
        layout: { bottom: { anchor: 'start', margin: 24, center: true } },
      },
      title: { fontSize: 15, subtitleFontSize: 11, subtitleColor: '#444444', offset: 10 },
    },
  };
  return spec as unknown as TopLevelSpec;
}

/** SVG text of a vega-lite spec (vega is loaded on first use: see vega.ts). */
export async function specToSvg(spec: TopLevelSpec): Promise<string> {
  const { vega, compile } = await loadVega();
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return setSubscripts(await view.toSVG());
  } finally {
    view.finalize();
  }
}

/** SVG text of a panel. */
export function renderSvg(panel: Panel): Promise<string> {
  return specToSvg(panelSpec(panel));
}

/**
 * PNG bytes of an SVG at `scale` × its size, text drawn with the bundled DejaVu Sans (resvg loaded on
 * first use). resvg rasterises; the pixels are deflated here at level 3, a third of the CPU of
 * resvg's own encoder for a file no larger. On the opaque white background resvg's premultiplied
 * pixels equal straight RGBA.
 */
export async function svgToPng(svg: string, scale = 2): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { fontFiles: rasterFonts(svg), loadSystemFonts: false, defaultFontFamily: FONT },
  });
  const image = resvg.render();
  return encodePng(image.width, image.height, image.pixels, 3);
}
