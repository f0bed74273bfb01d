/**
 * One QK21 panel against QUADPACK's own (test/fixtures/qk21.json, generate_qk21_references.py: SciPy's
 * quad with limit = 1 returns dqk21's value and error estimate unchanged): the value, and the error
 * estimate with QUADPACK's scaling resasc·min(1, (200·|K − G|/resasc)^1.5) and rounding floor 50ε·∫|f|.
 * Then what the adaptive driver does with them: the floor, the interval budget, break points in any
 * order, the evaluation count, and the stop at machine resolution.
 */
import { describe, expect, it } from 'vitest';
import { integrate } from '../../src/numerics/quadrature.js';
import { loadFixture } from '../reference/fixture.js';

const EPS = 2.220446049250313e-16;

/** The integrands of generate_qk21_references.py, by name. */
const INTEGRANDS: Record<string, (x: number) => number> = {
  'exp on [-2, 3]': Math.exp,
  'sqrt on [0, 1]': Math.sqrt,
  'runge on [-1, 1]': (x) => 1 / (1 + 25 * x * x),
  'cos(10x) on [0, 1]': (x) => Math.cos(10 * x),
  'x^40 on [-0.3, 1.7]': (x) => x ** 40,
  'log(x + 0.01) on [0, 2]': (x) => Math.log(x + 0.01),
  'step at 0.3 on [0, 1]': (x) => (x < 0.3 ? 0 : 1),
  'sin on [0, 2pi]': Math.sin,
  '1 on [0, 1]': () => 1,
  '1e-6 sqrt on [0, 1]': (x) => 1e-6 * Math.sqrt(x),
  'x^3 - x on [-1, 2]': (x) => x ** 3 - x,
};

interface Panel {
  name: string;
  a: number;
  b: number;
  value: number;
  error: number;
}

const { panels } = loadFixture<{ panels: Panel[] }>('qk21.json');

describe('one QK21 panel against QUADPACK (SciPy quad, limit = 1)', () => {
  it('the fixture covers every integrand named here', () => {
    expect(panels.map((p) => p.name).sort()).toEqual(Object.keys(INTEGRANDS).sort());
  });

  for (const p of panels) {
    it(`${p.name}: value to 16ε·∫|f|-scale, error estimate to 1e-6 relative`, () => {
      const f = INTEGRANDS[p.name];
      const r = integrate(f, p.a, p.b, { epsAbs: Infinity });
      expect(r.evaluations).toBe(21);
      // The same 21 terms summed in another order: a few ε of the largest partial sum.
      const scale = Math.max(
        Math.abs(p.value),
        p.error,
        (p.b - p.a) * Math.max(Math.abs(f(p.a)), Math.abs(f(p.b))),
      );
      expect(Math.abs(r.value - p.value)).toBeLessThanOrEqual(16 * EPS * scale);
      // The estimate is a power 1.5 of |K − G|; that difference carries the rounding of the sums, a few ε
      // of ∫|f|, i.e. ≤ 1e-9 of it where |K − G| is smallest here (exp, cos 10x): 1e-6 covers it.
      expect(Math.abs(r.error - p.error) / p.error).toBeLessThanOrEqual(1e-6);
    });
  }
});

describe('integrate: the rounding floor and the budget', () => {
  it('the error estimate never falls below 50ε·∫|f|, also where f changes sign and the integral vanishes', () => {
    expect(integrate(() => 1, 0, 1).error).toBeGreaterThanOrEqual(50 * EPS * (1 - 1e-12));
    // ∫_0^{2π} |sin| = 4, which the rule (|sin| has a kink at the panel's centre) gets to 1 %.
    expect(integrate(Math.sin, 0, 2 * Math.PI).error).toBeGreaterThanOrEqual(200 * EPS * 0.98);
  });

  it('the zero function: value 0, error 0, converged', () => {
    const r = integrate(() => 0, 0, 1);
    expect(r).toEqual({ value: 0, error: 0, evaluations: 21, converged: true });
  });

  it('an empty interval is converged', () => {
    expect(integrate(Math.exp, 0.5, 0.5).converged).toBe(true);
  });

  it('an integral that vanishes stops at the rounding floor after one panel (QUADPACK ier = 2), not at the budget', () => {
    // ∫_0^{2π} sin = 0: no relative tolerance can be met, and bisecting cannot lower the floor.
    const r = integrate(Math.sin, 0, 2 * Math.PI);
    expect(Math.abs(r.value)).toBeLessThan(1e-14);
    expect(r.evaluations).toBe(21);
    expect(r.converged).toBe(false);
  });

  it('the interval budget: at most maxIntervals panels, 21 + 42 evaluations per bisection', () => {
    for (const maxIntervals of [1, 2, 3, 10]) {
      let calls = 0;
      const r = integrate(
        (x) => {
          calls++;
          return Math.sqrt(x);
        },
        0,
        1,
        { epsRel: 1e-15, maxIntervals },
      );
      expect(r.evaluations, `maxIntervals ${maxIntervals}`).toBe(21 + 42 * (maxIntervals - 1));
      expect(calls).toBe(r.evaluations);
      expect(r.converged).toBe(false);
    }
  });

  it('the tolerance is relative to the integral: ∫ 1e-6·√x to 1e-12 relative, and not converged on a small budget', () => {
    const r = integrate((x) => 1e-6 * Math.sqrt(x), 0, 1, { epsRel: 1e-12 });
    expect(Math.abs(r.value - 2e-6 / 3) / (2e-6 / 3)).toBeLessThan(1e-12);
    expect(r.converged).toBe(true);
    const short = integrate((x) => 1e-6 * Math.sqrt(x), 0, 1, { epsRel: 1e-15, maxIntervals: 3 });
    expect(short.converged).toBe(false);
  });

  it('and on a large integral: ∫ 1e6·√x stops once 1e-10 relative is met, not later', () => {
    const loose = integrate((x) => 1e6 * Math.sqrt(x), 0, 1, { epsRel: 1e-10 });
    const unit = integrate(Math.sqrt, 0, 1, { epsRel: 1e-10 });
    // Scaling f scales every estimate: the same panels, the same evaluations.
    expect(loose.evaluations).toBe(unit.evaluations);
    expect(Math.abs(loose.value - 2e6 / 3) / (2e6 / 3)).toBeLessThan(1e-10);
  });

  it('stops at the first bisection that meets the tolerance: one interval fewer does not converge', () => {
    // The running total that the stopping test compares with must be the current sum of the panels:
    // peaks the first panel misjudges (its corrections are of the size of the integral) show it.
    const cases: [string, (x: number) => number][] = [
      ['Gaussian of width 0.01', (x) => Math.exp(-(((x - 0.37) / 0.01) ** 2))],
      ['Gaussian of width 0.05', (x) => Math.exp(-(((x - 0.37) / 0.05) ** 2))],
      ['Lorentzian of width 0.01', (x) => 1 / ((x - 0.3) ** 2 + 1e-4)],
      ['√x', Math.sqrt],
    ];
    for (const [name, f] of cases) {
      for (const epsRel of [1e-6, 1e-10]) {
        const r = integrate(f, 0, 1, { epsRel });
        const intervals = 1 + (r.evaluations - 21) / 42;
        expect(r.converged, `${name}, ${epsRel}`).toBe(true);
        expect(
          integrate(f, 0, 1, { epsRel, maxIntervals: intervals - 1 }).converged,
          `${name}, ${epsRel}`,
        ).toBe(false);
      }
    }
  });
});

describe('integrate: break points and panels', () => {
  it('break points in any order, repeated, or outside [a, b]: the kinks of |x − 0.3| + |x − 0.6| exactly', () => {
    // Exact: ∫_0^1 |x − 0.3| dx = (0.09 + 0.49)/2, ∫_0^1 |x − 0.6| dx = (0.36 + 0.16)/2.
    const exact = 0.29 + 0.26;
    const f = (x: number): number => Math.abs(x - 0.3) + Math.abs(x - 0.6);
    for (const breakpoints of [
      [0.6, 0.3],
      [0.6, 2, 0.3, -1],
      [0.3, 0.3, 0.6, 0, 1],
    ]) {
      let calls = 0;
      const r = integrate(
        (x) => {
          calls++;
          return f(x);
        },
        0,
        1,
        { breakpoints },
      );
      expect(Math.abs(r.value - exact), `${breakpoints}`).toBeLessThan(4 * EPS);
      // Three panels, each integrand linear: exact on the first pass, no bisection.
      expect(r.evaluations, `${breakpoints}`).toBe(63);
      expect(calls).toBe(63);
    }
  });

  it('a jump stops bisecting at the machine resolution of x, far below the interval budget', () => {
    // With no tolerance that can be met (epsRel 0), the panel holding the jump halves until its midpoint
    // rounds to an end: about 54 bisections from width 1 near x ~ 0.3, i.e. ≤ 21 + 42·60 evaluations.
    for (const x0 of [0.3, 0.7, 1 / 3, 0.123456789]) {
      const r = integrate((x) => (x < x0 ? 0 : 1), 0, 1, { epsRel: 0 });
      expect(r.evaluations, `jump at ${x0}`).toBeLessThanOrEqual(21 + 42 * 60);
      expect(Math.abs(r.value - (1 - x0)), `jump at ${x0}`).toBeLessThan(1e-15);
    }
  });
});
