/** An I/O failure as one line naming the file and the cause: `cannot write X: no space left on device (ENOSPC)`. */
import { getSystemErrorMap } from 'node:util';

/** An I/O failure: `message` is one line naming the path and the system cause; `path` and `code` (ENOSPC, …) for programs. */
export class FileError extends Error {
  constructor(
    /** The file or directory. */
    readonly path: string,
    /** The system error code (ENOSPC, EIO, …), or '' when the failure has none. */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'FileError';
  }
}

/** Words for a Node system error, e.g. "no space left on device (ENOSPC)". */
export function systemCause(error: unknown): { code: string; words: string } {
  const e = error as NodeJS.ErrnoException;
  if (e instanceof FileError) return { code: e.code, words: e.message };
  const known = typeof e?.errno === 'number' ? getSystemErrorMap().get(e.errno) : undefined;
  if (known) return { code: known[0], words: `${known[1]} (${known[0]})` };
  const message = e instanceof Error ? e.message : String(error);
  return { code: e?.code ?? '', words: message.split('\n')[0] };
}

/** `cannot <verb> <path>: <cause>`; an error that already names its file is passed on as it is. */
export function fileError(verb: string, path: string, error: unknown): FileError {
  if (error instanceof FileError) return error;
  const { code, words } = systemCause(error);
  return new FileError(path, code, `cannot ${verb} ${path}: ${words}`);
}
