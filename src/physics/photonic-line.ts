/**
 * Photonic heat current through real lines (docs/model.md §"Real photon lines"): series inductance L and
 * resistance R_ℓ in the loop between the junctions, τ(ω) = 4 Re Z_L Re Z_R / |Z_L + Z_R + R_ℓ + iωL|²,
 * J by partial fractions and the complex digamma function. With no line (or L = R_ℓ = 0) every function
 * here returns what photonic.ts returns, by calling it.
 */
import {
  cadd,
  cdiv,
  cmul,
  complex,
  complexBinetRemainder,
  cscale,
  csub,
  type Complex,
} from '../numerics/complex-digamma.js';
import { idealLines } from './domain.js';
import { polynomialRoots } from '../numerics/polynomial-roots.js';
import { integrate } from '../numerics/quadrature.js';
import { brent } from '../numerics/roots.js';
import { hbar, kB } from './constants.js';
import type { Device } from './device.js';
import {
  photonicCircuit,
  photonicConductance,
  photonicHeatCurrent,
  type PhotonicCircuit,
} from './photonic.js';

/** The lumped circuit with the loop's series elements: L (H) and R_ℓ (Ω) summed over both lines. */
export interface LineCircuit extends PhotonicCircuit {
  /** Series inductance of the loop (both lines), H. */
  L: number;
  /** Series resistance of the loop (both lines), Ω. */
  Rline: number;
}

/** Heat currents through a lossy line, W. */
export interface LineHeatCurrents {
  /** Heat leaving the left reservoir by photons (to the right reservoir and to the line): J_γ. */
  leftOut: number;
  /** Heat entering the right reservoir by photons (from the left reservoir and from the line). */
  rightIn: number;
  /** The direct left–right exchange ∫ħω/2π τ_LR (n_L − n_R) dω. */
  exchange: number;
}

/** True if the device has a line with non-zero inductance or resistance (not the paper's ideal lines). */
export function hasRealLine(device: Device): boolean {
  return !idealLines(device);
}

/** The circuit at (T_L, T_R): both lines of the loop in series, so L = 2 L_line and R_ℓ = 2 R_line. */
export function lineCircuit(device: Device, TL: number, TR: number): LineCircuit {
  return {
    ...photonicCircuit(device, TL, TR),
    L: 2 * (device.line?.inductance ?? 0),
    Rline: 2 * (device.line?.resistance ?? 0),
  };
}

/**
 * The three transmissions at ω (rad/s) from the impedances directly (no polynomial): left→right
 * τ_LR = 4 Re Z_L Re Z_R/|Z|², left→line τ_Lℓ = 4 Re Z_L R_ℓ/|Z|², right→line τ_Rℓ = 4 Re Z_R R_ℓ/|Z|².
 */
export function lineTransmissions(
  c: LineCircuit,
  omega: number,
): { leftRight: number; leftLine: number; rightLine: number } {
  const ZL = cdiv(complex(c.RL), complex(1, omega * c.RL * c.CL));
  const ZR = cdiv(complex(c.RR), complex(1, omega * c.RR * c.CR));
  const Z = cadd(cadd(ZL, ZR), complex(c.Rline, omega * c.L));
  const Z2 = Z.re * Z.re + Z.im * Z.im;
  return {
    leftRight: (4 * ZL.re * ZR.re) / Z2,
    leftLine: (4 * ZL.re * c.Rline) / Z2,
    rightLine: (4 * ZR.re * c.Rline) / Z2,
  };
}

/** One spectral channel: ∫_0^∞ (ħω/2π) τ(ω) n(ω,T) dω = Σ_k w_k (ħ/4π) φ(ħa_k/2πk_BT). */
interface Channel {
  /** a_k (rad/s), Re a_k > 0. */
  a: Complex[];
  /** Partial-fraction weights w_k (Ω⁻²·… so that τ = Σ w_k/(ω² + a_k²)), rad²/s². */
  w: Complex[];
}

/**
 * Largest Σ|terms|/|Σ terms| accepted from the partial fractions before quadrature is used instead: the
 * closed form's error near critical damping grows as up to ~7e-15 × this ratio (measured against the
 * quadrature), so 10³ keeps it below the stated 1e-11 (10⁶ let it reach 3e-9).
 */
const MAX_CANCELLATION = 1e3;

/**
 * Denominator |P(iω)|² = c_n² Π_k (ω² + a_k²) with P(s) = R_L(1+sτ_R) + R_R(1+sτ_L) + (R_ℓ + sL)(1+sτ_L)(1+sτ_R),
 * τ_i = R_i C_i; returns a_k = −s_k and the scaled leading factor.
 */
function circuitPoles(c: LineCircuit): { a: Complex[]; sigma: number; lead2: number } {
  const tL = c.RL * c.CL;
  const tR = c.RR * c.CR;
  const coeffs = [
    c.RL + c.RR + c.Rline,
    c.RL * tR + c.RR * tL + c.Rline * (tL + tR) + c.L,
    c.Rline * tL * tR + c.L * (tL + tR),
    c.L * tL * tR,
  ];
  const n = c.L > 0 ? 3 : c.Rline > 0 ? 2 : 1;
  const sigma = coeffs[0] / coeffs[1]; // rad/s: the paper's cutoff when L = R_ℓ = 0
  const d = coeffs.slice(0, n + 1).map((ci, i) => (ci * sigma ** i) / coeffs[0]);
  const a = polynomialRoots(d).map((x) => cscale(x, -sigma));
  // c_n² Π_{j≠k}(a_j² − a_k²) = c0² d_n² σ^{−2} Π(α_j² − α_k²), α = a/σ: c0² d_n² kept here.
  return { a, sigma, lead2: coeffs[0] * coeffs[0] * d[n] * d[n] };
}

function channel(poles: { a: Complex[]; sigma: number; lead2: number }, N0: number, N1: number): Channel {
  const { a, sigma, lead2 } = poles;
  // w_k = N(−a_k²) σ² / (c0² d_n² Π_{j≠k}(α_j² − α_k²)), α = a/σ: the products stay of order one.
  const alpha2 = a.map((ak) => cscale(cmul(ak, ak), 1 / (sigma * sigma)));
  const w = a.map((ak, k) => {
    let den = complex(lead2);
    for (let j = 0; j < a.length; j++) if (j !== k) den = cmul(den, csub(alpha2[j], alpha2[k]));
    const num = csub(complex(N0), cscale(cmul(ak, ak), N1));
    return cscale(cdiv(num, den), sigma * sigma);
  });
  return { a, w };
}

/** Σ_k w_k (ħ/4π) φ(z_k) and the cancellation ratio Σ|·|/|Σ|. */
function channelIntegral(ch: Channel, T: number): { value: number; cancellation: number } {
  if (T === 0) return { value: 0, cancellation: 1 };
  let sum = complex(0);
  let abs = 0;
  for (let k = 0; k < ch.a.length; k++) {
    const z = cscale(ch.a[k], hbar / (2 * Math.PI * kB * T));
    const term = cmul(ch.w[k], complexBinetRemainder(z));
    sum = cadd(sum, term);
    abs += Math.hypot(term.re, term.im);
  }
  const value = (hbar / (4 * Math.PI)) * sum.re;
  return { value, cancellation: abs / Math.abs(sum.re) };
}

/**
 * Heat currents of a line circuit at T_L, T_R and line temperature T_line (K), closed form; falls back to
 * lineHeatCurrentsDirect where the partial fractions cancel by more than 10³ (nearly coincident poles).
 */
export function lineHeatCurrentsOfCircuit(
  c: LineCircuit,
  TL: number,
  TR: number,
  Tline: number,
): LineHeatCurrents {
  const poles = circuitPoles(c);
  const tL = c.RL * c.CL;
  const tR = c.RR * c.CR;
  const lr = channel(poles, 4 * c.RL * c.RR, 0);
  const parts = [channelIntegral(lr, TL), channelIntegral(lr, TR)];
  let leftLine = 0;
  let rightLine = 0;
  if (c.Rline > 0) {
    const ll = channel(poles, 4 * c.RL * c.Rline, 4 * c.RL * c.Rline * tR * tR);
    const rl = channel(poles, 4 * c.RR * c.Rline, 4 * c.RR * c.Rline * tL * tL);
    const l = [channelIntegral(ll, TL), channelIntegral(ll, Tline)];
    const r = [channelIntegral(rl, Tline), channelIntegral(rl, TR)];
    parts.push(...l, ...r);
    leftLine = l[0].value - l[1].value;
    rightLine = r[0].value - r[1].value;
  }
  if (parts.some((p) => !(p.cancellation <= MAX_CANCELLATION)))
    return lineHeatCurrentsDirect(c, TL, TR, Tline);
  const exchange = parts[0].value - parts[1].value;
  return { leftOut: exchange + leftLine, rightIn: exchange + rightLine, exchange };
}

/**
 * The same heat currents by adaptive quadrature of τ(ω) from the impedances (independent of the poles
 * except for the break points placed at the resonances).
 */
export function lineHeatCurrentsDirect(
  c: LineCircuit,
  TL: number,
  TR: number,
  Tline: number,
): LineHeatCurrents {
  const Tmax = Math.max(TL, TR, Tline);
  const scale = (kB * Tmax) / hbar;
  const n = (x: number, T: number): number => (T === 0 ? 0 : 1 / Math.expm1((x * Tmax) / T));
  const breakpoints = [1, 5, 20];
  for (const T of [TL, TR, Tline]) if (T > 0) breakpoints.push(T / Tmax, (0.1 * T) / Tmax, (5 * T) / Tmax);
  for (const ak of circuitPoles(c).a) {
    const centre = Math.abs(ak.im) / scale;
    const width = ak.re / scale;
    breakpoints.push(
      Math.hypot(ak.re, ak.im) / scale,
      centre,
      centre - width,
      centre + width,
      centre - 5 * width,
      centre + 5 * width,
    );
  }
  const weight = (x: number): number => (hbar * x * scale * scale) / (2 * Math.PI);
  /**
   * ∫ weight τ (n(T1) − n(T2)) to 1e-13 relative, or to 1e-14 of ∫ weight τ (n(T1) + n(T2)): the difference
   * of occupations at nearly equal temperatures carries rounding of that size, which no bisection removes.
   */
  const channel = (tau: (omega: number) => number, T1: number, T2: number): number => {
    const integrand = (sign: number) => (x: number) =>
      x === 0 ? 0 : weight(x) * tau(x * scale) * (n(x, T1) + sign * n(x, T2));
    const magnitude = integrate(integrand(1), 0, 80, { breakpoints, epsRel: 1e-3 }).value;
    return integrate(integrand(-1), 0, 80, {
      breakpoints,
      epsRel: 1e-13,
      epsAbs: 1e-14 * Math.abs(magnitude),
      maxIntervals: 20000,
    }).value;
  };
  const exchange = channel((w) => lineTransmissions(c, w).leftRight, TL, TR);
  if (!(c.Rline > 0)) return { leftOut: exchange, rightIn: exchange, exchange };
  const leftLine = channel((w) => lineTransmissions(c, w).leftLine, TL, Tline);
  const rightLine = channel((w) => lineTransmissions(c, w).rightLine, Tline, TR);
  return { leftOut: exchange + leftLine, rightIn: exchange + rightLine, exchange };
}

/**
 * Heat currents of the device at (T_L, T_R) with its line thermalised at T_bath, W. Without a real line
 * all three equal photonicHeatCurrent (the paper's code path, unchanged).
 */
export function lineHeatCurrents(device: Device, TL: number, TR: number): LineHeatCurrents {
  if (!hasRealLine(device)) {
    const J = photonicHeatCurrent(device, TL, TR);
    return { leftOut: J, rightIn: J, exchange: J };
  }
  return lineHeatCurrentsOfCircuit(lineCircuit(device, TL, TR), TL, TR, device.Tbath);
}

/** J_γ through real lines: heat leaving the left reservoir by photons, W (= photonicHeatCurrent without a line). */
export function photonicHeatCurrentThroughLine(device: Device, TL: number, TR: number): number {
  return lineHeatCurrents(device, TL, TR).leftOut;
}

/**
 * κ_γ = −∂J_γ/∂T_R through real lines, W/K: fourth-order central difference with step 10⁻³ T_R
 * (= photonicConductance, analytic, without a line).
 */
export function photonicConductanceThroughLine(device: Device, TL: number, TR: number): number {
  if (!hasRealLine(device)) return photonicConductance(device, TL, TR);
  const h = 1e-3 * TR;
  const J = (t: number): number => photonicHeatCurrentThroughLine(device, TL, t);
  return -(J(TR - 2 * h) - 8 * J(TR - h) + 8 * J(TR + h) - J(TR + 2 * h)) / (12 * h);
}

/**
 * The NDTC window at T_L: the intervals of T_R in [TRmin, TRmax] where κ_γ < 0, from a scan on `points`
 * equally spaced temperatures with each edge refined by Brent's method, K.
 */
export function ndtcWindow(
  device: Device,
  TL: number,
  TRmin: number,
  TRmax: number,
  points = 60,
): Array<{ from: number; to: number }> {
  const kappa = (TR: number): number => photonicConductanceThroughLine(device, TL, TR);
  const xs = Array.from({ length: points }, (_, i) => TRmin + ((TRmax - TRmin) * i) / (points - 1));
  const ks = xs.map(kappa);
  const windows: Array<{ from: number; to: number }> = [];
  let start: number | undefined = ks[0] < 0 ? xs[0] : undefined;
  for (let i = 1; i < points; i++) {
    if (Math.sign(ks[i]) === Math.sign(ks[i - 1]) || ks[i] === 0) continue;
    const edge = brent(kappa, xs[i - 1], xs[i], { fa: ks[i - 1], fb: ks[i], rtol: 1e-10 });
    if (ks[i] < 0) start = edge;
    else if (start !== undefined) {
      windows.push({ from: start, to: edge });
      start = undefined;
    }
  }
  // TRmax itself: the last node TRmin + (TRmax − TRmin) rounds up to an ulp above it.
  if (start !== undefined) windows.push({ from: start, to: TRmax });
  return windows;
}
