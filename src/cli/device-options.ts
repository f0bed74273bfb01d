/**
 * The device options shared by every command that takes a device: `--platform ag|inas` (default: ag)
 * or `--device FILE`, then `--chi --c --r0 --Tc --gamma` overriding either. Values are parsed with
 * units here, at the edge, and the Device is built only through the library's device helpers.
 */
import { hasRealLine } from '../physics/photonic-line.js';
import type { Command } from 'commander';
import {
  InputError,
  PAPER_DEFAULTS,
  chiOf,
  platformDevice,
  withJunctionParameters,
  type Device,
  type GapParameters,
  type PlatformName,
  type Reservoir,
} from '../index.js';
import { DOMAIN, MIN_REDUCED_TEMPERATURE, checkDevice, checkInRange, rangeText } from '../physics/domain.js';
import { formatNumber, formatQuantity, parseQuantity } from '../units/quantity.js';
import { firstOfList } from '../units/list.js';
import type { DeviceFileLoader } from './context.js';

/** The raw option strings, as commander hands them over (no defaults: an absent option keeps the device's value). */
const DEVICE_OPTIONS: Record<string, 'chi' | 'c' | 'r0' | 'Tc' | 'gamma' | 'Tbath'> = {
  chi: 'chi',
  c: 'c',
  r0: 'r0',
  Tc: 'Tc',
  gamma: 'gamma',
  T_bath: 'Tbath',
};

/**
 * The device option that sets what a swept or optimised parameter sets (an alias, or a path to one side
 * of it: `left.junction.c` is --c's): given both, the parameter would override the option without a word.
 */
export function deviceOptionOf(name: string): (typeof DEVICE_OPTIONS)[string] | undefined {
  if (name === 'right.junction.area') return 'chi';
  const field = /^(?:left|right)\.(?:junction|superconductor)\.(c|r0|Tc|gamma)$/.exec(name)?.[1];
  return DEVICE_OPTIONS[field ?? name];
}

export interface DeviceOptionValues {
  platform?: string;
  device?: string;
  chi?: string;
  c?: string;
  r0?: string;
  Tc?: string;
  gamma?: string;
}

const PLATFORMS: readonly PlatformName[] = ['ag', 'inas'];

/** Registers --Tc and --gamma (all that R/R0 needs); `withBath`: a device with a bath, which bounds Tc too. */
export function addSuperconductorOptions(cmd: Command, withBath = false): Command {
  const bath = withBath
    ? ', above T_bath and at most 250 T_bath (the bath must lie in [0.004 Tc, Tc): up to 2.5 K for a 10 mK bath)'
    : '';
  return cmd
    .option(
      '--Tc <temperature>',
      `critical temperature of the Al parts, ${rangeText(DOMAIN.Tc)}${bath} (default: ${formatQuantity(PAPER_DEFAULTS.Tc, 'temperature')})`,
    )
    .option(
      '--gamma <number>',
      `Dynes parameter γ = Γ/Δ0, ${rangeText(DOMAIN.gamma)} (default: ${formatNumber(PAPER_DEFAULTS.gamma)})`,
    );
}

/**
 * Registers the device options on a command; `bath: 'unused'` for a command whose numbers do not
 * depend on the bath (its --Tc is bounded by the model alone).
 */
export function addDeviceOptions(cmd: Command, bath: BathUse = 'used'): Command {
  cmd
    .option('--platform <name>', `built-in platform: ${PLATFORMS.join(' or ')} (default: ag)`)
    .option('--device <file>', 'device file (YAML or JSON, see docs/devices.md) instead of --platform')
    .option(
      '--chi <number>',
      `area ratio χ = A_R/A_L, ${rangeText(DOMAIN.chi)} (default: ${PAPER_DEFAULTS.chi})`,
    )
    .option(
      '--c <capacitance>',
      `specific junction capacitance, ${rangeText(DOMAIN.c)} (default: ${formatQuantity(PAPER_DEFAULTS.c, 'specificCapacitance')})`,
    )
    .option(
      '--r0 <resistance>',
      `normal-state specific resistance R0·A, ${rangeText(DOMAIN.r0)} (default: ${formatQuantity(PAPER_DEFAULTS.r0, 'specificResistance')})`,
    );
  return addSuperconductorOptions(cmd, bath === 'used');
}

/** Whether a command's numbers depend on the device's bath temperature. */
export type BathUse = 'used' | 'unused';

/** A device option's value, parsed with its unit and inside the model's domain (src/physics/domain.ts). */
function domainValue(
  text: string,
  kind: 'dimensionless' | 'specificCapacitance' | 'specificResistance' | 'temperature',
  option: string,
  name: 'chi' | 'c' | 'r0' | 'Tc' | 'gamma',
): number {
  return checkInRange(name, option, parseQuantity(text, kind, option), { text });
}

/** Tc and γ from --Tc/--gamma, each falling back to `base` (the paper's Al by default). */
export function superconductorFromOptions(
  opts: Pick<DeviceOptionValues, 'Tc' | 'gamma'>,
  base: GapParameters = { Tc: PAPER_DEFAULTS.Tc, gamma: PAPER_DEFAULTS.gamma },
): GapParameters {
  return {
    Tc: opts.Tc !== undefined ? domainValue(opts.Tc, 'temperature', '--Tc', 'Tc') : base.Tc,
    gamma:
      opts.gamma !== undefined ? domainValue(opts.gamma, 'dimensionless', '--gamma', 'gamma') : base.gamma,
  };
}

/** The platform named by --platform (default: ag), or null when a device file is used. */
export function platformOf(opts: DeviceOptionValues): PlatformName | null {
  if (opts.device !== undefined) {
    if (opts.platform !== undefined) {
      throw new InputError(
        '--platform',
        opts.platform,
        'not together with --device (the device file defines the device)',
      );
    }
    return null;
  }
  const name = opts.platform ?? 'ag';
  if (!(PLATFORMS as readonly string[]).includes(name)) {
    throw new InputError('--platform', name, `one of ${PLATFORMS.join(', ')}`);
  }
  return name as PlatformName;
}

/**
 * The device the options describe: the built-in platform or the device file (through `loadDeviceFile`,
 * the hook for `--device`), with --chi/--c/--r0/--Tc/--gamma applied to both reservoirs.
 */
export function deviceFromOptions(
  opts: DeviceOptionValues,
  loadDeviceFile?: DeviceFileLoader,
  /** Whether the command computes through real photon lines (`line` in a device file). */
  realLines = false,
  bath: BathUse = 'used',
): Device {
  const platform = platformOf(opts);
  let device: Device;
  if (platform === null) {
    if (!loadDeviceFile)
      throw new InputError('--device', opts.device!, 'device files are not supported by this build');
    device = loadDeviceFile(opts.device!, '--device');
    // A line this command would ignore must not give the ideal line's numbers silently.
    if (!realLines && hasRealLine(device))
      throw new InputError(
        '--device',
        opts.device!,
        "no 'line' here (ideal lines only); real lines: ndtc rectification or the library",
      );
  } else {
    device = platformDevice(platform);
  }
  const sc = superconductorFromOptions(
    { Tc: opts.Tc, gamma: opts.gamma },
    { Tc: device.left.superconductor.Tc, gamma: device.left.superconductor.gamma },
  );
  // The bath the command computes at: the device's, or the first of those its options give (each of
  // which the command checks against Tc as it meets it).
  const given = bath === 'used' ? givenBath(opts) : undefined;
  const Tbath = given?.value ?? device.Tbath;
  const fits = (T: number): boolean => T < sc.Tc && T >= MIN_REDUCED_TEMPERATURE * sc.Tc;
  // Named --Tc before the device is patched (the library would name its own parameter).
  if (opts.Tc !== undefined && bath === 'used' && !fits(Tbath)) {
    throw new InputError(
      '--Tc',
      opts.Tc,
      `a Tc above the bath temperature ${formatQuantity(Tbath, 'temperature')}${given ? ` (${given.option})` : ''} and at most ` +
        `${formatQuantity(Tbath / MIN_REDUCED_TEMPERATURE, 'temperature')} (the bath must lie in [0.004 Tc, Tc))`,
    );
  }
  // A --Tc the device's own bath does not fit, at a bath the options give that fits: the device takes
  // that bath (the command sets each point's own from its options, and names one out of range).
  // A command that does not use the bath keeps the device valid with the lowest bath the new Tc allows.
  const rebathTo =
    opts.Tc === undefined || fits(device.Tbath)
      ? undefined
      : bath === 'unused'
        ? MIN_REDUCED_TEMPERATURE * sc.Tc
        : given !== undefined && fits(Tbath)
          ? Tbath
          : undefined;
  const built = withJunctionParameters(rebathTo === undefined ? device : { ...device, Tbath: rebathTo }, {
    ...(opts.Tc !== undefined && { Tc: sc.Tc }),
    ...(opts.gamma !== undefined && { gamma: sc.gamma }),
    ...(opts.chi !== undefined && { chi: domainValue(opts.chi, 'dimensionless', '--chi', 'chi') }),
    ...(opts.c !== undefined && { c: domainValue(opts.c, 'specificCapacitance', '--c', 'c') }),
    ...(opts.r0 !== undefined && { r0: domainValue(opts.r0, 'specificResistance', '--r0', 'r0') }),
  });
  return checkDevice(built, platform === null ? opts.device! : `--platform ${platform}`);
}

/**
 * The first bath temperature the command's options give in place of the device's: `--TR` in setup 2
 * (the bath is at T_R), else `--Tbath`; undefined when neither is given as text.
 */
function givenBath(opts: DeviceOptionValues): { value: number; option: string } | undefined {
  const { setup, TR, Tbath, vary, sweep } = opts as DeviceOptionValues & {
    setup?: unknown;
    TR?: unknown;
    Tbath?: unknown;
    vary?: unknown;
    sweep?: unknown;
  };
  const inSetup2 = String(setup) === '2';
  const [option, text] = inSetup2 ? ['--TR', TR] : ['--Tbath', Tbath];
  if (typeof text === 'string') return { value: firstOfList(text, 'temperature', option), option };
  // Or an axis of the bath (sweep --vary, hysteresis --sweep): T_bath, or T_R in setup 2.
  const axes: [string, unknown][] = [
    ...(Array.isArray(vary) ? vary.map((v): [string, unknown] => ['--vary', v]) : []),
    ['--sweep', sweep],
  ];
  for (const [axisOption, axis] of axes) {
    if (typeof axis !== 'string' || !axis.includes('=')) continue;
    const eq = axis.indexOf('=');
    const name = axis.slice(0, eq).trim().replace('_', '').toLowerCase();
    if (name === 'tbath' || (inSetup2 && name === 'tr')) {
      return { value: firstOfList(axis.slice(eq + 1).trim(), 'temperature', axisOption), option: axisOption };
    }
  }
  return undefined;
}

/** The JSON `parameters` entries describing the device. */
export function deviceParameters(opts: DeviceOptionValues, device: Device): Record<string, unknown> {
  return {
    platform: platformOf(opts),
    deviceFile: opts.device ?? null,
    chi: chiOf(device),
    device,
  };
}

/** `5` → `⁵`: the exponent n of Σ_N as the units are printed elsewhere (W/m³/K⁵). */
function superscript(n: number): string {
  return [...String(n)].map((d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'['0123456789'.indexOf(d)] ?? d).join('');
}

/** A reservoir's values, as a header line states them. */
function reservoirSummary(r: Reservoir): string {
  return [
    `Tc = ${formatQuantity(r.superconductor.Tc, 'temperature')}`,
    `γ = ${formatNumber(r.superconductor.gamma)}`,
    `c = ${formatQuantity(r.junction.c, 'specificCapacitance')}`,
    `r0 = ${formatQuantity(r.junction.r0, 'specificResistance')}`,
    `A = ${formatQuantity(r.junction.area, 'area')}`,
    `V_S = ${formatQuantity(r.superconductor.volume, 'volume')}`,
    `V_N = ${formatQuantity(r.normal.volume, 'volume')}`,
    `Σ_S = ${formatNumber(r.superconductor.Sigma)} W/m³/K⁵`,
    `Σ_N = ${formatNumber(r.normal.Sigma)} W/m³/K${superscript(r.normal.n)}`,
  ].join(', ');
}

/** The two reservoirs differ in more than their junction area (which χ states). */
function asymmetric(device: Device): boolean {
  const withoutArea = (r: Reservoir) => ({ ...r, junction: { ...r.junction, area: 0 } });
  return JSON.stringify(withoutArea(device.left)) !== JSON.stringify(withoutArea(device.right));
}

/**
 * The device for the table's header: one line when the reservoirs differ only in area (χ), else a
 * line per reservoir (`left:`, `right:`) and a last line with χ and the bath, so that a caller may
 * append to the last line (`, setup 1`). `chiText` replaces `χ = …` where χ varies by row.
 */
export function deviceSummary(
  opts: DeviceOptionValues,
  device: Device,
  chiText = `χ = ${formatNumber(chiOf(device))}`,
): string {
  const platform = platformOf(opts);
  const name = platform === null ? `device ${opts.device}` : `platform ${platform}`;
  if (asymmetric(device)) {
    return [
      `${name}: the reservoirs differ`,
      `left:  ${reservoirSummary(device.left)}`,
      `right: ${reservoirSummary(device.right)}`,
      `${chiText}, T_bath = ${formatQuantity(device.Tbath, 'temperature')}`,
    ].join('\n');
  }
  const { junction, superconductor } = device.left;
  return [
    name,
    chiText,
    `c = ${formatQuantity(junction.c, 'specificCapacitance')}`,
    `r0 = ${formatQuantity(junction.r0, 'specificResistance')}`,
    `Tc = ${formatQuantity(superconductor.Tc, 'temperature')}`,
    `γ = ${formatNumber(superconductor.gamma)}`,
  ].join(', ');
}
