/** `ndtc verify`: check a sweep directory (or the shard directories of one sweep) against its records. */
import { basename } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../index.js';
import { MANIFEST_ADVICE, differences, readManifest } from '../sweep/directory.js';
import { rerunAdvice, verifySweep } from '../sweep/verify.js';
import type { CliContext } from './context.js';

/** Problem lines printed before "and N more". */
const SHOWN_PROBLEMS = 20;

export function register(program: Command, ctx: CliContext): void {
  program
    .command('verify')
    .description(
      'check a sweep directory: manifest, every chunk and the assembled results against their recorded lengths and SHA-256',
    )
    .argument('<dirs...>', 'sweep output directories (several: the shard directories of one sweep)')
    .addHelpText(
      'after',
      `
Examples:
  $ ndtc verify ndtc-out/study
  $ ndtc verify shard-0 shard-1 shard-2

Prints one line per problem (missing, no record, length differs, checksum differs), at most ${SHOWN_PROBLEMS},
then a summary. Exit 0: everything verifies; 1: damage or missing files found (ndtc sweep --out DIR
--resume recomputes exactly those chunks); 2: not a sweep directory, or directories of different sweeps.
Chunks removed on purpose after a verified merge (--remove-chunks) are not counted as missing.`,
    )
    .action((dirs: string[]) => {
      // Read unchecked: a manifest that fails its hashes is listed with the rest.
      const manifests = dirs.map((d) => readManifest(d, 'DIR', false));
      manifests.forEach((m, i) => {
        if (m.hashes.sweep !== manifests[0].hashes.sweep)
          throw new InputError(
            'DIR',
            dirs[i],
            `a directory of the same sweep as ${dirs[0]}; ${differences(manifests[0].hashes, m.hashes)}`,
          );
      });
      const report = verifySweep(dirs, manifests);
      for (const line of report.problems.slice(0, SHOWN_PROBLEMS)) ctx.stdout(`${line}\n`);
      if (report.problems.length > SHOWN_PROBLEMS)
        ctx.stdout(`and ${report.problems.length - SHOWN_PROBLEMS} more\n`);
      const { chunks } = manifests[0];
      const chunkText = report.chunksRemoved
        ? 'chunks removed after a verified merge'
        : report.chunksElsewhere
          ? 'no chunks here (results assembled by ndtc merge)'
          : `${chunks - report.damage.length} of ${chunks} chunks verified`;
      // Not assembled yet (a shard, or a run stopped before the end) is no damage: exit 0, and the way on.
      const resultsText =
        report.results === 'not assembled' && report.problems.length === 0
          ? `not assembled yet (ndtc merge ${dirs.join(' ')} writes them)`
          : report.results === 'incomplete'
            ? `verified, but ${report.unwritten.map((f) => basename(f)).join(', ')} not written yet: the run stopped before it (ndtc merge ${dirs.join(' ')} writes it)`
            : report.results;
      ctx.stdout(`${dirs.join(' ')}: ${chunkText}; results ${resultsText}\n`);
      if (report.problems.length === 0) return;
      const first = report.damage[0];
      // A manifest that fails its hashes comes first: resume and merge refuse it.
      const advice = report.manifestDamaged
        ? `; ${MANIFEST_ADVICE}`
        : first
          ? `; recompute with ${rerunAdvice(report.damage, chunks)}`
          : report.chunksRemoved
            ? `; recompute with ndtc sweep --out ${dirs[0]} --resume`
            : `; reassemble with ndtc merge ${dirs.join(' ')}`;
      const count = report.problems.length;
      throw new Error(`${count} ${count === 1 ? 'problem' : 'problems'} found${advice}`);
    });
}
