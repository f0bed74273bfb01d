import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { platformDevice, solveBalance, temperatureDrop, withChi } from '../../src/index.js';
import { objectiveValue, optimize } from '../../src/sweep/optimize.js';
import { ndtc, tempDir } from './cli-harness.js';

describe('optimize', () => {
  const device = platformDevice('ag');
  const problem = {
    device,
    fixed: { setup: 1 as const, J_in: 1e-13 },
    params: [{ name: 'chi', lo: 0.5, hi: 10, log: true }],
    objective: 'deltaT' as const,
    TRrange: [0.01, 0.8] as [number, number],
    gridPoints: 5,
    maxEvaluations: 40,
    profilePoints: 9,
  };
  const result = optimize(problem);

  it('reports the objective of the library at the optimum', () => {
    expect(result.value).toBe(temperatureDrop(withChi(device, result.x[0]), 1e-13, 1, 0.01, 0.8).deltaT);
  });
  it('the optimum is not beaten anywhere on its profile, nor next to it', () => {
    for (const v of result.profiles[0].value) expect(v).toBeLessThanOrEqual(result.value * (1 + 1e-9));
    for (const factor of [0.97, 1.03]) {
      expect(
        temperatureDrop(withChi(device, result.x[0] * factor), 1e-13, 1, 0.01, 0.8).deltaT,
      ).toBeLessThanOrEqual(result.value);
    }
    expect(result.x[0]).toBeGreaterThan(0.5);
    expect(result.x[0]).toBeLessThan(10);
  });
  it('is deterministic', () => {
    expect(optimize(problem)).toEqual(result);
  });
  it('profiles run over evenly spaced shortest decimals, both ends exact', () => {
    const x = result.profiles[0].x;
    expect([x[0], x[8]]).toEqual([0.5, 10]);
    for (let j = 0; j < 9; j++) expect(x[j]).toBeCloseTo(0.5 * 20 ** (j / 8), 12);
    // A linear parameter: c = 20..200 fF/µm² in 31 points is 0.02, 0.026, …, exactly those decimals
    // (lo + (hi − lo)·j/30 gives 0.026000000000000002).
    const linear = optimize({
      ...problem,
      params: [{ name: 'c', lo: 0.02, hi: 0.2, log: false }],
      gridPoints: 2,
      maxEvaluations: 4,
      profilePoints: 31,
    });
    expect(linear.profiles[0].x).toEqual(
      Array.from({ length: 31 }, (_, j) => Number(((20 + 6 * j) / 1000).toFixed(3))),
    );
  });
  it('negative responsivity is minus the smallest dT_L/dT_R of the stable roots', () => {
    const value = objectiveValue('negative-responsivity', device, { setup: 1, J_in: 1e-13 }, [0.01, 0.8]);
    // Independent: a dense scan cannot find a more negative responsivity than the refined minimum.
    let dense = Infinity;
    for (let i = 0; i <= 120; i++) {
      const TR = 0.01 + (0.79 * i) / 120;
      for (const r of solveBalance(device, { Jin: 1e-13, TR, setup: 1 }).roots)
        if (r.stable) dense = Math.min(dense, r.dTL_dTR);
    }
    expect(value).toBeGreaterThanOrEqual(-dense - 1e-9);
    expect(value).toBeLessThan(-dense + 0.01 * Math.abs(dense));
    expect(value).toBeGreaterThan(0); // NDTC: the responsivity goes negative at 100 fW
  });
});

describe('ndtc optimize', () => {
  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('prints the optimum with units and writes JSON, CSV profiles and the plot', async () => {
    const out = join(dir, 'o');
    const r = await ndtc(
      'optimize',
      '--maximize',
      'deltaT',
      '--param',
      'chi=0.5..10:log',
      '--Jin',
      '100fW',
      '--grid',
      '5',
      '--max-evaluations',
      '40',
      '--out',
      out,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^maximum deltaT = [\d.]+ mK \(\d+ evaluations\) at\n {2}chi = [\d.]+\n/);
    const json = JSON.parse(readFileSync(join(out, 'optimize.json'), 'utf8'));
    expect(json.optimum.chi).toBeGreaterThan(0.5);
    expect(json.unit).toBe('K');
    // Every number's SI unit, as transient.json and hysteresis.json give them.
    expect(json.units).toEqual({ chi: '', J_in: 'W', TRrange: 'K', value: 'K' });
    const csv = readFileSync(join(out, 'profiles.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('parameter,value,objective');
    expect(csv).toHaveLength(1 + 31);
    // The profile's axis: χ (the parameter chi), and δT in mK.
    const svg = readFileSync(join(out, 'optimize.svg'), 'utf8');
    expect(svg).toContain('>χ</text>');
    expect(svg).toContain('>δT (mK)</text>');
  });
  it('bad input → exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [['--maximize', 'speed', '--param', 'chi=1..2', '--Jin', '1fW'], /--maximize: invalid value 'speed'/],
      [['--maximize', 'deltaT', '--param', 'chi=2..1', '--Jin', '1fW'], /FROM < TO/],
      [['--maximize', 'deltaT', '--param', 'chi=1..2'], /--Jin: invalid value '\(missing\)'/],
      [['--maximize', 'deltaT', '--param', 'TR=1mK..2mK', '--Jin', '1fW'], /T_R is scanned inside/],
      [['--maximize', 'deltaT', '--param', 'chi=1..2:cubic', '--Jin', '1fW'], /NAME=FROM..TO\[:log\]/],
      // A device option fixing an optimised parameter: the search overrode it, the report kept it.
      [
        ['--maximize', 'deltaT', '--param', 'c=20fF/um^2..200fF/um^2', '--c', '80fF/um^2', '--Jin', '100fW'],
        /^ndtc optimize: --c: invalid value '80fF\/um\^2': not together with --param c=… \(the search sets it\)\n$/,
      ],
      [
        [
          '--maximize',
          'deltaT',
          '--param',
          'right.junction.area=1um^2..10um^2',
          '--chi',
          '3',
          '--Jin',
          '100fW',
        ],
        /^ndtc optimize: --chi: invalid value '3': not together with --param right\.junction\.area=…/,
      ],
      // Ends of the box outside the model: refused up front, not by a library function midway.
      [
        ['--maximize', 'deltaT', '--param', 'Tc=1K..3K', '--Jin', '1fW'],
        /^ndtc optimize: --param: invalid value 'Tc=1K\.\.3K': .*at Tc = 3 K, the device: Tbath = 10 mK is outside/,
      ],
      [
        ['--maximize', 'deltaT', '--param', 'Tc=0.5K..1K', '--Jin', '1fW'],
        /^ndtc optimize: --param: invalid value 'Tc=0\.5K\.\.1K': .*at Tc = 500 mK, --TR-range = 800 mK is outside/,
      ],
    ];
    for (const [argv, message] of cases) {
      const r = await ndtc('optimize', ...argv, '--out', join(dir, 'bad'));
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });
});
