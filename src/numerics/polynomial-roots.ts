/**
 * Complex roots of a real polynomial of degree 1 to 3, c0 + c1 x + c2 x² + c3 x³ (all roots, with
 * multiplicity). Degree 3: the real root (one always exists) by Brent's method on a bracket found on a
 * logarithmic scale, deflation to a quadratic, the quadratic by the cancellation-free formula, then one
 * Newton polish of every root on the undeflated polynomial.
 */
import { brent } from './roots.js';
import { cadd, cdiv, cmul, complex, type Complex } from './complex-digamma.js';

function evaluate(c: readonly number[], x: Complex): { p: Complex; dp: Complex } {
  let p = complex(0);
  let dp = complex(0);
  for (let k = c.length - 1; k >= 0; k--) {
    dp = cadd(cmul(dp, x), p);
    p = cadd(cmul(p, x), complex(c[k]));
  }
  return { p, dp };
}

function quadraticRoots(c0: number, c1: number, c2: number): Complex[] {
  const disc = c1 * c1 - 4 * c2 * c0;
  if (disc >= 0) {
    // q = −(c1 + sign(c1)√disc)/2; roots q/c2 and c0/q avoid subtracting nearly equal numbers.
    const q = -0.5 * (c1 + (c1 >= 0 ? 1 : -1) * Math.sqrt(disc));
    if (q === 0) return [complex(0), complex(0)];
    return [complex(q / c2), complex(c0 / q)];
  }
  const re = -c1 / (2 * c2);
  const im = Math.sqrt(-disc) / (2 * Math.abs(c2));
  return [complex(re, im), complex(re, -im)];
}

/** A real root of the cubic: sign change searched from x = 0 outwards over 10^−30..10^30 (times scale). */
function cubicRealRoot(c: readonly number[]): number {
  const f = (x: number): number => ((c[3] * x + c[2]) * x + c[1]) * x + c[0];
  const f0 = f(0);
  if (f0 === 0) return 0;
  // The root lies on the side where c3·x³ takes the sign opposite to f(0).
  const side = Math.sign(f0) === Math.sign(c[3]) ? -1 : 1;
  let inner = 0;
  let fInner = f0;
  for (let k = -30; k <= 30; k++) {
    const x = side * 10 ** k;
    const fx = f(x);
    if (Math.sign(fx) !== Math.sign(fInner) || fx === 0) return brent(f, inner, x, { fa: fInner, fb: fx });
    inner = x;
    fInner = fx;
  }
  throw new RangeError('cubicRealRoot: no sign change within 1e30 (coefficients out of range)');
}

/**
 * All roots of c[0] + c[1] x + … + c[n] x^n, n = c.length − 1 ∈ {1, 2, 3}, c[n] ≠ 0. Coefficients
 * are best scaled so that the roots are of order one.
 */
export function polynomialRoots(c: readonly number[]): Complex[] {
  const n = c.length - 1;
  if (n < 1 || n > 3 || c[n] === 0)
    throw new RangeError(`polynomialRoots: degree 1–3 with c[n] ≠ 0 expected`);
  if (n === 1) return [complex(-c[0] / c[1])];
  if (n === 2) return quadraticRoots(c[0], c[1], c[2]);
  const r = cubicRealRoot(c);
  // c3 x³ + c2 x² + c1 x + c0 = (x − r)(c3 x² + b1 x + b0): deflate from whichever end is stable.
  let b1: number;
  let b0: number;
  if (Math.abs(r) <= 1) {
    b1 = c[2] + c[3] * r;
    b0 = c[1] + b1 * r;
  } else {
    b0 = -c[0] / r;
    b1 = (b0 - c[1]) / r;
  }
  const roots = [complex(r), ...quadraticRoots(b0, b1, c[3])];
  // One Newton step on the full polynomial removes the deflation error.
  return roots.map((x) => {
    const { p, dp } = evaluate(c, x);
    if (dp.re === 0 && dp.im === 0) return x;
    const step = cdiv(p, dp);
    const y = { re: x.re - step.re, im: x.im - step.im };
    // Kept only if it lowers |P| (near a double root the step is unreliable).
    const py = evaluate(c, y).p;
    return Math.hypot(py.re, py.im) < Math.hypot(p.re, p.im) ? y : x;
  });
}
