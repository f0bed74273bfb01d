/**
 * Progress feedback on a terminal only: a redrawn bar with ETA once the work has lasted a second. A pipe
 * or a file gets nothing unless asked (`force`, the CLI's `--progress`: plain lines at each tenth);
 * `quiet` silences it everywhere.
 */

export interface Progress {
  /** Advance by `n` units of work. */
  tick(n?: number): void;
  /** Finish the bar (leaves the final line on a TTY). */
  done(): void;
}

export interface ProgressOptions {
  label: string;
  total: number;
  quiet?: boolean;
  /**
   * Draw nothing until the work has lasted this many seconds (default 1: short jobs stay silent, a few
   * slow points still get a bar and an estimate).
   */
  delaySeconds?: number;
  /** Draw also when the stream is not a terminal, from the start (plain lines; `--progress`). */
  force?: boolean;
  stream?: NodeJS.WriteStream;
}

function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '--';
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)}s`;
  const m = Math.floor(s / 60);
  return `${m}m${String(Math.round(s - 60 * m)).padStart(2, '0')}s`;
}

export function createProgress({
  label,
  total,
  quiet = false,
  delaySeconds = 1,
  force = false,
  stream = process.stderr,
}: ProgressOptions): Progress {
  const tty = stream.isTTY === true;
  if (quiet || !(tty || force)) return { tick() {}, done() {} };
  const start = performance.now();
  let shown = force || delaySeconds <= 0;
  let count = 0;
  let lastDraw = 0;
  let lastPlainDecile = -1;
  const draw = (final: boolean): void => {
    const fraction = total > 0 ? Math.min(1, count / total) : 1;
    const elapsed = (performance.now() - start) / 1000;
    if (tty) {
      const width = 28;
      const filled = Math.round(fraction * width);
      const eta = fraction > 0 ? (elapsed * (1 - fraction)) / fraction : Infinity;
      const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
      const tail = final ? `${formatSeconds(elapsed)}` : `ETA ${formatSeconds(eta)}`;
      stream.write(
        `\r${label} ${bar} ${(100 * fraction).toFixed(0).padStart(3)}% ${count}/${total} ${tail}\x1b[K`,
      );
      if (final) stream.write('\n');
    } else {
      const decile = Math.floor(fraction * 10);
      if (final || decile > lastPlainDecile) {
        lastPlainDecile = decile;
        if (final) stream.write(`${label}: done (${count}/${total}) in ${formatSeconds(elapsed)}\n`);
        // The share done itself (a line is written as it passes a tenth): 1 of 4 is 25 %, not 20 %.
        else if (decile > 0) stream.write(`${label}: ${Math.floor(100 * fraction)}% (${count}/${total})\n`);
      }
    }
  };
  return {
    tick(n = 1) {
      count += n;
      const now = performance.now();
      if (!shown) {
        if (now - start < 1000 * delaySeconds) return;
        shown = true;
      }
      if (!tty || now - lastDraw > 80) {
        lastDraw = now;
        draw(false);
      }
    },
    done() {
      if (shown) draw(true);
    },
  };
}
