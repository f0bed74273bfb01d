/**
 * One explorer panel: a uPlot canvas chart with axis titles, a legend that reads out the hovered
 * point, shaded x-intervals (the NDTC region), markers, and CSV/PNG export of what it shows.
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
}

export interface Overlays {
  /** x-intervals to shade, with a legend label. */
  shade?: { intervals: [number, number][]; label: string };
  markers?: Marker[];
  /** A vertical guide (e.g. the current J_in). */
  vline?: { x: number; label: string };
}

const SHADE = 'rgba(214, 39, 40, 0.13)';
const MARKER = '#111';

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
    csv.addEventListener('click', () =>
      download(`ndtc-${spec.id}.csv`, new Blob([this.csv()], { type: 'text/csv' })),
    );
    caption.append(csv);
    this.status = document.createElement('p');
    this.status.className = 'chart-status';
    this.status.setAttribute('role', 'status');
    const body = document.createElement('div');
    this.element.append(caption, body, this.status);
    parent.append(this.element);

    this.data = [[], ...spec.series.map(() => [])];
    const width = Math.max(300, body.clientWidth || parent.clientWidth / 2 - 24);
    this.plot = new uPlot(
      {
        width,
        height: 250,
        scales: {
          // A log x axis spans the data, not the enclosing decades.
          x: spec.x.log ? { time: false, distr: 3, range: (_u, min, max) => [min, max] } : { time: false },
          y: { distr: spec.y.log ? 3 : 1 },
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
      if (w > 0 && Math.abs(w - this.plot.width) > 1) this.plot.setSize({ width: w, height: 250 });
    }).observe(body);
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

  /** The panel as a wide CSV table in the plotted units. */
  csv(): string {
    const header = [this.spec.x.label, ...this.spec.series.map((s) => s.label)].map(csvCell).join(',');
    const x = this.data[0] as number[];
    const rows = x.map((xi, i) =>
      [xi, ...this.data.slice(1).map((ys) => (ys as (number | null)[])[i])]
        .map((v) => (v === null || v === undefined ? '' : String(v)))
        .join(','),
    );
    return [`# ${this.spec.title}`, header, ...rows].join('\n') + '\n';
  }

  /** The series names and colors, for drawing a legend into an exported image. */
  legendEntries(): { label: string; color: string }[] {
    const entries = this.spec.series.map((s) => ({ label: s.label, color: s.color }));
    if (this.overlays.shade !== undefined && this.overlays.shade.intervals.length > 0)
      entries.push({ label: this.overlays.shade.label, color: SHADE });
    return entries;
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
      ctx.fillText(v.label, x + 4 * dpr, top + 14 * dpr);
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
      const textWidth = ctx.measureText(m.label).width;
      // Right of the marker if it fits, else left of it, but never outside the plot area.
      const right = x + 8 * dpr + textWidth <= left + width;
      const tx = right ? x + 8 * dpr : Math.max(left + 4 * dpr, x - 8 * dpr - textWidth);
      ctx.fillText(m.label, tx, y - 8 * dpr < top + 12 * dpr ? y + 18 * dpr : y - 8 * dpr);
    }
    ctx.restore();
  }
}

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
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
