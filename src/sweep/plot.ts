/**
 * Plots of a finished sweep: a line plot for one axis, a heat map with contour lines for two.
 * vega-lite spec → headless vega → SVG; PNG through the figures' resvg renderer (bundled fonts), both
 * loaded only when a plot is drawn.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { InputError } from '../index.js';
import { formatNumber } from '../units/quantity.js';
import { specToSvg, svgToPng } from '../figures/render.js';
import { writeFileAtomic } from '../io/atomic-write.js';
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
  const records = readFileSync(join(dir, RESULTS_JSONL), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  const valuesOf = (r: Record<string, unknown>): (number | null)[] => {
    if (Array.isArray(r.roots))
      return (r.roots as Record<string, number | null>[]).map((root) => root[quantity] ?? null);
    return [(r[quantity] as number | null | undefined) ?? null];
  };
  const plotSpec =
    spec.axes.length === 1
      ? linePlot(manifest, quantity, records, valuesOf)
      : heatMap(manifest, quantity, records, valuesOf);
  return writePlot(plotSpec, join(dir, 'plot'));
}

type ValuesOf = (r: Record<string, unknown>) => (number | null)[];

function linePlot(
  manifest: Manifest,
  quantity: string,
  records: Record<string, unknown>[],
  valuesOf: ValuesOf,
): TopLevelSpec {
  const axis = manifest.spec.axes[0];
  const rows: { x: number; y: number; root: string }[] = [];
  for (const r of records) {
    valuesOf(r).forEach((y, k) => {
      if (y !== null) rows.push({ x: r[axis.name] as number, y, root: `root ${k}` });
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

function strideIndices(n: number): number[] {
  const stride = Math.ceil(n / MAX_DRAWN);
  const out: number[] = [];
  for (let i = 0; i < n; i += stride) out.push(i);
  if (out[out.length - 1] !== n - 1) out.push(n - 1);
  return out;
}

function heatMap(
  manifest: Manifest,
  quantity: string,
  records: Record<string, unknown>[],
  valuesOf: ValuesOf,
): TopLevelSpec {
  const [ax, ay] = manifest.spec.axes;
  const nx = ax.values.length;
  const ny = ay.values.length;
  const ix = strideIndices(nx);
  const iy = strideIndices(ny);
  const xs = ix.map((i) => ax.values[i]);
  const ys = iy.map((j) => ay.values[j]);
  // The lowest-T_L root where there are several (the stable branch reached from a cold start).
  const field = ix.map((i) => iy.map((j) => valuesOf(records[i * ny + j])[0] ?? NaN));
  const ex = edges(xs, ax.log);
  const ey = edges(ys, ay.log);
  const cells: { x: number; x2: number; y: number; y2: number; v: number }[] = [];
  field.forEach((row, a) =>
    row.forEach((v, b) => {
      if (Number.isFinite(v)) cells.push({ x: ex[a], x2: ex[a + 1], y: ey[b], y2: ey[b + 1], v });
    }),
  );
  const finite = cells.map((c) => c.v);
  // A count (like n_roots) gets one contour between each pair of its values, not through them.
  const distinct = [...new Set(finite)].sort((a, b) => a - b);
  const levels =
    distinct.length <= 10 && distinct.every(Number.isInteger)
      ? distinct.slice(1).map((v, i) => (v + distinct[i]) / 2)
      : niceLevels(Math.min(...finite), Math.max(...finite));
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
