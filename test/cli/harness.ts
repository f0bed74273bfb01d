/** Runs the CLI in-process through main(argv, io) and captures what it writes. */
import { main } from '../../src/cli/main.js';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function ndtc(...argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
  });
  return { code, stdout, stderr };
}

export async function ndtcJson(...argv: string[]): Promise<{ run: Run; doc: Record<string, unknown> }> {
  const run = await ndtc(...argv, '--json');
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.stderr}`);
  return { run, doc: JSON.parse(run.stdout) as Record<string, unknown> };
}

/** Minimal CSV reader for the CLI's output (no quoted fields in numeric output). */
export function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const lines = text.trimEnd().split('\n');
  return { header: lines[0].split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}
