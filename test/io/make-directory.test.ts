/** makeDirectory: `mkdir -p` that ends, with one line naming the path and the cause. */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileError } from '../../src/io/file-error.js';
import { makeDirectory, removeEmptyDirectories } from '../../src/io/make-directory.js';

const root = mkdtempSync(join(tmpdir(), 'ndtc-mkdir-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('makeDirectory', () => {
  it('creates missing parents, returns them outermost first; an existing directory is a no-op', () => {
    const deep = join(root, 'a', 'b', 'c');
    expect(makeDirectory(deep)).toEqual([join(root, 'a'), join(root, 'a', 'b'), deep]);
    expect(statSync(deep).isDirectory()).toBe(true);
    expect(makeDirectory(deep)).toEqual([]);
  });

  it('removeEmptyDirectories takes back what it made while empty, and stops at content', () => {
    const created = makeDirectory(join(root, 'x', 'y'));
    removeEmptyDirectories(created);
    expect(existsSync(join(root, 'x'))).toBe(false);
    const again = makeDirectory(join(root, 'p', 'q'));
    writeFileSync(join(root, 'p', 'keep.txt'), 'kept');
    removeEmptyDirectories(again);
    expect(existsSync(join(root, 'p', 'q'))).toBe(false);
    expect(existsSync(join(root, 'p', 'keep.txt'))).toBe(true);
  });

  it.each([
    ['/dev/null', 'cannot create the directory /dev/null: it exists and is not a directory (ENOTDIR)'],
    // Node's recursive mkdirSync never returns here.
    [
      '/proc/ndtc-test/x',
      // Named by the directory that could not be made.
      'cannot create the directory /proc/ndtc-test: no such file or directory (ENOENT)',
    ],
  ])('%s: a FileError naming the path and the cause', (path, message) => {
    expect(() => makeDirectory(path)).toThrowError(FileError);
    expect(() => makeDirectory(path)).toThrowError(message);
  });

  it('a file on the way: ENOTDIR naming the path', () => {
    const file = join(root, 'file.txt');
    writeFileSync(file, 'x');
    expect(() => makeDirectory(join(file, 'sub'))).toThrowError(
      /cannot create the directory .*file\.txt\/sub: .*file\.txt is not a directory \(ENOTDIR\)/,
    );
    expect(() => makeDirectory(file)).toThrowError(/file\.txt: it exists and is not a directory/);
  });
});
