/** Electron–phonon heat to the substrate: J_ph,N (power law) and J_ph,S (Timofeev, corrected) — docs/model.md §4. */
import { power } from '../numerics/power.js';
import { integrate } from '../numerics/quadrature.js';
import { BCS_GAP_RATIO, kB, zeta5 } from './constants.js';
import type { NormalMetal, Reservoir, Superconductor } from './device.js';
import { dynesDos } from './dos.js';
import { gap } from './gap.js';
import { phononTableLookup } from './electron-phonon-table.js';

/** J_ph,N = Σ_N V_N (T_e^n − T_b^n), W. */
export function phononHeatNormal(normal: NormalMetal, Te: number, Tb: number): number {
  return normal.Sigma * normal.volume * (power(Te, normal.n) - power(Tb, normal.n));
}

/** ∂J_ph,N/∂T_e, W/K. */
export function phononHeatNormalDerivative(normal: NormalMetal, T: number): number {
  return normal.Sigma * normal.volume * normal.n * power(T, normal.n - 1);
}

/*
 * Reduced units: energies in k_B·Tc, temperatures t = T/Tc. Then J_ph,S = Σ_S V_S Tc⁵ · j(t_e, t_b; γ) with
 *   j = 4/(96ζ(5)) ∫_0^∞ de′ e′² [n(e′/t_b) − n(e′/t_e)] h(e′),
 *   h(e′) = ∫ de (e − δ²/(e+e′)) N(e) N(e+e′) [F(e+e′) − F(e)],  F(E) = tanh(E/2t_e),
 * the exact single-kernel reduction of docs/model.md §4 (h = −e′² in the normal state).
 */

const PREFACTOR = 4 / (96 * zeta5);
const PEAK_OFFSETS = [1, 30];

/**
 * tanh x − tanh y = sinh(x−y)/(cosh x cosh y), in a form with only non-positive exponents: the naive
 * difference of two numbers near ±1 is pure rounding noise in the tails, where GK would chase it.
 */
export function tanhDifference(x: number, y: number): number {
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  const d = x - y;
  // |x| + |y| rounded once: for x, y of opposite signs it is |x − y| to the bit, so the larger
  // exponent is exactly 0 (subtracting |x| and |y| one by one left ~1e-15 over, and |result| > 2).
  const s = ax + ay;
  const num = Math.exp(d - s) - Math.exp(-d - s);
  return (2 * num) / ((1 + Math.exp(-2 * ax)) * (1 + Math.exp(-2 * ay)));
}

/** The kernel h(e′; t_e) with the principal value at e = −e′ taken by pairing points symmetric about it. */
export function phononKernel(
  ePrime: number,
  delta: number,
  g: number,
  te: number,
  innerEpsRel = 1e-10,
): number {
  // s = e + e′ is passed explicitly so that the pole's distance is exact in the PV pairing below.
  const fAt = (e: number, s: number): number =>
    (e - (delta * delta) / s) *
    dynesDos(e, delta, g) *
    dynesDos(s, delta, g) *
    tanhDifference(s / (2 * te), e / (2 * te));
  const f = (e: number): number => fAt(e, e + ePrime);
  const reach = delta + 40 * te;
  const lo = -ePrime - reach;
  const hi = reach;
  const pole = -ePrime;
  const peaks = [delta, -delta, pole + delta, pole - delta];
  const breakpoints = [0, pole];
  for (const p of peaks) {
    breakpoints.push(p);
    for (const k of PEAK_OFFSETS) breakpoints.push(p - k * g, p + k * g);
  }
  const opts = { epsRel: innerEpsRel, maxIntervals: 4000 };
  if (delta === 0) return integrate(f, lo, hi, { ...opts, breakpoints }).value;
  // PV window [pole − w, pole + w]: no N(e+e′) peak inside (they sit at pole ± δ); the N(e) peak at −δ
  // may, so it becomes a break point of the paired integrand.
  const w = 0.5 * delta;
  const paired = (t: number): number => fAt(pole + t, t) + fAt(pole - t, -t);
  const tPeak = Math.abs(delta - ePrime);
  const tBreaks = [tPeak];
  for (const k of PEAK_OFFSETS) tBreaks.push(tPeak - k * g, tPeak + k * g);
  // Below t₀ the paired integrand is bounded but its evaluation is rounding noise ~ε/t: a midpoint
  // rule there (error < t₀·max|paired| ≈ 1e-9 of the window) keeps GK from chasing the noise.
  const t0 = 1e-9 * w;
  const window = integrate(paired, t0, w, { ...opts, breakpoints: tBreaks }).value + t0 * paired(0.5 * t0);
  const left = integrate(f, lo, pole - w, { ...opts, breakpoints }).value;
  const right = integrate(f, pole + w, hi, { ...opts, breakpoints }).value;
  return left + window + right;
}

function reducedGapAndBroadening(te: number, gamma: number): { delta: number; g: number } {
  return { delta: gap(te, 1) / kB, g: gamma * BCS_GAP_RATIO };
}

/** j(t_e, t_b; γ) by nested adaptive quadrature (reference path). */
export function reducedPhononHeatDirect(te: number, tb: number, gamma: number, epsRel = 1e-9): number {
  if (te === tb) return 0;
  const { delta, g } = reducedGapAndBroadening(te, gamma);
  const occupationDifference = (x: number): number => {
    // n(x/t_b) − n(x/t_e), with n(∞) = 0 for t_b = 0
    const nb = tb > 0 ? 1 / Math.expm1(x / tb) : 0;
    return nb - 1 / Math.expm1(x / te);
  };
  const integrand = (x: number): number =>
    x === 0 ? 0 : x * x * occupationDifference(x) * phononKernel(x, delta, g, te, epsRel / 10);
  const tmax = Math.max(te, tb);
  const upper = 2 * delta + 50 * tmax;
  const breakpoints = [delta, 2 * delta, te, 5 * te, 15 * te];
  if (tb > 0) breakpoints.push(tb, 5 * tb, 15 * tb);
  for (const k of PEAK_OFFSETS)
    breakpoints.push(2 * delta - k * g, 2 * delta + k * g, delta - k * g, delta + k * g);
  return PREFACTOR * integrate(integrand, 0, upper, { breakpoints, epsRel, maxIntervals: 4000 }).value;
}

/** J_ph,S by direct nested quadrature of the reduced single-kernel form (reference path), W. */
export function phononHeatSuperconductorDirect(sc: Superconductor, Te: number, Tb: number): number {
  return sc.Sigma * sc.volume * sc.Tc ** 5 * reducedPhononHeatDirect(Te / sc.Tc, Tb / sc.Tc, sc.gamma);
}

/** J_ph,S in W (fast path: verified tabulation where available, else direct). Positive when Te > Tb. */
export function phononHeatSuperconductor(sc: Superconductor, Te: number, Tb: number): number {
  const te = Te / sc.Tc;
  const tb = Tb / sc.Tc;
  const scale = sc.Sigma * sc.volume * power(sc.Tc, 5);
  if (scale === 0 || Te === Tb) return 0;
  const ratio = phononTableLookup(sc.gamma, te, tb);
  if (ratio !== undefined) return scale * (power(te, 5) - power(tb, 5)) * ratio;
  return scale * reducedPhononHeatDirect(te, tb, sc.gamma);
}

/** Electron–phonon heat of one reservoir to the bath: both channels and their sum, W. */
export interface PhononHeat {
  /** J_ph,N, W */
  normal: number;
  /** J_ph,S, W */
  superconductor: number;
  /** J_ph = J_ph,N + J_ph,S, W */
  total: number;
}

/** Both electron–phonon channels of one reservoir. */
export function phononHeat(reservoir: Reservoir, Te: number, Tb: number): PhononHeat {
  const normal = phononHeatNormal(reservoir.normal, Te, Tb);
  const superconductor = phononHeatSuperconductor(reservoir.superconductor, Te, Tb);
  return { normal, superconductor, total: normal + superconductor };
}
