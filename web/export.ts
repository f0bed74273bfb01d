/**
 * What leaves the page: the curves as one tidy CSV (one row per plotted point, for
 * `pandas.read_csv`), the view as a PNG, the link, and the device as a YAML device file.
 */
import { csvCell, download, type Chart } from './chart.js';
import { deviceFromParams, describeDevice, savedDeviceText } from './device.js';
import { heldLabel, heldSets } from './hold.js';
import { NUMERIC_SPECS, toQuery, type ExplorerParams } from './params.js';
import { paramCells, TIDY_COLUMNS } from './tidy.js';
import { charts } from './panels.js';
import { $, showNotes, view } from './state.js';

/** The tidy CSV of `list`: the live curves (set "current") and each held set, one point per row. */
export function tidyCsv(list: Chart[]): string {
  const lines = [TIDY_COLUMNS.join(',')];
  const sets = [
    { label: 'current', params: view.params, data: (c: Chart) => c.plotted() },
    ...heldSets().map((set) => ({
      label: heldLabel(set),
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

/** The view in words: device, setup and the parameters shown. */
export function describe(p: ExplorerParams): string {
  const values = NUMERIC_SPECS.filter((s) => s.group !== 'right' || p.separate).map(
    (s) =>
      `${s.key} = ${String(Number((p[s.key] * s.perSI).toPrecision(4)))}${s.unit === '' ? '' : ` ${s.unit}`}`,
  );
  const device = p.file === undefined ? `platform ${p.platform}` : `device file ${p.file.name}`;
  return [device, `setup ${p.setup}`, ...values].join(', ');
}

/** All six panels, their titles and legends, on one canvas with the view's parameters. */
function exportPng(): Promise<Blob> {
  const list = Object.values(charts);
  const dpr = devicePixelRatio || 1;
  const cellW = Math.max(...list.map((c) => c.canvas.width));
  const cellH = Math.max(...list.map((c) => c.canvas.height)) + 56 * dpr;
  const cols = 2;
  const header = 58 * dpr;
  const canvas = document.createElement('canvas');
  canvas.width = cols * cellW;
  canvas.height = header + Math.ceil(list.length / cols) * cellH;
  const ctx = canvas.getContext('2d');
  if (ctx === null) return Promise.reject(new Error('no 2D canvas'));
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#111';
  ctx.font = `${13 * dpr}px sans-serif`;
  ctx.fillText(`ndtc explorer — ${describe(view.params)}`, 10 * dpr, 22 * dpr);
  const d = describeDevice(deviceFromParams(view.params));
  ctx.font = `${11 * dpr}px sans-serif`;
  ctx.fillText(`left: ${d.left}; right: ${d.right}; ${d.bath}`, 10 * dpr, 42 * dpr);
  list.forEach((chart, i) => {
    const x = (i % cols) * cellW;
    const y = header + Math.floor(i / cols) * cellH;
    ctx.fillStyle = '#111';
    ctx.font = `bold ${13 * dpr}px sans-serif`;
    ctx.fillText(chart.spec.title, x + 10 * dpr, y + 16 * dpr);
    ctx.drawImage(chart.canvas, x, y + 24 * dpr);
    let lx = x + 10 * dpr;
    let ly = y + 24 * dpr + chart.canvas.height + 18 * dpr;
    ctx.font = `${12 * dpr}px sans-serif`;
    for (const entry of chart.legendEntries()) {
      const w = 18 * dpr + ctx.measureText(entry.label).width + 16 * dpr;
      if (lx + w > x + cellW && lx > x + 10 * dpr) {
        lx = x + 10 * dpr;
        ly += 16 * dpr;
      }
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
      lx += w;
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
