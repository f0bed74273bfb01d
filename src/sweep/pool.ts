/**
 * Compute and write chunks on N threads: this one and N − 1 workers (this one alone for N = 1 or 0).
 * Chunks are handed out in index order and may finish in any order; each is written to its own file by
 * the thread that computed it, so the output does not depend on the thread count. A worker holds up
 * to QUEUED_PER_WORKER chunks, so it has the next while this thread computes and cannot answer. Each
 * thread fsyncs a chunk and writes its record while it computes the next one; once every chunk is
 * computed, each worker is asked to flush (finish those records) before the pool ends, so every chunk
 * is recorded when it resolves.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { computeChunkBinary } from './binary-chunk.js';
import { chunkBuffers, type ChunkBuffers, type PointFailure } from './evaluate-chunk.js';
import { chunkWritesBuffer, writeChunkDeferred, type ChunkFiles } from './directory.js';
import type { SweepSpec } from './spec.js';

export const DEFAULT_WORKERS = availableParallelism();

/**
 * Below this estimated CPU (estimateSweep), a sweep asked for no thread count computes on the main
 * thread alone: a worker's start-up and compilation then cost more wall time than its share saves.
 * T_L maps on the 2-core development machine, whole processes, 1 thread against 2: 1.0 s against
 * 1.2 s of wall at 10⁵ points (estimated ~1.3 s of CPU), 1.3 s against 1.4 s at 3·10⁵ (~2.9 s), even
 * at 5.6·10⁵ (~3.1 s), and 2 threads ahead from there (3.7 s against 2.6 s at 10⁶).
 */
export const WORKER_PAYOFF_SECONDS = 3;

/** Threads for a sweep of `estimatedCpuSeconds` when none are asked for (undefined: not estimated). */
export function defaultThreads(estimatedCpuSeconds: number | undefined, available = DEFAULT_WORKERS): number {
  return estimatedCpuSeconds !== undefined && estimatedCpuSeconds < WORKER_PAYOFF_SECONDS ? 1 : available;
}

/** What a chunk reports once its files are written. */
export type ChunkFailures = PointFailure[];

let buffers: ChunkBuffers | undefined;

/** Chunk k of `spec` computed as the file it is written as, its binary records. */
export function computeChunkFiles(
  spec: SweepSpec,
  k: number,
): { files: ChunkFiles; failures: ChunkFailures } {
  // The chunk's bytes are a view of this thread's buffers: written (and hashed) before the next.
  const { bin, failures } = computeChunkBinary(spec, k, (buffers ??= chunkBuffers()));
  return { files: { bin }, failures };
}

/**
 * Chunks computed on one thread and written, their fsync and record following on libuv's pool while
 * the thread computes the next (writeChunkDeferred): the main thread's loop and each worker's.
 */
export class ChunkRecorder {
  private readonly recording = new Set<Promise<void>>();
  private failure: unknown;

  constructor(
    private readonly spec: SweepSpec,
    private readonly out: string,
  ) {}

  /** Compute and write chunk k; throws the first failure to record an earlier chunk instead. */
  compute(k: number): ChunkFailures {
    if (this.failure !== undefined) throw this.failure;
    const { files, failures } = computeChunkFiles(this.spec, k);
    const done = writeChunkDeferred(this.out, k, files).catch((error: unknown) => {
      this.failure ??= error;
    });
    this.recording.add(done);
    void done.finally(() => this.recording.delete(done));
    return failures;
  }

  /**
   * Once the records of every chunk but the last one computed are written (the last one's fsync goes
   * on while the next chunk is computed). Each step of a record (open, write, fsync, close, rename)
   * goes on only when this thread's event loop turns, once a chunk on a busy thread: unawaited, a
   * chunk's record trailed it by several chunks, and a killed run lost that finished work.
   */
  async settleAllButLast(): Promise<void> {
    const pending = [...this.recording];
    await Promise.all(pending.slice(0, -1));
  }

  /** Once every pending record is written: the first failure to record one, if any. */
  async settle(): Promise<unknown> {
    await Promise.all(this.recording);
    return this.failure;
  }
}

/**
 * Chunks computed on this thread, each taken from `take` until it gives none. Between chunks the
 * event loop runs, so workers' answers are handled, a progress bar redraws and signals are handled.
 * Every record is written (or the first failure thrown) before it returns.
 */
async function computeHere(
  spec: SweepSpec,
  out: string,
  take: () => number | undefined,
  onChunk: (k: number, failures: ChunkFailures) => void,
): Promise<void> {
  const recorder = new ChunkRecorder(spec, out);
  try {
    for (let k = take(); k !== undefined; k = take()) {
      onChunk(k, recorder.compute(k));
      await Promise.all([recorder.settleAllButLast(), nextTurn()]);
    }
  } catch (error) {
    await recorder.settle();
    throw error;
  }
  const failure = await recorder.settle();
  if (failure !== undefined) throw failure;
}

/**
 * A worker running `worker.js` next to this module (compiled dist/). From the TypeScript sources
 * (tests, tsx) there is no .js file, so the worker first registers tsx's loader and then imports
 * `worker.ts`.
 */
function startWorker(spec: SweepSpec, out: string): Worker {
  const workerData = { spec, out, writes: chunkWritesBuffer() };
  const js = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return new Worker(js, { workerData });
  const ts = new URL('./worker.ts', import.meta.url).href;
  const api = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(ts)}); })`;
  return new Worker(code, { eval: true, workerData });
}

/** A worker's answer: a chunk's failures or error, or `flushed` once its records are all written. */
interface Answer {
  k: number;
  failures?: ChunkFailures;
  error?: string;
  /** The error names its file (a FileError), so it needs no "chunk k:" before it. */
  namesFile?: boolean;
  flushed?: boolean;
}

/** Chunks a worker holds at once: the next one waits in its queue while this thread computes. */
const QUEUED_PER_WORKER = 2;

export async function computeChunks(
  spec: SweepSpec,
  out: string,
  chunks: readonly number[],
  workers: number,
  onChunk: (k: number, failures: ChunkFailures) => void,
): Promise<void> {
  let next = 0;
  let failed = false;
  // After the first failure no chunk is handed out: the threads only finish what they hold.
  const take = (): number | undefined => (failed || next >= chunks.length ? undefined : chunks[next++]);
  const pool = Array.from({ length: Math.max(0, Math.min(workers, chunks.length) - 1) }, () =>
    startWorker(spec, out),
  );
  if (pool.length === 0) return computeHere(spec, out, take, onChunk);
  let fail: (error: unknown) => void = () => {};
  let hereDone = false;
  let maybeFlush = (): void => {};
  const workersDone = new Promise<void>((resolve, rejectRun) => {
    const held = new Map<Worker, number>(pool.map((w) => [w, 0]));
    let flushing = -1;
    fail = (error) => {
      failed = true;
      rejectRun(error);
    };
    maybeFlush = () => {
      if (failed || flushing >= 0 || !hereDone || next < chunks.length) return;
      for (const n of held.values()) if (n > 0) return;
      flushing = pool.length;
      for (const w of pool) w.postMessage('flush');
    };
    const feed = (w: Worker): void => {
      while (held.get(w)! < QUEUED_PER_WORKER) {
        const k = take();
        if (k === undefined) return maybeFlush();
        held.set(w, held.get(w)! + 1);
        w.postMessage(k);
      }
    };
    for (const w of pool) {
      w.on('message', (m: Answer) => {
        if (m.flushed) {
          if (m.error !== undefined) return fail(new Error(m.error));
          if (--flushing === 0) resolve();
          return;
        }
        held.set(w, held.get(w)! - 1);
        if (m.error !== undefined) return fail(new Error(m.namesFile ? m.error : `chunk ${m.k}: ${m.error}`));
        try {
          onChunk(m.k, m.failures!);
        } catch (error) {
          return fail(error);
        }
        feed(w);
      });
      w.on('error', fail);
      w.on('exit', (code) => {
        if (code !== 0) fail(new Error(`a sweep worker exited with code ${code}`));
      });
    }
    for (const w of pool) feed(w);
  });
  // This thread computes chunks too (one V8 instance fewer than a worker per thread).
  const here = computeHere(spec, out, take, onChunk).then(
    () => {
      hereDone = true;
      maybeFlush();
    },
    (error: unknown) => {
      fail(error);
      throw error;
    },
  );
  const settled = await Promise.allSettled([here, workersDone]);
  try {
    if (failed) await Promise.all(pool.map(drain));
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  // This thread's failure first: a worker's "rejection" may only be the stop that failure caused.
  for (const r of settled) if (r.status === 'rejected') throw r.reason;
}

/** Longest wait for a failed run's workers to settle their background writes, ms. */
const DRAIN_MS = 30_000;

/**
 * Waits until a worker's background writes (chunk fsyncs and records) have settled, or it has exited:
 * Node 20 aborts the whole process (an assertion in FileHandle::ClosePromise) when a worker is
 * terminated while it closes a file, e.g. after another worker found the disk full.
 */
function drain(w: Worker): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      w.off('message', onMessage);
      w.off('exit', done);
      resolve();
    };
    const onMessage = (m: Answer): void => {
      if (m.flushed) done();
    };
    const timer = setTimeout(done, DRAIN_MS);
    w.on('message', onMessage);
    w.once('exit', done);
    w.postMessage('flush');
  });
}
