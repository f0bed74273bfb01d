/**
 * The Rosenbrock (2,3) integrator as a method: second order at fixed steps (the global error falls 4× per
 * halving of h), an embedded error estimate within a factor 3 of the true local error (a step is accepted
 * at a tolerance 3× the true error and rejected at a third of it), and the options' contracts: per-
 * component atol, a given Jacobian, the evaluation count, onStep, initialStep and maxStep.
 */
import { describe, expect, it } from 'vitest';
import { integrateStiff, solveLinear } from '../../src/numerics/ode.js';

const last = <T>(a: T[]): T => a[a.length - 1];
/** Tolerances no step can violate: every step accepted, so the step size is what is given. */
const FIXED = { rtol: 1e6, atol: 1e6 };

describe('integrateStiff: order and error estimate', () => {
  const problems: [string, (t: number, y: readonly number[]) => number[], (t: number) => number][] = [
    ['y′ = −y², y = 1/(1 + t)', (_t, [y]) => [-y * y], (t) => 1 / (1 + t)],
    ['y′ = t − y, y = t − 1 + 2e^{−t}', (t, [y]) => [t - y], (t) => t - 1 + 2 * Math.exp(-t)],
    ['y′ = −2ty, y = e^{−t²}', (t, [y]) => [-2 * t * y], (t) => Math.exp(-t * t)],
    // Nonlinear in t: ∂f/∂t enters the stages through its difference quotient.
    [
      'y′ = cos 3t − y, y = (cos 3t + 3 sin 3t)/10 + 0.9e^{−t}',
      (t, [y]) => [Math.cos(3 * t) - y],
      (t) => (Math.cos(3 * t) + 3 * Math.sin(3 * t)) / 10 + 0.9 * Math.exp(-t),
    ],
  ];
  for (const [name, f, exact] of problems) {
    it(`${name}: second order at fixed steps h = 1/8 … 1/64 on [0, 1]`, () => {
      const errors = [8, 16, 32, 64].map((m) => {
        const sol = integrateStiff(f, 0, [1], 1, { ...FIXED, initialStep: 1 / m, maxStep: 1 / m });
        expect(sol.accepted).toBe(m);
        expect(last(sol.t)).toBe(1);
        return Math.abs(last(sol.y)[0] - exact(1));
      });
      for (let k = 0; k + 1 < errors.length; k++) {
        const ratio = errors[k] / errors[k + 1];
        expect(ratio, `h = 1/${8 << k} → 1/${16 << k}`).toBeGreaterThan(3.5);
        expect(ratio).toBeLessThan(5.2);
      }
    });
  }

  it('the error estimate is within a factor 1.5 of the true local error (one step of h)', () => {
    const cases: [string, (t: number, y: readonly number[]) => number[], (t: number) => number][] = [
      ['y′ = −y', (_t, [y]) => [-y], (t) => Math.exp(-t)],
      ['y′ = −y³', (_t, [y]) => [-y * y * y], (t) => 1 / Math.sqrt(1 + 2 * t)],
      [
        'y′ = cos 3t − y',
        (t, [y]) => [Math.cos(3 * t) - y],
        (t) => (Math.cos(3 * t) + 3 * Math.sin(3 * t)) / 10 + 0.9 * Math.exp(-t),
      ],
    ];
    for (const [name, f, exact] of cases) {
      for (const h of [0.05, 0.1, 0.2]) {
        const label = `${name}, h = ${h}`;
        const one = integrateStiff(f, 0, [1], h, { ...FIXED, initialStep: h });
        const trueError = Math.abs(one.y[1][0] - exact(h));
        // atol = 0 and max(|y0|, |y1|) = 1: a step is accepted when its estimate ≤ rtol.
        const options = { atol: 0, initialStep: h, maxSteps: 1 };
        const loose = integrateStiff(f, 0, [1], h, { ...options, rtol: 1.5 * trueError });
        expect(loose.accepted, label).toBe(1);
        const tight = integrateStiff(f, 0, [1], h, { ...options, rtol: trueError / 1.5 });
        expect(tight.accepted, label).toBe(0);
        expect(tight.rejected, label).toBe(1);
        expect(tight.status).toBe('max-steps');
      }
    }
  });

  it('a rejected step is retried shorter, by the cube-root rule, and then accepted', () => {
    const sol = integrateStiff((_t, [y]) => [-y], 0, [1], 1, { rtol: 1e-6, atol: 0, initialStep: 0.5 });
    expect(sol.rejected).toBeGreaterThan(0);
    expect(sol.t[1]).toBeLessThan(0.5);
    expect(sol.t[1]).toBeGreaterThanOrEqual(0.5 * 0.2 ** sol.rejected);
    expect(sol.status).toBe('done');
    expect(Math.abs(last(sol.y)[0] - Math.exp(-1))).toBeLessThan(1e-5);
  });
});

describe('integrateStiff: options', () => {
  const f = (t: number, y: readonly number[]): number[] => [-y[0] + Math.sin(t), -3 * y[1] + y[0]];

  it('counts every evaluation of f: 1 + n per Jacobian by differences + 3 per step', () => {
    let calls = 0;
    const counted = (t: number, y: readonly number[]): number[] => {
      calls++;
      return f(t, y);
    };
    const sol = integrateStiff(counted, 0, [1, 0], 5, { rtol: 1e-6 });
    expect(calls).toBe(sol.evaluations);
    // f0 once; a Jacobian (2 evaluations) at the start and after every accepted step; per attempted
    // step ∂f/∂t, the second stage and the error stage.
    expect(sol.evaluations).toBe(1 + 2 * (1 + sol.accepted) + 3 * (sol.accepted + sol.rejected));
  });

  it('a given Jacobian replaces the differences: 1 + 3 per step, and the same solution to the tolerance', () => {
    let calls = 0;
    const counted = (t: number, y: readonly number[]): number[] => {
      calls++;
      return f(t, y);
    };
    let jacobians = 0;
    const jacobian = (): number[][] => {
      jacobians++;
      return [
        [-1, 0],
        [1, -3],
      ];
    };
    const sol = integrateStiff(counted, 0, [1, 0], 5, { rtol: 1e-6, jacobian });
    const ref = integrateStiff(f, 0, [1, 0], 5, { rtol: 1e-6 });
    expect(calls).toBe(1 + 3 * (sol.accepted + sol.rejected));
    expect(sol.evaluations).toBe(calls);
    expect(jacobians).toBe(1 + sol.accepted);
    expect(Math.abs(last(sol.y)[0] - last(ref.y)[0])).toBeLessThan(1e-5);
  });

  it('onStep sees every accepted step, in order, with the recorded states', () => {
    const seen: [number, number[]][] = [];
    const sol = integrateStiff(f, 0, [1, 0], 3, { rtol: 1e-5, onStep: (t, y) => seen.push([t, [...y]]) });
    expect(seen.length).toBe(sol.accepted);
    seen.forEach(([t, y], k) => {
      expect(t).toBe(sol.t[k + 1]);
      expect(y).toEqual(sol.y[k + 1]);
    });
  });

  it('initialStep is the first step tried, maxStep bounds every step', () => {
    const first = integrateStiff(f, 0, [1, 0], 10, { rtol: 1e-3, initialStep: 1e-3 });
    expect(first.t[1]).toBe(1e-3);
    const bounded = integrateStiff(f, 0, [1, 0], 10, { rtol: 1e-3, maxStep: 0.25 });
    const steps = bounded.t.slice(1).map((t, k) => t - bounded.t[k]);
    expect(Math.max(...steps)).toBeLessThanOrEqual(0.25 * (1 + 1e-12));
    // The default first step is (t1 − t0)·1e-6.
    const plain = integrateStiff(f, 0, [1, 0], 10, { rtol: 1e-3 });
    expect(plain.t[1]).toBeCloseTo(1e-5, 18);
    // Steps grow from there by at most 5× each.
    const growth = plain.t.slice(2).map((t, k) => (t - plain.t[k + 1]) / (plain.t[k + 1] - plain.t[k]));
    expect(Math.max(...growth.slice(0, -1))).toBeLessThanOrEqual(5 * (1 + 1e-12));
  });

  it('atol per component: a component of size 1e-9 is followed to its own atol, not to a shared 1e-12', () => {
    // y1 constant (it never limits the step), y2 = 1e-9·e^{−2t}. With atol 1e-23 for y2 the step is set by
    // rtol·|y2|; with a shared 1e-12 by 1e-12 = 1e-3·|y2|, and the error follows.
    const g = (_t: number, [, y2]: readonly number[]): number[] => [0, -2 * y2];
    const relError = (atol: number | number[]): number => {
      const sol = integrateStiff(g, 0, [1, 1e-9], 3, { rtol: 1e-8, atol });
      return Math.max(...sol.t.map((t, i) => Math.abs(sol.y[i][1] / (1e-9 * Math.exp(-2 * t)) - 1)));
    };
    expect(relError([1e-14, 1e-23])).toBeLessThan(1e-4);
    expect(relError(1e-12)).toBeGreaterThan(1e-2);
    // A number is the atol of every component.
    expect(relError(1e-23)).toBeLessThan(1e-4);
    // atol for y1 alone does not help y2: the array is read per component.
    expect(relError([1e-23, 1e-12])).toBeGreaterThan(1e-2);
  });

  it('the difference Jacobian: the same steps as with the exact one, on a nonlinear system', () => {
    const g = (_t: number, [y1, y2]: readonly number[]): number[] => [
      -y1 * y1 * y1 + y2,
      -y2 * (1 + y1 * y1),
    ];
    const exact = (_t: number, [y1, y2]: readonly number[]): number[][] => [
      [-3 * y1 * y1, 1],
      [-2 * y1 * y2, -(1 + y1 * y1)],
    ];
    const byDifferences = integrateStiff(g, 0, [1, 1], 5, { rtol: 1e-7 });
    const withExact = integrateStiff(g, 0, [1, 1], 5, { rtol: 1e-7, jacobian: exact });
    expect(byDifferences.accepted).toBe(withExact.accepted);
    expect(byDifferences.rejected).toBe(withExact.rejected);
    for (const i of [0, 1])
      expect(Math.abs(last(byDifferences.y)[i] - last(withExact.y)[i])).toBeLessThan(1e-12);
  });

  it('a state outside inDomain is rejected and the step shortened: y′ = −1 stops where y reaches 0', () => {
    const sol = integrateStiff(() => [-1], 0, [1], 2, { inDomain: ([y]) => y >= 0 });
    expect(sol.status).toBe('domain');
    expect(sol.rejected).toBeGreaterThan(0);
    expect(sol.y.every(([y]) => y >= 0)).toBe(true);
    expect(last(sol.t)).toBeGreaterThan(1 - 1e-9);
    expect(last(sol.t)).toBeLessThanOrEqual(1);
    // A non-finite state is outside every domain.
    const inf = integrateStiff((_t, [y]) => [y < 0.5 ? Infinity : -1], 0, [1], 2);
    expect(inf.status).toBe('domain');
    expect(inf.y.every(([y]) => Number.isFinite(y))).toBe(true);
  });

  it('refuses t1 ≤ t0', () => {
    expect(() => integrateStiff(f, 1, [1, 0], 1)).toThrow(RangeError);
    expect(() => integrateStiff(f, 1, [1, 0], 0)).toThrow(/t1 must exceed t0/);
  });
});

describe('solveLinear', () => {
  it('pivots: a tiny leading element does not wreck the solution', () => {
    // [[1e-20, 1], [1, 1]] x = [1, 2]: x = (1/(1 − 1e-20), (1 − 2e-20)/(1 − 1e-20)) ≈ (1, 1).
    const x = solveLinear(
      [
        [1e-20, 1],
        [1, 1],
      ],
      [1, 2],
    );
    expect(Math.abs(x[0] - 1)).toBeLessThan(1e-15);
    expect(Math.abs(x[1] - 1)).toBeLessThan(1e-15);
    // and picks the largest pivot below the diagonal, not the first non-zero one
    const y = solveLinear(
      [
        [1e-20, 1, 0],
        [1e-10, 0, 1],
        [1, 1, 1],
      ],
      [1, 1, 3],
    );
    const A = [
      [1e-20, 1, 0],
      [1e-10, 0, 1],
      [1, 1, 1],
    ];
    A.forEach((row, i) =>
      expect(Math.abs(row[0] * y[0] + row[1] * y[1] + row[2] * y[2] - [1, 1, 3][i])).toBeLessThan(1e-15),
    );
  });

  it('a singular matrix is refused', () => {
    expect(() =>
      solveLinear(
        [
          [1, 2],
          [2, 4],
        ],
        [1, 2],
      ),
    ).toThrow(/singular/);
  });
});
