/**
 * The root polish (balance.ts, `polishRoot`) returns the root of exact F in its scan interval whatever
 * the start G's interval series gives it: the series only starts the search. Here the series handed to
 * the polish is spoiled on purpose (balance-scan.ts's `cellSeries` wrapped) — its root moved, its slope
 * scaled or reversed, its root pushed outside the interval — and every root must still match the solve
 * with the true series to 1e-12 K (the polish stops at 1e-13 K), with the same count.
 *
 * What each spoiling reaches: a start 1e-5 K off with a slope 20 % off is what the first Newton step
 * may accept only when it is ≤ 1e-9 K (one accepted step of 1e-5 K would leave ~2e-6 K); a start within
 * 1e-12 K with a slope 1000× too small makes a first step ≤ 1e-9 K that lands ~1e-9 K off, refused by
 * the chord test (|slope| ≥ 1e-2 of the interval's chord); a reversed slope sends the first step out of
 * the bracket; a series whose root lies outside [−1, 1] must not move the start out of the interval.
 */
import { describe, expect, it, vi } from 'vitest';
import { mapPoints } from './balance-map-points.js';

type Spoil = (coeffs: Float64Array, Jin: number) => void;
const spoiling: { current: Spoil | undefined } = { current: undefined };

vi.mock('../../src/physics/balance-scan.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/physics/balance-scan.js')>();
  return {
    ...actual,
    cellSeries: (...args: Parameters<typeof actual.cellSeries>): ReturnType<typeof actual.cellSeries> => {
      const cell = actual.cellSeries(...args);
      if (!spoiling.current) return cell;
      const coeffs = Float64Array.from(cell.coeffs);
      spoiling.current(coeffs, currentJin.value);
      return { a: cell.a, b: cell.b, coeffs };
    },
  };
});

const currentJin = { value: 0 };
const { balanceRoots } = await import('../../src/physics/balance.js');
const { platformDevice } = await import('../../src/physics/device.js');

const points = mapPoints(6, 4);

/** Roots of each point on a fresh device (the scan's caches are per reservoir object). */
function solve(spoil: Spoil | undefined): number[][] {
  spoiling.current = spoil;
  try {
    return points.map((p) => {
      currentJin.value = p.Jin;
      const device = structuredClone(platformDevice(p.platform));
      return balanceRoots(device, { Jin: p.Jin, TR: p.TR, setup: p.setup }).TL;
    });
  } finally {
    spoiling.current = undefined;
  }
}

/**
 * The series p(t) = Σ c_j T_j(t) of G on t ∈ [−1, 1]; its value and t-derivative at t (Clenshaw), to
 * place the spoiled root where wanted.
 */
function seriesAt(c: Float64Array, t: number): { p: number; dp: number } {
  let [b1, b2, d1, d2] = [0, 0, 0, 0];
  for (let j = c.length - 1; j >= 1; j--) {
    const b0 = 2 * t * b1 - b2 + c[j];
    const d0 = 2 * b1 + 2 * t * d1 - d2;
    [b2, b1, d2, d1] = [b1, b0, d1, d0];
  }
  return { p: t * b1 - b2 + c[0], dp: b1 + t * d1 - d2 };
}

/** The series' own root of p(t) = J_in in [−1, 1], by bisection (the cell holds one sign change). */
function seriesRoot(c: Float64Array, Jin: number): number {
  let [lo, hi] = [-1, 1];
  const rising = seriesAt(c, hi).p > seriesAt(c, lo).p;
  for (let k = 0; k < 200; k++) {
    const mid = 0.5 * (lo + hi);
    if (seriesAt(c, mid).p < Jin === rising) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** Moves the series' root by dt (in t) without changing its slope there, and scales the slope by s. */
const moveAndScale =
  (dt: number, s: number): Spoil =>
  (c, Jin) => {
    const t0 = seriesRoot(c, Jin);
    const { dp } = seriesAt(c, t0);
    // p̃(t) = Jin + s·(p(t) − Jin) − s·dp·dt: root near t0 + dt, slope s·dp.
    for (let j = 0; j < c.length; j++) c[j] *= s;
    c[0] += (1 - s) * Jin - s * dp * dt;
  };

const reference = solve(undefined);

function expectSameRoots(spoiled: number[][]): void {
  let compared = 0;
  spoiled.forEach((roots, k) => {
    const label = JSON.stringify(points[k]);
    expect(roots.length, label).toBe(reference[k].length);
    roots.forEach((x, r) => {
      expect(Math.abs(x - reference[k][r]), `${label} root ${r}: ${x} vs ${reference[k][r]}`).toBeLessThan(
        1e-12,
      );
      compared++;
    });
  });
  expect(compared).toBeGreaterThan(points.length);
}

describe('the root polish from a spoiled start', () => {
  it('the reference solves find roots at every point, three at the bistable ones', () => {
    expect(reference.every((r) => r.length > 0)).toBe(true);
    expect(reference.filter((r) => r.length === 3)).toHaveLength(2);
  });

  it('a start ~1e-5 K off with a slope 20 % off: the same roots', () => {
    // dt = 1e-3 of the half-interval: the scan intervals span ~1e-2–1e-1 K.
    expectSameRoots(solve(moveAndScale(1e-3, 1.2)));
  });

  it('a start ~5e-10 K off (a first step the polish accepts): the same roots', () => {
    // The one accepted step is only as good as the series' slope: ~5e-10 K times its relative error.
    expectSameRoots(solve(moveAndScale(3e-8, 1)));
    expectSameRoots(solve(moveAndScale(-3e-8, 1)));
  });

  it('a start within ~1e-12 K with a slope 1000× too small: the same roots', () => {
    expectSameRoots(solve(moveAndScale(1e-11, 1e-3)));
  });

  it('a reversed slope (the first step leaves the bracket): the same roots', () => {
    expectSameRoots(solve(moveAndScale(1e-4, -1)));
    // Far off and reversed: the first step leaves the interval by a large part of its width.
    expectSameRoots(solve(moveAndScale(0.5, -1)));
    expectSameRoots(solve(moveAndScale(-0.5, -1)));
  });

  it('a series whose root lies outside the interval, on either side: the same roots', () => {
    expectSameRoots(solve(moveAndScale(3, 1)));
    expectSameRoots(solve(moveAndScale(-3, 1)));
  });
});
