/** The BCS gap Δ(T) and the Dynes density of states N_S(E) (docs/model.md §1): limits, identities, derivatives. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dynesDos, dynesDosGapDerivative, gap, gapDerivative, gapZero, kB } from '../../src/index.js';
import { integrate } from '../../src/numerics/quadrature.js';

const EPS = 2.220446049250313e-16;
const rel = (x: number, y: number): number => Math.abs(x - y) / Math.abs(y);
const Tc = 1.2;

describe('gap Δ(T)', () => {
  it('Δ(0) = 1.764 k_B Tc, Δ(Tc) = 0 and Δ = 0 above Tc', () => {
    expect(rel(gap(0, Tc), 1.764 * kB * Tc)).toBeLessThan(2 * EPS);
    expect(rel(gapZero(Tc), 1.764 * kB * Tc)).toBeLessThan(2 * EPS);
    // tanh(1.74·√(Tc/T − 1)) = 1 to double precision once the argument exceeds ~19: T < Tc/120.
    expect(rel(gap(Tc / 200, Tc), gapZero(Tc))).toBeLessThan(2 * EPS);
    expect(gap(Tc, Tc)).toBe(0);
    expect(gap(1.5 * Tc, Tc)).toBe(0);
  });

  it('is strictly decreasing on (0, Tc) and vanishes like 1.764·1.74·k_B Tc·√(1 − T/Tc) at Tc', () => {
    let previous = gap(1e-3, Tc);
    for (let i = 1; i < 2000; i++) {
      const T = 0.05 + ((Tc - 0.05) * i) / 2000;
      const d = gap(T, Tc);
      expect(d).toBeLessThan(previous);
      previous = d;
    }
    // tanh u ≈ u for u = 1.74√(Tc/T − 1) → 0; relative correction u²/3 ≈ 1e-8 at T = Tc(1 − 1e-8)
    const T = Tc * (1 - 1e-8);
    expect(rel(gap(T, Tc), 1.764 * kB * Tc * 1.74 * Math.sqrt(Tc / T - 1))).toBeLessThan(1e-7);
  });

  it('gapDerivative equals a Richardson-extrapolated central difference (1e-8)', () => {
    // (4D(h/2) − D(h))/3 leaves O(h⁴Δ⁽⁵⁾); with h = 1e-3·min(T, Tc − T) that is ≲ 1e-10 relative. Rounding
    // adds ~2ε·Δ/h absolute, which matters at low T where Δ′ is exponentially small.
    for (const t of [0.05, 0.2, 0.4, 0.6, 0.8, 0.95, 0.99]) {
      const T = t * Tc;
      const h = 1e-3 * Math.min(T, Tc - T);
      const D = (s: number): number => (gap(T + s, Tc) - gap(T - s, Tc)) / (2 * s);
      const fd = (4 * D(h / 2) - D(h)) / 3;
      const d = gapDerivative(T, Tc);
      expect(d).toBeLessThan(0);
      expect(Math.abs(d - fd), `T/Tc = ${t}`).toBeLessThan(1e-8 * Math.abs(d) + (4 * EPS * gap(T, Tc)) / h);
    }
    expect(gapDerivative(1.3, Tc)).toBe(0);
  });
});

/** Principal complex square root of p + iq, as [re, im] with re ≥ 0 (test's own, via polar form). */
function csqrt(p: number, q: number): [number, number] {
  const r = Math.sqrt(Math.hypot(p, q));
  const phi = 0.5 * Math.atan2(q, p);
  return [r * Math.cos(phi), r * Math.sin(phi)];
}

describe('Dynes density of states', () => {
  const Delta = gapZero(Tc);

  it('agrees with the definition |Re[(E − iΓ)/√((E − iΓ)² − Δ²)]| computed by polar complex arithmetic', () => {
    // The polar form is accurate except where the square root's argument nearly cancels (deep in the
    // gap, |E| < Δ, where Re is a small difference): compare at 1e-12 outside the gap and inside the gap
    // at a tolerance scaled by N's size relative to |w/s| (~1).
    fc.assert(
      fc.property(
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.double({ min: -7, max: -1, noNaN: true }),
        (e, lg) => {
          const G = 10 ** lg * Delta;
          const E = e * Delta;
          const [u, v] = csqrt(E * E - G * G - Delta * Delta, -2 * E * G);
          const d = u * u + v * v;
          const re = (E * u - G * v) / d;
          const mod = Math.hypot(E, G) / Math.sqrt(d);
          return Math.abs(dynesDos(E, Delta, G) - Math.abs(re)) <= 1e-13 * mod;
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('is even in E (fast-check, to 2ε)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: -7, max: -1, noNaN: true }),
        (e, lg) => {
          const G = 10 ** lg * Delta;
          const n = dynesDos(e * Delta, Delta, G);
          return Math.abs(n - dynesDos(-e * Delta, Delta, G)) <= 2 * EPS * n;
        },
      ),
      { numRuns: 500 },
    );
  });

  it('N(0) = Γ/√(Γ² + Δ²) exactly, and N ≈ ΓΔ²/(Δ² − E²)^{3/2} inside the gap (no cancellation)', () => {
    const G = 1e-6 * Delta;
    expect(rel(dynesDos(0, Delta, G), G / Math.sqrt(G * G + Delta * Delta))).toBeLessThan(4 * EPS);
    // corrections O(Γ²/(Δ − |E|)²) ≤ 1e-10 for |E| ≤ 0.9Δ
    for (const e of [0.1, 0.5, 0.9]) {
      const E = e * Delta;
      expect(rel(dynesDos(E, Delta, G), (G * Delta * Delta) / (Delta * Delta - E * E) ** 1.5)).toBeLessThan(
        1e-9,
      );
    }
  });

  it('tends to the BCS E/√(E² − Δ²) away from the peak as Γ → 0, and to 1 + Δ²/(2E²) for |E| ≫ Δ', () => {
    // The first correction in Γ vanishes (N is even in Γ for real E): O((Γ/(|E| − Δ))²) ≈ 1e-16 here.
    const G = 1e-9 * Delta;
    for (const e of [1.05, 1.5, 3, 10]) {
      const E = e * Delta;
      expect(rel(dynesDos(E, Delta, G), E / Math.sqrt(E * E - Delta * Delta)), `E/Δ = ${e}`).toBeLessThan(
        1e-12,
      );
    }
    for (const e of [100, 1e3]) {
      const E = e * Delta;
      // N − 1 = Δ²/2E² + 3Δ⁴/8E⁴ + …
      expect(rel(dynesDos(E, Delta, G) - 1, (Delta * Delta) / (2 * E * E))).toBeLessThan(1e-3);
    }
    expect(Math.abs(dynesDos(1e6 * Delta, Delta, 1e-4 * Delta) - 1)).toBeLessThan(1e-12);
  });

  it('peak: maximum √(3√3/8)·√(Δ/2Γ) ≈ 0.806√(Δ/2Γ) at E = Δ + Γ/√3 (corrections O(Γ/Δ))', () => {
    // Near E = Δ: N ≈ √(Δ/2Γ)·Re[(x − i)^{-1/2}], x = (E − Δ)/Γ, maximal at x = cot(π/3) = 1/√3 with
    // value cos(π/6)√sin(π/3) = √(3√3/8). So the peak height is of order √(Δ/2Γ), as docs/model.md says.
    for (const gamma of [1e-4, 1e-6]) {
      const G = gamma * Delta;
      const scale = Math.sqrt(Delta / (2 * G));
      let best = { x: 0, n: 0 };
      for (let i = -2000; i <= 2000; i++) {
        const x = i / 200; // E − Δ in units of Γ, step Γ/200
        const n = dynesDos(Delta + x * G, Delta, G);
        if (n > best.n) best = { x, n };
      }
      expect(rel(best.n, Math.sqrt((3 * Math.sqrt(3)) / 8) * scale), `γ = ${gamma}`).toBeLessThan(
        10 * gamma + 1e-4,
      );
      expect(Math.abs(best.x - 1 / Math.sqrt(3))).toBeLessThan(0.01);
      expect(best.n / scale).toBeGreaterThan(0.5);
      expect(best.n / scale).toBeLessThan(1);
    }
  });

  it('conserves states: ∫_0^L (N − 1) dE = Re√((L − iΓ)² − Δ²) − L → −Δ²/2L (exact antiderivative)', () => {
    // d/dE √(w² − Δ²) = w/√(w² − Δ²) with w = E − iΓ, and at E = 0 the root is i√(Γ² + Δ²) (real part 0).
    for (const gamma of [1e-4, 1e-2]) {
      const G = gamma * Delta;
      for (const L of [10 * Delta, 1e3 * Delta]) {
        const breakpoints = [Delta];
        for (const k of [1, 10, 100, 1000]) breakpoints.push(Delta - k * G, Delta + k * G);
        const r = integrate((E) => dynesDos(E, Delta, G) - 1, 0, L, {
          breakpoints,
          epsRel: 1e-12,
          maxIntervals: 5000,
        });
        const [re] = csqrt(L * L - G * G - Delta * Delta, -2 * L * G);
        const exact = re - L;
        // ≈ 1e-10 of the integrand's scale L: the antiderivative's own rounding is ε·L.
        expect(Math.abs(r.value - exact), `γ = ${gamma}, L/Δ = ${L / Delta}`).toBeLessThan(
          1e-10 * Math.abs(exact) + 64 * EPS * L,
        );
        // the missing states → 0 as L grows: |∫(N − 1)| ≤ Δ²/L (it is ≈ Δ²/2L)
        expect(Math.abs(r.value)).toBeLessThan((Delta * Delta) / L);
      }
    }
  });

  it('dynesDosGapDerivative equals a Richardson difference in Δ, on and off the peak (1e-7)', () => {
    const G = 1e-4 * Delta;
    for (const e of [1e-12, 0.5, 0.999, 1, 1 + 1e-4, 1.001, 1.2, 3]) {
      const E = e * Delta;
      // step ≪ the distance to the peak (or ≪ Γ on it) so the Taylor remainder (h/dist)⁴ ≲ 1e-10
      const dist = Math.max(Math.abs(E - Delta), G);
      const h = 3e-3 * dist;
      const D = (s: number): number => (dynesDos(E, Delta + s, G) - dynesDos(E, Delta - s, G)) / (2 * s);
      const fd = (4 * D(h / 2) - D(h)) / 3;
      expect(rel(dynesDosGapDerivative(E, Delta, G), fd), `E/Δ = ${e}`).toBeLessThan(1e-7);
      expect(dynesDosGapDerivative(-E, Delta, G)).toBe(dynesDosGapDerivative(E, Delta, G));
    }
  });

  it('∂N/∂Δ at E = 0 is −ΓΔ/(Γ² + Δ²)^{3/2}, the limit from either side (N(0) = Γ/√(Γ² + Δ²))', () => {
    const G = 1e-4 * Delta;
    const exact = (-G * Delta) / (G * G + Delta * Delta) ** 1.5;
    expect(rel(dynesDosGapDerivative(1e-12 * Delta, Delta, G), exact)).toBeLessThan(1e-12);
    expect(rel(dynesDosGapDerivative(0, Delta, G), exact)).toBeLessThan(1e-12);
  });
});
