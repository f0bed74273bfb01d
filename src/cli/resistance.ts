/** `ndtc resistance`: zero-bias NIS resistance R/R0 vs T (docs/model.md §2). */
import type { Command } from 'commander';
import { resistanceRatio } from '../index.js';
import { parsePointList } from './cartesian.js';
import type { CliContext } from './context.js';
import { addSuperconductorOptions, superconductorFromOptions } from './device-options.js';
import { addOutputOptions, assertFinite, emitReport, outputFormatOf, summaryOf } from './output.js';
import { aboveTcFloor } from './temperature-checks.js';

/** Past the point limit (ndtc sweep has no R/R0 output). */
const BEYOND = { beyond: 'for more, run several shorter lists' };

interface Options {
  T: string;
  Tc?: string;
  gamma?: string;
  json?: boolean;
  csv?: boolean;
}

export function register(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('resistance')
    .description('zero-bias NIS resistance R/R0 at temperature T (1 at and above Tc)')
    .requiredOption('--T <temps>', 'temperatures: list or range, e.g. 0.1K,0.5K or 60mK..1.2K:20');
  addSuperconductorOptions(cmd);
  addOutputOptions(cmd)
    .addHelpText(
      'after',
      `
Examples:
  $ ndtc resistance --T 500mK
  $ ndtc resistance --T 60mK..1.2K:20 --gamma 1e-3
  $ ndtc resistance --T 0.1K,0.3K,0.5K,1K --json

Points: {T, R_over_R0} (T in K). At most 10⁶ temperatures.`,
    )
    .action((opts: Options) => {
      const format = outputFormatOf(opts);
      const sc = superconductorFromOptions(opts);
      const temps = aboveTcFloor(
        parsePointList(opts.T, 'temperature', '--T', BEYOND),
        sc.Tc,
        '--T',
        'below, R/R0 stays at 1/γ (within 0.1 % from 0.02 Tc down)',
      );
      const points = temps.map((T) => ({
        T,
        R_over_R0: assertFinite(resistanceRatio(T, sc), `R/R0 at T = ${T} K`),
      }));
      emitReport(
        {
          command: 'resistance',
          parameters: { Tc: sc.Tc, gamma: sc.gamma, T: temps },
          points,
          columns: [
            { field: 'T', kind: 'temperature' },
            { field: 'R_over_R0', kind: 'dimensionless', label: 'R/R0' },
          ],
          rows: points,
          warnings: [],
          summary: summaryOf([
            ['Tc', sc.Tc, 'temperature'],
            ['γ', sc.gamma, 'plain'],
          ]),
        },
        format,
        ctx,
      );
    });
}
