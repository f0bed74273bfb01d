/**
 * The modules a child `node …` loads, recorded by test/cli/record-modules.mjs (a loader hook, so
 * dynamic imports are seen too): for tests of what a command loads, and what it does not.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Module URLs loaded by `node [...loaders] [...nodeArgs]` run in the repository root, which must
 * succeed without a word on stderr; the list is kept in `file`. `loaders` come before the recording
 * hook, whose list then leaves their own modules out (`--import tsx`). With `required`, the CommonJS
 * modules in require's cache at exit too (the hook does not see those).
 */
export function recordedModules(
  nodeArgs: string[],
  file: string,
  { required = false, loaders = [] as string[] } = {},
): string[] {
  const args = [...loaders, '--import', './test/cli/record-modules.mjs', ...nodeArgs];
  const run = spawnSync(process.execPath, args, {
    cwd: root,
    env: { ...process.env, NDTC_MODULES_FILE: file },
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const text = readFileSync(file, 'utf8') + (required ? readFileSync(`${file}.required`, 'utf8') : '');
  return text.trimEnd().split('\n');
}
