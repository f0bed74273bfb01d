/**
 * The gap and the Dynes DOS (docs/model.md §1) at the ends of their ranges: dΔ/dT where Δ stops moving (T = 0 and
 * T ≥ Tc), and N_S in the BCS limit Γ → 0, down to a Γ whose products with energies in joules underflow.
 */
import { describe, expect, it } from 'vitest';
import { gapZero } from '../../src/index.js';
// The modules themselves: T = 0 is below the public domain of gapDerivative (0.004 Tc), and the public
// dynesDos refuses Γ below 1e-12 Δ.
import { dynesDos } from '../../src/physics/dos.js';
import { gapDerivative } from '../../src/physics/gap.js';

const EPS = 2.220446049250313e-16;
const rel = (x: number, y: number): number => Math.abs(x - y) / Math.abs(y);
const Tc = 1.2;

describe('dΔ/dT where the gap is flat', () => {
  it('is 0 at T = 0: Δ − Δ0 ∝ e^{−1.74·2√(Tc/T)} vanishes faster than any power of T', () => {
    expect(gapDerivative(0, Tc)).toBe(0);
    // and the function approaches that value from above T = 0: below Tc/120 tanh is 1 to double precision
    expect(Math.abs(gapDerivative(Tc / 500, Tc))).toBe(0);
  });

  it('is 0 at T = Tc and above (Δ ≡ 0 from Tc on: the derivative from the right), not the −∞ of the left side', () => {
    expect(gapDerivative(Tc, Tc)).toBe(0);
    expect(gapDerivative(2 * Tc, Tc)).toBe(0);
    // just below Tc the left derivative diverges like (Tc − T)^{−1/2}
    expect(gapDerivative(Tc * (1 - 1e-12), Tc)).toBeLessThan(-1e-18);
  });
});

describe('N_S in the BCS limit Γ → 0', () => {
  const Delta = gapZero(Tc);
  // Γ = 1e-300 J: Γ·E (~1e-323) is a subnormal number, Γ² underflows to 0; N must still be the BCS value.
  const Gamma = 1e-300;

  it('is E/√(E² − Δ²) outside the gap (corrections O((Γ/(E − Δ))²) are 0 in double precision)', () => {
    for (const e of [1 + 1e-6, 1.001, 1.5, 3, 10, 1e3]) {
      const E = e * Delta;
      const bcs = E / Math.sqrt(E * E - Delta * Delta);
      // The BCS value's own rounding: E² − Δ² loses log₂(1/(e − 1)) bits near the edge.
      const tol = 8 * EPS * (1 + 1 / (e * e - 1));
      expect(rel(dynesDos(E, Delta, Gamma), bcs), `E/Δ = ${e}`).toBeLessThanOrEqual(tol);
      expect(rel(dynesDos(-E, Delta, Gamma), bcs), `E/Δ = −${e}`).toBeLessThanOrEqual(tol);
    }
  });
});
