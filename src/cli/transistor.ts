/** `ndtc transistor`: setup 3 with the right heater as the gate; α = ∂J_γ/∂J_in^R at every steady state. */
import type { Command } from 'commander';
import { InputError, transistorResponse } from '../index.js';
import { checkHeaterPower, MIN_REDUCED_TEMPERATURE } from '../physics/domain.js';
import { validityWarnings } from '../physics/validity.js';
import { parsePointGrid, parsePointList } from './cartesian.js';
import type { CliContext } from './context.js';
import {
  addDeviceOptions,
  deviceFromOptions,
  deviceParameters,
  deviceSummary,
  type DeviceOptionValues,
} from './device-options.js';
import { addOutputOptions, assertFinite, emitReport, outputFormatOf, type Cell } from './output.js';
import { formatQuantity } from '../units/quantity.js';
import { checkFigureFile, figureHelp, writeFigure } from './figure-option.js';

const BEYOND = { beyond: 'at most 10⁶ operating points in all' };

interface Options extends DeviceOptionValues {
  JinL: string;
  JinR: string;
  Tbath?: string;
  figure?: string;
  json?: boolean;
  csv?: boolean;
}

export function register(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('transistor')
    .description(
      'thermal transistor (setup 3, right heater = gate): α = ∂J_γ/∂J_in^R and the temperature gain at every steady state',
    )
    .requiredOption('--JinL <powers>', 'source: heater power on the left reservoir, list or range, e.g. 20fW')
    .requiredOption('--JinR <powers>', 'gate: heater power on the right reservoir, e.g. 0.1fW..100fW:20')
    .option('--Tbath <temperature>', "bath temperature (default: the device's)")
    .option(
      '--figure <file>',
      figureHelp('α against J_in^R (two or more --JinR), one curve per J_in^L and state'),
    );
  addDeviceOptions(cmd);
  addOutputOptions(cmd).addHelpText(
    'after',
    `
J_out = J_γ(T_L, T_R), the photonic heat current from the left (source) reservoir into the right (gate)
one; J_gate = J_in^R. α = ∂J_out/∂J_gate at fixed J_in^L and T_bath, from the linear response of the
steady state; temperature gain = ∂T_L/∂T_R along the gate's control. |α| > 1 needs NDTC (κ_γ < 0).

Examples:
  $ ndtc transistor --JinL 20fW --JinR 0.1fW
  $ ndtc transistor --JinL 10fW,20fW,50fW --JinR 0.01fW..30fW:40:log --csv
  $ ndtc transistor --JinL 20fW --JinR 0.01fW..30fW:40:log --figure ndtc-out/alpha.png

Points: {J_in_L, J_in_R, T_bath, state, T_L, T_R, stable, J_out, alpha, dTL_dJgate, dTR_dJgate,
temperature_gain, kappa_gamma} (W, W, K, -, K, K, -, W, -, K/W, K/W, -, W/K); one row per steady state
(state numbers them by T_L, 0 the coldest).
Where there is none: {J_in_L, J_in_R, T_bath, note} (CSV: empty cells, the note on stderr).`,
  );
  cmd.action(async (opts: Options) => {
    const format = outputFormatOf(opts);
    if (opts.figure) checkFigureFile(opts.figure);
    const device = deviceFromOptions(opts, ctx.loadDeviceFile);
    const [JinL, JinR] = parsePointGrid(
      [
        { option: '--JinL', text: opts.JinL, kind: 'power' },
        { option: '--JinR', text: opts.JinR, kind: 'power' },
      ],
      BEYOND,
    );
    // One J_in^R makes every curve a single point, which draws nothing: an empty figure.
    if (opts.figure && JinR.length < 2)
      throw new InputError(
        '--figure',
        opts.figure,
        'α against J_in^R: give --JinR two or more values, e.g. --JinR 0.1fW..30fW:40',
      );
    for (const J of JinL) checkHeaterPower('--JinL', J);
    for (const J of JinR) checkHeaterPower('--JinR', J);
    let Tbath = device.Tbath;
    if (opts.Tbath !== undefined) {
      const values = parsePointList(opts.Tbath, 'temperature', '--Tbath', BEYOND);
      Tbath = values[0];
      const TcMin = Math.min(device.left.superconductor.Tc, device.right.superconductor.Tc);
      const TcMax = Math.max(device.left.superconductor.Tc, device.right.superconductor.Tc);
      // The bath of both reservoirs: below either Tc and at least 0.004 of either.
      if (values.length !== 1 || !(Tbath < TcMin && Tbath >= MIN_REDUCED_TEMPERATURE * TcMax))
        throw new InputError(
          '--Tbath',
          opts.Tbath,
          `one temperature from ${formatQuantity(MIN_REDUCED_TEMPERATURE * TcMax, 'temperature')} (0.004 Tc) to below Tc = ${formatQuantity(TcMin, 'temperature')}`,
        );
    }
    const points = [];
    // An operating point without a steady state is reported, as by solve --setup 3, not left out silently.
    const rows: Record<string, Cell>[] = [];
    const notes: string[] = [];
    const warnings = new Set<string>();
    for (const JL of JinL)
      for (const JR of JinR) {
        const states = transistorResponse(device, { JinL: JL, JinR: JR, Tbath });
        if (states.length === 0) {
          const note = 'no steady state with both temperatures in (T_bath, Tc)';
          rows.push({ J_in_L: JL, J_in_R: JR, T_bath: Tbath, note });
          notes.push(
            `${note} (J_in^L = ${formatQuantity(JL, 'power')}, J_in^R = ${formatQuantity(JR, 'power')})`,
          );
        }
        for (const [index, r] of states.entries()) {
          const at = `J_in_L = ${JL} W, J_in_R = ${JR} W`;
          for (const w of validityWarnings(device, r.TL, r.TR)) warnings.add(w);
          points.push({
            J_in_L: JL,
            J_in_R: JR,
            T_bath: Tbath,
            state: index,
            T_L: r.TL,
            T_R: r.TR,
            stable: r.stable,
            J_out: r.Jout,
            alpha: assertFinite(r.alpha, `alpha at ${at}`),
            dTL_dJgate: r.dTLdJgate,
            dTR_dJgate: r.dTRdJgate,
            temperature_gain: r.temperatureGain,
            kappa_gamma: r.kappa,
          });
          rows.push(points[points.length - 1]);
        }
      }
    const parameters = { ...deviceParameters(opts, device), JinL, JinR, Tbath };
    if (opts.figure) {
      const { transistorPanel } = await import('../figures/diode-panels.js');
      await writeFigure(opts.figure, transistorPanel(points, parameters));
    }
    emitReport(
      {
        command: 'transistor',
        parameters,
        points: rows,
        columns: [
          { field: 'J_in_L', kind: 'power' },
          { field: 'J_in_R', kind: 'power' },
          { field: 'T_bath', kind: 'temperature' },
          { field: 'state', kind: 'index' },
          { field: 'T_L', kind: 'temperature' },
          { field: 'T_R', kind: 'temperature' },
          { field: 'stable', kind: 'boolean' },
          { field: 'J_out', kind: 'power' },
          { field: 'alpha', kind: 'dimensionless' },
          { field: 'dTL_dJgate', kind: 'dimensionless', label: 'dT_L/dJ_gate (K/W)' },
          { field: 'dTR_dJgate', kind: 'dimensionless', label: 'dT_R/dJ_gate (K/W)' },
          { field: 'temperature_gain', kind: 'dimensionless' },
          { field: 'kappa_gamma', kind: 'conductance' },
          { field: 'note', kind: 'text' },
        ],
        rows,
        csvNotes: notes,
        warnings: Array.from(warnings),
        summary: deviceSummary(opts, device),
      },
      format,
      ctx,
    );
  });
}
