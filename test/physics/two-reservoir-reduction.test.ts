/**
 * steadyStatesByReduction on reductions whose states are known in closed form: a state exactly on a scan
 * node, the ends of the scan, folds whose position is known, a branch that continues through a fold,
 * and a pair of roots that appears between two scan nodes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { steadyStatesByReduction } from '../../src/physics/two-reservoir.js';

/** The s at which a reduction's inner roots are asked for during a scan of [sLo, sHi]. */
function scanNodes(sLo: number, sHi: number): number[] {
  const asked: number[] = [];
  steadyStatesByReduction({ inner: (s) => (asked.push(s), [1]), outer: () => 1 }, sLo, sHi);
  return asked;
}

const bySThenR = (x: { s: number; r: number }, y: { s: number; r: number }): number => x.s - y.s || x.r - y.r;

describe('a state exactly on a scan node', () => {
  // The node is taken from the scan itself: outer is then exactly 0 there, on one side of two intervals.
  for (const r of [0, 0.7, -0.7]) {
    it(`is reported once, at the node (r = ${r})`, () => {
      const node = scanNodes(0, 1)[20];
      const found = steadyStatesByReduction({ inner: () => [r], outer: (s) => s - node }, 0, 1);
      expect(found).toEqual([{ s: node, r }]);
    });
  }
  for (const r of [0, 0.7, -0.7]) {
    it(`is reported once when the interval after it is split (r = ${r})`, () => {
      // Between this node and the next, a pair of roots (2 ± 10⁻³) comes in below the branch r = 5 (its
      // index changes), and outer on r = 5 changes sign there: that interval is bisected and the node
      // visited again.
      const nodes = scanNodes(0, 1);
      const [node, w] = [nodes[20], 0.5 * (nodes[20] + nodes[21])];
      const inWindow = (s: number): boolean => Math.abs(s - w) < 1e-6;
      const found = steadyStatesByReduction(
        {
          inner: (s) => (inWindow(s) ? [r, 1.999, 2.001, 5] : [r, 5]),
          outer: (s, x) => (x === r ? s - node : s - w + (x - 5)),
        },
        0,
        1,
      ).sort(bySThenR);
      expect(found).toHaveLength(2);
      expect(found[0]).toEqual({ s: node, r });
      expect(found[1].r).toBe(5);
      expect(Math.abs(found[1].s - w)).toBeLessThan(1e-12);
    });
  }
  it('is reported once when it is also a root of a second branch', () => {
    const node = scanNodes(-1, 1)[33];
    const found = steadyStatesByReduction({ inner: () => [-2, 3], outer: (s) => s - node }, -1, 1);
    expect(found.sort(bySThenR)).toEqual([
      { s: node, r: -2 },
      { s: node, r: 3 },
    ]);
  });
});

describe('the ends of the scan', () => {
  it('finds a state 2·10⁻⁹ of the range above sLo (the scan starts at 10⁻⁹ of it)', () => {
    const c = 1 + 2e-9;
    const found = steadyStatesByReduction({ inner: () => [0.5], outer: (s) => s - c }, 1, 2);
    expect(found).toHaveLength(1);
    expect(Math.abs(found[0].s - c)).toBeLessThan(1e-14);
  });
  it('does not report a state exactly at sHi (the scan is of the open interval (sLo, sHi))', () => {
    // The last node is sHi itself, where outer is then exactly 0.
    expect(steadyStatesByReduction({ inner: () => [0.5], outer: (s) => s - 1 }, 0, 1)).toEqual([]);
    expect(steadyStatesByReduction({ inner: () => [0.5], outer: (s) => 1 - s }, 0, 1)).toEqual([]);
  });
  it('finds a state in the last interval, just below sHi', () => {
    const found = steadyStatesByReduction({ inner: () => [0.5], outer: (s) => s - 0.995 }, 0, 1);
    expect(found).toHaveLength(1);
    expect(Math.abs(found[0].s - 0.995)).toBeLessThan(1e-13);
  });
  it('finds both of two states at least 4 % of the range apart (the widest of the 80 intervals is 3.9 %)', () => {
    // The intervals grow as e^{3i/80}: the last is 1 − (e^{2.9625} − 1)/(e³ − 1) = 0.0388 of the range.
    const check = (c1: number, c2: number): void => {
      const found = steadyStatesByReduction(
        { inner: () => [0.5], outer: (s) => (s - c1) * (s - c2) },
        0,
        1,
      ).sort(bySThenR);
      expect(found).toHaveLength(2);
      expect(Math.abs(found[0].s - c1)).toBeLessThan(1e-12);
      expect(Math.abs(found[1].s - c2)).toBeLessThan(1e-12);
    };
    check(0.92, 0.965);
    check(0.001, 0.041);
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 0.95, noNaN: true }),
        fc.double({ min: 0.0401, max: 0.5, noNaN: true }),
        (c1, d) => {
          fc.pre(c1 + d < 0.9999);
          check(c1, c1 + d);
        },
      ),
      { numRuns: 60 },
    );
  });
});

/** Roots r of (r − r0)² = ±(s − s0): a pair of branches that exists on one side of the fold s0. */
function foldPair(s0: number, r0: number, side: 1 | -1): (s: number) => number[] {
  return (s) => {
    const x = side * (s - s0);
    return x > 0 ? [r0 - Math.sqrt(x), r0 + Math.sqrt(x)] : [];
  };
}

describe('a state at a fold', () => {
  // outer = r − r0 changes sign between the two branches: the state is the fold (s0, r0) itself.
  for (const side of [1, -1] as const) {
    for (const s0 of [1e-3, 0.3, -0.4]) {
      it(`is placed to the fold width at s0 = ${s0}, pair on the ${side > 0 ? 'upper' : 'lower'} side`, () => {
        const r0 = 2;
        const found = steadyStatesByReduction(
          { inner: foldPair(s0, r0, side), outer: (_s, r) => r - r0 },
          -1,
          1,
        );
        expect(found).toHaveLength(1);
        // foldWidth 1e-9 relative to s (absolute 1e-9 where |s| < 1): s within that, r0 to the midpoint
        // of a symmetric pair (exact), here within the square root of the width's rounding.
        expect(Math.abs(found[0].s - s0)).toBeLessThan(2e-9 * Math.max(Math.abs(s0), 1e-3));
        expect(Math.abs(found[0].r - r0)).toBeLessThan(1e-6);
      });
    }
  }

  it('is not found between the pair and a far branch of the same side', () => {
    // inner = [pair near 0, 5] above the fold at 0.3; outer < 0 on the pair, > 0 on the branch r = 5:
    // the sign change lies between branches that do not meet, so there is no state.
    const pair = foldPair(0.3, 0, 1);
    const found = steadyStatesByReduction(
      { inner: (s) => [...pair(s), 5], outer: (s, r) => (r > 4 ? 1 : -1) * (1 + s) },
      0,
      1,
    );
    expect(found).toEqual([]);
  });
});

describe('a branch that continues through a fold', () => {
  // inner = {pair meeting at s0 = 0.3 near r = 0, |r| < 0.84} ∪ {5}; outer = (s − 0.3) + (r − 5): negative
  // on the pair, and zero on the branch r = 5 exactly at the fold's s. One state, (0.3, 5).
  for (const side of [1, -1] as const) {
    it(`is matched to its own branch (pair on the ${side > 0 ? 'upper' : 'lower'} side)`, () => {
      const pair = foldPair(0.3, 0, side);
      const found = steadyStatesByReduction(
        { inner: (s) => [...pair(s), 5], outer: (s, r) => s - 0.3 + (r - 5) },
        0,
        1,
      );
      expect(found).toHaveLength(1);
      expect(found[0].r).toBe(5);
      expect(Math.abs(found[0].s - 0.3)).toBeLessThan(1e-9);
    });
  }
});

describe('a pair of roots that appears and vanishes between two scan nodes', () => {
  it('does not stop the branch below it from being followed', () => {
    // Inside (0.4 ± 10⁻⁴) two more roots (1 and 2) come in below the branch r = 5, so the branch's index
    // changes there; outer is zero on r = 5 at s = 0.4 only. The scan nodes stay outside the window.
    const inWindow = (s: number): boolean => Math.abs(s - 0.4) < 1e-4;
    expect(scanNodes(0, 1).some(inWindow)).toBe(false);
    const found = steadyStatesByReduction(
      { inner: (s) => (inWindow(s) ? [1, 2, 5] : [5]), outer: (s, r) => s - 0.4 + (r - 5) },
      0,
      1,
    );
    expect(found).toHaveLength(1);
    expect(found[0].r).toBe(5);
    expect(Math.abs(found[0].s - 0.4)).toBeLessThan(1e-12);
  });
});

describe('an error inside the polish', () => {
  it('reaches the caller (only a change of the branch count is recovered from)', () => {
    // outer throws near its root, which only the polish between two nodes comes close to.
    const outer = (s: number): number => {
      if (Math.abs(s - 0.4) < 1e-6) throw new RangeError('outer failed');
      return s - 0.4;
    };
    expect(() => steadyStatesByReduction({ inner: () => [1], outer }, 0, 1)).toThrow('outer failed');
  });
});
