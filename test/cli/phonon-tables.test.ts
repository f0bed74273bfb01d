/** Before J_ph,S work: the γ family is loaded when a γ needs it, and a note says when a γ has no table. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareForSweep, preparePhononTables } from '../../src/cli/phonon-tables.js';
import { hasPhononTable, platformDevice } from '../../src/index.js';
// Unchecked: the spec below carries a γ outside the domain on purpose (what prepareForSweep must flag).
import { withJunctionParameters } from '../../src/physics/device.js';
import type { SweepSpec } from '../../src/sweep/spec.js';
import { ndtc, tempDir } from '../sweep/cli-harness.js';

const ag = platformDevice('ag');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('J_ph,S tables before heat-balance work', () => {
  it('a γ in the family range gets its table, silently; one beyond it gets a note naming it', async () => {
    expect(await preparePhononTables([1e-4])).toBeUndefined();
    expect(hasPhononTable(2e-4)).toBe(false); // not loaded for the paper's γ
    expect(await preparePhononTables([2e-4])).toBeUndefined();
    expect(hasPhononTable(2e-4)).toBe(true);
    const note = await preparePhononTables([0.3]);
    expect(note).toContain('with γ = 0.3');
    expect(note).toContain('direct quadrature');
  });

  it('counts the swept γ values without a table', async () => {
    expect(await preparePhononTables([1e-4, 2e-4, 0.05])).toBeUndefined();
    expect(await preparePhononTables([1e-4, 0.2, 0.5])).toContain('2 of the 3 γ values');
  });

  it('a sweep prepares only when it needs J_ph,S', async () => {
    const spec = (mode: SweepSpec['mode'], outputs: string[], gamma: number): SweepSpec =>
      ({
        device: withJunctionParameters(ag, { gamma }),
        fixed: { setup: 1 },
        axes: [{ name: 'T_R', values: [0.1, 0.2], log: false }],
        outputs,
        mode,
        TRrange: [0.01, 0.8],
        chunkSize: 2,
      }) as SweepSpec;
    expect(await prepareForSweep(spec('balance', ['T_L'], 0.3))).toContain('γ = 0.3');
    expect(await prepareForSweep(spec('balance', ['T_L'], 2e-4))).toBeUndefined();
    expect(await prepareForSweep(spec('direct', ['J_gamma'], 0.3))).toBeUndefined();
    expect(await prepareForSweep(spec('direct', ['J_ph_S'], 0.3))).toContain('γ = 0.3');
  });

  it('ndtc sweep refuses a γ without J_ph,S tables in one line, before any note or work', async () => {
    const out = tempDir();
    dirs.push(out);
    const args = ['sweep', '--Jin', '100fW', '--vary', 'TR=10mK..20mK:2', '--output', 'T_L'];
    const slow = await ndtc(
      ...args,
      '--gamma',
      '0.3',
      '--out',
      join(out, 'a'),
      '--emit-slurm',
      join(out, 'a.sh'),
    );
    expect(slow.code).toBe(2);
    expect(slow.stderr).toMatch(
      /^ndtc sweep: --gamma: invalid value '0.3': from 1e-6 to 0.1 accepted [^\n]*\n$/,
    );
    const varied = await ndtc(
      'sweep',
      '--Jin',
      '100fW',
      '--TR',
      '100mK',
      '--vary',
      'gamma=1e-9..1e-3:5',
      '--out',
      join(out, 'c'),
    );
    expect(varied.code).toBe(2);
    expect(varied.stderr).toMatch(/^ndtc sweep: --vary: invalid value 'gamma = 1e-9': [^\n]*\n$/);
    const fast = await ndtc(
      ...args,
      '--gamma',
      '2e-4',
      '--out',
      join(out, 'b'),
      '--emit-slurm',
      join(out, 'b.sh'),
    );
    expect(fast.code).toBe(0);
    expect(fast.stderr).not.toMatch(/note:/);
  });
});
