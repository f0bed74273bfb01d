/**
 * sweepGrid and sweepChunks against what `ndtc sweep` writes: every value of results.csv, bit for bit,
 * at its place in the row-major arrays (first axis slowest, roots last, NaN beyond a point's roots).
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  InputError,
  loadPhononFamily,
  parseList,
  platformDevice,
  sweepChunks,
  sweepGrid,
  SWEEP_GRID_MAX_VALUES,
  withJunctionParameters,
  type SweepArrays,
  type SweepChunkOptions,
  type SweepGridOptions,
  type SweepGridInput,
} from '../../src/index.js';
import { ndtc, tempDir } from './cli-harness.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Run `ndtc sweep` and return results.csv as header + rows of cells. */
async function cliResults(args: string[]): Promise<{ header: string[]; rows: string[][] }> {
  const out = tempDir('ndtc-arrays-');
  dirs.push(out);
  const r = await ndtc('sweep', ...args, '--out', out, '--workers', '2', '--quiet', '--no-plot', '--no-h5');
  expect(r.code, r.stderr).toBe(0);
  const lines = readFileSync(join(out, 'results.csv'), 'utf8').trimEnd().split('\n');
  return { header: lines[0].split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}

/** A CSV cell as the arrays hold it: empty → NaN, true/false → 1/0, else the number it spells. */
const value = (cell: string): number =>
  cell === '' ? NaN : cell === 'true' ? 1 : cell === 'false' ? 0 : Number(cell);

/** Every cell of results.csv equals (Object.is: NaN = NaN, −0 ≠ 0) its place in the arrays. */
function expectSameAsCsv(s: SweepArrays, csv: { header: string[]; rows: string[][] }): void {
  const col = (name: string): number => csv.header.indexOf(name);
  const points = s.shape.reduce((a, b) => a * b, 1);
  const rowsPerPoint = new Int32Array(points);
  for (const row of csv.rows) {
    const i = Number(row[0]);
    const r = col('root_index') >= 0 && row[col('root_index')] !== '' ? Number(row[col('root_index')]) : 0;
    rowsPerPoint[i]++;
    // Axis coordinates: point i's values, mixed radix with the last axis fastest.
    let rest = i;
    for (let a = s.axes.length - 1; a >= 0; a--) {
      const len = s.axes[a].values.length;
      expect(Object.is(value(row[col(s.axes[a].name)]), s.axes[a].values[rest % len])).toBe(true);
      rest = Math.floor(rest / len);
    }
    for (const info of s.outputInfo) {
      const at = info.level === 'point' ? i : i * s.maxRoots + r;
      const got = s.outputs[info.name][at];
      const want = value(row[col(info.name)]);
      if (!Object.is(got, want)) throw new Error(`${info.name} at point ${i} root ${r}: ${got} ≠ ${want}`);
    }
  }
  for (let i = 0; i < points; i++) {
    // A point without roots still has one row (empty root cells); with roots, one row per root.
    expect(rowsPerPoint[i]).toBe(Math.max(1, s.nRoots[i]));
    for (const info of s.outputInfo.filter((o) => o.level === 'root'))
      for (let r = s.nRoots[i]; r < s.maxRoots; r++)
        expect(s.outputs[info.name][i * s.maxRoots + r]).toBeNaN();
  }
}

const TR_TEXT = '10mK..800mK:40';
const JIN_TEXT = '0.1fW..1pW:12:log';
const balanceInput: SweepGridInput = {
  device: platformDevice('ag'),
  axes: [
    { name: 'Jin', values: parseList(JIN_TEXT, 'power'), log: true },
    { name: 'TR', values: parseList(TR_TEXT, 'temperature') },
  ],
  outputs: ['T_L', 'stable', 'dTL_dTR', 'n_roots', 'deltaT', 'J_gamma'],
};

describe('sweepGrid', () => {
  it('a bistable map: the values of ndtc sweep’s results.csv, bit for bit, shaped as the grid', async () => {
    const s = await sweepGrid(balanceInput);
    expect(s.shape).toEqual([12, 40]);
    expect(s.axes.map((a) => [a.name, a.unit])).toEqual([
      ['J_in', 'W'],
      ['T_R', 'K'],
    ]);
    // Several roots at some points (the map is bistable), so the root dimension is exercised.
    expect(s.maxRoots).toBeGreaterThan(1);
    expect(s.nRoots.some((n) => n === 1)).toBe(true);
    expect(s.outputs.T_L).toHaveLength(480 * s.maxRoots);
    expect(s.outputs.deltaT).toHaveLength(480);
    // n_roots (the CSV's point output) is what nRoots counts.
    expect(Array.from(s.outputs.n_roots)).toEqual(Array.from(s.nRoots));
    const csv = await cliResults([
      '--vary',
      `Jin=${JIN_TEXT}`,
      '--vary',
      `TR=${TR_TEXT}`,
      '--output',
      'T_L,stable,dTL_dTR,n_roots,deltaT,J_gamma',
    ]);
    expectSameAsCsv(s, csv);
  }, 120_000);

  it('direct mode (T_L given) and a device axis: bit for bit too, one root per point', async () => {
    const input: SweepGridInput = {
      device: platformDevice('inas'),
      axes: [
        { name: 'chi', values: parseList('0.5,1,2,5', 'dimensionless') },
        { name: 'T_R', values: parseList('10mK..500mK:25', 'temperature') },
      ],
      fixed: { T_L: 0.5 },
      outputs: ['J_gamma', 'kappa_gamma', 'J_ph'],
    };
    const s = await sweepGrid(input);
    expect(s.maxRoots).toBe(1);
    expect(s.nRoots.every((n) => n === 1)).toBe(true);
    const csv = await cliResults([
      '--device',
      'examples/inas.yaml',
      '--vary',
      'chi=0.5,1,2,5',
      '--vary',
      'TR=10mK..500mK:25',
      '--TL',
      '500mK',
      '--output',
      'J_gamma,kappa_gamma,J_ph',
    ]);
    expectSameAsCsv(s, csv);
  }, 60_000);

  it('points above Tc have no root: nRoots 0 and NaN, as the CSV’s empty cells', async () => {
    const s = await sweepGrid({
      device: platformDevice('ag'),
      axes: [{ name: 'J_in', values: [1e-13, 1e-8] }],
      fixed: { T_R: 0.1 },
      outputs: ['T_L'],
    });
    expect(Array.from(s.nRoots)).toEqual([1, 0]);
    expect(s.outputs.T_L[0]).toBeGreaterThan(0.1);
    expect(s.outputs.T_L[1]).toBeNaN();
  });

  it('a grid without a single root keeps one NaN slot per point (maxRoots 1), in sweepGrid and in every chunk', async () => {
    const input: SweepGridInput = {
      device: platformDevice('ag'),
      axes: [{ name: 'T_R', values: [0.3, 0.4, 0.5] }],
      fixed: { J_in: 1e-9 },
      outputs: ['T_L', 'n_roots'],
    };
    const s = await sweepGrid(input);
    expect(s.maxRoots).toBe(1);
    expect(Array.from(s.nRoots)).toEqual([0, 0, 0]);
    expect(Array.from(s.outputs.n_roots)).toEqual([0, 0, 0]);
    expect(s.outputs.T_L).toHaveLength(3);
    expect(Array.from(s.outputs.T_L).every(Number.isNaN)).toBe(true);
    for await (const chunk of sweepChunks(input, { chunkSize: 2 })) {
      expect(chunk.maxRoots).toBe(1);
      expect(chunk.outputs.T_L).toHaveLength(chunk.coordinates.T_R.length);
    }
    // Without a root output there is no root dimension.
    expect((await sweepGrid({ ...input, outputs: ['n_roots'] })).maxRoots).toBe(0);
  });

  it('refuses a J_in with T_L given (nothing is balanced), as ndtc sweep does', async () => {
    const base = { device: platformDevice('ag'), outputs: ['J_gamma'] };
    await expect(
      sweepGrid({ ...base, axes: [{ name: 'T_R', values: [0.1, 0.3] }], fixed: { T_L: 0.5, J_in: 1e-13 } }),
    ).rejects.toThrow(/^sweepGrid fixed\.J_in: invalid value '1e-13': not with T_L given/);
    await expect(
      sweepGrid({
        ...base,
        axes: [
          { name: 'J_in', values: [1e-13, 1e-12] },
          { name: 'T_R', values: [0.1, 0.3] },
        ],
        fixed: { T_L: 0.5 },
      }),
    ).rejects.toThrow(/^sweepGrid axes: invalid value 'J_in': not with T_L given/);
  });

  it('refuses a bath in setup 2, where the bath is T_R (it was ignored)', async () => {
    const base = { device: platformDevice('ag'), outputs: ['T_L'] };
    await expect(
      sweepGrid({
        ...base,
        axes: [{ name: 'T_R', values: [0.1, 0.2] }],
        fixed: { setup: 2, J_in: 1e-13, T_bath: 0.2 },
      }),
    ).rejects.toThrow(/^sweepGrid fixed\.T_bath: invalid value '0\.2': no T_bath in setup 2/);
    await expect(
      sweepGrid({
        ...base,
        axes: [
          { name: 'T_bath', values: [0.01, 0.05] },
          { name: 'T_R', values: [0.1, 0.2] },
        ],
        fixed: { setup: 2, J_in: 1e-13 },
      }),
    ).rejects.toThrow(/^sweepGrid axes: invalid value 'T_bath': no T_bath axis in setup 2/);
  });

  it('refuses a grid above SWEEP_GRID_MAX_VALUES before computing, pointing to sweepChunks', async () => {
    const many = Array.from({ length: 4000 }, (_, i) => 0.01 + i * 1e-4);
    const input: SweepGridInput = {
      device: platformDevice('ag'),
      axes: [
        { name: 'T_R', values: many },
        { name: 'chi', values: Array.from({ length: 2000 }, (_, i) => 0.5 + i * 1e-3) },
      ],
      fixed: { J_in: 1e-13 },
      outputs: ['T_L', 'J_gamma'],
    };
    expect(4000 * 2000 * 2).toBeGreaterThan(SWEEP_GRID_MAX_VALUES);
    await expect(sweepGrid(input)).rejects.toThrow(
      /^sweepGrid axes: invalid value '8000000 points × 2 outputs': at most 10000000 output values in memory; for more use sweepChunks/,
    );
  });

  it.each([
    [{ device: undefined }, /^sweepGrid device: invalid value 'undefined': a Device object/],
    [{ axes: [] }, /^sweepGrid axes: invalid value 'an array of 0': a non-empty array/],
    [
      { axes: [{ name: 'chj', values: [1] }] },
      /^sweepGrid axes\[0\]\.name: invalid value 'chj': did you mean 'chi'/,
    ],
    [
      { axes: [{ name: 'T_R', values: [0.1, -1] }] },
      // The device's range (its Tc), as the point functions give it, not the model's widest.
      /^sweepGrid axes\[0\]\.values\[1\]: invalid value '-1 K': a temperature from 4\.8 mK \(0\.004 Tc\) to below Tc = 1\.2 K/,
    ],
    [
      { axes: [{ name: 'T_R', values: [0.1, 2] }] },
      /^sweepGrid axes\[0\]\.values\[1\]: invalid value '2 K': a temperature from 4\.8 mK \(0\.004 Tc\) to below Tc = 1\.2 K/,
    ],
    // Below 0.004 Tc, as `ndtc sweep --vary` and solveBalance: computed without a word before.
    [
      { axes: [{ name: 'T_R', values: [0.1, 1e-3] }] },
      /^sweepGrid axes\[0\]\.values\[1\]: invalid value '1 mK': a temperature from 4\.8 mK \(0\.004 Tc\)/,
    ],
    [
      { axes: [{ name: 'T_L', values: [1e-3] }], fixed: { T_R: 0.3 } },
      /^sweepGrid axes\[0\]\.values\[0\]: invalid value '1 mK': a temperature from 4\.8 mK/,
    ],
    // A bath on an axis as a fixed one: at or above Tc it gave rows without roots, no failure.
    [
      {
        axes: [
          { name: 'T_R', values: [0.1] },
          { name: 'T_bath', values: [0.01, 1.25] },
        ],
      },
      /^sweepGrid axes\[1\]\.values\[1\]: invalid value '1\.25 K': a temperature from 4\.8 mK \(0\.004 Tc\) to below Tc = 1\.2 K/,
    ],
    [
      {
        axes: [
          { name: 'T_R', values: [0.1] },
          { name: 'Tbath', values: [1e-3] },
        ],
      },
      /^sweepGrid axes\[1\]\.values\[0\]: invalid value '1 mK'/,
    ],
    [
      { axes: [{ name: 'T_R', values: [0.1, NaN] }] },
      /^sweepGrid axes\[0\]\.values\[1\]: invalid value 'NaN K': a temperature from 4\.8 mK \(0\.004 Tc\) to below Tc = 1\.2 K/,
    ],
    // With Tc on an axis the bound varies from point to point: the model's widest range first.
    [
      {
        axes: [
          { name: 'Tc', values: [0.8, 1.2] },
          { name: 'T_R', values: [0.1, NaN] },
        ],
      },
      /^sweepGrid axes\[1\]\.values\[1\]: invalid value 'T_R = NaN K': from [\d.]+ mK/,
    ],
    [
      {
        axes: [
          { name: 'T_R', values: [0.1] },
          { name: 'TR', values: [0.2] },
        ],
      },
      /^sweepGrid axes\[1\]\.name: invalid value 'T_R': each parameter once/,
    ],
    [
      { fixed: { J_in: 1e-13, T_R: 0.1 } },
      /^sweepGrid fixed\.T_R: invalid value '0\.1': a parameter not also on an axis/,
    ],
    [{ fixed: {} }, /^sweepGrid fixed\.J_in: invalid value '\(missing\)': an input power/],
    [
      { fixed: { J_in: 1e-13, chi: 2 } },
      /^sweepGrid fixed\.chi: invalid value '2': fixed takes T_R, J_in, T_L, setup, T_bath/,
    ],
    [
      { fixed: { J_in: 1e-13, setup: 3 } },
      /^sweepGrid fixed\.setup: invalid value 'setup = 3': setup 1 \(T_bath fixed, T_R swept\) or 2/,
    ],
    [
      { outputs: ['T_L', 'kapa'] },
      /^sweepGrid outputs: invalid value 'T_L,kapa': comma-separated quantities from T_L, stable/,
    ],
    [{ TRrange: [0.5, 0.1] }, /^sweepGrid TRrange: invalid value '\[0\.5, 0\.1\]': \[from, to\] in K/],
    // δT's range as temperatureDrop takes it: beyond Tc it gave a δT, below 0.004 Tc NaN, no error.
    [
      { TRrange: [0.01, 5], outputs: ['deltaT'] },
      /^sweepGrid TRrange: invalid value '\[0\.01, 5\]': \[from, to\] in K with 0\.0048 K \(0\.004 Tc\) ≤ from < to < Tc = 1\.2 K/,
    ],
    [
      { TRrange: [1e-9, 0.5], outputs: ['T_Lmin'] },
      /^sweepGrid TRrange: invalid value '\[1e-9, 0\.5\]': \[from, to\] in K with 0\.0048 K/,
    ],
    // With Tc on an axis the range is checked at every Tc: at 0.5 K, 10–800 mK gave δT = 59 mK.
    [
      { axes: [{ name: 'Tc', values: [0.5, 1.2] }], fixed: { J_in: 1e-14 }, outputs: ['deltaT'] },
      /^sweepGrid axes: invalid value 'Tc = 0\.5': a grid inside the model at every point; there TRrange end = 800 mK, and it must be a temperature .*to below Tc = 500 mK/,
    ],
    // …and a fixed Tc low enough for the default range: an example that fits it.
    [
      {
        device: withJunctionParameters(platformDevice('ag'), { Tc: 0.5 }),
        fixed: { J_in: 1e-14 },
        outputs: ['deltaT'],
      },
      /^sweepGrid TRrange: invalid value '\[0\.01, 0\.8\]': .* < Tc = 0\.5 K, e\.g\. \[0\.01, 0\.33\]$/,
    ],
    // An alias and a path of it: applied in order, one overrode the other, whose values repeated.
    [
      {
        axes: [
          { name: 'T_R', values: [0.1] },
          { name: 'left.junction.r0', values: [1e-11, 3e-11] },
          { name: 'r0', values: [1e-11, 2e-11] },
        ],
      },
      /^sweepGrid axes\[2\]\.name: invalid value 'r0': parameters that set different device fields \(left\.junction\.r0 and r0 both set left\.junction\.r0\)/,
    ],
    [
      {
        axes: [
          { name: 'T_R', values: [0.1] },
          { name: 'right.junction.area', values: [1e-13, 3e-13] },
          { name: 'chi', values: [1, 2] },
        ],
      },
      /^sweepGrid axes\[2\]\.name: invalid value 'chi': parameters that set different device fields \(right\.junction\.area and chi/,
    ],
    // With a Tc axis, the corners of the temperature axes are checked (each point was computed).
    [
      {
        axes: [
          { name: 'T_R', values: [0.1] },
          { name: 'right.superconductor.Tc', values: [1.2, 3] },
        ],
      },
      /^sweepGrid axes: invalid value 'T_R = 0\.1, right\.superconductor\.Tc = 3': a grid inside the model at every point; there T_bath = 10 mK, and it must be a temperature from 12 mK = 0\.004 Tc \(Tc = 3 K\)/,
    ],
    [
      {
        axes: [
          { name: 'T_R', values: [0.1, 0.9] },
          { name: 'Tc', values: [0.8, 1.2] },
        ],
      },
      /^sweepGrid axes: invalid value 'T_R = 0\.9, Tc = 0\.8': .*there T_R = 900 mK, and it must be a temperature from 3\.2 mK \(0\.004 Tc\) to below Tc = 800 mK/,
    ],
    // A real photon line was ignored: the ideal line's T_L (ndtc sweep refuses such a device file).
    [
      { device: { ...platformDevice('ag'), line: { inductance: 1e-8, resistance: 5 } } },
      /^sweepGrid device\.line: invalid value 'inductance 1e-8 H, resistance 5 Ω': no 'line' \(the paper's ideal lines\)/,
    ],
    // Misspelt keys were ignored: `output` computed the default outputs.
    [
      { output: ['J_gamma'] },
      /^sweepGrid output: invalid value 'an array of 1': one of the keys device, axes, fixed, outputs, TRrange/,
    ],
    [
      { axes: [{ name: 'T_R', values: [0.1], lg: true }] },
      /^sweepGrid axes\[0\]\.lg: invalid value 'true': one of the keys name, values, log/,
    ],
    [
      { axes: [{ name: 'T_R', values: '0.1' }] },
      /^sweepGrid axes\[0\]\.values: invalid value '0\.1': a non-empty array/,
    ],
  ])('bad input %# → InputError naming the field, the value and what is accepted', async (over, message) => {
    const input = {
      device: platformDevice('ag'),
      axes: [{ name: 'T_R', values: [0.1, 0.2] }],
      fixed: { J_in: 1e-13 },
      ...over,
    } as unknown as SweepGridInput;
    const error = await sweepGrid(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
  });
});

describe('sweepChunks', () => {
  it('streams the same values as sweepGrid, in index ranges with their coordinates', async () => {
    const whole = await sweepGrid(balanceInput);
    let next = 0;
    for await (const chunk of sweepChunks(balanceInput, { chunkSize: 77 })) {
      expect(chunk.start).toBe(next);
      expect(chunk.end).toBe(Math.min(480, next + 77));
      next = chunk.end;
      const n = chunk.end - chunk.start;
      for (let i = 0; i < n; i++) {
        const index = chunk.start + i;
        expect(chunk.coordinates.J_in[i]).toBe(whole.axes[0].values[Math.floor(index / 40)]);
        expect(chunk.coordinates.T_R[i]).toBe(whole.axes[1].values[index % 40]);
        expect(chunk.nRoots[i]).toBe(whole.nRoots[index]);
        for (const info of whole.outputInfo) {
          if (info.level === 'point')
            expect(Object.is(chunk.outputs[info.name][i], whole.outputs[info.name][index])).toBe(true);
          else
            for (let r = 0; r < whole.maxRoots; r++) {
              const got = r < chunk.maxRoots ? chunk.outputs[info.name][i * chunk.maxRoots + r] : NaN;
              expect(Object.is(got, whole.outputs[info.name][index * whole.maxRoots + r])).toBe(true);
            }
        }
      }
    }
    expect(next).toBe(480);
  }, 120_000);

  it.each([
    [null, /^sweepChunks options: invalid value 'null': \{ chunkSize\?, signal\? \}/],
    [
      { chunksize: 10 },
      /^sweepChunks options\.chunksize: invalid value '10': one of the keys chunkSize, signal/,
    ],
    [{ signal: 'stop' }, /^sweepChunks options\.signal: invalid value 'stop': an AbortSignal/],
  ])('bad options %# → InputError (was a TypeError, or ignored)', async (options, message) => {
    const chunks = sweepChunks(balanceInput, options as unknown as SweepChunkOptions);
    const error = await chunks.next().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
    await expect(sweepGrid(balanceInput, { signl: 1 } as unknown as SweepGridOptions)).rejects.toThrow(
      /^sweepGrid options\.signl: invalid value '1': one of the keys signal$/,
    );
  });

  it('refuses a bad chunk size before any work', async () => {
    const chunks = sweepChunks(balanceInput, { chunkSize: 0 });
    await expect(chunks.next()).rejects.toThrow(
      /^sweepChunks chunkSize: invalid value '0': an integer from 1 to 10000000/,
    );
  });
});

describe('cancellation', () => {
  it('an aborted signal stops sweepGrid and sweepChunks with its reason', async () => {
    const controller = new AbortController();
    const reason = new Error('stopped by the caller');
    // 10⁵ points over 1000 T_R (each T_R's scan nodes built on first use): far more than one slice of
    // ~20 ms on any machine, where 10⁴ points at one T_R could finish inside the first slice.
    const input: SweepGridInput = {
      device: platformDevice('ag'),
      axes: [
        { name: 'J_in', values: parseList('1fW..1pW:100:log', 'power') },
        { name: 'T_R', values: parseList('10mK..800mK:1000', 'temperature') },
      ],
      outputs: ['T_L'],
    };
    // Abort once the first slice has been computed: the rest is never evaluated.
    setImmediate(() => controller.abort(reason));
    await expect(sweepGrid(input, { signal: controller.signal })).rejects.toBe(reason);
    const seen: number[] = [];
    const chunks = sweepChunks(input, { chunkSize: 100, signal: AbortSignal.abort(reason) });
    await expect(
      (async () => {
        for await (const chunk of chunks) seen.push(chunk.start);
      })(),
    ).rejects.toBe(reason);
    expect(seen).toEqual([]);
  });

  it('an abort among slow points (δT over a γ axis, ~0.1 s each) is seen after one point, not 16', async () => {
    await loadPhononFamily();
    const controller = new AbortController();
    const reason = new Error('stopped');
    const input: SweepGridInput = {
      device: platformDevice('ag'),
      axes: [{ name: 'gamma', values: parseList('1e-6..1e-1:64:log', 'dimensionless') }],
      fixed: { T_R: 0.3, J_in: 1e-13 },
      outputs: ['deltaT'],
    };
    const abortAt = performance.now() + 200;
    setTimeout(() => controller.abort(reason), 200);
    await expect(sweepGrid(input, { signal: controller.signal })).rejects.toBe(reason);
    // The clock was read every 16 points: the abort waited ~2–4 s.
    expect(performance.now() - abortAt).toBeLessThan(1000);
  }, 30_000);

  it('an aborted signal stops a big grid before its values are checked', async () => {
    // 10⁶ axis values took ~2 s to check (a message built per value) before the first look at the
    // signal; now an aborted signal is seen first, and the check itself takes tens of milliseconds.
    const reason = new Error('stopped');
    const input: SweepGridInput = {
      device: platformDevice('ag'),
      axes: [{ name: 'T_R', values: Array.from({ length: 1_000_000 }, (_, i) => 0.01 + i * 6e-7) }],
      fixed: { J_in: 1e-13 },
      outputs: ['T_L'],
    };
    await expect(sweepGrid(input, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    // The check alone (an input that fails after every value is checked: a missing J_in).
    const started = performance.now();
    await expect(sweepGrid({ ...input, fixed: {} })).rejects.toThrow(/^sweepGrid fixed\.J_in/);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
