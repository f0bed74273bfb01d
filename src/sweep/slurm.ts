/**
 * Slurm job scripts for a sweep whose manifest is already in `out`: a job array whose task i computes
 * shard i/N (`ndtc sweep --out DIR --resume --shard i/N` reads the sweep from the manifest and skips
 * the chunks already done, so a requeued or rerun task only finishes its shard), and a merge job.
 *
 * The merge is submitted by the first task to finish its shard, with `afterany` on the array: it
 * runs once every task has ended, however they ended, so it never waits forever behind a failed or
 * cancelled task (`afterok` would: DependencyNeverSatisfied). `ndtc merge` verifies every chunk and
 * refuses when one is missing; the merge job then releases the guard that keeps it from being
 * submitted twice, so the next task to finish (a requeued or rerun one) submits it again.
 */
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { counted } from '../units/counted.js';
import { fileURLToPath } from 'node:url';
import { InputError } from '../errors.js';

/** sbatch settings shared by every job of the study (array tasks and the merge job). */
export interface SlurmJob {
  partition?: string;
  account?: string;
  qos?: string;
  /** Memory per node, Slurm's form (`4G`, `4000M`). */
  mem?: string;
  /** Wall-time limit of each array task, seconds. */
  taskSeconds: number;
  /** Wall-time limit of the merge job, seconds. */
  mergeSeconds: number;
  /** CPUs of each array task (its worker threads). The merge job takes one. */
  cpusPerTask: number;
  /** Further options, each `--name` or `--name=value` (checked by `parseSbatchOption`). */
  sbatchOptions: readonly string[];
  /** Shell lines run before ndtc in every job, e.g. `module load nodejs/20`. */
  setup: readonly string[];
}

export interface SlurmStudy {
  /** Absolute output directory, on a filesystem every node sees. */
  out: string;
  shards: number;
  points: number;
  chunks: number;
  /** The bin/ndtc.js the jobs run under `node` (default: this installation's, symlinks resolved). */
  ndtcScript?: string;
  /** Options of the merge job's `ndtc merge` (--no-plot, --plot Q, --no-h5, --remove-chunks). */
  mergeArgs?: string[];
}

/** Files the emitted script relies on, inside the study directory. */
export const MERGE_SCRIPT = 'slurm-merge.sbatch';
export const MERGE_GUARD = '.merge-submitted';

export function installedNdtc(): string {
  return realpathSync(fileURLToPath(new URL('../../bin/ndtc.js', import.meta.url)));
}

/** Single-quoted for the shell (any bytes but NUL). */
export const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
/** `s` as one shell word, quoted only where it needs to be: for commands printed for people to copy. */
const shellWord = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : shellQuote(s));

/** The merge as a person runs it by hand (paths quoted where needed), with the job's options. */
const mergeByHand = (study: SlurmStudy): string =>
  ['ndtc', 'merge', study.out, ...(study.mergeArgs ?? [])]
    .map((w, i) => (i < 2 ? w : shellWord(w)))
    .join(' ');
/** The merge's options as the scripts write them after "$OUT". */
const mergeOptions = (study: SlurmStudy): string =>
  (study.mergeArgs ?? []).map((a) => ` ${shellWord(a)}`).join('');

// Control characters would end a #SBATCH line or a shell line early; tab is harmless in a shell line.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;
const printable = (s: string): boolean => !CONTROL.test(s) && !s.includes('\t');

/** Slurm's time forms: M, M:S, H:M:S, D-H, D-H:M, D-H:M:S. Returns seconds (> 0). */
export function parseSlurmTime(text: string, option: string): number {
  const m = /^(?:(\d+)-(\d+)(?::(\d+)(?::(\d+))?)?|(\d+)(?::(\d+)(?::(\d+))?)?)$/.exec(text.trim());
  let seconds = NaN;
  if (m && m[1] !== undefined) {
    seconds = ((Number(m[1]) * 24 + Number(m[2])) * 60 + Number(m[3] ?? 0)) * 60 + Number(m[4] ?? 0);
  } else if (m) {
    const parts = [m[5], m[6], m[7]].filter((p) => p !== undefined).map(Number);
    // M, M:S, H:M:S
    seconds =
      parts.length === 1
        ? parts[0] * 60
        : parts.length === 2
          ? parts[0] * 60 + parts[1]
          : (parts[0] * 60 + parts[1]) * 60 + parts[2];
  }
  if (!(seconds > 0 && Number.isSafeInteger(seconds)))
    throw new InputError(
      option,
      text,
      'a Slurm time limit > 0: MINUTES, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS, e.g. 2:00:00',
    );
  return seconds;
}

/** `HH:MM:SS`, or `D-HH:MM:SS` from a day on. */
export function formatSlurmTime(seconds: number): string {
  const s = Math.ceil(seconds);
  const two = (n: number): string => String(n).padStart(2, '0');
  const days = Math.floor(s / 86400);
  const hms = `${two(Math.floor((s % 86400) / 3600))}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
  return days > 0 ? `${days}-${hms}` : hms;
}

/** A partition, account or QOS name (a comma-separated list for a partition). */
export function parseSlurmName(text: string, option: string): string {
  if (!/^[A-Za-z0-9_.+-]+(,[A-Za-z0-9_.+-]+)*$/.test(text))
    throw new InputError(
      option,
      text,
      'a Slurm name: letters, digits and _ . + - (comma-separated for several)',
    );
  return text;
}

export function parseSlurmMemory(text: string): string {
  if (!/^[1-9]\d*[KMGT]?$/.test(text))
    throw new InputError(
      '--mem',
      text,
      'memory per node in Slurm’s form, e.g. 4G or 4000M (K, M, G, T; M if none)',
    );
  return text;
}

/** Options the script sets itself, and those that have options of their own here. */
const OWN_OPTIONS: Readonly<Record<string, string>> = {
  array: 'set by the script (one task per shard; --shards)',
  dependency: 'set by the script (the merge runs after the array)',
  output: 'set by the script (logs in the study directory)',
  error: 'set by the script (logs in the study directory)',
  chdir: 'set by the script (the study directory)',
  'open-mode': 'set by the script',
  wrap: 'not for a script',
  'job-name': 'set by the script (ndtc-sweep, ndtc-merge)',
  partition: 'given by --partition',
  account: 'given by --account',
  qos: 'given by --qos',
  time: 'given by --time and --merge-time',
  'cpus-per-task': 'given by --cpus-per-task',
  mem: 'given by --mem',
};

/** `--name` or `--name=value` for a #SBATCH line: no spaces, quotes, `#` or control characters. */
export function parseSbatchOption(text: string): string {
  const m = /^--([a-z][a-z0-9-]*)(=[^\s"'\\#]+)?$/.exec(text);
  if (!m || !printable(text))
    throw new InputError(
      '--sbatch-option',
      text,
      'one sbatch option as --NAME or --NAME=VALUE, e.g. --constraint=haswell (VALUE without spaces, quotes, # or control characters)',
    );
  const own = OWN_OPTIONS[m[1]];
  if (own !== undefined) throw new InputError('--sbatch-option', text, `another option: --${m[1]} is ${own}`);
  return text;
}

/** A shell line run before ndtc in every job. */
export function parseSetupLine(text: string): string {
  if (text.trim() === '' || !printable(text.replace(/\t/g, ' ')))
    throw new InputError(
      '--slurm-setup',
      text,
      'one non-empty shell line without newlines or control characters, e.g. "module load nodejs/20"',
    );
  return text;
}

/** The study directory appears in #SBATCH lines, which sbatch reads in double quotes. */
export function checkSlurmDirectory(dir: string): string {
  if (dir.includes('"') || dir.includes('\\') || !printable(dir))
    throw new InputError(
      '--out',
      dir,
      'for --emit-slurm, a path without double quotes, backslashes or control characters',
    );
  return dir;
}

/** `%` starts a Slurm file-name pattern (`%j`); `%%` is a literal one. */
const slurmFileName = (path: string): string => path.replace(/%/g, '%%');

function sbatchLines(
  job: SlurmJob,
  name: string,
  seconds: number,
  cpus: number,
  log: string,
  out: string,
): string[] {
  return [
    `--job-name=${name}`,
    `--cpus-per-task=${cpus}`,
    `--time=${formatSlurmTime(seconds)}`,
    ...(job.partition !== undefined ? [`--partition=${job.partition}`] : []),
    ...(job.account !== undefined ? [`--account=${job.account}`] : []),
    ...(job.qos !== undefined ? [`--qos=${job.qos}`] : []),
    ...(job.mem !== undefined ? [`--mem=${job.mem}`] : []),
    ...job.sbatchOptions,
    `--chdir="${out}"`,
    `--output="${join(slurmFileName(out), log)}"`,
  ].map((o) => `#SBATCH ${o}`);
}

/**
 * The lines every job runs first: the setup lines (before `set -u`: `module` and many site scripts
 * read unset variables), then `ndtc` as a shell function — this installation's bin/ndtc.js under the
 * `node` on PATH, or the command in $NDTC (e.g. NDTC="npx ndtc" sbatch …).
 */
function prelude(study: SlurmStudy, job: SlurmJob): string {
  const script = study.ndtcScript ?? installedNdtc();
  return `${job.setup.join('\n')}${job.setup.length > 0 ? '\n' : ''}set -u
if [ -n "\${NDTC:-}" ]; then
  ndtc() { eval "$NDTC" '"$@"'; }
else
  if ! command -v node >/dev/null; then
    echo "ndtc: no node on PATH in this job; emit the script again with --slurm-setup 'module load nodejs/20' (or what your site uses)" >&2
    exit 127
  fi
  ndtc() { node ${shellQuote(script)} "$@"; }
fi`;
}

/** The job-array script (`sbatch` it). */
export function slurmArrayScript(study: SlurmStudy, job: SlurmJob): string {
  const out = study.out;
  return `#!/bin/bash
# ndtc sweep: ${counted(study.points, 'point')} in ${counted(study.chunks, 'chunk')}, as ${counted(study.shards, 'array task')} of ${counted(job.cpusPerTask, 'CPU')}.
# Submit with:  sbatch THIS_FILE      (results in ${shellWord(out)})
# The first task to finish submits ${shellWord(join(out, MERGE_SCRIPT))}, which runs after every task has ended.
# After a failed or cancelled task: requeue it (scontrol requeue JOBID_i) or rerun its index
# (sbatch --array=i THIS_FILE); when it finishes it submits the merge again if the last one found
# chunks missing. By hand: ${mergeByHand(study)}  (or sbatch ${shellWord(join(out, MERGE_SCRIPT))}).
${sbatchLines(job, 'ndtc-sweep', job.taskSeconds, job.cpusPerTask, 'slurm-%A_%a.log', out).join('\n')}
#SBATCH --array=0-${study.shards - 1}
#SBATCH --open-mode=append
set -eo pipefail
${prelude(study, job)}
OUT=${shellQuote(out)}

ndtc sweep --out "$OUT" --resume --quiet --shard "$SLURM_ARRAY_TASK_ID/${study.shards}" --workers "\${SLURM_CPUS_PER_TASK:-${job.cpusPerTask}}"

# mkdir is the atomic guard against submitting the merge twice; the merge job removes it when it
# finds chunks missing, so that this line submits it again after a rerun.
if mkdir "$OUT/${MERGE_GUARD}" 2>/dev/null; then
  if ! sbatch --dependency=afterany:"$SLURM_ARRAY_JOB_ID" "$OUT/${MERGE_SCRIPT}"; then
    rmdir "$OUT/${MERGE_GUARD}"
    echo "ndtc: shard $SLURM_ARRAY_TASK_ID/${study.shards} is done, but the merge could not be submitted (sbatch said why, above); submit it with: sbatch \\"$OUT/${MERGE_SCRIPT}\\"  (or run: ndtc merge \\"$OUT\\"${mergeOptions(study)})" >&2
    exit 1
  fi
fi
`;
}

/** The merge job's script, kept in the study directory (`sbatch DIR/slurm-merge.sbatch` by hand too). */
export function slurmMergeScript(study: SlurmStudy, job: SlurmJob): string {
  const out = study.out;
  return `#!/bin/bash
# ndtc merge of ${out}: submitted by the first array task to finish (after every task has ended).
# If chunks are missing it names them, and releases the guard so that the next task to finish
# (requeued or rerun) submits this merge again. By hand: sbatch THIS_FILE, or ${mergeByHand(study)}
${sbatchLines(job, 'ndtc-merge', job.mergeSeconds, 1, 'slurm-merge-%j.log', out).join('\n')}
set -eo pipefail
OUT=${shellQuote(out)}
released() {
  rmdir "$OUT/${MERGE_GUARD}" 2>/dev/null || true
  echo "ndtc: the merge did not complete (exit $1); after the shards named above are rerun (scontrol requeue, or sbatch --array=i on the array script), the next task to finish submits it again; by hand: ndtc merge \\"$OUT\\"${mergeOptions(study)}" >&2
}
# Also when the job ends early (time limit, scancel: SIGTERM first), or a setup line fails.
trap 'status=$?; if [ "$status" -ne 0 ]; then released "$status"; fi' EXIT
trap 'exit 143' TERM
${prelude(study, job)}

ndtc merge "$OUT"${mergeOptions(study)}
`;
}

/** Aim of the default sizing: tasks long enough that queueing and start-up (~seconds) are noise. */
export const TARGET_TASK_SECONDS = 20 * 60;
/** Many sites cap MaxArraySize near 1000; more tasks than that only add scheduling load. */
export const MAX_ARRAY_TASKS = 1000;
/** Worker threads on c CPUs do ~0.85·c CPUs' work (the 2-worker runs in BENCHMARKS.md: 1.6–1.8×). */
const PARALLEL_EFFICIENCY = 0.85;

export interface SlurmSizing {
  shards: number;
  /** Estimated wall time of one task (seconds). */
  taskWallSeconds: number;
  /**
   * Default --time: three times the estimate plus 10 min, in whole 5 min: the sample's cost varies
   * with the load of the machine that times it (16–72 µs for a 26 µs point, measured), and compute
   * nodes are not that machine.
   */
  taskSeconds: number;
  /** Default merge --time: 30 min, or more for large output (a stream at ≥ 20 MB/s, three times). */
  mergeSeconds: number;
}

const roundUp5min = (s: number): number => Math.ceil(s / 300) * 300;

/**
 * Array size and time limits from the measured CPU time of the sweep: tasks of about
 * `targetSeconds` (TARGET_TASK_SECONDS, or half a given --time), at least one chunk each, at most
 * MAX_ARRAY_TASKS; `shards` overrides the count.
 */
export function sizeSlurmArray(o: {
  cpuSeconds: number;
  diskBytes: number;
  chunks: number;
  cpusPerTask: number;
  shards?: number;
  taskSeconds?: number;
}): SlurmSizing {
  const rate = o.cpusPerTask * PARALLEL_EFFICIENCY;
  const target =
    o.taskSeconds !== undefined ? Math.min(TARGET_TASK_SECONDS, o.taskSeconds / 2) : TARGET_TASK_SECONDS;
  const shards =
    o.shards ?? Math.max(1, Math.min(o.chunks, MAX_ARRAY_TASKS, Math.ceil(o.cpuSeconds / (rate * target))));
  // A task computes whole chunks: the largest shard holds ⌈C/N⌉ of them.
  const taskWallSeconds = (o.cpuSeconds * Math.ceil(o.chunks / shards)) / o.chunks / rate;
  return {
    shards,
    taskWallSeconds,
    taskSeconds: o.taskSeconds ?? roundUp5min(3 * taskWallSeconds + 600),
    mergeSeconds: roundUp5min(Math.max(1800, (3 * o.diskBytes) / 20e6)),
  };
}
