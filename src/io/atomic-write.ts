/**
 * Atomic file output: write every byte to a temporary sibling (or fail), fsync, then rename over the
 * target. A failure (a full disk, an I/O error) removes the temporary file and throws a `FileError`
 * naming the target, so nothing half-written ever appears under a final name.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { FileError, fileError } from './file-error.js';
import { makeDirectory } from './make-directory.js';

let counter = 0;

/**
 * Write all of `bytes` at the file position of `fd`. `write(2)` may accept fewer bytes than asked
 * (a disk filling up, a signal): the rest is written again until done, or the error is thrown.
 */
export function writeAll(fd: number, bytes: Uint8Array, path: string): void {
  let offset = 0;
  while (offset < bytes.length) {
    const n = writeSync(fd, bytes, offset, bytes.length - offset);
    if (n <= 0)
      throw new FileError(
        path,
        'EIO',
        `cannot write ${path}: the system accepted none of ${bytes.length - offset} bytes`,
      );
    offset += n;
  }
}

/**
 * Temporaries of AtomicFiles neither committed nor aborted: removed when the process exits (a
 * command stopped by Ctrl-C exits at once, and a partial results file may be gigabytes).
 */
const unfinished = new Set<string>();
let removeOnExit = false;

/** A file written in parts, visible under its name only once `commit` has written and renamed it whole. */
export class AtomicFile {
  readonly tmp: string;
  private fd: number | undefined;

  constructor(
    readonly path: string,
    private readonly options: { fsync?: boolean } = {},
  ) {
    this.tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${threadId}.${counter++}.tmp`);
    try {
      makeDirectory(dirname(path));
      this.fd = openSync(this.tmp, 'w');
      unfinished.add(this.tmp);
      if (!removeOnExit) {
        removeOnExit = true;
        process.on('exit', () => {
          for (const tmp of unfinished) {
            try {
              rmSync(tmp, { force: true });
            } catch {
              // left for the next run's removal of stale temporaries
            }
          }
        });
      }
    } catch (error) {
      this.abort();
      throw fileError('write', path, error);
    }
  }

  write(data: string | Uint8Array): void {
    try {
      writeAll(this.fd!, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, this.path);
    } catch (error) {
      this.abort();
      throw fileError('write', this.path, error);
    }
  }

  /** fsync (unless disabled), close and rename onto the final name. */
  commit(): void {
    try {
      if (this.options.fsync !== false) fsyncSync(this.fd!);
      const fd = this.fd!;
      this.fd = undefined;
      closeSync(fd); // close can report a deferred write error (NFS): it must succeed before the rename
      renameSync(this.tmp, this.path);
      unfinished.delete(this.tmp);
    } catch (error) {
      this.abort();
      throw fileError('write', this.path, error);
    }
  }

  /** Close and remove the temporary file (no error: it is called while another is being reported). */
  abort(): void {
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {
        // the file is being discarded
      }
      this.fd = undefined;
    }
    try {
      rmSync(this.tmp, { force: true });
      unfinished.delete(this.tmp);
    } catch {
      // left for removeStaleTemporaries (a dot file, never under the final name)
    }
  }
}

/**
 * Write `data` to `path` so that readers see either the old file or the complete new one, never a part.
 * The rename alone guards against a killed process; `fsync` (default) also against a crash of the
 * machine, at a few milliseconds a file.
 */
export function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: { fsync?: boolean } = {},
): void {
  const file = new AtomicFile(path, options);
  file.write(data);
  file.commit();
}

/**
 * `writeFileAtomic` off the calling thread: the write and the fsync run on libuv's pool, so a worker
 * can compute while the disk flushes. FileHandle.writeFile writes until every byte is written.
 */
export async function writeFileAtomicAsync(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${threadId}.${counter++}.tmp`);
  try {
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw fileError('write', path, error);
  }
}

/** fsync files already written (and renamed) by `writeFileAtomic(…, { fsync: false })`, off this thread. */
export async function syncFiles(paths: readonly string[]): Promise<void> {
  await Promise.all(
    paths.map(async (path) => {
      try {
        const handle = await open(path, 'r');
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
      } catch (error) {
        throw fileError('write', path, error);
      }
    }),
  );
}
