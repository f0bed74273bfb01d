/**
 * Worker-thread entry: receives chunk numbers, computes and writes each chunk, answers with its
 * failures; the chunk's fsync and record complete in the background (ChunkRecorder), and the
 * message 'flush' answers `{ flushed }` once every record is written (or with the first error).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { hasPhononTable, loadPhononFamily } from '../physics/electron-phonon-table.js';
import { FileError } from '../io/file-error.js';
import { ChunkRecorder } from './pool.js';
import { phononGammas, type SweepSpec } from './spec.js';

const { spec, out } = workerData as { spec: SweepSpec; out: string };
// The γ family of J_ph,S tables, if this sweep's γ need it (the main thread has loaded it too).
const ready = phononGammas(spec).some((g) => !hasPhononTable(g)) ? loadPhononFamily() : Promise.resolve();

/** The answer for an error: a FileError's message names its file (and so the chunk) already. */
const failure = (error: unknown): { error: string; namesFile: boolean } => ({
  error: error instanceof Error ? error.message : String(error),
  namesFile: error instanceof FileError,
});
const recorder = new ChunkRecorder(spec, out);

parentPort!.on('message', async (k: number | 'flush') => {
  if (k === 'flush') {
    const recordError = await recorder.settle();
    parentPort!.postMessage({ flushed: true, ...(recordError === undefined ? {} : failure(recordError)) });
    return;
  }
  try {
    await ready;
    parentPort!.postMessage({ k, failures: recorder.compute(k) });
  } catch (error) {
    parentPort!.postMessage({ k, ...failure(error) });
  }
});
