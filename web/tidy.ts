/**
 * The tidy (long-format) CSV of the explorer's curves: one header line, one row per plotted point,
 * each row with its set, panel, series, x and y (names, values, units) and the parameters of its set.
 */
import { NUMERIC_SPECS, type ExplorerParams, type NumericSpec } from './params.js';

/** Column-name form of a display unit: "fF/µm²" → "fF_per_um2". */
const UNIT_SLUG: Record<string, string> = {
  '': '',
  'fF/µm²': 'fF_per_um2',
  'Ω·µm²': 'ohm_um2',
  K: 'K',
  mK: 'mK',
  fW: 'fW',
};

const paramColumn = (spec: NumericSpec): string =>
  spec.unit === '' ? spec.key : `${spec.key}_${UNIT_SLUG[spec.unit] ?? spec.unit}`;

/** The columns of the tidy CSV, in order. */
export const TIDY_COLUMNS = [
  'set',
  'panel',
  'series',
  'x_name',
  'x',
  'x_unit',
  'y_name',
  'y',
  'y_unit',
  'device',
  'setup',
  'sides',
  ...NUMERIC_SPECS.map(paramColumn),
];

export function paramCells(p: ExplorerParams): string[] {
  const device = p.file === undefined ? p.platform : p.file.name;
  // Twelve digits: the values as set, without binary noise (0.05 F/m² · 1000 = 50, not 50.00000000000001).
  const values = NUMERIC_SPECS.map((s) => String(Number((p[s.key] * s.perSI).toPrecision(12))));
  return [device, String(p.setup), p.separate ? 'separate' : 'both', ...values];
}
