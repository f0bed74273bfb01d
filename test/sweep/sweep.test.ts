import { availableParallelism } from 'node:os';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  photonicConductance,
  photonicHeatCurrent,
  phononHeatNormal,
  platformDevice,
  solveBalance,
  temperatureDrop,
  withChi,
} from '../../src/index.js';
import { defaultChunkSize, shardChunks } from '../../src/sweep/spec.js';
import { freshOutputs, ndtc } from './cli-harness.js';

const fresh = freshOutputs();

const GRID = [
  '--TL',
  '500mK',
  '--vary',
  'chi=0.5..10:5:log',
  '--vary',
  'TR=10mK..490mK:13',
  '--output',
  'J_gamma,kappa_gamma,J_ph_N',
];
/** 5 χ × 13 T_R points in chunks of the default size. */
const GRID_CHUNKS = Math.ceil(65 / defaultChunkSize(65));
const read = (dir: string, file: string): string => readFileSync(join(dir, file), 'utf8');

describe('ndtc sweep (direct evaluation at a given T_L)', () => {
  it('writes CSV and JSONL whose values are the library’s, first --vary slowest', async () => {
    const out = fresh();
    const r = await ndtc('sweep', ...GRID, '--out', out, '--workers', '0', '--quiet');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = read(out, 'results.csv').trim().split('\n');
    expect(lines[0]).toBe('index,chi,T_R,J_gamma,kappa_gamma,J_ph_N');
    expect(lines).toHaveLength(1 + 5 * 13);
    const records = read(out, 'results.jsonl')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(records).toHaveLength(65);
    const ag = platformDevice('ag');
    for (const index of [0, 14, 64]) {
      const rec = records[index];
      expect(rec.index).toBe(index);
      expect(rec.chi).toBeCloseTo(0.5 * 20 ** (Math.floor(index / 13) / 4), 12);
      expect(rec.T_R).toBeCloseTo(0.01 + (0.48 * (index % 13)) / 12, 14);
      const d = withChi(ag, rec.chi);
      expect(rec.J_gamma).toBe(photonicHeatCurrent(d, 0.5, rec.T_R));
      expect(rec.kappa_gamma).toBe(photonicConductance(d, 0.5, rec.T_R));
      expect(rec.J_ph_N).toBe(phononHeatNormal(d.left.normal, 0.5, ag.Tbath));
      expect(lines[1 + index]).toBe(
        [index, rec.chi, rec.T_R, rec.J_gamma, rec.kappa_gamma, rec.J_ph_N].join(','),
      );
    }
    expect(existsSync(join(out, 'plot.svg'))).toBe(true);
    // The quantity's symbol J_γ, its subscript set as a tspan.
    expect(read(out, 'plot.svg')).toMatch(/>J<tspan[^>]*>γ<\/tspan>/);
    expect(readFileSync(join(out, 'plot.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    const png = readFileSync(join(out, 'plot.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });

  it('output bytes do not depend on the thread count or the chunk size', async () => {
    const a = fresh();
    const b = fresh();
    const c = fresh();
    expect((await ndtc('sweep', ...GRID, '--out', a, '--workers', '0', '--quiet', '--no-plot')).code).toBe(0);
    expect((await ndtc('sweep', ...GRID, '--out', b, '--workers', '2', '--quiet', '--no-plot')).code).toBe(0);
    expect(
      (
        await ndtc(
          'sweep',
          ...GRID,
          '--out',
          c,
          '--workers',
          '2',
          '--chunk-size',
          '7',
          '--quiet',
          '--no-plot',
        )
      ).code,
    ).toBe(0);
    expect(readdirSync(join(c, 'chunks')).filter((f) => f.endsWith('.bin'))).toHaveLength(Math.ceil(65 / 7));
    // Three threads (this one and two workers, each holding a queued chunk) on 5-point chunks.
    const d = fresh();
    const three = ['--workers', '3', '--chunk-size', '5', '--quiet', '--no-plot'];
    expect((await ndtc('sweep', ...GRID, '--out', d, ...three)).code).toBe(0);
    for (const f of ['results.csv', 'results.jsonl']) {
      expect(read(b, f)).toBe(read(a, f));
      expect(read(c, f)).toBe(read(a, f));
      expect(read(d, f)).toBe(read(a, f));
    }
  });

  it('a device file gives the bytes of the built-in platform it describes', async () => {
    const a = fresh();
    const b = fresh();
    await ndtc('sweep', ...GRID, '--out', a, '--workers', '0', '--quiet', '--no-plot');
    await ndtc(
      'sweep',
      ...GRID,
      '--device',
      'examples/ag.yaml',
      '--out',
      b,
      '--workers',
      '0',
      '--quiet',
      '--no-plot',
    );
    expect(read(b, 'results.csv')).toBe(read(a, 'results.csv'));
    expect(read(b, 'results.jsonl')).toBe(read(a, 'results.jsonl'));
  });

  it('refuses a directory holding a different sweep, and the same one without --resume (exit 2)', async () => {
    const out = fresh();
    await ndtc('sweep', ...GRID, '--out', out, '--workers', '0', '--quiet', '--no-plot');
    const other = await ndtc('sweep', ...GRID, '--c', '60fF/um^2', '--out', out, '--workers', '0', '--quiet');
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(
      /^ndtc sweep: --out: invalid value '.*out': it holds a different sweep \(device differ\): a new or empty directory, or --force to start again in it\n$/,
    );
    const grid = await ndtc(
      'sweep',
      ...GRID.slice(0, -2),
      '--output',
      'J_gamma',
      '--out',
      out,
      '--workers',
      '0',
      '--quiet',
    );
    expect(grid.stderr).toMatch(/outputs differ/);
    const same = await ndtc('sweep', ...GRID, '--out', out, '--workers', '0', '--quiet');
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/--resume/);
    const resumed = await ndtc('sweep', '--out', out, '--resume', '--workers', '0', '--quiet', '--no-plot');
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(`0 chunks computed, ${GRID_CHUNKS} already done`);
    // --resume alone reads the sweep from its manifest: an option defining another one is refused.
    for (const [option, value] of [
      ['--platform', 'inas'],
      ['--output', 'kappa_gamma'],
      ['--Jin', '5fW'],
      ['--chunk-size', '7'],
    ]) {
      const changed = await ndtc('sweep', '--out', out, '--resume', option, value, '--quiet', '--no-plot');
      expect(changed.code).toBe(2);
      expect(changed.stderr).toBe(
        `ndtc sweep: ${option}: invalid value '${value}': none with --resume alone: the sweep is read from ${out}/manifest.json; to change it, give the whole sweep (--vary …) with --force\n`,
      );
    }
    // Nor a bound on its size, which was checked when it started (and was ignored without a word).
    const bounded = await ndtc(
      'sweep',
      '--out',
      out,
      '--resume',
      '--max-points',
      '5',
      '--quiet',
      '--no-plot',
    );
    expect(bounded.code).toBe(2);
    expect(bounded.stderr).toBe(
      `ndtc sweep: --max-points: invalid value '5': none with --resume alone: the sweep in ${out} was sized when it started\n`,
    );
    // Part of a sweep with --resume (an axis, no --TR): told to give --resume alone, not only what is missing.
    const partial = await ndtc(
      'sweep',
      '--out',
      out,
      '--resume',
      '--vary',
      'chi=1,2',
      '--quiet',
      '--no-plot',
    );
    expect(partial.code).toBe(2);
    expect(partial.stderr).toMatch(
      new RegExp(
        `^ndtc sweep: --\\w+: invalid value '.*': --resume alone \\(no --vary\\) to continue the sweep in .*out; for a new one, `,
      ),
    );
    expect(partial.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('bad input: one line naming the option, exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['--vary', 'chj=1..2:3', '--TL', '500mK', '--TR', '100mK'],
        /--vary: invalid value 'chj'.*did you mean 'chi'/,
      ],
      [['--vary', 'TR=10mK..800mK:5', '--output', 'T_L'], /--Jin: invalid value '\(missing\)'/],
      // Varied and fixed at once: the axis would silently win.
      [
        ['--vary', 'chi=1,2', '--chi', '3', '--Jin', '10fW', '--TR', '100mK'],
        /^ndtc sweep: --vary: invalid value 'chi': a parameter not also fixed by --chi\n$/,
      ],
      [
        ['--vary', 'TR=10mK,20mK', '--TR', '100mK', '--Jin', '10fW'],
        /^ndtc sweep: --vary: invalid value 'T_R': a parameter not also fixed by --TR\n$/,
      ],
      // The bath, and a device path one side of a device option: the axis won, the manifest kept the option.
      [
        ['--vary', 'Tbath=10mK,20mK', '--Tbath', '30mK', '--vary', 'TR=10mK..800mK:5', '--Jin', '1fW'],
        /^ndtc sweep: --vary: invalid value 'T_bath': a parameter not also fixed by --Tbath\n$/,
      ],
      [
        [
          '--vary',
          'left.junction.c=20fF/um^2,40fF/um^2',
          '--c',
          '80fF/um^2',
          '--Jin',
          '1fW',
          '--TR',
          '100mK',
        ],
        /^ndtc sweep: --vary: invalid value 'left\.junction\.c': a parameter not also fixed by --c\n$/,
      ],
      [
        ['--vary', 'TR=10mK..800mK:5', '--TL', '500mK', '--output', 'T_L'],
        /--output: .*needs the heat balance/,
      ],
      // T_L given: a J_in, fixed or varied, would be recorded and play no part.
      [
        ['--vary', 'TR=10mK..800mK:5', '--TL', '500mK', '--Jin', '100fW'],
        /^ndtc sweep: --Jin: invalid value '100fW': not with T_L given \(J_in enters only the heat balance/,
      ],
      [
        ['--vary', 'TR=10mK..800mK:5', '--TL', '500mK', '--vary', 'Jin=1fW,2fW'],
        /^ndtc sweep: --vary: invalid value 'J_in': not with T_L given/,
      ],
      // A grid value out of range names --vary (the option that made it) and the value, not --TR.
      [
        ['--vary', 'TR=10mK..1.5K:5', '--TL', '500mK'],
        /^ndtc sweep: --vary: invalid value 'T_R = 1\.5 K': a temperature from .* to below Tc = 1\.2 K/,
      ],
      [
        ['--vary', 'TR=10mK..2K:20', '--Jin', '100fW'],
        /^ndtc sweep: --vary: invalid value 'T_R = 1\.267 K': a temperature from .* to below Tc = 1\.2 K/,
      ],
      [
        ['--TR', '1.5K', '--vary', 'Jin=1fW,2fW'],
        /^ndtc sweep: --TR: invalid value '1\.5 K': a temperature from/,
      ],
      // A bath at or above Tc wrote empty rows (exit 0), one below 0.004 Tc values solveBalance refuses.
      [
        ['--TR', '300mK', '--Jin', '100fW', '--vary', 'Tbath=10mK,1.25K'],
        /^ndtc sweep: --vary: invalid value 'T_bath = 1\.25 K': a temperature from 4\.8 mK \(0\.004 Tc\) to below Tc = 1\.2 K/,
      ],
      [
        ['--TR', '300mK', '--Jin', '100fW', '--vary', 'Tbath=1mK'],
        /^ndtc sweep: --vary: invalid value 'T_bath = 1 mK': a temperature from 4\.8 mK/,
      ],
      [
        [
          '--TR',
          '300mK',
          '--Jin',
          '100fW',
          '--vary',
          'r0=10ohm*um^2,20ohm*um^2',
          '--vary',
          'left.junction.r0=30ohm*um^2',
        ],
        /^ndtc sweep: --vary: invalid value 'left\.junction\.r0=30ohm\*um\^2': parameters that set different device fields \(r0 and left\.junction\.r0 both set left\.junction\.r0\)/,
      ],
      // With Tc varied the grid's corners are checked: a Tc of 3 K leaves the 10 mK bath below 0.004 Tc,
      // and 2 K with a 5 mK bath; a Tc of 1 K is below T_R = 1.1 K (each computed, exit 0).
      [
        ['--TR', '100mK', '--Jin', '10fW', '--vary', 'Tc=1K..3K:3'],
        /^ndtc sweep: --vary: invalid value 'Tc = 3 K': a grid inside the model at every point; there T_bath = 10 mK, and it must be a temperature from 12 mK \(0\.004 Tc\) to below Tc = 3 K/,
      ],
      [
        ['--TR', '100mK', '--Jin', '10fW', '--vary', 'Tc=1K..2K:3', '--vary', 'Tbath=5mK..50mK:3'],
        /^ndtc sweep: --vary: invalid value 'Tc = 2 K, T_bath = 5 mK': .*there T_bath = 5 mK, .* from 8 mK/,
      ],
      [
        ['--Jin', '10fW', '--vary', 'Tc=1K..2K:3', '--vary', 'TR=10mK..1.1K:3'],
        /^ndtc sweep: --vary: invalid value 'Tc = 1 K, T_R = 1\.1 K': .*there T_R = 1\.1 K, .* to below Tc = 1 K/,
      ],
      // δT's T_R range beyond Tc gave a δT of the part below Tc (exit 0).
      [
        ['--vary', 'Jin=10fW,100fW', '--output', 'deltaT', '--TR-range', '10mK..5K'],
        /^ndtc sweep: --TR-range: invalid value '5 K': a temperature from 4\.8 mK \(0\.004 Tc\) to below Tc = 1\.2 K/,
      ],
      // Without a δT-type output the range would be ignored without a word.
      [
        ['--vary', 'TR=10mK..800mK:5', '--Jin', '1fW', '--TR-range', '10mK..500mK'],
        /^ndtc sweep: --TR-range: invalid value '10mK\.\.500mK': none without a δT-type output: it is the T_R range of deltaT, T_L0, T_Lmin, T_R_at_min \(none in --output\)$/m,
      ],
      // The default range out of a lower Tc: named as the default, with a range that fits.
      [
        ['--Tc', '300mK', '--vary', 'Jin=1fW,10fW', '--output', 'deltaT'],
        /^ndtc sweep: --TR-range: invalid value '10mK\.\.800mK \(the default\)': a temperature from 1\.2 mK \(0\.004 Tc\) to below Tc = 300 mK at both ends: give one, e\.g\. --TR-range 10mK\.\.200mK$/m,
      ],
      // …and at a Tc on an axis (δT over 10–800 mK at Tc = 300 mK was written without a word).
      [
        ['--vary', 'Tc=300mK,1.2K', '--vary', 'Jin=1fW,10fW', '--output', 'deltaT'],
        /^ndtc sweep: --vary: invalid value 'Tc = 300 mK': a grid inside the model at every point; there --TR-range \(default\) = 800 mK, and it must be a temperature .* to below Tc = 300 mK$/m,
      ],
      [
        ['--vary', 'chi=1,2', '--TL', '500mK', '--TR', '100mK', '--shard', '3/3'],
        /--shard: invalid value '3\/3'/,
      ],
      [
        ['--vary', 'chi=1,2', '--TL', '500mK', '--TR', '100mK', '--workers', 'two'],
        /--workers: invalid value 'two'/,
      ],
      // A thousand threads of 2 CPUs took 15 s and 0.9 GB where 2 took 2 s.
      [
        [
          '--vary',
          'chi=1,2',
          '--TL',
          '500mK',
          '--TR',
          '100mK',
          '--workers',
          String(4 * availableParallelism() + 1),
        ],
        new RegExp(
          `--workers: invalid value '\\d+': an integer from 0 to ${4 * availableParallelism()} \\(4 per CPU here\\)$`,
          'm',
        ),
      ],
      [
        ['--vary', 'chi=1,2', '--TL', '500mK', '--TR', '100mK', '--output', 'J_gama'],
        /did you mean 'J_gamma'/,
      ],
      [
        ['--vary', 'chi=1,2', '--TL', '500mK', '--TR', '100mK', '--plot', 'T_L'],
        /--plot: invalid value 'T_L': one of the numeric outputs/,
      ],
    ];
    for (const [argv, message] of cases) {
      const r = await ndtc('sweep', ...argv, '--out', fresh(), '--quiet');
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    }
    const resume = await ndtc('sweep', '--out', '/nonexistent-ndtc-dir', '--resume');
    expect(resume.code).toBe(2);
    expect(resume.stderr).toMatch(/--out: invalid value '\/nonexistent-ndtc-dir': a sweep output directory/);
  });
});

describe('ndtc sweep (heat balance)', () => {
  it('one CSV row per root with root_index, every root in the JSONL roots array', async () => {
    const out = fresh();
    const r = await ndtc(
      'sweep',
      '--vary',
      'TR=300mK,700mK',
      '--vary',
      'Jin=1e-18W,100fW',
      '--output',
      'n_roots,T_L,stable,dTL_dTR,J_gamma',
      '--out',
      out,
      '--workers',
      '0',
      '--quiet',
    );
    expect(r.code, r.stderr).toBe(0);
    const ag = platformDevice('ag');
    const records = read(out, 'results.jsonl')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const rows = read(out, 'results.csv').trim().split('\n');
    expect(rows[0]).toBe('index,T_R,J_in,n_roots,root_index,T_L,stable,dTL_dTR,J_gamma');
    let expectedRows = 1;
    for (const rec of records) {
      const solution = solveBalance(ag, { Jin: rec.J_in, TR: rec.T_R, setup: 1 });
      expect(rec.exceedsTc).toBe(false);
      expect(rec.n_roots).toBe(solution.roots.length);
      expect(rec.roots.map((x: { T_L: number }) => x.T_L)).toEqual(solution.roots.map((x) => x.TL));
      expect(rec.roots.map((x: { stable: boolean }) => x.stable)).toEqual(
        solution.roots.map((x) => x.stable),
      );
      rec.roots.forEach(
        (root: { T_L: number; stable: boolean; dTL_dTR: number; J_gamma: number }, k: number) => {
          expect(root.J_gamma).toBe(photonicHeatCurrent(ag, root.T_L, rec.T_R));
          expect(rows[expectedRows++]).toBe(
            [
              rec.index,
              rec.T_R,
              rec.J_in,
              rec.n_roots,
              k,
              root.T_L,
              root.stable,
              root.dTL_dTR,
              root.J_gamma,
            ].join(','),
          );
        },
      );
    }
    expect(rows).toHaveLength(expectedRows);
    // The right reservoir at 700 mK with (almost) no input power: a cold and a hot stable state.
    const bistable = records.find((x) => x.T_R === 0.7 && x.J_in === 1e-18);
    expect(bistable.roots.map((x: { stable: boolean }) => x.stable)).toEqual([true, false, true]);
  });

  it('a point with no root below Tc: empty root columns, roots: [] and exceedsTc', async () => {
    const out = fresh();
    const r = await ndtc(
      'sweep',
      '--vary',
      'Jin=100fW,1uW',
      '--TR',
      '100mK',
      '--output',
      'T_L',
      '--out',
      out,
      '--workers',
      '0',
      '--quiet',
      '--no-plot',
    );
    expect(r.code, r.stderr).toBe(0);
    const rows = read(out, 'results.csv').trim().split('\n');
    expect(rows[2]).toBe('1,0.000001,,');
    const last = JSON.parse(read(out, 'results.jsonl').trim().split('\n')[1]);
    expect(last).toEqual({ index: 1, J_in: 1e-6, exceedsTc: true, roots: [] });
  });

  it('setup as an axis, and δT per point', async () => {
    const out = fresh();
    const r = await ndtc(
      'sweep',
      '--vary',
      'setup=1,2',
      '--Jin',
      '100fW',
      '--output',
      'deltaT',
      '--out',
      out,
      '--workers',
      '0',
      '--quiet',
      '--no-plot',
    );
    expect(r.code, r.stderr).toBe(0);
    const rows = read(out, 'results.csv').trim().split('\n');
    expect(rows[0]).toBe('index,setup,deltaT');
    const ag = platformDevice('ag');
    expect(rows[1]).toBe(`0,1,${temperatureDrop(ag, 1e-13, 1, 0.01, 0.8).deltaT}`);
    expect(rows[2]).toBe(`1,2,${temperatureDrop(ag, 1e-13, 2, 0.01, 0.8).deltaT}`);
  });
});

describe('ndtc merge', () => {
  it('names missing chunks (exit 1) and refuses shards of different sweeps (exit 2)', async () => {
    const a = fresh();
    const b = fresh();
    await ndtc('sweep', ...GRID, '--out', a, '--shard', '0/2', '--workers', '0', '--quiet');
    const missing = await ndtc('merge', a);
    expect(missing.code).toBe(1);
    const [, firstShardEnd] = shardChunks(GRID_CHUNKS, 0, 2);
    const absent = GRID_CHUNKS - firstShardEnd;
    expect(absent).toBeGreaterThan(1);
    expect(missing.stderr).toContain(
      `${absent} of ${GRID_CHUNKS} chunks are missing (${firstShardEnd}..${GRID_CHUNKS - 1})`,
    );
    await ndtc(
      'sweep',
      ...GRID,
      '--c',
      '60fF/um^2',
      '--out',
      b,
      '--shard',
      '1/2',
      '--workers',
      '0',
      '--quiet',
    );
    const mixed = await ndtc('merge', a, b);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/device differ/);
  });

  it('shards in one directory or in several merge to the unsharded bytes', async () => {
    const whole = fresh();
    await ndtc(
      'sweep',
      ...GRID,
      '--chunk-size',
      '5',
      '--out',
      whole,
      '--workers',
      '0',
      '--quiet',
      '--no-plot',
    );
    const shared = fresh();
    const separate = [fresh(), fresh(), fresh()];
    for (let i = 0; i < 3; i++) {
      expect(
        (
          await ndtc(
            'sweep',
            ...GRID,
            '--chunk-size',
            '5',
            '--out',
            shared,
            '--resume',
            '--shard',
            `${i}/3`,
            '--workers',
            '0',
            '--quiet',
          )
        ).code,
      ).toBe(0);
      expect(
        (
          await ndtc(
            'sweep',
            ...GRID,
            '--chunk-size',
            '5',
            '--out',
            separate[i],
            '--shard',
            `${i}/3`,
            '--workers',
            '0',
            '--quiet',
          )
        ).code,
      ).toBe(0);
    }
    expect(existsSync(join(shared, 'results.csv'))).toBe(false);
    expect((await ndtc('merge', shared, '--no-plot')).code).toBe(0);
    const merged = fresh();
    expect((await ndtc('merge', '--out', merged, '--no-plot', ...separate)).code).toBe(0);
    for (const f of ['results.csv', 'results.jsonl', 'manifest.json']) {
      expect(read(shared, f)).toBe(read(whole, f));
      expect(read(merged, f)).toBe(read(whole, f));
    }
    // --out a file: the words sweep uses (it exists and is not a directory), exit 1.
    const holder = fresh();
    mkdirSync(holder, { recursive: true });
    const file = join(holder, 'a-file');
    writeFileSync(file, 'x');
    const onFile = await ndtc('merge', '--out', file, '--no-plot', ...separate);
    expect(onFile.code).toBe(1);
    expect(onFile.stderr).toBe(
      `ndtc merge: cannot create the directory ${file}: it exists and is not a directory (ENOTDIR)\n`,
    );
    // A chunk missing from the third shard's directory: the rerun is named there (it said the first's).
    const [third] = shardChunks(Math.ceil(65 / 5), 2, 3);
    for (const ext of ['bin', 'done'])
      rmSync(join(separate[2], 'chunks', `${String(third).padStart(6, '0')}.${ext}`));
    const gap = await ndtc('merge', '--out', fresh(), '--no-plot', ...separate);
    expect(gap.code).toBe(1);
    expect(gap.stderr).toBe(
      `ndtc merge: chunk ${third} is missing; rerun ndtc sweep --out ${separate[2]} --resume --shard 2/3, then merge again\n`,
    );
    const verified = await ndtc('verify', ...separate);
    expect(verified.code).toBe(1);
    expect(verified.stdout).toContain(
      `${join(separate[2], 'chunks', String(third).padStart(6, '0'))}.bin: missing`,
    );
    expect(verified.stderr).toContain(`recompute with ndtc sweep --out ${separate[2]} --resume --shard 2/3`);
  });
});

describe('--emit-slurm', () => {
  it('writes a job array over the shards and a dependent merge, and the manifest', async () => {
    const out = fresh();
    const script = join(out, '..', 'job.sbatch');
    const n = Math.min(4, GRID_CHUNKS); // at most one task per chunk
    const r = await ndtc('sweep', ...GRID, '--out', out, '--emit-slurm', script, '--shards', String(n));
    expect(r.code).toBe(0);
    const text = readFileSync(script, 'utf8');
    expect(text).toMatch(/^#!\/bin\/bash\n/);
    expect(text).toContain(`#SBATCH --array=0-${n - 1}\n`);
    expect(text).toContain(`--shard "$SLURM_ARRAY_TASK_ID/${n}"`);
    expect(text).toMatch(/--dependency=afterany:"\$SLURM_ARRAY_JOB_ID"/);
    expect(text).toContain('merge');
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
    // What one array task runs: the sweep read back from the manifest.
    const task = await ndtc(
      'sweep',
      '--out',
      out,
      '--resume',
      '--quiet',
      '--shard',
      `${n - 1}/${n}`,
      '--workers',
      '0',
    );
    expect(task.code).toBe(0);
  });
});
