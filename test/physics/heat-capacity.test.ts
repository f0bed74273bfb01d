/**
 * Electronic heat capacities: the superconductor's C_S = T dS/dT (Dynes DOS, gap T-dependence) against
 * mpmath's central difference of the entropy itself (test/fixtures/generate_dynamics.py), and the limits.
 */
import { describe, expect, it } from 'vitest';
import {
  heatCapacityNormal,
  heatCapacitySuperconductor,
  platformDevice,
  reducedHeatCapacitySuperconductor,
  reservoirHeatCapacity,
  SOMMERFELD,
} from '../../src/index.js';
import { loadFixture } from '../reference/fixture.js';

const fixture = loadFixture<{ points: { t: number; gamma: number; ratio: number; error: number }[] }>(
  'heat-capacity.json',
);

describe('superconductor heat capacity', () => {
  it('matches the mpmath derivative of the entropy to 1e-8 relative', () => {
    expect(fixture.points.length).toBeGreaterThan(10);
    for (const p of fixture.points) {
      const c = reducedHeatCapacitySuperconductor(p.t, p.gamma);
      expect(p.error).toBeLessThan(1e-10 * p.ratio);
      expect(Math.abs(c - p.ratio), `t = ${p.t}, γ = ${p.gamma}`).toBeLessThan(1e-8 * p.ratio);
    }
  });

  it('is the normal-state γVT at and above Tc, and jumps by ≈ 1.43 γVTc just below it (BCS)', () => {
    expect(reducedHeatCapacitySuperconductor(1, 1e-4)).toBe(1);
    expect(reducedHeatCapacitySuperconductor(1.2, 1e-4)).toBe(1);
    // BCS: C_s/C_n → 1 + 1.43 at Tc⁻; the interpolated gap of docs/model.md §1 gives Δ² slope (1.764·1.74)².
    const below = reducedHeatCapacitySuperconductor(1 - 1e-6, 1e-6);
    expect(below).toBeGreaterThan(2.3);
    expect(below).toBeLessThan(2.6);
  });

  it('is exponentially small deep in the gap for a clean BCS DOS', () => {
    // C_S ∝ e^{−Δ/k_BT}: ln(C) difference between t = 0.1 and 0.08 follows Δ0/k_B(1/0.08 − 1/0.1) to 15 %.
    const g = 1e-9;
    const slope = Math.log(
      reducedHeatCapacitySuperconductor(0.1, g) / reducedHeatCapacitySuperconductor(0.08, g),
    );
    const expected = 1.764 * (1 / 0.08 - 1 / 0.1);
    expect(Math.abs(slope / expected - 1)).toBeLessThan(0.15);
  });
});

describe('reservoir heat capacity', () => {
  it('is γ_N V_N T plus the superconductor, with the platform defaults', () => {
    const ag = platformDevice('ag');
    const T = 0.3;
    expect(heatCapacityNormal(ag.left.normal, T)).toBeCloseTo(SOMMERFELD.Ag * 5.2e-21 * T, 30);
    expect(reservoirHeatCapacity(ag.left, T)).toBe(
      heatCapacityNormal(ag.left.normal, T) + heatCapacitySuperconductor(ag.left.superconductor, T),
    );
    const inas = platformDevice('inas');
    expect(heatCapacityNormal(inas.left.normal, T)).toBeCloseTo(SOMMERFELD.InAs * 5.2e-20 * T, 35);
    const own = { ...ag.left.normal, sommerfeld: 100 };
    expect(heatCapacityNormal(own, T)).toBeCloseTo(100 * 5.2e-21 * T, 30);
  });
});
