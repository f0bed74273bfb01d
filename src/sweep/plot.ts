/**
 * Plots of a finished sweep: a line plot for one axis; for two, one curve per value when an axis has
 * few values (a list such as χ = 0.5, 1, 2, 5, 10), else a heat map with contour lines; for three or
 * more, small multiples over the third axis (at most 9 of its values, evenly chosen; any further axis
 * at its middle value). Titles carry the unit the ticks are in (mK, fW, Ω·µm²). Signed quantities
 * get a diverging colour map centred on zero and a labelled zero contour, counts discrete colours.
 * vega-lite spec → headless vega → SVG; PNG through the figures' resvg renderer (bundled fonts) and a
 * vector PDF, all loaded only when a plot is drawn.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { InputError } from '../index.js';
import { formatNumber } from '../units/quantity.js';
import { PALETTE, specToSvg, svgToPng } from '../figures/render.js';
import {
  axisTitle as unitTitle,
  displayUnit,
  linearTickCount,
  NUMBER_FORMAT,
  plotSymbol,
  type DisplayUnit,
} from '../figures/display-unit.js';
import { svgToPdf } from '../figures/pdf.js';
import { loadVega } from '../figures/vega.js';
import { encodePng } from '../figures/png.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { contourSegments, niceLevels } from '../numerics/marching-squares.js';
import { readManifest, type Manifest } from './directory.js';
import { drawnSamples, type DrawnSamples } from './drawn-samples.js';
import type { Axis } from './spec.js';
import { quantityInfo } from './quantities.js';

/** Largest number of samples drawn along one axis (longer axes are strided). */
const MAX_DRAWN = 400;

const PLOT_FORMATS = ['svg', 'png', 'pdf'] as const;

/** Write `base.svg`, `base.png` (2× scale) and `base.pdf` (vector); returns the paths. */
export async function writePlot(spec: TopLevelSpec, base: string): Promise<string[]> {
  const svg = await specToSvg(spec);
  writeFileAtomic(`${base}.svg`, svg);
  writeFileAtomic(`${base}.png`, await svgToPng(svg));
  writeFileAtomic(`${base}.pdf`, await svgToPdf(svg));
  return PLOT_FORMATS.map((f) => `${base}.${f}`);
}

/**
 * Remove `base.svg`, `.png`, `.pdf` where they are (a run with --no-plot under --force): they drew an
 * earlier run, and would lie beside the new data as if they drew it.
 */
export function removePlot(base: string): void {
  for (const f of PLOT_FORMATS) rmSync(`${base}.${f}`, { force: true });
}

export function axisTitle(name: string, unit: string): string {
  return unit ? `${name} (${unit})` : name;
}

/** Tick labels with an SI prefix and the unit (`20fW`, `300mK`) instead of long decimals. */
export function siLabels(unit: string): { labelExpr?: string } {
  return unit && !unit.includes('^') && unit !== 'K/K'
    ? { labelExpr: `format(datum.value, '.3~s') + '${unit}'` }
    : {};
}

const CONFIG = {
  font: 'DejaVu Sans',
  numberFormat: NUMBER_FORMAT,
  // Labels closer than 4 px count as overlapping: vega's greedy rule for log axes kept 30, 40 and
  // 50 fW touching ("30 4050") in a small multiple.
  axis: { labelFontSize: 11, titleFontSize: 12, grid: true, gridColor: '#e6e6e6', labelSeparation: 4 },
  // Labels whole: vega cuts them at 160 px ("left.normal.volume = 20 µ…").
  legend: { labelFontSize: 11, titleFontSize: 11, labelLimit: 0 },
  title: { fontSize: 13 },
};

/** Indices 0, s, 2s, … and n − 1 with s = ⌈n / most⌉: at most most + 1 samples of an axis. */
function strideIndices(n: number, most = MAX_DRAWN): number[] {
  const stride = Math.ceil(n / most);
  const out: number[] = [];
  for (let i = 0; i < n; i += stride) out.push(i);
  if (out[out.length - 1] !== n - 1) out.push(n - 1);
  return out;
}

/** Most values of an axis drawn as one curve each (one palette colour per curve). */
export const MAX_CURVES = 7;
/** Most panels of small multiples. */
export const MAX_FACETS = 9;
/** Quantities whose sign matters: a diverging colour map centred on zero. */
const SIGNED = new Set(['dTL_dTR', 'kappa_gamma', 'dF_dTL']);

/** How a sweep is drawn: axis indices into the manifest's axes. */
export interface PlotLayout {
  /** The horizontal axis. */
  x: number;
  /** Heat map: the vertical axis. */
  y?: number;
  /** Line chart: one curve per value of this axis. */
  curves?: number;
  /** Small multiples: one panel per chosen value of this axis. */
  facet?: number;
  /** Further axes, held at their middle value. */
  held: number[];
}

/**
 * The layout of a sweep's plot: two axes make a line chart with one curve per value of the shorter
 * (the second on a tie) when it has at most MAX_CURVES values and the other at least twice as many (a
 * list like χ = 0.5, 1, 2, 5, 10 against a range), else a heat map; the third axis gives small
 * multiples; further axes are held at their middle value.
 */
export function plotLayout(axes: readonly Axis[]): PlotLayout {
  const held = axes.map((_, k) => k).slice(3);
  const facet = axes.length >= 3 ? 2 : undefined;
  if (axes.length === 1) return { x: 0, held };
  const [n0, n1] = [axes[0].values.length, axes[1].values.length];
  const short = n1 <= n0 ? 1 : 0;
  const [few, many] = [Math.min(n0, n1), Math.max(n0, n1)];
  if (few <= MAX_CURVES && many >= 2 * few) return { x: 1 - short, curves: short, facet, held };
  return { x: 0, y: 1, facet, held };
}

/** At most `n` indices of 0 … length − 1, evenly spread, both ends included. */
export function evenIndices(length: number, n: number): number[] {
  if (length <= n) return Array.from({ length }, (_, i) => i);
  return Array.from({ length: n }, (_, i) => Math.round((i * (length - 1)) / (n - 1)));
}

/**
 * Plot quantity `name` of the sweep in `dir` (default: first numeric output); returns files written.
 * A sweep with binary chunks is read from them (in `chunkDirs`, the shards merged, or `dir`).
 */
export async function plotSweep(
  dir: string,
  name?: string,
  chunkDirs: readonly string[] = [],
): Promise<string[]> {
  const manifest = readManifest(dir, '--out');
  const { spec } = manifest;
  const numeric = spec.outputs.filter((o) => o !== 'stable');
  const quantity = name ?? numeric[0];
  if (quantity === undefined) return [];
  if (!numeric.includes(quantity))
    throw new InputError('--plot', quantity, `one of the numeric outputs: ${numeric.join(', ')}`);
  return writePlot(await sweepPlotSpec(dir, manifest, quantity, chunkDirs), join(dir, 'plot'));
}

/** The vega-lite spec of the plot of `quantity` (reads the drawn samples from `dir`). */
export async function sweepPlotSpec(
  dir: string,
  manifest: Manifest,
  quantity: string,
  chunkDirs: readonly string[] = [],
): Promise<TopLevelSpec> {
  const axes = manifest.spec.axes;
  const layout = plotLayout(axes);
  // Small multiples draw a third of the samples per axis (panels a third as wide), so that the samples
  // held stay about those of one full-size heat map.
  const most = layout.facet === undefined ? MAX_DRAWN : Math.ceil(MAX_DRAWN / 3);
  const keep = axes.map((a, k) =>
    k === layout.facet
      ? evenIndices(a.values.length, MAX_FACETS)
      : layout.held.includes(k)
        ? [Math.floor((a.values.length - 1) / 2)]
        : strideIndices(a.values.length, most),
  );
  const samples = drawnSamples(dir, manifest, quantity, keep, chunkDirs);
  const panels = layout.facet === undefined ? [undefined] : keep[layout.facet];
  const view = new SweepView(manifest, quantity, layout, samples);
  const held = layout.held.map((k) => view.valueText(k, keep[k][0]));
  const title = unitTitle(plotSymbol(quantity), view.valueUnit.unit);
  const subtitle = [
    ...(layout.facet !== undefined ? [facetNote(axes[layout.facet], panels.length)] : []),
    ...(held.length > 0 ? [`at ${held.join(', ')}`] : []),
  ];
  const specs =
    layout.y === undefined
      ? panels.map((f) => view.lineChart(f, panels.length > 1))
      : await Promise.all(panels.map((f) => view.heatMap(f, panels.length > 1)));
  const notes = layout.y === undefined ? view.lineNote(panels.length > 1) : view.contourNote();
  const text = { text: title, subtitle: [...subtitle, ...notes], anchor: 'start' };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    background: 'white',
    padding: 10,
    title: text,
    ...(specs.length === 1 ? specs[0] : { concat: specs, columns: 3, spacing: 18 }),
    resolve: { scale: { color: 'shared' } },
    config: CONFIG,
  } as TopLevelSpec;
}

/** What the panels of small multiples are, and how many of the axis's values they show. */
function facetNote(axis: Axis, shown: number): string {
  const all = axis.values.length;
  const note = `one panel per ${plotSymbol(axis.name)}`;
  return shown < all ? `${note} (${shown} of its ${all} values, evenly chosen)` : note;
}

/** Dash patterns of roots 1, 2, 3, 4+ in a line chart: solid, dashed, dotted, dash-dot (told apart in the legend). */
const ROOT_DASHES = [
  [1, 0],
  [6, 3],
  [1.5, 2.5],
  [8, 3, 2, 3],
];

/** Samples of a continuous colour ramp (see colourOf). */
const RAMP_LEVELS = 2048;

/** Colours for counts (0, 1, 2, 3, … roots): grey for none, then the palette. */
const COUNT_COLOURS = [
  '#d9d9d9',
  '#56B4E9',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#0072B2',
  '#000000',
];

function countColour(v: number): string {
  return COUNT_COLOURS[Math.min(v, COUNT_COLOURS.length - 1)];
}

/** One sweep's drawn samples with their display units and colour scheme, turned into panel specs. */
class SweepView {
  readonly axes: readonly Axis[];
  readonly units: DisplayUnit[];
  readonly valueUnit: DisplayUnit;
  /** Finite values, for the colour scale: low, high, whether all are small integers. */
  readonly lo: number;
  readonly hi: number;
  readonly counts: number[] | undefined;
  readonly signed: boolean;
  private readonly levels: number[] = [];

  constructor(
    readonly manifest: Manifest,
    readonly quantity: string,
    readonly layout: PlotLayout,
    readonly samples: DrawnSamples,
  ) {
    this.axes = manifest.spec.axes;
    this.units = this.axes.map((a) => displayUnit(manifest.units[a.name] ?? '', a.values));
    const finite: number[] = [];
    // A heat map draws the first (lowest-T_L) root only: its colours span that root's values.
    for (const v of layout.y === undefined ? samples.allValues() : samples.firstValues())
      if (Number.isFinite(v)) finite.push(v);
    this.valueUnit = displayUnit(quantityInfo(quantity).unit, finite);
    let lo = Infinity;
    let hi = -Infinity;
    const distinct = new Set<number>();
    let integers = true;
    for (const v of finite) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
      if (integers && (!Number.isInteger(v) || v < 0 || distinct.add(v).size > COUNT_COLOURS.length))
        integers = false;
    }
    [this.lo, this.hi] = [lo * this.valueUnit.factor, hi * this.valueUnit.factor];
    this.counts = integers && finite.length > 0 ? [...distinct].sort((p, q) => p - q) : undefined;
    this.signed = this.counts === undefined && (SIGNED.has(quantity) || (lo < 0 && hi > 0));
    if (this.counts) this.levels = this.counts.slice(1).map((v, i) => (v + this.counts![i]) / 2);
    else if (this.signed) this.levels = niceLevels(this.lo, this.hi).filter((l) => l !== 0);
    else this.levels = niceLevels(this.lo, this.hi);
  }

  /** 'χ = 2', 'T_R = 100 mK': axis k at index i, in its display unit. */
  valueText(k: number, i: number): string {
    const u = this.units[k];
    return `${plotSymbol(this.axes[k].name)} = ${formatNumber(this.axes[k].values[i] * u.factor, 4)}${u.unit ? ` ${u.unit}` : ''}`;
  }

  axisTitle(k: number): string {
    return unitTitle(plotSymbol(this.axes[k].name), this.units[k].unit);
  }

  /** Axis indices of a drawn point: each axis at its first drawn index (held axes at theirs), the facet's at `facet`. */
  private point(facet: number | undefined): number[] {
    const at = this.samples.keep.map((kept) => kept[0]);
    if (this.layout.facet !== undefined && facet !== undefined) at[this.layout.facet] = facet;
    return at;
  }

  private facetTitle(facet: number | undefined): Record<string, unknown> {
    return facet === undefined
      ? {}
      : { title: { text: this.valueText(this.layout.facet!, facet), fontSize: 12 } };
  }

  /** Line chart: the quantity against the x axis, one curve per value of the curves axis (if any). */
  lineChart(facet: number | undefined, small: boolean): Record<string, unknown> {
    const { x: kx, curves: kc } = this.layout;
    const ux = this.units[kx];
    const f = this.valueUnit.factor;
    const names = kc === undefined ? [] : this.samples.keep[kc].map((i) => this.valueText(kc, i));
    const rows: { x: number; y: number; curve: string; root: string; piece: string }[] = [];
    const at = this.point(facet);
    let pieces = 0;
    for (const c of kc === undefined ? [undefined] : this.samples.keep[kc]) {
      // Root r of one point and root r of the next are joined only where they lie on one branch
      // (continuingRoots): where the number of roots changes, root 1 may jump from the cold branch to
      // the hot one as the cold one ends, and must not be drawn as a steep rise between them, while
      // the cold branch goes on unbroken where a pair of roots appears above it.
      let previous: number[] = [];
      let piece: number[] = [];
      for (const i of this.samples.keep[kx]) {
        at[kx] = i;
        if (kc !== undefined && c !== undefined) at[kc] = c;
        const values = this.samples.at(at);
        const continuing = continuingRoots(previous, values);
        piece = Array.from(values, (_, r) => (continuing[r] ? piece[r] : ++pieces));
        previous = Array.from(values);
        values.forEach((y, r) => {
          if (Number.isFinite(y))
            rows.push({
              x: this.axes[kx].values[i] * ux.factor,
              y: y * f,
              curve: c === undefined ? '' : this.valueText(kc!, c),
              root: `root ${r + 1}`,
              piece: String(piece[r]),
            });
        });
      }
    }
    const roots = [...new Set(rows.map((r) => r.root))];
    const width = small ? 300 : 520;
    const y = {
      field: 'y',
      type: 'quantitative',
      title: unitTitle(plotSymbol(this.quantity), this.valueUnit.unit),
      scale: { zero: false },
    };
    const x = {
      field: 'x',
      type: 'quantitative',
      title: this.axisTitle(kx),
      scale: { type: this.axes[kx].log ? 'log' : 'linear', nice: false },
      ...(!this.axes[kx].log && { axis: { tickCount: linearTickCount(width) } }),
    };
    const layers: Record<string, unknown>[] = [
      {
        data: { values: rows },
        mark: { type: 'line', point: { size: 14 }, strokeWidth: 1.6 },
        encoding: {
          x,
          y,
          detail: { field: 'piece' },
          ...(kc !== undefined && {
            color: {
              field: 'curve',
              type: 'nominal',
              title: null,
              scale: { domain: names, range: PALETTE.slice(0, names.length) },
              legend: { orient: 'right', symbolType: 'stroke', symbolStrokeWidth: 2.5 },
            },
          }),
          ...(roots.length > 1 && {
            strokeDash: {
              field: 'root',
              type: 'nominal',
              title: null,
              scale: {
                domain: roots,
                range: roots.map((_, k) => ROOT_DASHES[Math.min(k, ROOT_DASHES.length - 1)]),
              },
              legend: { orient: 'right', symbolType: 'stroke' },
            },
          }),
        },
      },
    ];
    // A small panel has no room for the line's label: the subtitle names it (lineNote).
    if (this.drawsZero()) layers.push(zeroRule(plotSymbol(this.quantity), !small));
    return {
      ...this.facetTitle(facet),
      width,
      height: small ? 200 : 320,
      layer: layers,
    };
  }

  /** Colour of a value (display unit) in the heat map's scheme; undefined where it has none. */
  private colourOf(): Promise<(v: number) => [number, number, number] | undefined> {
    return loadVega().then(({ vega: { scheme } }) => {
      if (this.counts) {
        // By value, so that 2 roots have one colour in every plot.
        const colours = new Map(this.counts.map((v) => [v, parseColour(countColour(v))]));
        return (v: number) => colours.get(v);
      }
      const [lo, hi] = this.colourDomain();
      const ramp = scheme(this.signed ? 'blueorange' : 'viridis') as (t: number) => string;
      // The ramp sampled once at RAMP_LEVELS points (a step is a tenth of an 8-bit colour level),
      // not called and its CSS colour parsed for each of up to 1.6·10⁵ cells.
      const table = Array.from({ length: RAMP_LEVELS + 1 }, (_, i) => parseColour(ramp(i / RAMP_LEVELS)));
      return (v: number) => {
        if (!Number.isFinite(v)) return undefined;
        const t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
        return table[Math.round(Math.min(1, Math.max(0, t)) * RAMP_LEVELS)];
      };
    });
  }

  /** The colour scale's domain: symmetric about zero for a signed quantity. */
  private colourDomain(): [number, number] {
    if (!this.signed) return [this.lo, this.hi];
    const m = Math.max(Math.abs(this.lo), Math.abs(this.hi)) || 1;
    return [-m, m];
  }

  /** Whether a line chart draws the dashed line at zero. */
  drawsZero(): boolean {
    return this.signed || (this.lo < 0 && this.hi > 0);
  }

  /** The subtitle line of small-multiple line charts: what their unlabelled dashed line is. */
  lineNote(small: boolean): string[] {
    return small && this.drawsZero() ? [`dashed: ${plotSymbol(this.quantity)} = 0`] : [];
  }

  /** The subtitle line naming the contour levels. */
  contourNote(): string[] {
    const unit = this.valueUnit.unit ? ` ${this.valueUnit.unit}` : '';
    const levels = this.levels.map((l) => formatNumber(l, 3).replace('-', '−'));
    const parts = [
      ...(this.counts && this.counts.length > 1 ? [`boundaries between ${this.counts.join(', ')}`] : []),
      ...(!this.counts && levels.length > 0 ? [`contours at ${levels.join(', ')}${unit}`] : []),
      ...(this.signed && this.lo < 0 && this.hi > 0 ? [`black: ${plotSymbol(this.quantity)} = 0`] : []),
    ];
    return parts.length > 0 ? [parts.join('; ')] : [];
  }

  async heatMap(facet: number | undefined, small: boolean): Promise<Record<string, unknown>> {
    const { x: kx, y: ky } = this.layout;
    const [ax, ay] = [this.axes[kx], this.axes[ky!]];
    const [ux, uy] = [this.units[kx], this.units[ky!]];
    const [ix, iy] = [this.samples.keep[kx], this.samples.keep[ky!]];
    const xs = ix.map((i) => ax.values[i] * ux.factor);
    const ys = iy.map((j) => ay.values[j] * uy.factor);
    // The lowest-T_L root where there are several (the stable branch reached from a cold start).
    const at = this.point(facet);
    const field = ix.map((i) =>
      iy.map((j) => {
        at[kx] = i;
        at[ky!] = j;
        return (this.samples.at(at)[0] ?? NaN) * this.valueUnit.factor;
      }),
    );
    const ex = edges(xs, ax.log);
    const ey = edges(ys, ay.log);
    const toSegments = (level: number) =>
      contourSegments(field, level).map((s) => ({
        x: atIndex(xs, s.i1, ax.log),
        y: atIndex(ys, s.j1, ay.log),
        x2: atIndex(xs, s.i2, ax.log),
        y2: atIndex(ys, s.j2, ay.log),
      }));
    // Counts change from cell to cell: their boundaries follow the cells' edges, not interpolated lines.
    const segments = this.counts ? cellBoundaries(field, ex, ey) : this.levels.flatMap(toSegments);
    const zero = this.signed ? toSegments(0) : [];
    const width = small ? 260 : MAP_WIDTH;
    const height = small ? 195 : MAP_HEIGHT;
    const image = rasterField(field, ex, ey, [ax.log, ay.log], await this.colourOf(), width, height);
    const scale = (log: boolean, e: number[]) => ({
      type: log ? 'log' : 'linear',
      nice: false,
      ...(!log && { zero: false }),
      domain: [e[0], e[e.length - 1]],
    });
    const x = (title: boolean) => ({
      field: 'x',
      type: 'quantitative',
      ...(title && { title: this.axisTitle(kx) }),
      scale: scale(ax.log, ex),
      ...(!ax.log && { axis: { tickCount: linearTickCount(width) } }),
    });
    const y = (title: boolean) => ({
      field: 'y',
      type: 'quantitative',
      ...(title && { title: this.axisTitle(ky!) }),
      scale: scale(ay.log, ey),
    });
    const corners = { x: ex[0], x2: ex[ex.length - 1], y: ey[0], y2: ey[ey.length - 1] };
    const legendTitle = unitTitle(plotSymbol(this.quantity), this.valueUnit.unit);
    const [dlo, dhi] = this.colourDomain();
    const colour = this.counts
      ? {
          field: 'v',
          type: 'ordinal',
          title: legendTitle,
          scale: { domain: this.counts, range: this.counts.map(countColour) },
          legend: {
            symbolType: 'square',
            symbolSize: 160,
            symbolStrokeColor: '#666666',
            symbolStrokeWidth: 0.5,
          },
        }
      : {
          field: 'v',
          type: 'quantitative',
          title: legendTitle,
          scale: { scheme: this.signed ? 'blueorange' : 'viridis', domain: [dlo, dhi], nice: false },
          // Labels at round values inside the domain: a short bar (small multiples) left vega two ticks,
          // the domain's ends, written to one digit (368 and 565 mK shown as 400 and 600).
          // Their precision given: vega's own follows its tick count (450 was written 500).
          ...(Number.isFinite(dlo) && { legend: { values: niceLevels(dlo, dhi, 4), format: '.4~r' } }),
        };
    const legendValues = this.counts ? this.counts : Number.isFinite(dlo) ? [dlo, dhi] : [];
    const layers: Record<string, unknown>[] = [
      {
        data: { values: [{ ...corners, url: image }] },
        mark: { type: 'image', aspect: false, aria: false },
        encoding: { x: x(true), x2: { field: 'x2' }, y: y(true), y2: { field: 'y2' }, url: { field: 'url' } },
      },
      // Invisible: the colour legend, for the raster's colours (none when nothing is finite).
      ...(legendValues.length > 0
        ? [
            {
              data: { values: legendValues.map((v) => ({ ...corners, v })) },
              mark: { type: 'rect', opacity: 0, aria: false },
              encoding: { x: x(false), x2: { field: 'x2' }, y: y(false), y2: { field: 'y2' }, color: colour },
            },
          ]
        : []),
      {
        data: { values: segments },
        // square caps close the corners where boundary segments along cell edges meet
        mark: {
          type: 'rule',
          color: 'white',
          strokeWidth: 0.9,
          opacity: 0.9,
          ...(this.counts && { strokeCap: 'square' }),
        },
        encoding: {
          x: { field: 'x', type: 'quantitative' },
          y: { field: 'y', type: 'quantitative' },
          x2: { field: 'x2' },
          y2: { field: 'y2' },
        },
      },
    ];
    if (zero.length > 0) {
      // The sign change: a black line, labelled at the segment nearest the plot's centre.
      const label = zeroLabelAt(zero, ex, ey, [ax.log, ay.log]);
      layers.push(
        {
          data: { values: zero },
          mark: { type: 'rule', color: 'black', strokeWidth: 1.6 },
          encoding: {
            x: { field: 'x', type: 'quantitative' },
            y: { field: 'y', type: 'quantitative' },
            x2: { field: 'x2' },
            y2: { field: 'y2' },
          },
        },
        {
          data: { values: [{ ...label, text: `${plotSymbol(this.quantity)} = 0` }] },
          mark: {
            type: 'text',
            fontSize: small ? 10 : 12,
            fontWeight: 'bold',
            color: 'black',
            stroke: 'white',
            strokeWidth: 3,
            strokeOpacity: 0.85,
            align: 'left',
            dx: 5,
            dy: -7,
          },
          encoding: {
            x: { field: 'x', type: 'quantitative' },
            y: { field: 'y', type: 'quantitative' },
            text: { field: 'text' },
          },
        },
        {
          data: { values: [{ ...label, text: `${plotSymbol(this.quantity)} = 0` }] },
          mark: {
            type: 'text',
            fontSize: small ? 10 : 12,
            fontWeight: 'bold',
            color: 'black',
            align: 'left',
            dx: 5,
            dy: -7,
          },
          encoding: {
            x: { field: 'x', type: 'quantitative' },
            y: { field: 'y', type: 'quantitative' },
            text: { field: 'text' },
          },
        },
      );
    }
    return { ...this.facetTitle(facet), width, height, layer: layers };
  }
}

/** A horizontal dashed line at zero, labelled '<symbol> = 0' at its right end when `labelled`. */
function zeroRule(symbol: string, labelled: boolean): Record<string, unknown> {
  return {
    data: { values: [{ y: 0, text: `${symbol} = 0` }] },
    layer: [
      {
        mark: { type: 'rule', color: '#333333', strokeDash: [4, 3], strokeWidth: 1 },
        encoding: { y: { field: 'y', type: 'quantitative' } },
      },
      ...(labelled
        ? [
            {
              mark: { type: 'text', align: 'right', dy: -6, fontSize: 11, color: '#333333' },
              encoding: {
                y: { field: 'y', type: 'quantitative' },
                x: { value: 'width' },
                text: { field: 'text' },
              },
            },
          ]
        : []),
    ],
  };
}

/** Where to put a contour's label: the midpoint of the segment nearest the plot's centre. */
function zeroLabelAt(
  segments: { x: number; y: number; x2: number; y2: number }[],
  ex: number[],
  ey: number[],
  logs: [boolean, boolean],
): { x: number; y: number } {
  const unit = (v: number, e: number[], log: boolean): number => {
    const f = log ? Math.log : (t: number) => t;
    return (f(v) - f(e[0])) / (f(e[e.length - 1]) - f(e[0]));
  };
  let best = segments[0];
  let bestDistance = Infinity;
  for (const s of segments) {
    const u = (unit(s.x, ex, logs[0]) + unit(s.x2, ex, logs[0])) / 2 - 0.5;
    const v = (unit(s.y, ey, logs[1]) + unit(s.y2, ey, logs[1])) / 2 - 0.5;
    if (u * u + v * v < bestDistance) [best, bestDistance] = [s, u * u + v * v];
  }
  const mid = (a: number, b: number, log: boolean) => (log ? Math.sqrt(a * b) : (a + b) / 2);
  return { x: mid(best.x, best.x2, logs[0]), y: mid(best.y, best.y2, logs[1]) };
}

/**
 * Cell edges around sample positions: midpoints between samples (geometric on a log axis), and the
 * first and last samples themselves. The map covers the swept range and no more (the outer cells
 * are half cells), so contour lines, which run between sample points, reach its edges. A single
 * sample gets a cell of ±0.5 around it.
 */
function edges(values: number[], log: boolean): number[] {
  const f = log ? Math.log : (v: number) => v;
  const g = log ? Math.exp : (v: number) => v;
  const t = values.map(f);
  if (t.length === 1) return [g(t[0] - 0.5), g(t[0] + 0.5)];
  const mids: number[] = [];
  for (let i = 0; i + 1 < t.length; i++) mids.push(g((t[i] + t[i + 1]) / 2));
  // the ends exactly (not through log and exp), so that a tick at the last value stays in the domain
  return [values[0], ...mids, values[values.length - 1]];
}

/**
 * The boundaries of a discrete field (counts) along cell edges: a segment on each edge shared by
 * two cells of different finite values, so that the line encloses exactly the cells of each value.
 */
function cellBoundaries(
  field: number[][],
  ex: number[],
  ey: number[],
): { x: number; y: number; x2: number; y2: number }[] {
  const out: { x: number; y: number; x2: number; y2: number }[] = [];
  const differ = (a: number, b: number) => Number.isFinite(a) && Number.isFinite(b) && a !== b;
  for (let i = 0; i < field.length; i++) {
    for (let j = 0; j < field[i].length; j++) {
      if (i + 1 < field.length && differ(field[i][j], field[i + 1][j]))
        out.push({ x: ex[i + 1], y: ey[j], x2: ex[i + 1], y2: ey[j + 1] });
      if (j + 1 < field[i].length && differ(field[i][j], field[i][j + 1]))
        out.push({ x: ex[i], y: ey[j + 1], x2: ex[i + 1], y2: ey[j + 1] });
    }
  }
  return out;
}

/** A fractional index along an axis → the axis value (interpolated on the axis's own scale). */
function atIndex(values: number[], x: number, log: boolean): number {
  const i = Math.min(values.length - 2, Math.max(0, Math.floor(x)));
  const s = x - i;
  if (values.length === 1) return values[0];
  return log ? values[i] * (values[i + 1] / values[i]) ** s : values[i] + (values[i + 1] - values[i]) * s;
}

/** The heat map's plot area in SVG units; its raster is drawn at the PNG's 2× scale. */
const MAP_WIDTH = 480;

const MAP_HEIGHT = 360;
const RASTER_SCALE = 2;

/**
 * For each of `pixels` pixel centres across [edges[0], edges[last]] (on a log or linear scale), the
 * cell it falls in (edges monotonic, either way): cell i spans edges[i] to edges[i + 1].
 */
function pixelCells(edgeValues: number[], log: boolean, pixels: number): Int32Array {
  const f = log ? Math.log : (v: number) => v;
  const e = edgeValues.map(f);
  const sign = e[e.length - 1] >= e[0] ? 1 : -1;
  const out = new Int32Array(pixels);
  let cell = 0;
  for (let p = 0; p < pixels; p++) {
    const u = e[0] + ((p + 0.5) / pixels) * (e[e.length - 1] - e[0]);
    while (cell < e.length - 2 && sign * (u - e[cell + 1]) > 0) cell++;
    out[p] = cell;
  }
  return out;
}

/**
 * The field as a PNG data URL covering the plot area: one pixel per screen pixel at the PNG's scale,
 * each the colour of the cell under it (white where the value is not finite: an opaque image, which
 * the PDF embeds as it is). One image
 * instead of a rect per cell keeps the SVG and vega's scene small (401 × 401 rects took ~0.6 GB) and
 * has no seams between cells.
 */
function rasterField(
  field: number[][],
  ex: number[],
  ey: number[],
  logs: [boolean, boolean],
  colour: (v: number) => [number, number, number] | undefined,
  width: number,
  height: number,
): string {
  const w = width * RASTER_SCALE;
  const h = height * RASTER_SCALE;
  const columns = pixelCells(ex, logs[0], w);
  // Rows top to bottom: the y scale's range runs from the bottom (edges[0]) up.
  const rows = pixelCells(ey, logs[1], h).reverse();
  const colours = field.map((row) => row.map(colour));
  const rgba = new Uint8Array(w * h * 4).fill(255);
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      const rgb = colours[columns[c]][rows[r]];
      if (rgb === undefined) continue;
      const o = 4 * (r * w + c);
      rgba[o] = rgb[0];
      rgba[o + 1] = rgb[1];
      rgba[o + 2] = rgb[2];
      rgba[o + 3] = 255;
    }
  }
  return `data:image/png;base64,${Buffer.from(encodePng(w, h, rgba)).toString('base64')}`;
}

/** `rgb(r, g, b)` or `#rrggbb` → [r, g, b]. */
function parseColour(text: string): [number, number, number] {
  const m = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(text);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  const hex = /^#([0-9a-f]{6})$/i.exec(text);
  if (hex) {
    const n = parseInt(hex[1], 16);
    return [n >> 16, (n >> 8) & 255, n & 255];
  }
  throw new Error(`internal error: colour '${text}'`);
}

/** Index of the finite value of `values` nearest to `y` (−1: none). */
function nearestRoot(values: ArrayLike<number>, y: number): number {
  let best = -1;
  for (let r = 0; r < values.length; r++)
    if (Number.isFinite(values[r]) && (best < 0 || Math.abs(values[r] - y) < Math.abs(values[best] - y)))
      best = r;
  return best;
}

/**
 * Which roots of a point go on the branch of the same root of the point before: all of them while
 * the number of roots stays the same; where it changes, root r where it and root r before are each
 * other's nearest (a pair appearing above or below a branch leaves that branch whole; the last root
 * of a branch that ends does not carry on as the nearest root of another).
 */
export function continuingRoots(previous: ArrayLike<number>, values: ArrayLike<number>): boolean[] {
  if (previous.length === values.length)
    return Array.from(values, (y, r) => Number.isFinite(y) && Number.isFinite(previous[r]));
  return Array.from(
    values,
    (y, r) =>
      r < previous.length &&
      Number.isFinite(y) &&
      Number.isFinite(previous[r]) &&
      nearestRoot(values, previous[r]) === r &&
      nearestRoot(previous, y) === r,
  );
}
