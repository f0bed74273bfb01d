/**
 * Point commands take at most 10⁶ points: larger lists and products are refused with exit 2 and one
 * line before anything of their size is made; 10⁶ points work, and their output is streamed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_POINTS, checkProduct } from '../../src/cli/cartesian.js';
import { InputError } from '../../src/errors.js';
import { emitReport, writeJson, type Report } from '../../src/cli/output.js';
import { ndtc } from './harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'ndtc-limits-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Heap growth while `f` runs, in bytes (a list of 10¹⁰ values, or even 10⁷, would show here). */
async function heapGrowth<T>(f: () => Promise<T>): Promise<{ result: T; growth: number }> {
  const before = process.memoryUsage().heapUsed;
  const result = await f();
  return { result, growth: process.memoryUsage().heapUsed - before };
}

describe('point commands refuse more than 10⁶ points', () => {
  // The bound on heap growth: less than one 10⁶-value list (8 MB of doubles alone), except where the
  // refused product's own lists are made first (20 000 + 50 000 values; the 10⁹ points would be 8 GB).
  const refusals: [string[], string, RegExp, number?][] = [
    [
      ['resistance', '--T', '10mK..1K:1e10'],
      '--T',
      /point count 10000000000, more than the 1000000 accepted; for more, run several/,
    ],
    [['resistance', '--T', '10mK..1K:1000001'], '--T', /more than the 1000000 accepted/],
    [['resistance', '--T', '10mK..1K:600000, 10mK..1K:600000'], '--T', /more than the 1000000 values/],
    [
      ['photonic', '--TL', '10mK..1K:20000', '--TR', '10mK..1K:50000'],
      '--TR',
      /--TL 20000 × --TR 50000 = 1000000000 points \(at most 1000000\); for more: ndtc sweep/,
      64e6,
    ],
    [['photonic', '--TL', '500mK', '--TR', '10mK..1K:99999999999'], '--TR', /point count 99999999999/],
    [
      ['phonon', '--Te', '10mK..1K:1001', '--Tbath', '10mK..100mK:1000'],
      '--Tbath',
      /--Te 1001 × --Tbath 1000 = 1001000 points .*ndtc sweep/,
    ],
    [
      ['solve', '--Jin', '1fW..1pW:100:log', '--TR', '10mK..800mK:100', '--Tbath', '10mK..50mK:101'],
      '--Tbath',
      /--Jin 100 × --TR 100 × --Tbath 101 = 1010000 points .*ndtc sweep/,
    ],
    [
      ['solve', '--setup', '2', '--target-TL', '100mK..500mK:2000', '--TR', '10mK..800mK:1000'],
      '--TR',
      /--target-TL 2000 × --TR 1000 = 2000000 points/,
    ],
  ];
  it.each(refusals)('%j → exit 2 naming %s', async (argv, option, why, bound = 8e6) => {
    // Commands load their modules on first use: load this one before measuring.
    await ndtc(argv[0], '--help');
    const { result: run, growth } = await heapGrowth(() => ndtc(...argv));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^ndtc ${argv[0]}: ${option}: invalid value '`));
    expect(lines[0]).toMatch(why);
    expect(lines[0].length).toBeLessThan(200); // not cut: the hint is whole
    // Refused before the values are made.
    expect(growth).toBeLessThan(bound);
  });

  it('a long list is shortened in the message, so that the line still says what is accepted', async () => {
    const list = Array.from({ length: 400 }, (_, i) => `${i + 1}mK`).join(',') + ',10mK..1K:1000000';
    const run = await ndtc('resistance', '--T', list);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^ndtc resistance: --T: invalid value '1mK,2mK,[^']{0,60}…[^']{0,30}': more than the 1000000 values accepted; for more/,
    );
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('the product check: 10⁶ points pass, one list value more does not', () => {
    expect(MAX_POINTS).toBe(1_000_000);
    const beyond = { beyond: 'for more: ndtc sweep' };
    const lists = (a: number, b: number) => [
      { option: '--TL', text: 'x', length: a },
      { option: '--TR', text: 'y', length: b },
    ];
    expect(() => checkProduct(lists(1000, 1000), beyond)).not.toThrow();
    expect(() => checkProduct(lists(1000, 1001), beyond)).toThrow(InputError);
    expect(() => checkProduct(lists(1, 1_000_000), beyond)).not.toThrow();
    expect(() => checkProduct(lists(2, 500_001), beyond)).toThrow(/--TL 2 × --TR 500001 = 1000002 points/);
  });
});

describe('10⁶ points in a child process', () => {
  it('resistance --T 10mK..1K:1000000 --csv: exit 0, every row, bounded memory', () => {
    const usageFile = join(tmp, 'usage.json');
    const out = join(tmp, 'r.csv');
    const child = spawnSync(
      'sh',
      [
        '-c',
        `"${process.execPath}" --import tsx test/cli/main-child.ts resistance --T 10mK..1K:1000000 --csv > "${out}"`,
      ],
      { cwd: root, env: { ...process.env, NDTC_USAGE_FILE: usageFile }, encoding: 'utf8' },
    );
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(1_000_001);
    expect(lines[0]).toBe('T,R_over_R0');
    expect(Number(lines[1].split(',')[0])).toBe(0.01);
    expect(Number(lines[1_000_000].split(',')[0])).toBe(1);
    // R/R0 falls as T rises towards Tc: the last row is the smallest.
    expect(Number(lines[1_000_000].split(',')[1])).toBeLessThan(Number(lines[1].split(',')[1]));
    const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRSS: number };
    // The CSV alone is 38 MB of text (76 MB as a JS string): printed in pieces, not held.
    expect(usage.maxRSS).toBeLessThan(400 * 2 ** 20);
  });
});

describe('streamed output', () => {
  it('writeJson gives the bytes of JSON.stringify(value, null, 2)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        let text = '';
        writeJson(value, (s) => void (text += s));
        return text === JSON.stringify(value, null, 2);
      }),
    );
    const withUndefined = { a: undefined, b: [undefined, 1], c: { d: undefined } };
    let text = '';
    writeJson(withUndefined, (s) => void (text += s));
    expect(text).toBe(JSON.stringify(withUndefined, null, 2));
  });

  it('a report of 10⁵ points is written in pieces of about 64 kB, the same text as one string', () => {
    const points = Array.from({ length: 100_000 }, (_, i) => ({ T: i * 1e-5, R_over_R0: 1 / (i + 1) }));
    const report: Report = {
      command: 'resistance',
      parameters: { Tc: 1.2, T: points.map((p) => p.T) },
      points,
      columns: [
        { field: 'T', kind: 'temperature' },
        { field: 'R_over_R0', kind: 'dimensionless', label: 'R/R0' },
      ],
      rows: points,
      warnings: [],
    };
    for (const format of ['json', 'csv', 'table'] as const) {
      const pieces: string[] = [];
      emitReport(report, format, {
        stdout: (s) => void pieces.push(s),
        stderr: () => {},
        version: '0',
      });
      expect(pieces.length).toBeGreaterThan(10);
      for (const p of pieces) expect(p.length).toBeLessThan(2 * 65536);
      const text = pieces.join('');
      if (format === 'json') {
        const want = {
          command: 'resistance',
          version: '0',
          parameters: report.parameters,
          points,
          warnings: [],
        };
        expect(text).toBe(JSON.stringify(want, null, 2) + '\n');
      } else if (format === 'csv') {
        const lines = text.trimEnd().split('\n');
        expect(lines).toHaveLength(100_001);
        expect(lines[1]).toBe('0,1');
        expect(lines[100_000]).toBe(`${99_999 * 1e-5},${1 / 100_000}`);
      } else {
        const lines = text.trimEnd().split('\n');
        expect(lines).toHaveLength(100_001);
        // Aligned: every row as wide as the widest, right-aligned numbers.
        const widths = new Set(lines.map((l) => l.length));
        expect(widths.size).toBe(1);
      }
    }
  });
});
