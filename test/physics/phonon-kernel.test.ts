/**
 * The kernel h(e′; t_e) of the direct J_ph,S quadrature (phononKernel: adaptive Gauss–Kronrod with the
 * principal value at e = −e′ taken by pairing) against test/fixtures/phonon-kernel.json, computed by a
 * composite Gauss–Legendre rule of its own (generate_phonon_kernel_references.py). The points sit where
 * the adaptive rule depends on what it is told: e′ next to δ and 2δ (a Dynes peak at the edge of the
 * principal-value window) at 0, 1, 30 and 300 Dynes widths, Γ from 1.8e-6 to 0.18, t_e from 0.004 to
 * 0.99999 Tc, and the normal state (δ = 0) up to t_e = 5.
 */
import { describe, expect, it } from 'vitest';
import { phononKernel } from '../../src/physics/electron-phonon.js';
import { ErrorTally, loadFixture } from '../reference/fixture.js';

interface KernelPoint {
  ePrime: number;
  delta: number;
  g: number;
  te: number;
  gamma: number;
  h: number;
  /** |16-node − 24-node rule| of the reference */
  hAbsError: number;
}

const { points } = loadFixture<{ points: KernelPoint[] }>('phonon-kernel.json');

/** The kernel is asked for 1e-10 (the inner tolerance of the direct path); checked to 1e-8 of |h|. */
const TOLERANCE = 1e-8;

describe('J_ph,S kernel h(e′; t_e) against the Gauss–Legendre references', () => {
  it('covers the stressed regions', () => {
    expect(points.length).toBeGreaterThan(600);
    expect(points.some((p) => p.delta === 0 && p.te >= 2)).toBe(true);
    expect(points.some((p) => p.gamma === 1e-6 && Math.abs(p.ePrime - p.delta - 30 * p.g) < 1e-12)).toBe(
      true,
    );
  });

  for (const [name, select] of [
    ['deep in the gap (t_e ≤ 0.083)', (p: KernelPoint) => p.delta > 0 && p.te <= 0.083],
    ['t_e from 0.3 to 0.9', (p: KernelPoint) => p.delta > 0 && p.te > 0.083 && p.te <= 0.9],
    ['Δ closing (t_e ≥ 0.999)', (p: KernelPoint) => p.delta > 0 && p.te > 0.9],
    ['normal state (δ = 0, t_e = 1, 2, 5)', (p: KernelPoint) => p.delta === 0],
  ] as const) {
    it(`${name}: within 1e-8 of |h| plus the reference's own error`, () => {
      const tally = new ErrorTally(`h(e′) ${name}`);
      const chosen = points.filter(select);
      expect(chosen.length).toBeGreaterThan(15);
      for (const p of chosen) {
        const h = phononKernel(p.ePrime, p.delta, p.g, p.te);
        const label = `t_e=${p.te}, γ=${p.gamma}, e′=${p.ePrime}`;
        tally.add(label, Math.abs(h - p.h), TOLERANCE * Math.abs(p.h) + p.hAbsError, `h=${h}, ref=${p.h}`);
      }
      expect(tally.failed, tally.summary()).toBe(0);
    });
  }

  it('normal state: h = −e′² exactly in the model, so the references and the kernel both give it', () => {
    // An analytic check of the references themselves where δ = 0.
    for (const p of points.filter((q) => q.delta === 0)) {
      expect(Math.abs(p.h + p.ePrime ** 2)).toBeLessThan(1e-9 * p.ePrime ** 2);
    }
  });
});
