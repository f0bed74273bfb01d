/**
 * The reduced single-kernel J_ph,S (docs/model.md §4, "an exact reduction") against the ORIGINAL Timofeev double
 * integral, written here independently: sgn(ε′), coth of the phonon energy at T_b, principal value at ε+ε′ = 0.
 *
 * Cost: ~1.4e7 integrand evaluations, 10–20 s on one core — one point only, at moderate temperature and
 * γ = 1e-3 (wider Dynes peaks than the paper's 1e-4).
 */
import { describe, expect, it } from 'vitest';
import { dynesDos, gap, kB, phononHeatSuperconductorDirect, platformDevice, zeta5 } from '../../src/index.js';
import { gaussLegendre, integrate } from '../../src/numerics/quadrature.js';

/**
 * j = J_ph,S/(Σ_S V_S Tc⁵) in reduced units (energies in k_B·Tc, t = T/Tc), in the quasiparticle energies
 * E = ε and E′ = ε + ε′:
 *   j = 1/(96ζ(5)) ∫dE E N(E) ∫dE′ sgn(E′−E)(E′−E)² N(E′)(1 − δ²/(E E′))
 *         · [F_E F_E′ − 1 − (F_E − F_E′) coth((E′−E)/2t_b)],   F_E = tanh(E/2t_e).
 * Inner (E′): adaptive GK split at ±δ (peaks, with ±Γ, ±30Γ), at E (kink of sgn·ε′²·coth), and a principal
 * value at the pole E′ = 0 taken by pairing E′ = ±t on [0, δ/2] (the peaks at ±δ stay outside).
 * Outer (E): fixed composite 8-point Gauss–Legendre on panels graded geometrically towards ±δ — an adaptive
 * outer rule would chase the inner integrals' tolerance-level noise for ever.
 */
function timofeevReduced(te: number, tb: number, gamma: number, innerEpsRel: number): number {
  const delta = gap(te, 1) / kB;
  const g = gamma * 1.764;
  const N = (E: number): number => dynesDos(E, delta, g);
  const F = (E: number): number => Math.tanh(E / (2 * te));
  const f = (E: number, Ep: number): number => {
    const ep = Ep - E;
    if (ep === 0) return 0; // ε′² coth(ε′/2t_b) → 0
    const FE = F(E);
    const FEp = F(Ep);
    const bracket = FE * FEp - 1 - (FE - FEp) / Math.tanh(ep / (2 * tb));
    // E·(1 − δ²/(E E′)) = E − δ²/E′: the outer factor E of "E N(E)" is carried here, free of 0·∞ at E = 0.
    return Math.sign(ep) * ep * ep * N(Ep) * (E - (delta * delta) / Ep) * bracket;
  };
  const tmax = Math.max(te, tb);
  const around = (c: number): number[] => [c, c - g, c + g, c - 30 * g, c + 30 * g];
  const opts = { epsRel: innerEpsRel, maxIntervals: 4000 };
  const inner = (E: number): number => {
    const reach = delta + Math.abs(E) + 50 * tmax; // bracket ~ e^{−|E′|/t_max} beyond the peaks
    const w = 0.5 * delta;
    const breakpoints = [E, ...around(delta), ...around(-delta)];
    const pv = integrate((t) => f(E, t) + f(E, -t), 0, w, { ...opts, breakpoints: [Math.abs(E)] }).value;
    const left = integrate((x) => f(E, x), -reach, -w, { ...opts, breakpoints }).value;
    const right = integrate((x) => f(E, x), w, reach, { ...opts, breakpoints }).value;
    return left + pv + right;
  };
  const reach = delta + 50 * tmax;
  const cuts = new Set<number>([-reach, 0, reach]);
  for (const c of [delta, -delta]) {
    cuts.add(c);
    for (let k = -3; g * 2 ** k < reach + delta; k++) {
      cuts.add(c + g * 2 ** k);
      cuts.add(c - g * 2 ** k);
    }
  }
  const edges = [...cuts].filter((x) => x >= -reach && x <= reach).sort((p, q) => p - q);
  const gl = gaussLegendre(8);
  let sum = 0;
  for (let i = 0; i + 1 < edges.length; i++) {
    const [a, b] = [edges[i], edges[i + 1]];
    for (let k = 0; k < 8; k++) {
      const E = 0.5 * (a + b) + 0.5 * (b - a) * gl.nodes[k];
      sum += 0.5 * (b - a) * gl.weights[k] * N(E) * inner(E);
    }
  }
  return sum / (96 * zeta5);
}

describe('J_ph,S: reduced single-kernel form vs the original Timofeev double integral', () => {
  it('T_e = 0.6 K, T_b = 0.3 K, γ = 1e-3: agree to 1e-5 relative, and the sign is heat to the bath', () => {
    const sc = { ...platformDevice('ag').left.superconductor, gamma: 1e-3 };
    const reduced = phononHeatSuperconductorDirect(sc, 0.6, 0.3);
    const original =
      sc.Sigma * sc.volume * sc.Tc ** 5 * timofeevReduced(0.6 / sc.Tc, 0.3 / sc.Tc, sc.gamma, 1e-5);
    expect(original).toBeGreaterThan(0);
    expect(Math.abs(original / reduced - 1)).toBeLessThan(1e-5);
  }, 120_000);
});
