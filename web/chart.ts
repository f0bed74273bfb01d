/**
 * One explorer panel: a uPlot canvas chart with axis titles, a legend that reads out the hovered
 * point, shaded x-intervals (the NDTC region), markers whose labels stay inside the plot, held
 * curve sets drawn dashed and faded for comparison, and the rows of the tidy CSV export.
 */
import uPlot from 'uplot';

export interface SeriesSpec {
  label: string;
  color: string;
  dash?: number[];
}

export interface ChartSpec {
  id: string;
  title: string;
  /** Axis titles, with units. */
  x: { label: string; log?: boolean };
  y: { label: string; log?: boolean };
  series: SeriesSpec[];
  /** Draw a horizontal line at y = 0 (sign changes matter on this panel). */
  zeroLine?: boolean;
}

export interface Marker {
  x: number;
  y: number;
  label: string;
  /** Label under the marker (a minimum: the curve runs above it), else above. */
  below?: boolean;
}

export interface Overlays {
  /** x-intervals to shade, with a legend label. */
  shade?: { intervals: [number, number][]; label: string };
  markers?: Marker[];
  /** A vertical guide (e.g. the current J_in). */
  vline?: { x: number; label: string };
}

/** A held curve set: what this panel plotted for other parameters, drawn faded with its own dash. */
export interface HeldCurves {
  label: string;
  dash: number[];
  data: (number | null)[][];
}

/** A drawn annotation's box in CSS pixels relative to the canvas (for tests and inspection). */
export interface AnnotationBox {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** One row of the tidy CSV: a plotted point with its names and units. */
export interface TidyPoint {
  panel: string;
  series: string;
  xName: string;
  x: number;
  xUnit: string;
  yName: string;
  y: number;
  yUnit: string;
}

/** "T_R (mK)" → name and unit. */
export function splitLabel(label: string): { name: string; unit: string } {
  const m = /^(.*) \(([^()]*)\)$/.exec(label);
  return m === null ? { name: label, unit: '' } : { name: m[1], unit: m[2] };
}

const SHADE = 'rgba(214, 39, 40, 0.13)';
const MARKER = '#111';
const HEIGHT = 250;
/** Smallest annotation font, CSS px: below it a label is shortened instead. */
const MIN_FONT = 9;

const fmt = (v: number | null | undefined): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '–' : String(Number(v.toPrecision(4)));

export class Chart {
  readonly spec: ChartSpec;
  readonly element: HTMLElement;
  readonly status: HTMLElement;
  private readonly plot: uPlot;
  private data: uPlot.AlignedData;
  private overlays: Overlays = {};
  private afterDraw: (() => void)[] = [];
  private held: HeldCurves[] = [];
  private readonly heldLegend: HTMLElement;
  /** What the panel's CSV button does (the page writes the tidy CSV of this panel). */
  onCsv?: (chart: Chart) => void;
  /** The annotation boxes of the last draw. */
  annotations: AnnotationBox[] = [];

  constructor(spec: ChartSpec, parent: HTMLElement) {
    this.spec = spec;
    this.element = document.createElement('figure');
    this.element.className = 'chart';
    this.element.id = `chart-${spec.id}`;
    const caption = document.createElement('figcaption');
    const title = document.createElement('span');
    title.textContent = spec.title;
    caption.append(title);
    const csv = document.createElement('button');
    csv.type = 'button';
    csv.textContent = 'CSV';
    csv.setAttribute('aria-label', `Download ${spec.title} as CSV`);
    csv.addEventListener('click', () => this.onCsv?.(this));
    caption.append(csv);
    this.status = document.createElement('p');
    this.status.className = 'chart-status';
    this.status.setAttribute('role', 'status');
    const body = document.createElement('div');
    body.className = 'chart-body';
    this.heldLegend = document.createElement('ul');
    this.heldLegend.className = 'chart-held';
    this.heldLegend.hidden = true;
    this.element.append(caption, body, this.heldLegend, this.status);
    parent.append(this.element);

    this.data = [[], ...spec.series.map(() => [])];
    // Sized to its box (the page's width on a phone); the observer below follows later changes.
    const width = Math.max(200, body.clientWidth || parent.clientWidth - 24);
    this.plot = new uPlot(
      {
        width,
        height: HEIGHT,
        scales: {
          // A log x axis spans the data, not the enclosing decades; held sets widen both axes.
          x: {
            time: false,
            ...(spec.x.log && { distr: 3 }),
            range: (_u, min, max) => this.extent(0, min, max),
          },
          y: {
            distr: spec.y.log ? 3 : 1,
            range: (_u, min, max) => {
              const [lo, hi] = this.extent(1, min, max);
              if (lo === null || hi === null) return [lo, hi];
              return spec.y.log ? uPlot.rangeLog(lo, hi, 10, true) : uPlot.rangeNum(lo, hi, 0.1, true);
            },
          },
        },
        axes: [
          { label: spec.x.label, labelSize: 22, stroke: '#333', grid: { stroke: '#e6e6e6' } },
          { label: spec.y.label, labelSize: 22, stroke: '#333', grid: { stroke: '#e6e6e6' }, size: 60 },
        ],
        series: [
          { label: spec.x.label, value: (_u, v) => fmt(v) },
          ...spec.series.map((s) => ({
            label: s.label,
            stroke: s.color,
            width: 2,
            dash: s.dash,
            spanGaps: false,
            points: { show: false },
            value: (_u: uPlot, v: number | null) => fmt(v),
          })),
        ],
        cursor: { drag: { x: false, y: false } },
        legend: { live: true },
        hooks: {
          drawClear: [(u) => this.drawShade(u)],
          draw: [
            (u) => {
              this.drawHeld(u);
              this.drawMarkers(u);
              for (const callback of this.afterDraw.splice(0)) callback();
            },
          ],
        },
      },
      this.data,
      body,
    );
    new ResizeObserver(() => {
      const w = body.clientWidth;
      if (w > 0 && Math.abs(w - this.plot.width) > 1) this.plot.setSize({ width: w, height: HEIGHT });
    }).observe(body);
  }

  /** The range of axis 0 (x) or 1 (y) over the current data and the held sets. */
  private extent(axis: 0 | 1, min: number | null, max: number | null): [number | null, number | null] {
    let lo = min;
    let hi = max;
    const positive = axis === 0 ? this.spec.x.log === true : this.spec.y.log === true;
    for (const set of this.held) {
      const arrays = axis === 0 ? [set.data[0] ?? []] : set.data.slice(1);
      for (const a of arrays) {
        for (const v of a) {
          if (v === null || !Number.isFinite(v) || (positive && v <= 0)) continue;
          if (lo === null || v < lo) lo = v;
          if (hi === null || v > hi) hi = v;
        }
      }
    }
    return [lo, hi];
  }

  /** Show these held sets (faded, dashed) with a legend line each; [] clears them. */
  setHeld(sets: HeldCurves[]): void {
    // Labels follow every parameter change; the canvas is redrawn only when the sets change.
    const same = sets.length === this.held.length && sets.every((set, i) => set.data === this.held[i].data);
    this.held = sets;
    this.heldLegend.replaceChildren(
      ...sets.map((set) => {
        const item = document.createElement('li');
        // The set's own dash pattern, as drawn on the canvas.
        const svg = 'http://www.w3.org/2000/svg';
        const swatch = document.createElementNS(svg, 'svg');
        swatch.setAttribute('class', 'held-swatch');
        swatch.setAttribute('width', '24');
        swatch.setAttribute('height', '6');
        swatch.setAttribute('aria-hidden', 'true');
        const line = document.createElementNS(svg, 'line');
        for (const [k, v] of Object.entries({ x1: '0', y1: '3', x2: '24', y2: '3' })) line.setAttribute(k, v);
        line.setAttribute('stroke', '#777');
        line.setAttribute('stroke-width', '1.5');
        line.setAttribute('stroke-dasharray', set.dash.join(' '));
        swatch.append(line);
        item.append(swatch, set.label);
        return item;
      }),
    );
    this.heldLegend.hidden = sets.length === 0;
    if (!same) this.plot.setData(this.data);
  }

  /** Replace the curves (x then one array per series, display units; null leaves a gap). */
  update(x: number[], ys: (number | null)[][], overlays: Overlays = {}): void {
    this.overlays = overlays;
    this.data = [x, ...ys] as uPlot.AlignedData;
    this.plot.setData(this.data);
  }

  /** Run `callback` once the canvas has been redrawn (uPlot draws in a microtask after setData). */
  afterNextDraw(callback: () => void): void {
    this.afterDraw.push(callback);
  }

  setStatus(text: string, kind: 'info' | 'error' = 'info'): void {
    this.status.textContent = text;
    this.status.dataset.kind = kind;
  }

  plotted(): (number | null)[][] {
    return this.data.map((a) => Array.from(a as ArrayLike<number | null>));
  }

  get canvas(): HTMLCanvasElement {
    return this.plot.ctx.canvas;
  }

  /**
   * The plotted points of `data` (this panel's own by default) as tidy rows in the plotted units;
   * gaps (null) are left out.
   */
  tidy(data: (number | null)[][] = this.plotted()): TidyPoint[] {
    const x = splitLabel(this.spec.x.label);
    const y = splitLabel(this.spec.y.label);
    const rows: TidyPoint[] = [];
    this.spec.series.forEach((series, k) => {
      const ys = data[k + 1] ?? [];
      const name = splitLabel(series.label).name;
      (data[0] ?? []).forEach((xi, i) => {
        const yi = ys[i];
        if (xi === null || yi === null || yi === undefined || !Number.isFinite(yi)) return;
        rows.push({
          panel: this.spec.id,
          series: name,
          xName: x.name,
          x: xi,
          xUnit: x.unit,
          yName: y.name,
          y: yi,
          yUnit: y.unit,
        });
      });
    });
    return rows;
  }

  /** The series names and colors, for drawing a legend into an exported image. */
  legendEntries(): { label: string; color: string; dash?: number[] }[] {
    const entries: { label: string; color: string; dash?: number[] }[] = this.spec.series.map((s) => ({
      label: s.label,
      color: s.color,
    }));
    if (this.overlays.shade !== undefined && this.overlays.shade.intervals.length > 0)
      entries.push({ label: this.overlays.shade.label, color: SHADE });
    for (const set of this.held) entries.push({ label: set.label, color: '#777', dash: set.dash });
    return entries;
  }

  private drawHeld(u: uPlot): void {
    if (this.held.length === 0) return;
    const { ctx } = u;
    const { left, top, width, height } = u.bbox;
    const dpr = devicePixelRatio || 1;
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, width, height);
    ctx.clip();
    ctx.globalAlpha = 0.55;
    ctx.lineWidth = 1.5 * dpr;
    for (const set of this.held) {
      ctx.setLineDash(set.dash.map((d) => d * dpr));
      const xs = set.data[0] ?? [];
      this.spec.series.forEach((series, k) => {
        const ys = set.data[k + 1] ?? [];
        ctx.strokeStyle = series.color;
        ctx.beginPath();
        let pen = false;
        xs.forEach((xv, i) => {
          const yv = ys[i];
          if (xv === null || yv === null || yv === undefined || !Number.isFinite(yv)) {
            pen = false;
            return;
          }
          const px = u.valToPos(xv, 'x', true);
          const py = u.valToPos(yv, 'y', true);
          if (pen) ctx.lineTo(px, py);
          else ctx.moveTo(px, py);
          pen = true;
        });
        ctx.stroke();
      });
    }
    ctx.restore();
  }

  /**
   * Draw `text` with its box inside the plot area: at (x, y) if it fits, else shifted in, else in a
   * smaller font, else shortened. Records the box for inspection.
   */
  private placeLabel(u: uPlot, text: string, x: number, y: number, anchor: 'left' | 'right'): void {
    const { ctx } = u;
    const { left, top, width, height } = u.bbox;
    const dpr = devicePixelRatio || 1;
    const pad = 3 * dpr;
    let size = 12;
    let shown = text;
    ctx.font = `${size * dpr}px sans-serif`;
    while (ctx.measureText(shown).width > width - 2 * pad && size > MIN_FONT) {
      size -= 1;
      ctx.font = `${size * dpr}px sans-serif`;
    }
    while (ctx.measureText(shown).width > width - 2 * pad && shown.length > 1)
      shown = `${shown.slice(0, -2)}…`;
    const w = ctx.measureText(shown).width;
    const ascent = size * 0.8 * dpr;
    const descent = size * 0.25 * dpr;
    let tx = anchor === 'left' ? x : x - w;
    tx = Math.min(left + width - pad - w, Math.max(left + pad, tx));
    const ty = Math.min(top + height - pad - descent, Math.max(top + pad + ascent, y));
    ctx.fillText(shown, tx, ty);
    // The box of the text as drawn: where it starts depends on the context's alignment.
    const align = ctx.textAlign;
    const start = align === 'right' || align === 'end' ? tx - w : align === 'center' ? tx - w / 2 : tx;
    this.annotations.push({
      text: shown,
      left: start / dpr,
      top: (ty - ascent) / dpr,
      right: (start + w) / dpr,
      bottom: (ty + descent) / dpr,
    });
  }

  private drawShade(u: uPlot): void {
    const { ctx } = u;
    const { left, top, width, height } = u.bbox;
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, width, height);
    ctx.clip();
    for (const [a, b] of this.overlays.shade?.intervals ?? []) {
      const x0 = u.valToPos(a, 'x', true);
      const x1 = u.valToPos(b, 'x', true);
      ctx.fillStyle = SHADE;
      ctx.fillRect(Math.min(x0, x1), top, Math.abs(x1 - x0), height);
    }
    if (this.spec.zeroLine === true) {
      const y0 = u.valToPos(0, 'y', true);
      if (y0 >= top && y0 <= top + height) {
        ctx.strokeStyle = '#888';
        ctx.lineWidth = 1;
        ctx.beginPath();
        ctx.moveTo(left, y0);
        ctx.lineTo(left + width, y0);
        ctx.stroke();
      }
    }
    ctx.restore();
  }

  private drawMarkers(u: uPlot): void {
    const { ctx } = u;
    const { left, top, width, height } = u.bbox;
    const dpr = devicePixelRatio || 1;
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, width, height);
    ctx.clip();
    ctx.font = `${12 * dpr}px sans-serif`;
    // uPlot leaves the alignment of its last axis label (right or centre) on the context.
    ctx.textAlign = 'left';
    ctx.textBaseline = 'alphabetic';
    this.annotations = [];
    const v = this.overlays.vline;
    if (v !== undefined) {
      const x = u.valToPos(v.x, 'x', true);
      ctx.strokeStyle = '#555';
      ctx.setLineDash([4 * dpr, 4 * dpr]);
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + height);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = '#555';
      const w = ctx.measureText(v.label).width;
      const fitsRight = x + 4 * dpr + w <= left + width;
      this.placeLabel(
        u,
        v.label,
        fitsRight ? x + 4 * dpr : x - 4 * dpr,
        top + 14 * dpr,
        fitsRight ? 'left' : 'right',
      );
    }
    for (const m of this.overlays.markers ?? []) {
      if (!Number.isFinite(m.x) || !Number.isFinite(m.y)) continue;
      const x = u.valToPos(m.x, 'x', true);
      const y = u.valToPos(m.y, 'y', true);
      ctx.fillStyle = MARKER;
      ctx.beginPath();
      ctx.arc(x, y, 4.5 * dpr, 0, 2 * Math.PI);
      ctx.fill();
      ctx.fillStyle = '#fff';
      ctx.beginPath();
      ctx.arc(x, y, 2 * dpr, 0, 2 * Math.PI);
      ctx.fill();
      ctx.fillStyle = MARKER;
      // Right of the marker if it fits, else left of it; above it (below a minimum) unless that leaves
      // the plot.
      const textWidth = ctx.measureText(m.label).width;
      const right = x + 8 * dpr + textWidth <= left + width;
      const above = y - 8 * dpr;
      const under = y + 18 * dpr;
      const ty = m.below
        ? under > top + height - 4 * dpr
          ? above
          : under
        : above < top + 14 * dpr
          ? under
          : above;
      this.placeLabel(u, m.label, right ? x + 8 * dpr : x - 8 * dpr, ty, right ? 'left' : 'right');
    }
    ctx.restore();
  }
}

/** A CSV field, quoted where it must be (RFC 4180). */
export function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
