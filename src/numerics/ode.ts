/**
 * Stiff initial-value problems y′ = f(t, y): the linearly implicit Rosenbrock (2,3) pair of Shampine &
 * Reichelt, "The MATLAB ODE Suite", SIAM J. Sci. Comput. 18, 1 (1997) (MATLAB's ode23s): L-stable,
 * second order, with an embedded third-order error estimate for step-size control. The Jacobian is
 * taken by forward differences at every step unless given.
 */

/** Options of `integrateStiff`. */
export interface StiffOptions {
  /** Relative tolerance per component (default 1e-6). */
  rtol?: number;
  /** Absolute tolerance per component, same units as y (default 1e-12). */
  atol?: number | readonly number[];
  /** First step (default (t1 − t0)·1e-6). */
  initialStep?: number;
  /** Largest step (default t1 − t0). */
  maxStep?: number;
  /** Accepted + rejected steps before giving up (default 100 000): the integration is always bounded. */
  maxSteps?: number;
  /** ∂f/∂y at (t, y), row-major; forward differences when absent. */
  jacobian?: (t: number, y: readonly number[]) => number[][];
  /** States outside this (e.g. beyond a model's range) are rejected: the step is shortened. */
  inDomain?: (y: readonly number[]) => boolean;
  /** Called after every accepted step (e.g. progress). */
  onStep?: (t: number, y: readonly number[]) => void;
}

/** Result of `integrateStiff`: every accepted step, and why it stopped. */
export interface StiffSolution {
  /** Times of the accepted steps, t0 first. */
  t: number[];
  /** States at those times. */
  y: number[][];
  /** 'done': reached t1; 'max-steps': the step budget ran out; 'domain': the solution leaves `inDomain`. */
  status: 'done' | 'max-steps' | 'domain';
  /** Accepted steps. */
  accepted: number;
  /** Rejected steps (error or domain). */
  rejected: number;
  /** Evaluations of f (including those for the Jacobian). */
  evaluations: number;
}

const D = 1 / (2 + Math.SQRT2);
const E32 = 6 + Math.SQRT2;
const SQRT_EPS = Math.sqrt(2.220446049250313e-16);

/** Solve A x = b for a small dense A by Gaussian elimination with partial pivoting (A, b untouched). */
export function solveLinear(A: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = b.length;
  const m = A.map((row, i) => [...row, b[i]]);
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(m[i][k]) > Math.abs(m[p][k])) p = i;
    if (m[p][k] === 0) throw new RangeError('solveLinear: singular matrix');
    [m[k], m[p]] = [m[p], m[k]];
    for (let i = k + 1; i < n; i++) {
      const r = m[i][k] / m[k][k];
      for (let j = k; j <= n; j++) m[i][j] -= r * m[k][j];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = m[i][n];
    for (let j = i + 1; j < n; j++) s -= m[i][j] * x[j];
    x[i] = s / m[i][i];
  }
  return x;
}

/**
 * Integrate y′ = f(t, y) from (t0, y0) to t1 > t0 with error control: a step is accepted when
 * max_i |err_i|/(atol_i + rtol·max(|y_i|, |y_i,new|)) ≤ 1. Returns every accepted step.
 */
export function integrateStiff(
  f: (t: number, y: readonly number[]) => number[],
  t0: number,
  y0: readonly number[],
  t1: number,
  options: StiffOptions = {},
): StiffSolution {
  const n = y0.length;
  const span = t1 - t0;
  if (!(span > 0)) throw new RangeError('integrateStiff: t1 must exceed t0');
  const { rtol = 1e-6, maxStep = span, maxSteps = 100_000, inDomain, onStep } = options;
  const atolOf = (i: number): number =>
    typeof options.atol === 'number' ? options.atol : (options.atol?.[i] ?? 1e-12);
  let evaluations = 0;
  const F = (t: number, y: readonly number[]): number[] => {
    evaluations++;
    return f(t, y);
  };
  const jacobianAt = (t: number, y: readonly number[], fy: readonly number[]): number[][] => {
    if (options.jacobian) return options.jacobian(t, y);
    const J = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (let j = 0; j < n; j++) {
      const dy = SQRT_EPS * Math.max(Math.abs(y[j]), atolOf(j) / Math.max(rtol, SQRT_EPS));
      const yp = [...y];
      yp[j] += dy;
      const fp = F(t, yp);
      for (let i = 0; i < n; i++) J[i][j] = (fp[i] - fy[i]) / (yp[j] - y[j]);
    }
    return J;
  };
  const ts = [t0];
  const ys = [[...y0]];
  let t = t0;
  let y = [...y0];
  let f0 = F(t, y);
  let h = Math.min(maxStep, options.initialStep ?? span * 1e-6);
  let accepted = 0;
  let rejected = 0;
  let J = jacobianAt(t, y, f0);
  while (t < t1) {
    if (accepted + rejected >= maxSteps)
      return { t: ts, y: ys, status: 'max-steps', accepted, rejected, evaluations };
    if (h < 1e-14 * Math.max(Math.abs(t), span)) {
      return { t: ts, y: ys, status: 'domain', accepted, rejected, evaluations };
    }
    const last = t + h >= t1 || t + 1.1 * h >= t1;
    if (last) h = t1 - t;
    // ∂f/∂t by a forward difference (zero for autonomous f).
    const ht = SQRT_EPS * Math.max(Math.abs(t), h);
    const ft = F(t + ht, y);
    const T = ft.map((v, i) => (v - f0[i]) / ht);
    const W = J.map((row, i) => row.map((v, j) => (i === j ? 1 : 0) - h * D * v));
    const k1 = solveLinear(
      W,
      f0.map((v, i) => v + h * D * T[i]),
    );
    const f1 = F(
      t + 0.5 * h,
      y.map((v, i) => v + 0.5 * h * k1[i]),
    );
    const k2 = solveLinear(
      W,
      f1.map((v, i) => v - k1[i]),
    ).map((v, i) => v + k1[i]);
    const yNew = y.map((v, i) => v + h * k2[i]);
    const ok = yNew.every(Number.isFinite) && (inDomain?.(yNew) ?? true);
    if (!ok) {
      rejected++;
      h *= 0.25;
      continue;
    }
    const f2 = F(t + h, yNew);
    const k3 = solveLinear(
      W,
      f2.map((v, i) => v - E32 * (k2[i] - f1[i]) - 2 * (k1[i] - f0[i]) + h * D * T[i]),
    );
    let err = 0;
    for (let i = 0; i < n; i++) {
      const e = (h / 6) * (k1[i] - 2 * k2[i] + k3[i]);
      const scale = atolOf(i) + rtol * Math.max(Math.abs(y[i]), Math.abs(yNew[i]));
      err = Math.max(err, Math.abs(e) / scale);
    }
    if (!(err <= 1)) {
      rejected++;
      h *= Number.isFinite(err) ? Math.max(0.2, 0.8 * Math.cbrt(1 / err)) : 0.2;
      continue;
    }
    t = last ? t1 : t + h;
    y = yNew;
    f0 = f2;
    ts.push(t);
    ys.push([...y]);
    accepted++;
    onStep?.(t, y);
    h = Math.min(maxStep, h * Math.min(5, 0.8 * Math.cbrt(1 / Math.max(err, 1e-12))));
    J = jacobianAt(t, y, f0);
  }
  return { t: ts, y: ys, status: 'done', accepted, rejected, evaluations };
}
