/**
 * A benchmarked child: `node --import report-usage.mjs args…` run in the repository, with its wall
 * time, peak RSS and CPU time of all threads (the hook writes them at exit).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const usageHook = fileURLToPath(new URL('./report-usage.mjs', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));

export interface Usage {
  /** Seconds. */
  wall: number;
  /** Bytes. */
  maxRSS: number;
  /** Seconds, all threads. */
  cpuSeconds: number;
}

/** Runs the child (lowered in priority with `nice`); `scratch` receives its usage file. */
export function childUsage(
  args: string[],
  scratch: string,
  options: { nice?: boolean; env?: Record<string, string> } = {},
): Usage {
  const usageFile = join(scratch, 'usage.json');
  rmSync(usageFile, { force: true });
  const node = [process.execPath, '--import', usageHook, ...args];
  const t0 = performance.now();
  const r = spawnSync(options.nice ? 'nice' : node[0], options.nice ? ['-n', '5', ...node] : node.slice(1), {
    cwd: root,
    env: { ...process.env, ...options.env, NDTC_USAGE_FILE: usageFile },
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${args.join(' ')}: exit ${r.status}: ${r.stderr.slice(-2000)}`);
  const u = JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRSS: number; cpuSeconds: number };
  return { wall, ...u };
}
