/** `ndtc reproduce [--out DIR] [--only 2a,3b] [--format svg,png,pdf,csv,json] [--quiet]`: every panel and claim of the paper. */
import type { Command } from 'commander';
import {
  DEFAULT_FORMATS,
  OUTPUT_FORMATS,
  parseFormatList,
  parsePanelList,
  reproduce,
} from '../figures/reproduce.js';
import { PANEL_IDS } from '../figures/panels.js';
import type { CliContext } from './context.js';
import { onStopSignals } from './stop-signals.js';
import { FORCE_HELP, checkOutputDirectory } from './output-directory.js';
import { PROGRESS_HELP } from './progress-option.js';

interface ReproduceCliOptions {
  out: string;
  force?: boolean;
  only?: string;
  format: string;
  quiet?: boolean;
  progress?: boolean;
}

const EXAMPLES = `
Examples:
  $ ndtc reproduce                          all panels as svg, png, csv, json, report.md, into ndtc-out/reproduce/
  $ ndtc reproduce --only 2a,2b --format png --out /tmp/figs
  $ ndtc reproduce --quiet --format csv,json --force   # again, into the same directory

Panels: ${PANEL_IDS.join(', ')}. Files: fig<panel>.<format>, report.md, report.json.
A non-empty output directory is refused unless --force; then the files reproduce produces replace
theirs and every other file is kept.`;

export async function runReproduce(opts: ReproduceCliOptions, ctx: CliContext): Promise<void> {
  const only = opts.only === undefined ? undefined : parsePanelList(opts.only);
  const formats = parseFormatList(opts.format);
  checkOutputDirectory(opts.out, opts.force);
  const controller = new AbortController();
  const interrupt = (): void => controller.abort();
  // Ctrl-C, and what timeout, kill and Slurm send: the partial directory goes either way.
  await onStopSignals(interrupt, async () => {
    const result = await reproduce({
      out: opts.out,
      only,
      formats,
      quiet: opts.quiet,
      progress: opts.progress,
      signal: controller.signal,
    });
    const held = result.claims.filter((c) => c.holds).length;
    if (opts.quiet) {
      ctx.stdout(
        `ndtc reproduce: ${result.written.length} files in ${result.outDir}; claims: ${held} of ${result.claims.length} hold\n`,
      );
      return;
    }
    ctx.stdout(result.summary);
    ctx.stdout(`wrote ${result.written.length} files to ${result.outDir}:\n`);
    for (const name of result.written) ctx.stdout(`  ${name}\n`);
  });
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('reproduce')
    .description(
      "recompute every panel of the paper's figures and test its eight claims; write figures, data and report.md",
    )
    .option('--out <dir>', 'output directory', 'ndtc-out/reproduce')
    .option('--force', FORCE_HELP)
    .option('--only <panels>', `comma-separated panels (default: all of ${PANEL_IDS.join(',')})`)
    .option(
      '--format <formats>',
      `comma-separated output formats from ${OUTPUT_FORMATS.join(',')} (pdf: vector, for LaTeX)`,
      DEFAULT_FORMATS.join(','),
    )
    .option('--quiet', 'no progress and a one-line summary')
    .option('--progress', PROGRESS_HELP)
    .addHelpText('after', EXAMPLES)
    .action(async (opts: ReproduceCliOptions) => runReproduce(opts, ctx));
}
