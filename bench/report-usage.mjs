// Preloaded into a benchmarked child (`node --import ./bench/report-usage.mjs …`): at exit, writes
// the process's peak RSS (bytes) and CPU time (s, all threads) to $NDTC_USAGE_FILE.
import { writeFileSync } from 'node:fs';
import process from 'node:process';

const file = process.env.NDTC_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(
      file,
      JSON.stringify({ maxRSS: u.maxRSS * 1024, cpuSeconds: (u.userCPUTime + u.systemCPUTime) / 1e6 }),
    );
  });
}
