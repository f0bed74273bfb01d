/**
 * Roots of real polynomials of degree 1–3 built from chosen roots, c(x) = c_n ∏(x − r_k), so the answer
 * is known without the method under test. Roots are compared as multisets (sorted by real, then
 * imaginary part) to a tolerance relative to the largest root.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Complex } from '../../src/numerics/complex-digamma.js';
import { polynomialRoots } from '../../src/numerics/polynomial-roots.js';

/** Coefficients c0..cn of lead·∏(x − r) for real roots and complex-conjugate pairs re ± i·im. */
function fromRoots(lead: number, real: number[], pairs: [number, number][] = []): number[] {
  let c = [lead];
  const times = (f: number[]): void => {
    // c(x)·(f0 + f1 x + f2 x²)
    const out = new Array<number>(c.length + f.length - 1).fill(0);
    c.forEach((ci, i) => f.forEach((fj, j) => (out[i + j] += ci * fj)));
    c = out;
  };
  for (const r of real) times([-r, 1]);
  for (const [re, im] of pairs) times([re * re + im * im, -2 * re, 1]);
  return c;
}

const order = (a: Complex, b: Complex): number => a.re - b.re || a.im - b.im;

function expectRoots(found: Complex[], expected: Complex[], tol: number, label = ''): void {
  expect(found.length, label).toBe(expected.length);
  const f = [...found].sort(order);
  const e = [...expected].sort(order);
  const scale = Math.max(...e.map((z) => Math.hypot(z.re, z.im)), 1e-300);
  f.forEach((z, k) =>
    expect(Math.hypot(z.re - e[k].re, z.im - e[k].im), `${label} root ${k}`).toBeLessThanOrEqual(tol * scale),
  );
}

const real = (re: number): Complex => ({ re, im: 0 });

describe('polynomialRoots: degrees 1 and 2', () => {
  it('a line: −c0/c1', () => {
    expectRoots(polynomialRoots([3, -2]), [real(1.5)], 0);
  });

  it('two real roots, including a pair 1e8 apart where the textbook formula cancels', () => {
    expectRoots(polynomialRoots(fromRoots(2, [-3, 0.5])), [real(-3), real(0.5)], 1e-15);
    // x² − (1e4 + 1e-4)x + 1: roots 1e4 and 1e-4; the small one from c0/q keeps full relative accuracy.
    const roots = polynomialRoots([1, -(1e4 + 1e-4), 1])
      .map((z) => z.re)
      .sort((a, b) => a - b);
    expect(Math.abs(roots[0] - 1e-4) / 1e-4).toBeLessThan(1e-15);
    expect(Math.abs(roots[1] - 1e4) / 1e4).toBeLessThan(1e-15);
  });

  it('a complex pair re ± i·im, and x² = 0 (q = 0)', () => {
    expectRoots(
      polynomialRoots(fromRoots(-0.5, [], [[0.3, 2]])),
      [
        { re: 0.3, im: 2 },
        { re: 0.3, im: -2 },
      ],
      4e-16,
    );
    expectRoots(polynomialRoots([0, 0, 5]), [real(0), real(0)], 0);
  });

  it('refuses degree 0, degree 4 and a zero leading coefficient', () => {
    expect(() => polynomialRoots([1])).toThrow(RangeError);
    expect(() => polynomialRoots([1, 2, 3, 4, 5])).toThrow(RangeError);
    expect(() => polynomialRoots([1, 2, 0])).toThrow(RangeError);
    expect(() => polynomialRoots([1, 2, 0])).toThrow(/degree 1–3 with c\[n\] ≠ 0/);
  });
});

describe('polynomialRoots: cubics', () => {
  it('three real roots of either sign, positive and negative leading coefficient', () => {
    for (const lead of [1, -3]) {
      const roots = [-2, 0.25, 1.5];
      expectRoots(polynomialRoots(fromRoots(lead, roots)), roots.map(real), 1e-14, `lead ${lead}`);
    }
  });

  it('a real root and a complex pair, the real root large (|r| > 1: deflation from c0) or small', () => {
    expectRoots(
      polynomialRoots(fromRoots(1, [7], [[-0.5, 1.25]])),
      [real(7), { re: -0.5, im: 1.25 }, { re: -0.5, im: -1.25 }],
      1e-14,
      'r = 7',
    );
    expectRoots(
      polynomialRoots(fromRoots(2, [-0.2], [[1, 3]])),
      [real(-0.2), { re: 1, im: 3 }, { re: 1, im: -3 }],
      1e-14,
      'r = −0.2',
    );
  });

  it('a root at 0 (c0 = 0) and roots far from 1 (1e-3 and 1e3)', () => {
    expectRoots(polynomialRoots(fromRoots(1, [0, 2, -1])), [real(-1), real(0), real(2)], 1e-15);
    expectRoots(polynomialRoots(fromRoots(1, [1e-3, -1e3])), [real(1e-3), real(-1e3)], 1e-15);
    expectRoots(polynomialRoots(fromRoots(1, [1e-3, 1e3, 2])), [real(1e-3), real(2), real(1e3)], 1e-14);
  });

  it('fast-check: a real root in ±[1e-2, 1e2] and a conjugate pair of modulus in [1e-2, 1e2] (500 runs)', () => {
    const magnitude = fc.double({ min: -2, max: 2, noNaN: true }).map((e) => 10 ** e);
    fc.assert(
      fc.property(
        magnitude,
        fc.boolean(),
        magnitude,
        fc.double({ min: 0.05, max: Math.PI / 2 - 0.05, noNaN: true }),
        fc.boolean(),
        fc.constantFrom(1, -1, 0.01, 100),
        (r, negative, m, angle, left, lead) => {
          const root = negative ? -r : r;
          const pair: [number, number] = [(left ? -1 : 1) * m * Math.cos(angle), m * Math.sin(angle)];
          const found = polynomialRoots(fromRoots(lead, [root], [pair])).sort(order);
          const expected = [real(root), { re: pair[0], im: pair[1] }, { re: pair[0], im: -pair[1] }].sort(
            order,
          );
          // Conditioning: a root's error is ~ε·(sum of |terms|)/|P′(r)|; with moduli up to 1e4 apart it
          // stays below 1e-11 of the largest modulus.
          const scale = Math.max(r, m);
          return found.every(
            (z, k) => Math.hypot(z.re - expected[k].re, z.im - expected[k].im) <= 1e-11 * scale,
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});

/** Each expected root matched by the nearest found root, to tol relative to its own modulus. */
function expectEachRoot(found: Complex[], expected: Complex[], tol: number, label: string): void {
  expect(found.length, label).toBe(expected.length);
  for (const e of expected) {
    const nearest = Math.min(...found.map((z) => Math.hypot(z.re - e.re, z.im - e.im)));
    expect(nearest / Math.hypot(e.re, e.im), `${label}: root ${e.re} + ${e.im}i`).toBeLessThanOrEqual(tol);
  }
}

describe('polynomialRoots: every root to its own relative accuracy', () => {
  // Deflation leaves errors of ε relative to the largest root in the small ones; the Newton step on the
  // undeflated cubic brings each root to ε relative to itself.
  it('a small complex pair beside a real root 3000 times larger, deflated from c3 (|r| ≤ 1)', () => {
    expectEachRoot(
      polynomialRoots(fromRoots(1, [0.3], [[1e-4, 1e-4]])),
      [real(0.3), { re: 1e-4, im: 1e-4 }, { re: 1e-4, im: -1e-4 }],
      1e-14,
      '0.3, 1e-4(1 ± i)',
    );
  });

  it('a small complex pair beside a real root 1e6 times larger, deflated from c0 (|r| > 1)', () => {
    expectEachRoot(
      polynomialRoots(fromRoots(1, [1000], [[1e-3, 1e-3]])),
      [real(1000), { re: 1e-3, im: 1e-3 }, { re: 1e-3, im: -1e-3 }],
      1e-14,
      '1000, 1e-3(1 ± i)',
    );
  });

  it('three real roots, two of them small: the real roots from the deflated quadratic are polished too', () => {
    expectEachRoot(
      polynomialRoots(fromRoots(1, [0.3, 1e-4, 3e-4])),
      [real(0.3), real(1e-4), real(3e-4)],
      1e-14,
      '0.3, 1e-4, 3e-4',
    );
  });

  it('a double root: to √ε-level, the Newton step being skipped where it would raise |P|', () => {
    // At a double root P and P′ are both rounding noise, and their ratio can be anything: the step is
    // kept only if it lowers |P|. A double root is determined to ~√(ε·|c|/|P″|) ~ 1e-8 relative.
    expectEachRoot(
      polynomialRoots(fromRoots(1, [1 / 3, 1 / 3, -2])),
      [real(1 / 3), real(1 / 3), real(-2)],
      1e-7,
      '1/3 twice, −2',
    );
    expectEachRoot(
      polynomialRoots(fromRoots(1, [1 / 3, 1 / 3, 2])),
      [real(1 / 3), real(1 / 3), real(2)],
      1e-7,
      '1/3 twice, 2',
    );
  });

  it('a real root up to 1e30 (the last decade of the bracket search), and a RangeError beyond', () => {
    // x³ − r³: the real root r and r·(−1/2 ± i√3/2).
    const r = 5e29;
    const h = (Math.sqrt(3) / 2) * r;
    expectEachRoot(
      polynomialRoots([-(r ** 3), 0, 0, 1]),
      [real(r), { re: -r / 2, im: h }, { re: -r / 2, im: -h }],
      1e-14,
      'r = 5e29',
    );
    expect(() => polynomialRoots([-1e93, 0, 0, 1])).toThrow(/no sign change within 1e30/);
  });
});
