/** `ndtc phonon`: electron–phonon heat from the left reservoir to the substrate (docs/model.md §4). */
import type { Command } from 'commander';
import { prepareForDevice } from './phonon-tables.js';
import { createProgress } from '../io/progress.js';
import { phononHeat } from '../index.js';
import { cartesian, parsePointGrid, productSize } from './cartesian.js';
import type { CliContext } from './context.js';
import {
  addDeviceOptions,
  deviceFromOptions,
  deviceParameters,
  deviceSummary,
  type DeviceOptionValues,
} from './device-options.js';
import { PROGRESS_HELP } from './progress-option.js';
import { addOutputOptions, assertFinite, emitReport, outputFormatOf } from './output.js';
import { belowTc } from './temperature-checks.js';

const BEYOND = {
  beyond: 'for more: ndtc sweep --vary TL=… --vary Tbath=… --TR 10mK --output J_ph',
};

interface Options extends DeviceOptionValues {
  Te: string;
  Tbath?: string;
  json?: boolean;
  csv?: boolean;
  quiet?: boolean;
  progress?: boolean;
}

/** Below this many points a progress bar is noise. */
const PROGRESS_MIN_POINTS = 20;

export function register(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('phonon')
    .description(
      'electron-phonon heat J_ph = J_ph,N + J_ph,S from the left reservoir (electrons at T_e) to the bath',
    )
    .requiredOption('--Te <temps>', 'electron temperatures: list or range, e.g. 300mK or 50mK..1K:20')
    .option(
      '--Tbath <temps>',
      "bath (phonon) temperatures: list or range, e.g. 10mK (default: the device's)",
    );
  addDeviceOptions(cmd);
  addOutputOptions(cmd)
    .option('--quiet', 'no progress bar')
    .option('--progress', PROGRESS_HELP)
    .addHelpText(
      'after',
      `
Examples:
  $ ndtc phonon --platform ag --Te 500mK --Tbath 10mK
  $ ndtc phonon --platform inas --Te 50mK..1K:20 --Tbath 10mK --csv

Several values form the Cartesian product, --Te varying slowest; at most 10⁶ points (more: ndtc sweep).
Points: {T_e, T_bath, J_ph_N, J_ph_S, J_ph} (K, K, W, W, W).`,
    )
    .action(async (opts: Options) => {
      const format = outputFormatOf(opts);
      const device = deviceFromOptions(opts, ctx.loadDeviceFile);
      // Without --Tbath, the device's bath (a device file's Tbath, else the platform's 10 mK).
      const [Tes, Tbaths] =
        opts.Tbath === undefined
          ? [
              ...parsePointGrid([{ option: '--Te', text: opts.Te, kind: 'temperature' }], BEYOND),
              [device.Tbath],
            ]
          : parsePointGrid(
              [
                { option: '--Te', text: opts.Te, kind: 'temperature' },
                { option: '--Tbath', text: opts.Tbath, kind: 'temperature' },
              ],
              BEYOND,
            );
      belowTc(Tes, device.left.superconductor.Tc, '--Te');
      belowTc(Tbaths, device.left.superconductor.Tc, '--Tbath');
      const slow = await prepareForDevice(device);
      if (slow) ctx.stderr(slow);
      const size = productSize([Tes, Tbaths]);
      const progress = createProgress({
        label: 'phonon',
        total: size,
        quiet: opts.quiet === true,
        force: opts.progress === true,
        // A short list gets a bar only if it turns out slow (J_ph,S by quadrature, seconds a point).
        delaySeconds: size < PROGRESS_MIN_POINTS ? 2 : 1,
      });
      const points = Array.from(cartesian([Tes, Tbaths]), ([Te, Tb]) => {
        const J = phononHeat(device.left, Te, Tb);
        const at = `T_e = ${Te} K, T_bath = ${Tb} K`;
        progress.tick();
        return {
          T_e: Te,
          T_bath: Tb,
          J_ph_N: assertFinite(J.normal, `J_ph_N at ${at}`),
          J_ph_S: assertFinite(J.superconductor, `J_ph_S at ${at}`),
          J_ph: assertFinite(J.total, `J_ph at ${at}`),
        };
      });
      progress.done();
      emitReport(
        {
          command: 'phonon',
          parameters: { ...deviceParameters(opts, device), Te: Tes, Tbath: Tbaths },
          points,
          columns: [
            { field: 'T_e', kind: 'temperature' },
            { field: 'T_bath', kind: 'temperature' },
            { field: 'J_ph_N', kind: 'power' },
            { field: 'J_ph_S', kind: 'power' },
            { field: 'J_ph', kind: 'power' },
          ],
          rows: points,
          warnings: [],
          summary: deviceSummary(opts, device),
        },
        format,
        ctx,
      );
    });
}
