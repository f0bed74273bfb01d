/**
 * The direct nested quadrature of J_ph,S (the reference path: phononKernel with its principal value,
 * reducedPhononHeatDirect, phononHeatSuperconductorDirect) at a few points of each kind, against the
 * mpmath references of test/fixtures/phonon.json (generate_references.py) and the normal-state closed
 * form. Few points, so that each costs seconds: the table-backed J_ph,S is tested everywhere else.
 */
import { describe, expect, it } from 'vitest';
import fixture from '../fixtures/phonon.json' with { type: 'json' };
import {
  phononHeatSuperconductorDirect,
  reducedPhononHeatDirect,
} from '../../src/physics/electron-phonon.js';
import { relativeError, type PhononPoint } from '../reference/fixture.js';

type Point = PhononPoint & { region: string };
const points = fixture.points as Point[];
const rel = relativeError;

/** The first fixture point of a region, with T_e above or below T_b as asked. */
function pick(region: string, hotter: boolean): Point {
  const p = points.find((q) => q.region === region && q.Te > q.Tb === hotter);
  if (!p) throw new Error(`no ${region} point in phonon.json`);
  return p;
}

describe('J_ph,S by direct quadrature against mpmath (1e-8)', () => {
  const cases: [string, Point][] = [
    ['in the gap (T_e ≪ Tc)', pick('in-gap', true)],
    ['general, heat out', pick('general', true)],
    ['T_b just below T_e', pick('T_b near T_e', true)],
  ];
  const inflow = points.find((q) => q.Tb > q.Te);
  if (inflow) cases.push(['T_b above T_e (heat flows in, J < 0)', inflow]);
  for (const [name, p] of cases) {
    it(`${name}: T_e = ${p.Te} K, T_b = ${p.Tb} K`, () => {
      const sc = { Tc: p.Tc, gamma: p.gamma, Sigma: p.Sigma, volume: p.volume };
      expect(rel(phononHeatSuperconductorDirect(sc, p.Te, p.Tb), p.J)).toBeLessThan(1e-8);
    });
  }
});

describe('J_ph,S by direct quadrature: exact limits', () => {
  it('gap closed (t_e ≥ 1): j ∝ t_e⁵ − t_b⁵, the normal-state form, for a bath at 0, below and above', () => {
    // With Δ = 0 the reduced kernel is −e′², so j = (t_e⁵ − t_b⁵) · j(1, 0) / 1 for every t_b.
    const j10 = reducedPhononHeatDirect(1.2, 0, 1e-4);
    expect(
      rel(reducedPhononHeatDirect(1.5, 0.4, 1e-4), (j10 * (1.5 ** 5 - 0.4 ** 5)) / 1.2 ** 5),
    ).toBeLessThan(1e-8);
    expect(rel(reducedPhononHeatDirect(1.3, 2, 1e-4), (j10 * (1.3 ** 5 - 2 ** 5)) / 1.2 ** 5)).toBeLessThan(
      1e-8,
    );
  });
  it('equal temperatures: exactly 0', () => {
    expect(reducedPhononHeatDirect(0.4, 0.4, 1e-4)).toBe(0);
  });
});
