/**
 * Steady states of two floating reservoirs (setup 3, docs/model.md "Setup 3"):
 * F_L = J_in^L − J_γ(T_L, T_R) − J_ph^L(T_L) = 0 and F_R = J_in^R + J_γ(T_L, T_R) − J_ph^R(T_R) = 0.
 */
import { brent } from '../numerics/roots.js';
import { InputError } from '../errors.js';
import { balanceRoots } from './balance.js';
import type { Device, Reservoir } from './device.js';
import { phononHeatNormal, phononHeatNormalDerivative, phononHeatSuperconductor } from './electron-phonon.js';
import { reservoirHeatCapacity } from './heat-capacity.js';
import { photonicGradient, photonicHeatCurrent } from './photonic.js';

/** Heater powers and bath of setup 3 (SI). */
export interface TwoReservoirOperatingPoint {
  /** Heater power on the left reservoir, W. */
  JinL: number;
  /** Heater power on the right reservoir, W. */
  JinR: number;
  /** Bath temperature, K (default device.Tbath). */
  Tbath?: number;
}

/** One steady state (T_L, T_R) of setup 3 with the Jacobian of (F_L, F_R) and its linear stability. */
export interface TwoReservoirState {
  /** Left temperature, K. */
  TL: number;
  /** Right temperature, K. */
  TR: number;
  /** Both eigenvalues of C⁻¹J have negative real parts (C = diag(C_L, C_R) at the state). */
  stable: boolean;
  /** J = ∂(F_L, F_R)/∂(T_L, T_R), row-major [[∂F_L/∂T_L, ∂F_L/∂T_R], [∂F_R/∂T_L, ∂F_R/∂T_R]], W/K. */
  jacobian: [[number, number], [number, number]];
  /** Electronic heat capacities C_L, C_R at the state, J/K. */
  heatCapacity: [number, number];
  /** Linear-response time constants −1/Re λ of C⁻¹J's eigenvalues λ, s (ascending; negative when unstable). */
  timeConstants: number[];
}

/** Every steady state of setup 3 in (T_b, Tc_L) × (T_b, Tc_R). */
export interface TwoReservoirSolution {
  /** States ordered by T_L, then T_R. */
  roots: TwoReservoirState[];
  /**
   * True when the state nearest the bath lies at it or within 10⁻⁹ (Tc_R − T_b) of it in T_R, where the
   * scan begins (no heating: T_L = T_R = T_b; or heaters of ~10⁻²⁷ W and less): a steady state the
   * scan of (T_b, Tc) does not return, as setup 1's `belowBath` (solveBalance).
   */
  belowBath: boolean;
}

/** Heat a reservoir loses to the bath, J_ph,N + J_ph,S, W. */
export function reservoirPhononHeat(reservoir: Reservoir, T: number, Tb: number): number {
  return (
    phononHeatNormal(reservoir.normal, T, Tb) + phononHeatSuperconductor(reservoir.superconductor, T, Tb)
  );
}

/** ∂(J_ph,N + J_ph,S)/∂T_e (J_ph,S by a central difference, step 1e-5·T: ~1e-10 relative), W/K. */
export function reservoirPhononHeatDerivative(reservoir: Reservoir, T: number, Tb: number): number {
  const sc = reservoir.superconductor;
  const h = 1e-5 * T;
  const dS = (phononHeatSuperconductor(sc, T + h, Tb) - phononHeatSuperconductor(sc, T - h, Tb)) / (2 * h);
  return phononHeatNormalDerivative(reservoir.normal, T) + dS;
}

/** (F_L, F_R) of setup 3 at (T_L, T_R), W: the net heat into each reservoir. */
export function twoReservoirResidual(
  device: Device,
  op: TwoReservoirOperatingPoint,
  TL: number,
  TR: number,
): [number, number] {
  const Tb = op.Tbath ?? device.Tbath;
  const J = photonicHeatCurrent(device, TL, TR);
  return [
    op.JinL - J - reservoirPhononHeat(device.left, TL, Tb),
    op.JinR + J - reservoirPhononHeat(device.right, TR, Tb),
  ];
}

/** ∂(F_L, F_R)/∂(T_L, T_R), W/K (J_γ's gradient analytic, J_ph,S's by central differences). */
export function twoReservoirJacobian(
  device: Device,
  TL: number,
  TR: number,
  Tbath = device.Tbath,
): [[number, number], [number, number]] {
  const g = photonicGradient(device, TL, TR);
  return [
    [-g.dTL - reservoirPhononHeatDerivative(device.left, TL, Tbath), -g.dTR],
    [g.dTL, g.dTR - reservoirPhononHeatDerivative(device.right, TR, Tbath)],
  ];
}

/** Eigenvalues of a real 2×2 matrix, as [re, im] pairs (complex pair: ± im). */
export function eigenvalues2(m: [[number, number], [number, number]]): [number, number][] {
  const tr = m[0][0] + m[1][1];
  const det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
  const disc = 0.25 * tr * tr - det;
  if (disc < 0)
    return [
      [0.5 * tr, Math.sqrt(-disc)],
      [0.5 * tr, -Math.sqrt(-disc)],
    ];
  // Larger-magnitude root first, the other from the product (no cancellation).
  const big = 0.5 * tr + (tr >= 0 ? 1 : -1) * Math.sqrt(disc);
  const small = big === 0 ? 0 : det / big;
  return [
    [Math.min(big, small), 0],
    [Math.max(big, small), 0],
  ];
}

/** Time constants −1/Re λ of the eigenvalues of C⁻¹J for C = diag(C_L, C_R), s, ascending. */
export function timeConstants2(
  jacobian: [[number, number], [number, number]],
  CL: number,
  CR: number,
): number[] {
  const m: [[number, number], [number, number]] = [
    [jacobian[0][0] / CL, jacobian[0][1] / CL],
    [jacobian[1][0] / CR, jacobian[1][1] / CR],
  ];
  return eigenvalues2(m)
    .map(([re]) => -1 / re)
    .sort((a, b) => a - b);
}

/** Jacobian, heat capacities, stability and time constants of a state of setup 3. */
export function describeTwoReservoirState(
  device: Device,
  TL: number,
  TR: number,
  Tbath = device.Tbath,
): TwoReservoirState {
  const jacobian = twoReservoirJacobian(device, TL, TR, Tbath);
  const CL = reservoirHeatCapacity(device.left, TL);
  const CR = reservoirHeatCapacity(device.right, TR);
  const m: [[number, number], [number, number]] = [
    [jacobian[0][0] / CL, jacobian[0][1] / CL],
    [jacobian[1][0] / CR, jacobian[1][1] / CR],
  ];
  const stable = eigenvalues2(m).every(([re]) => re < 0);
  return {
    TL,
    TR,
    stable,
    jacobian,
    heatCapacity: [CL, CR],
    timeConstants: timeConstants2(jacobian, CL, CR),
  };
}

/** A one-dimensional reduction: for each s, every root r of the inner balance, and the outer residual on it. */
export interface Reduction {
  /** Every root r ∈ (lo, hi) of the inner balance at s, ascending. */
  inner: (s: number) => number[];
  /** The outer balance at (s, r). */
  outer: (s: number, r: number) => number;
}

/** Options of `steadyStatesByReduction`. */
export interface ReductionOptions {
  /** Scan intervals over s (default 80, spaced densest near the lower end). */
  intervals?: number;
  /** Width below which an interval where the number of inner roots changes is not split further, relative. */
  foldWidth?: number;
  /** Absolute tolerance on s of the polished roots. */
  xtol?: number;
}

class BranchChanged extends Error {}

/**
 * Every (s, r) with inner(s) ∋ r and outer(s, r) = 0, s ∈ (sLo, sHi). The branches r_k(s) of the
 * inner roots are followed between scan nodes by their index (roots of a function of r at fixed s are
 * ordered, so branches cannot cross); where the number of roots changes (a fold) the interval is
 * bisected down to `foldWidth`, and there the pair of branches that meet is joined, so that a sign
 * change of the outer residual around the fold is found too. Sign changes along a branch are polished by
 * Brent on s, with r_k(s) recomputed at every step.
 */
export function steadyStatesByReduction(
  reduction: Reduction,
  sLo: number,
  sHi: number,
  options: ReductionOptions = {},
): { s: number; r: number }[] {
  const { intervals = 80, foldWidth = 1e-9, xtol = 1e-13 } = options;
  const found: { s: number; r: number }[] = [];
  const nodeAt = (s: number): { s: number; r: number[]; g: number[] } => {
    const r = reduction.inner(s);
    return { s, r, g: r.map((x) => reduction.outer(s, x)) };
  };
  const push = (s: number, r: number): void => {
    // Relative to |s| and |r|: a state with s or r < 0 found twice is one state too.
    for (const p of found)
      if (Math.abs(p.s - s) <= 1e-9 * Math.abs(s) && Math.abs(p.r - r) <= 1e-9 * Math.abs(r)) return;
    found.push({ s, r });
  };
  const polish = (a: ReturnType<typeof nodeAt>, b: ReturnType<typeof nodeAt>, k: number): void => {
    const count = a.r.length;
    let last = a.r[k];
    const g = (s: number): number => {
      const roots = reduction.inner(s);
      if (roots.length !== count) throw new BranchChanged();
      last = roots[k];
      return reduction.outer(s, last);
    };
    const s = brent(g, a.s, b.s, { fa: a.g[k], fb: b.g[k], xtol });
    g(s);
    push(s, last);
  };
  const visit = (a: ReturnType<typeof nodeAt>, b: ReturnType<typeof nodeAt>, depth: number): void => {
    if (a.r.length === b.r.length) {
      for (let k = 0; k < a.r.length; k++) {
        if (a.g[k] === 0) push(a.s, a.r[k]);
        if (a.g[k] === 0 || b.g[k] === 0 || a.g[k] > 0 === b.g[k] > 0) continue;
        try {
          polish(a, b, k);
        } catch (e) {
          if (!(e instanceof BranchChanged) || depth > 60) throw e;
          const m = nodeAt(0.5 * (a.s + b.s));
          visit(a, m, depth + 1);
          visit(m, b, depth + 1);
          return;
        }
      }
      return;
    }
    if (b.s - a.s > foldWidth * b.s && depth < 60) {
      const m = nodeAt(0.5 * (a.s + b.s));
      visit(a, m, depth + 1);
      visit(m, b, depth + 1);
      return;
    }
    // A fold inside a tiny interval: on the side with more roots, the pair of adjacent branches closest
    // together is the one that meets; a sign change of the outer residual between them is a state at
    // the fold (its position known to the interval's width).
    const more = a.r.length > b.r.length ? a : b;
    const fewer = more === a ? b : a;
    for (let k = 0; k + 1 < more.r.length; k++) {
      const gap = more.r[k + 1] - more.r[k];
      const closest = more.r.every((_, j) => j + 1 >= more.r.length || more.r[j + 1] - more.r[j] >= gap);
      if (!closest) continue;
      if (more.g[k] > 0 !== more.g[k + 1] > 0) push(more.s, 0.5 * (more.r[k] + more.r[k + 1]));
    }
    // The branches that continue through: matched by nearest root.
    for (let k = 0; k < fewer.r.length; k++) {
      let best = 0;
      for (let j = 1; j < more.r.length; j++)
        if (Math.abs(more.r[j] - fewer.r[k]) < Math.abs(more.r[best] - fewer.r[k])) best = j;
      if (more.g[best] > 0 !== fewer.g[k] > 0) push(0.5 * (a.s + b.s), fewer.r[k]);
    }
  };
  let prev = nodeAt(sLo + (sHi - sLo) * 1e-9);
  for (let i = 1; i <= intervals; i++) {
    const s =
      i === intervals ? sHi : sLo + (sHi - sLo) * ((Math.exp((3 * i) / intervals) - 1) / (Math.exp(3) - 1));
    const next = nodeAt(s);
    visit(prev, next, 0);
    prev = next;
  }
  return found;
}

/**
 * Every steady state of setup 3 (both reservoirs floating): for each T_R of a scan, every root T_L of
 * F_L (the left balance of setup 1 at that T_R, `balanceRoots`), then the roots of F_R along those
 * branches (`steadyStatesByReduction`); each described by its Jacobian, heat capacities and stability.
 */
export function solveTwoReservoirs(device: Device, op: TwoReservoirOperatingPoint): TwoReservoirSolution {
  const Tb = op.Tbath ?? device.Tbath;
  for (const key of ['JinL', 'JinR'] as const) {
    const J = op[key];
    if (!(J >= 0) || !Number.isFinite(J)) throw new InputError(key, String(J), 'a finite power ≥ 0, W');
  }
  const Tc = Math.min(device.left.superconductor.Tc, device.right.superconductor.Tc);
  if (!(Tb > 0 && Tb < Tc)) throw new InputError('Tbath', String(Tb), `a temperature in (0, Tc = ${Tc} K)`);
  const TcR = device.right.superconductor.Tc * (1 - 1e-12);
  const reduction: Reduction = {
    inner: (TR) => balanceRoots(device, { Jin: op.JinL, TR, setup: 1, Tbath: Tb }).TL,
    outer: (TR, TL) => twoReservoirResidual(device, op, TL, TR)[1],
  };
  const states = steadyStatesByReduction(reduction, Tb, TcR).map(({ s, r }) =>
    describeTwoReservoirState(device, r, s, Tb),
  );
  states.sort((x, y) => x.TL - y.TL || x.TR - y.TR);
  // At the scan's first T_R (steadyStatesByReduction's), the branch nearest the bath: F_R ≤ 0 there
  // means the right reservoir settles below that T_R, where no state is looked for; so does a left
  // reservoir held at or below the bath (no left root, F_L(T_b) ≤ 0).
  const first = Tb + (TcR - Tb) * 1e-9;
  const left = balanceRoots(device, { Jin: op.JinL, TR: first, setup: 1, Tbath: Tb });
  const belowBath = left.TL.length > 0 ? reduction.outer(first, left.TL[0]) <= 0 : left.belowBath;
  return { roots: states, belowBath };
}
