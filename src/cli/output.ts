/**
 * The three output forms of the computing commands: an aligned table with units (default), one JSON
 * object `{command, version, parameters, points, warnings}` (`--json`, all SI), or CSV (`--csv`, SI,
 * header = field names). Warnings always go to stderr as well.
 */
import type { Command } from 'commander';
import { InputError } from '../errors.js';
import { formatQuantity, formatNumber, type QuantityKind } from '../units/quantity.js';
import type { CliContext } from './context.js';

export type OutputFormat = 'table' | 'json' | 'csv';

export type Cell = number | boolean | string | null;

export interface Column {
  /** Field name in CSV and JSON (the contract other tools script against). */
  field: string;
  /** How the table formats the cell. */
  kind: QuantityKind | 'boolean' | 'index' | 'text';
  /** Table header; defaults to the field name. */
  label?: string;
}

export interface Report {
  command: string;
  /** Everything the result depends on, in SI. */
  parameters: Record<string, unknown>;
  /** The JSON points (may nest, e.g. solve's roots). */
  points: unknown[];
  /** Flat rows for table and CSV. */
  columns: Column[];
  rows: Record<string, Cell>[];
  /** Validity warnings (MODEL.md §9), one per line. */
  warnings: string[];
  /** Notes printed on stderr in CSV mode, where the rows cannot carry them. */
  csvNotes?: string[];
  /** One line above the table describing the parameters. */
  summary?: string;
}

/** Adds --json / --csv to a command. */
export function addOutputOptions(cmd: Command): Command {
  return cmd
    .option('--json', 'print one JSON object {command, version, parameters, points, warnings} in SI units')
    .option('--csv', 'print the points as CSV in SI units (header = field names)');
}

export function outputFormatOf(opts: { json?: boolean; csv?: boolean }): OutputFormat {
  if (opts.json && opts.csv) throw new InputError('--csv', 'with --json', 'choose one of --json and --csv');
  return opts.json ? 'json' : opts.csv ? 'csv' : 'table';
}

/** Stops a NaN or infinity from being printed as if it were a result: that would be a bug upstream. */
export function assertFinite(value: number, what: string): number {
  if (!Number.isFinite(value)) throw new Error(`internal error: ${what} is not finite (${value})`);
  return value;
}

function tableCell(value: Cell, kind: Column['kind']): string {
  if (value === null) return kind === 'text' ? '' : '—';
  if (typeof value === 'boolean') return value ? 'stable' : 'unstable';
  if (typeof value === 'string') return value;
  if (kind === 'index') return String(value);
  if (kind === 'boolean' || kind === 'text') return String(value);
  return formatQuantity(value, kind);
}

function renderTable(report: Report): string {
  const columns = report.columns.filter(
    (c) => c.kind !== 'text' || report.rows.some((r) => r[c.field] != null),
  );
  const header = columns.map((c) => c.label ?? c.field);
  const body = report.rows.map((r) => columns.map((c) => tableCell(r[c.field] ?? null, c.kind)));
  const widths = header.map((h, j) => Math.max(h.length, ...body.map((row) => row[j].length)));
  // Numbers right-aligned so magnitudes line up; free text (notes) left-aligned and last.
  const line = (cells: string[]) =>
    cells
      .map((s, j) => (columns[j].kind === 'text' ? s : s.padStart(widths[j])))
      .join('  ')
      .trimEnd();
  const lines = [line(header), ...body.map(line)];
  if (report.summary) lines.unshift(`# ${report.summary}`);
  return lines.join('\n') + '\n';
}

function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value); // shortest round-trip form of the double
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function renderCsv(report: Report): string {
  const columns = report.columns.filter((c) => c.kind !== 'text');
  const lines = [columns.map((c) => c.field).join(',')];
  for (const r of report.rows) lines.push(columns.map((c) => csvCell(r[c.field] ?? null)).join(','));
  return lines.join('\n') + '\n';
}

/** More warnings than this are summarised on stderr (the JSON keeps them all). */
const MAX_WARNING_LINES = 10;

export function emitReport(report: Report, format: OutputFormat, ctx: CliContext): void {
  const prefix = `ndtc ${report.command}:`;
  const shown = report.warnings.slice(0, MAX_WARNING_LINES);
  for (const w of shown) ctx.stderr(`${prefix} warning: ${w}\n`);
  const hidden = report.warnings.length - shown.length;
  if (hidden > 0) {
    ctx.stderr(`${prefix} warning: … and ${hidden} more (all of them are in the --json output)\n`);
  }
  if (format === 'json') {
    const doc = {
      command: report.command,
      version: ctx.version,
      parameters: report.parameters,
      points: report.points,
      warnings: report.warnings,
    };
    ctx.stdout(JSON.stringify(doc, null, 2) + '\n');
  } else if (format === 'csv') {
    for (const note of report.csvNotes ?? []) ctx.stderr(`${prefix} note: ${note}\n`);
    ctx.stdout(renderCsv(report));
  } else {
    ctx.stdout(renderTable(report));
  }
}

/** Short `name = value` list for the table's summary line. */
export function summaryOf(entries: [string, number, QuantityKind | 'plain'][]): string {
  return entries
    .map(([name, v, kind]) => `${name} = ${kind === 'plain' ? formatNumber(v) : formatQuantity(v, kind)}`)
    .join(', ');
}
