/**
 * Progress is drawn on a terminal only, and only for work that lasts (a second by default); a pipe or a
 * file gets nothing unless asked with --progress (the library's `force`), and --quiet silences it.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { createProgress } from '../../src/io/progress.js';

/** A stream that records what is written, a terminal or not. */
function recorder(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  let text = '';
  const stream = {
    isTTY,
    write: (s: string) => {
      text += s;
      return true;
    },
  } as unknown as NodeJS.WriteStream;
  return { stream, text: () => text };
}

function runAll(options: Parameters<typeof createProgress>[0], n = 10): void {
  const progress = createProgress(options);
  for (let i = 0; i < n; i++) progress.tick();
  progress.done();
}

describe('createProgress', () => {
  it('writes nothing to a stream that is not a terminal', () => {
    const r = recorder(false);
    runAll({ label: 'x', total: 10, delaySeconds: 0, stream: r.stream });
    expect(r.text()).toBe('');
  });

  it('with force, writes plain lines at each tenth and the end to a pipe, from the start', () => {
    const r = recorder(false);
    runAll({ label: 'x', total: 10, force: true, delaySeconds: 60, stream: r.stream });
    const lines = r.text().trimEnd().split('\n');
    expect(lines.slice(0, 3)).toEqual(['x: 10% (1/10)', 'x: 20% (2/10)', 'x: 30% (3/10)']);
    expect(lines.at(-1)).toMatch(/^x: done \(10\/10\) in \d/);
    expect(r.text()).not.toContain('\r');
    // Each line says the share done, not the tenth it passed: 1 of 4 is 25 %.
    const q = recorder(false);
    runAll({ label: 'x', total: 4, force: true, delaySeconds: 60, stream: q.stream });
    expect(q.text().trimEnd().split('\n').slice(0, 3)).toEqual([
      'x: 25% (1/4)',
      'x: 50% (2/4)',
      'x: 75% (3/4)',
    ]);
  });

  it('on a terminal, a job done within its delay (default 1 s) draws nothing; a delay of 0 draws the bar', () => {
    const quick = recorder(true);
    runAll({ label: 'x', total: 10, stream: quick.stream });
    expect(quick.text()).toBe('');
    const shown = recorder(true);
    runAll({ label: 'x', total: 10, delaySeconds: 0, stream: shown.stream });
    expect(shown.text()).toMatch(/\rx █+ 100% 10\/10 /);
  });

  it('quiet wins over force and a terminal', () => {
    for (const isTTY of [true, false]) {
      const r = recorder(isTTY);
      runAll({ label: 'x', total: 10, quiet: true, force: true, delaySeconds: 0, stream: r.stream });
      expect(r.text()).toBe('');
    }
  });
});

describe('ndtc with stderr on a pipe', () => {
  const argv = [
    '--import',
    'tsx',
    'test/cli/main-child.ts',
    'phonon',
    '--Te',
    '100mK..900mK:30',
    '--Tbath',
    '10mK',
    '--csv',
  ];
  const cwd = new URL('../../', import.meta.url).pathname;

  it('prints no progress without --progress, and plain progress lines with it', () => {
    const silent = spawnSync(process.execPath, argv, { cwd, encoding: 'utf8' });
    expect(silent.status, silent.stderr).toBe(0);
    expect(silent.stderr).toBe('');
    const asked = spawnSync(process.execPath, [...argv, '--progress'], { cwd, encoding: 'utf8' });
    expect(asked.status, asked.stderr).toBe(0);
    expect(asked.stderr).toMatch(/^phonon: 10% \(3\/30\)\n/);
    expect(asked.stderr).toMatch(/\nphonon: done \(30\/30\) in [\d.]+s\n$/);
    expect(asked.stdout).toBe(silent.stdout);
  });

  it('every command that reports progress takes --progress and --quiet', async () => {
    const program = await buildProgram({ stdout: () => {}, stderr: () => {}, version: '0.0.0' });
    for (const command of ['phonon', 'solve', 'sweep', 'reproduce', 'hysteresis', 'optimize', 'transient']) {
      const cmd = program.commands.find((c) => c.name() === command)!;
      for (const option of ['--progress', '--quiet'])
        expect(
          cmd.options.some((o) => o.long === option),
          `${command} ${option}`,
        ).toBe(true);
    }
    // And no other command takes one without the other.
    for (const cmd of program.commands) {
      const has = (long: string) => cmd.options.some((o) => o.long === long);
      if (has('--progress')) expect(has('--quiet'), cmd.name()).toBe(true);
    }
  });
});
