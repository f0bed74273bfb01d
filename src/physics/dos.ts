/** Dynes density of states N_S(E) = |Re[(E − iΓ)/√((E − iΓ)² − Δ²)]|, docs/model.md §1 (paper, after Eq. 1). */

/**
 * s = u + iv = √((x − iΓ)² − Δ²) for x ≥ 0, principal branch. The argument p + iq has q = −2xΓ ≤ 0, so the
 * root lies in the lower half-plane; at x = 0 (q = −0) the same side is taken, the limit from x > 0.
 */
function dynesRoot(x: number, Delta: number, Gamma: number): { p: number; u: number; v: number } {
  const p = x * x - Gamma * Gamma - Delta * Delta;
  const q = -2 * x * Gamma;
  const m = Math.hypot(p, q);
  if (p >= 0) {
    const u = Math.sqrt(0.5 * (m + p));
    return { p, u, v: u === 0 ? 0 : q / (2 * u) };
  }
  const v = -Math.sqrt(0.5 * (m - p));
  return { p, u: v === 0 ? 0 : q / (2 * v), v };
}

/**
 * Normalised quasiparticle density of states at energy E (J) for gap Δ and Dynes broadening Γ (J).
 * Even in E. The principal complex square root is taken; the result is written in real arithmetic so
 * that it is exact to rounding near the peak at |E| = Δ (height ≈ √(Δ/2Γ), width ≈ Γ).
 */
export function dynesDos(E: number, Delta: number, Gamma: number): number {
  const x = Math.abs(E);
  const { p, u, v } = dynesRoot(x, Delta, Gamma);
  // Re[(x − iΓ)/(u + iv)] = (x u − Γ v)/(u² + v²); with uv = −xΓ the numerator is a sum of
  // like-signed terms, (x(u² + Γ²)/u or −Γ(x² + v²)/v), so no cancellation inside the gap.
  const d = u * u + v * v;
  if (d === 0) return 0;
  const numerator = p >= 0 ? (x * (u * u + Gamma * Gamma)) / u : (-Gamma * (x * x + v * v)) / v;
  return Math.abs(numerator / d);
}

/** ∂N_S/∂Δ (per unit of Δ, same units as 1/E), for the temperature derivative of the conductance. */
export function dynesDosGapDerivative(E: number, Delta: number, Gamma: number): number {
  // N = Re[w s⁻¹] for E ≥ 0 (and even in E), w = E − iΓ, s = √(w² − Δ²); ∂N/∂Δ = Re[w Δ s⁻³].
  const x = Math.abs(E);
  const { u, v } = dynesRoot(x, Delta, Gamma);
  const s3re = u * u * u - 3 * u * v * v;
  const s3im = 3 * u * u * v - v * v * v;
  const den = s3re * s3re + s3im * s3im;
  if (den === 0) return 0;
  // Re[(x − iΓ)(s3re − i s3im)] / |s³|² · Δ
  return ((x * s3re - Gamma * s3im) * Delta) / den;
}
