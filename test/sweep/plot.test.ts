/**
 * The sweep plot reads results.jsonl as a stream and keeps only the samples it draws: its line
 * reader, its raster heat map (colours checked against vega's viridis), and the memory of merge +
 * plot of 10⁶ points measured in a child process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scheme } from 'vega';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeChunk, openSweepDirectory } from '../../src/sweep/directory.js';
import { mergeSweeps } from '../../src/sweep/merge.js';
import { forEachWantedLine } from '../../src/sweep/drawn-samples.js';
import { continuingRoots, plotSweep } from '../../src/sweep/plot.js';
import { decodePng } from '../figures/png.js';
import { ndtc, withoutBinaryRecords } from './cli-harness.js';
import { syntheticChunk, syntheticSpec, writeSyntheticStudy } from './synthetic-study.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'ndtc-plot-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('forEachWantedLine', () => {
  it('gives the wanted lines whole, across 1 MiB blocks, and counts every line', () => {
    const long = 'x'.repeat(3 * 2 ** 20 + 17); // longer than a block
    const lines = ['a', long, '', 'ü€', long + 'y', 'last without newline'];
    const path = join(tmp, 'lines.txt');
    writeFileSync(path, lines.join('\n'));
    const got = new Map<number, string>();
    const count = forEachWantedLine(
      path,
      (i) => i !== 2,
      (i, line) => got.set(i, line.toString('utf8')),
    );
    expect(count).toBe(lines.length);
    expect([...got.keys()]).toEqual([0, 1, 3, 4, 5]);
    for (const [i, text] of got) expect(text).toBe(lines[i]);
    writeFileSync(path, 'one\ntwo\n');
    expect(
      forEachWantedLine(
        path,
        () => false,
        () => {},
      ),
    ).toBe(2);
  });

  it('names the file when it cannot be read', () => {
    expect(() =>
      forEachWantedLine(
        join(tmp, 'absent'),
        () => true,
        () => {},
      ),
    ).toThrow(/cannot read .*absent: no such file/);
  });
});

describe('heat map raster', () => {
  it('each cell has the colour of vega’s viridis at its value; a point without a value is left white', async () => {
    const dir = join(tmp, 'small');
    const spec = syntheticSpec(3, 4);
    openSweepDirectory(dir, spec, false);
    // Chunk 0 with point 5 (x index 1, y index 1) failed: an error record and no value.
    writeChunk(dir, 0, { bin: syntheticChunk(spec, 0, new Set([5])) });
    await mergeSweeps([dir]);
    const records = readFileSync(join(dir, 'results.jsonl'), 'utf8').split('\n');
    expect(records[5]).toMatch(/^\{"index":5,.*"error":"x"\}$/);
    await plotSweep(dir, 'T_L');
    const png = decodePng(readFileSync(join(dir, 'plot.png')));
    const svg = readFileSync(join(dir, 'plot.svg'), 'utf8');
    // The plot area's origin in the SVG (vega translates the group), at the PNG's 2× scale.
    const m = /<g fill="none"[^>]*transform="translate\(([\d.]+),([\d.]+)\)"/.exec(svg);
    expect(m).not.toBeNull();
    const [ox, oy] = [Number(m![1]) * 2, Number(m![2]) * 2];
    const values = records.filter(Boolean).map((l) => JSON.parse(l) as { roots?: { T_L: number }[] });
    const finite = values.flatMap((r) => (r.roots ? [r.roots[0].T_L] : []));
    const [lo, hi] = [Math.min(...finite), Math.max(...finite)];
    const viridis = scheme('viridis') as (t: number) => string;
    for (let a = 0; a < 3; a++) {
      for (let b = 0; b < 4; b++) {
        // The commonest colour near the cell's centre (a contour line may cross it): 3 columns over
        // 960 px, 4 rows over 720 px, row 0 at the bottom.
        const counts = new Map<string, number>();
        for (let dx = -60; dx <= 60; dx += 4) {
          for (let dy = -40; dy <= 40; dy += 4) {
            const px = Math.round(ox + (a + 0.5) * (960 / 3) + dx);
            const py = Math.round(oy + 720 - (b + 0.5) * (720 / 4) + dy);
            const o = 4 * (py * png.width + px);
            const key = Array.from(png.rgba.subarray(o, o + 3)).join(',');
            counts.set(key, (counts.get(key) ?? 0) + 1);
          }
        }
        const commonest = [...counts].sort((p, q) => q[1] - p[1])[0][0];
        const pixel = commonest.split(',').map(Number);
        const record = values[a * 4 + b];
        if (!record.roots) {
          expect(pixel).toEqual([255, 255, 255]);
          continue;
        }
        const want = /rgb\((\d+), (\d+), (\d+)\)/.exec(viridis((record.roots[0].T_L - lo) / (hi - lo)))!;
        for (let c = 0; c < 3; c++) expect(Math.abs(pixel[c] - Number(want[c + 1]))).toBeLessThanOrEqual(2);
      }
    }
  });
});

describe('heat map axes', () => {
  it('a linear range that is not made nice (T_R 10–800 mK) is labelled at round values', async () => {
    const dir = join(tmp, 'ticks');
    const spec = syntheticSpec(12, 40);
    spec.axes.reverse(); // T_R first: the map's x axis
    writeSyntheticStudy(dir, spec);
    await mergeSweeps([dir]);
    await plotSweep(dir, 'T_L');
    const labels = [
      ...readFileSync(join(dir, 'plot.svg'), 'utf8').matchAll(/<text[^>]*>([^<]*)<\/text>/g),
    ].map((m) => m[1]);
    // every 100 mK, not every other one of a 50 mK step (50, 150, 250 …) that overlapping labels leave
    for (const v of ['100', '200', '300', '400', '500', '600', '700', '800']) expect(labels).toContain(v);
    for (const v of ['50', '150', '250', '750']) expect(labels).not.toContain(v);
  });
});

describe('the data a text sweep is drawn from', () => {
  it('its chunks’ binary records, and without them results.jsonl: the same SVG', async () => {
    const out = join(tmp, 'records');
    // Bistable points among them (several roots; the heat map draws the first).
    const r = await ndtc(
      'sweep',
      '--vary',
      'Jin=1e-18W..1pW:17:log',
      '--vary',
      'TR=300mK..800mK:23',
      '--chunk-size',
      '50',
      '--workers',
      '0',
      '--quiet',
      '--no-h5',
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    // vega numbers its gradients and clip paths per process: the n-th drawing's ids differ.
    const svg = (): string =>
      readFileSync(join(out, 'plot.svg'), 'utf8').replace(/(id="|url\(#)([A-Za-z_-]+?)_?\d+/g, '$1$2');
    const fromRecords = svg();
    // Not read: the plot comes from the records alone.
    const jsonl = join(out, 'results.jsonl');
    const kept = readFileSync(jsonl);
    writeFileSync(jsonl, '');
    await plotSweep(out);
    expect(svg()).toBe(fromRecords);
    writeFileSync(jsonl, kept);
    withoutBinaryRecords(out);
    await plotSweep(out);
    expect(svg()).toBe(fromRecords);
    expect(fromRecords).toContain('<image');
  });
});

describe('merge + plot of 10⁶ points', () => {
  const dir = join(tmp, 'million');
  beforeAll(() => writeSyntheticStudy(dir, syntheticSpec(1000, 1000)), 600_000);

  it('runs in at most 300 MB (peak RSS of the process, tsx included)', () => {
    const usageFile = join(tmp, 'usage.json');
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'test/cli/main-child.ts', 'merge', dir, '--no-h5'],
      { cwd: root, env: { ...process.env, NDTC_USAGE_FILE: usageFile }, encoding: 'utf8' },
    );
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    // The results are far larger than what the plot may hold: read whole, as one string and 10⁶
    // parsed records, they alone would take several times the bound.
    expect(statSync(join(dir, 'results.jsonl')).size).toBeGreaterThan(150e6);
    const png = decodePng(readFileSync(join(dir, 'plot.png')));
    expect(png.width).toBeGreaterThan(960);
    const { maxRSS } = JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRSS: number };
    expect(maxRSS).toBeLessThanOrEqual(300 * 2 ** 20);
  });
});

describe('line plots join a root to the next point’s only on one branch', () => {
  it('a pair appearing above the cold branch leaves it whole; a branch that ends does not carry on', () => {
    // The bistable map of docs/bistability.md along T_R: 1 root, then 3 (a pair above), then back.
    expect(continuingRoots([0.14678], [0.14661, 0.2944, 0.3126])).toEqual([true, false, false]);
    // A pair appearing below the hot branch: the hot one is root 3 afterwards, a new piece.
    expect(continuingRoots([0.33], [0.146, 0.29, 0.331])).toEqual([false, false, false]);
    // The cold branch ends: the one root left is the hot one, not the cold one carried on.
    expect(continuingRoots([0.146, 0.294, 0.312], [0.33])).toEqual([false]);
    // The hot pair ends: the cold branch goes on.
    expect(continuingRoots([0.146, 0.294, 0.312], [0.1459])).toEqual([true]);
    // The same count: every root goes on, but not through a point without it.
    expect(continuingRoots([0.1, 0.2], [0.11, 0.21])).toEqual([true, true]);
    expect(continuingRoots([0.1, NaN], [0.11, 0.21])).toEqual([true, false]);
    expect(continuingRoots([], [0.1])).toEqual([false]);
  });

  it('the cold branch of a bistable T_R sweep is one unbroken line in the plot', async () => {
    const out = join(tmp, 'branches');
    const r = await ndtc(
      'sweep',
      '--vary',
      'TR=400mK..800mK:60',
      '--Jin',
      '1e-17W',
      '--output',
      'T_L',
      '--no-h5',
      '--quiet',
      '--out',
      out,
    );
    expect(r.code, r.stderr).toBe(0);
    const svg = readFileSync(join(out, 'plot.svg'), 'utf8');
    // One path per piece of line: root 1 whole, roots 2 and 3 from where they appear.
    const lines = svg.match(/<path[^>]*aria-roledescription="line mark"/g) ?? [];
    expect(lines).toHaveLength(3);
  });
});
