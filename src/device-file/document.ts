/**
 * The way back from a device to a device file: every value explicit, in SI units written as the
 * shortest decimal that round-trips, so that parsing the document gives back the very same doubles.
 * The explorer saves and shares devices this way; the CLI reads the file as any other.
 */
import { yamlLibrary } from './libraries.js';
import type { Device, Reservoir } from '../index.js';
import { superconductorSommerfeld } from '../physics/heat-capacity.js';
import { checkDeviceInput, describeValue } from '../physics/device-input.js';
import { InputError } from '../errors.js';

/** A device as device-file data: every value a string with its SI unit (γ and n plain numbers). */
export interface DeviceDocument {
  /** The device's name. */
  name?: string;
  /** Bath temperature, e.g. '0.01 K'. */
  Tbath: string;
  /** The left (heated) reservoir. */
  left: ReservoirDocument;
  /** The right reservoir. */
  right: ReservoirDocument;
  /** Each line's series inductance and resistance, e.g. '1e-8 H', '5 ohm' (only when the device has a line). */
  line?: { inductance: string; resistance: string };
}

/** One reservoir of a device document: every field a string with its SI unit (γ and n plain numbers). */
export interface ReservoirDocument {
  /** The Al lead: Tc (K), Dynes γ, Σ_S (W/m^3/K^5), volume (m^3). */
  superconductor: {
    /** Critical temperature, e.g. '1.2 K'. */
    Tc: string;
    /** Dynes parameter Γ/Δ0. */
    gamma: number;
    /** Σ_S, e.g. '300000000 W/m^3/K^5'. */
    Sigma: string;
    /** Volume, e.g. '4e-21 m^3'. */
    volume: string;
    /** Sommerfeld coefficient, J m⁻³ K⁻² (only when the device sets one). */
    sommerfeld?: number;
  };
  /** The normal-metal island: Σ_N (W/m^3/K^n), exponent n, volume (m^3). */
  normal: {
    /** Σ_N with its exponent in the unit. */
    Sigma: string;
    /** Temperature exponent of the electron–phonon heat. */
    n: number;
    /** Volume, m^3. */
    volume: string;
    /** Sommerfeld coefficient, J m⁻³ K⁻² (only when the device sets one). */
    sommerfeld?: number;
  };
  /** The tunnel junction: specific resistance (ohm*m^2), specific capacitance (F/m^2), area (m^2). */
  junction: {
    /** R0·A, ohm*m^2. */
    r0: string;
    /** C/A, F/m^2. */
    c: string;
    /** Area, m^2. */
    area: string;
  };
}

const si = (value: number, unit: string): string => `${value} ${unit}`;

function reservoirDocument(r: Reservoir): ReservoirDocument {
  return {
    superconductor: {
      Tc: si(r.superconductor.Tc, 'K'),
      gamma: r.superconductor.gamma,
      Sigma: si(r.superconductor.Sigma, 'W/m^3/K^5'),
      volume: si(r.superconductor.volume, 'm^3'),
      ...(r.superconductor.sommerfeld !== undefined && { sommerfeld: r.superconductor.sommerfeld }),
    },
    normal: {
      Sigma: si(r.normal.Sigma, `W/m^3/K^${r.normal.n}`),
      n: r.normal.n,
      volume: si(r.normal.volume, 'm^3'),
      ...(r.normal.sommerfeld !== undefined && { sommerfeld: r.normal.sommerfeld }),
    },
    junction: {
      r0: si(r.junction.r0, 'ohm*m^2'),
      c: si(r.junction.c, 'F/m^2'),
      area: si(r.junction.area, 'm^2'),
    },
  };
}

/**
 * The right reservoir's document. A superconductor without a Sommerfeld coefficient of its own would
 * inherit the left one's on loading (the file format's right-inherits-left rule), so it is written out
 * as aluminium's, the value the device uses.
 */
function rightReservoirDocument(device: Device): ReservoirDocument {
  const doc = reservoirDocument(device.right);
  if (
    device.right.superconductor.sommerfeld === undefined &&
    device.left.superconductor.sommerfeld !== undefined
  )
    doc.superconductor.sommerfeld = superconductorSommerfeld(device.right.superconductor);
  return doc;
}

/** The device as a document of the device-file format (both reservoirs in full). */
export function deviceDocument(device: Device, name?: string): DeviceDocument {
  checkDeviceInput(device, 'deviceDocument device');
  if (name !== undefined && typeof name !== 'string')
    throw new InputError('deviceDocument name', describeValue(name), "a device name, e.g. 'my-diode'");
  return {
    ...(name !== undefined && { name }),
    Tbath: si(device.Tbath, 'K'),
    left: reservoirDocument(device.left),
    right: rightReservoirDocument(device),
    ...(device.line !== undefined && {
      line: { inductance: si(device.line.inductance, 'H'), resistance: si(device.line.resistance, 'ohm') },
    }),
  };
}

/** The device as YAML device-file text, with a comment line on top. */
export function deviceYaml(device: Device, comment: string, name?: string): string {
  checkDeviceInput(device, 'deviceYaml device');
  if (typeof comment !== 'string')
    throw new InputError(
      'deviceYaml comment',
      describeValue(comment),
      "the comment line(s) on top, e.g. 'saved by me'",
    );
  const header = comment
    .split('\n')
    .map((line) => `# ${line}`)
    .join('\n');
  return `${header}\n${yamlLibrary().stringify(deviceDocument(device, name))}`;
}
