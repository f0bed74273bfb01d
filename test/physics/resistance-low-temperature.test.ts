/**
 * R/R0 and d(R/R0)/dT below the table (T < 1e-3 Tc, where the direct quadrature answers) against the
 * Sommerfeld expansion of G = ∫ N_S (−∂f/∂E) dE about E = 0 (docs/model.md §2).
 */
import { describe, expect, it } from 'vitest';
import { gapZero, kB } from '../../src/index.js';
// The module itself: these temperatures are below the public domain's 0.004 Tc.
import { resistanceRatio, resistanceRatioDerivative } from '../../src/physics/resistance.js';

const rel = (x: number, y: number): number => Math.abs(x - y) / Math.abs(y);

/**
 * Deep in the gap (Δ = Δ0 to double precision below Tc/120) the Dynes DOS is analytic in E:
 * N(E) = N0·(1 + (3/2)(E/Δ0)²/(1 + γ²)² + (15/8)(E/Δ0)⁴ + …), N0 = γ/√(1 + γ²), from the Taylor series of
 * w(w² − Δ0²)^{−1/2} at w = −iΓ. With ⟨x²⟩ = π²/3 and ⟨x⁴⟩ = 7π⁴/15 under −∂f/∂E (x = E/k_BT):
 * G = N0·(1 + (π²/2)·a²/(1 + γ²)² + (7π⁴/8)·a⁴ + O(a⁶·10³)), a = k_BT/Δ0. Thermal quasiparticles add
 * e^{−1/a}, nothing at a < 1e-3. The neglected terms are < 1e-10 relative in G and in dG/dT here.
 */
function sommerfeld(T: number, Tc: number, gamma: number): { R: number; dRdT: number } {
  const c = kB / gapZero(Tc);
  const a = c * T;
  const g2 = (1 + gamma * gamma) ** 2;
  const N0 = gamma / Math.sqrt(1 + gamma * gamma);
  const G = N0 * (1 + ((Math.PI ** 2 / 2) * a * a) / g2 + ((7 * Math.PI ** 4) / 8) * a ** 4);
  const dGdT = N0 * c * ((Math.PI ** 2 * a) / g2 + ((7 * Math.PI ** 4) / 2) * a ** 3);
  return { R: 1 / G, dRdT: -dGdT / (G * G) };
}

describe('R/R0 below the table (T < 1e-3 Tc): the Sommerfeld expansion', () => {
  // Tc = 1.2 K (Al) and 10 K: the table's lower end is 1e-3 Tc whatever Tc is.
  const cases = [1.2, 10].flatMap((Tc) =>
    [1e-4, 1e-3, 1e-2].flatMap((gamma) => [9e-4, 5e-4, 1e-4].map((t) => ({ Tc, gamma, t }))),
  );

  it('R/R0 = 1/G to 1e-10', () => {
    for (const { Tc, gamma, t } of cases) {
      const T = t * Tc;
      expect(
        rel(resistanceRatio(T, { Tc, gamma }), sommerfeld(T, Tc, gamma).R),
        `Tc = ${Tc} K, γ = ${gamma}, T/Tc = ${t}`,
      ).toBeLessThan(1e-10);
    }
  });

  it('d(R/R0)/dT = −(dG/dT)/G² to 1e-8 (the quadrature of a derivative that is ~a² of G)', () => {
    for (const { Tc, gamma, t } of cases) {
      const T = t * Tc;
      const d = resistanceRatioDerivative(T, { Tc, gamma });
      expect(d).toBeLessThan(0);
      expect(rel(d, sommerfeld(T, Tc, gamma).dRdT), `Tc = ${Tc} K, γ = ${gamma}, T/Tc = ${t}`).toBeLessThan(
        1e-8,
      );
    }
  });
});
