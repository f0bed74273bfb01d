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
  /** Flat rows for table and CSV; iterated more than once (e.g. made on the fly from `points`). */
  columns: Column[];
  rows: Iterable<Record<string, Cell>>;
  /** Validity warnings (docs/model.md §9), one per line. */
  warnings: string[];
  /** Notes printed on stderr in CSV mode, where the rows cannot carry them. */
  csvNotes?: string[];
  /** Lines above the table describing the parameters (each printed after `# `). */
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

/**
 * Output goes out in pieces of about this many characters: a report of 10⁶ points is ~10⁸ characters,
 * which as one string would double the memory of the command (and JSON of that size nears V8's
 * longest string).
 */
const PIECE = 1 << 16;

/** Collects text and hands it to `write` in pieces of about PIECE characters. */
class Pieces {
  private text = '';
  constructor(private readonly write: (text: string) => void) {}
  add(s: string): void {
    this.text += s;
    if (this.text.length >= PIECE) this.flush();
  }
  flush(): void {
    if (this.text !== '') this.write(this.text);
    this.text = '';
  }
}

function writeTable(report: Report, out: Pieces): void {
  const filled = new Set<string>();
  for (const r of report.rows) for (const c of report.columns) if (r[c.field] != null) filled.add(c.field);
  const columns = report.columns.filter((c) => c.kind !== 'text' || filled.has(c.field));
  const header = columns.map((c) => c.label ?? c.field);
  const cells = (r: Record<string, Cell>): string[] =>
    columns.map((c) => tableCell(r[c.field] ?? null, c.kind));
  // Two passes, formatting every cell twice, so that no table of all cells is held.
  const widths = header.map((h) => h.length);
  for (const r of report.rows) {
    const row = cells(r);
    for (let j = 0; j < row.length; j++) if (row[j].length > widths[j]) widths[j] = row[j].length;
  }
  // Numbers right-aligned so magnitudes line up; free text (notes) left-aligned and last.
  const line = (row: string[]) =>
    row
      .map((s, j) => (columns[j].kind === 'text' ? s : s.padStart(widths[j])))
      .join('  ')
      .trimEnd() + '\n';
  for (const line of report.summary?.split('\n') ?? []) out.add(`# ${line}\n`);
  out.add(line(header));
  for (const r of report.rows) out.add(line(cells(r)));
}

function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value); // shortest round-trip form of the double
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function writeCsv(report: Report, out: Pieces): void {
  const columns = report.columns.filter((c) => c.kind !== 'text');
  out.add(columns.map((c) => c.field).join(',') + '\n');
  for (const r of report.rows) out.add(columns.map((c) => csvCell(r[c.field] ?? null)).join(',') + '\n');
}

/**
 * The text of `JSON.stringify(value, null, 2)`, added in pieces (for the plain data of a report:
 * objects, arrays, strings, numbers, booleans, null; undefined members are left out, as there).
 */
function addJson(value: unknown, out: Pieces, indent = ''): void {
  const skipped = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';
  if (Array.isArray(value)) {
    if (value.length === 0) return out.add('[]');
    const inner = indent + '  ';
    out.add('[');
    for (let i = 0; i < value.length; i++) {
      out.add((i === 0 ? '\n' : ',\n') + inner);
      if (skipped(value[i])) out.add('null');
      else addJson(value[i], out, inner);
    }
    out.add(`\n${indent}]`);
  } else if (value !== null && typeof value === 'object' && !('toJSON' in value)) {
    const inner = indent + '  ';
    let first = true;
    for (const [key, v] of Object.entries(value)) {
      if (skipped(v)) continue;
      out.add(`${first ? '{\n' : ',\n'}${inner}${JSON.stringify(key)}: `);
      addJson(v, out, inner);
      first = false;
    }
    out.add(first ? '{}' : `\n${indent}}`);
  } else {
    out.add(JSON.stringify(value));
  }
}

/** JSON.stringify(value, null, 2) written to `write` in pieces (see addJson). */
export function writeJson(value: unknown, write: (text: string) => void): void {
  const out = new Pieces(write);
  addJson(value, out);
  out.flush();
}

/** More warnings than this are summarised on stderr (the JSON keeps them all). */
const MAX_WARNING_LINES = 10;

/** A command's warnings on stderr, the first MAX_WARNING_LINES of them (`where`: the file with them all). */
export function printWarnings(
  command: string,
  warnings: readonly string[],
  ctx: CliContext,
  where?: string,
): void {
  const prefix = `ndtc ${command}:`;
  const shown = warnings.slice(0, MAX_WARNING_LINES);
  for (const w of shown) ctx.stderr(`${prefix} warning: ${w}\n`);
  const hidden = warnings.length - shown.length;
  const all = where === undefined ? '--json lists them all' : `all of them are in ${where}`;
  if (hidden > 0) ctx.stderr(`${prefix} warning: … and ${hidden} more (${all})\n`);
}

export function emitReport(report: Report, format: OutputFormat, ctx: CliContext): void {
  printWarnings(report.command, report.warnings, ctx);
  const out = new Pieces((text) => ctx.stdout(text));
  if (format === 'json') {
    const doc = {
      command: report.command,
      version: ctx.version,
      parameters: report.parameters,
      points: report.points,
      warnings: report.warnings,
    };
    addJson(doc, out);
    out.add('\n');
  } else if (format === 'csv') {
    for (const note of report.csvNotes ?? []) ctx.stderr(`ndtc ${report.command}: note: ${note}\n`);
    writeCsv(report, out);
  } else {
    writeTable(report, out);
  }
  out.flush();
}

/** Short `name = value` list for the table's summary line. */
export function summaryOf(entries: [string, number, QuantityKind | 'plain'][]): string {
  return entries
    .map(([name, v, kind]) => `${name} = ${kind === 'plain' ? formatNumber(v) : formatQuantity(v, kind)}`)
    .join(', ');
}
