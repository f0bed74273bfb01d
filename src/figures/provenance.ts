/** Where an output came from: ndtc version, the git commit of ndtc's own checkout, date. */
import { execFileSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Provenance {
  ndtcVersion: string;
  /**
   * The commit of the ndtc checkout that ran (`git rev-parse HEAD` where its package.json is the
   * repository's top level), or null for an installed package: never the commit of the directory it
   * was run in, which may be the user's own repository.
   */
  gitCommit: string | null;
  /** Whether that checkout had uncommitted changes to tracked files (null without a commit). */
  gitDirty?: boolean | null;
  /** ISO 8601. */
  date: string;
}

/** package.json sits two levels above this module both in src/figures and in dist/figures. */
const PACKAGE_ROOT = new URL('../../', import.meta.url);

export function ndtcVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('package.json', PACKAGE_ROOT), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

const git = (root: string, args: string[]): string =>
  execFileSync('git', args, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 })
    .toString()
    .trim();

/** ndtc's own commit and whether its tracked files differ from it; nulls outside its own checkout. */
export function checkoutCommit(root = fileURLToPath(PACKAGE_ROOT)): {
  gitCommit: string | null;
  gitDirty: boolean | null;
} {
  try {
    // Installed under node_modules of the user's repository, git would answer for that repository.
    if (realpathSync(git(root, ['rev-parse', '--show-toplevel'])) !== realpathSync(root))
      return { gitCommit: null, gitDirty: null };
    const hash = git(root, ['rev-parse', 'HEAD']);
    if (!/^[0-9a-f]{40}$/.test(hash)) return { gitCommit: null, gitDirty: null };
    return { gitCommit: hash, gitDirty: git(root, ['status', '--porcelain', '--untracked-files=no']) !== '' };
  } catch {
    return { gitCommit: null, gitDirty: null };
  }
}

export function provenance(now = new Date()): Provenance {
  return { ndtcVersion: ndtcVersion(), ...checkoutCommit(), date: now.toISOString() };
}
