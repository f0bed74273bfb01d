/** Run `ndtc` in-process (src/cli/main.ts) or as the built CLI (bin/ndtc.js → dist/), capturing output. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { main } from '../../src/cli/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A small direct-mode study (111 points: J_γ, κ_γ over T_R × χ) that the sweep tests share. */
export const SMALL_STUDY: readonly string[] = [
  '--TL',
  '600mK',
  '--vary',
  'TR=10mK..590mK:37',
  '--vary',
  'chi=1,2,4',
  '--output',
  'J_gamma,kappa_gamma',
];

export async function ndtc(...argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

export function tempDir(prefix = 'ndtc-sweep-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * A maker of fresh output paths (`out` inside a new temporary directory) for one test file; every
 * directory it made is removed after the file's tests. Call it at the file's top level.
 */
export function freshOutputs(prefix?: string): () => string {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  return () => {
    const d = tempDir(prefix);
    dirs.push(d);
    return join(d, 'out');
  };
}

/** Compile src/ to dist/ once (the built CLI's worker script is dist/sweep/worker.js). */
export function buildDist(): void {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'ignore' });
}

export function spawnCli(argv: string[]): ChildProcess {
  return spawn(process.execPath, ['bin/ndtc.js', ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
}

export function runCli(argv: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawnCli(argv);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/**
 * The chunks' binary records of `out` removed (files and record entries), as after `--remove-chunks`,
 * so that results.h5 and the plot are made from results.jsonl.
 */
export function withoutBinaryRecords(out: string): void {
  const chunks = join(out, 'chunks');
  for (const name of readdirSync(chunks)) {
    if (name.endsWith('.bin')) rmSync(join(chunks, name));
    if (!name.endsWith('.done')) continue;
    const record = JSON.parse(readFileSync(join(chunks, name), 'utf8')) as { files: Record<string, unknown> };
    for (const file of Object.keys(record.files)) if (file.endsWith('.bin')) delete record.files[file];
    writeFileSync(join(chunks, name), JSON.stringify(record));
  }
}
