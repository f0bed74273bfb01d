/** `ndtc merge`: assemble a sweep computed in shards (one shared directory, or one directory per shard). */
import type { Command } from 'commander';
import { InputError } from '../index.js';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  ChunkDamage,
  MANIFEST,
  REMOVE_CHUNKS_TEXT_ONLY,
  RESULTS_H5,
  RESULTS_RECORD,
  chunksRemoved,
  readManifest,
  removeOwnTemporaries,
} from '../sweep/directory.js';
import { h5Only } from '../sweep/spec.js';
import { damageLine } from '../sweep/verify.js';
import { chunkSources, mergeSweeps, removeChunksAfterVerifiedMerge } from '../sweep/merge.js';
import { writeNetcdf } from '../sweep/netcdf.js';
import { plotSweep } from '../sweep/plot.js';
import type { CliContext } from './context.js';
import { onStopSignals, signalExitCode } from './stop-signals.js';
import { removeEmptyDirectories } from '../io/make-directory.js';
import { FORCE_HELP, checkOutputDirectory } from './output-directory.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('merge')
    .description(
      'combine the shards of a sweep into results.csv and results.jsonl (byte-identical to an unsharded run) and results.h5',
    )
    .argument('<dirs...>', 'sweep output directories holding the shards’ chunks')
    .option('--out <dir>', 'where to write the results (default: the first directory)')
    .option('--plot <quantity>', 'quantity to plot (default: the first numeric output); --no-plot for none')
    .option('--no-plot', 'write no plot')
    .option('--remove-chunks', 'delete the chunk files once the results are written, fsynced and verified')
    .option('--no-h5', 'write no results.h5 (the NetCDF-4/HDF5 file of labelled N-D arrays)')
    .option('--force', `${FORCE_HELP}; without it, --out must be new, empty or hold this sweep`)
    .addHelpText(
      'after',
      `
Examples:
  $ ndtc merge ndtc-out/study              # shards shared one directory (the Slurm script does this)
  $ ndtc merge --out ndtc-out/study shard-0 shard-1 shard-2

Every chunk is verified against its record (length and SHA-256) as it is read. A missing or
damaged chunk refuses the merge (exit 1) in one line naming it, why, and the command that computes
it again (its shard, and Slurm array task, when the directory records the shard count). Directories
of different sweeps are refused (exit 2). Check a study at any time with ndtc verify DIR.`,
    )
    .action(
      async (
        dirs: string[],
        opts: {
          out?: string;
          plot?: string | boolean;
          h5?: boolean;
          removeChunks?: boolean;
          force?: boolean;
        },
      ) => {
        // An --out of the user's (not a sweep's directory): its files are not replaced unasked.
        if (opts.out !== undefined && !existsSync(join(opts.out, MANIFEST)))
          checkOutputDirectory(opts.out, opts.force, 'one holding this sweep');
        const binary = dirs.length > 0 && h5Only(readManifest(dirs[0], 'DIR').spec);
        if (binary && opts.h5 === false)
          throw new InputError(
            '--no-h5',
            'with a sweep of --formats h5',
            'text sweeps only: results.h5 is its one result file',
          );
        if (binary && opts.removeChunks)
          throw new InputError('--remove-chunks', 'with --formats h5', REMOVE_CHUNKS_TEXT_ONLY);
        // results.h5 and the plot are made from the chunks, which are removed (when asked) after them.
        const pending = opts.h5 !== false && !binary ? [RESULTS_H5] : [];
        const out = opts.out ?? dirs[0];
        // Ctrl-C (kill, timeout, scancel): the chunks are only read, so nothing is lost; the results'
        // temporaries go (a results file may be gigabytes), and a manifest this merge put into a new
        // --out, which would make it look like a sweep to resume rather than a merge to run again.
        const newOut = !existsSync(join(out, MANIFEST));
        const outExisted = existsSync(out);
        const interrupted = (signal: NodeJS.Signals): void => {
          removeOwnTemporaries(out);
          if (newOut && !existsSync(join(out, RESULTS_RECORD))) {
            rmSync(join(out, MANIFEST), { force: true });
            if (!outExisted) removeEmptyDirectories([out]);
          }
          ctx.stderr(`ndtc merge: interrupted (${signal}); the chunks are untouched: merge again\n`);
          process.exit(signalExitCode(signal));
        };
        await onStopSignals(interrupted, async () => {
          const files = await mergeSweeps(dirs, opts.out, { pending });
          const manifest = readManifest(out, '--out');
          if (opts.h5 !== false) {
            try {
              files.push(await writeNetcdf(manifest, out, { chunkDirs: dirs }));
            } catch (error) {
              if (error instanceof ChunkDamage)
                throw new Error(damageLine([error], manifest.chunks, ', then merge again'));
              throw error;
            }
          }
          if (opts.plot !== false)
            files.push(
              ...(await plotSweep(out, typeof opts.plot === 'string' ? opts.plot : undefined, dirs)),
            );
          if (opts.removeChunks && chunksRemoved(out) === undefined)
            removeChunksAfterVerifiedMerge(out, manifest, chunkSources(dirs, manifest));
          for (const f of files) ctx.stdout(`wrote ${f}\n`);
        });
      },
    );
}
