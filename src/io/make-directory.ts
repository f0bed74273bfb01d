/**
 * `mkdir -p` that fails instead of looping: Node's `mkdirSync(path, { recursive: true })` never returns
 * for a path under /proc (mkdir there reports ENOENT for a parent that exists, and Node retries the
 * parent forever). Here each missing component is created once, from the top, and any failure is a
 * FileError naming the path and the cause.
 */
import { mkdirSync, rmdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { FileError, fileError } from './file-error.js';

const VERB = 'create the directory';

/** Creates `path` and its missing parents; returns those it created, outermost first (none if it existed). */
export function makeDirectory(path: string): string[] {
  const missing: string[] = [];
  for (let p = resolve(path); ; p = dirname(p)) {
    try {
      if (statSync(p).isDirectory()) break;
      const which = p === resolve(path) ? 'it exists and' : `${p}`;
      throw new FileError(path, 'ENOTDIR', `cannot ${VERB} ${path}: ${which} is not a directory (ENOTDIR)`);
    } catch (error) {
      if (error instanceof FileError) throw error;
      // ENOTDIR: a file somewhere above; the walk up finds it and names it.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw fileError(VERB, path, error);
    }
    missing.push(p);
    if (dirname(p) === p) break;
  }
  for (const dir of missing.reverse()) {
    try {
      mkdirSync(dir);
    } catch (error) {
      // Another process (a shard of the same sweep) may create it first.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && statSync(dir).isDirectory()) continue;
      // Named by the directory that could not be made: for /proc/x/chunks that is /proc/x.
      throw fileError(VERB, dir, error);
    }
  }
  return missing;
}

/** Removes directories made by makeDirectory that are still empty (after a failure), innermost first. */
export function removeEmptyDirectories(created: readonly string[]): void {
  for (const dir of [...created].reverse()) {
    try {
      rmdirSync(dir);
    } catch {
      return; // not empty (or gone): what is there stays
    }
  }
}
