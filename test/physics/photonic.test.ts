/** Photonic heat current J_γ and κ_γ = −∂J_γ/∂T_R (docs/model.md §3, paper Eqs. 2–3): identities, limits, second methods. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hbar, kB, platformDevice, type Device } from '../../src/index.js';
// The modules themselves, unchecked: the matched-load limit (c → 0) lies outside the public domain.
import { withChi, withJunctionParameters } from '../../src/physics/device.js';
import { photonicMaximum } from '../../src/physics/features.js';
import {
  photonicConductance,
  photonicGradient,
  photonicHeatCurrent,
  photonicHeatCurrentDirect,
} from '../../src/physics/photonic.js';
import { resistanceRatio } from '../../src/physics/resistance.js';

const rel = (x: number, y: number): number => Math.abs(x - y) / Math.abs(y);
const ag = platformDevice('ag');
const temperature = fc.double({ min: 0.02, max: 1.15, noNaN: true });

/** A copy with both junction areas multiplied by k (χ unchanged). */
function scaleAreas(device: Device, k: number): Device {
  const scale = (r: Device['left']): Device['left'] => ({
    ...r,
    junction: { ...r.junction, area: k * r.junction.area },
  });
  return { ...device, left: scale(device.left), right: scale(device.right) };
}

describe('J_γ: closed form vs direct quadrature', () => {
  it('agree to 1e-10 relative for |T_L − T_R| ≥ 5 mK, χ ∈ [0.1, 10], c ∈ [5, 500] fF/µm² (fast-check, 300 runs)', () => {
    // The direct path integrates paper Eq. 2 with τ(ω) of Eq. 3 at epsRel 1e-13: no digamma, no closed form.
    // Near T_L = T_R the difference n_L − n_R cancels in both; 5 mK keeps that cancellation below ~1e-12.
    fc.assert(
      fc.property(
        temperature,
        temperature,
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: Math.log10(5), max: Math.log10(500), noNaN: true }),
        (TL, TR, lchi, lc) => {
          if (Math.abs(TL - TR) < 5e-3) return true;
          const d = withJunctionParameters(ag, { chi: 10 ** lchi, c: 10 ** lc * 1e-15 * 1e12 });
          return rel(photonicHeatCurrent(d, TL, TR), photonicHeatCurrentDirect(d, TL, TR)) <= 1e-10;
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('J_γ: symmetries', () => {
  it('J(T, T) = 0 exactly', () => {
    for (const T of [0.01, 0.3, 0.9, 1.3]) expect(photonicHeatCurrent(ag, T, T)).toBe(0);
  });

  it('antisymmetric for identical reservoirs (χ = 1): J(T_L, T_R) = −J(T_R, T_L) (fast-check, 200 runs)', () => {
    const d = withChi(ag, 1);
    fc.assert(
      fc.property(temperature, temperature, (TL, TR) => {
        const a = photonicHeatCurrent(d, TL, TR);
        const b = photonicHeatCurrent(d, TR, TL);
        return Math.abs(a + b) <= 1e-14 * Math.abs(a);
      }),
      { numRuns: 200 },
    );
  });

  it('for χ ≠ 1, swapping the reservoirs and the temperatures reverses J (fast-check, 200 runs)', () => {
    fc.assert(
      fc.property(temperature, temperature, fc.double({ min: 0.1, max: 10, noNaN: true }), (TL, TR, chi) => {
        const d = withChi(ag, chi);
        const swapped: Device = { ...d, left: d.right, right: d.left };
        const a = photonicHeatCurrent(d, TL, TR);
        return Math.abs(a + photonicHeatCurrent(swapped, TR, TL)) <= 1e-14 * Math.abs(a);
      }),
      { numRuns: 200 },
    );
  });

  it('for χ ≠ 1 it is not antisymmetric without the swap (the identity above is not vacuous)', () => {
    expect(rel(-photonicHeatCurrent(ag, 0.3, 0.5), photonicHeatCurrent(ag, 0.5, 0.3))).toBeGreaterThan(0.01);
  });

  it('is invariant under scaling both junction areas (it depends on χ, c and r only) (fast-check, 200 runs)', () => {
    fc.assert(
      fc.property(temperature, temperature, fc.double({ min: -3, max: 3, noNaN: true }), (TL, TR, lk) => {
        const a = photonicHeatCurrent(ag, TL, TR);
        const b = photonicHeatCurrent(scaleAreas(ag, 10 ** lk), TL, TR);
        // J's own rounding is absolute, ~ε·τ0·I(T) (the two thermal terms cancel as T_R → T_L), times
        // the few-ulp differences of R, C, τ0 and a between the two scalings: ≈ 120ε·τ0·I was the worst
        // of 20 000 random points near Tc, so 512ε leaves a factor 4. τ0·I(T) ≈ 2|J(T, T/2)|.
        if (TL === TR) return a === 0 && b === 0;
        const rounding =
          512 * 2.2e-16 * 2 * Math.abs(photonicHeatCurrent(ag, Math.max(TL, TR), Math.max(TL, TR) / 2));
        return Math.abs(a - b) <= 1e-13 * Math.abs(a) + rounding;
      }),
      { numRuns: 200 },
    );
  });

  it('flows from hot to cold: sign(J) = sign(T_L − T_R) (fast-check, 300 runs)', () => {
    fc.assert(
      fc.property(
        temperature,
        temperature,
        // J = τ0[I(a,T_L) − I(a,T_R)] rounds at ~ε·I, i.e. at |ΔT| ~ 1e-15 K: closer pairs are skipped.
        (TL, TR) =>
          Math.abs(TL - TR) < 1e-9 || Math.sign(photonicHeatCurrent(ag, TL, TR)) === Math.sign(TL - TR),
      ),
      { numRuns: 300 },
    );
  });
});

describe('J_γ: matched-load limit (a → ∞)', () => {
  it('c → 0 gives τ0·π k_B²(T_L² − T_R²)/(12ħ) with τ0 = 4R_L R_R/(R_L + R_R)² (1e-12)', () => {
    // c = 1e-9 fF/µm² puts ħa/(2πk_BT) at ~1e8, where the next term of Binet's series is ~1e-17 relative.
    const d = withJunctionParameters(ag, { c: 1e-9 * 1e-15 * 1e12 });
    for (const [TL, TR] of [
      [0.5, 0.3],
      [0.2, 0.9],
      [1.0, 0.05],
    ]) {
      const RL = (resistanceRatio(TL, d.left.superconductor) * d.left.junction.r0) / d.left.junction.area;
      const RR = (resistanceRatio(TR, d.right.superconductor) * d.right.junction.r0) / d.right.junction.area;
      const tau0 = (4 * RL * RR) / (RL + RR) ** 2;
      const limit = (tau0 * Math.PI * kB * kB * (TL * TL - TR * TR)) / (12 * hbar);
      expect(rel(photonicHeatCurrent(d, TL, TR), limit), `${TL} → ${TR}`).toBeLessThan(1e-12);
    }
  });

  it('above Tc (R = R0/A on both sides) the limit is 4χ/(1+χ)²·π k_B²(T_L² − T_R²)/(12ħ)', () => {
    const d = withJunctionParameters(ag, { c: 1e-24 });
    const chi = 2;
    const limit = ((4 * chi) / (1 + chi) ** 2) * ((Math.PI * kB * kB * (1.5 ** 2 - 1.3 ** 2)) / (12 * hbar));
    expect(rel(photonicHeatCurrent(d, 1.5, 1.3), limit)).toBeLessThan(1e-12);
  });

  it('and the paper capacitance is far from that limit at 0.5 K (the cutoff matters)', () => {
    const d = withJunctionParameters(ag, { c: 1e-24 });
    expect(photonicHeatCurrent(ag, 0.5, 0.3)).toBeLessThan(0.9 * photonicHeatCurrent(d, 0.5, 0.3));
  });
});

describe('κ_γ and ∂J_γ/∂T_L against Richardson-extrapolated differences', () => {
  // (4D(h/2) − D(h))/3 with h = 1e-3·T: Taylor remainder O((h/T)⁴) ≈ 1e-12; R/R0's tabulation error
  // (~2e-13 relative, smooth within a panel) divided by h/T adds ≲ 1e-9·|J|/T. Near κ = 0 a relative bound is
  // meaningless, so the bound is 1e-8·(|κ| + |J|/T).
  const cases: [number, number, number][] = [];
  for (const chi of [0.5, 2, 5])
    for (const TR of [0.05, 0.2, 0.37, 0.45, 0.7, 1.0]) cases.push([chi, 0.5, TR]);
  for (const TL of [0.1, 0.3, 0.8]) cases.push([2, TL, 0.25]);

  it('κ_γ = −∂J_γ/∂T_R', () => {
    for (const [chi, TL, TR] of cases) {
      const d = withChi(ag, chi);
      const h = 1e-3 * TR;
      const D = (s: number): number =>
        (photonicHeatCurrent(d, TL, TR + s) - photonicHeatCurrent(d, TL, TR - s)) / (2 * s);
      const fd = -(4 * D(h / 2) - D(h)) / 3;
      const kappa = photonicConductance(d, TL, TR);
      const J = Math.abs(photonicHeatCurrent(d, TL, TR)) + 1e-20;
      expect(Math.abs(kappa - fd), `χ=${chi}, T_L=${TL}, T_R=${TR}`).toBeLessThan(
        1e-8 * (Math.abs(kappa) + J / TR),
      );
    }
  });

  it('photonicGradient: dTR = −κ_γ, J equals photonicHeatCurrent, and dTL = ∂J_γ/∂T_L', () => {
    for (const [chi, TL, TR] of cases) {
      const d = withChi(ag, chi);
      const g = photonicGradient(d, TL, TR);
      expect(g.dTR).toBe(-photonicConductance(d, TL, TR));
      expect(rel(g.J, photonicHeatCurrent(d, TL, TR))).toBeLessThan(1e-15);
      const h = 1e-3 * TL;
      const D = (s: number): number =>
        (photonicHeatCurrent(d, TL + s, TR) - photonicHeatCurrent(d, TL - s, TR)) / (2 * s);
      const fd = (4 * D(h / 2) - D(h)) / 3;
      expect(Math.abs(g.dTL - fd), `χ=${chi}, T_L=${TL}, T_R=${TR}`).toBeLessThan(
        1e-8 * (Math.abs(g.dTL) + Math.abs(g.J) / TL),
      );
    }
  });

  it('NDTC exists at T_L = 0.5 K: κ_γ < 0 just below the J_γ maximum, > 0 at low T_R', () => {
    expect(photonicConductance(ag, 0.5, 0.3)).toBeLessThan(0);
    expect(photonicConductance(ag, 0.5, 0.45)).toBeGreaterThan(0);
  });
});

describe("docs/model.md's photonic numbers (T_L = 0.5 K)", () => {
  it('J_γ peaks at ~20 fW near T_R ≈ 0.4 K for χ = 2 (found on a 1 mK grid: 15–30 fW, 0.33–0.45 K)', () => {
    let best = { TR: 0, J: -Infinity };
    for (let TR = 0.01; TR <= 0.5; TR += 1e-3) {
      const J = photonicHeatCurrent(ag, 0.5, TR);
      if (J > best.J) best = { TR, J };
    }
    expect(best.J).toBeGreaterThan(15e-15);
    expect(best.J).toBeLessThan(30e-15);
    expect(best.TR).toBeGreaterThan(0.33);
    expect(best.TR).toBeLessThan(0.45);
  });

  it("among the paper's χ ∈ {0.5, 1, 2, 5, 10} the peak J_γ is largest at χ = 2; the continuous optimum is in [2, 3]", () => {
    const peak = (chi: number): number => photonicMaximum(withChi(ag, chi), 0.5, 0.01, 0.5).J;
    const set = [0.5, 1, 2, 5, 10];
    const peaks = set.map(peak);
    expect(set[peaks.indexOf(Math.max(...peaks))]).toBe(2);
    // scan χ on a fine log grid
    let best = { chi: 0, J: -Infinity };
    for (let i = 0; i <= 60; i++) {
      const chi = 0.5 * 20 ** (i / 60);
      const J = peak(chi);
      if (J > best.J) best = { chi, J };
    }
    expect(best.chi).toBeGreaterThanOrEqual(2);
    expect(best.chi).toBeLessThanOrEqual(3);
  });
});
