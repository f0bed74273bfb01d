/**
 * J_ph,S where the shipped tables begin (test/fixtures/phonon-table-start.json, made by
 * generate_phonon_kernel_references.py): T_e = 0.004 Tc (the lowest temperature accepted anywhere,
 * MIN_REDUCED_TEMPERATURE) and 0.01 Tc, for the tabulated γ = 1e-4 and 1e-3, three baths each. There the
 * Dynes in-gap states carry all the heat and J_ph,S is a few per cent of its normal-state value or less.
 *
 * Stated accuracy (docs/accuracy.md): 1e-7 relative, as in the interior; the reference's own error is
 * required to be twenty times smaller.
 */
import { describe, expect, it } from 'vitest';
import { MIN_REDUCED_TEMPERATURE, phononHeatSuperconductor } from '../../src/index.js';
import { checkPhonon, loadFixture, type PhononPoint } from './fixture.js';

interface Point extends PhononPoint {
  JAbsError: number;
  normalStateJ: number;
}

const fixture = loadFixture<{ points: Point[] }>('phonon-table-start.json');
const TOL = 1e-7;
const label = (p: Point): string =>
  `T_e=${p.Te} K (${(p.Te / p.Tc).toFixed(4)} Tc), T_b=${(p.Tb / p.Te).toFixed(3)} T_e, γ=${p.gamma}`;

describe('J_ph,S at the start of the shipped tables against the reference', () => {
  it('the fixture is at 0.004 Tc (the domain’s lowest) and 0.01 Tc, γ = 1e-4 and 1e-3, errors far below 1e-7', () => {
    const reduced = new Set(fixture.points.map((p) => p.Te / p.Tc));
    expect([...reduced].sort()).toEqual([MIN_REDUCED_TEMPERATURE, 0.01]);
    expect(new Set(fixture.points.map((p) => p.gamma))).toEqual(new Set([1e-4, 1e-3]));
    for (const p of fixture.points) {
      expect(p.Tb, label(p)).toBeLessThan(p.Te);
      expect(p.J, label(p)).toBeGreaterThan(0);
      // In-gap states only: far below the normal-state value (which Δ → 0 would give); more of them at larger γ.
      expect(p.J / p.normalStateJ, label(p)).toBeLessThan(p.gamma === 1e-4 ? 0.01 : 0.1);
      expect(p.JAbsError / Math.abs(p.J), label(p)).toBeLessThan(TOL / 20);
    }
  });

  it(`phononHeatSuperconductor (the shipped tables) within ${TOL} relative`, () => {
    const t = checkPhonon('phononHeatSuperconductor', phononHeatSuperconductor, fixture.points, label, TOL);
    expect(t.failed, t.summary()).toBe(0);
  });
});
