/** The note before slow heat-balance work: said exactly when J_ph,S has no table for the γ in use. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { directPhononNote, slowSweepNote, sweptGammaNote } from '../../src/cli/phonon-note.js';
import { TABULATED_PHONON_GAMMAS, platformDevice, withJunctionParameters } from '../../src/index.js';
import type { SweepSpec } from '../../src/sweep/spec.js';
import { ndtc, tempDir } from '../sweep/cli-harness.js';

const ag = platformDevice('ag');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('note on J_ph,S without a table', () => {
  it('is silent for the tabulated γ and names the γ otherwise', () => {
    for (const gamma of TABULATED_PHONON_GAMMAS)
      expect(directPhononNote(withJunctionParameters(ag, { gamma }))).toBeUndefined();
    const note = directPhononNote(withJunctionParameters(ag, { gamma: 2e-4 }));
    expect(note).toContain('γ = 0.0002');
    expect(note).toContain('direct quadrature');
  });

  it('counts the swept γ values without a table', () => {
    expect(sweptGammaNote([1e-4, 1e-3])).toBeUndefined();
    expect(sweptGammaNote([1e-4, 2e-4, 5e-4])).toContain('2 of the 3 swept γ values');
  });

  it('a sweep notes it only when it needs J_ph,S', () => {
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
    expect(slowSweepNote(spec('balance', ['T_L'], 2e-4))).toContain('γ = 0.0002');
    expect(slowSweepNote(spec('balance', ['T_L'], 1e-4))).toBeUndefined();
    expect(slowSweepNote(spec('direct', ['J_gamma'], 2e-4))).toBeUndefined();
    expect(slowSweepNote(spec('direct', ['J_ph_S'], 2e-4))).toContain('γ = 0.0002');
  });

  it('ndtc sweep prints it on stderr before any work', async () => {
    const out = tempDir();
    dirs.push(out);
    const args = ['sweep', '--Jin', '100fW', '--vary', 'TR=10mK..20mK:2', '--output', 'T_L', '--out', out];
    const slow = await ndtc(...args, '--gamma', '2e-4', '--emit-slurm', join(out, 'a.sh'));
    expect(slow.code).toBe(0);
    expect(slow.stderr).toMatch(/^note: J_ph,S has a table only for γ = 0.0001 and 0.001; with γ = 0.0002/);
    const fast = await ndtc(...args.slice(0, -1), join(out, 'b'), '--emit-slurm', join(out, 'b.sh'));
    expect(fast.code).toBe(0);
    expect(fast.stderr).toBe('');
  });
});
