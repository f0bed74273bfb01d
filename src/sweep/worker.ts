/** Worker-thread entry: receives chunk numbers, computes and writes each chunk, answers with its failures. */
import { parentPort, workerData } from 'node:worker_threads';
import { computeAndWriteChunk } from './pool.js';
import type { SweepSpec } from './spec.js';

const { spec, out } = workerData as { spec: SweepSpec; out: string };

parentPort!.on('message', (k: number) => {
  try {
    parentPort!.postMessage({ k, failures: computeAndWriteChunk(spec, out, k) });
  } catch (error) {
    parentPort!.postMessage({ k, error: error instanceof Error ? error.message : String(error) });
  }
});
