/**
 * What leaves the page: the curves as one tidy CSV (one row per plotted point, for
 * `pandas.read_csv`), the view as a PNG, the link, and the device as a YAML device file.
 */
import { csvCell, download, type Chart } from './chart.js';
import { deviceFromParams, describeDevice, savedDeviceText } from './device.js';
import { heldSets } from './hold.js';
import { controlName, NUMERIC_SPECS, toQuery, type ExplorerParams } from './params.js';
import { paramCells, TIDY_COLUMNS } from './tidy.js';
import { charts } from './panels.js';
import { $, showNotes, view } from './state.js';

/** The tidy CSV of `list`: the live curves (set "current") and each held set, one point per row. */
export function tidyCsv(list: Chart[]): string {
  const lines = [TIDY_COLUMNS.join(',')];
  const sets = [
    { label: 'current', params: view.params, data: (c: Chart) => c.plotted() },
    // A held set's key is its number alone: what differs from the view shown now would change from
    // one export to the next, and its parameters are in the row's columns.
    ...heldSets().map((set) => ({
      label: `held ${set.number}`,
      params: set.params,
      data: (c: Chart) => set.data[c.spec.id] ?? [],
    })),
  ];
  for (const set of sets) {
    const tail = paramCells(set.params).map(csvCell).join(',');
    for (const chart of list) {
      for (const r of chart.tidy(set.data(chart))) {
        const head = [
          set.label,
          r.panel,
          r.series,
          r.xName,
          String(r.x),
          r.xUnit,
          r.yName,
          String(r.y),
          r.yUnit,
        ];
        lines.push(`${head.map(csvCell).join(',')},${tail}`);
      }
    }
  }
  return lines.join('\n') + '\n';
}

const csvBlob = (text: string): Blob => new Blob([text], { type: 'text/csv' });

/** The view in words: device, setup and the parameters shown, named as the controls name them. */
export function describe(p: ExplorerParams): string {
  const values = NUMERIC_SPECS.filter((s) => s.group !== 'right' || p.separate).map(
    (s) =>
      `${controlName(s)} = ${String(Number((p[s.key] * s.perSI).toPrecision(4)))}${s.unit === '' ? '' : ` ${s.unit}`}`,
  );
  const device = p.file === undefined ? `platform ${p.platform}` : `device file ${p.file.name}`;
  return [device, `setup ${p.setup}`, ...values].join(', ');
}

/** `text` broken at spaces into lines no wider than `width` in the context's current font. */
function wrapText(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line === '' ? word : `${line} ${word}`;
    if (line !== '' && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** A legend's entries placed in rows no wider than `width`: x offsets and row index per entry. */
function legendLayout(
  ctx: CanvasRenderingContext2D,
  entries: ReturnType<Chart['legendEntries']>,
  width: number,
  dpr: number,
): { placed: { entry: (typeof entries)[number]; x: number; row: number }[]; rows: number } {
  const placed: { entry: (typeof entries)[number]; x: number; row: number }[] = [];
  let [x, row] = [0, 0];
  for (const entry of entries) {
    const w = 18 * dpr + ctx.measureText(entry.label).width + 16 * dpr;
    if (x + w > width && x > 0) [x, row] = [0, row + 1];
    placed.push({ entry, x, row });
    x += w;
  }
  return { placed, rows: entries.length === 0 ? 0 : row + 1 };
}

/**
 * All six panels, their titles and legends, on one canvas with the view's parameters. Each row of
 * panels is as tall as its tallest legend (held sets add lines), and the header wraps to the width.
 */
function exportPng(): Promise<Blob> {
  const list = Object.values(charts);
  const dpr = devicePixelRatio || 1;
  const cellW = Math.max(...list.map((c) => c.canvas.width));
  const cols = 2;
  const canvas = document.createElement('canvas');
  canvas.width = cols * cellW;
  const measure = canvas.getContext('2d');
  if (measure === null) return Promise.reject(new Error('no 2D canvas'));
  const legendFont = `${12 * dpr}px sans-serif`;
  measure.font = legendFont;
  const layouts = list.map((c) => legendLayout(measure, c.legendEntries(), cellW - 20 * dpr, dpr));
  const lineHeight = 16 * dpr;
  const rowsOfPanels = Math.ceil(list.length / cols);
  const cellHeights = Array.from({ length: rowsOfPanels }, (_, r) => {
    const cells = list.slice(r * cols, r * cols + cols);
    const legend = Math.max(...layouts.slice(r * cols, r * cols + cols).map((l) => l.rows)) * lineHeight;
    return 24 * dpr + Math.max(...cells.map((c) => c.canvas.height)) + 12 * dpr + legend + 14 * dpr;
  });
  const d = describeDevice(deviceFromParams(view.params));
  measure.font = `${13 * dpr}px sans-serif`;
  const title = wrapText(measure, `ndtc explorer — ${describe(view.params)}`, canvas.width - 20 * dpr);
  measure.font = `${11 * dpr}px sans-serif`;
  const device = wrapText(measure, `left: ${d.left}; right: ${d.right}; ${d.bath}`, canvas.width - 20 * dpr);
  const header = (title.length * 18 + device.length * 15 + 14) * dpr;
  canvas.height = header + cellHeights.reduce((a, b) => a + b, 0);
  // Resizing the canvas resets its context.
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#111';
  let y = 0;
  ctx.font = `${13 * dpr}px sans-serif`;
  for (const line of title) ctx.fillText(line, 10 * dpr, (y += 18 * dpr));
  ctx.font = `${11 * dpr}px sans-serif`;
  for (const line of device) ctx.fillText(line, 10 * dpr, (y += 15 * dpr));
  list.forEach((chart, i) => {
    const row = Math.floor(i / cols);
    const x = (i % cols) * cellW;
    const top = header + cellHeights.slice(0, row).reduce((a, b) => a + b, 0);
    ctx.fillStyle = '#111';
    ctx.font = `bold ${13 * dpr}px sans-serif`;
    ctx.fillText(chart.spec.title, x + 10 * dpr, top + 16 * dpr);
    ctx.drawImage(chart.canvas, x, top + 24 * dpr);
    ctx.font = legendFont;
    const first = top + 24 * dpr + chart.canvas.height + 18 * dpr;
    for (const { entry, x: dx, row: line } of layouts[i].placed) {
      const [lx, ly] = [x + 10 * dpr + dx, first + line * lineHeight];
      ctx.fillStyle = entry.color;
      if (entry.dash === undefined) ctx.fillRect(lx, ly - 8 * dpr, 14 * dpr, 8 * dpr);
      else {
        ctx.strokeStyle = entry.color;
        ctx.setLineDash(entry.dash.map((v) => v * dpr));
        ctx.beginPath();
        ctx.moveTo(lx, ly - 4 * dpr);
        ctx.lineTo(lx + 14 * dpr, ly - 4 * dpr);
        ctx.stroke();
        ctx.setLineDash([]);
      }
      ctx.fillStyle = '#111';
      ctx.fillText(entry.label, lx + 18 * dpr, ly);
    }
  });
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob === null ? reject(new Error('empty image')) : resolve(blob)), 'image/png'),
  );
}

/** Wire the export buttons and each panel's CSV button. */
export function buildExport(): void {
  $('export-csv').addEventListener('click', () =>
    download('ndtc-curves.csv', csvBlob(tidyCsv(Object.values(charts)))),
  );
  for (const chart of Object.values(charts)) {
    chart.onCsv = (c) => download(`ndtc-${c.spec.id}.csv`, csvBlob(tidyCsv([c])));
  }
  $('export-png').addEventListener('click', () => {
    exportPng().then(
      (blob) => download('ndtc-view.png', blob),
      (error: unknown) => showNotes([`PNG export failed: ${String(error)}`]),
    );
  });
  $('copy-link').addEventListener('click', () => {
    const link = `${location.origin}${location.pathname}?${toQuery(view.params)}`;
    navigator.clipboard.writeText(link).then(
      () => showNotes(['link copied']),
      () => showNotes([link]),
    );
  });
  $('save-device').addEventListener('click', () => {
    const p = view.params;
    const name = (p.file?.name ?? `ndtc-${p.platform}`).replace(/\.(ya?ml|json)$/i, '');
    const text = savedDeviceText(deviceFromParams(p), name, toQuery(p), p.Jin);
    download(`${name}.yaml`, new Blob([text], { type: 'application/yaml' }));
  });
}
