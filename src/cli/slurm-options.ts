/** `ndtc sweep --emit-slurm`: the sbatch options, their checks, and the study's job scripts. */
import { chmodSync } from 'node:fs';
import { integerOption } from './integer-option.js';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../index.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { openSweepDirectory, recordShardCount } from '../sweep/directory.js';
import { aboutSeconds, describeEstimate, estimateSweep, type SweepEstimate } from '../sweep/estimate.js';
import { counted } from '../units/counted.js';
import {
  MAX_ARRAY_TASKS,
  MERGE_SCRIPT,
  TARGET_TASK_SECONDS,
  checkSlurmDirectory,
  formatSlurmTime,
  parseSbatchOption,
  parseSetupLine,
  parseSlurmMemory,
  parseSlurmName,
  parseSlurmTime,
  sizeSlurmArray,
  slurmArrayScript,
  slurmMergeScript,
  type SlurmJob,
} from '../sweep/slurm.js';
import { chunkCount, type SweepSpec } from '../sweep/spec.js';
import type { CliContext } from './context.js';

/** The most CPUs a task may ask: more than any node has (sbatch would refuse the job at submission). */
const MAX_CPUS_PER_TASK = 1024;

export interface SlurmOptionValues {
  emitSlurm?: string;
  shards?: string;
  partition?: string;
  account?: string;
  qos?: string;
  time?: string;
  mergeTime?: string;
  cpusPerTask?: string;
  mem?: string;
  sbatchOption?: string[];
  slurmSetup?: string[];
}

const DEFAULT_CPUS = 2;
// No default array: commander would print `(default: [])` in the help.
const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function addSlurmOptions(cmd: Command): void {
  cmd
    .option(
      '--emit-slurm <file>',
      'write a Slurm job-array script for this sweep (and its manifest and merge job in --out), then exit',
    )
    .option(
      '--shards <N>',
      `array tasks (default: from the measured cost, tasks of ~${TARGET_TASK_SECONDS / 60} min, at most ${MAX_ARRAY_TASKS} and one per chunk)`,
    )
    .option('--partition <name>', 'Slurm partition of every job')
    .option('--account <name>', 'Slurm account of every job')
    .option('--qos <name>', 'Slurm QOS of every job')
    .option('--time <limit>', 'time limit of each array task, e.g. 1:00:00 (default: from the measured cost)')
    .option('--merge-time <limit>', 'time limit of the merge job (default: 30 min, more for large output)')
    .option('--cpus-per-task <n>', `CPUs (worker threads) of each array task (default: ${DEFAULT_CPUS})`)
    .option('--mem <size>', 'memory per node of every job, e.g. 4G')
    .option(
      '--sbatch-option <option>',
      'another sbatch option for every job, e.g. --constraint=haswell (repeatable)',
      collect,
    )
    .option(
      '--slurm-setup <line>',
      'a shell line run before ndtc in every job, e.g. "module load nodejs/20" (repeatable)',
      collect,
    )
    .addHelpText(
      'after',
      `
Slurm (--emit-slurm): the first array task to finish submits DIR/slurm-merge.sbatch, which runs after
every task has ended (afterany) and names any missing chunk and its array task. After a failed or
cancelled task: scontrol requeue JOBID_i (or sbatch --array=i FILE if it never started); it then
submits the merge again. By hand: ndtc merge DIR, or sbatch DIR/slurm-merge.sbatch.`,
    );
}

const positiveInteger = (text: string, option: string): number => integerOption(text, option);

/** Refuse the Slurm options without --emit-slurm: they would be silently ignored. */
export function checkSlurmOptionsUnused(o: SlurmOptionValues): void {
  const given: [string, unknown][] = [
    ['--shards', o.shards],
    ['--partition', o.partition],
    ['--account', o.account],
    ['--qos', o.qos],
    ['--time', o.time],
    ['--merge-time', o.mergeTime],
    ['--cpus-per-task', o.cpusPerTask],
    ['--mem', o.mem],
    ['--sbatch-option', o.sbatchOption?.[0]],
    ['--slurm-setup', o.slurmSetup?.[0]],
  ];
  const first = given.find(([, v]) => v !== undefined);
  if (first) throw new InputError(first[0], String(first[1]), 'only with --emit-slurm FILE');
}

/** Every option checked at this edge, before the estimate is measured or anything is written. */
function parseSlurmOptions(o: SlurmOptionValues) {
  return {
    shards: o.shards !== undefined ? positiveInteger(o.shards, '--shards') : undefined,
    partition: o.partition !== undefined ? parseSlurmName(o.partition, '--partition') : undefined,
    account: o.account !== undefined ? parseSlurmName(o.account, '--account') : undefined,
    qos: o.qos !== undefined ? parseSlurmName(o.qos, '--qos') : undefined,
    taskSeconds: o.time !== undefined ? parseSlurmTime(o.time, '--time') : undefined,
    mergeSeconds: o.mergeTime !== undefined ? parseSlurmTime(o.mergeTime, '--merge-time') : undefined,
    cpusPerTask:
      o.cpusPerTask !== undefined
        ? integerOption(o.cpusPerTask, '--cpus-per-task', 1, MAX_CPUS_PER_TASK, '4', '(a node’s CPUs)')
        : DEFAULT_CPUS,
    mem: o.mem !== undefined ? parseSlurmMemory(o.mem) : undefined,
    sbatchOptions: (o.sbatchOption ?? []).map(parseSbatchOption),
    setup: (o.slurmSetup ?? []).map(parseSetupLine),
  };
}

/** An estimated duration with its qualifier: "~40 s", "~2.5 h"; below a second, "under 1 s" (not "~0 s"). */
/** The sizing's times as the estimate line before it says them. */
const duration = aboutSeconds;

/**
 * Write the manifest into `out`, the array script to `file`, the merge job's script and the shard
 * count beside the manifest; print the sizing. `estimate` is measured here unless given.
 */
export function emitSlurmStudy(
  o: SlurmOptionValues & {
    emitSlurm: string;
    out: string;
    workers?: string;
    shard?: string;
    quiet?: boolean;
  },
  spec: SweepSpec,
  ctx: CliContext,
  mergeArgs: string[] = [],
  estimate?: SweepEstimate,
): void {
  // Each task runs one shard on --cpus-per-task workers: these would be silently ignored.
  if (o.workers !== undefined)
    throw new InputError(
      '--workers',
      o.workers,
      'not with --emit-slurm: each task runs --cpus-per-task workers',
    );
  if (o.shard !== undefined)
    throw new InputError('--shard', o.shard, 'not with --emit-slurm: task i runs shard i of --shards');
  const parsed = parseSlurmOptions(o);
  const out = checkSlurmDirectory(resolve(o.out));
  const file = resolve(o.emitSlurm);
  const chunks = chunkCount(spec);
  if (parsed.shards !== undefined && parsed.shards > chunks)
    throw new InputError('--shards', String(parsed.shards), `at most the ${chunks} chunks of this sweep`);
  const cost = estimate ?? estimateSweep(spec);
  const sizing = sizeSlurmArray({
    cpuSeconds: cost.cpuSeconds,
    diskBytes: cost.diskBytes,
    chunks,
    cpusPerTask: parsed.cpusPerTask,
    shards: parsed.shards,
    taskSeconds: parsed.taskSeconds,
  });
  // Said before anything is written: points, CPU time (and on all the array's CPUs), disk.
  if (!o.quiet) ctx.stderr(`${describeEstimate(cost, sizing.shards * parsed.cpusPerTask)}\n`);
  const manifest = openSweepDirectory(out, spec, true);
  const job: SlurmJob = {
    ...parsed,
    taskSeconds: sizing.taskSeconds,
    mergeSeconds: parsed.mergeSeconds ?? sizing.mergeSeconds,
  };
  const study = { out, shards: sizing.shards, points: manifest.points, chunks: manifest.chunks, mergeArgs };
  writeFileAtomic(join(out, MERGE_SCRIPT), slurmMergeScript(study, job));
  // The array task of a missing chunk is its shard: `ndtc merge` names it from this record.
  recordShardCount(out, sizing.shards, true);
  writeFileAtomic(file, slurmArrayScript(study, job));
  chmodSync(file, 0o755);
  const us = cost.cpuSecondsPerPoint * 1e6;
  const tasks = `${sizing.shards} array task${sizing.shards === 1 ? '' : 's'}`;
  ctx.stdout(
    `sizing: ${manifest.points} points × ${us.toFixed(us < 10 ? 1 : 0)} µs CPU (measured here on a sample) ${duration(cost.cpuSeconds)} CPU; ` +
      `${tasks} of ${parsed.cpusPerTask} CPUs, ${duration(sizing.taskWallSeconds)} each` +
      `${parsed.shards !== undefined ? '' : sizing.shards === chunks ? ' (one per chunk)' : sizing.shards === MAX_ARRAY_TASKS ? ` (at most ${MAX_ARRAY_TASKS})` : ''}; ` +
      `--time ${formatSlurmTime(job.taskSeconds)} per task, ${formatSlurmTime(job.mergeSeconds)} for the merge\n` +
      `wrote ${o.emitSlurm}: ${tasks} over ${counted(manifest.chunks, 'chunk')} into ${o.out} (merge job: ${join(o.out, MERGE_SCRIPT)}); submit with: sbatch ${o.emitSlurm}\n`,
  );
}
