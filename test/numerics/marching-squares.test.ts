/**
 * Marching squares on fields whose level sets are known: a linear field (interpolation along edges is
 * then exact, so every endpoint is on the line), all 14 crossing configurations of one cell built from
 * corner values, the two saddle resolutions by the centre value, cells with a non-finite corner; and
 * the round contour levels.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contourSegments, niceLevels, type Segment } from '../../src/numerics/marching-squares.js';

const EPS = 2.220446049250313e-16;

/** The endpoints of the segments as [i, j] pairs. */
const ends = (segments: Segment[]): [number, number][] =>
  segments.flatMap((s) => [
    [s.i1, s.j1],
    [s.i2, s.j2],
  ]);

/** f at a point of a cell's edge by linear interpolation between the edge's corners (one of i, j integral). */
function onEdge(f: number[][], i: number, j: number): number {
  if (Number.isInteger(i)) {
    const j0 = Math.min(Math.floor(j), f[0].length - 2);
    return f[i][j0] + (j - j0) * (f[i][j0 + 1] - f[i][j0]);
  }
  const i0 = Math.min(Math.floor(i), f.length - 2);
  return f[i0][j] + (i - i0) * (f[i0 + 1][j] - f[i0][j]);
}

describe('contourSegments', () => {
  it('a linear field 0.3i − 0.7j + 0.1: every endpoint on an edge and on the level line', () => {
    const f = Array.from({ length: 6 }, (_, i) =>
      Array.from({ length: 5 }, (_, j) => 0.3 * i - 0.7 * j + 0.1),
    );
    for (const level of [-1.234, -0.5, 0.05, 0.77]) {
      const segments = contourSegments(f, level);
      expect(segments.length, `level ${level}`).toBeGreaterThan(0);
      for (const [i, j] of ends(segments)) {
        expect(Number.isInteger(i) || Number.isInteger(j), `(${i}, ${j}) on an edge`).toBe(true);
        expect(i).toBeGreaterThanOrEqual(0);
        expect(i).toBeLessThanOrEqual(5);
        expect(j).toBeGreaterThanOrEqual(0);
        expect(j).toBeLessThanOrEqual(4);
        expect(Math.abs(0.3 * i - 0.7 * j + 0.1 - level)).toBeLessThan(16 * EPS);
      }
    }
  });

  it('every configuration of one cell: one segment (two at a saddle) joining the edges whose corners straddle the level', () => {
    // Corners a = f[0][0], b = f[1][0], c = f[1][1], d = f[0][1]; bit k set = that corner above 0.5.
    for (let code = 0; code < 16; code++) {
      const value = (bit: number, k: number): number => ((code >> bit) & 1 ? 0.9 - 0.1 * k : 0.2 + 0.05 * k);
      const [a, b, c, d] = [value(0, 0), value(1, 1), value(2, 2), value(3, 3)];
      const f = [
        [a, d],
        [b, c],
      ];
      const segments = contourSegments(f, 0.5);
      const saddle = code === 5 || code === 10;
      const expected = code === 0 || code === 15 ? 0 : saddle ? 2 : 1;
      expect(segments.length, `code ${code}`).toBe(expected);
      const points = ends(segments);
      // Each crossing edge holds exactly one endpoint, and each endpoint is where the edge's linear
      // interpolant equals the level.
      const crossing = [
        [a, b],
        [b, c],
        [d, c],
        [a, d],
      ].filter(([p, q]) => p > 0.5 !== q > 0.5).length;
      expect(new Set(points.map(([i, j]) => `${i},${j}`)).size, `code ${code}`).toBe(crossing);
      for (const [i, j] of points)
        expect(Math.abs(onEdge(f, i, j) - 0.5), `code ${code}`).toBeLessThan(4 * EPS);
    }
  });

  it('saddles: the centre value decides which corners the two segments cut off', () => {
    // a, c above (code 5). Centre above the level: the corners below, b and d, are cut off, so each
    // segment joins the two edges meeting at b or at d. Centre below: a and c are cut off.
    const cornerOf = (s: Segment): string => {
      const pts = [
        [s.i1, s.j1],
        [s.i2, s.j2],
      ];
      // the corner shared by the two edges: i from the point on a j-edge ... and j from the other
      const i = pts.find(([pi]) => Number.isInteger(pi))![0];
      const j = pts.find(([, pj]) => Number.isInteger(pj))![1];
      return `${i},${j}`;
    };
    const corners = (f: number[][], level: number): string[] =>
      contourSegments(f, level).map(cornerOf).sort();
    // f[i][j]: a = (0,0), b = (1,0), c = (1,1), d = (0,1)
    const a5 = [
      [1, 0],
      [0, 1],
    ];
    expect(corners(a5, 0.4)).toEqual(['0,1', '1,0']); // centre 0.5 above: b and d cut off
    expect(corners(a5, 0.6)).toEqual(['0,0', '1,1']); // centre below: a and c cut off
    const b10 = [
      [0, 1],
      [1, 0],
    ];
    expect(corners(b10, 0.4)).toEqual(['0,0', '1,1']); // b, d above, centre above: a and c cut off
    expect(corners(b10, 0.6)).toEqual(['0,1', '1,0']);
  });

  it('skips the cells with a non-finite corner, and only those', () => {
    const base = (): number[][] =>
      Array.from({ length: 4 }, (_, i) => Array.from({ length: 4 }, (_, j) => i + j));
    const full = contourSegments(base(), 2.5);
    for (const bad of [NaN, Infinity, -Infinity]) {
      const f = base();
      f[0][0] = bad;
      // (0, 0) belongs to cell (0, 0) only, which does not cross 2.5 anyway: nothing lost.
      expect(contourSegments(f, 2.5)).toEqual(full);
      const g = base();
      g[1][1] = bad;
      // (1, 1) is a corner of the cells (0,0), (0,1), (1,0), (1,1); the last three cross 2.5 (a cell
      // (i, j) of i + j crosses it for i + j = 1 or 2), so of the five crossing cells (0,2) and (2,0) remain.
      const segments = contourSegments(g, 2.5);
      expect(full.length).toBe(5);
      expect(segments.length).toBe(2);
      for (const s of segments) expect(Math.min(s.i1, s.i2) >= 2 || Math.min(s.j1, s.j2) >= 2).toBe(true);
    }
  });

  it('an empty grid, a single row or column: no cells, no segments', () => {
    expect(contourSegments([], 0)).toEqual([]);
    expect(contourSegments([[0, 1, 2]], 0.5)).toEqual([]);
    expect(contourSegments([[0], [1], [2]], 0.5)).toEqual([]);
  });
});

describe('niceLevels', () => {
  it('steps of 1, 2, 2.5 or 5 × 10^k, strictly inside (min, max), about count of them', () => {
    expect(niceLevels(0, 10, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(niceLevels(0, 10, 4)).toEqual([2, 4, 6, 8]);
    expect(niceLevels(0, 10, 3)).toEqual([2.5, 5, 7.5]);
    expect(niceLevels(0, 10, 1)).toEqual([5]);
    expect(niceLevels(-3, 3, 5)).toEqual([-2, -1, 0, 1, 2]);
    expect(niceLevels(0.12, 0.18, 5)).toEqual([0.13, 0.14, 0.15, 0.16, 0.17]);
    expect(niceLevels(2, 1)).toEqual([]);
  });

  it('never a level on an end of the range, where k·step rounds onto it (3·0.1 = 0.30000000000000004 → 0.3)', () => {
    expect(niceLevels(0.3, 1.3, 9)).toEqual([0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2]);
    expect(niceLevels(4.6, 4.699999999999999, 9)).toEqual([
      4.61, 4.62, 4.63, 4.64, 4.65, 4.66, 4.67, 4.68, 4.69,
    ]);
    // decimal ends, the values a user's axis has
    for (let m = -50; m <= 50; m++) {
      for (const width of [0.1, 0.5, 1, 2, 10]) {
        const min = m / 10;
        const max = min + width;
        for (const count of [4, 5, 8, 9, 10]) {
          const levels = niceLevels(min, max, count);
          expect(
            levels.every((v) => v > min && v < max),
            `[${min}, ${max}], ${count}: ${levels}`,
          ).toBe(true);
        }
      }
    }
  });

  it('fast-check: increasing, evenly spaced by a round step, inside the range, count/2 … 2·count + 1 levels (300 runs)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        fc.double({ min: -6, max: 3, noNaN: true }),
        fc.integer({ min: 2, max: 12 }),
        (min, logWidth, count) => {
          const max = min + 10 ** logWidth;
          fc.pre(max > min);
          const levels = niceLevels(min, max, count);
          if (levels.length < Math.floor(count / 2) || levels.length > 2 * count + 1) return false;
          if (!levels.every((v) => v > min && v < max)) return false;
          if (levels.length < 2) return true;
          // Differences of levels near |v| carry rounding ~ε|v|: step and spacing are checked to that.
          const step = levels[1] - levels[0];
          const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
          const round = [1, 2, 2.5, 5, 10].some((m) => Math.abs(mantissa - m) < 1e-6 * m);
          return (
            round &&
            levels.every(
              (v, k) =>
                k === 0 ||
                Math.abs(v - levels[k - 1] - step) <= 1e-9 * Math.abs(step) + 8 * EPS * Math.abs(v),
            )
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
