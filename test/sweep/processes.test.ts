/** The built CLI as separate processes: shards on their own, and a run killed (SIGKILL, Ctrl-C) then resumed. */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { chunkWritesBuffer, stopChunkWrites } from '../../src/sweep/directory.js';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, SMALL_STUDY, spawnCli, tempDir } from './cli-harness.js';

let root: string;
beforeAll(() => {
  // Type errors elsewhere in the tree must not stop the emit this test needs.
  spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'ignore' });
  expect(existsSync('dist/sweep/worker.js')).toBe(true);
  root = tempDir();
}, 180_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const GRID = SMALL_STUDY;
const read = (dir: string, file: string): string => readFileSync(join(dir, file), 'utf8');
/** Chunks done: those with a record (chunks/NNNNNN.done, written after the chunk's files). */
const doneChunks = (dir: string): number =>
  existsSync(join(dir, 'chunks'))
    ? readdirSync(join(dir, 'chunks')).filter((f) => /^\d+\.done$/.test(f)).length
    : 0;

/** Send `signal` to `child` once `ready()`; how it ended, and what it said on stderr. */
async function killWhen(
  child: ChildProcess,
  ready: () => boolean,
  signal: NodeJS.Signals,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, how) => resolve({ code, signal: how })),
  );
  while (!ready()) await new Promise((resolve) => setTimeout(resolve, 5));
  child.kill(signal);
  return { ...(await ended), stderr };
}

/** `ndtc sweep` of a T_L map of `n` × 1000 points: long enough to be stopped while it writes results. */
const mapOf = (n: number): string[] => [
  'sweep',
  '--vary',
  `Jin=1fW..1pW:${n}:log`,
  '--vary',
  'TR=10mK..800mK:1000',
  '--output',
  'T_L',
];

describe('built CLI', () => {
  it('shards run as separate processes merge to the bytes of the unsharded run', async () => {
    const whole = join(root, 'whole');
    const r = await runCli([
      'sweep',
      ...GRID,
      '--chunk-size',
      '4',
      '--out',
      whole,
      '--workers',
      '2',
      '--quiet',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const shared = join(root, 'shared');
    const shards = await Promise.all(
      [0, 1, 2, 3].map((i) =>
        runCli([
          'sweep',
          ...GRID,
          '--chunk-size',
          '4',
          '--out',
          shared,
          '--resume',
          '--shard',
          `${i}/4`,
          '--workers',
          '1',
          '--quiet',
        ]),
      ),
    );
    // Four processes raced to create the shared directory; every one must have succeeded.
    for (const s of shards) expect(s.code, s.stderr).toBe(0);
    const merged = await runCli(['merge', shared]);
    expect(merged.code, merged.stderr).toBe(0);
    for (const f of ['results.csv', 'results.jsonl', 'manifest.json', 'plot.svg'])
      expect(read(shared, f)).toBe(read(whole, f));
    expect(readFileSync(join(shared, 'plot.png')).equals(readFileSync(join(whole, 'plot.png')))).toBe(true);
  });

  it.each(['SIGKILL', 'SIGINT'] as const)(
    'a run killed with %s resumes with no point lost or duplicated',
    async (signal) => {
      const reference = join(root, `reference-${signal}`);
      expect(
        (
          await runCli([
            'sweep',
            ...GRID,
            '--chunk-size',
            '1',
            '--out',
            reference,
            '--workers',
            '2',
            '--quiet',
            '--no-plot',
          ])
        ).code,
      ).toBe(0);
      const total = 37 * 3;
      const out = join(root, `killed-${signal}`);
      const child = spawnCli([
        'sweep',
        ...GRID,
        '--chunk-size',
        '1',
        '--out',
        out,
        '--workers',
        '2',
        '--quiet',
        '--no-plot',
      ]);
      // Kill once some, but not all, chunks are on disk.
      const end = await killWhen(child, () => doneChunks(out) >= 10, signal);
      if (signal === 'SIGKILL') expect(end.signal).toBe('SIGKILL');
      else {
        // Ctrl-C: one line saying how to go on, and the shell's exit status for SIGINT.
        expect(end.code).toBe(130);
        expect(end.stderr).toBe(
          `ndtc sweep: interrupted (SIGINT); the chunks done are kept: continue with ndtc sweep --out ${out} --resume\n`,
        );
      }
      const done = doneChunks(out);
      expect(done).toBeGreaterThanOrEqual(10);
      expect(done).toBeLessThan(total);
      expect(existsSync(join(out, 'results.csv'))).toBe(false);
      // The results being formatted as chunks came in: Ctrl-C removes their temporaries on the way
      // out (a kill leaves them for the next run, which removes them).
      const partial = readdirSync(out).filter((f) => f.startsWith('.results.'));
      expect(partial).toEqual(signal === 'SIGINT' ? [] : [expect.any(String), expect.any(String)]);
      // Nor any chunk file its threads were writing.
      if (signal === 'SIGINT')
        expect(readdirSync(join(out, 'chunks')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      const resumed = await runCli([
        'sweep',
        '--out',
        out,
        '--resume',
        '--workers',
        '2',
        '--quiet',
        '--no-plot',
      ]);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(resumed.stdout).toContain(
        `${total - done} chunk${total - done === 1 ? '' : 's'} computed, ${done} already done`,
      );
      expect(read(out, 'results.csv')).toBe(read(reference, 'results.csv'));
      expect(read(out, 'results.jsonl')).toBe(read(reference, 'results.jsonl'));
      expect(readdirSync(join(out, 'chunks')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    },
  );

  it('Ctrl-C while results.h5 is written: said as during the chunks, its temporary removed; --resume writes it', async () => {
    const out = join(root, 'interrupted-h5');
    const args = mapOf(400);
    const child = spawnCli([
      ...args,
      '--formats',
      'h5',
      '--out',
      out,
      '--workers',
      '2',
      '--quiet',
      '--no-plot',
    ]);
    const writing = (): boolean =>
      existsSync(out) && readdirSync(out).some((f) => /^\.results\.h5\.\d+\.tmp$/.test(f));
    const end = await killWhen(child, writing, 'SIGINT');
    expect(end.code).toBe(130);
    expect(end.stderr).toBe(
      `ndtc sweep: interrupted (SIGINT); the chunks done are kept: continue with ndtc sweep --out ${out} --resume\n`,
    );
    expect(readdirSync(out).filter((f) => f.startsWith('.') || f.startsWith('results'))).toEqual([]);
    const resumed = await runCli(['sweep', '--out', out, '--resume', '--quiet', '--no-plot']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(/: 0 chunks computed, \d+ already done\n/);
    expect(resumed.stdout).toContain(`wrote ${join(out, 'results.h5')}`);
    expect((await runCli(['verify', out])).code).toBe(0);
  }, 120_000);

  it('Ctrl-C during a merge into a new --out: said, nothing left there; merging again gives the results', async () => {
    const shards = join(root, 'merge-shards');
    const args = mapOf(200);
    for (const shard of ['0/2', '1/2'])
      expect((await runCli([...args, '--shard', shard, '--resume', '--out', shards, '--quiet'])).code).toBe(
        0,
      );
    const out = join(root, 'merge-interrupted');
    const child = spawnCli(['merge', '--out', out, shards, '--no-plot']);
    const assembling = (): boolean =>
      existsSync(out) && readdirSync(out).some((f) => f.startsWith('.results.'));
    const end = await killWhen(child, assembling, 'SIGINT');
    expect(end.code).toBe(130);
    expect(end.stderr).toBe('ndtc merge: interrupted (SIGINT); the chunks are untouched: merge again\n');
    // Not a directory that looks like a sweep to resume (its manifest), nor half a results file.
    expect(existsSync(out)).toBe(false);
    const again = await runCli(['merge', '--out', out, shards, '--no-plot']);
    expect(again.code, again.stderr).toBe(0);
    expect((await runCli(['verify', out])).code).toBe(0);
  }, 120_000);

  it('each thread records a chunk (fsync, then its .done) while it computes the next: a kill loses at most the chunks in flight', async () => {
    const out = join(root, 'records-keep-up');
    const dataFiles = (): number =>
      existsSync(join(out, 'chunks'))
        ? readdirSync(join(out, 'chunks')).filter((f) => f.endsWith('.bin')).length
        : 0;
    const child = spawnCli([
      'sweep',
      '--vary',
      'Jin=1fW..1pW:300:log',
      '--vary',
      'TR=10mK..800mK:300',
      '--output',
      'T_L',
      '--chunk-size',
      '1000',
      '--out',
      out,
      '--workers',
      '2',
      '--quiet',
      '--no-plot',
      '--no-h5',
    ]);
    expect((await killWhen(child, () => dataFiles() >= 40, 'SIGKILL')).signal).toBe('SIGKILL');
    // In flight when killed: per thread, the chunk being recorded and the one just written.
    expect(dataFiles() - doneChunks(out)).toBeLessThanOrEqual(4);
  });
});

describe('Ctrl-C and the workers’ chunk temporaries', () => {
  it('once the sweep stops, a worker starts no chunk file (it would appear after the main thread removed them)', async () => {
    const dir = join(root, 'stopping');
    mkdirSync(join(dir, 'chunks'), { recursive: true });
    stopChunkWrites();
    // A worker of the built library, handed the main thread's shared state as a sweep's workers are.
    const directory = new URL('../../dist/sweep/directory.js', import.meta.url).href;
    const worker = new Worker(
      `const { workerData, parentPort } = require('node:worker_threads');
       import(${JSON.stringify(directory)}).then(({ shareChunkWrites, writeChunkDeferred }) => {
         shareChunkWrites(workerData.writes);
         try {
           void writeChunkDeferred(workerData.dir, 0, { bin: new Uint8Array(8) });
           parentPort.postMessage('written');
         } catch (error) {
           parentPort.postMessage(error.message);
         }
       });`,
      { eval: true, workerData: { dir, writes: chunkWritesBuffer() } },
    );
    const answer = await new Promise((resolve) => worker.once('message', resolve));
    await worker.terminate();
    expect(answer).toBe('the sweep is stopping');
    expect(readdirSync(join(dir, 'chunks'))).toEqual([]);
  });
});
