/**
 * Piecewise Chebyshev interpolation built adaptively against a target function, with the error
 * checked a posteriori at points between the nodes: a tabulation that states its own accuracy.
 */

/** One panel [a, b] of a piecewise Chebyshev series and its coefficients. */
export interface ChebyshevPanel {
  a: number;
  b: number;
  /** Chebyshev coefficients c_0..c_n on [a, b]. */
  coeffs: Float64Array;
}

/** A function tabulated as Chebyshev series on panels, with its value and derivative. */
export interface PiecewiseChebyshev {
  panels: ChebyshevPanel[];
  /** Largest absolute error seen at the check points during the build. */
  maxCheckedError: number;
  /** The tabulated function at x. */
  evaluate(x: number): number;
  /** Its derivative at x. */
  derivative(x: number): number;
}

/** Chebyshev points of the first kind on [a, b] (interior, never the ends). */
export function chebyshevNodes(n: number, a: number, b: number): Float64Array {
  const xs = new Float64Array(n);
  for (let k = 0; k < n; k++) xs[k] = 0.5 * (a + b) + 0.5 * (b - a) * Math.cos((Math.PI * (k + 0.5)) / n);
  return xs;
}

/** Coefficients of the degree n−1 interpolant through the values at chebyshevNodes(n, a, b). */
export function chebyshevCoefficients(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const c = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let k = 0; k < n; k++) s += values[k] * Math.cos((Math.PI * j * (k + 0.5)) / n);
    c[j] = ((j === 0 ? 1 : 2) / n) * s;
  }
  return c;
}

/** Clenshaw evaluation of Σ c_j T_j(t), t ∈ [−1, 1]. */
export function clenshaw(c: ArrayLike<number>, t: number): number {
  let b1 = 0;
  let b2 = 0;
  const t2 = 2 * t;
  for (let j = c.length - 1; j >= 1; j--) {
    const b0 = t2 * b1 - b2 + c[j];
    b2 = b1;
    b1 = b0;
  }
  return t * b1 - b2 + c[0];
}

/** Coefficients of d/dt of a Chebyshev series. */
export function chebyshevDerivativeCoefficients(c: ArrayLike<number>): Float64Array {
  const n = c.length;
  const d = new Float64Array(Math.max(1, n - 1));
  if (n < 2) return d;
  const e = new Float64Array(n + 1);
  for (let j = n - 1; j >= 1; j--) e[j - 1] = e[j + 1] + 2 * j * c[j];
  for (let j = 0; j < n - 1; j++) d[j] = e[j];
  d[0] *= 0.5;
  return d;
}

export interface AdaptiveChebyshevOptions {
  /** Number of nodes per panel (degree + 1), default 17. */
  nodes?: number;
  /** Absolute tolerance on the interpolant at the check points. */
  tolerance: number;
  /** Smallest panel width before giving up on the tolerance (default (b−a)·2⁻²⁰). */
  minWidth?: number;
}

/** Build a piecewise Chebyshev interpolant of f on [a, b], bisecting panels until the check passes. */
export function buildPiecewiseChebyshev(
  f: (x: number) => number,
  a: number,
  b: number,
  options: AdaptiveChebyshevOptions,
): PiecewiseChebyshev {
  const n = options.nodes ?? 17;
  const minWidth = options.minWidth ?? (b - a) * 2 ** -20;
  const panels: ChebyshevPanel[] = [];
  let maxCheckedError = 0;
  const stack: [number, number][] = [[a, b]];
  while (stack.length > 0) {
    const [pa, pb] = stack.pop()!;
    const xs = chebyshevNodes(n, pa, pb);
    const coeffs = chebyshevCoefficients(Array.from(xs, f));
    // Check midway between consecutive nodes, where interpolation error peaks.
    let err = 0;
    for (let k = 0; k <= n; k++) {
      const t = Math.cos((Math.PI * k) / n);
      const x = 0.5 * (pa + pb) + 0.5 * (pb - pa) * t;
      err = Math.max(err, Math.abs(clenshaw(coeffs, t) - f(x)));
    }
    if (err <= options.tolerance || pb - pa <= minWidth) {
      panels.push({ a: pa, b: pb, coeffs });
      maxCheckedError = Math.max(maxCheckedError, err);
    } else {
      const mid = 0.5 * (pa + pb);
      stack.push([mid, pb], [pa, mid]);
    }
  }
  panels.sort((p, q) => p.a - q.a);
  return piecewiseChebyshev(panels, maxCheckedError);
}

/** The interpolant of given panels (sorted, contiguous), e.g. a tabulation stored as data. */
export function piecewiseChebyshev(panels: ChebyshevPanel[], maxCheckedError: number): PiecewiseChebyshev {
  const starts = Float64Array.from(panels, (p) => p.a);
  const derivs = panels.map((p) => chebyshevDerivativeCoefficients(p.coeffs));
  const locate = (x: number): number => {
    let lo = 0;
    let hi = panels.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= x) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return {
    panels,
    maxCheckedError,
    evaluate(x) {
      const p = panels[locate(x)];
      return clenshaw(p.coeffs, (2 * x - p.a - p.b) / (p.b - p.a));
    },
    derivative(x) {
      const i = locate(x);
      const p = panels[i];
      return (clenshaw(derivs[i], (2 * x - p.a - p.b) / (p.b - p.a)) * 2) / (p.b - p.a);
    },
  };
}
