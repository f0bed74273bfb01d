import { describe, expect, it } from 'vitest';
import { panelCsv } from '../../src/figures/csv.js';
import { syntheticLinearPanel } from './synthetic-panels.js';

/** RFC 4180 reader (quoted fields, doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  return rows;
}

describe('panel CSV', () => {
  it('is long format with unit-bearing columns, one row per point, values round-trip', () => {
    const panel = syntheticLinearPanel();
    const rows = parseCsv(panelCsv(panel));
    expect(rows[0]).toEqual(['series', 'platform', 'T_R_mK', 'kappa_fW_per_K']);
    const body = rows.slice(1);
    expect(body).toHaveLength(panel.series.reduce((n, s) => n + s.x.length, 0));
    const s = panel.series[0];
    const first = body.filter((r) => r[0] === s.name);
    expect(first[17][1]).toBe('Ag');
    expect(Number(first[17][2])).toBe(s.x[17]);
    expect(Number(first[17][3])).toBe(s.y[17]);
  });

  it('writes an empty cell where there is no value and quotes names with commas', () => {
    const panel = syntheticLinearPanel();
    panel.series[1].name = 'χ = 2, "dashed"';
    const rows = parseCsv(panelCsv(panel)).slice(1);
    const second = rows.filter((r) => r[0] === 'χ = 2, "dashed"');
    expect(second).toHaveLength(panel.series[1].x.length);
    expect(second.some((r) => r[3] === '')).toBe(true);
    expect(rows.every((r) => r.length === 4)).toBe(true);
  });
});
