/**
 * J_ph,S at the edges of the shipped tables' T_e range (test/fixtures/phonon-edges.json, docs/model.md §4):
 * within 2 % of Tc (0.98–0.999 Tc, where Δ closes as sqrt(Tc − T_e)) and below 0.1 K (0.03–0.09 K,
 * where the Dynes in-gap states carry the heat), for the tabulated γ = 1e-4 and 1e-3, with T_b from
 * 10 mK to 0.5 mK below T_e.
 *
 * Stated accuracy (docs/accuracy.md): 1e-7 relative, as in the interior (test/reference/phonon.test.ts).
 * The reference's own error (|16-node − 24-node| rule) is required to be twenty times smaller.
 */
import { describe, expect, it } from 'vitest';
import {
  phononHeatSuperconductor,
  phononHeatSuperconductorDirect,
  type Superconductor,
} from '../../src/index.js';
import { checkPhonon, ErrorTally, loadFixture } from './fixture.js';

interface Point {
  Te: number;
  Tb: number;
  Tc: number;
  gamma: number;
  Sigma: number;
  volume: number;
  J: number;
  JAbsError: number;
  normalStateJ: number;
  region: 'near Tc' | 'below 0.1 K';
}

const fixture = loadFixture<{ points: Point[] }>('phonon-edges.json');
const TOL = 1e-7;

const label = (p: Point): string =>
  `T_e=${p.Te} K (${(p.Te / p.Tc).toFixed(4)} Tc), T_b=${p.Tb} K, γ=${p.gamma} [${p.region}]`;

const check = (
  what: string,
  f: (sc: Superconductor, Te: number, Tb: number) => number,
  points: Point[],
): ErrorTally => checkPhonon(what, f, points, label, TOL);

describe('J_ph,S near Tc and below 0.1 K against the reference', () => {
  it('the fixture covers 0.98–0.999 Tc and 0.03–0.09 K for γ = 1e-4 and 1e-3, with errors far below 1e-7', () => {
    const near = fixture.points.filter((p) => p.region === 'near Tc');
    const cold = fixture.points.filter((p) => p.region === 'below 0.1 K');
    expect(Math.min(...near.map((p) => p.Te / p.Tc))).toBeCloseTo(0.98, 12);
    expect(Math.max(...near.map((p) => p.Te / p.Tc))).toBeCloseTo(0.999, 12);
    expect(Math.min(...cold.map((p) => p.Te))).toBe(0.03);
    expect(Math.max(...cold.map((p) => p.Te))).toBe(0.09);
    expect(new Set(fixture.points.map((p) => p.gamma))).toEqual(new Set([1e-4, 1e-3]));
    for (const p of fixture.points) {
      expect(p.Te / p.Tc, label(p)).toBeLessThan(1);
      expect(p.JAbsError / Math.abs(p.J), label(p)).toBeLessThan(TOL / 20);
    }
  });

  it('the physics the fixture must show: near Tc J_ph,S tends to the normal-state value', () => {
    for (const p of fixture.points.filter((q) => q.region === 'near Tc')) {
      // ρ = J/J_N → 1 as Δ → 0 (within 2 % at 0.98 Tc, 0.2 % at 0.999 Tc for these T_b)
      expect(Math.abs(p.J / p.normalStateJ - 1), label(p)).toBeLessThan(0.05);
    }
  });

  it(`phononHeatSuperconductor (the shipped tables) within ${TOL} relative`, () => {
    const t = check('phononHeatSuperconductor', phononHeatSuperconductor, fixture.points);
    expect(t.failed, t.summary()).toBe(0);
  });

  // The direct nested quadrature is slow (~1 s per point): one point per region.
  const directSubset = fixture.points.filter(
    (p) =>
      (p.Te === 0.05 && p.Tb === 0.01 && p.gamma === 1e-4) ||
      (p.Te / p.Tc > 0.9985 && p.Tb === 0.01 && p.gamma === 1e-4),
  );

  it(
    `phononHeatSuperconductorDirect within ${TOL} relative (one point per region)`,
    { timeout: 600_000 },
    () => {
      expect(directSubset.length).toBe(2);
      const t = check('phononHeatSuperconductorDirect', phononHeatSuperconductorDirect, directSubset);
      expect(t.failed, t.summary()).toBe(0);
    },
  );
});
