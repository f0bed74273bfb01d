/** Worker-thread entry: receives chunk numbers, answers with the chunk's CSV and JSONL text. */
import { parentPort, workerData } from 'node:worker_threads';
import { computeChunk } from './chunk.js';
import type { SweepSpec } from './spec.js';

const spec = (workerData as { spec: SweepSpec }).spec;

parentPort!.on('message', (k: number) => {
  try {
    parentPort!.postMessage({ k, text: computeChunk(spec, k) });
  } catch (error) {
    parentPort!.postMessage({ k, error: error instanceof Error ? error.message : String(error) });
  }
});
