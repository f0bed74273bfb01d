/** Bracketing root finding (Brent's method) and a scan that finds every root in an interval. */

export interface RootOptions {
  /** Absolute tolerance in x (default 1e-15·|x| + 1e-300). */
  xtol?: number;
  /** Relative tolerance in x (default 4 ulp). */
  rtol?: number;
  maxIterations?: number;
}

/**
 * Root of f in [a, b] where f(a) and f(b) have opposite signs (Brent 1973, "zeroin").
 * Returns the bracket end with the smaller |f| after convergence.
 */
export function brent(
  f: (x: number) => number,
  a: number,
  b: number,
  options: RootOptions & { fa?: number; fb?: number } = {},
): number {
  const { xtol = 0, rtol = 4 * 2.220446049250313e-16, maxIterations = 200 } = options;
  let fa = options.fa ?? f(a);
  let fb = options.fb ?? f(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (Math.sign(fa) === Math.sign(fb))
    throw new RangeError(`brent: f(a) and f(b) have the same sign on [${a}, ${b}]`);
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iter = 0; iter < maxIterations; iter++) {
    if (Math.sign(fb) === Math.sign(fc)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * rtol * Math.abs(b) + 0.5 * xtol;
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol || fb === 0) return b;
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      // Inverse quadratic interpolation, or secant when only two points are distinct.
      let p: number;
      let q: number;
      const s = fb / fa;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qq = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1));
        q = (qq - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
  }
  return b;
}

export interface AllRootsOptions extends RootOptions {
  /** Sample points used to bracket sign changes (default: 64 uniform intervals). */
  grid?: readonly number[];
  /** f at the grid points, when the caller has them already. */
  values?: readonly number[];
  samples?: number;
}

/**
 * Every root of f in [a, b]: sign changes on a sampling grid are refined with Brent, and local
 * minima of |f| without a sign change are probed (by minimising ±f there) so that a pair of close
 * roots between two samples is not silently missed.
 */
export function findAllRoots(
  f: (x: number) => number,
  a: number,
  b: number,
  options: AllRootsOptions = {},
): number[] {
  const n = options.samples ?? 64;
  const xs = options.grid ?? Array.from({ length: n + 1 }, (_, i) => a + ((b - a) * i) / n);
  const fs = options.values && options.grid ? options.values : xs.map(f);
  const roots: number[] = [];
  const push = (r: number): void => {
    if (!roots.some((x) => Math.abs(x - r) <= 1e-12 * Math.max(1, Math.abs(r)))) roots.push(r);
  };
  for (let i = 0; i + 1 < xs.length; i++) {
    if (fs[i] === 0) push(xs[i]);
    else if (Math.sign(fs[i]) !== Math.sign(fs[i + 1]) && fs[i + 1] !== 0) {
      push(
        brent(f, xs[i], xs[i + 1], {
          xtol: options.xtol,
          rtol: options.rtol,
          maxIterations: options.maxIterations,
          fa: fs[i],
          fb: fs[i + 1],
        }),
      );
    }
  }
  if (fs[xs.length - 1] === 0) push(xs[xs.length - 1]);
  // Pairs of roots hidden between samples: |f| has a local minimum at an interior sample.
  for (let i = 1; i + 1 < xs.length; i++) {
    const s = Math.sign(fs[i]);
    if (s === 0 || Math.sign(fs[i - 1]) !== s || Math.sign(fs[i + 1]) !== s) continue;
    if (Math.abs(fs[i]) > Math.abs(fs[i - 1]) || Math.abs(fs[i]) > Math.abs(fs[i + 1])) continue;
    const g = (x: number): number => s * f(x);
    const m = minimize(g, xs[i - 1], xs[i + 1], { rtol: 1e-12 });
    if (m.f < 0) {
      push(brent(f, xs[i - 1], m.x));
      push(brent(f, m.x, xs[i + 1]));
    }
  }
  return roots.sort((x, y) => x - y);
}

/** Minimum of f on [a, b] by Brent's parabolic/golden-section method (Brent 1973, "fmin"). */
export function minimize(
  f: (x: number) => number,
  a: number,
  b: number,
  options: { rtol?: number; atol?: number; maxIterations?: number } = {},
): { x: number; f: number } {
  const { rtol = 1.5e-8, atol = 1e-300, maxIterations = 200 } = options;
  const golden = 0.3819660112501051;
  let x = a + golden * (b - a);
  let w = x;
  let v = x;
  let fx = f(x);
  let fw = fx;
  let fv = fx;
  let d = 0;
  let e = 0;
  for (let iter = 0; iter < maxIterations; iter++) {
    const mid = 0.5 * (a + b);
    const tol1 = rtol * Math.abs(x) + atol;
    const tol2 = 2 * tol1;
    if (Math.abs(x - mid) <= tol2 - 0.5 * (b - a)) break;
    let useGolden = true;
    if (Math.abs(e) > tol1) {
      let r = (x - w) * (fx - fv);
      let q = (x - v) * (fx - fw);
      let p = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p;
      else q = -q;
      r = e;
      e = d;
      if (Math.abs(p) < Math.abs(0.5 * q * r) && p > q * (a - x) && p < q * (b - x)) {
        d = p / q;
        const u = x + d;
        if (u - a < tol2 || b - u < tol2) d = x < mid ? tol1 : -tol1;
        useGolden = false;
      }
    }
    if (useGolden) {
      e = (x < mid ? b : a) - x;
      d = golden * e;
    }
    const u = x + (Math.abs(d) >= tol1 ? d : d > 0 ? tol1 : -tol1);
    const fu = f(u);
    if (fu <= fx) {
      if (u < x) b = x;
      else a = x;
      v = w;
      fv = fw;
      w = x;
      fw = fx;
      x = u;
      fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  return { x, f: fx };
}
