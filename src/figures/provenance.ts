/** Where an output came from: ndtc version, git commit of the working directory's repository, date. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface Provenance {
  ndtcVersion: string;
  /** `git rev-parse HEAD` in the current directory, or null outside a repository. */
  gitCommit: string | null;
  /** ISO 8601. */
  date: string;
}

/** package.json sits two levels above this module both in src/figures and in dist/figures. */
export function ndtcVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

function gitCommit(cwd: string): string | null {
  try {
    const out = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd,
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
    });
    const hash = out.toString().trim();
    return /^[0-9a-f]{40}$/.test(hash) ? hash : null;
  } catch {
    return null;
  }
}

export function provenance(cwd = process.cwd(), now = new Date()): Provenance {
  return { ndtcVersion: ndtcVersion(), gitCommit: gitCommit(cwd), date: now.toISOString() };
}
