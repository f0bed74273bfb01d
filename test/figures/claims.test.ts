/** The claims' numbers against independent recomputations, and each verdict against its stated test. */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  photonicHeatCurrentDirect,
  platformDevice,
  resistanceRatioDirect,
  solveBalance,
  withChi,
  type PlatformName,
} from '../../src/index.js';
import { evaluateClaims, type Claim } from '../../src/figures/claims.js';
import { reportMarkdown } from '../../src/figures/report.js';
import { Study } from '../../src/figures/study.js';

let study: Study;
let claims: Claim[];
beforeAll(() => {
  study = new Study();
  claims = evaluateClaims(study);
}, 300_000);
const claim = (id: number): Claim => claims.find((c) => c.id === id)!;
const num = (c: Claim, key: string): number => c.numbers[key] as number;

/** δT by brute force: T_L on a dense T_R grid, first point minus the smallest. */
function denseDrop(platform: PlatformName, Jin: number): number {
  const device = platformDevice(platform);
  const TL: number[] = [];
  for (let i = 0; i <= 1580; i++) {
    const roots = solveBalance(device, { Jin, TR: 0.01 + (0.79 * i) / 1580, setup: 1 }).roots;
    if (roots.length > 0) TL.push(roots[0].TL);
  }
  return TL[0] - Math.min(...TL);
}

describe('claims', () => {
  it('there are eight, each with a test and evidence', () => {
    expect(claims.map((c) => c.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const c of claims) {
      expect(c.test.length).toBeGreaterThan(40);
      expect(c.evidence.length).toBeGreaterThan(0);
      expect(c.evidence.join(' ')).not.toMatch(/NaN|undefined/);
    }
  });

  it('1: the γ-difference of R/R0 recomputed with the direct quadrature gives the same verdict', () => {
    const d = (t: number): number =>
      Math.abs(
        resistanceRatioDirect(t * 1.2, { Tc: 1.2, gamma: 1e-3 }) /
          resistanceRatioDirect(t * 1.2, { Tc: 1.2, gamma: 1e-4 }) -
          1,
      );
    const c = claim(1);
    // the reported maximum above 0.2 Tc is at least the value at 0.2 Tc itself, and it is the largest there
    expect(num(c, 'maxDiffAbove')).toBeGreaterThanOrEqual(d(0.2) * (1 - 1e-6) - 1e-9);
    expect(Math.abs(num(c, 'maxDiffAbove') / d(0.2) - 1)).toBeLessThan(0.02);
    expect(num(c, 'maxDiffBelow')).toBeGreaterThan(d(0.1) * (1 - 1e-6));
    expect(c.holds).toBe(num(c, 'maxDiffAbove') < 0.01 && num(c, 'maxDiffBelow') > 0.01);
    // Where the curves last differ by 1 % and by 10 %: solved, not read off the grid (0.0024 Tc apart):
    // the direct quadrature's d crosses each level there, to 1e-6 Tc.
    for (const [key, level] of [
      ['TOverTcLast1pct', 0.01],
      ['TOverTcLast10pct', 0.1],
    ] as const) {
      const t = num(c, key);
      expect(d(t - 1e-6)).toBeGreaterThan(level);
      expect(d(t + 1e-6)).toBeLessThan(level);
    }
  });

  it('3: no χ of a coarse independent scan beats the reported optimum of J_γ by more than grid resolution', () => {
    const c = claim(3);
    const best = num(c, 'chiBestJ');
    const peak = (chi: number): number => {
      const device = withChi(platformDevice('ag'), chi);
      let m = -Infinity;
      for (let i = 0; i <= 200; i++)
        m = Math.max(m, photonicHeatCurrentDirect(device, 0.5, 0.01 + (0.49 * i) / 200));
      return m;
    };
    const atBest = peak(best);
    for (const chi of [0.5, 1, best / 1.3, best * 1.3, 5, 10])
      expect(peak(chi)).toBeLessThanOrEqual(atBest * (1 + 1e-4));
    expect(Math.abs(num(c, 'JmaxBest') / atBest - 1)).toBeLessThan(1e-3);
  }, 120_000);

  it('5: the J_in reported for 500 mK puts the Ag reservoir at 500 mK', () => {
    const J = num(claim(5), 'JinFor500mK');
    const roots = solveBalance(platformDevice('ag'), { Jin: J, TR: 0.01, setup: 1 }).roots;
    expect(roots.some((r) => Math.abs(r.TL - 0.5) < 1e-6)).toBe(true);
    const [lo, hi] = [70e-15, 140e-15];
    // Fig. 3's working points: each one's steepest response recomputed on a dense T_R grid (the
    // most negative dT_L/dT_R of a stable root), independent of the claim's grid + Brent search.
    const working = claim(5).numbers.workingPoints as { TL0: number; Jin: number; minResponsivity: number }[];
    expect(working.map((w) => w.TL0)).toEqual([0.3, 0.5, 0.7]);
    const ag = platformDevice('ag');
    for (const w of working) {
      let dense = Infinity;
      for (let k = 0; k <= 1580; k++) {
        const TR = 0.01 + (0.79 * k) / 1580;
        for (const r of solveBalance(ag, { Jin: w.Jin, TR, setup: 1 }).roots)
          if (r.stable) dense = Math.min(dense, r.dTL_dTR);
      }
      // The refined minimum is at most the grid's, and a 0.5 mK grid is within 1e-3 of a smooth one.
      expect(w.minResponsivity).toBeLessThanOrEqual(dense + 1e-9);
      expect(dense - w.minResponsivity).toBeLessThan(1e-3);
    }
    const [at300, at500, at700] = working.map((w) => w.minResponsivity);
    expect(claim(5).holds).toBe(J >= lo && J <= hi && at500 < at300 && at500 < at700);
  }, 120_000);

  it('6: δT at 10 fW agrees with a brute-force dense grid; the verdict follows the sweep', () => {
    const c = claim(6);
    let all = true;
    for (const platform of ['ag', 'inas'] as const) {
      const numbers = c.numbers[platform] as { deltaTat10fW: number; minDeltaTabove10fW: number };
      const reported = numbers.deltaTat10fW;
      // The smallest δT over J_in ≥ 10 fW includes 10 fW itself (it once read 7.6 mK beside a δT(10 fW) of 7.4 mK).
      expect(numbers.minDeltaTabove10fW).toBeLessThanOrEqual(reported);
      const brute = denseDrop(platform, 10e-15);
      expect(reported).toBeGreaterThanOrEqual(brute - 1e-9);
      expect(reported - brute).toBeLessThan(5e-5); // 0.05 mK: far above the error of a 0.5 mK grid at a smooth minimum
      const sweep = study.dropSweep(platform, 1);
      all &&= reported >= 0.01 && sweep.Jin.every((J, i) => J < 10e-15 || sweep.drops[i].deltaT >= 0.01);
    }
    expect(c.holds).toBe(all);
  }, 120_000);

  it('7 and 8: verdicts follow from the δT sweeps', () => {
    const ag1 = study.dropSweep('ag', 1).drops.map((d) => d.deltaT);
    const inas1 = study.dropSweep('inas', 1).drops.map((d) => d.deltaT);
    const J = study.dropSweep('ag', 1).Jin;
    const seven = Math.max(...inas1) > Math.max(...ag1) && J.every((j, i) => j < 10e-15 || inas1[i] > ag1[i]);
    expect(claim(7).holds).toBe(seven);
    const ag2 = study.dropSweep('ag', 2).drops.map((d) => d.deltaT);
    const inas2 = study.dropSweep('inas', 2).drops.map((d) => d.deltaT);
    const smaller = ag2.every((d, i) => d <= ag1[i] + 1e-6) && inas2.every((d, i) => d <= inas1[i] + 1e-6);
    if (!smaller) expect(claim(8).holds).toBe(false);
    const reductionAg = 1 - Math.max(...ag2) / Math.max(...ag1);
    const reductionInas = 1 - Math.max(...inas2) / Math.max(...inas1);
    if (!(reductionAg > reductionInas)) expect(claim(8).holds).toBe(false);
  });

  it('7: beside the test, δT at the J_in that give the same T_L(10 mK), recomputed on a dense grid', () => {
    const matched = claim(7).numbers.matchedTL as { TL0: number; ag: number; inas: number }[];
    expect(matched.map((m) => m.TL0)).toEqual([0.3, 0.5, 0.7]);
    for (const m of matched) {
      const Jin = (platform: PlatformName) =>
        study.operatingPoints(platform).find((o) => o.TL0 === m.TL0)!.Jin;
      expect(Math.abs(m.ag - denseDrop('ag', Jin('ag')))).toBeLessThan(1e-3);
      expect(Math.abs(m.inas - denseDrop('inas', Jin('inas')))).toBeLessThan(1e-3);
    }
    expect(claim(7).evidence.at(-1)).toMatch(
      /^not part of the test: at the J_in giving the same T_L\(10 mK\)/,
    );
  }, 120_000);

  it('the report prints each verdict and the capacitance with its reason', () => {
    const md = reportMarkdown({
      provenance: { ndtcVersion: '0.0.0', gitCommit: null, date: '2026-01-01T00:00:00.000Z' },
      devices: { ag: platformDevice('ag'), inas: platformDevice('inas') },
      operatingPoints: { ag: study.operatingPoints('ag'), inas: study.operatingPoints('inas') },
      claims,
      panels: [],
      files: {},
      validity: ['a validity line'],
    });
    expect(md).toContain(`## Claims: ${claims.filter((c) => c.holds).length} of 8 hold`);
    for (const c of claims)
      expect(md).toContain(`### ${c.id}. ${c.holds ? 'HOLDS' : 'DOES NOT HOLD'} — ${c.statement}`);
    expect(md).toMatch(/50 fF\/µm²/);
    expect(md).toMatch(/50 pF\/µm², a typo/);
    expect(md).toContain('- a validity line');
  });
});
