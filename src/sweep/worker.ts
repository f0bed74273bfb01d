/**
 * Worker-thread entry: receives chunk numbers, computes and writes each chunk, answers with its
 * failures; the chunk's fsync and record complete in the background (ChunkRecorder), and the
 * message 'flush' answers `{ flushed }` once every record is written (or with the first error).
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { hasPhononTable, loadPhononFamily } from '../physics/electron-phonon-table.js';
import { FileError } from '../io/file-error.js';
import { ChunkRecorder } from './pool.js';
import { shareChunkWrites } from './directory.js';
import { phononGammas, type SweepSpec } from './spec.js';

const { spec, out, writes } = workerData as { spec: SweepSpec; out: string; writes: SharedArrayBuffer };
shareChunkWrites(writes);
// The γ family of J_ph,S tables, if this sweep's γ need it (the main thread has loaded it too).
const ready = phononGammas(spec).some((g) => !hasPhononTable(g)) ? loadPhononFamily() : Promise.resolve();

/** The answer for an error: a FileError's message names its file (and so the chunk) already. */
const failure = (error: unknown): { error: string; namesFile: boolean } => ({
  error: error instanceof Error ? error.message : String(error),
  namesFile: error instanceof FileError,
});
const recorder = new ChunkRecorder(spec, out);

/**
 * Chunk numbers and flushes in the order they came, run one at a time. Between chunks the event loop
 * turns and the earlier chunks' records are awaited (as on the main thread, computeHere): a handler
 * per message would compute the queued chunk at once, and the records would wait for an idle moment.
 */
const queue: (number | 'flush')[] = [];
let running = false;

async function run(): Promise<void> {
  running = true;
  for (let k = queue.shift(); k !== undefined; k = queue.shift()) {
    if (k === 'flush') {
      const recordError = await recorder.settle();
      parentPort!.postMessage({ flushed: true, ...(recordError === undefined ? {} : failure(recordError)) });
      continue;
    }
    try {
      await ready;
      parentPort!.postMessage({ k, failures: recorder.compute(k) });
    } catch (error) {
      parentPort!.postMessage({ k, ...failure(error) });
    }
    await Promise.all([recorder.settleAllButLast(), nextTurn()]);
  }
  running = false;
}

parentPort!.on('message', (k: number | 'flush') => {
  queue.push(k);
  if (!running) void run();
});
