/** Zero-bias NIS resistance R/R0 = 1/G(T) (docs/model.md §2): tabulated fast path vs direct quadrature, limits, derivative. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gapZero, kB } from '../../src/index.js';
// The module itself, unchecked: the limits below reach under the public domain's 0.004 Tc.
import {
  conductanceRatioDerivativeDirect,
  conductanceRatioDirect,
  resistanceRatio,
  resistanceRatioDerivative,
  resistanceRatioDirect,
  resistanceTable,
  RESISTANCE_GAMMA_GRID,
  buildResistanceTable,
  hasResistanceTable,
  loadResistanceGrid,
} from '../../src/physics/resistance.js';

const rel = (x: number, y: number): number => Math.abs(x - y) / Math.abs(y);
const Tc = 1.2;
const al = { Tc, gamma: 1e-4 };

describe('R/R0: limits', () => {
  it('= 1 at and above Tc, on both paths', () => {
    for (const T of [Tc, 1.3, 5]) {
      expect(resistanceRatio(T, al)).toBe(1);
      expect(resistanceRatioDirect(T, al)).toBe(1);
      expect(resistanceRatioDerivative(T, al)).toBe(0);
    }
  });

  it('saturates at the Γ-limited value 1/N_S(0) = √(1 + γ²)/γ as T → 0, with the Sommerfeld correction (1e-6)', () => {
    // In the gap N_S ≈ N_S(0)(1 + 3E²/2Δ²), and ⟨E²⟩ under −∂f/∂E is π²(k_BT)²/3, so
    // G ≈ N_S(0)·(1 + (π²/2)(k_BT/Δ0)²); the next terms are O((k_BT/Δ0)⁴) ≈ 1e-9 and O(γ²).
    for (const gamma of [1e-4, 1e-3]) {
      const sc = { Tc, gamma };
      for (const t of [0.01, 5e-4]) {
        const T = t * Tc;
        const x = (kB * T) / gapZero(Tc);
        const expected = Math.sqrt(1 + gamma * gamma) / gamma / (1 + (Math.PI ** 2 / 2) * x * x);
        // t = 5e-4 is below the table: the direct path answers there
        expect(rel(resistanceRatio(T, sc), expected), `γ = ${gamma}, T/Tc = ${t}`).toBeLessThan(1e-6);
      }
    }
  });

  it("docs/model.md's rough numbers (γ = 1e-4, Tc = 1.2 K) to 2%: 9.9e3 @ 0.1 K, 158 @ 0.3 K, 11.2 @ 0.5 K, 1.46 @ 1.0 K", () => {
    for (const [T, R] of [
      [0.1, 9.9e3],
      [0.3, 158],
      [0.5, 11.2],
      [1.0, 1.46],
    ]) {
      expect(rel(resistanceRatio(T, al), R), `T = ${T} K`).toBeLessThan(0.02);
    }
  });

  it('is decreasing in T on (0, Tc) and ≥ 1', () => {
    let previous = Infinity;
    for (let i = 1; i < 400; i++) {
      const r = resistanceRatio((Tc * i) / 400, al);
      expect(r).toBeLessThan(previous);
      expect(r).toBeGreaterThan(1);
      previous = r;
    }
  });

  it('depends on γ only at low T (claim 1): γ = 1e-4 vs 1e-3 differ < 2% for T ≥ 0.4 Tc, > 40% for T ≤ 0.2 Tc', () => {
    // A sanity check of paper Fig. 1c. The crossover is gradual: 14% at 0.25 Tc, 5% at 0.3 Tc.
    const ratio = (t: number): number =>
      resistanceRatio(t * Tc, { Tc, gamma: 1e-3 }) / resistanceRatio(t * Tc, al);
    for (const t of [0.4, 0.5, 0.7, 0.9, 0.99])
      expect(Math.abs(ratio(t) - 1), `T/Tc = ${t}`).toBeLessThan(0.02);
    for (const t of [0.05, 0.1, 0.15, 0.2])
      expect(Math.abs(ratio(t) - 1), `T/Tc = ${t}`).toBeGreaterThan(0.4);
  });
});

describe('R/R0: the table against direct quadrature', () => {
  it('fast path vs resistanceRatioDirect: rel ≤ 1e-10 for T/Tc ∈ [0.02, 0.999], γ ∈ [1e-6, 1e-1] (fast-check, 12 γ × 20 T)', () => {
    // Each new γ builds its table once (~0.1–0.4 s), so the γ count is kept small and T is drawn densely.
    fc.assert(
      fc.property(
        fc.double({ min: -6, max: -1, noNaN: true }),
        fc.array(fc.double({ min: 0.02, max: 0.999, noNaN: true }), { minLength: 20, maxLength: 20 }),
        (lg, ts) => {
          const sc = { Tc, gamma: 10 ** lg };
          return ts.every(
            (t) => rel(resistanceRatio(t * Tc, sc), resistanceRatioDirect(t * Tc, sc)) <= 1e-10,
          );
        },
      ),
      { numRuns: 12 },
    );
  });

  it('the same on a dense set for the paper γ = 1e-4 (500 random T)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.02, max: 0.999, noNaN: true }), (t) => {
        return rel(resistanceRatio(t * Tc, al), resistanceRatioDirect(t * Tc, al)) <= 1e-10;
      }),
      { numRuns: 500 },
    );
  });

  it("the table's recorded maxCheckedError is ≤ its 2e-13 target and honest on a dense grid of ln(Tc/T)", () => {
    for (const gamma of [1e-4, 1e-3]) {
      const table = resistanceTable(gamma);
      expect(table.maxCheckedError).toBeLessThanOrEqual(2e-13);
      expect(table.maxCheckedError).toBeGreaterThan(0);
      // The table interpolates L(s) = ln G at s = ln(Tc/T) on [0, ln 1000]; check 1200 points.
      let worst = 0;
      const sMax = Math.log(1000);
      for (let i = 0; i <= 1200; i++) {
        const s = (sMax * i) / 1200;
        const exact = Math.log(conductanceRatioDirect(Math.exp(-s), { Tc: 1, gamma }));
        worst = Math.max(worst, Math.abs(table.evaluate(s) - exact));
      }
      // The direct path itself is good to ~1e-13 (epsRel of its quadrature), so allow that on top.
      expect(worst, `γ = ${gamma}`).toBeLessThanOrEqual(2 * table.maxCheckedError + 2e-13);
    }
  });
});

describe('d(R/R0)/dT', () => {
  const points = [0.002, 0.03, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1.1, 1.15, 1.199];

  it('table derivative vs the second method −(dG/dT)/G² with dG/dT by quadrature of ∂/∂T (1e-9)', () => {
    for (const T of points) {
      const G = conductanceRatioDirect(T, al);
      const second = -conductanceRatioDerivativeDirect(T, al) / (G * G);
      expect(resistanceRatioDerivative(T, al)).toBeLessThan(0);
      // 1e-9 relative, or the table's error in dL/ds (~1e-10 for L = ln G interpolated to 2e-13 with
      // 17-node panels) times R/T where the derivative itself is tiny (k_BT ≪ Δ: dR/dT ∝ T).
      const R = resistanceRatio(T, al);
      expect(Math.abs(resistanceRatioDerivative(T, al) - second), `T = ${T} K`).toBeLessThan(
        1e-9 * Math.abs(second) + (1e-10 * R) / T,
      );
    }
  });

  it('vs a Richardson-extrapolated central difference of the direct path (1e-8)', () => {
    // (4D(h/2) − D(h))/3 with h = 1e-3·min(T, Tc − T): remainder O((h/scale)⁴) ≲ 1e-11; the direct path's
    // ~1e-13 relative noise divided by h/T = 1e-3 gives ≲ 1e-10 relative. Bound 1e-8.
    for (const T of points) {
      const h = 1e-3 * Math.min(T, Tc - T);
      const D = (s: number): number =>
        (resistanceRatioDirect(T + s, al) - resistanceRatioDirect(T - s, al)) / (2 * s);
      const fd = (4 * D(h / 2) - D(h)) / 3;
      expect(rel(resistanceRatioDerivative(T, al), fd), `T = ${T} K`).toBeLessThan(1e-8);
    }
  });
});

describe('shipped R/R0 tables (the paper’s γ, stored so that nothing is tabulated at start-up)', () => {
  for (const gamma of [1e-4, 1e-3]) {
    it(`γ = ${gamma}: the stored table is what buildResistanceTable builds now`, () => {
      const shipped = resistanceTable(gamma);
      const fresh = buildResistanceTable(gamma);
      expect(shipped.panels.map((p) => [p.a, p.b])).toEqual(fresh.panels.map((p) => [p.a, p.b]));
      // Same panels and coefficients up to the last bits a different build of Math could move.
      for (let s = 0; s <= Math.log(1e3); s += 0.0137) {
        expect(Math.abs(shipped.evaluate(s) - fresh.evaluate(s))).toBeLessThan(1e-14);
      }
      expect(shipped.maxCheckedError).toBeLessThanOrEqual(2e-13);
    });
  }
});

describe('stored R/R0 tables of the γ grid (the explorer slider’s values)', () => {
  it('cover the grid once loaded, and each is what buildResistanceTable builds now (3 sampled)', async () => {
    await loadResistanceGrid();
    for (const gamma of RESISTANCE_GAMMA_GRID) expect(hasResistanceTable(gamma), `γ = ${gamma}`).toBe(true);
    for (const gamma of [RESISTANCE_GAMMA_GRID[0], RESISTANCE_GAMMA_GRID[37], RESISTANCE_GAMMA_GRID[100]]) {
      const stored = resistanceTable(gamma);
      const fresh = buildResistanceTable(gamma);
      expect(stored.panels.map((p) => [p.a, p.b])).toEqual(fresh.panels.map((p) => [p.a, p.b]));
      for (let s = 0; s <= Math.log(1e3); s += 0.0371) {
        expect(Math.abs(stored.evaluate(s) - fresh.evaluate(s))).toBeLessThan(1e-14);
      }
    }
  });
});
