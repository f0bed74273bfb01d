/**
 * Bounded Nelder–Mead step by step: the points it evaluates, predicted by hand from the algorithm's
 * definition (Lagarias et al. 1998: reflection 1, expansion 2, contraction ½, shrink ½; the centroid of
 * all but the worst vertex; points clamped to [0, 1]) on functions chosen to force each move. Then the
 * budget, the result (the best point evaluated), and failed evaluations.
 */
import { describe, expect, it } from 'vitest';
import { nelderMead } from '../../src/numerics/nelder-mead.js';

/** The first `count` points nelderMead evaluates for f from start. */
function firstPoints(f: (x: number[]) => number, start: number[], count: number): number[][] {
  const seen: number[][] = [];
  nelderMead(
    (x) => {
      seen.push([...x]);
      return f(x);
    },
    start,
    { maxEvaluations: count },
  );
  return seen;
}

function expectPoints(seen: number[][], expected: number[][]): void {
  expect(seen.length).toBe(expected.length);
  seen.forEach((x, k) =>
    x.forEach((v, i) => expect(Math.abs(v - expected[k][i]), `point ${k}`).toBeLessThan(1e-12)),
  );
}

describe('nelderMead: the moves', () => {
  it('initial simplex x0, x0 + 0.1·e_i; then reflection and expansion about the centroid of the two best (f = x + 2y)', () => {
    // (0.5,0.5): 1.5, (0.6,0.5): 1.6, (0.5,0.6): 1.7 → worst (0.5,0.6), centroid (0.55,0.5);
    // reflected (0.6,0.4): 1.4 < 1.5 → expanded (0.65,0.3): 1.25 < 1.4, kept.
    expectPoints(
      firstPoints(([x, y]) => x + 2 * y, [0.5, 0.5], 5),
      [
        [0.5, 0.5],
        [0.6, 0.5],
        [0.5, 0.6],
        [0.6, 0.4],
        [0.65, 0.3],
      ],
    );
  });

  it('the expansion is kept only if better than the reflection', () => {
    // 1-D, f = (x − 0.38)²: 0.5 best, 0.6 worst; reflected 0.4 (0.0004) < 0.0144 → expanded 0.3 (0.0064)
    // is worse than 0.4, so 0.4 replaces 0.6: the next centroid is 0.4 (best), worst 0.5, reflected 0.3.
    const seen = firstPoints(([x]) => (x - 0.38) ** 2, [0.5], 6);
    expectPoints(seen, [[0.5], [0.6], [0.4], [0.3], [0.3], [0.35]]);
  });

  it('inside contraction when the reflection is no better than the worst', () => {
    // f = (x − 0.52)²: 0.5 (0.0004), 0.6 (0.0064); reflected 0.4 (0.0144) ≥ worst → 0.5 + ½(0.6 − 0.5) = 0.55.
    // 0.55 (0.0009) is better than the worst, so it replaces 0.6: the next reflection 0.45 (0.0049) is
    // worse than the new worst, and the next inside contraction is 0.5 + ½(0.55 − 0.5) = 0.525.
    expectPoints(
      firstPoints(([x]) => (x - 0.52) ** 2, [0.5], 6),
      [[0.5], [0.6], [0.4], [0.55], [0.45], [0.525]],
    );
  });

  it('outside contraction when the reflection beats only the worst', () => {
    // f = (x − 0.47)²: 0.5 (0.0009), 0.6 (0.0169); reflected 0.4 (0.0049): between → 0.5 + ½(0.4 − 0.5) = 0.45.
    expectPoints(
      firstPoints(([x]) => (x - 0.47) ** 2, [0.5], 4),
      [[0.5], [0.6], [0.4], [0.45]],
    );
  });

  it('shrink towards the best when the contraction fails', () => {
    // f(0.5) = 0, f(0.6) = 1, f(0.4) = 2, f(0.55) = 3: the contraction 0.55 is worse than the worst, so
    // every other vertex moves halfway to the best: 0.6 → 0.55, evaluated again.
    const near = (x: number, v: number): boolean => Math.abs(x - v) < 1e-9;
    const f = ([x]: number[]): number => (near(x, 0.4) ? 2 : near(x, 0.55) ? 3 : 10 * Math.abs(x - 0.5));
    expectPoints(firstPoints(f, [0.5], 5), [[0.5], [0.6], [0.4], [0.55], [0.55]]);
  });

  it('a reflection between the best and the second-worst is accepted as it is (f = x + y + 3(x − 0.5)²)', () => {
    // Vertices (0.5,0.5): 1, (0.5,0.6): 1.1, worst (0.6,0.5): 1.13; centroid (0.5,0.55); reflected (0.4,0.6):
    // 1.03, between 1 and 1.1: kept without trying an expansion. Next: centroid (0.45,0.55), worst
    // (0.5,0.6), reflected (0.4,0.5): 0.93 < 1 → expanded (0.35,0.45): 0.8675, kept.
    expectPoints(
      firstPoints(([x, y]) => x + y + 3 * (x - 0.5) ** 2, [0.5, 0.5], 6),
      [
        [0.5, 0.5],
        [0.6, 0.5],
        [0.5, 0.6],
        [0.4, 0.6],
        [0.4, 0.5],
        [0.35, 0.45],
      ],
    );
  });

  it('ties: an expansion only as good as the reflection is not taken (f = max(x, 0.45))', () => {
    // reflected 0.4 (0.45) < 0.5 → expanded 0.3 (0.45), not better: 0.4 kept. Next: best 0.4, worst 0.5,
    // reflected 0.3 (0.45), not better than the best, better than the worst: outside contraction 0.35.
    expectPoints(
      firstPoints(([x]) => Math.max(x, 0.45), [0.5], 6),
      [[0.5], [0.6], [0.4], [0.3], [0.3], [0.35]],
    );
  });

  it('ties: on a constant function nothing is better, so the simplex shrinks towards the start', () => {
    // reflected 0.4 is not better than the best nor the worst: inside contraction 0.55, not better than the
    // worst: shrink, 0.6 → 0.55.
    expectPoints(
      firstPoints(() => 1, [0.5], 5),
      [[0.5], [0.6], [0.4], [0.55], [0.55]],
    );
    // and the result is the start, the first of the equal values
    expect(nelderMead(() => 1, [0.5, 0.25]).x).toEqual([0.5, 0.25]);
  });

  it('at the upper bound the initial step goes inwards, and moves are clamped into [0, 1]', () => {
    // f = −x from 0.95: 0.95 + 0.1 > 1, so the second vertex is 0.85; reflected 1.05 → 1 (−1 < −0.95),
    // expanded 1.15 → 1, not better than the reflection.
    expectPoints(
      firstPoints(([x]) => -x, [0.95], 4),
      [[0.95], [0.85], [1], [1]],
    );
    // A step that lands on the bound exactly is kept: 0.9 + 0.1 = 1.
    expectPoints(
      firstPoints(([x]) => -x, [0.9], 2),
      [[0.9], [1]],
    );
    // A start outside the box is clamped first.
    expectPoints(
      firstPoints(([x, y]) => x + y, [1.7, -0.2], 3),
      [
        [1, 0],
        [0.9, 0],
        [1, 0.1],
      ],
    );
  });
});

describe('nelderMead: budget and result', () => {
  it('never more than maxEvaluations calls, the budget ending mid-iteration', () => {
    for (const maxEvaluations of [1, 2, 3, 4, 7, 20]) {
      let calls = 0;
      const r = nelderMead(
        ([x, y]) => {
          calls++;
          return (x - 0.3) ** 2 + (y - 0.8) ** 2;
        },
        [0.5, 0.5],
        { maxEvaluations, xtol: 0, ftol: 0 },
      );
      expect(calls, `budget ${maxEvaluations}`).toBe(maxEvaluations);
      expect(r.evaluations).toBe(maxEvaluations);
    }
  });

  it('returns the best point evaluated, and its value', () => {
    const values: { x: number[]; f: number }[] = [];
    const f = ([x, y]: number[]): number => Math.sin(7 * x) * Math.cos(5 * y) + x * y;
    const r = nelderMead(
      (x) => {
        const v = f(x);
        values.push({ x: [...x], f: v });
        return v;
      },
      [0.4, 0.6],
      { maxEvaluations: 60 },
    );
    const best = values.reduce((p, q) => (q.f < p.f ? q : p));
    expect(r.f).toBe(best.f);
    expect(r.x).toEqual(best.x);
  });

  it('stops on its tolerances well before the budget, at the minimum of a quadratic to ~xtol', () => {
    const r = nelderMead(([x, y]) => (x - 0.3) ** 2 + 2 * (y - 0.6) ** 2, [0.5, 0.5], {
      maxEvaluations: 10_000,
      xtol: 1e-6,
      ftol: 1e-10,
    });
    expect(r.evaluations).toBeLessThan(1000);
    expect(Math.hypot(r.x[0] - 0.3, r.x[1] - 0.6)).toBeLessThan(1e-5);
  });

  it('stops on the spread of f only once it is within ftol: a steep valley is followed below xtol', () => {
    // f = 1e12(x − 0.3)² + 1e-3: when the simplex is xtol = 1e-6 wide, f still differs by ~1 across it, far
    // above ftol·|f| = 1e-13, so the search goes on, to the extent limit xtol·1e-3.
    const r = nelderMead(([x]) => 1e12 * (x - 0.3) ** 2 + 1e-3, [0.5], {
      xtol: 1e-6,
      ftol: 1e-10,
      maxEvaluations: 10_000,
    });
    expect(Math.abs(r.x[0] - 0.3)).toBeLessThan(1e-8);
    expect(r.evaluations).toBeLessThan(10_000);
  });

  it('the spread of f is judged relative to |f|: f and 1000·f stop alike, and ftol = 0 goes on longer', () => {
    const f = ([x, y]: number[]): number => (x - 0.3) ** 2 + (y - 0.6) ** 2 + 1e-3;
    const run = (scale: number, ftol: number): number =>
      nelderMead((x) => scale * f(x), [0.5, 0.5], { xtol: 1e-6, ftol, maxEvaluations: 10_000 }).evaluations;
    const base = run(1, 1e-10);
    expect(run(1000, 1e-10)).toBe(base);
    expect(run(1e-3, 1e-10)).toBe(base);
    expect(run(1, 0)).toBeGreaterThan(base);
  });

  it('a failed (NaN or infinite) evaluation ranks worst instead of stopping or poisoning the search', () => {
    // NaN left of x = 0.45: the minimum of (x − 0.5)² at 0.5 is still found.
    const r = nelderMead(([x]) => (x < 0.45 ? NaN : (x - 0.5) ** 2), [0.46], { maxEvaluations: 200 });
    expect(Number.isFinite(r.f)).toBe(true);
    expect(Math.abs(r.x[0] - 0.5)).toBeLessThan(1e-4);
    const s = nelderMead(([x]) => (x > 0.7 ? Infinity : (x - 0.65) ** 2), [0.75], { maxEvaluations: 200 });
    expect(Math.abs(s.x[0] - 0.65)).toBeLessThan(1e-4);
  });

  it('errors thrown by f propagate', () => {
    expect(() =>
      nelderMead(() => {
        throw new TypeError('broken model');
      }, [0.5]),
    ).toThrow(/broken model/);
  });
});
