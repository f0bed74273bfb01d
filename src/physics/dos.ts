/** Dynes density of states N_S(E) = |Re[(E − iΓ)/√((E − iΓ)² − Δ²)]|, MODEL.md §1 (paper, after Eq. 1). */

/**
 * Normalised quasiparticle density of states at energy E (J) for gap Δ and Dynes broadening Γ (J).
 * Even in E. The principal complex square root is taken; the result is written in real arithmetic so
 * that it is exact to rounding near the peak at |E| = Δ (height ≈ √(Δ/2Γ), width ≈ Γ).
 */
export function dynesDos(E: number, Delta: number, Gamma: number): number {
  // w = E − iΓ; w² − Δ² = (E² − Γ² − Δ²) − 2iEΓ = p + iq
  const p = E * E - Gamma * Gamma - Delta * Delta;
  const q = -2 * E * Gamma;
  // principal sqrt(p + iq) = u + iv with u ≥ 0
  const m = Math.hypot(p, q);
  let u: number;
  let v: number;
  if (p >= 0) {
    u = Math.sqrt(0.5 * (m + p));
    v = u === 0 ? 0 : q / (2 * u);
  } else {
    v = Math.sqrt(0.5 * (m - p));
    if (q < 0) v = -v;
    u = v === 0 ? 0 : q / (2 * v);
  }
  // Re[(E − iΓ)/(u + iv)] = (E u − Γ v)/(u² + v²); with uv = −EΓ the numerator is a sum of
  // like-signed terms, (E(u² + Γ²)/u or −Γ(E² + v²)/v), so no cancellation inside the gap.
  const d = u * u + v * v;
  if (d === 0) return 0;
  const numerator = p >= 0 ? (E * (u * u + Gamma * Gamma)) / u : (-Gamma * (E * E + v * v)) / v;
  return Math.abs(numerator / d);
}

/** ∂N_S/∂Δ (per unit of Δ, same units as 1/E), for the temperature derivative of the conductance. */
export function dynesDosGapDerivative(E: number, Delta: number, Gamma: number): number {
  // N = Re[w s⁻¹] for E ≥ 0 (and even in E), w = E − iΓ, s = √(w² − Δ²); ∂N/∂Δ = Re[w Δ s⁻³].
  const x = Math.abs(E);
  const p = x * x - Gamma * Gamma - Delta * Delta;
  const q = -2 * x * Gamma;
  const m = Math.hypot(p, q);
  let u: number;
  let v: number;
  if (p >= 0) {
    u = Math.sqrt(0.5 * (m + p));
    v = u === 0 ? 0 : q / (2 * u);
  } else {
    // x ≥ 0 puts w² − Δ² in the lower half-plane (q ≤ 0), also at x = 0 where q = −0: take that side.
    v = -Math.sqrt(0.5 * (m - p));
    u = v === 0 ? 0 : q / (2 * v);
  }
  // s³ = (u + iv)³
  const s3re = u * u * u - 3 * u * v * v;
  const s3im = 3 * u * u * v - v * v * v;
  const den = s3re * s3re + s3im * s3im;
  if (den === 0) return 0;
  // Re[(x − iΓ)(s3re − i s3im)] / |s³|² · Δ
  return ((x * s3re - Gamma * s3im) * Delta) / den;
}
