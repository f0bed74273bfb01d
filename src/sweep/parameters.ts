/**
 * The parameters a sweep can vary: any numeric field of the device by its dotted path
 * (`left.normal.volume`), short aliases that act on both reservoirs (`chi`, `c`, `r0`, `gamma`, `Tc`,
 * `Tbath`), and the operating point (`T_R`, `J_in`, `T_L`, `setup`).
 */
import {
  withChi,
  withJunctionParameters,
  type Device,
  type Reservoir,
  type Setup,
} from '../physics/device.js';
import { InputError } from '../errors.js';
import {
  checkDevice,
  checkInRange,
  checkTemperatures,
  DOMAIN,
  inRange,
  type DomainName,
} from '../physics/domain.js';
import { formatQuantity, type QuantityKind } from '../units/quantity.js';
import { nearestName } from '../device-file/nearest-name.js';

/** Operating-point values of one sweep point (SI). T_L given means: no balance solve, evaluate at T_L. */
export interface OperatingValues {
  /** Right temperature, K. */
  T_R?: number;
  /** Input power on the left, W. */
  J_in?: number;
  /** Left temperature, K (given: evaluated there, no balance solve). */
  T_L?: number;
  /** 1: T_bath fixed; 2: T_R = T_bath. */
  setup: Setup;
}

export interface ParameterInfo {
  /** Canonical name (column name in the outputs). */
  name: string;
  /** How values are parsed. */
  kind: QuantityKind;
  /** Operating-point parameter (else a device parameter). */
  operating: boolean;
  /** The unit of the SI value, for plot axes and docs. */
  unit: string;
}

const OPERATING: Record<string, ParameterInfo> = {
  T_R: { name: 'T_R', kind: 'temperature', operating: true, unit: 'K' },
  J_in: { name: 'J_in', kind: 'power', operating: true, unit: 'W' },
  T_L: { name: 'T_L', kind: 'temperature', operating: true, unit: 'K' },
  setup: { name: 'setup', kind: 'dimensionless', operating: true, unit: '' },
};

/** Aliases acting on both reservoirs (χ acts on the right area only), and the bath. */
const ALIASES: Record<string, ParameterInfo> = {
  chi: { name: 'chi', kind: 'dimensionless', operating: false, unit: '' },
  c: { name: 'c', kind: 'specificCapacitance', operating: false, unit: 'F/m^2' },
  r0: { name: 'r0', kind: 'specificResistance', operating: false, unit: 'ohm*m^2' },
  gamma: { name: 'gamma', kind: 'dimensionless', operating: false, unit: '' },
  Tc: { name: 'Tc', kind: 'temperature', operating: false, unit: 'K' },
  T_bath: { name: 'T_bath', kind: 'temperature', operating: false, unit: 'K' },
};

/** Other spellings accepted for canonical names (the library's own names). */
const SPELLINGS: Record<string, string> = { TR: 'T_R', Jin: 'J_in', TL: 'T_L', Tbath: 'T_bath' };

const FIELDS: Record<string, Record<string, [QuantityKind, string]>> = {
  superconductor: {
    Tc: ['temperature', 'K'],
    gamma: ['dimensionless', ''],
    Sigma: ['ephCoupling5', 'W/m^3/K^5'],
    volume: ['volume', 'm^3'],
  },
  normal: { Sigma: ['ephCoupling', 'W/m^3/K^n'], n: ['dimensionless', ''], volume: ['volume', 'm^3'] },
  junction: {
    r0: ['specificResistance', 'ohm*m^2'],
    c: ['specificCapacitance', 'F/m^2'],
    area: ['area', 'm^2'],
  },
};

const DOTTED: Record<string, ParameterInfo> = Object.fromEntries(
  ['left', 'right'].flatMap((side) =>
    Object.entries(FIELDS).flatMap(([part, fields]) =>
      Object.entries(fields).map(([field, [kind, unit]]) => {
        const name = `${side}.${part}.${field}`;
        return [name, { name, kind, operating: false, unit }];
      }),
    ),
  ),
);

const ALL: Record<string, ParameterInfo> = { ...OPERATING, ...ALIASES, ...DOTTED };

/** Every accepted parameter name, for help and error messages. */
export const PARAMETER_NAMES = [
  ...Object.keys(OPERATING),
  ...Object.keys(ALIASES),
  'left.<part>.<field>',
  'right.<part>.<field>',
];

/** Look a parameter up by any accepted spelling; unknown → InputError with the nearest name. */
export function parameterInfo(name: string, option: string): ParameterInfo {
  const info = ALL[SPELLINGS[name] ?? name];
  if (info) return info;
  const guess = nearestName(name, [...Object.keys(ALL), ...Object.keys(SPELLINGS)]);
  throw new InputError(
    option,
    name,
    // Within the CLI's one error line: the parts are named only where no nearest name is offered.
    `${guess ? `did you mean '${guess}'? ` : ''}a parameter: ${[...Object.keys(OPERATING), ...Object.keys(ALIASES)].join(', ')} or left|right.<part>.<field>${guess ? '' : ' (part: superconductor, normal, junction)'}`,
  );
}

/** The domain (src/physics/domain.ts) of a parameter, by its canonical name or the last part of its path. */
function domainOf(name: string): DomainName | undefined {
  const last = name.split('.').pop()!;
  if (name === 'J_in') return 'Jin';
  if (['T_R', 'T_L', 'T_bath'].includes(name)) return 'temperature';
  if (name === 'chi') return 'chi';
  if (['gamma', 'Tc', 'c', 'r0', 'area', 'volume', 'Sigma', 'n'].includes(last)) return last as DomainName;
  return undefined;
}

/** An SI value of a parameter as said to the user: with its unit (SI where no prefix is chosen). */
export function valueText(info: ParameterInfo, value: number): string {
  if (info.kind === 'dimensionless') return String(value);
  if (info.kind.startsWith('ephCoupling')) return `${value} ${info.unit}`;
  return formatQuantity(value, info.kind);
}

/**
 * Validate an SI value for a parameter: the model's domain (src/physics/domain.ts), not just the unit.
 * `text` is what was given; a value out of a list or range is named as `name = value`.
 */
export function checkParameterValue(info: ParameterInfo, value: number, option: string, text: string): void {
  // Built only for a message: a library sweep checks each of up to ~10⁷ axis values.
  const shown = (): string =>
    text.includes('=') || text.includes('..') || text.includes(',')
      ? `${info.name} = ${valueText(info, value)}`
      : text;
  if (info.name === 'setup') {
    if (value !== 1 && value !== 2)
      throw new InputError(option, shown(), 'setup 1 (T_bath fixed, T_R swept) or 2 (T_R = T_bath)');
    return;
  }
  const domain = domainOf(info.name);
  if (domain !== undefined) {
    if (!inRange(value, DOMAIN[domain])) checkInRange(domain, option, value, { text: shown() });
  } else if (!(value > 0 && Number.isFinite(value))) {
    throw new InputError(option, shown(), `a positive, finite value for ${info.name}`);
  }
}

/**
 * Whether checkParameterValue accepts a value of `info`, as a predicate with the domain looked up once:
 * a library sweep checks each of up to ~10⁷ axis values, and builds a message only for a bad one.
 */
export function parameterValuePredicate(info: ParameterInfo): (value: number) => boolean {
  if (info.name === 'setup') return (v) => v === 1 || v === 2;
  const domain = domainOf(info.name);
  if (domain === undefined) return (v) => v > 0 && Number.isFinite(v);
  const range = DOMAIN[domain];
  return (v) => inRange(v, range);
}

/** The device fields a parameter sets: an alias both reservoirs' (χ the right area), a path itself. */
function fieldsOf(name: string): string[] {
  if (name === 'chi') return ['right.junction.area'];
  if (name === 'c' || name === 'r0') return [`left.junction.${name}`, `right.junction.${name}`];
  if (name === 'gamma' || name === 'Tc')
    return [`left.superconductor.${name}`, `right.superconductor.${name}`];
  return [name];
}

/**
 * The first of `names` (canonical, each once) that sets a device field an earlier one sets too — `r0`
 * and `left.junction.r0`, `chi` and `right.junction.area` — and what is accepted instead: applied in
 * order, one axis would override the other and its values repeat without a word.
 */
export function overlappingParameter(
  names: readonly string[],
): { index: number; accepted: string } | undefined {
  for (let i = 1; i < names.length; i++) {
    const fields = fieldsOf(names[i]);
    for (let j = 0; j < i; j++) {
      const shared = fieldsOf(names[j]).find((f) => fields.includes(f));
      if (shared !== undefined)
        return {
          index: i,
          accepted: `parameters that set different device fields (${names[j]} and ${names[i]} both set ${shared})`,
        };
    }
  }
  return undefined;
}

function setDotted(device: Device, path: string, value: number): Device {
  const [side, part, field] = path.split('.') as ['left' | 'right', keyof Reservoir, string];
  const reservoir = device[side];
  return { ...device, [side]: { ...reservoir, [part]: { ...reservoir[part], [field]: value } } };
}

/**
 * The device and operating point of one sweep point: the base device and fixed values, then each
 * varied parameter in the order given, with χ applied last so that A_R = χ·A_L holds for the
 * final left area.
 */
export function applyParameters(
  device: Device,
  fixed: OperatingValues,
  names: readonly string[],
  values: ArrayLike<number>,
): { device: Device; op: OperatingValues } {
  let d = device;
  const op: OperatingValues = { ...fixed };
  let chi: number | undefined;
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    const v = values[i];
    switch (name) {
      case 'T_R':
      case 'J_in':
      case 'T_L':
        op[name] = v;
        break;
      case 'setup':
        op.setup = v as Setup;
        break;
      case 'chi':
        chi = v;
        break;
      case 'c':
      case 'r0':
      case 'gamma':
      case 'Tc':
        d = withJunctionParameters(d, { [name]: v });
        break;
      case 'T_bath':
        d = { ...d, Tbath: v };
        break;
      default:
        d = setDotted(d, name, v);
    }
  }
  return { device: chi === undefined ? d : withChi(d, chi), op };
}

/** Whether a parameter bounds temperatures or is bounded by a Tc: a temperature, or a Tc. */
export const boundsTemperature = (name: string): boolean =>
  name === 'T_R' || name === 'T_L' || name === 'T_bath' || name === 'Tc' || name.endsWith('.Tc');

/**
 * Refuses a grid with a point outside the model's temperatures where a Tc is varied: the bath in
 * [0.004 Tc, Tc) of the device at that point (as checkDevice takes it), T_R and T_L in
 * [0.004 Tc, Tc) of its lower Tc. Each bound is monotonic in every temperature and Tc, so the corners
 * of those axes (lowest and highest value of each) decide for the whole grid; the rest of the grid's
 * axes do not move these bounds. `option` and `show` name a failing corner as the caller's input.
 * `dropRange`: the T_R range of δT-type outputs, in [0.004 Tc, Tc) of the right reservoir at every
 * point, as temperatureDrop takes it (`name` says where it came from).
 */
export function checkTemperatureCorners(
  device: Device,
  fixed: OperatingValues,
  axes: readonly { name: string; values: ArrayLike<number> }[],
  option: string,
  show: (name: string, value: number) => string,
  dropRange?: { ends: readonly [number, number]; name: string },
): void {
  const coupled = axes.filter((a) => boundsTemperature(a.name) && a.values.length > 0);
  const ends = coupled.map((a) => {
    let [lo, hi] = [Infinity, -Infinity];
    for (let i = 0; i < a.values.length; i++)
      [lo, hi] = [Math.min(lo, a.values[i]), Math.max(hi, a.values[i])];
    return [lo, hi];
  });
  const names = coupled.map((a) => a.name);
  for (let corner = 0; corner < 2 ** coupled.length; corner++) {
    const values = ends.map((e, k) => e[(corner >> k) & 1]);
    const { device: d, op } = applyParameters(device, fixed, names, values);
    try {
      checkDevice(d, 'the device');
      const Tc = Math.min(d.left.superconductor.Tc, d.right.superconductor.Tc);
      for (const name of ['T_R', 'T_L'] as const) {
        const T = op[name];
        if (T !== undefined) checkTemperatures([T], name, { Tc, belowTc: true });
      }
      if (dropRange)
        checkTemperatures([...dropRange.ends], dropRange.name, {
          Tc: d.right.superconductor.Tc,
          belowTc: true,
        });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const at = names.map((n, k) => show(n, values[k])).join(', ');
      const bound = error.option.replace(/^the device: /, '').replace(/^Tbath$/, 'T_bath');
      const rule = error.accepted.split(';')[0];
      throw new InputError(
        option,
        at,
        `a grid inside the model at every point; there ${bound} = ${error.value}, and it must be ${rule}`,
      );
    }
  }
}

/**
 * The corners of the box that bound temperatures (bath, Tc, the T_R range against Tc: each bounds the
 * others) and each other parameter at its two ends: the device and the T_R range must stay inside the
 * model there, or a search would fail midway naming an internal function. `refuse(indices, values,
 * error)` turns the first failure into the caller's message (`set`: the indices of the parameters set there).
 */
export function checkParameterBox(
  device: Device,
  fixed: OperatingValues,
  params: readonly { name: string; lo: number; hi: number }[],
  TRrange: readonly [number, number],
  /** The T_R range's name in messages (`TRrange`, `--TR-range`). */
  rangeOption: string,
  refuse: (set: number[], values: number[], error: InputError) => never,
): void {
  const coupled = params.flatMap((p, i) => (boundsTemperature(p.name) ? [i] : []));
  const ends: number[][] = params.flatMap((p, i) =>
    coupled.includes(i) ? [] : [p.lo, p.hi].map((v) => params.map((q) => (q === p ? v : NaN))),
  );
  for (let corner = 0; corner < 2 ** coupled.length; corner++)
    ends.push(
      params.map((p, i) => (coupled.includes(i) ? [p.lo, p.hi][(corner >> coupled.indexOf(i)) & 1] : NaN)),
    );
  for (const values of ends) {
    const set = params.flatMap((p, i) => (Number.isNaN(values[i]) ? [] : [i]));
    const { device: at } = applyParameters(
      device,
      fixed,
      set.map((i) => params[i].name),
      set.map((i) => values[i]),
    );
    try {
      checkDevice(at, 'the device');
      checkTemperatures([...TRrange], rangeOption, {
        Tc: Math.min(at.left.superconductor.Tc, at.right.superconductor.Tc),
        belowTc: true,
      });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      refuse(set, values, error);
    }
  }
}
