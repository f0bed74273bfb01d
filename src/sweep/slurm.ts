/**
 * A Slurm job-array script for a sweep whose manifest is already in `out`: task i computes shard
 * i/N (`ndtc sweep --out DIR --resume --shard i/N` reads the sweep from the manifest, and skips chunks
 * already done if a task is requeued); the first task to start submits the merge as a job that
 * runs after every array task has succeeded.
 */
import { resolve } from 'node:path';

export interface SlurmOptions {
  /** Absolute output directory (shared filesystem). */
  out: string;
  shards: number;
  points: number;
  chunks: number;
  /** Command that runs ndtc on the nodes (default: this installation's bin/ndtc.js under node). */
  ndtc?: string;
  cpusPerTask?: number;
  time?: string;
}

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

export function slurmScript(o: SlurmOptions): string {
  // $NDTC is expanded unquoted (split into words), so the default path is written bare.
  const ndtc = o.ndtc ?? `node ${resolve(new URL('../../bin/ndtc.js', import.meta.url).pathname)}`;
  const cpus = o.cpusPerTask ?? 2;
  const out = quote(o.out);
  return `#!/bin/bash
# ndtc sweep: ${o.points} points in ${o.chunks} chunks, as ${o.shards} array tasks.
# Submit with:  sbatch THIS_FILE      (results: ${o.out}/results.csv, results.jsonl)
# Override the command with NDTC="..." in the environment (e.g. NDTC="npx ndtc").
#SBATCH --job-name=ndtc-sweep
#SBATCH --array=0-${o.shards - 1}
#SBATCH --cpus-per-task=${cpus}
#SBATCH --time=${o.time ?? '04:00:00'}
#SBATCH --output=${o.out}/slurm-%A_%a.log
set -euo pipefail
NDTC=\${NDTC:-"${ndtc.replace(/"/g, '\\"')}"}
OUT=${out}

# The merge runs once, after every task of this array has succeeded; mkdir is the atomic guard
# against submitting it twice (a requeued task starts again).
if mkdir "$OUT/.merge-submitted" 2>/dev/null; then
  sbatch --job-name=ndtc-merge --dependency=afterok:"$SLURM_ARRAY_JOB_ID" \\
    --output="$OUT/slurm-merge-%j.log" --wrap "$NDTC merge '$OUT'"
fi

$NDTC sweep --out "$OUT" --resume --quiet --shard "$SLURM_ARRAY_TASK_ID/${o.shards}" --workers "\${SLURM_CPUS_PER_TASK:-${cpus}}"
`;
}
