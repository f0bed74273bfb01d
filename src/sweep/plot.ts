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
    spec.axes.length === 1 ? linePlot(manifest, quantity, samples) : heatMap(manifest, quantity, samples);
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

function heatMap(manifest: Manifest, quantity: string, samples: Samples): TopLevelSpec {
  const [ax, ay] = manifest.spec.axes;
  const ny = ay.values.length;
  const [ix, iy] = samples.keep;
  const xs = ix.map((i) => ax.values[i]);
  const ys = iy.map((j) => ay.values[j]);
  // The lowest-T_L root where there are several (the stable branch reached from a cold start).
  const field = ix.map((i) => iy.map((j) => samples.values.get(i * ny + j)![0] ?? NaN));
  const ex = edges(xs, ax.log);
  const ey = edges(ys, ay.log);
  const cells: { x: number; x2: number; y: number; y2: number; v: number }[] = [];
  let lo = Infinity;
  let hi = -Infinity;
  // A count (like n_roots) gets one contour between each pair of its values, not through them.
  const distinct = new Set<number>();
  let count = true;
  field.forEach((row, a) =>
    row.forEach((v, b) => {
      if (!Number.isFinite(v)) return;
      cells.push({ x: ex[a], x2: ex[a + 1], y: ey[b], y2: ey[b + 1], v });
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
      if (count && (!Number.isInteger(v) || distinct.add(v).size > 10)) count = false;
    }),
  );
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
  const unit = quantityInfo(quantity).unit;
  const scale = (log: boolean, e: number[]) => ({
    type: log ? 'log' : 'linear',
    nice: false,
    ...(!log && { zero: false }),
    domain: [e[0], e[e.length - 1]],
  });
  const xScale = scale(ax.log, ex);
  const yScale = scale(ay.log, ey);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 480,
    height: 360,
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
        data: { values: cells },
        mark: { type: 'rect', stroke: null },
        encoding: {
          x: {
            field: 'x',
            type: 'quantitative',
            title: axisTitle(ax.name, manifest.units[ax.name]),
            axis: siLabels(manifest.units[ax.name]),
            scale: xScale,
          },
          x2: { field: 'x2' },
          y: {
            field: 'y',
            type: 'quantitative',
            title: axisTitle(ay.name, manifest.units[ay.name]),
            axis: siLabels(manifest.units[ay.name]),
            scale: yScale,
          },
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
