/** Stopping a command: Ctrl-C, and what `timeout`, `kill` and Slurm's `scancel` send. */
import os from 'node:os';

export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** `work()`, with `onStop` answering a stop signal in place of the default exit; removed after it. */
export async function onStopSignals<T>(
  onStop: (signal: NodeJS.Signals) => void,
  work: () => Promise<T>,
): Promise<T> {
  for (const signal of STOP_SIGNALS) process.once(signal, onStop);
  try {
    return await work();
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, onStop);
  }
}

/** The shell's exit status of a process stopped by `signal` (130 for Ctrl-C). */
export const signalExitCode = (signal: NodeJS.Signals): number => 128 + (os.constants.signals[signal] ?? 2);
