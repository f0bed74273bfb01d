/**
 * The plot's sample store: for any grid and any drawn sub-grid, a point's values read back by its
 * axis indices are the ones added for it, and exactly the sub-grid's points are wanted.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DrawnSamples } from '../../src/sweep/drawn-samples.js';

/** Axis lengths 1–6 (1–3 axes) and, per axis, a non-empty ascending subset of its indices. */
const grids = fc
  .array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 })
  .chain((lengths) =>
    fc.tuple(
      fc.constant(lengths),
      fc.tuple(
        ...lengths.map((n) =>
          fc
            .uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: n })
            .map((kept) => [...kept].sort((a, b) => a - b)),
        ),
      ),
    ),
  );

/** Axis indices of flat point `index`, last axis fastest. */
function axisIndices(lengths: readonly number[], index: number): number[] {
  const at: number[] = [];
  for (let k = lengths.length - 1; k >= 0; k--) {
    at.unshift(index % lengths[k]);
    index = Math.floor(index / lengths[k]);
  }
  return at;
}

describe('DrawnSamples', () => {
  it('gives back each drawn point’s values (null as NaN, any number of roots) by its axis indices', () => {
    fc.assert(
      fc.property(grids, fc.integer({ min: 0, max: 1000 }), ([lengths, keep], seed) => {
        const samples = new DrawnSamples(lengths, keep);
        const total = lengths.reduce((a, b) => a * b, 1);
        const added = new Map<string, (number | null)[]>();
        for (let index = 0; index < total; index++) {
          const at = axisIndices(lengths, index);
          const drawn = at.every((i, k) => keep[k].includes(i));
          expect(samples.wants(index)).toBe(drawn);
          if (!drawn) continue;
          // 0–3 values: none (no root), a null (a failure), or roots.
          const count = (index * 7 + seed) % 4;
          const values = Array.from({ length: count }, (_, r) =>
            r === 1 && seed % 2 ? null : index + r / 4,
          );
          samples.add(index, values);
          added.set(at.join(','), values);
        }
        for (const [key, values] of added) {
          const got = Array.from(samples.at(key.split(',').map(Number)));
          expect(got).toEqual(values.map((v) => v ?? NaN));
        }
        const first = Array.from(samples.firstValues());
        expect(first).toEqual([...added.values()].map((v) => (v.length > 0 ? (v[0] ?? NaN) : NaN)));
        expect(samples.allValues().length).toBe([...added.values()].reduce((n, v) => n + v.length, 0));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a point out of order or not drawn', () => {
    const samples = new DrawnSamples(
      [3, 4],
      [
        [0, 2],
        [1, 3],
      ],
    );
    expect(() => samples.add(3, [1])).toThrow(/out of order/); // drawn, but the second sample
    expect(() => samples.add(0, [1])).toThrow(/out of order/); // not drawn (y index 0)
    samples.add(1, [1]);
    expect(() => samples.add(1, [1])).toThrow(/out of order/); // twice
  });
});
