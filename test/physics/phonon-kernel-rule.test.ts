/**
 * The fixed e′ rule the J_ph,S tables are built on (kernelRule, ratioFromKernel, panelCoefficients) where
 * the tests of phonon-table-construction.test.ts do not reach: large γ, whose cuts at 30 and 300 Dynes
 * widths from δ and 2δ reach below e′ = 0 (test/fixtures/phonon-family.json), and the start of the
 * tables, t_e = 0.004 and 0.01, where the first panel [0, 0.01·t_e] and the geometric panels above it
 * must follow t_e (test/fixtures/phonon-table-start.json). References by generate_references.py and
 * generate_phonon_kernel_references.py.
 */
import { describe, expect, it } from 'vitest';
import { phononKernel } from '../../src/physics/electron-phonon.js';
import {
  kernelRule,
  panelCoefficients,
  ratioFromKernel,
  reducedGap,
} from '../../src/physics/electron-phonon-table.js';
import { loadFixture, type PhononPoint } from '../reference/fixture.js';

interface Point extends PhononPoint {
  normalStateJ: number;
}

const family = loadFixture<{ points: Point[] }>('phonon-family.json').points;
const start = loadFixture<{ points: Point[] }>('phonon-table-start.json').points;

/** ρ at one T_e for the given reference points (same T_e, Tc, γ), as the table generator computes it. */
function ruleRatios(refs: Point[]): Float64Array {
  const { Te, Tc, gamma } = refs[0];
  const te = Te / Tc;
  const { delta, g } = reducedGap(te, gamma);
  const rule = kernelRule(te, delta, g);
  // Every node of the rule lies in (0, upper]: a node at e′ ≤ 0 would weight the Bose factors there.
  expect(Math.min(...rule.nodes)).toBeGreaterThan(0);
  const kernel = Float64Array.from(rule.nodes, (x) => phononKernel(x, delta, g, te, 1e-10));
  return ratioFromKernel(
    te,
    refs.map((p) => p.Tb / Te),
    rule,
    kernel,
  );
}

function groups(points: Point[], select: (p: Point) => boolean): Point[][] {
  const by = new Map<string, Point[]>();
  for (const p of points.filter(select)) {
    const key = `${p.Te}|${p.Tc}|${p.gamma}`;
    by.set(key, [...(by.get(key) ?? []), p]);
  }
  return [...by.values()];
}

describe('ρ from the kernel rule against the references (1e-7 relative, as the tables)', () => {
  // One T_e per γ above 4e-3, and t_e = 0.004 at γ = 1e-3 and 0.01 at 1e-4: each kernel rule costs seconds.
  const largeGamma = groups(family, (p) => p.gamma > 4e-3 && p.Tb < p.Te).filter(
    (r, i, all) => all.findIndex((q) => q[0].gamma === r[0].gamma) === i,
  );
  const tableStart = groups(start, (p) => p.Tb < p.Te && p.Te / p.Tc < 0.005 === (p.gamma === 1e-3));

  it('has the cases: two γ above 4e-3 (300 Γ > δ), and t_e = 0.004 and 0.01', () => {
    expect(largeGamma.length).toBe(2);
    expect(tableStart.map((r) => Math.round((1000 * r[0].Te) / r[0].Tc)).sort()).toEqual([10, 4]);
  });

  for (const [name, cases] of [
    ['large γ (cuts 300 Γ below δ and 2δ fall below 0)', largeGamma],
    ['the start of the tables (t_e = 0.004, 0.01)', tableStart],
  ] as const) {
    it(name, { timeout: 60_000 }, () => {
      for (const refs of cases) {
        const rho = ruleRatios(refs);
        refs.forEach((p, j) => {
          const reference = p.J / p.normalStateJ;
          expect(
            Math.abs(rho[j] - reference) / Math.abs(reference),
            `T_e = ${p.Te} K, T_b = ${p.Tb} K, γ = ${p.gamma}`,
          ).toBeLessThan(1e-7);
        });
      }
    });
  }
});

describe('panelCoefficients', () => {
  it('returns exactly t_e nodes × v nodes finite coefficients (what the table files store)', () => {
    for (const [teNodes, vNodes] of [
      [3, 4],
      [14, 32],
    ] as const) {
      const values = Array.from(
        { length: teNodes },
        (_, i) => new Float64Array(Array.from({ length: vNodes }, (_, j) => Math.cos(i + 0.3 * j))),
      );
      const c = panelCoefficients(values, teNodes, vNodes);
      expect(c.length).toBe(teNodes * vNodes);
      expect(c.every((x) => Number.isFinite(x))).toBe(true);
    }
  });
});
