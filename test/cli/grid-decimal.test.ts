/**
 * Grid values are the decimals the user meant: a point of `FROM..TO:N` whose exact value a decimal
 * writes is the double that decimal parses to, as if typed alone (so it prints as `0.02` and `20 mK`,
 * not 0.019999999999999997); log ranges hit their decades exactly.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseList } from '../../src/units/list.js';
import { parseQuantity } from '../../src/units/quantity.js';
import { ndtc, parseCsv } from './harness.js';

/** The integer `k` scaled by 10^−digits, written as a plain decimal (`k = 25, digits = 3` → `0.025`). */
function decimalText(k: number, digits: number): string {
  const sign = k < 0 ? '-' : '';
  const text = String(Math.abs(k)).padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

describe('linear ranges', () => {
  it('every point with a terminating decimal is that decimal, parsed alone (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }), // FROM in units of 10^−digits
        fc.integer({ min: 1, max: 10_000 }), // step
        fc.integer({ min: 2, max: 60 }), // points
        fc.integer({ min: 0, max: 6 }), // digits after the point
        fc.constantFrom('mK', 'K', 'uK'),
        fc.boolean(), // descending
        (from, step, n, digits, unit, down) => {
          const ks = Array.from({ length: n }, (_, i) => from + i * step);
          if (down) ks.reverse();
          const texts = ks.map((k) => `${decimalText(k, digits)}${unit}`);
          const got = parseList(`${texts[0]}..${texts[n - 1]}:${n}`, 'temperature', '--T');
          expect(got).toEqual(texts.map((t) => parseQuantity(t, 'temperature', '--T')));
        },
      ),
    );
  });

  it('points without a terminating decimal stay ordered, inside the ends, within an ulp of the formula (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 2, max: 300 }),
        (a, b, n) => {
          const [lo, hi] = [a / 1000, b / 1000]; // K, written as mK below
          const got = parseList(`${a}mK..${b}mK:${n}`, 'temperature', '--T');
          expect(got[0]).toBe(parseQuantity(`${a}mK`, 'temperature', '--T'));
          expect(got[n - 1]).toBe(parseQuantity(`${b}mK`, 'temperature', '--T'));
          for (let i = 0; i < n; i++) {
            const formula = lo + ((hi - lo) * i) / (n - 1);
            expect(Math.abs(got[i] - formula)).toBeLessThanOrEqual(4 * Number.EPSILON * Math.max(lo, hi));
            if (i > 0) expect(Math.sign(got[i] - got[i - 1])).toBe(Math.sign(hi - lo));
          }
        },
      ),
    );
  });

  it('holds for ends far from 1 (device volumes of 1e-21 m³, exponents beyond a double’s fast path)', () => {
    expect(parseList('1e-21..5e-21:5', 'dimensionless', '--vary')).toEqual([
      1e-21, 2e-21, 3e-21, 4e-21, 5e-21,
    ]);
    expect(parseList('1e21..3e21:5', 'dimensionless', '--vary')).toEqual([1e21, 1.5e21, 2e21, 2.5e21, 3e21]);
    const many = parseList('0.0000001..0.0001:1000', 'dimensionless', '--vary');
    expect(many[1]).toBe(2e-7);
    expect(many[500]).toBe(5.01e-5);
  });
});

describe('log ranges', () => {
  it('decades are exact and the ends are the values written (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -18, max: 3 }),
        fc.integer({ min: 1, max: 6 }), // decades spanned
        fc.integer({ min: 1, max: 8 }), // points per decade
        (first, decades, perDecade) => {
          const n = decades * perDecade + 1;
          const got = parseList(`1e${first}..1e${first + decades}:${n}:log`, 'dimensionless', '--chi');
          for (let d = 0; d <= decades; d++) expect(got[d * perDecade]).toBe(Number(`1e${first + d}`));
          for (let i = 1; i < n; i++) expect(got[i]).toBeGreaterThan(got[i - 1]);
        },
      ),
    );
  });

  it('1fW..1pW:13:log: 1, 10, 100 fW exactly and ratios of 10^(1/4)', () => {
    const v = parseList('1fW..1pW:13:log', 'power', '--Jin');
    expect([v[0], v[4], v[8], v[12]]).toEqual([1e-15, 1e-14, 1e-13, 1e-12]);
    for (let i = 1; i < v.length; i++) expect(v[i] / v[i - 1]).toBeCloseTo(10 ** 0.25, 12);
  });
});

describe('printed grids', () => {
  it('ndtc resistance --T 10mK..30mK:3 prints 0.02 in CSV and 20 mK in the table', async () => {
    const csv = await ndtc('resistance', '--T', '10mK..30mK:3', '--csv');
    expect(csv.code).toBe(0);
    expect(parseCsv(csv.stdout).rows.map((r) => r[0])).toEqual(['0.01', '0.02', '0.03']);
    const table = await ndtc('resistance', '--T', '10mK..30mK:3');
    expect(table.stdout).toMatch(/^20 mK /m);
    const json = await ndtc('resistance', '--T', '0.1K..0.7K:7', '--json');
    const points = (JSON.parse(json.stdout) as { points: { T: number }[] }).points;
    expect(points.map((p) => String(p.T))).toEqual(['0.1', '0.2', '0.3', '0.4', '0.5', '0.6', '0.7']);
  });
});
