/**
 * The folder policy of every command that writes a directory (`sweep`, `hysteresis`, `optimize`,
 * `reproduce`): it writes into a new or empty `--out`, and into one that holds anything only with
 * `--force` (a sweep's `--resume` continues the sweep already there). Checked with the other input,
 * before any work, so a second run never overwrites the first one's files unasked.
 */
import { readdirSync, statSync } from 'node:fs';
import { InputError } from '../errors.js';
import { fileError } from '../io/file-error.js';

/** What `dir` holds, dot files aside (a killed writer's temporaries); none when it does not exist or is no directory. */
export function directoryContent(dir: string): string[] {
  try {
    if (!statSync(dir).isDirectory()) return []; // writing there fails as an I/O error, naming the path
    return readdirSync(dir)
      .filter((name) => !name.startsWith('.'))
      .sort();
  } catch (error) {
    // Not there, or under a file: nothing in it (creating it then fails, naming the file in the way).
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw fileError('read the directory', dir, error);
  }
}

/** A few of the names, then how many there are. */
function listed(names: string[]): string {
  const shown = names.slice(0, 3).join(', ');
  return names.length > 3 ? `${shown}, … (${names.length} entries)` : shown;
}

/**
 * Refuses (InputError naming `--out`) a directory that holds anything, unless `force`. `instead` says
 * what else the command offers, e.g. `--resume to continue the sweep in it`.
 */
export function checkOutputDirectory(dir: string, force: boolean | undefined, instead?: string): void {
  if (force) return;
  const content = directoryContent(dir);
  if (content.length === 0) return;
  throw new InputError(
    '--out',
    dir,
    `a new or empty directory, ${instead ? `${instead}, ` : ''}or --force to write into it; it holds ${listed(content)}`,
  );
}

/** The `--force` option, worded alike in every command that writes a directory. */
export const FORCE_HELP = 'write into a non-empty --out (files of the same names are replaced, others kept)';
