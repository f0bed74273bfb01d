/** `ndtc sweep`: any device parameter or operating point over an N-D grid, on worker threads, resumable, shardable. */
import { counted } from '../units/counted.js';
import type { Command } from 'commander';
import { integerOption } from './integer-option.js';
import { InputError, type Device, type Setup } from '../index.js';
import { checkTemperatures } from '../physics/domain.js';
import { formatQuantity, parseQuantity } from '../units/quantity.js';
import { DEFAULT_MAX_POINTS, checkGridSize, parseAxes } from '../sweep/axes.js';
import { join, resolve } from 'node:path';
import { existsSync, rmSync } from 'node:fs';
import { writeFileAtomic } from '../io/atomic-write.js';
import { makeDirectory } from '../io/make-directory.js';
import {
  MANIFEST,
  existingSweep,
  RESULTS_CSV,
  RESULTS_JSONL,
  RESULTS_RECORD,
  removeOwnTemporaries,
  SHARDS,
  stopChunkWrites,
  REMOVE_CHUNKS_TEXT_ONLY,
  makeManifest,
  readManifest,
} from '../sweep/directory.js';
import { RESULTS_H5 } from '../sweep/netcdf.js';
import { describeEstimate, estimateSweep, formatsHint } from '../sweep/estimate.js';
import {
  checkParameterValue,
  checkTemperatureCorners,
  parameterInfo,
  type OperatingValues,
} from '../sweep/parameters.js';
import { plotSweep } from '../sweep/plot.js';
import { DEFAULT_WORKERS, WORKER_PAYOFF_SECONDS, defaultThreads } from '../sweep/pool.js';
import { DEFAULT_OUTPUTS, DROP, parseOutputs, splitOutputs, type SweepMode } from '../sweep/quantities.js';
import { runSweep } from '../sweep/run.js';
import {
  h5Only,
  chunkCount,
  defaultChunkSize,
  pointCount,
  type SweepFormats,
  type SweepSpec,
} from '../sweep/spec.js';
import type { CliContext } from './context.js';
import { onStopSignals, signalExitCode } from './stop-signals.js';
import { checkOutputDirectory, directoryContent } from './output-directory.js';
import { PROGRESS_HELP } from './progress-option.js';
import {
  addDeviceOptions,
  deviceFromOptions,
  deviceOptionOf,
  type DeviceOptionValues,
} from './device-options.js';
import { prepareForSweep } from './phonon-tables.js';
import {
  addSlurmOptions,
  checkSlurmOptionsUnused,
  emitSlurmStudy,
  type SlurmOptionValues,
} from './slurm-options.js';

interface Options extends DeviceOptionValues, SlurmOptionValues {
  vary: string[];
  output?: string;
  setup?: string;
  TR?: string;
  Jin?: string;
  TL?: string;
  Tbath?: string;
  TRRange?: string;
  out: string;
  workers?: string;
  resume?: boolean;
  force?: boolean;
  shard?: string;
  chunkSize?: string;
  maxPoints?: string;
  plot?: string | boolean;
  quiet?: boolean;
  progress?: boolean;
  h5?: boolean;
  formats?: string;
  removeChunks?: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function positiveInteger(text: string, option: string, min = 1, example?: string): number {
  return integerOption(text, option, min, undefined, example);
}

export function parseShard(text: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!(count >= 1 && index >= 0 && index < count))
    throw new InputError('--shard', text, 'i/N with 0 ≤ i < N, e.g. 3/100');
  return { index, count };
}

function fixedValue(name: string, text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  const info = parameterInfo(name, option);
  const value = parseQuantity(text, info.kind, option);
  checkParameterValue(info, value, option, text);
  return value;
}

/**
 * The T_R range of δT-type outputs in [0.004 Tc, Tc) of the right reservoir, as temperatureDrop takes
 * it; the default (the paper's, for Tc = 1.2 K) named as such when a lower Tc leaves it out.
 */
function checkDropRange(text: string | undefined, TcR: number): void {
  try {
    checkTemperatures(parseTRRange(text), '--TR-range', { Tc: TcR, belowTc: true });
  } catch (error) {
    if (!(error instanceof InputError) || text !== undefined) throw error;
    const upper = formatQuantity(Number(((2 / 3) * TcR).toPrecision(2)), 'temperature').replace(' ', '');
    throw new InputError(
      '--TR-range',
      `${DEFAULT_TR_RANGE} (the default)`,
      `${error.accepted.split(';')[0]} at both ends: give one, e.g. --TR-range 10mK..${upper}`,
    );
  }
}

const DEFAULT_TR_RANGE = '10mK..800mK';

/** The T_R range of δT-type outputs: `10mK..800mK` (docs/model.md §7 figures). */
export function parseTRRange(text: string | undefined): [number, number] {
  if (text === undefined) return [0.01, 0.8];
  const ends = text.split('..');
  const [a, b] = ends.map((s) => parseQuantity(s.trim(), 'temperature', '--TR-range'));
  if (ends.length !== 2 || !(a > 0 && b > a))
    throw new InputError('--TR-range', text, 'FROM..TO with 0 < FROM < TO, e.g. 10mK..800mK');
  return [a, b];
}

/** Device parameters (sweep names) set by a device option of their own. */
/** Build the sweep from the options (every check at this edge). */
export function sweepSpecFromOptions(opts: Options, device: Device): SweepSpec {
  const axes = parseAxes(opts.vary);
  const setupAxis = axes.some((a) => a.name === 'setup');
  const setup = (fixedValue('setup', opts.setup, '--setup') ?? 1) as Setup;
  const fixed: OperatingValues = { setup };
  const TR = fixedValue('T_R', opts.TR, '--TR');
  const Jin = fixedValue('J_in', opts.Jin, '--Jin');
  const TL = fixedValue('T_L', opts.TL, '--TL');
  if (TR !== undefined) fixed.T_R = TR;
  if (Jin !== undefined) fixed.J_in = Jin;
  if (TL !== undefined) fixed.T_L = TL;
  const Tbath = fixedValue('T_bath', opts.Tbath, '--Tbath');
  const base = Tbath === undefined ? device : { ...device, Tbath };
  const given = (name: string): boolean =>
    fixed[name as keyof OperatingValues] !== undefined || axes.some((a) => a.name === name);
  for (const a of axes) {
    if (
      ['T_R', 'J_in', 'T_L', 'setup'].includes(a.name) &&
      fixed[a.name as keyof OperatingValues] !== undefined &&
      a.name !== 'setup'
    ) {
      throw new InputError('--vary', a.name, `a parameter not also fixed by --${a.name.replace('_', '')}`);
    }
    if (a.name === 'setup' && opts.setup !== undefined)
      throw new InputError('--vary', 'setup', 'setup either varied or fixed by --setup');
    // A device option naming the varied parameter would be overridden by the axis without a word.
    const option = deviceOptionOf(a.name);
    if (option !== undefined && opts[option] !== undefined)
      throw new InputError('--vary', a.name, `a parameter not also fixed by --${option}`);
  }
  // In setup 2 the bath is T_R: a bath given besides would be written out as an input and ignored.
  if (!setupAxis && setup === 2) {
    if (opts.Tbath !== undefined)
      throw new InputError('--Tbath', opts.Tbath, 'not with --setup 2 (the bath is at T_R)');
    if (axes.some((a) => a.name === 'T_bath'))
      throw new InputError('--vary', 'T_bath', 'not with --setup 2 (the bath is at T_R)');
  }
  const mode: SweepMode = given('T_L') ? 'direct' : 'balance';
  const outputs = opts.output !== undefined ? parseOutputs(opts.output, mode) : DEFAULT_OUTPUTS[mode];
  const { pointOutputs, rootOutputs } = splitOutputs(outputs);
  const needsTR = mode === 'direct' || rootOutputs.length > 0 || pointOutputs.includes('n_roots');
  if (needsTR && !given('T_R'))
    throw new InputError('--TR', '(missing)', 'a right temperature: --TR 300mK or --vary TR=10mK..800mK:100');
  if (mode === 'balance' && !given('J_in'))
    throw new InputError(
      '--Jin',
      '(missing)',
      'an input power: --Jin 100fW or --vary Jin=1fW..1pW:61:log (or give T_L to evaluate without the balance)',
    );
  if (setupAxis && mode === 'direct')
    throw new InputError('--vary', 'setup', 'setup only with the heat balance (without T_L)');
  // With T_L given nothing is balanced: a J_in would be written into the manifest and play no part.
  if (mode === 'direct' && given('J_in'))
    throw new InputError(
      opts.Jin !== undefined ? '--Jin' : '--vary',
      opts.Jin ?? 'J_in',
      'not with T_L given (J_in enters only the heat balance, which T_L given replaces)',
    );
  const Tc = Math.min(base.left.superconductor.Tc, base.right.superconductor.Tc);
  // The range of δT-type outputs alone: without one it would be ignored without a word.
  const drop = outputs.some((o) => DROP.has(o));
  if (opts.TRRange !== undefined && !drop)
    throw new InputError(
      '--TR-range',
      opts.TRRange,
      `none without a δT-type output: it is the T_R range of ${[...DROP].join(', ')} (none in --output)`,
    );
  if (axes.some((a) => a.name === 'Tc' || a.name.endsWith('.Tc'))) {
    const show = (name: string, v: number) => `${name} = ${formatQuantity(v, 'temperature')}`;
    const dropRange = drop
      ? {
          ends: parseTRRange(opts.TRRange),
          name: `--TR-range${opts.TRRange === undefined ? ' (default)' : ''}`,
        }
      : undefined;
    checkTemperatureCorners(base, fixed, axes, '--vary', show, dropRange);
  } else {
    for (const name of ['T_R', 'T_L']) {
      const axis = axes.find((a) => a.name === name);
      const values = axis?.values ?? [fixed[name as 'T_R' | 'T_L']];
      const given = values.filter((v): v is number => v !== undefined);
      // Below Tc, and from 0.004 Tc (src/physics/domain.ts): below, J_ph,S is a quadrature of seconds.
      // A grid value is named as the option that made it: `--vary: … 'T_R = 1.27 K'`.
      try {
        checkTemperatures(given, name === 'T_R' ? '--TR' : '--TL', { Tc, belowTc: true });
      } catch (error) {
        if (!(axis && error instanceof InputError)) throw error;
        throw new InputError('--vary', `${name} = ${error.value}`, error.accepted);
      }
    }
    if (Tbath !== undefined) checkTemperatures([Tbath], '--Tbath', { Tc, belowTc: true });
    // A bath at or above Tc wrote empty rows without a word, one below 0.004 Tc numbers that
    // solveBalance refuses: as --Tbath (and the device's own bath).
    const bathAxis = axes.find((a) => a.name === 'T_bath');
    const TcMax = Math.max(base.left.superconductor.Tc, base.right.superconductor.Tc);
    for (const T of bathAxis?.values ?? []) {
      try {
        checkTemperatures([T], '--vary', { Tc, belowTc: true });
        checkTemperatures([T], '--vary', { Tc: TcMax, belowTc: false });
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        throw new InputError('--vary', `T_bath = ${error.value}`, error.accepted);
      }
    }
    // temperatureDrop's T_R range: [0.004 Tc, Tc) of the right reservoir.
    if (drop) checkDropRange(opts.TRRange, base.right.superconductor.Tc);
  }
  const points = pointCount(axes);
  const binary = parseFormats(opts).chunks === 'h5';
  return {
    device: base,
    fixed,
    axes,
    outputs,
    mode,
    TRrange: parseTRRange(opts.TRRange),
    chunkSize:
      opts.chunkSize !== undefined
        ? positiveInteger(opts.chunkSize, '--chunk-size')
        : defaultChunkSize(points),
    ...(binary && { formats: 'h5' as const }),
  };
}

/** Options that define a sweep (its grid, outputs, device, chunking): a resume reads them from the manifest. */
const SWEEP_DEFINING = [
  'output',
  'setup',
  'TR',
  'Jin',
  'TL',
  'Tbath',
  'TRRange',
  'platform',
  'device',
  'chi',
  'c',
  'r0',
  'Tc',
  'gamma',
  'chunkSize',
];

/**
 * `--resume` without `--vary` continues the sweep its manifest describes: an option that would
 * define another sweep (`--platform inas`, `--output kappa_gamma`) is refused, not silently ignored.
 */
function refuseSweepOptionsOnResume(command: Command, out: string): void {
  for (const option of command.options) {
    const key = option.attributeName();
    if (!SWEEP_DEFINING.includes(key) || command.getOptionValueSource(key) !== 'cli') continue;
    throw new InputError(
      option.long ?? key,
      String(command.getOptionValue(key)),
      `none with --resume alone: the sweep is read from ${out}/manifest.json; to change it, give the whole sweep (--vary …) with --force`,
    );
  }
}

const FORMATS_ACCEPTED =
  'csv,jsonl,h5 (the default), csv,jsonl (as --no-h5) or h5 (results.h5 alone; CSV and JSON Lines come together)';

/**
 * `--formats` (with `--no-h5`): the sweep's chunks (`text`: CSV and JSON Lines; `h5`: binary) and
 * whether results.h5 is written.
 */
export function parseFormats(opts: { formats?: string; h5?: boolean }): {
  chunks: SweepFormats;
  h5: boolean;
} {
  if (opts.formats === undefined) return { chunks: 'text', h5: opts.h5 !== false };
  const names = opts.formats.split(',').map((n) => n.trim().toLowerCase());
  const set = new Set(names);
  const known = names.every((n) => n === 'csv' || n === 'jsonl' || n === 'h5');
  // CSV and JSON Lines are made together, from one text per point.
  if (!known || set.size !== names.length || set.has('csv') !== set.has('jsonl'))
    throw new InputError('--formats', opts.formats, FORMATS_ACCEPTED);
  if (opts.h5 === false && set.has('h5'))
    throw new InputError(
      '--no-h5',
      `with --formats ${opts.formats}`,
      'one of them (--formats csv,jsonl writes no results.h5)',
    );
  return { chunks: set.has('csv') ? 'text' : 'h5', h5: set.has('h5') };
}

export function register(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('sweep')
    .description('sweep device parameters and the operating point over an N-D grid (CSV, JSON Lines, plot)')
    .option(
      '--vary <name=values>',
      'a varied parameter (repeatable; first slowest), e.g. chi=0.5..10:40:log',
      collect,
      [],
    )
    .option(
      '--output <names>',
      `quantities, comma-separated (default: ${DEFAULT_OUTPUTS.balance.join(',')}; with T_L given ${DEFAULT_OUTPUTS.direct.join(',')})`,
    )
    .option('--setup <1|2>', '1: T_bath fixed; 2: T_R = T_bath (default: 1)')
    .option('--TR <temperature>', 'fixed right temperature')
    .option('--Jin <power>', 'fixed input power on the left')
    .option('--TL <temperature>', 'fixed left temperature (evaluate there instead of solving the balance)')
    .option('--Tbath <temperature>', "bath temperature (default: the device's)")
    .option('--TR-range <from..to>', 'T_R range for deltaT, T_L0, T_Lmin, T_R_at_min (default: 10mK..800mK)');
  addDeviceOptions(cmd);
  cmd
    .option(
      '--out <dir>',
      'output directory (manifest, chunks, results.csv, results.jsonl, results.h5, plot)',
      'ndtc-out/sweep',
    )
    .option(
      '--workers <n>',
      `threads computing chunks: the main thread and n − 1 workers; 1 (or 0): the main thread alone (default: the CPUs available, os.availableParallelism(); 1 for a sweep estimated under ${WORKER_PAYOFF_SECONDS} s of CPU)`,
    )
    .option(
      '--resume',
      'continue the sweep already in --out (no other option needed: it is read from the manifest, and options defining another sweep are refused; --no-plot, --no-h5 and --remove-chunks are not remembered: give them again); every chunk on disk is verified against its recorded length and SHA-256, damaged ones computed again',
    )
    .option(
      '--force',
      'start again in a non-empty --out: the sweep files there (manifest, chunks, results, plot) are removed first, other files kept (not with --resume or --shard)',
    )
    .option('--shard <i/N>', 'compute only shard i of N (contiguous chunk ranges); combine with ndtc merge')
    .option(
      '--chunk-size <n>',
      'points per chunk file (default: 16384, more for grids above 6.7·10⁷ points (at most 4096 chunks), fewer for small grids (about 64 chunks, of at least 16 points))',
    )
    .option('--plot <quantity>', 'quantity to plot (default: the first numeric output); --no-plot for none')
    .option('--no-plot', 'write no plot')
    .option('--no-h5', 'write no results.h5 (the NetCDF-4/HDF5 file of labelled N-D arrays)')
    .option(
      '--formats <list>',
      'result files: csv,jsonl,h5 (default), csv,jsonl, or h5: results.h5 alone (no text to format: less CPU, a fifth of the disk), for studies read as arrays (xarray, h5py)',
    )
    .option(
      '--max-points <n>',
      `refuse a grid of more points (default: ${DEFAULT_MAX_POINTS}); before starting, the point count, CPU time and disk are estimated from a sample and printed on stderr`,
    )
    .option('--quiet', 'no progress bar, no estimate')
    .option('--progress', PROGRESS_HELP)
    .option(
      '--remove-chunks',
      'delete the chunk files once results.csv/.jsonl are written, fsynced and verified (not with --shard)',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ ndtc sweep --vary chi=0.5..10:40:log --vary TR=10mK..800mK:200 --Jin 100fW --output T_L,dTL_dTR,J_gamma --out ndtc-out/study
  $ ndtc sweep --device examples/inas.yaml --vary Jin=1fW..1pW:61:log --output deltaT --out ndtc-out/drop
  $ ndtc sweep --TL 500mK --vary TR=10mK..500mK:100 --vary chi=0.5,1,2,5,10 --output J_gamma,kappa_gamma --out ndtc-out/jg
  $ ndtc sweep --vary Jin=1fW..1pW:2000:log --vary TR=10mK..800mK:2000 --output T_L --formats h5 --out ndtc-out/map
  $ ndtc sweep --out ndtc-out/study --resume             # continue after a kill
  $ ndtc sweep ... --out /scratch/big --emit-slurm big.sbatch --partition batch --slurm-setup 'module load nodejs/20'
  $ sbatch big.sbatch

Parameters: T_R, J_in, T_L, setup, chi, c, r0, gamma, Tc, T_bath (also TR, Jin, TL, Tbath), and any
device field by dotted path, e.g. left.normal.volume, right.junction.r0. Results are SI.
See docs/sweeps.md.`,
    )
    .action(async (opts: Options, command: Command) => {
      // More threads than 4 per CPU only add isolates (1000 took 15 s and 0.9 GB for 20 000 points).
      const asked =
        opts.workers !== undefined
          ? integerOption(opts.workers, '--workers', 0, MAX_WORKERS, undefined, `(4 per CPU here)`)
          : undefined;
      const shard = opts.shard !== undefined ? parseShard(opts.shard) : undefined;
      const maxPoints =
        opts.maxPoints !== undefined ? positiveInteger(opts.maxPoints, '--max-points') : DEFAULT_MAX_POINTS;
      // The grid's size from the counts alone, before any axis is made.
      checkGridSize(opts.vary, maxPoints);
      let spec: SweepSpec;
      if (opts.vary.length === 0) {
        if (!opts.resume)
          throw new InputError(
            '--vary',
            '(missing)',
            'at least one NAME=VALUES, e.g. --vary TR=10mK..800mK:200 (or --resume)',
          );
        refuseSweepOptionsOnResume(command, opts.out);
        if (opts.maxPoints !== undefined)
          throw new InputError(
            '--max-points',
            opts.maxPoints,
            `none with --resume alone: the sweep in ${opts.out} was sized when it started`,
          );
        spec = readManifest(opts.out, '--out').spec;
        // The formats are the sweep's: a resume names none or the same.
        const chunks = h5Only(spec) ? 'h5' : 'text';
        if (opts.formats !== undefined && parseFormats(opts).chunks !== chunks)
          throw new InputError(
            '--formats',
            opts.formats,
            `the formats of the sweep in ${opts.out} (${chunks === 'h5' ? 'h5' : 'csv,jsonl'}), or none with --resume`,
          );
      } else {
        try {
          spec = sweepSpecFromOptions(opts, deviceFromOptions(opts, ctx.loadDeviceFile));
        } catch (error) {
          // Part of a sweep with --resume: the user most likely meant to continue the one already there.
          if (opts.resume && error instanceof InputError && existsSync(join(opts.out, MANIFEST)))
            throw new InputError(
              error.option,
              error.value,
              `--resume alone (no --vary) to continue the sweep in ${opts.out}; for a new one, ${error.accepted}`,
            );
          throw error;
        }
      }
      if (opts.force && opts.resume)
        throw new InputError(
          '--force',
          'with --resume',
          'one of --force (start again) and --resume (continue)',
        );
      if (opts.force && shard)
        throw new InputError(
          '--force',
          `with --shard ${opts.shard}`,
          'a whole sweep (shards share their directory: start them in a new one, or --resume)',
        );
      // The folder policy of every command (a shard or a Slurm script leaves it to the manifest check).
      if (!opts.resume && !shard && opts.emitSlurm === undefined) {
        // A sweep there: say whether it is this one (--resume) or a different one, not only that it is full.
        if (!opts.force && directoryContent(opts.out).includes(MANIFEST))
          existingSweep(opts.out, spec, false);
        checkOutputDirectory(opts.out, opts.force);
      }
      const slow = await prepareForSweep(spec);
      if (slow) ctx.stderr(slow);
      const numeric = spec.outputs.filter((o) => o !== 'stable');
      if (typeof opts.plot === 'string' && !numeric.includes(opts.plot)) {
        throw new InputError('--plot', opts.plot, `one of the numeric outputs: ${numeric.join(', ')}`);
      }
      if (h5Only(spec) && opts.h5 === false)
        throw new InputError(
          '--no-h5',
          'with a sweep of --formats h5',
          "one of them: results.h5 is that sweep's one result file",
        );
      if (h5Only(spec) && opts.removeChunks)
        throw new InputError('--remove-chunks', 'with --formats h5', REMOVE_CHUNKS_TEXT_ONLY);
      if (opts.emitSlurm !== undefined) {
        // What the merge job is to do with the results, as this run would (ndtc merge takes the same options).
        const mergeArgs = [
          ...(opts.plot === false
            ? ['--no-plot']
            : typeof opts.plot === 'string'
              ? ['--plot', opts.plot]
              : []),
          ...(opts.h5 === false ? ['--no-h5'] : []),
          ...(opts.removeChunks ? ['--remove-chunks'] : []),
        ];
        emitSlurmStudy({ ...opts, emitSlurm: opts.emitSlurm }, spec, ctx, mergeArgs);
        return;
      }
      checkSlurmOptionsUnused(opts);
      if (opts.removeChunks && shard)
        throw new InputError(
          '--remove-chunks',
          `--shard ${opts.shard}`,
          'a whole sweep; for shards: ndtc merge --remove-chunks',
        );
      // A directory that cannot be made fails here, before the estimate samples the sweep.
      makeDirectory(opts.out);
      // Said up front, before computing (not for a shard or a resumed run: that work was sized already);
      // without --workers, it also sets the threads: one for a small sweep (a worker would not pay).
      const sized = !opts.resume && !shard;
      const estimate = sized && (!opts.quiet || asked === undefined) ? estimateSweep(spec) : undefined;
      const workers = asked ?? defaultThreads(estimate?.cpuSeconds);
      if (estimate && !opts.quiet) {
        // A worker per chunk at most: that is all the pool starts.
        ctx.stderr(`${describeEstimate(estimate, Math.min(workers, chunkCount(spec)))}\n`);
        const hint = formatsHint(spec);
        if (hint) ctx.stderr(`${hint}\n`);
      }
      // Started afresh by hand, the run then finds its own new manifest and computes every chunk.
      const fresh = opts.force === true && directoryContent(opts.out).length > 0;
      if (fresh) startAfresh(opts.out, spec);
      // Ctrl-C (and what kill, timeout and scancel send): recorded chunks are kept; say how to go on.
      // The exit is at once: a chunk being written has no record yet, so --resume computes it again.
      const resumeLine = `ndtc sweep --out ${opts.out} --resume${shard ? ` --shard ${shard.index}/${shard.count}` : ''}`;
      const interrupted = (signal: NodeJS.Signals): void => {
        stopChunkWrites();
        removeOwnTemporaries(opts.out);
        ctx.stderr(
          `ndtc sweep: interrupted (${signal}); the chunks done are kept: continue with ${resumeLine}\n`,
        );
        process.exit(signalExitCode(signal));
      };
      // Installed until the plot is written: a stop while results.h5 or the plot is written is said
      // too (the default exit was silent, and left results.h5's temporary behind).
      await onStopSignals(interrupted, async () => {
        const summary = await runSweep(spec, {
          out: opts.out,
          workers,
          resume: opts.resume || fresh,
          shard,
          quiet: opts.quiet,
          progress: opts.progress,
          netcdf: parseFormats(opts).h5,
          removeChunks: opts.removeChunks,
        });
        const what = shard
          ? `shard ${shard.index}/${shard.count}: chunks ${summary.chunkFrom}..${summary.chunkTo - 1}`
          : counted(summary.points, 'point');
        const chunks = (n: number) => `${n} ${n === 1 ? 'chunk' : 'chunks'}`;
        ctx.stdout(`sweep ${what}: ${chunks(summary.computed)} computed, ${summary.skipped} already done\n`);
        // Data without a record is a chunk a stopped run was writing (Ctrl-C, a kill): unfinished, not damaged.
        const unfinished = summary.damaged.filter((d) => d.why === 'no record');
        const damaged = summary.damaged.filter((d) => d.why !== 'no record');
        const chunksWere = (n: number) => (n === 1 ? '1 chunk was' : `${n} chunks were`);
        if (unfinished.length > 0)
          ctx.stdout(
            `${chunksWere(unfinished.length)} unfinished (written, not yet recorded, when a run stopped) and computed again\n`,
          );
        if (damaged.length > 0) {
          const d = damaged[0];
          ctx.stdout(
            `verified: ${chunksWere(damaged.length)} damaged and computed again (first: chunk ${d.k}, ${d.file}: ${d.why})\n`,
          );
        }
        if (summary.chunksRemoved) {
          const into = summary.mergedInto ?? opts.out;
          // The results were verified above only when they are this directory's and it is not a shard.
          const checked = !shard && resolve(into) === resolve(opts.out);
          ctx.stdout(
            checked
              ? `the chunks were removed after a verified merge; the results verify: ${summary.files.length > 0 ? 'results.h5 written from them' : 'nothing to do'}\n`
              : `the chunks were removed after a verified merge into ${into}: nothing to do (ndtc verify ${into} checks its results)\n`,
          );
        }
        if (summary.resultsMerged)
          ctx.stdout(
            `no chunks here, and the results (assembled by ndtc merge) verify: ${summary.files.length > 0 ? 'results.h5 written from them' : 'nothing to do'}\n`,
          );
        // With the chunks removed, the results here still make a plot asked for by name.
        const resultsHere = resolve(summary.mergedInto ?? opts.out) === resolve(opts.out);
        const assembledBefore = summary.chunksRemoved || summary.resultsMerged;
        const replot = assembledBefore && typeof opts.plot === 'string' && resultsHere;
        if (!shard && opts.plot !== false && (!assembledBefore || replot)) {
          const files = await plotSweep(opts.out, typeof opts.plot === 'string' ? opts.plot : undefined);
          summary.files.push(...files);
        }
        // Nothing left to do in a directory whose results are assembled already: no merge to suggest.
        const assembled = summary.computed === 0 && existsSync(join(opts.out, RESULTS_RECORD));
        if (shard && assembled)
          ctx.stdout(
            `this shard was done already, and the results in ${opts.out} are assembled (ndtc verify ${opts.out} checks them)\n`,
          );
        else if (shard && !summary.chunksRemoved)
          ctx.stdout(
            `when every shard is done: ndtc merge ${opts.out} (shards in directories of their own: ndtc merge --out DIR <each shard's directory>)\n`,
          );
        for (const f of summary.files) ctx.stdout(`wrote ${f}\n`);
        if (summary.failures.length > 0) {
          const first = summary.failures[0];
          throw new Error(
            `${counted(summary.failures.length, 'point')} failed (their rows are empty); first: index ${first.index}: ${first.message}`,
          );
        }
      });
    });
  addSlurmOptions(cmd);
}

/** The most threads --workers takes: 4 per CPU this process may use. */
const MAX_WORKERS = 4 * DEFAULT_WORKERS;

/** Sweep files a `--force` run removes before it starts (a sweep's own output, never other files). */
const SWEEP_FILES = [
  MANIFEST,
  SHARDS,
  RESULTS_CSV,
  RESULTS_JSONL,
  RESULTS_H5,
  RESULTS_RECORD,
  'plot.svg',
  'plot.png',
  'plot.pdf',
  'chunks',
];

/** `--force`: the previous sweep's files removed, then this sweep's chunk directory and manifest written. */
function startAfresh(dir: string, spec: SweepSpec): void {
  for (const name of SWEEP_FILES) rmSync(join(dir, name), { recursive: true, force: true });
  makeDirectory(join(dir, 'chunks'));
  writeFileAtomic(join(dir, MANIFEST), JSON.stringify(makeManifest(spec), null, 1) + '\n');
}
