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
    // A series with nothing to draw (no unstable or upper root) keeps no line in the legend.
    const rows = this.plot.root.querySelectorAll<HTMLElement>('.u-legend .u-series');
    ys.forEach((y, k) => {
      const row = rows[k + 1];
      if (row !== undefined) row.hidden = !this.drawn(k);
    });
  }

  /** Whether series k has a point to draw (the legend and the exported image name only those). */
  private drawn(k: number): boolean {
    const y = this.data[k + 1] as ArrayLike<number | null | undefined> | undefined;
    if (y === undefined) return true; // before the first data: every series is named
    for (let i = 0; i < y.length; i++) {
      const v = y[i];
      if (v !== null && v !== undefined && Number.isFinite(v)) return true;
    }
    return false;
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
    const entries: { label: string; color: string; dash?: number[] }[] = this.spec.series
      .filter((_, k) => this.drawn(k))
      .map((s) => ({ label: s.label, color: s.color }));
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
   * Draw `text` with its box inside the plot area, at the first of `places` (a point and the side of
   * it the text extends to) whose box crosses the fewest curves: each place shifted in if it sticks
   * out; the font made smaller, else the text shortened, if the plot is narrower than the text.
   * Records the box for inspection.
   */
  private placeLabel(u: uPlot, text: string, places: LabelPlace[], curves: Float64Array[]): void {
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
    // Where the text goes from each place, and how many curve segments its box (with a margin) meets.
    let best: { tx: number; ty: number; hits: number } | undefined;
    for (const { x, y, anchor } of places) {
      const tx = Math.min(left + width - pad - w, Math.max(left + pad, anchor === 'left' ? x : x - w));
      const ty = Math.min(top + height - pad - descent, Math.max(top + pad + ascent, y));
      const hits = crossings(
        curves,
        tx - 2 * dpr,
        ty - ascent - 2 * dpr,
        tx + w + 2 * dpr,
        ty + descent + 2 * dpr,
      );
      if (best === undefined || hits < best.hits) best = { tx, ty, hits };
      if (hits === 0) break;
    }
    if (best === undefined) return;
    const { tx, ty } = best;
    if (best.hits > 0) {
      // Nowhere clear of the curves (a narrow plot): the text on a white backing, the curve faint under it.
      const fill = ctx.fillStyle;
      ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
      ctx.fillRect(tx - 2 * dpr, ty - ascent - 1 * dpr, w + 4 * dpr, ascent + descent + 2 * dpr);
      ctx.fillStyle = fill;
    }
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

  /** Every drawn curve (this panel's series and the held sets') as canvas-pixel polylines, NaN at gaps. */
  private pixelCurves(u: uPlot): Float64Array[] {
    const curves: Float64Array[] = [];
    const add = (data: ArrayLike<number | null | undefined>[]): void => {
      const xs = data[0] ?? [];
      for (let k = 1; k < data.length; k++) {
        const ys = data[k] ?? [];
        const line = new Float64Array(2 * xs.length);
        for (let i = 0; i < xs.length; i++) {
          const xv = xs[i];
          const yv = ys[i];
          const ok =
            xv !== null && xv !== undefined && yv !== null && yv !== undefined && Number.isFinite(yv);
          line[2 * i] = ok ? u.valToPos(xv, 'x', true) : NaN;
          line[2 * i + 1] = ok ? u.valToPos(yv, 'y', true) : NaN;
        }
        curves.push(line);
      }
    };
    add(this.data as ArrayLike<number | null>[]);
    for (const set of this.held) add(set.data);
    return curves;
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
    const curves = this.pixelCurves(u);
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
      const sides: LabelPlace['anchor'][] = fitsRight ? ['left', 'right'] : ['right', 'left'];
      // Along the guide from the top, on the side it fits first, clear of the curves where it can be.
      const places = [14, 30, 46, 62].flatMap((down) =>
        sides.map((anchor) => ({
          x: anchor === 'left' ? x + 4 * dpr : x - 4 * dpr,
          y: top + down * dpr,
          anchor,
        })),
      );
      this.placeLabel(u, v.label, places, curves);
    }
    const dots: [number, number][] = [];
    for (const m of this.overlays.markers ?? []) {
      if (!Number.isFinite(m.x) || !Number.isFinite(m.y)) continue;
      const x = u.valToPos(m.x, 'x', true);
      const y = u.valToPos(m.y, 'y', true);
      if (x < left - 1 || x > left + width + 1 || y < top - 1 || y > top + height + 1) continue;
      dots.push([x, y]);
      ctx.fillStyle = MARKER;
      // Right of the marker if it fits, else left of it; above it (below a minimum), else on the other
      // side of it, else further away: the first of these whose box no curve crosses.
      const textWidth = ctx.measureText(m.label).width;
      const right = x + 8 * dpr + textWidth <= left + width;
      const sides: LabelPlace['anchor'][] = right ? ['left', 'right'] : ['right', 'left'];
      const above = [-8, -24, -40, -56];
      const under = [18, 34, 50, 66];
      const rows = m.below ? [...under, ...above] : [...above, ...under];
      const at = (ty: number) =>
        sides.map((anchor) => ({ x: anchor === 'left' ? x + 8 * dpr : x - 8 * dpr, y: ty, anchor }));
      // Then anywhere up or down the plot, the nearest rows first: a wide label in a narrow plot.
      const scan = Array.from(
        { length: Math.floor(height / (6 * dpr)) },
        (_, k) => top + (k + 2) * 6 * dpr,
      ).sort((a, b) => Math.abs(a - y) - Math.abs(b - y));
      const places = [...rows.map((dy) => y + dy * dpr), ...scan].flatMap(at);
      this.placeLabel(u, m.label, places, curves);
    }
    ctx.restore();
    // The markers unclipped, whole also at the plot's edge (T_L,min at the first T_R).
    for (const [x, y] of dots) {
      ctx.fillStyle = MARKER;
      ctx.beginPath();
      ctx.arc(x, y, 4.5 * dpr, 0, 2 * Math.PI);
      ctx.fill();
      ctx.fillStyle = '#fff';
      ctx.beginPath();
      ctx.arc(x, y, 2 * dpr, 0, 2 * Math.PI);
      ctx.fill();
    }
  }
}

/** A place for an annotation: its text starts (anchor left) or ends (anchor right) at x, baseline y. */
interface LabelPlace {
  x: number;
  y: number;
  anchor: 'left' | 'right';
}

/** How many segments of `curves` (pixel polylines, NaN at gaps) meet the box [l, r] × [t, b]. */
function crossings(curves: Float64Array[], l: number, t: number, r: number, b: number): number {
  let n = 0;
  for (const line of curves)
    for (let i = 2; i + 1 < line.length; i += 2)
      if (segmentMeetsBox(line[i - 2], line[i - 1], line[i], line[i + 1], l, t, r, b)) n++;
  return n;
}

/** Whether the segment (x0, y0)–(x1, y1) meets the box (Liang–Barsky clipping); false with a NaN end. */
function segmentMeetsBox(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  l: number,
  t: number,
  r: number,
  b: number,
): boolean {
  if (!(Number.isFinite(x0) && Number.isFinite(y0) && Number.isFinite(x1) && Number.isFinite(y1)))
    return false;
  const dx = x1 - x0;
  const dy = y1 - y0;
  let u0 = 0;
  let u1 = 1;
  for (const [p, q] of [
    [-dx, x0 - l],
    [dx, r - x0],
    [-dy, y0 - t],
    [dy, b - y0],
  ]) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const u = q / p;
      if (p < 0) u0 = Math.max(u0, u);
      else u1 = Math.min(u1, u);
      if (u0 > u1) return false;
    }
  }
  return true;
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
