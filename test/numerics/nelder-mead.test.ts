import { describe, expect, it } from 'vitest';
import { nelderMead } from '../../src/numerics/nelder-mead.js';

describe('bounded Nelder–Mead', () => {
  it('finds the minimum of a shifted quadratic inside the box', () => {
    const r = nelderMead(([x, y]) => (x - 0.3) ** 2 + 10 * (y - 0.7) ** 2, [0.9, 0.1], {
      maxEvaluations: 400,
    });
    expect(r.x[0]).toBeCloseTo(0.3, 4);
    expect(r.x[1]).toBeCloseTo(0.7, 4);
  });
  it('the scaled Rosenbrock valley', () => {
    // Minimum of (1−u)² + 100(v−u²)² at u = v = 1, with u = 2x − 1, v = 2y − 1: x = y = 1 (a corner).
    const f = ([x, y]: number[]) => (1 - (2 * x - 1)) ** 2 + 100 * (2 * y - 1 - (2 * x - 1) ** 2) ** 2;
    const r = nelderMead(f, [0.2, 0.6], { maxEvaluations: 2000, xtol: 1e-9, ftol: 1e-14 });
    expect(r.f).toBeLessThan(1e-8);
  });
  it('stays in the box when the minimum lies outside it', () => {
    const seen: number[][] = [];
    const r = nelderMead((x) => (seen.push(x), (x[0] + 1) ** 2), [0.5]);
    expect(r.x[0]).toBe(0);
    expect(seen.every(([v]) => v >= 0 && v <= 1)).toBe(true);
  });
  it('is deterministic', () => {
    const f = ([x, y]: number[]) => Math.sin(5 * x) + Math.cos(3 * y);
    expect(nelderMead(f, [0.5, 0.5])).toEqual(nelderMead(f, [0.5, 0.5]));
  });
});
