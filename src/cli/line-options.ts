/**
 * `--Lline` and `--Rline`: each photon line's series inductance and resistance (docs/model.md, real
 * photon lines), overriding a device file's `line`. Both absent: the device's line (none for a platform).
 */
import type { Command } from 'commander';
import { parseLineElement, type Device, type PhotonLine } from '../index.js';

export interface LineOptionValues {
  Lline?: string;
  Rline?: string;
}

export function addLineOptions(cmd: Command): Command {
  return cmd
    .option(
      '--Lline <inductance>',
      'series inductance of each photon line, 0H or 1e-20 H to 1 mH, e.g. 10nH (default: 0H: the paper)',
    )
    .option(
      '--Rline <resistance>',
      'series resistance of each photon line at T_bath, 0ohm or 1e-20 ohm to 1 Gohm, e.g. 5ohm (default: 0ohm)',
    );
}

/** The line of the device after the options: `{}` when the device has none and no option is given. */
export function lineFromOptions(opts: LineOptionValues, device: Device): { line?: PhotonLine } {
  if (opts.Lline === undefined && opts.Rline === undefined) return device.line ? { line: device.line } : {};
  return {
    line: {
      inductance:
        opts.Lline !== undefined
          ? parseLineElement(opts.Lline, 'inductance', '--Lline')
          : (device.line?.inductance ?? 0),
      resistance:
        opts.Rline !== undefined
          ? parseLineElement(opts.Rline, 'resistance', '--Rline')
          : (device.line?.resistance ?? 0),
    },
  };
}
