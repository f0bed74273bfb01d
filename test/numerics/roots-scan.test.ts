/**
 * The all-roots scan on functions whose roots are known in closed form, each built to reach one branch:
 * the default grid on an interval not starting at 0, roots on grid points (at the end, two in a row),
 * sample values handed in, hidden pairs next to the sample where |f| is smallest, a pair seen from two
 * samples, and the order of roots found by the two passes.
 */
import { describe, expect, it } from 'vitest';
import { findAllRoots } from '../../src/numerics/roots.js';

/** A grid of step h on [a, b]: samples exact in binary for h a power of two. */
const grid = (a: number, b: number, h: number): number[] =>
  Array.from({ length: Math.round((b - a) / h) + 1 }, (_, i) => a + i * h);

describe('findAllRoots: the sampling grid', () => {
  it('the default grid spans [a, b], not [a, a + b]: sin on [2, 10] has the roots π, 2π, 3π only', () => {
    const roots = findAllRoots(Math.sin, 2, 10);
    expect(roots.length).toBe(3);
    roots.forEach((r, k) => expect(Math.abs(r - (k + 1) * Math.PI)).toBeLessThan(1e-14 * r));
  });

  it('a root at b itself, on the last sample, is reported', () => {
    expect(findAllRoots((x) => x - 2, 0, 2)).toEqual([2]);
  });

  it('roots on two consecutive samples are both reported', () => {
    // (x − 1)(x − 1.5) vanishes exactly at the samples 1 and 1.5: no sign change between them.
    expect(findAllRoots((x) => (x - 1) * (x - 1.5), 0, 2, { grid: grid(0, 2, 0.5) })).toEqual([1, 1.5]);
  });

  it('sample values handed in with the grid are used: f is then never evaluated at a sample', () => {
    const xs = grid(0, 4, 0.25);
    const f = (x: number): number => Math.cos(x) - 0.2;
    const evaluated: number[] = [];
    const roots = findAllRoots(
      (x) => {
        evaluated.push(x);
        return f(x);
      },
      0,
      4,
      { grid: xs, values: xs.map(f) },
    );
    expect(roots.length).toBe(1);
    expect(Math.abs(roots[0] - Math.acos(0.2))).toBeLessThan(1e-15);
    expect(evaluated.length).toBeGreaterThan(0);
    expect(evaluated.filter((x) => xs.includes(x))).toEqual([]);
  });

  it('the Brent options reach the refinement: a loose xtol ends with fewer evaluations', () => {
    let calls = 0;
    const f = (x: number): number => {
      calls++;
      return Math.exp(x) - 3;
    };
    const loose = findAllRoots(f, 0, 5, { samples: 2, xtol: 1e-3 });
    const looseCalls = calls;
    calls = 0;
    findAllRoots(f, 0, 5, { samples: 2 });
    expect(loose.length).toBe(1);
    expect(Math.abs(loose[0] - Math.log(3))).toBeLessThanOrEqual(1e-3);
    expect(looseCalls).toBeLessThan(calls);
  });
});

describe('findAllRoots: pairs hidden between samples', () => {
  it('probes at the sample where |f| is smallest: a pair at 0.45 ± 0.001, between the samples 0.25 and 0.5', () => {
    // |f| at the samples 0, 0.25, 0.5, 0.75, 1: 0.2025, 0.04, 0.0025, 0.09, 0.3025 (minus 1e-6). The
    // probe around 0.5 spans [0.25, 0.75] and holds the pair; one around 0.75 would not.
    const f = (x: number): number => (x - 0.45) ** 2 - 1e-6;
    const roots = findAllRoots(f, 0, 1, { grid: grid(0, 1, 0.25) });
    expect(roots.length).toBe(2);
    expect(Math.abs(roots[0] - 0.449)).toBeLessThan(1e-13);
    expect(Math.abs(roots[1] - 0.451)).toBeLessThan(1e-13);
  });

  it('a pair midway between two samples with equal |f| is found from both and reported once', () => {
    // (x − 0.375)² − 1e-6 is equal at 0.25 and 0.5 (exactly, in binary): both are local minima of |f|.
    const f = (x: number): number => (x - 0.375) ** 2 - 1e-6;
    const roots = findAllRoots(f, 0, 1, { grid: grid(0, 1, 0.25) });
    expect(roots.length).toBe(2);
    expect(Math.abs(roots[0] - 0.374)).toBeLessThan(1e-13);
    expect(Math.abs(roots[1] - 0.376)).toBeLessThan(1e-13);
  });

  it('the same pair seen from two samples, far from 0: repeats merged relative to |x| (374 and 376)', () => {
    // (x − 375)² − 1 on samples 0, 250, …, 1000: the probes around 250 and 500 both refine both roots,
    // from different brackets, so the repeats differ in their last bits (a few ulp of 375).
    const f = (x: number): number => (x - 375) ** 2 - 1;
    const roots = findAllRoots(f, 0, 1000, { grid: grid(0, 1000, 250) });
    expect(roots.length).toBe(2);
    expect(Math.abs(roots[0] - 374) / 374).toBeLessThan(1e-14);
    expect(Math.abs(roots[1] - 376) / 376).toBeLessThan(1e-14);
  });

  it('no probe where the sign changes on one side: a line whose |f| is smallest at a sample next to its root', () => {
    // x − 0.9 on 0, 1, 2: |f| = 0.9, 0.1, 1.1, so 1 is a minimum of |f|, but with a sign change to its left.
    expect(findAllRoots((x) => x - 0.9, 0, 2, { grid: [0, 1, 2] })).toEqual([0.9]);
    expect(findAllRoots((x) => 1.1 - x, 0, 2, { grid: [0, 1, 2] })).toEqual([1.1]);
  });

  it('returns the roots in increasing order when a hidden pair lies left of a sign change', () => {
    // ((x − 0.45)² − 1e-6)(x − 0.9): the sign change at 0.9 is found by the first pass, the pair at
    // 0.45 ± 0.001 by the probe around the sample 0.5.
    const f = (x: number): number => ((x - 0.45) ** 2 - 1e-6) * (x - 0.9);
    const roots = findAllRoots(f, 0, 1, { grid: grid(0, 1, 0.25) });
    expect(roots.length).toBe(3);
    [0.449, 0.451, 0.9].forEach((r, k) => expect(Math.abs(roots[k] - r)).toBeLessThan(1e-13));
  });
});
