/** A panel's plotted curves as long-format CSV: one row per point, unit-bearing column names. */
import type { Panel } from './panel.js';
import { PLATFORM_LABEL } from './study.js';

function field(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Full precision (round-trips); a point with no value (no steady state) is an empty cell. */
function numberField(v: number): string {
  return Number.isFinite(v) ? String(v) : '';
}

export function panelCsv(panel: Panel): string {
  const lines = [['series', 'platform', panel.xColumn, panel.yColumn].join(',')];
  for (const s of panel.series) {
    const platform = s.platform ? PLATFORM_LABEL[s.platform] : '';
    for (let i = 0; i < s.x.length; i++)
      lines.push([field(s.name), field(platform), numberField(s.x[i]), numberField(s.y[i])].join(','));
  }
  return lines.join('\n') + '\n';
}
