/**
 * optimize never evaluates the objective more often than maxEvaluations in its search (grid and
 * Nelder–Mead), counted independently through onEvaluation; a grid above the budget is refused.
 */
import { describe, expect, it } from 'vitest';
import { InputError, platformDevice } from '../../src/index.js';
import { defaultGridPoints, optimize } from '../../src/sweep/optimize.js';
import { nelderMead } from '../../src/numerics/nelder-mead.js';
import { ndtc } from './cli-harness.js';

const base = {
  device: platformDevice('ag'),
  fixed: { setup: 1 as const },
  params: [
    { name: 'chi', lo: 0.5, hi: 10, log: true },
    { name: 'J_in', lo: 3e-14, hi: 3e-13, log: true },
  ],
  objective: 'deltaT' as const,
  TRrange: [0.01, 0.8] as [number, number],
  profilePoints: 2,
};

/** Evaluations counted by the caller: every call of the objective reports through onEvaluation. */
function counted(extra: { gridPoints?: number; maxEvaluations?: number }) {
  let calls = 0;
  const result = optimize({ ...base, ...extra, onEvaluation: () => void calls++ });
  // The profiles come after the search: profilePoints per parameter.
  const search = calls - base.profilePoints * base.params.length;
  return { result, search };
}

describe('optimize: the evaluation budget', () => {
  it.each([4, 5, 9, 12, 20, 33])('maxEvaluations %i with the default grid: never more', (limit) => {
    const { result, search } = counted({ maxEvaluations: limit });
    expect(search).toBeLessThanOrEqual(limit);
    expect(result.evaluations).toBe(search);
    // The grid fits in the budget with room for Nelder–Mead where it can.
    const n = defaultGridPoints(2, limit);
    expect(n ** 2).toBeLessThanOrEqual(limit);
    if (limit >= 9) expect(search).toBeGreaterThan(n ** 2); // Nelder–Mead ran
  });

  it('a given grid of exactly the budget: the grid alone, no Nelder–Mead', () => {
    const { result, search } = counted({ gridPoints: 3, maxEvaluations: 9 });
    expect(search).toBe(9);
    expect(result.evaluations).toBe(9);
  });

  it('a given grid above the budget is refused before any evaluation', () => {
    let calls = 0;
    expect(() =>
      optimize({ ...base, gridPoints: 4, maxEvaluations: 15, onEvaluation: () => void calls++ }),
    ).toThrow(InputError);
    expect(() => optimize({ ...base, gridPoints: 4, maxEvaluations: 15 })).toThrow(/4\^2 = 16/);
    expect(calls).toBe(0);
  });

  it('two parameters that set one device field are refused (one had no effect: a flat direction)', () => {
    const params = [
      { name: 'chi', lo: 0.5, hi: 10, log: true },
      { name: 'right.junction.area', lo: 1e-13, hi: 3e-13, log: false },
    ];
    expect(() => optimize({ ...base, params, fixed: { setup: 1, J_in: 1e-13 } })).toThrowError(
      /^optimize params\[1\]\.name: invalid value 'right\.junction\.area': parameters that set different device fields \(chi and right\.junction\.area both set right\.junction\.area\)/,
    );
  });

  it('a budget below the smallest grid (2^d) is refused', () => {
    expect(() => optimize({ ...base, maxEvaluations: 3 })).toThrow(/at least 2\^2 = 4/);
  });

  it('Nelder–Mead alone stops at its budget, even mid-iteration', () => {
    // A bowl in 3 dimensions: each iteration evaluates 1, 2 or 1 + d points.
    for (const limit of [1, 2, 3, 4, 5, 7, 11, 50]) {
      let calls = 0;
      const r = nelderMead(
        (x) => {
          calls++;
          return x.reduce((s, v, i) => s + (v - 0.3 - 0.1 * i) ** 2, 0);
        },
        [0.9, 0.9, 0.9],
        { maxEvaluations: limit, xtol: 0, ftol: 0 },
      );
      expect(calls).toBe(limit);
      expect(r.evaluations).toBe(limit);
    }
  });
});

describe('ndtc optimize: bounds on the command line', () => {
  it('--grid above --max-evaluations: exit 2 naming --grid, in one line', async () => {
    const r = await ndtc(
      'optimize',
      '--maximize',
      'deltaT',
      '--param',
      'chi=0.5..10:log',
      '--param',
      'Jin=30fW..300fW:log',
      '--grid',
      '13',
      '--max-evaluations',
      '150',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "ndtc optimize: --grid: invalid value '13': at most --max-evaluations = 150 grid points in all (here 13^2 = 169); lower --grid or raise --max-evaluations\n",
    );
  });

  it('temperature bounds are checked together: a corner outside the model is refused up front', async () => {
    // Each end alone is inside the model (T_bath 350 mK below the device's Tc; Tc 300 mK above its
    // bath), but the corner Tc = 300 mK, T_bath = 350 mK is not: the search would fail midway there.
    const args = ['optimize', '--maximize', 'deltaT', '--param', 'Tc=300mK..1.2K', '--Jin', '100fW'];
    const r = await ndtc(...args, '--param', 'Tbath=20mK..350mK', '--TR-range', '10mK..200mK');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "ndtc optimize: --param: invalid value 'Tc=300mK..1.2K Tbath=20mK..350mK': ends inside the model; at Tc = 300 mK, T_bath = 350 mK, the device: Tbath = 350 mK is outside it (docs/cli.md, Domains)\n",
    );
    // The T_R range against the lowest Tc, at every corner too.
    const range = await ndtc(...args, '--param', 'Tbath=20mK..250mK', '--TR-range', '10mK..400mK');
    expect(range.code).toBe(2);
    expect(range.stderr).toContain('Tc = 300 mK');
    expect(range.stderr).toContain('--TR-range');
  });

  it('--max-evaluations above 10⁶ or below 2^d: exit 2 naming it', async () => {
    const over = await ndtc(
      'optimize',
      '--maximize',
      'deltaT',
      '--param',
      'chi=0.5..10:log',
      '--Jin',
      '100fW',
      '--max-evaluations',
      '1000001',
    );
    expect(over.code).toBe(2);
    expect(over.stderr).toMatch(
      /^ndtc optimize: --max-evaluations: invalid value '1000001': an integer from 2 \(2\^1, the smallest grid over 1 parameter\) to 1000000\n$/,
    );
    const under = await ndtc(
      'optimize',
      '--maximize',
      'deltaT',
      '--param',
      'chi=0.5..10:log',
      '--param',
      'Jin=30fW..300fW:log',
      '--param',
      'c=20fF/um^2..200fF/um^2',
      '--max-evaluations',
      '7',
    );
    expect(under.code).toBe(2);
    expect(under.stderr).toMatch(
      /^ndtc optimize: --max-evaluations: invalid value '7': an integer from 8 \(2\^3, the smallest grid over 3 parameters\) to 1000000\n$/,
    );
    // 1 was said to be accepted, then refused as below 2^1.
    const one = await ndtc(
      'optimize',
      '--maximize',
      'deltaT',
      '--param',
      'chi=0.5..10',
      '--Jin',
      '100fW',
      '--max-evaluations',
      '1',
    );
    expect(one.stderr).toMatch(/--max-evaluations: invalid value '1': an integer from 2 \(2\^1/);
  });
});

describe('optimize: input that leaves the model, refused as InputError before the search', () => {
  it('a Tc bound below the T_R range names optimize params and the corner, not an internal function', () => {
    let calls = 0;
    const run = (): unknown =>
      optimize({
        ...base,
        params: [{ name: 'Tc', lo: 0.5, hi: 1.2, log: false }],
        fixed: { setup: 1, J_in: 1e-13 },
        onEvaluation: () => void calls++,
      });
    expect(run).toThrow(InputError);
    expect(run).toThrow(
      /^optimize params: invalid value 'Tc = 0\.5\.\.1\.2': bounds inside the model; at Tc = 0\.5, optimize TRrange = /,
    );
    expect(calls).toBe(0);
  });
  it('bounds where the objective is nowhere defined: an InputError (ObjectiveUndefinedError) naming them', () => {
    const run = (): unknown =>
      optimize({ ...base, params: [base.params[0]], fixed: { setup: 1, J_in: 1e-6 }, maxEvaluations: 4 });
    expect(run).toThrow(InputError);
    expect(run).toThrow(
      /^optimize params: invalid value 'chi = 0\.5\.\.10 \(log\)': bounds \(and J_in\) where deltaT is defined/,
    );
  });
});
