/**
 * One folder policy for every command that writes a directory (sweep, hysteresis, optimize, reproduce,
 * transient): `--out` defaults to ndtc-out/<command>, a directory holding anything is refused (exit 2,
 * one line naming --out and what it holds) before any work, unless `--force` (or, for a sweep,
 * `--resume`); with `--force` other files are kept.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { ndtc, parseCsv } from './harness.js';

const root = mkdtempSync(join(tmpdir(), 'ndtc-folder-policy-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The argument vectors (without --out) of a quick run of each command that writes a directory. */
const RUNS: Record<string, string[]> = {
  sweep: [
    'sweep',
    '--Jin',
    '100fW',
    '--vary',
    'TR=10mK,20mK',
    '--workers',
    '0',
    '--no-plot',
    '--no-h5',
    '--quiet',
  ],
  hysteresis: ['hysteresis', '--sweep', 'TR=10mK..800mK:5', '--Jin', '100fW', '--no-plot'],
  optimize: [
    'optimize',
    '--maximize',
    'deltaT',
    '--param',
    'chi=1..3',
    '--Jin',
    '100fW',
    '--grid',
    '2',
    '--max-evaluations',
    '8',
    '--no-plot',
  ],
  reproduce: ['reproduce', '--only', '1c', '--format', 'csv', '--quiet'],
  transient: [
    'transient',
    '--TR',
    '700mK',
    '--Jin',
    '1e-18W',
    '--change',
    'Jin=2fW',
    '--until',
    '10us',
    '--no-plot',
    '--quiet',
  ],
};

/** A directory holding one file of the user's. */
function occupied(name: string): string {
  const dir = join(root, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'notes.txt'), 'mine');
  return dir;
}

describe('every command that writes a directory', () => {
  it('has --out defaulting to ndtc-out/<command> and --force', async () => {
    const program = await buildProgram({ stdout: () => {}, stderr: () => {}, version: '0.0.0' });
    // merge writes a sweep's own results into its directory (default: the first), as --resume does.
    const writers = program.commands.filter(
      (c) => c.name() !== 'merge' && c.options.some((o) => o.long === '--out'),
    );
    expect(writers.map((c) => c.name()).sort()).toEqual(Object.keys(RUNS).sort());
    for (const cmd of writers) {
      const out = cmd.options.find((o) => o.long === '--out')!;
      expect(out.defaultValue, cmd.name()).toBe(`ndtc-out/${cmd.name()}`);
      expect(
        cmd.options.some((o) => o.long === '--force'),
        cmd.name(),
      ).toBe(true);
    }
  });

  it.each(Object.keys(RUNS))(
    '%s refuses a non-empty --out before any work, writes into it with --force',
    async (name) => {
      const dir = occupied(name);
      const refused = await ndtc(...RUNS[name], '--out', dir);
      expect(refused.code).toBe(2);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toMatch(
        new RegExp(
          `^ndtc ${name}: --out: invalid value '.*': a new or empty directory, or --force to write into it; it holds notes\\.txt\\n$`,
        ),
      );
      expect(readdirSync(dir)).toEqual(['notes.txt']);
      const forced = await ndtc(...RUNS[name], '--out', dir, '--force');
      expect(forced.code, forced.stderr).toBe(0);
      expect(readdirSync(dir).length).toBeGreaterThan(1);
      expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    },
  );

  it.each(Object.keys(RUNS))(
    '%s writes into a new directory and refuses to run over it again',
    async (name) => {
      const dir = join(root, `${name}-twice`);
      expect((await ndtc(...RUNS[name], '--out', dir)).code).toBe(0);
      const again = await ndtc(...RUNS[name], '--out', dir);
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(
        /: a new or empty directory, (--resume to continue the sweep in it, )?or --force to write into it; it holds /,
      );
    },
  );
});

describe('sweep: --resume continues, --force starts again', () => {
  const sweep = RUNS.sweep;
  it('a second run is pointed to --resume; --force computes the new grid and keeps other files', async () => {
    const dir = join(root, 'sweep-again');
    expect((await ndtc(...sweep, '--out', dir)).code).toBe(0);
    const again = await ndtc(...sweep, '--out', dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(
      'a new or empty directory, --resume to continue the sweep in it, or --force to write into it; it holds this sweep (',
    );
    expect(
      (await ndtc('sweep', '--out', dir, '--resume', '--workers', '0', '--no-plot', '--no-h5', '--quiet'))
        .code,
    ).toBe(0);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const other = sweep.map((a) => (a === 'TR=10mK,20mK' ? 'TR=30mK,40mK,50mK' : a));
    const forced = await ndtc(...other, '--out', dir, '--force');
    expect(forced.code, forced.stderr).toBe(0);
    const csv = parseCsv(readFileSync(join(dir, 'results.csv'), 'utf8'));
    expect(csv.rows.map((r) => r[csv.header.indexOf('T_R')])).toEqual(['0.03', '0.04', '0.05']);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    const verified = await ndtc('verify', dir);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
  });

  it('--force is refused with --resume and with --shard', async () => {
    const dir = join(root, 'sweep-conflicts');
    const both = await ndtc(...sweep, '--out', dir, '--force', '--resume');
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(
      /^ndtc sweep: --force: .*one of --force \(start again\) and --resume \(continue\)\n$/,
    );
    const shard = await ndtc(...sweep, '--out', dir, '--force', '--shard', '0/2');
    expect(shard.code).toBe(2);
    expect(shard.stderr).toMatch(/^ndtc sweep: --force: invalid value 'with --shard 0\/2'/);
  });
});

describe('merge: --out of the user’s', () => {
  it('is refused when it holds other files, written with --force keeping them; a refused merge leaves no manifest', async () => {
    const shard = join(root, 'merge-shard');
    expect((await ndtc(...RUNS.sweep, '--out', shard)).code).toBe(0);
    const dir = occupied('merge-into');
    const refused = await ndtc('merge', '--out', dir, shard, '--no-plot', '--no-h5');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /^ndtc merge: --out: invalid value '.*': a new or empty directory, one holding this sweep, or --force to write into it; it holds notes\.txt\n$/,
    );
    expect(readdirSync(dir)).toEqual(['notes.txt']);
    const forced = await ndtc('merge', '--out', dir, shard, '--no-plot', '--no-h5', '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(join(dir, 'results.csv'), 'utf8')).toBe(
      readFileSync(join(shard, 'results.csv'), 'utf8'),
    );
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    // Once it holds this sweep, merging there again needs no --force.
    expect((await ndtc('merge', '--out', dir, shard, '--no-plot', '--no-h5')).code).toBe(0);
    // A chunk damaged after its record: the merge into a new directory is refused and leaves no manifest.
    const chunk = join(shard, 'chunks', '000000.bin');
    const bytes = readFileSync(chunk);
    bytes[10] ^= 1;
    writeFileSync(chunk, bytes);
    const fresh = join(root, 'merge-fresh');
    const damaged = await ndtc('merge', '--out', fresh, shard, '--no-plot', '--no-h5');
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toMatch(/chunk 0 .*checksum differs|checksum differs/);
    expect(readdirSync(fresh).filter((n) => !n.startsWith('.'))).toEqual([]);
  });
});
