/**
 * Bounded Nelder–Mead minimisation on the unit box [0, 1]^d (Nelder & Mead 1965, with the
 * standard coefficients 1, 2, ½, ½ of Lagarias et al., SIAM J. Optim. 9, 112 (1998)). Points are
 * clamped into the box, which keeps every evaluation inside the bounds. Deterministic. At most
 * `maxEvaluations` calls of f, the initial simplex included: the budget may end mid-iteration.
 */

/** Thrown by the evaluation past the budget, caught below: the search stops there. */
const EXHAUSTED = Symbol('budget exhausted');

export interface NelderMeadOptions {
  /** Initial simplex edge along each axis (default 0.1), stepped inwards at an upper bound. */
  step?: number;
  /** Stop when the simplex's f values and its extent both fall below these (defaults 1e-10, 1e-6). */
  ftol?: number;
  xtol?: number;
  maxEvaluations?: number;
}

export interface NelderMeadResult {
  x: number[];
  f: number;
  evaluations: number;
}

const clamp = (v: number): number => Math.min(1, Math.max(0, v));

export function nelderMead(
  f: (x: number[]) => number,
  start: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const { step = 0.1, ftol = 1e-10, xtol = 1e-6, maxEvaluations = 200 } = options;
  let evaluations = 0;
  let best = { x: start.map(clamp), f: Infinity };
  const evaluate = (x: number[]): number => {
    if (evaluations >= maxEvaluations) throw EXHAUSTED;
    evaluations++;
    const v = f(x);
    // A failed evaluation ranks worst instead of poisoning the comparisons with NaN.
    const value = Number.isFinite(v) ? v : Infinity;
    if (value < best.f) best = { x, f: value };
    return value;
  };
  try {
    search(evaluate, start.map(clamp), step, ftol, xtol, () => evaluations < maxEvaluations);
  } catch (e) {
    if (e !== EXHAUSTED) throw e;
  }
  // The best point evaluated is the simplex's best: Nelder–Mead only ever replaces worse points.
  return { x: best.x, f: best.f, evaluations };
}

function search(
  evaluate: (x: number[]) => number,
  x0: number[],
  step: number,
  ftol: number,
  xtol: number,
  budgetLeft: () => boolean,
): void {
  const d = x0.length;
  const simplex: { x: number[]; f: number }[] = [{ x: x0, f: evaluate(x0) }];
  for (let i = 0; i < d; i++) {
    const x = [...x0];
    x[i] = x0[i] + step <= 1 ? x0[i] + step : x0[i] - step;
    x[i] = clamp(x[i]);
    simplex.push({ x, f: evaluate(x) });
  }
  const combine = (a: number[], b: number[], t: number): number[] =>
    a.map((v, i) => clamp(v + t * (b[i] - v)));
  while (budgetLeft()) {
    simplex.sort((p, q) => p.f - q.f);
    const best = simplex[0];
    const worst = simplex[d];
    let extent = 0;
    for (const p of simplex)
      for (let i = 0; i < d; i++) extent = Math.max(extent, Math.abs(p.x[i] - best.x[i]));
    if (Math.abs(worst.f - best.f) <= ftol * (Math.abs(best.f) + 1e-300) && extent <= xtol) break;
    if (extent <= xtol * 1e-3) break;
    const centroid = Array.from(
      { length: d },
      (_, i) => simplex.slice(0, d).reduce((s, p) => s + p.x[i], 0) / d,
    );
    const reflected = combine(centroid, worst.x, -1);
    const fr = evaluate(reflected);
    if (fr < best.f) {
      const expanded = combine(centroid, worst.x, -2);
      const fe = evaluate(expanded);
      simplex[d] = fe < fr ? { x: expanded, f: fe } : { x: reflected, f: fr };
    } else if (fr < simplex[d - 1].f) {
      simplex[d] = { x: reflected, f: fr };
    } else {
      const outside = fr < worst.f;
      const contracted = combine(centroid, outside ? reflected : worst.x, 0.5);
      const fc = evaluate(contracted);
      if (fc < (outside ? fr : worst.f)) {
        simplex[d] = { x: contracted, f: fc };
      } else {
        for (let k = 1; k <= d; k++) {
          const x = combine(best.x, simplex[k].x, 0.5);
          simplex[k] = { x, f: evaluate(x) };
        }
      }
    }
  }
}
