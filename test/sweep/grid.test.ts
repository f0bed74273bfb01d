import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, chiOf, platformDevice } from '../../src/index.js';
import { parseAxes, parseAxis } from '../../src/sweep/axes.js';
import { applyParameters } from '../../src/sweep/parameters.js';
import {
  chunkRange,
  coordinates,
  defaultChunkSize,
  shardChunks,
  type Axis,
  type SweepSpec,
} from '../../src/sweep/spec.js';
import { contourSegments, niceLevels } from '../../src/numerics/marching-squares.js';

describe('grid', () => {
  it('first axis varies slowest', () => {
    const axes: Axis[] = [
      { name: 'a', values: [1, 2], log: false },
      { name: 'b', values: [10, 20, 30], log: false },
    ];
    const seen = Array.from({ length: 6 }, (_, i) => coordinates(axes, i));
    expect(seen).toEqual([
      [1, 10],
      [1, 20],
      [1, 30],
      [2, 10],
      [2, 20],
      [2, 30],
    ]);
  });

  it('shards are contiguous and cover every chunk exactly once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 300 }), (chunks, n) => {
        let next = 0;
        for (let i = 0; i < n; i++) {
          const [from, to] = shardChunks(chunks, i, n);
          expect(from).toBe(next);
          expect(to).toBeGreaterThanOrEqual(from);
          next = to;
        }
        expect(next).toBe(chunks);
      }),
    );
  });

  it('chunks cover every point exactly once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (points) => {
        const chunkSize = defaultChunkSize(points);
        const chunks = Math.ceil(points / chunkSize);
        expect(chunks).toBeLessThanOrEqual(4096);
        const spec = { axes: [{ name: 'x', values: { length: points } }], chunkSize } as unknown as SweepSpec;
        expect(chunkRange(spec, 0)[0]).toBe(0);
        expect(chunkRange(spec, chunks - 1)[1]).toBe(points);
        if (chunks > 1) expect(chunkRange(spec, 1)[0]).toBe(chunkRange(spec, 0)[1]);
      }),
    );
  });
});

describe('--vary', () => {
  it('parses a log range with units', () => {
    const a = parseAxis('Jin=1fW..1pW:4:log');
    expect(a.name).toBe('J_in');
    expect(a.log).toBe(true);
    expect(a.values[0]).toBe(1e-15);
    expect(a.values[3]).toBe(1e-12);
    expect(a.values[1]).toBeCloseTo(1e-14, 27);
  });
  it('accepts dotted device paths with their units', () => {
    const a = parseAxis('left.normal.volume=2.6e-21m^3,5.2e-21m^3');
    expect(a).toEqual({ name: 'left.normal.volume', values: [2.6e-21, 5.2e-21], log: false });
  });
  it('unknown parameter suggests the nearest', () => {
    expect(() => parseAxis('chj=1..2:3')).toThrowError(/did you mean 'chi'/);
    expect(() => parseAxis('left.normal.volum=1um^3')).toThrowError(/did you mean 'left.normal.volume'/);
  });
  it('wrong unit, bad setup, bad gamma, repeated parameter, missing =', () => {
    expect(() => parseAxis('TR=10..800:5')).toThrowError(InputError);
    expect(() => parseAxis('setup=1,3')).toThrowError(/setup 1 .* or 2/);
    expect(() => parseAxis('gamma=0.5,1.5')).toThrowError(/gamma = 0.5': from 1e-6 to 0.1/);
    expect(() => parseAxes(['chi=1,2', 'chi=3'])).toThrowError(/once/);
    expect(() => parseAxis('chi')).toThrowError(/NAME=VALUES/);
  });
  it('a value twice is refused, naming it with its unit; a value out of range too', () => {
    expect(() => parseAxis('chi=1,2,1')).toThrowError(/chi=1,2,1': each value once; 1 appears twice/);
    expect(() => parseAxis('TR=100mK,0.1K')).toThrowError(/each value once; 100 mK appears twice/);
    expect(() => parseAxis('chi=2..2:3')).toThrowError(/each value once; 2 appears twice/);
    expect(() => parseAxis('left.normal.Sigma=-1e-3W/m^3/K^5,1e9W/m^3/K^5')).toThrowError(
      /'left\.normal\.Sigma = -0\.001 W\/m\^3\/K\^n'/,
    );
  });
});

describe('applying parameters', () => {
  it('χ is applied after the left area, so A_R = χ·A_L holds for the final A_L', () => {
    const base = platformDevice('ag');
    const { device } = applyParameters(base, { setup: 1 }, ['chi', 'left.junction.area'], [3, 2e-13]);
    expect(device.left.junction.area).toBe(2e-13);
    expect(device.right.junction.area).toBe(3 * 2e-13);
    expect(chiOf(device)).toBeCloseTo(3, 14);
    expect(base.left.junction.area).not.toBe(2e-13); // the base is not mutated
  });
  it('aliases act on both reservoirs; operating values go to the operating point', () => {
    const { device, op } = applyParameters(
      platformDevice('ag'),
      { setup: 1, J_in: 1e-13 },
      ['c', 'T_R', 'setup'],
      [7e-2, 0.3, 2],
    );
    expect(device.left.junction.c).toBe(7e-2);
    expect(device.right.junction.c).toBe(7e-2);
    expect(op).toEqual({ setup: 2, J_in: 1e-13, T_R: 0.3 });
  });
});

describe('marching squares', () => {
  it('contour points of a cone lie on the circle within the interpolation error', () => {
    const n = 41;
    const h = 2 / (n - 1);
    const f = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => Math.hypot(-1 + i * h, -1 + j * h)),
    );
    const segments = contourSegments(f, 0.6);
    expect(segments.length).toBeGreaterThan(40);
    for (const s of segments) {
      for (const [i, j] of [
        [s.i1, s.j1],
        [s.i2, s.j2],
      ]) {
        // Linear interpolation of |x| along a cell edge errs by at most h²/(8·r) ≈ 1.3e-4 here.
        expect(Math.abs(Math.hypot(-1 + i * h, -1 + j * h) - 0.6)).toBeLessThan(2e-3);
      }
    }
  });
  it('round levels strictly inside the range', () => {
    expect(niceLevels(0, 1, 4)).toEqual([0.2, 0.4, 0.6, 0.8]);
    expect(niceLevels(3.1e-15, 2.2e-14, 4)).toEqual([5e-15, 1e-14, 1.5e-14, 2e-14]);
    expect(niceLevels(1, 1)).toEqual([]);
  });
});
