/**
 * docs/cli.md against the command definitions: its generated reference must be what `npm run docs:cli`
 * makes now (run it after changing a command or an option), every command and option must be on the
 * page, and the hand-written contract (exit codes, domains, units) must still be there.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { REFERENCE_BEGIN, REFERENCE_END } from '../../src/cli/reference.js';
import { CLI_DOC, renderCliDoc } from '../../scripts/cli-docs.js';

const page = readFileSync(CLI_DOC, 'utf8');

describe('docs/cli.md', () => {
  it('is what npm run docs:cli makes from the command definitions (else: npm run docs:cli)', async () => {
    expect(await renderCliDoc(page)).toBe(page);
  });

  it('a page whose reference lost a line or holds a stale one is told apart', async () => {
    const reference = page.slice(page.indexOf(REFERENCE_BEGIN), page.indexOf(REFERENCE_END));
    const row = reference.split('\n').find((l) => l.startsWith('| `--Jin <powers>`'))!;
    expect(row).toBeDefined();
    const without = page.replace(row + '\n', '');
    expect(await renderCliDoc(without)).toBe(page);
    const stale = page.replace('| `--out <dir>` ', '| `--output-dir <dir>` ');
    expect(stale).not.toBe(page);
    expect(await renderCliDoc(stale)).toBe(page);
  });

  it('names every command and every option of every command, inside the reference', async () => {
    const program = await buildProgram({ stdout: () => {}, stderr: () => {}, version: '0.0.0' });
    const reference = page.slice(page.indexOf(REFERENCE_BEGIN), page.indexOf(REFERENCE_END));
    expect(program.commands.length).toBeGreaterThanOrEqual(11);
    for (const cmd of program.commands) {
      const start = reference.indexOf(`### \`ndtc ${cmd.name()}\``);
      expect(start, cmd.name()).toBeGreaterThan(0);
      const next = reference.indexOf('\n### ', start + 1);
      const section = reference.slice(start, next < 0 ? undefined : next);
      for (const option of cmd.options)
        expect(section, `${cmd.name()} ${option.flags}`).toContain(option.long);
    }
  });

  it('keeps the hand-written contract: exit codes, domains, units, in-clone and installed usage', () => {
    for (const heading of ['## Exit codes and errors', '## Domains', '## Values with units'])
      expect(page).toContain(heading);
    expect(page).toMatch(/\| 2 +\| usage or input error/);
    expect(page).toContain('npx ndtc');
    expect(page.indexOf(REFERENCE_BEGIN)).toBeLessThan(page.indexOf(REFERENCE_END));
  });
});
