/**
 * Worker-thread entry: receives chunk numbers, computes and writes each chunk, answers with its
 * failures; the chunk's fsync and record complete in the background (`writeChunkDeferred`), and the
 * message 'flush' answers `{ flushed }` once every record is written (or with the first error).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { hasPhononTable, loadPhononFamily } from '../physics/electron-phonon-table.js';
import { FileError } from '../io/file-error.js';
import { computeChunkFiles } from './pool.js';
import { writeChunkDeferred } from './directory.js';
import { phononGammas, type SweepSpec } from './spec.js';

const { spec, out } = workerData as { spec: SweepSpec; out: string };
// The γ family of J_ph,S tables, if this sweep's γ need it (the main thread has loaded it too).
const ready = phononGammas(spec).some((g) => !hasPhononTable(g)) ? loadPhononFamily() : Promise.resolve();

/** The answer for an error: a FileError's message names its file (and so the chunk) already. */
const failure = (error: unknown): { error: string; namesFile: boolean } => ({
  error: error instanceof Error ? error.message : String(error),
  namesFile: error instanceof FileError,
});
const recording = new Set<Promise<void>>();
/** The first failure to record a chunk (e.g. a full disk), reported with the next answer. */
let recordError: unknown;

parentPort!.on('message', async (k: number | 'flush') => {
  if (k === 'flush') {
    await Promise.all(recording);
    parentPort!.postMessage({ flushed: true, ...(recordError === undefined ? {} : failure(recordError)) });
    return;
  }
  try {
    await ready;
    if (recordError !== undefined) throw recordError;
    const { files, failures } = computeChunkFiles(spec, k);
    const done = writeChunkDeferred(out, k, files).catch((error: unknown) => {
      recordError ??= error;
    });
    recording.add(done);
    void done.finally(() => recording.delete(done));
    parentPort!.postMessage({ k, failures });
  } catch (error) {
    parentPort!.postMessage({ k, ...failure(error) });
  }
});
