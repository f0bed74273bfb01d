/**
 * Adaptive Gauss–Kronrod quadrature (21-point Kronrod extension of 10-point Gauss, QUADPACK QK21)
 * with user break points and a global error estimate; and fixed Gauss–Legendre rules for tabulation.
 *
 * The integrand's peaks and kinks must be given as break points: GK only resolves what its nodes
 * see, and a Dynes peak of width Γ ≪ interval is invisible to a coarse first pass.
 */

// QK21 abscissae (Kronrod, positive half, descending), Kronrod weights and Gauss weights, as QUADPACK
// publishes them (33 digits; the parser rounds each to the nearest double).
/* eslint-disable no-loss-of-precision */
const XGK = [
  0.995657163025808080735527280689003, 0.973906528517171720077964012084452,
  0.930157491355708226001207180059508, 0.865063366688984510732096688423493,
  0.780817726586416897063717578345042, 0.679409568299024406234327365114874,
  0.562757134668604683339000099272694, 0.433395394129247190799265943165784,
  0.294392862701460198131126603103866, 0.14887433898163121088482600112972, 0,
];
const WGK = [
  0.011694638867371874278064396062192, 0.03255816230796472747881897245939, 0.05475589657435199603138130024458,
  0.07503967481091995276704314091619, 0.093125454583697605535065465083366,
  0.109387158802297641899210590325805, 0.123491976262065851077208143178188,
  0.134709217311473325928054001771707, 0.142775938577060080797094273138717,
  0.147739104901338491374841515972068, 0.149445554002916905664936468389821,
];
const WG = [
  0.066671344308688137593568809893332, 0.149451349150580593145776339657697,
  0.219086362515982043995534934228163, 0.269266719309996355091226921569469,
  0.295524224714752870173892994651338,
];
/* eslint-enable no-loss-of-precision */

export interface QuadratureResult {
  value: number;
  /** Estimated absolute error. */
  error: number;
  /** Number of integrand evaluations. */
  evaluations: number;
  /** False if the tolerance was not met within the interval budget. */
  converged: boolean;
}

export interface QuadratureOptions {
  /** Interior break points (peaks, kinks, poles handled elsewhere); any order, outside points ignored. */
  breakpoints?: readonly number[];
  /** Relative tolerance (default 1e-12). */
  epsRel?: number;
  /** Absolute tolerance (default 0). */
  epsAbs?: number;
  /** Maximum number of subintervals (default 2000). */
  maxIntervals?: number;
}

interface Segment {
  a: number;
  b: number;
  value: number;
  error: number;
  /** Rounding floor 50·ε·∫|f| of this segment: bisecting cannot push the error below it. */
  floor: number;
}

const EPS = 2.220446049250313e-16;

function qk21(f: (x: number) => number, a: number, b: number): Segment {
  const center = 0.5 * (a + b);
  const half = 0.5 * (b - a);
  const fc = f(center);
  let resk = fc * WGK[10];
  let resg = 0;
  let resabs = Math.abs(resk);
  const fv1 = new Array<number>(10);
  const fv2 = new Array<number>(10);
  for (let j = 0; j < 10; j++) {
    const dx = half * XGK[j];
    const f1 = f(center - dx);
    const f2 = f(center + dx);
    fv1[j] = f1;
    fv2[j] = f2;
    resk += WGK[j] * (f1 + f2);
    resabs += WGK[j] * (Math.abs(f1) + Math.abs(f2));
    if (j % 2 === 1) resg += WG[(j - 1) / 2] * (f1 + f2);
  }
  const reskh = resk * 0.5;
  let resasc = WGK[10] * Math.abs(fc - reskh);
  for (let j = 0; j < 10; j++) resasc += WGK[j] * (Math.abs(fv1[j] - reskh) + Math.abs(fv2[j] - reskh));
  const value = resk * half;
  resabs *= Math.abs(half);
  resasc *= Math.abs(half);
  let error = Math.abs((resk - resg) * half);
  // QUADPACK's error scaling: sharp for smooth integrands, never below the rounding level.
  if (resasc !== 0 && error !== 0) error = resasc * Math.min(1, Math.pow((200 * error) / resasc, 1.5));
  const floor = 50 * EPS * resabs;
  if (resabs > Number.MIN_VALUE / (50 * EPS)) error = Math.max(floor, error);
  return { a, b, value, error, floor };
}

/** Indices of `segments` ordered by error, largest first, ties by index (a max-heap). */
class SegmentHeap {
  private readonly order: number[];
  constructor(private readonly segments: Segment[]) {
    this.order = [];
    for (let i = 0; i < segments.length; i++) this.push(i);
  }
  top(): number {
    return this.order[0];
  }
  push(i: number): void {
    const { order } = this;
    order.push(i);
    let at = order.length - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.before(order[at], order[parent])) break;
      [order[at], order[parent]] = [order[parent], order[at]];
      at = parent;
    }
  }
  /** Restore the order after the top segment was replaced. */
  replaceTop(): void {
    const { order } = this;
    let at = 0;
    for (;;) {
      const l = 2 * at + 1;
      const r = l + 1;
      let first = at;
      if (l < order.length && this.before(order[l], order[first])) first = l;
      if (r < order.length && this.before(order[r], order[first])) first = r;
      if (first === at) return;
      [order[at], order[first]] = [order[first], order[at]];
      at = first;
    }
  }
  private before(i: number, j: number): boolean {
    const ei = this.segments[i].error;
    const ej = this.segments[j].error;
    return ei > ej || (ei === ej && i < j);
  }
}

/** ∫_a^b f(x) dx by globally adaptive QK21 bisection over the segments delimited by `breakpoints`. */
export function integrate(
  f: (x: number) => number,
  a: number,
  b: number,
  options: QuadratureOptions = {},
): QuadratureResult {
  const { epsRel = 1e-12, epsAbs = 0, maxIntervals = 2000 } = options;
  if (a === b) return { value: 0, error: 0, evaluations: 0, converged: true };
  const sign = b > a ? 1 : -1;
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const cuts = [lo, ...(options.breakpoints ?? []).filter((x) => x > lo && x < hi).sort((x, y) => x - y), hi];
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++)
    if (cuts[i + 1] > cuts[i]) segments.push(qk21(f, cuts[i], cuts[i + 1]));
  let evaluations = 21 * segments.length;
  let value = 0;
  let error = 0;
  for (const s of segments) {
    value += s.value;
    error += s.error;
  }
  // The segment with the largest error is bisected next (the first such, as a linear scan would pick):
  // a heap keeps that choice O(log n), where a scan made a run to 20 000 intervals quadratic.
  const heap = new SegmentHeap(segments);
  while (error > Math.max(epsAbs, epsRel * Math.abs(value)) && segments.length < maxIntervals) {
    const worst = heap.top();
    const s = segments[worst];
    // Rounding-limited (QUADPACK's ier = 2): the largest error is already at its floor.
    if (s.error <= s.floor) break;
    const mid = 0.5 * (s.a + s.b);
    if (mid <= s.a || mid >= s.b) break; // interval at machine resolution
    const left = qk21(f, s.a, mid);
    const right = qk21(f, mid, s.b);
    evaluations += 42;
    segments[worst] = left;
    heap.replaceTop();
    segments.push(right);
    heap.push(segments.length - 1);
    value += left.value + right.value - s.value;
    error += left.error + right.error - s.error;
  }
  // Re-sum to shed the drift of the running updates.
  value = 0;
  error = 0;
  for (const s of segments) {
    value += s.value;
    error += s.error;
  }
  return {
    value: sign * value,
    error,
    evaluations,
    converged: error <= Math.max(epsAbs, epsRel * Math.abs(value)),
  };
}

/** P_n(x) and P_n′(x) by the three-term recurrence. */
function legendre(n: number, x: number): { p: number; dp: number } {
  let p0 = 1;
  let p1 = x;
  for (let k = 2; k <= n; k++) {
    const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
    p0 = p1;
    p1 = p2;
  }
  return { p: p1, dp: (n * (x * p1 - p0)) / (x * x - 1) };
}

/** Nodes and weights of the n-point Gauss–Legendre rule on [−1, 1] (Newton on P_n from Tricomi's guesses). */
export function gaussLegendre(n: number): { nodes: Float64Array; weights: Float64Array } {
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    for (let iter = 0; iter < 100; iter++) {
      const { p, dp } = legendre(n, x);
      const dx = p / dp;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    const { dp } = legendre(n, x);
    nodes[i] = x;
    weights[i] = 2 / ((1 - x * x) * dp * dp);
  }
  return { nodes, weights };
}
