import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { platformDevice, solveBalance } from '../../src/index.js';
import { traceHysteresis } from '../../src/sweep/hysteresis.js';
import { ndtc, tempDir } from './cli-harness.js';

const logspace = (a: number, b: number, n: number): number[] =>
  Array.from({ length: n }, (_, i) => Math.exp(Math.log(a) + ((Math.log(b) - Math.log(a)) * i) / (n - 1)));

describe('hysteresis by continuation', () => {
  const device = platformDevice('ag');
  // Right reservoir at 700 mK: the left has a cold and a hot stable state at small J_in (docs/bistability.md).
  const values = logspace(1e-18, 1e-14, 33);
  const h = traceHysteresis({ device, parameter: 'J_in', values, TR: 0.7, setup: 1 });
  const up = h.steps.filter((s) => s.direction === 'up');
  const down = h.steps.filter((s) => s.direction === 'down').reverse();

  it('every followed T_L is a stable root of the heat balance at that J_in', () => {
    for (const s of [up[0], up[10], down[0], down[20], up[32]]) {
      const roots = solveBalance(device, { Jin: s.value, TR: 0.7, setup: 1 }).roots.filter((r) => r.stable);
      expect(roots.map((r) => r.TL)).toContain(s.T_L);
    }
  });

  it('up starts cold, jumps once to the hot branch; down stays hot: one loop', () => {
    expect(up[0].T_L!).toBeLessThan(0.2);
    expect(down[0].T_L!).toBeGreaterThan(0.35);
    expect(up.filter((s) => s.jump)).toHaveLength(1);
    expect(down.filter((s) => s.jump)).toHaveLength(0);
    expect(h.loops).toHaveLength(1);
    const [loop] = h.loops;
    expect(loop.from).toBe(values[0]);
    expect(loop.maxSplit).toBeGreaterThan(0.2);
    // Inside the loop the up branch is the colder one; past it the branches coincide.
    for (let i = 0; i < values.length; i++) {
      if (values[i] <= loop.to) expect(up[i].T_L!).toBeLessThan(down[i].T_L!);
      else expect(up[i].T_L).toBe(down[i].T_L);
    }
    // Bistable values are exactly where the loop is, on this grid.
    expect(h.bistableValues).toEqual(values.filter((v) => v <= loop.to));
  });

  it('no loop where the balance has a single root', () => {
    const cold = traceHysteresis({
      device,
      parameter: 'T_R',
      values: [0.05, 0.1, 0.2, 0.3],
      Jin: 1e-13,
      setup: 1,
    });
    expect(cold.loops).toEqual([]);
    expect(cold.bistableValues).toEqual([]);
    expect(cold.steps.every((s) => s.stableRoots === 1)).toBe(true);
  });

  it('takes its values as a Float64Array too (as sweepGrid takes an axis), with the same steps', () => {
    const typed = traceHysteresis({
      device,
      parameter: 'J_in',
      values: Float64Array.from(values),
      TR: 0.7,
      setup: 1,
    });
    expect(typed).toEqual(h);
    expect(() =>
      traceHysteresis({
        device,
        parameter: 'J_in',
        values: new Int8Array(3) as unknown as number[],
        TR: 0.7,
        setup: 1,
      }),
    ).toThrow(
      /^traceHysteresis values: invalid value .*: an array \(or Float64Array\) of at least two SI values/,
    );
  });

  it('decreasing values: the first half is the sweep down; from the hot branch it never leaves it', () => {
    const reversed = [...values].reverse();
    const d = traceHysteresis({ device, parameter: 'J_in', values: reversed, TR: 0.7, setup: 1 });
    const n = values.length;
    expect(d.steps.slice(0, n).every((s) => s.direction === 'down')).toBe(true);
    expect(d.steps.slice(n).every((s) => s.direction === 'up')).toBe(true);
    // Down from 10 fW it follows the hot branch as the ascending trace's down half does (the same
    // T_L at every value, no jump), and back up it stays there: history decides, no loop.
    expect(d.steps.slice(0, n).map((s) => s.T_L)).toEqual(down.map((s) => s.T_L).reverse());
    expect(d.steps.some((s) => s.jump)).toBe(false);
    expect(d.steps.slice(n).map((s) => s.T_L)).toEqual(down.map((s) => s.T_L));
    expect(d.loops).toEqual([]);
    expect(d.bistableValues).toEqual([...h.bistableValues].reverse());
  });

  it('at T_R = 500 mK the bistable window lies inside the range: the same loop either way, its ends in order', () => {
    const descending = logspace(1e-13, 1e-19, 41);
    const ascending = [...descending].reverse();
    const desc = traceHysteresis({ device, parameter: 'J_in', values: descending, TR: 0.5, setup: 1 });
    const asc = traceHysteresis({ device, parameter: 'J_in', values: ascending, TR: 0.5, setup: 1 });
    expect(desc.loops).toHaveLength(1);
    expect(desc.loops[0].from).toBeLessThan(desc.loops[0].to);
    expect(desc.loops[0].from).toBe(asc.loops[0].from);
    expect(desc.loops[0].to).toBe(asc.loops[0].to);
    // The way down jumps once (hot to cold, at the window's lower end), and so does the way up.
    expect(desc.steps.filter((s) => s.jump).map((s) => s.direction)).toEqual(['down', 'up']);
  });

  it('refuses values that turn back, naming the first one out of order', () => {
    expect(() =>
      traceHysteresis({ device, parameter: 'T_R', values: [0.1, 0.3, 0.2], Jin: 1e-13, setup: 1 }),
    ).toThrow(
      /^traceHysteresis values\[2\]: invalid value '0\.2': a value above values\[1\] = 0\.3 \(values strictly/,
    );
    expect(() =>
      traceHysteresis({ device, parameter: 'T_R', values: [0.3, 0.2, 0.2], Jin: 1e-13, setup: 1 }),
    ).toThrow(/^traceHysteresis values\[2\]: .*a value below values\[1\] = 0\.2/);
  });
});

describe('ndtc hysteresis', () => {
  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports the loop and writes CSV, JSON, SVG and PNG', async () => {
    const out = join(dir, 'h');
    const r = await ndtc('hysteresis', '--sweep', 'Jin=1e-18W..1e-14W:17:log', '--TR', '700mK', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/loop: J_in from 1 aW to/);
    const csv = readFileSync(join(out, 'hysteresis.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('direction,J_in,T_L,dTL_dTR,stable_roots,n_roots,jump,roots');
    expect(csv).toHaveLength(1 + 2 * 17);
    const json = JSON.parse(readFileSync(join(out, 'hysteresis.json'), 'utf8'));
    expect(json.loops).toHaveLength(1);
    expect(json.steps).toHaveLength(34);
    // A reader need not know that the swept J_in is in W and T_L in K.
    expect(json.units).toMatchObject({ swept: 'W', T_L: 'K', maxSplit: 'K', dTL_dTR: 'K/K' });
    expect(existsSync(join(out, 'hysteresis.png'))).toBe(true);
    expect(readFileSync(join(out, 'hysteresis.svg'), 'utf8')).toContain('sweep down');
  });

  it('values past Tc and T_L outside linear response: noted and warned as solve does', async () => {
    const out = join(dir, 'past-tc');
    const args = ['--sweep', 'Jin=1fW..100pW:5:log', '--TR', '700mK'];
    const r = await ndtc('hysteresis', ...args, '--out', out, '--quiet', '--no-plot');
    expect(r.code, r.stderr).toBe(0);
    const solve = await ndtc('solve', '--Jin', '5.62341325190349e-12W,1e-10W', '--TR', '700mK', '--json');
    const solved = JSON.parse(solve.stdout) as { warnings: string[]; points: { note?: string }[] };
    const json = JSON.parse(readFileSync(join(out, 'hysteresis.json'), 'utf8')) as {
      warnings: string[];
      notes: string[];
      steps: { value: number; T_L: number | null; exceedsTc: boolean }[];
    };
    // The same linear-response warning as solve's at the same T_L, on stderr and in the JSON.
    expect(json.warnings).toEqual(solved.warnings);
    expect(json.warnings).toHaveLength(1);
    expect(r.stderr).toContain(`ndtc hysteresis: warning: ${solved.warnings[0]}`);
    // 100 pW: no steady state below Tc, said, and marked in its steps.
    expect(solved.points[1].note).toMatch(/^no steady state below Tc/);
    expect(json.notes).toEqual([
      "no stable steady state at J_in = 100 pW: J_in heats the left reservoir out of the model's range (above Tc = 1.2 K); T_L is empty there",
    ]);
    expect(r.stderr).toContain(`ndtc hysteresis: note: ${json.notes[0]}`);
    expect(json.steps.filter((s) => s.exceedsTc).map((s) => [s.value, s.T_L])).toEqual([
      [1e-10, null],
      [1e-10, null],
    ]);
    expect(r.stdout).toContain('no hysteresis loop where both branches have a stable steady state');
  });

  it('labels a swept T_R of 10–800 mK at round values, the last apart from the one before', async () => {
    const out = join(dir, 'ticks');
    const r = await ndtc('hysteresis', '--sweep', 'TR=10mK..800mK:30', '--Jin', '1e-18W', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const labels = [
      ...readFileSync(join(out, 'hysteresis.svg'), 'utf8').matchAll(/<text[^>]*>([^<]*)<\/text>/g),
    ].map((m) => m[1]);
    // vega's default (a tick every 50 mK) ran the flush 800 into 750: "750800". The T_L axis ends
    // below 500 mK, so labels from 500 on are the T_R axis'.
    for (const v of ['500', '600', '700', '800']) expect(labels).toContain(v);
    for (const v of ['550', '650', '750']) expect(labels).not.toContain(v);
  });

  it('--force --no-plot over an earlier run removes its figure, which drew other data', async () => {
    const out = join(dir, 'again');
    const first = await ndtc('hysteresis', '--sweep', 'Jin=1fW..100fW:5:log', '--TR', '100mK', '--out', out);
    expect(first.code, first.stderr).toBe(0);
    expect(existsSync(join(out, 'hysteresis.png'))).toBe(true);
    const args = ['--sweep', 'Jin=1fW..100fW:7:log', '--TR', '100mK', '--out', out, '--force', '--no-plot'];
    const second = await ndtc('hysteresis', ...args);
    expect(second.code, second.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['hysteresis.csv', 'hysteresis.json']);
  });

  it('a decreasing --sweep goes down first: its rows say down, then up', async () => {
    const out = join(dir, 'descending');
    const r = await ndtc(
      'hysteresis',
      '--sweep',
      'Jin=100fW..0.1aW:41:log',
      '--TR',
      '500mK',
      '--no-plot',
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^loop: J_in from [\d.]+ aW to [\d.]+ aW/m);
    const rows = readFileSync(join(out, 'hysteresis.csv'), 'utf8').trim().split('\n').slice(1);
    expect(rows.map((row) => row.split(',')[0])).toEqual([
      ...Array(41).fill('down'),
      ...Array(41).fill('up'),
    ]);
    expect(Number(rows[0].split(',')[1])).toBeCloseTo(1e-13, 25);
  });

  it('bad input → exit 2 naming the option', async () => {
    const cases: [string[], RegExp][] = [
      [['--sweep', 'chi=1..2:3', '--TR', '100mK'], /--sweep: .*Jin=VALUES or TR=VALUES/],
      // The quantity before its values: this was told 'missing unit'.
      [
        ['--sweep', 'Tbath=1..2:3', '--TR', '100mK'],
        /^ndtc hysteresis: --sweep: invalid value 'Tbath=1\.\.2:3': Jin=VALUES or TR=VALUES$/m,
      ],
      [['--sweep', 'TR=10mK..800mK:20'], /--Jin: invalid value '\(missing\)'/],
      [['--sweep', 'Jin=1fW..1pW:20:log'], /--TR: invalid value '\(missing\)'/],
      // Named as typed, with the grid value that is out.
      [
        ['--sweep', 'TR=10mK..1.3K:20', '--Jin', '1fW'],
        /--sweep: invalid value 'TR=10mK\.\.1\.3K:20': T_R from 4\.8 mK \(0\.004 Tc\) to below Tc = 1\.2 K \(1\.232 K is not\)/,
      ],
      // Refused before the work: 2·10⁶ values ran 90 s and died building the JSON ('Invalid string length').
      [
        ['--sweep', 'Jin=1fW..1pW:2000000:log', '--TR', '100mK'],
        /--sweep: .*at most 100000 values \(2000000 given\)/,
      ],
      // A turn inside the values: the way back would retrace a path the way out did not take.
      [
        ['--sweep', 'TR=100mK,300mK,200mK', '--Jin', '1fW'],
        /--sweep: invalid value 'TR=100mK,300mK,200mK': values that only increase or only decrease \(200 mK follows 300 mK\)$/m,
      ],
    ];
    for (const [argv, message] of cases) {
      const r = await ndtc('hysteresis', ...argv, '--out', join(dir, 'bad'));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
});
