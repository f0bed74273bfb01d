/**
 * The superconductor's heat capacity C_S (docs/model.md, "Heat capacities") in its two simple limits: the
 * normal state above Tc with the default Sommerfeld coefficient of Al, and the Dynes in-gap states at
 * T ≪ Tc, where C_S is linear in T like a normal metal's with the reduced density of states N_S(0).
 */
import { describe, expect, it } from 'vitest';
import { platformDevice } from '../../src/index.js';
// The module itself: T < 0.004 Tc is below the public domain.
import {
  heatCapacitySuperconductor,
  reducedHeatCapacitySuperconductor,
} from '../../src/physics/heat-capacity.js';

const rel = (x: number, y: number): number => Math.abs(x - y) / Math.abs(y);

describe('C_S above Tc', () => {
  const al = platformDevice('ag').left.superconductor;

  it("is γ_Al V_S T with Al's γ from Kittel (1.35 mJ mol⁻¹ K⁻² over 9.99 cm³/mol), or the part's own γ", () => {
    expect(al.sommerfeld).toBeUndefined();
    const gammaAl = 1.35e-3 / 9.99e-6; // J m⁻³ K⁻²
    for (const T of [1.3, 2, 5]) {
      // the stored coefficient is rounded to 3 digits (135 for 135.14)
      expect(rel(heatCapacitySuperconductor(al, T), gammaAl * al.volume * T), `T = ${T} K`).toBeLessThan(
        2e-3,
      );
      const own = { ...al, sommerfeld: 200 };
      expect(rel(heatCapacitySuperconductor(own, T), 200 * al.volume * T)).toBeLessThan(4 * Number.EPSILON);
    }
  });
});

/** The expansion below, C_S/(γVT) at t = T/Tc for T ≤ 0.008 Tc. */
function inGap(t: number, gamma: number): number {
  const N0 = gamma / Math.sqrt(1 + gamma * gamma);
  const d = 1.764 / t;
  return (
    N0 *
    (1 +
      (21 * Math.PI ** 2) / 10 / ((1 + gamma * gamma) ** 2 * d * d) +
      ((2790 / 336) * Math.PI ** 4) / d ** 4)
  );
}

describe('C_S deep in the gap (T ≤ 0.008 Tc): the Dynes in-gap states', () => {
  it('C_S/(γVT) = N0·(1 + (21π²/10)/((1 + γ²)² d²) + (2790/336)π⁴/d⁴), d = Δ0/k_BT, N0 = γ/√(1 + γ²) (1e-8)', () => {
    // N(E) = N0(1 + (3/2)(E/Δ0)²/(1 + γ²)² + (15/8)(E/Δ0)⁴ + …) (Taylor series of w(w² − Δ0²)^{−1/2} at w = −iΓ)
    // under (6/π²)x² f(1 − f) on [0, ∞), whose moments are ∫x⁴ f(1−f) = 7π⁴/30 and ∫x⁶ f(1−f) = 31π⁶/42.
    // Δ = Δ0 and dΔ/dT = 0 to double precision below Tc/120; the next term is < 1e-9 at d ≥ 220.
    for (const gamma of [1e-4, 1e-3, 1e-2]) {
      for (const t of [0.008, 0.005, 0.002]) {
        expect(
          rel(reducedHeatCapacitySuperconductor(t, gamma), inGap(t, gamma)),
          `γ = ${gamma}, t = ${t}`,
        ).toBeLessThan(1e-8);
      }
    }
  });

  it('and C_S = γ_Al V_S T times that at T = 0.005 Tc of the platform superconductor (1e-8)', () => {
    const al = platformDevice('ag').left.superconductor;
    const T = 0.005 * al.Tc;
    // 135 J m⁻³ K⁻²: Al's Sommerfeld coefficient as stored, checked against Kittel's above
    expect(rel(heatCapacitySuperconductor(al, T), 135 * al.volume * T * inGap(0.005, al.gamma))).toBeLessThan(
      1e-8,
    );
  });
});
