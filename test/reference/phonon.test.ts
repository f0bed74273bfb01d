/**
 * J_ph,S (Timofeev, coth of the phonon energy) against references (test/fixtures/phonon.json, docs/model.md §4).
 * Stated accuracy: 1e-7 relative, T_e from 0.1 K (in-gap states dominate) to 1.19 K, T_b from 10 mK to
 * just below T_e (docs/accuracy.md).
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
  JRelError: number;
  normalStateJ: number;
  region: string;
}

interface Check {
  check: string;
  relDiff: number;
}

const fixture = loadFixture<{ points: Point[]; meta: { checks: Check[] } }>('phonon.json');
const TOL = 1e-7;

const label = (p: Point): string => `T_e=${p.Te} K, T_b=${p.Tb} K, γ=${p.gamma} [${p.region}]`;

const check = (
  what: string,
  f: (sc: Superconductor, Te: number, Tb: number) => number,
  points: Point[],
): ErrorTally => checkPhonon(what, f, points, label, TOL);

describe('J_ph,S against the reference', () => {
  it('the reference is converged, reduces to Σ V (T_e⁵ − T_b⁵) in the normal state and matches the double integral', () => {
    for (const p of fixture.points) expect(p.JRelError, label(p)).toBeLessThan(TOL / 20);
    const kinds = new Set(fixture.meta.checks.map((c) => c.check));
    expect(kinds).toEqual(new Set(['normal-state limit', 'reduced form vs original double integral']));
    for (const c of fixture.meta.checks) expect(c.relDiff, c.check).toBeLessThan(TOL / 10);
    // Physics the fixture must show: heat flows from hot to cold once quasiparticles dominate (T_e ≥ 0.2 K;
    // below, with T_b close to T_e, the Dynes in-gap states reverse the sign, see docs/accuracy.md), and
    // J_ph,S is exponentially suppressed relative to the normal state at 0.1 K.
    for (const p of fixture.points.filter((q) => q.Te >= 0.2 || q.Tb === 0.01)) {
      expect(Math.sign(p.J), label(p)).toBe(Math.sign(p.Te - p.Tb));
    }
    const cold = fixture.points.find((p) => p.Te === 0.1 && p.Tb === 0.01);
    expect(cold && cold.J / cold.normalStateJ).toBeLessThan(1e-5);
  });

  it(`phononHeatSuperconductor within ${TOL} relative`, () => {
    const t = check('phononHeatSuperconductor', phononHeatSuperconductor, fixture.points);
    expect(t.failed, t.summary()).toBe(0);
  });

  // The direct nested quadrature is the slow reference path: one point per region keeps the test short.
  const directSubset = fixture.points.filter(
    (p) =>
      (p.Te === 0.15 && p.Tb === 0.01) ||
      (p.Te === 0.5 && p.Tb === 0.01 && p.gamma === 1e-4) ||
      (p.Te === 0.8 && p.Tb === 0.795) ||
      (p.Te === 1.19 && p.Tb === 1),
  );

  it(
    `phononHeatSuperconductorDirect within ${TOL} relative (one point per region)`,
    { timeout: 600_000 },
    () => {
      expect(directSubset.length).toBe(4);
      const t = check('phononHeatSuperconductorDirect', phononHeatSuperconductorDirect, directSubset);
      expect(t.failed, t.summary()).toBe(0);
    },
  );
});
