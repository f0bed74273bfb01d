/** Worker-thread entry: receives chunk numbers, computes and writes each chunk, answers with its failures. */
import { parentPort, workerData } from 'node:worker_threads';
import { hasPhononTable, loadPhononFamily } from '../index.js';
import { computeAndWriteChunk } from './pool.js';
import { phononGammas, type SweepSpec } from './spec.js';

const { spec, out } = workerData as { spec: SweepSpec; out: string };
// The γ family of J_ph,S tables, if this sweep's γ need it (the main thread has loaded it too).
const ready = phononGammas(spec).some((g) => !hasPhononTable(g)) ? loadPhononFamily() : Promise.resolve();

parentPort!.on('message', async (k: number) => {
  try {
    await ready;
    parentPort!.postMessage({ k, failures: computeAndWriteChunk(spec, out, k) });
  } catch (error) {
    parentPort!.postMessage({ k, error: error instanceof Error ? error.message : String(error) });
  }
});
