/** `ndtc photonic`: photonic heat current J_γ(T_L, T_R) and κ_γ = −∂J_γ/∂T_R (docs/model.md §3). */
import type { Command } from 'commander';
import { photonicConductance, photonicHeatCurrent } from '../index.js';
import { cartesian, parsePointGrid } from './cartesian.js';
import type { CliContext } from './context.js';
import {
  addDeviceOptions,
  deviceFromOptions,
  deviceParameters,
  deviceSummary,
  type DeviceOptionValues,
} from './device-options.js';
import { addOutputOptions, assertFinite, emitReport, outputFormatOf } from './output.js';
import { belowTc } from './temperature-checks.js';
import { validityWarnings } from '../physics/validity.js';

const BEYOND = {
  beyond: 'for more: ndtc sweep --TL … --vary TR=… --output J_gamma',
};

interface Options extends DeviceOptionValues {
  TL: string;
  TR: string;
  json?: boolean;
  csv?: boolean;
}

export function register(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('photonic')
    .description('photonic heat current J_γ from left to right and κ_γ = −∂J_γ/∂T_R (NDTC where κ_γ < 0)')
    .requiredOption('--TL <temps>', 'left temperatures (< Tc): list or range, e.g. 500mK')
    .requiredOption('--TR <temps>', 'right temperatures (< Tc): list or range, e.g. 10mK..500mK:50');
  // J_γ depends on T_L and T_R alone: no bath bounds --Tc here.
  addDeviceOptions(cmd, 'unused');
  addOutputOptions(cmd)
    .addHelpText(
      'after',
      `
Examples:
  $ ndtc photonic --TL 500mK --TR 400mK
  $ ndtc photonic --TL 500mK --TR 10mK..500mK:50 --chi 5 --csv
  $ ndtc photonic --TL 300mK,500mK --TR 100mK,200mK --c 80fF/um^2 --json

Several values form the Cartesian product, --TL varying slowest; at most 10⁶ points (more: ndtc sweep).
Points: {T_L, T_R, J_gamma, kappa_gamma} (K, K, W, W/K).`,
    )
    .action((opts: Options) => {
      const format = outputFormatOf(opts);
      const device = deviceFromOptions(opts, ctx.loadDeviceFile, false, 'unused');
      const [TLs, TRs] = parsePointGrid(
        [
          { option: '--TL', text: opts.TL, kind: 'temperature' },
          { option: '--TR', text: opts.TR, kind: 'temperature' },
        ],
        BEYOND,
      );
      belowTc(TLs, device.left.superconductor.Tc, '--TL');
      belowTc(TRs, device.right.superconductor.Tc, '--TR');
      const warnings = new Set<string>();
      const points = Array.from(cartesian([TLs, TRs]), ([TL, TR]) => {
        for (const w of validityWarnings(device, TL, TR)) warnings.add(w);
        const at = `T_L = ${TL} K, T_R = ${TR} K`;
        return {
          T_L: TL,
          T_R: TR,
          J_gamma: assertFinite(photonicHeatCurrent(device, TL, TR), `J_gamma at ${at}`),
          kappa_gamma: assertFinite(photonicConductance(device, TL, TR), `kappa_gamma at ${at}`),
        };
      });
      emitReport(
        {
          command: 'photonic',
          parameters: { ...deviceParameters(opts, device), TL: TLs, TR: TRs },
          points,
          columns: [
            { field: 'T_L', kind: 'temperature' },
            { field: 'T_R', kind: 'temperature' },
            { field: 'J_gamma', kind: 'power' },
            { field: 'kappa_gamma', kind: 'conductance' },
          ],
          rows: points,
          warnings: Array.from(warnings),
          summary: deviceSummary(opts, device),
        },
        format,
        ctx,
      );
    });
}
