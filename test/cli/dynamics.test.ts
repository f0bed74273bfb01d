/** `ndtc solve --setup 3` and `ndtc transient`: the CLI's numbers are the library's, files are written whole. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  platformDevice,
  solveBalance,
  solveTwoReservoirs,
  timeConstant,
  transientResponse,
} from '../../src/index.js';
import { ndtc, ndtcJson, parseCsv } from './harness.js';

const ag = platformDevice('ag');
const dir = mkdtempSync(join(tmpdir(), 'ndtc-dynamics-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ndtc solve --setup 3', () => {
  it('prints every state of the library with stability and time constants', async () => {
    const { doc } = await ndtcJson('solve', '--setup', '3', '--JinL', '1e-18W', '--JinR', '400fW');
    const points = doc.points as {
      J_in_L: number;
      J_in_R: number;
      roots: { T_L: number; T_R: number; stable: boolean; time_constants: number[] }[];
    }[];
    expect(points).toHaveLength(1);
    const lib = solveTwoReservoirs(ag, { JinL: 1e-18, JinR: 4e-13 }).roots;
    expect(points[0].roots).toHaveLength(lib.length);
    for (const [i, r] of points[0].roots.entries()) {
      expect(Object.keys(r)).toEqual(['T_L', 'T_R', 'stable', 'time_constants']);
      expect(r.T_L).toBe(lib[i].TL);
      expect(r.T_R).toBe(lib[i].TR);
      expect(r.stable).toBe(lib[i].stable);
      expect(r.time_constants).toEqual(lib[i].timeConstants);
    }
  });

  it('heaters too weak to lift a reservoir off the bath: said, as setup 1 says it', async () => {
    const { doc } = await ndtcJson('solve', '--setup', '3', '--JinL', '1e-28W', '--JinR', '1e-30W,1e-9W');
    const p = doc.points as { J_in_R: number; roots: unknown[]; note?: string }[];
    expect(p.map((x) => x.roots)).toEqual([[], []]);
    expect(p[0].note).toMatch(/^no steady state above the bath: the heaters hold both reservoirs at T_bath/);
    // Heated past Tc: no state either, but not at the bath.
    expect(p[1].note).toBe('no steady state with both temperatures in (T_bath, Tc)');
  });

  it('setup 1 roots carry τ = C/(−∂F/∂T_L)', async () => {
    const { doc } = await ndtcJson('solve', '--setup', '1', '--Jin', '1e-18W', '--TR', '700mK');
    const roots = (doc.points as { roots: { time_constants: number[] }[] }[])[0].roots;
    const lib = solveBalance(ag, { Jin: 1e-18, TR: 0.7, setup: 1 }).roots;
    expect(roots.map((r) => r.time_constants[0])).toEqual(lib.map((r) => timeConstant(ag, r)));
  });
});

describe('ndtc transient', () => {
  it('writes CSV and JSON equal to the library, and the figure', async () => {
    const out = join(dir, 'pulse');
    const r = await ndtc(
      'transient',
      '--TR',
      '700mK',
      '--Jin',
      '1e-18W',
      '--change',
      'Jin=2fW',
      '--at',
      '1us',
      '--duration',
      '10us',
      '--until',
      '60us',
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/from T_L = 140\.8 mK/);
    const lib = transientResponse(
      ag,
      { setup: 1, Jin: 1e-18, TR: 0.7 },
      { quantity: 'Jin', value: 2e-15, start: 1e-6, duration: 1e-5 },
      { until: 6e-5 },
    );
    const { header, rows } = parseCsv(readFileSync(join(out, 'transient.csv'), 'utf8'));
    expect(header).toEqual(['time', 'T_L', 'T_R']);
    expect(rows.map((row) => Number(row[1]))).toEqual(lib.TL);
    const json = JSON.parse(readFileSync(join(out, 'transient.json'), 'utf8')) as {
      status: string;
      time: number[];
    };
    expect(json.status).toBe('done');
    expect(json.time).toEqual(lib.time);
    expect(readFileSync(join(out, 'transient.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('warns and keeps what was done when the step budget runs out', async () => {
    const out = join(dir, 'budget');
    const r = await ndtc(
      'transient',
      '--setup',
      '3',
      '--JinL',
      '1e-18W',
      '--JinR',
      '400fW',
      '--change',
      'JinL=2fW',
      '--until',
      '60us',
      '--max-steps',
      '5',
      '--no-plot',
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/stopped after --max-steps 5 steps/);
    expect(parseCsv(readFileSync(join(out, 'transient.csv'), 'utf8')).rows.length).toBeGreaterThan(1);
  });
});
