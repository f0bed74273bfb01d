/**
 * A real full disk: the built CLI sweeps into a small tmpfs, at 8 sizes from a few KiB to a bit less
 * than the study needs. Each run must fail with exit 1 and one line naming a path and the cause, leave
 * no recorded chunk that fails verification (nothing short under a final name), and, once the file
 * system is grown, `--resume` must give results byte-identical to a clean run. Sizes alternate between
 * two worker threads and one (which computes on the main thread, its records written in the
 * background as a worker's are). Needs root (mount);
 * skipped with a note otherwise.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statfsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ndtc, runCli, SMALL_STUDY, tempDir } from './cli-harness.js';

const root = tempDir('ndtc-disk-');
const mountPoint = join(root, 'mnt');
mkdirSync(mountPoint);

const mount = (...args: string[]): { ok: boolean; why: string } => {
  const r = spawnSync('mount', args, { encoding: 'utf8' });
  return { ok: r.status === 0, why: (r.stderr || r.error?.message || `exit ${r.status}`).trim() };
};
const unmount = (): void => void spawnSync('umount', [mountPoint]);

/** Whether this process may mount a tmpfs (root, and a kernel and container that allow it). */
function tmpfsAvailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'not running as root';
  const m = mount('-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountPoint);
  if (!m.ok) return `mount -t tmpfs failed: ${m.why}`;
  unmount();
  return undefined;
}
const unavailable = tmpfsAvailable();
if (unavailable) console.warn(`test/sweep/verify-disk.test.ts skipped: ${unavailable}`);

const GRID = [...SMALL_STUDY, '--chunk-size', '10', '--no-plot', '--no-h5', '--quiet'];

let reference: string;
/** Bytes of the file system a clean run of the study occupies at its end. */
let needed: number;

const used = (path: string): number => {
  const s = statfsSync(path);
  return (s.blocks - s.bfree) * s.bsize;
};

beforeAll(async () => {
  if (unavailable) return;
  spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'ignore' });
  expect(existsSync('dist/sweep/worker.js')).toBe(true);
  reference = join(root, 'reference');
  const r = await runCli(['sweep', ...GRID, '--out', reference, '--workers', '2']);
  expect(r.code, r.stderr).toBe(0);
  // The same study in a roomy tmpfs, to learn what it occupies there (tmpfs counts whole pages).
  expect(mount('-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint).ok).toBe(true);
  try {
    const before = used(mountPoint);
    const s = await runCli(['sweep', ...GRID, '--out', join(mountPoint, 'study'), '--workers', '2']);
    expect(s.code, s.stderr).toBe(0);
    needed = used(mountPoint) - before;
  } finally {
    unmount();
  }
}, 240_000);
afterAll(() => {
  unmount();
  rmSync(root, { recursive: true, force: true });
});

describe.skipIf(unavailable !== undefined)('a sweep into a file system that fills up', () => {
  it('fails in one line naming the path, leaves nothing short under a final name, and resumes byte-identically', async () => {
    const page = 4096;
    // 8 sizes from 8 KiB to one page less than the study needs, in whole pages.
    const sizes = Array.from(
      { length: 8 },
      (_, i) => Math.max(2, Math.floor((2 * page + ((needed - 3 * page) * i) / 7) / page)) * page,
    );
    expect(sizes[sizes.length - 1]).toBeLessThan(needed);
    for (const [i, size] of sizes.entries()) {
      const workers = i % 2 === 0 ? '2' : '1';
      expect(mount('-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', mountPoint).ok).toBe(true);
      try {
        const out = join(mountPoint, 'study');
        const r = await runCli(['sweep', ...GRID, '--out', out, '--workers', workers]);
        expect(r.code, `size ${size}, ${workers} workers: ${r.stderr}`).toBe(1);
        const lines = r.stderr.trim().split('\n');
        expect(lines, `size ${size}`).toHaveLength(1);
        expect(lines[0]).toMatch(/^ndtc sweep: .*cannot write .*: no space left on device \(ENOSPC\)$/);
        expect(lines[0]).toContain(mountPoint);
        if (existsSync(join(out, 'manifest.json'))) {
          // Every chunk with a record matches it; the rest are missing or unrecorded, never short.
          const v = await ndtc('verify', out);
          const problems = v.stdout.split('\n').filter((l) => l.startsWith(`${out}/`));
          for (const p of problems)
            expect(p, `size ${size}`).toMatch(/: (missing|no record)( \(chunk \d+\))?$/);
        }
        expect(mount('-o', `remount,size=8m`, mountPoint).ok).toBe(true);
        const resumed = await runCli(['sweep', ...GRID, '--out', out, '--resume', '--workers', workers]);
        expect(resumed.code, resumed.stderr).toBe(0);
        for (const f of ['results.csv', 'results.jsonl'])
          expect(
            readFileSync(join(out, f)).equals(readFileSync(join(reference, f))),
            `size ${size}: ${f}`,
          ).toBe(true);
        expect((await ndtc('verify', out)).code).toBe(0);
      } finally {
        unmount();
      }
    }
  }, 240_000);

  it('no room left for results.h5 after the text results: says those are written and how to go on', async () => {
    const page = 4096;
    // Room for the study with its text results, none for results.h5.
    expect(
      mount('-t', 'tmpfs', '-o', `size=${Math.ceil(needed / page) * page}`, 'tmpfs', mountPoint).ok,
    ).toBe(true);
    try {
      const out = join(mountPoint, 'study');
      const withH5 = GRID.filter((a) => a !== '--no-h5');
      const r = await runCli(['sweep', ...withH5, '--out', out, '--workers', '1']);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        `ndtc sweep: cannot write ${out}/results.h5: no space left on device (ENOSPC); results.csv and .jsonl are written (then: ndtc merge ${out})\n`,
      );
      for (const f of ['results.csv', 'results.jsonl'])
        expect(readFileSync(join(out, f)).equals(readFileSync(join(reference, f))), f).toBe(true);
      const v = await ndtc('verify', out);
      expect(v.code, v.stdout).toBe(0);
      expect(v.stdout).toContain('results verified, but results.h5 not written yet');
      expect(mount('-o', 'remount,size=8m', mountPoint).ok).toBe(true);
      expect((await ndtc('merge', out, '--no-plot')).code).toBe(0);
      expect((await ndtc('verify', out)).stdout).toContain('; results verified\n');
    } finally {
      unmount();
    }
  }, 120_000);
});
