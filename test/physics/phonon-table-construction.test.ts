/**
 * How a J_ph,S table is built and read (src/physics/electron-phonon-table.ts, the functions that
 * scripts/generate-phonon-table.ts and generate-phonon-family.ts call): the tensor Chebyshev layout is
 * checked on polynomials it must reproduce exactly, and ρ from one kernel rule against the mpmath
 * references of test/fixtures/phonon.json and phonon-edges.json.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { phononKernel } from '../../src/physics/electron-phonon.js';
import {
  chebyshevNodes,
  evaluateTable,
  kernelRule,
  panelCoefficients,
  phononTableLookup,
  ratioFromKernel,
  reducedGap,
  type PhononRatioTable,
} from '../../src/physics/electron-phonon-table.js';
import { gap } from '../../src/physics/gap.js';
import { BCS_GAP_RATIO, kB } from '../../src/physics/constants.js';
import { loadFixture, type PhononPoint } from '../reference/fixture.js';

/** Σ a_ij te^i v^j as a function, its degree in t_e below `teNodes` and in v below `vNodes`. */
type Poly = number[][];
const evalPoly = (p: Poly, te: number, v: number): number =>
  p.reduce((s, row, i) => s + row.reduce((r, a, j) => r + a * te ** i * v ** j, 0), 0);

/** A table of `poly` on `edges`, built as the generators build theirs (values at the tensor nodes). */
function tableOf(poly: Poly, edges: number[], teNodes: number, vNodes: number): PhononRatioTable {
  const vs = chebyshevNodes(vNodes, 0, 1);
  const coefficients = edges.slice(1).map((b, p) => {
    const tes = chebyshevNodes(teNodes, edges[p], b);
    const values = Array.from(tes, (te) => Float64Array.from(vs, (v) => evalPoly(poly, te, v)));
    return panelCoefficients(values, teNodes, vNodes);
  });
  return {
    gamma: 0,
    teEdges: edges,
    teNodes,
    vNodes,
    coefficients,
    maxRelativeError: 0,
    checkPoints: 0,
    generator: 'test',
  };
}

describe('tensor Chebyshev tables (panelCoefficients, evaluateTable)', () => {
  const edges = [0.004, 0.1, 0.35, 0.6, 1];
  // Rows of different length in v (trailing zero coefficients), an even and an odd number of t_e
  // nodes: every branch of the two-rows-at-a-time Clenshaw sum.
  const polys = fc.record({
    teNodes: fc.integer({ min: 2, max: 9 }),
    vNodes: fc.integer({ min: 2, max: 9 }),
    seed: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 81, maxLength: 81 }),
    vDegrees: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 9, maxLength: 9 }),
    points: fc.array(
      fc.tuple(fc.double({ min: 0.004, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
      {
        minLength: 5,
        maxLength: 5,
      },
    ),
  });

  it('reproduce any polynomial of degree below the node counts, on every panel (fast-check)', () => {
    fc.assert(
      fc.property(polys, ({ teNodes, vNodes, seed, vDegrees, points }) => {
        const poly: Poly = Array.from({ length: teNodes }, (_, i) =>
          Array.from({ length: vNodes }, (_, j) => (j <= vDegrees[i] ? 1 + seed[i * 9 + j] : 0)),
        );
        const table = tableOf(poly, edges, teNodes, vNodes);
        const probes: [number, number][] = [...points, [0.004, 0], [1, 1], [0.1, 0.5], [0.35, 1], [0.6, 0]];
        for (const [te, v] of probes) {
          const exact = evalPoly(poly, te, v);
          const scale = poly.flat().reduce((s, a) => s + Math.abs(a), 0);
          expect(Math.abs(evaluateTable(table, te, v) - exact), `t_e=${te}, v=${v}`).toBeLessThan(
            1e-13 * scale,
          );
        }
      }),
      { numRuns: 200 },
    );
  });

  it('reproduce any Chebyshev series, whatever the length of each row in v (fast-check)', () => {
    // Given by its coefficients C_kj T_k(x) T_j(2v − 1) on each panel: rows may be longer at higher k
    // than at lower k, or empty, which a polynomial in t_e never gives (its row k collects t_e^i, i ≥ k).
    const series = fc.record({
      teNodes: fc.integer({ min: 2, max: 7 }),
      vNodes: fc.integer({ min: 2, max: 7 }),
      rows: fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 7, maxLength: 7 }),
      seed: fc.array(fc.double({ min: 0.5, max: 1, noNaN: true }), { minLength: 49, maxLength: 49 }),
      points: fc.array(
        fc.tuple(fc.double({ min: 0.004, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
        { minLength: 5, maxLength: 5 },
      ),
    });
    const T = (k: number, x: number): number => Math.cos(k * Math.acos(Math.min(1, Math.max(-1, x))));
    fc.assert(
      fc.property(series, ({ teNodes, vNodes, rows, seed, points }) => {
        // row 0 keeps one term so that the cut of negligible terms (1e-13 of C_00) keeps the rest
        const C = Array.from({ length: teNodes }, (_, k) =>
          Array.from({ length: vNodes }, (_, j) =>
            j < Math.max(rows[k], k === 0 ? 1 : 0) ? seed[k * 7 + j] : 0,
          ),
        );
        const f = (p: number, te: number, v: number): number => {
          const x = (2 * te - edges[p] - edges[p + 1]) / (edges[p + 1] - edges[p]);
          return C.reduce(
            (s, row, k) => s + row.reduce((r, c, j) => r + c * T(k, x) * T(j, 2 * v - 1), 0),
            0,
          );
        };
        const vs = chebyshevNodes(vNodes, 0, 1);
        const coefficients = edges.slice(1).map((b, p) =>
          panelCoefficients(
            Array.from(chebyshevNodes(teNodes, edges[p], b), (te) =>
              Float64Array.from(vs, (v) => f(p, te, v)),
            ),
            teNodes,
            vNodes,
          ),
        );
        const table: PhononRatioTable = { ...tableOf([[0]], edges, teNodes, vNodes), coefficients };
        for (const [te, v] of points) {
          const p = Math.max(0, edges.findIndex((e, i) => i > 0 && te <= e) - 1);
          expect(Math.abs(evaluateTable(table, te, v) - f(p, te, v)), `t_e=${te}, v=${v}`).toBeLessThan(
            1e-12,
          );
        }
      }),
      { numRuns: 200 },
    );
  });

  it('read each t_e from its own panel: a function that differs per panel', () => {
    // Piecewise: p on the panel holding t_e; a table whose panels hold different polynomials is read
    // from the right one at interior points and at the edges (an edge belongs to the panel below it).
    const teNodes = 3;
    const vNodes = 2;
    const vs = chebyshevNodes(vNodes, 0, 1);
    const perPanel = (p: number, te: number, v: number): number => (p + 1) * (1 + te) + (p - 2) * v;
    const coefficients = edges.slice(1).map((b, p) => {
      const tes = chebyshevNodes(teNodes, edges[p], b);
      return panelCoefficients(
        Array.from(tes, (te) => Float64Array.from(vs, (v) => perPanel(p, te, v))),
        teNodes,
        vNodes,
      );
    });
    const table: PhononRatioTable = { ...tableOf([[0]], edges, teNodes, vNodes), coefficients };
    for (let p = 0; p + 1 < edges.length; p++) {
      for (const te of [edges[p] + 1e-9, 0.5 * (edges[p] + edges[p + 1]), edges[p + 1]]) {
        for (const v of [0, 0.3, 1]) {
          expect(evaluateTable(table, te, v), `panel ${p}, t_e=${te}, v=${v}`).toBeCloseTo(
            perPanel(p, te, v),
            12,
          );
        }
      }
    }
  });
});

describe('where a table answers (phononTableLookup)', () => {
  // The tables cover t_e ∈ [0.004, 1] and 0 ≤ t_b ≤ t_e for the shipped γ; elsewhere the caller takes the
  // direct path, so a lookup there must answer undefined rather than extrapolate the Chebyshev series.
  it('answers on the closed domain, edges included, and nowhere else', () => {
    for (const gamma of [1e-4, 1e-3]) {
      for (const [te, tb] of [
        [0.004, 0],
        [0.004, 0.004],
        [1, 1],
        [1, 0],
        [0.5, 0.25],
      ]) {
        expect(Number.isFinite(phononTableLookup(gamma, te, tb)), `γ=${gamma}, t_e=${te}, t_b=${tb}`).toBe(
          true,
        );
      }
      for (const [te, tb] of [
        [0.0039, 0],
        [1.0001, 0.5],
        [0.5, 0.5001],
        [0.5, -1e-9],
      ]) {
        expect(phononTableLookup(gamma, te, tb), `γ=${gamma}, t_e=${te}, t_b=${tb}`).toBeUndefined();
      }
    }
    // a γ with no shipped table (the family is not loaded here, and 0.5 is beyond its range)
    expect(phononTableLookup(0.5, 0.5, 0.25)).toBeUndefined();
  });
});

describe('ρ from one kernel rule (kernelRule, phononKernel, ratioFromKernel) against mpmath', () => {
  interface Point extends PhononPoint {
    normalStateJ: number;
  }
  const points = [
    ...loadFixture<{ points: Point[] }>('phonon.json').points,
    ...loadFixture<{ points: Point[] }>('phonon-edges.json').points,
  ];

  it('reducedGap is Δ(T)/(k_B Tc) and Γ/(k_B Tc) in units of Tc', () => {
    for (const te of [0.05, 0.5, 0.99]) {
      const { delta, g } = reducedGap(te, 1e-4);
      expect(delta).toBeCloseTo(gap(te * 1.3, 1.3) / (kB * 1.3), 14);
      // Γ = γ Δ0 with Δ0 = 1.764 k_B Tc
      expect(g).toBeCloseTo(1e-4 * BCS_GAP_RATIO, 18);
    }
  });

  // Two t_e (the middle of the range and next to Tc, where Δ closes), all their reference T_b at once:
  // one kernel per t_e serves every v, as in the generator.
  for (const [Te, Tc, gamma] of [
    [0.5, 1.2, 1e-4],
    [1.19, 1.2, 1e-4],
  ] as const) {
    it(
      `T_e = ${Te} K, Tc = ${Tc} K, γ = ${gamma}: ρ within 1e-7 relative of the reference`,
      { timeout: 300_000 },
      () => {
        const refs = points.filter((p) => p.Te === Te && p.Tc === Tc && p.gamma === gamma && p.Tb < p.Te);
        expect(refs.length).toBeGreaterThanOrEqual(2);
        const te = Te / Tc;
        const { delta, g } = reducedGap(te, gamma);
        const rule = kernelRule(te, delta, g);
        const kernel = Float64Array.from(rule.nodes, (x) => phononKernel(x, delta, g, te, 1e-10));
        const rho = ratioFromKernel(
          te,
          refs.map((p) => p.Tb / Te),
          rule,
          kernel,
        );
        refs.forEach((p, j) => {
          const reference = p.J / p.normalStateJ;
          expect(Math.abs(rho[j] - reference) / Math.abs(reference), `T_b = ${p.Tb} K`).toBeLessThan(1e-7);
        });
      },
    );
  }
});
