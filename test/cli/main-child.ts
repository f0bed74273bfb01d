/**
 * `ndtc` from the sources in a child process (`node --import tsx test/cli/main-child.ts ARGS…`), for
 * tests that need a process of its own: its memory, its exit code, its loaded modules. With
 * NDTC_USAGE_FILE set, writes `{maxRSS, cpuSeconds}` of this process there at exit (maxRSS in bytes).
 */
import { writeFileSync } from 'node:fs';
import { main } from '../../src/cli/main.js';

const usageFile = process.env.NDTC_USAGE_FILE;
if (usageFile) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    const usage = { maxRSS: u.maxRSS * 1024, cpuSeconds: (u.userCPUTime + u.systemCPUTime) / 1e6 };
    writeFileSync(usageFile, JSON.stringify(usage));
  });
}
process.exitCode = await main(process.argv.slice(2));
