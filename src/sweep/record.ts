/**
 * Records of written files: each file's byte length and SHA-256, kept in a small JSON file written
 * last (atomically, fsynced), so a set of files counts as done iff its record exists and the files
 * match it. Files are hashed in fixed blocks: memory does not grow with their size.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../io/atomic-write.js';
import { fileError } from '../io/file-error.js';

export interface FileRecord {
  bytes: number;
  sha256: string;
}

export interface FilesRecord {
  format: typeof RECORD_FORMAT;
  /** File name (relative to the record's directory) → length and hash. */
  files: { [name: string]: FileRecord };
}

export const RECORD_FORMAT = 'ndtc-record/1';
const BLOCK = 1 << 20;
/** One block buffer per thread: hashFile is synchronous and its sink consumes each block at once. */
const block = Buffer.allocUnsafe(BLOCK);

export function recordOf(bytes: Uint8Array): FileRecord {
  return { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Hand the file at `path` to `sink` in 1 MiB blocks (each valid only during the call); its length. */
export function readBlocks(path: string, sink: (block: Uint8Array) => void): number {
  let bytes = 0;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    for (;;) {
      const n = readSync(fd, block, 0, BLOCK, null);
      if (n === 0) break;
      sink(block.subarray(0, n));
      bytes += n;
    }
  } catch (error) {
    throw fileError('read', path, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return bytes;
}

/**
 * Length and SHA-256 of the file at `path`, read in 1 MiB blocks; each block is also handed to
 * `sink` (so a copy can be verified while it is made, reading every byte once).
 */
export function hashFile(path: string, sink?: (block: Uint8Array) => void): FileRecord {
  const hash = createHash('sha256');
  const bytes = readBlocks(path, (part) => {
    hash.update(part);
    sink?.(part);
  });
  return { bytes, sha256: hash.digest('hex') };
}

/** Write the record of `files` (fsynced, atomically) at `path`; write it after the files are durable. */
export function writeRecord(path: string, files: FilesRecord['files']): void {
  writeFileAtomic(path, recordText(files));
}

export function recordText(files: FilesRecord['files']): string {
  const record: FilesRecord = { format: RECORD_FORMAT, files };
  return JSON.stringify(record) + '\n';
}

/** The record at `path`: undefined if there is none, 'unreadable' if it is not a record. */
export function readRecord(path: string): FilesRecord | 'unreadable' | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const record = JSON.parse(readFileSync(path, 'utf8')) as FilesRecord;
    const ok =
      record.format === RECORD_FORMAT &&
      typeof record.files === 'object' &&
      record.files !== null &&
      Object.values(record.files).every(
        (f) => Number.isSafeInteger(f?.bytes) && /^[0-9a-f]{64}$/.test(String(f?.sha256)),
      );
    return ok ? record : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/**
 * The record of a file to be written next, beside files already recorded (results.h5 after the
 * text): no file matches it, so a run that stops before writing it leaves a record that fails.
 */
export const NOT_WRITTEN: FileRecord = { bytes: -1, sha256: '0'.repeat(64) };

/** What is wrong with a file against its record, in words, or undefined when it matches. */
export function fileMismatch(expected: FileRecord, actual: FileRecord | undefined): string | undefined {
  if (actual === undefined) return 'missing';
  if (actual.bytes !== expected.bytes)
    return `length differs (${actual.bytes} bytes, recorded ${expected.bytes})`;
  if (actual.sha256 !== expected.sha256) return 'checksum differs';
  return undefined;
}

/** The length of `path` only (a cheap first check), or undefined when it does not exist. */
export function fileLength(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw fileError('read', path, error);
  }
}

/** Why a results file is absent that a stopped run was to write next (results.h5 after the text): no damage. */
export const UNWRITTEN = 'not written (the run stopped before it)';

/** Check every file of the record at `recordPath` (hashing each whole): problems as `file: words`. */
export function checkRecordedFiles(recordPath: string, record: FilesRecord): { file: string; why: string }[] {
  const problems: { file: string; why: string }[] = [];
  for (const [name, expected] of Object.entries(record.files)) {
    const file = join(dirname(recordPath), name);
    const length = fileLength(file);
    const why =
      expected.bytes === NOT_WRITTEN.bytes
        ? UNWRITTEN
        : length === undefined
          ? 'missing'
          : length !== expected.bytes
            ? fileMismatch(expected, { bytes: length, sha256: '' })
            : fileMismatch(expected, hashFile(file));
    if (why) problems.push({ file, why });
  }
  return problems;
}
