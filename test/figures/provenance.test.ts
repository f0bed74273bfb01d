/** The commit a reproduction records: ndtc's own checkout's, never that of the directory it runs in. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkoutCommit } from '../../src/figures/provenance.js';

const root = mkdtempSync(join(tmpdir(), 'ndtc-provenance-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd, stdio: 'pipe' })
    .toString()
    .trim();

describe('checkoutCommit', () => {
  // A user's repository with ndtc installed in it, and a checkout of ndtc of its own.
  const user = join(root, 'user-repo');
  const installed = join(user, 'node_modules', 'ndtc');
  const checkout = join(root, 'ndtc');
  mkdirSync(installed, { recursive: true });
  writeFileSync(join(installed, 'package.json'), '{"name":"ndtc","version":"0.0.0"}\n');
  writeFileSync(join(user, 'analysis.py'), 'print(1)\n');
  git(user, 'init', '-q');
  git(user, 'add', 'analysis.py');
  git(user, 'commit', '-qm', 'user');
  mkdirSync(checkout);
  cpSync(join(installed, 'package.json'), join(checkout, 'package.json'));
  git(checkout, 'init', '-q');
  git(checkout, 'add', 'package.json');
  git(checkout, 'commit', '-qm', 'ndtc');

  it('an installed package inside the user’s repository: no commit (the user’s is not ndtc’s)', () => {
    expect(checkoutCommit(installed)).toEqual({ gitCommit: null, gitDirty: null });
  });

  it('a checkout: its HEAD, and whether its tracked files changed', () => {
    const head = git(checkout, 'rev-parse', 'HEAD');
    expect(checkoutCommit(checkout)).toEqual({ gitCommit: head, gitDirty: false });
    writeFileSync(join(checkout, 'package.json'), '{"name":"ndtc","version":"0.0.1"}\n');
    expect(checkoutCommit(checkout)).toEqual({ gitCommit: head, gitDirty: true });
  });

  it('outside any repository: none', () => {
    const loose = join(root, 'loose');
    mkdirSync(loose);
    expect(checkoutCommit(loose)).toEqual({ gitCommit: null, gitDirty: null });
  });
});
