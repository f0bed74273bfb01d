/**
 * Compute chunks on worker threads (or in this thread with 0 workers). Chunks are handed out in
 * index order and may finish in any order; callers write each chunk to its own file, so the output
 * does not depend on the worker count.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { computeChunk, type ChunkText } from './chunk.js';
import type { SweepSpec } from './spec.js';

export const DEFAULT_WORKERS = availableParallelism();

/**
 * A worker running `worker.js` next to this module (compiled dist/). From the TypeScript sources
 * (tests, tsx) there is no .js file, so the worker first registers tsx's loader and then imports
 * `worker.ts`.
 */
function startWorker(spec: SweepSpec): Worker {
  const js = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return new Worker(js, { workerData: { spec } });
  const ts = new URL('./worker.ts', import.meta.url).href;
  const api = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(ts)}); })`;
  return new Worker(code, { eval: true, workerData: { spec } });
}

export async function computeChunks(
  spec: SweepSpec,
  chunks: readonly number[],
  workers: number,
  onChunk: (k: number, text: ChunkText) => void,
): Promise<void> {
  if (workers <= 0 || chunks.length === 0) {
    for (const k of chunks) {
      onChunk(k, computeChunk(spec, k));
      // Yield so a progress bar can redraw and signals are handled.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return;
  }
  const pool = Array.from({ length: Math.min(workers, chunks.length) }, () => startWorker(spec));
  let next = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let running = 0;
      const feed = (w: Worker): void => {
        if (next < chunks.length) {
          running++;
          w.postMessage(chunks[next++]);
        } else if (running === 0) {
          resolve();
        }
      };
      for (const w of pool) {
        w.on('message', (m: { k: number; text?: ChunkText; error?: string }) => {
          running--;
          if (m.error !== undefined) return reject(new Error(`chunk ${m.k}: ${m.error}`));
          // Hand out the next chunk before writing this one: the worker computes while this thread
          // waits on the file system (each chunk is fsynced). The last write still happens before
          // the promise's continuation runs.
          feed(w);
          try {
            onChunk(m.k, m.text!);
          } catch (error) {
            return reject(error);
          }
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (code !== 0) reject(new Error(`a sweep worker exited with code ${code}`));
        });
      }
      for (const w of pool) feed(w);
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
