/**
 * Plots of a finished sweep: a line plot for one axis, a heat map with contour lines for two.
 * vega-lite spec → headless vega → SVG; PNG through the figures' resvg renderer (bundled fonts), both
 * loaded only when a plot is drawn.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { InputError } from '../index.js';
import { formatNumber } from '../units/quantity.js';
import { specToSvg, svgToPng } from '../figures/render.js';
import { encodePng } from '../figures/png.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { FileError, fileError } from '../io/file-error.js';
import { contourSegments, niceLevels } from '../numerics/marching-squares.js';
import { RESULTS_JSONL, readManifest, type Manifest } from './directory.js';
import { quantityInfo } from './quantities.js';

/** Largest number of samples drawn along one axis (longer axes are strided). */
const MAX_DRAWN = 400;

/** Write `base.svg` and `base.png` (2× scale); returns the paths. */
export async function writePlot(spec: TopLevelSpec, base: string): Promise<string[]> {
  const svg = await specToSvg(spec);
  writeFileAtomic(`${base}.svg`, svg);
  writeFileAtomic(`${base}.png`, await svgToPng(svg));
  return [`${base}.svg`, `${base}.png`];
}

export function axisTitle(name: string, unit: string): string {
  return unit ? `${name} (${unit})` : name;
}

/** Axis/legend labels with an SI prefix and the unit (`20fW`, `300mK`) instead of long decimals. */
export function siLabels(unit: string): { labelExpr?: string } {
  return unit && !unit.includes('^') && unit !== 'K/K'
    ? { labelExpr: `format(datum.value, '.3~s') + '${unit}'` }
    : {};
}

const CONFIG = {
  font: 'DejaVu Sans',
  axis: { labelFontSize: 11, titleFontSize: 12, grid: true, gridColor: '#e6e6e6' },
  legend: { labelFontSize: 11, titleFontSize: 11 },
  title: { fontSize: 13 },
};

/**
 * Calls `onLine(index, text)` for each line of `path` whose index `wanted(index)` accepts, reading
 * the file in 1 MiB blocks: memory is one block and the line at hand, whatever the file's size.
 * Returns the number of lines.
 */
export function forEachWantedLine(
  path: string,
  wanted: (index: number) => boolean,
  onLine: (index: number, text: string) => void,
): number {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw fileError('read', path, e);
  }
  const block = Buffer.allocUnsafe(1 << 20);
  /** Pieces of a wanted line that runs past the end of a block. */
  let partial: Buffer[] = [];
  let index = 0;
  try {
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, block, 0, block.length, null);
      } catch (e) {
        throw fileError('read', path, e);
      }
      if (n === 0) break;
      let start = 0;
      while (start < n) {
        const found = block.indexOf(10, start);
        const end = found === -1 || found >= n ? n : found;
        if (wanted(index)) partial.push(Buffer.from(block.subarray(start, end)));
        if (end === n) break;
        if (partial.length > 0) onLine(index, Buffer.concat(partial).toString('utf8'));
        partial = [];
        index++;
        start = end + 1;
      }
    }
  } finally {
    closeSync(fd);
  }
  // A last line without its newline.
  if (partial.length > 0) onLine(index++, Buffer.concat(partial).toString('utf8'));
  return index;
}

/** Indices 0, s, 2s, … and n − 1 with s = ⌈n / MAX_DRAWN⌉: at most MAX_DRAWN + 1 samples of an axis. */
function strideIndices(n: number): number[] {
  const stride = Math.ceil(n / MAX_DRAWN);
  const out: number[] = [];
  for (let i = 0; i < n; i += stride) out.push(i);
  if (out[out.length - 1] !== n - 1) out.push(n - 1);
  return out;
}

/** `quantity` at one point: one value per root (a point-level value or a direct evaluation: one). */
function valuesOf(record: Record<string, unknown>, quantity: string): (number | null)[] {
  if (Array.isArray(record.roots))
    return (record.roots as Record<string, number | null>[]).map((root) => root[quantity] ?? null);
  return [(record[quantity] as number | null | undefined) ?? null];
}

/**
 * The drawn samples of `quantity`: strided along each axis (≤ MAX_DRAWN + 1 per axis, chosen from
 * the manifest's grid), read from results.jsonl as a stream, so that memory is bounded by the
 * samples drawn, not by the sweep's size.
 */
function drawnSamples(
  dir: string,
  manifest: Manifest,
  quantity: string,
): { keep: number[][]; values: Map<number, (number | null)[]> } {
  const axes = manifest.spec.axes;
  const keep = axes.map((a) => strideIndices(a.values.length));
  const masks = axes.map((a, k) => {
    const m = new Uint8Array(a.values.length);
    for (const i of keep[k]) m[i] = 1;
    return m;
  });
  // Point index → axis indices (last axis fastest), kept when every one is.
  const wanted = (index: number): boolean => {
    let rest = index;
    for (let k = axes.length - 1; k >= 0; k--) {
      const len = axes[k].values.length;
      const i = rest % len;
      if (masks[k][i] === 0) return false;
      rest = (rest - i) / len;
    }
    return rest === 0;
  };
  const path = join(dir, RESULTS_JSONL);
  const unreadable = (why: string) => new FileError(path, '', `cannot plot ${path}: ${why}`);
  const values = new Map<number, (number | null)[]>();
  const lines = forEachWantedLine(path, wanted, (index, text) => {
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw unreadable(`line ${index + 1} is not JSON`);
    }
    if (record.index !== index) throw unreadable(`line ${index + 1} holds point ${String(record.index)}`);
    values.set(index, valuesOf(record, quantity));
  });
  if (lines !== manifest.points) throw unreadable(`${lines} lines for the sweep's ${manifest.points} points`);
  return { keep, values };
}

/** Plot quantity `name` of the sweep in `dir` (default: first numeric output); returns files written. */
export async function plotSweep(dir: string, name?: string): Promise<string[]> {
  const manifest = readManifest(dir, '--out');
  const { spec } = manifest;
  const numeric = spec.outputs.filter((o) => o !== 'stable');
  const quantity = name ?? numeric[0];
  if (quantity === undefined) return [];
  if (!numeric.includes(quantity))
    throw new InputError('--plot', quantity, `one of the numeric outputs: ${numeric.join(', ')}`);
  if (spec.axes.length > 2) return [];
  const samples = drawnSamples(dir, manifest, quantity);
  const plotSpec =
    spec.axes.length === 1
      ? linePlot(manifest, quantity, samples)
      : await heatMap(manifest, quantity, samples);
  return writePlot(plotSpec, join(dir, 'plot'));
}

type Samples = ReturnType<typeof drawnSamples>;

function linePlot(manifest: Manifest, quantity: string, samples: Samples): TopLevelSpec {
  const axis = manifest.spec.axes[0];
  const rows: { x: number; y: number; root: string }[] = [];
  for (const i of samples.keep[0]) {
    samples.values.get(i)!.forEach((y, k) => {
      if (y !== null) rows.push({ x: axis.values[i], y, root: `root ${k}` });
    });
  }
  const multi = rows.some((row) => row.root !== 'root 0');
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 520,
    height: 320,
    background: 'white',
    data: { values: rows },
    mark: { type: 'line', point: { size: 14 }, strokeWidth: 1.6 },
    encoding: {
      x: {
        field: 'x',
        type: 'quantitative',
        title: axisTitle(axis.name, manifest.units[axis.name]),
        axis: siLabels(manifest.units[axis.name]),
        scale: { type: axis.log ? 'log' : 'linear', nice: false },
      },
      y: {
        field: 'y',
        type: 'quantitative',
        title: axisTitle(quantity, quantityInfo(quantity).unit),
        axis: siLabels(quantityInfo(quantity).unit),
        scale: { zero: false },
      },
      ...(multi ? { color: { field: 'root', type: 'nominal', title: 'root' } } : {}),
    },
    config: CONFIG,
  } as TopLevelSpec;
}

/** Cell edges around sample positions: midpoints (geometric on a log axis), half a step beyond the ends. */
function edges(values: number[], log: boolean): number[] {
  const f = log ? Math.log : (v: number) => v;
  const g = log ? Math.exp : (v: number) => v;
  const t = values.map(f);
  if (t.length === 1) return [g(t[0] - 0.5), g(t[0] + 0.5)];
  const out = [t[0] - (t[1] - t[0]) / 2];
  for (let i = 0; i + 1 < t.length; i++) out.push((t[i] + t[i + 1]) / 2);
  out.push(t[t.length - 1] + (t[t.length - 1] - t[t.length - 2]) / 2);
  return out.map(g);
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
 * each the colour of the cell under it (transparent where the value is not finite). One image
 * instead of a rect per cell keeps the SVG and vega's scene small (401 × 401 rects took ~0.6 GB).
 */
function rasterField(
  field: number[][],
  ex: number[],
  ey: number[],
  logs: [boolean, boolean],
  colour: (v: number) => [number, number, number] | undefined,
): string {
  const w = MAP_WIDTH * RASTER_SCALE;
  const h = MAP_HEIGHT * RASTER_SCALE;
  const columns = pixelCells(ex, logs[0], w);
  // Rows top to bottom: the y scale's range runs from the bottom (edges[0]) up.
  const rows = pixelCells(ey, logs[1], h).reverse();
  const colours = field.map((row) => row.map(colour));
  const rgba = new Uint8Array(w * h * 4);
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

async function heatMap(manifest: Manifest, quantity: string, samples: Samples): Promise<TopLevelSpec> {
  const [ax, ay] = manifest.spec.axes;
  const ny = ay.values.length;
  const [ix, iy] = samples.keep;
  const xs = ix.map((i) => ax.values[i]);
  const ys = iy.map((j) => ay.values[j]);
  // The lowest-T_L root where there are several (the stable branch reached from a cold start).
  const field = ix.map((i) => iy.map((j) => samples.values.get(i * ny + j)![0] ?? NaN));
  const ex = edges(xs, ax.log);
  const ey = edges(ys, ay.log);
  let lo = Infinity;
  let hi = -Infinity;
  // A count (like n_roots) gets one contour between each pair of its values, not through them.
  const distinct = new Set<number>();
  let count = true;
  for (const row of field) {
    for (const v of row) {
      if (!Number.isFinite(v)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
      if (count && (!Number.isInteger(v) || distinct.add(v).size > 10)) count = false;
    }
  }
  const sorted = Array.from(distinct).sort((a, b) => a - b);
  const levels = count ? sorted.slice(1).map((v, i) => (v + sorted[i]) / 2) : niceLevels(lo, hi);
  const segments = levels.flatMap((level) =>
    contourSegments(field, level).map((s) => ({
      x: atIndex(xs, s.i1, ax.log),
      y: atIndex(ys, s.j1, ay.log),
      x2: atIndex(xs, s.i2, ax.log),
      y2: atIndex(ys, s.j2, ay.log),
      level,
    })),
  );
  // The colours of vega's own viridis scale (linear over the data's extent, as its legend shows).
  const { scheme } = await import('vega');
  const viridis = scheme('viridis') as (t: number) => string;
  const colour = (v: number): [number, number, number] | undefined =>
    Number.isFinite(v) ? parseColour(viridis(hi > lo ? (v - lo) / (hi - lo) : 0.5)) : undefined;
  const image = rasterField(field, ex, ey, [ax.log, ay.log], colour);
  const unit = quantityInfo(quantity).unit;
  const scale = (log: boolean, e: number[]) => ({
    type: log ? 'log' : 'linear',
    nice: false,
    ...(!log && { zero: false }),
    domain: [e[0], e[e.length - 1]],
  });
  const x = (title: boolean) => ({
    field: 'x',
    type: 'quantitative',
    ...(title && {
      title: axisTitle(ax.name, manifest.units[ax.name]),
      axis: siLabels(manifest.units[ax.name]),
    }),
    scale: scale(ax.log, ex),
  });
  const y = (title: boolean) => ({
    field: 'y',
    type: 'quantitative',
    ...(title && {
      title: axisTitle(ay.name, manifest.units[ay.name]),
      axis: siLabels(manifest.units[ay.name]),
    }),
    scale: scale(ay.log, ey),
  });
  const corners = { x: ex[0], x2: ex[ex.length - 1], y: ey[0], y2: ey[ey.length - 1] };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: MAP_WIDTH,
    height: MAP_HEIGHT,
    background: 'white',
    title: {
      text: axisTitle(quantity, unit),
      subtitle:
        levels.length > 0
          ? `contours at ${levels.map((l) => formatNumber(l, 3)).join(', ')}${unit ? ` ${unit}` : ''}`
          : '',
      anchor: 'start',
    },
    layer: [
      {
        data: { values: [{ ...corners, url: image }] },
        mark: { type: 'image', aspect: false, aria: false },
        encoding: { x: x(true), x2: { field: 'x2' }, y: y(true), y2: { field: 'y2' }, url: { field: 'url' } },
      },
      // Invisible: the colour legend, over the data's extent, for the raster's colours.
      {
        data: {
          values: Number.isFinite(lo)
            ? [
                { ...corners, v: lo },
                { ...corners, v: hi },
              ]
            : [],
        },
        mark: { type: 'rect', opacity: 0, aria: false },
        encoding: {
          x: x(false),
          x2: { field: 'x2' },
          y: y(false),
          y2: { field: 'y2' },
          color: {
            field: 'v',
            type: 'quantitative',
            title: axisTitle(quantity, unit),
            legend: siLabels(unit),
            scale: { scheme: 'viridis' },
          },
        },
      },
      {
        data: { values: segments },
        mark: { type: 'rule', color: 'white', strokeWidth: 0.9, opacity: 0.9 },
        encoding: {
          x: { field: 'x', type: 'quantitative' },
          y: { field: 'y', type: 'quantitative' },
          x2: { field: 'x2' },
          y2: { field: 'y2' },
        },
      },
    ],
    config: CONFIG,
  } as TopLevelSpec;
}
