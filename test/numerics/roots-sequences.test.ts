/**
 * Brent's root finder and minimiser evaluate the same points as SciPy's independent implementations of
 * the same algorithms (Brent 1973, "zeroin" and "fmin": scipy.optimize.brentq and fminbound), with the
 * tolerances mapped onto each other (test/fixtures/brent-sequences.json, generate_brent_references.py).
 * A sequence pins down every choice the methods make — interpolation or bisection, parabola or golden
 * section, which three points the next parabola uses — which the final value alone does not show.
 * Where f is flat near a minimum, the order of two nearly equal values can depend on the last bit of a
 * libm function (x ln x near 1/e differs so between Python's log and V8's); no such function is used.
 */
import { describe, expect, it } from 'vitest';
import { brent, minimize } from '../../src/numerics/roots.js';
import { loadFixture } from '../reference/fixture.js';

interface Sequence {
  name: string;
  a: number;
  b: number;
  points: number[];
}

const ROOTS: Record<string, (x: number) => number> = {
  'cos on [0, 2]': Math.cos,
  'cos on [2, 0]': Math.cos,
  'x^3 - 2x - 5 on [2, 3]': (x) => x ** 3 - 2 * x - 5,
  'ln x on [0.1, 7]': Math.log,
  'exp(x) - 3 on [0, 5]': (x) => Math.exp(x) - 3,
  'x^15 - 0.5 on [0, 1]': (x) => x ** 15 - 0.5,
  'x^9 - 0.5 on [-1, 1]': (x) => x ** 9 - 0.5,
  'atan(x - 1.3) on [-4, 9]': (x) => Math.atan(x - 1.3),
  '(x - 0.7)^3 on [0, 1]': (x) => (x - 0.7) ** 3,
  'x exp(-x) - 0.1 on [0, 1]': (x) => x * Math.exp(-x) - 0.1,
  'tanh(50(x - 0.2)) on [-1, 3]': (x) => Math.tanh(50 * (x - 0.2)),
  'x^21 - 0.9 on [0, 1.2]': (x) => x ** 21 - 0.9,
  'exp(20x) - 2 on [-1, 1]': (x) => Math.exp(20 * x) - 2,
  'atan(1e4(x - 0.3)) on [0, 1]': (x) => Math.atan(1e4 * (x - 0.3)),
  '1/x - 3 on [0.01, 5]': (x) => 1 / x - 3,
  'x + 0.5 sin(20x) - 0.3 on [-1, 2]': (x) => x + 0.5 * Math.sin(20 * x) - 0.3,
  'cbrt(x - 0.4) on [0, 1]': (x) => Math.sign(x - 0.4) * Math.abs(x - 0.4) ** (1 / 3),
  'step at 0.3 on [0, 1]': (x) => (x < 0.3 ? -1 : 1),
};

const MINIMA: Record<string, (x: number) => number> = {
  '(x - 2)^2 + 1 on [0, 5]': (x) => (x - 2) ** 2 + 1,
  'cos on [2, 5]': Math.cos,
  'cosh(x - 0.3) on [-2.7, 4.3]': (x) => Math.cosh(x - 0.3),
  '(x - 1)^4 on [0, 3]': (x) => (x - 1) ** 4,
  '|x - 0.3| on [0, 1]': (x) => Math.abs(x - 0.3),
  'x on [1, 2]': (x) => x,
  '-x on [1, 2]': (x) => -x,
  'x^2 (x - 1)^2 + 0.1x on [-1, 2]': (x) => x * x * (x - 1) ** 2 + 0.1 * x,
  'exp(x) - 3x on [0, 3]': (x) => Math.exp(x) - 3 * x,
  'sin(5x) + x/4 on [0, 2]': (x) => Math.sin(5 * x) + x / 4,
  '10(x - 0.01)^2 on [0, 1]': (x) => 10 * (x - 0.01) ** 2,
  'constant 1 on [0, 1]': () => 1,
  'staircase floor(4x)/4 on [-1, 1]': (x) => Math.abs(Math.floor(4 * x)) / 4,
  '-x^2 on [-1, 2]': (x) => -x * x,
  '-exp(-((x - 0.2)/0.1)^2) on [0, 1]': (x) => -Math.exp(-(((x - 0.2) / 0.1) ** 2)),
  '(x - 0.9)^6 on [0, 1]': (x) => (x - 0.9) ** 6,
  '1/x + x on [0.1, 10]': (x) => 1 / x + x,
  'sqrt|x - 0.3| on [0, 1]': (x) => Math.sqrt(Math.abs(x - 0.3)),
  'cos(12x) + 0.1x on [0, 3]': (x) => Math.cos(12 * x) + 0.1 * x,
};

const fixture = loadFixture<{ roots: Sequence[]; minima: Sequence[] }>('brent-sequences.json');

function recorded(f: (x: number) => number): { f: (x: number) => number; points: number[] } {
  const points: number[] = [];
  return {
    f: (x) => {
      points.push(x);
      return f(x);
    },
    points,
  };
}

/** The two sequences agree point by point, to `tol` relative (the same formulas in another order). */
function expectSameSequence(got: number[], expected: number[], tol: number): void {
  expect(got.length).toBe(expected.length);
  got.forEach((x, k) =>
    expect(Math.abs(x - expected[k]), `point ${k}: ${x} vs ${expected[k]}`).toBeLessThanOrEqual(
      tol * Math.max(1, Math.abs(expected[k])),
    ),
  );
}

describe('brent evaluates the points of SciPy brentq', () => {
  it('the fixture covers every function named here', () => {
    expect(fixture.roots.map((s) => s.name).sort()).toEqual(Object.keys(ROOTS).sort());
  });
  for (const s of fixture.roots) {
    it(s.name, () => {
      const r = recorded(ROOTS[s.name]);
      brent(r.f, s.a, s.b, { xtol: 1e-300 });
      expectSameSequence(r.points, s.points, 1e-12);
    });
  }
});

describe('minimize evaluates the points of SciPy fminbound', () => {
  it('the fixture covers every function named here', () => {
    expect(fixture.minima.map((s) => s.name).sort()).toEqual(Object.keys(MINIMA).sort());
  });
  for (const s of fixture.minima) {
    it(s.name, () => {
      const r = recorded(MINIMA[s.name]);
      minimize(r.f, s.a, s.b, { rtol: Math.sqrt(2.2e-16), atol: 1e-300 });
      expectSameSequence(r.points, s.points, 1e-12);
    });
  }
});
