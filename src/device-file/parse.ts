/**
 * Device files: a device (left and right reservoir, bath) in YAML or JSON with units in the values,
 * validated against the JSON Schema schema/device.schema.json, then parsed to the SI `Device` of the
 * library; and the way back, a device as a file document. No file system here, so the explorer page
 * parses with the same code (the schema is passed in: Node reads it, the page bundles it).
 * Grammar and examples: docs/devices.md.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ajvLibrary, generatedValidator, yamlLibrary } from './libraries.js';
import {
  InputError,
  PAPER_DEFAULTS,
  chiOf,
  platformDevice,
  type Device,
  type Junction,
  type NormalMetal,
  type PlatformName,
  type Reservoir,
  type Superconductor,
} from '../index.js';
import { parseEphCoupling, parseQuantity, type QuantityKind } from '../units/quantity.js';
import { checkDevice, checkInRange } from '../physics/domain.js';
import { SOMMERFELD_RANGE } from '../api/arguments.js';
import { parseLineElement } from '../api/photonic-line.js';
import { MATERIALS, type NormalMaterial, type SuperconductingMaterial } from './materials.js';
import { nearestName } from './nearest-name.js';

type Raw = Record<string, unknown>;
/** The parts of the device JSON Schema the error messages read. */
export type DeviceSchema = {
  properties?: Record<string, DeviceSchema>;
  $ref?: string;
  definitions?: Record<string, DeviceSchema>;
};
type Schema = DeviceSchema;

const validators = new WeakMap<Schema, ValidateFunction>();

function validator(schema: Schema): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    // The shipped schema has a validator generated at build time; any other schema is compiled.
    const generated = generatedValidator();
    validate =
      generated && JSON.stringify(schema) === generated.schemaText
        ? generated.validate
        : new (ajvLibrary().Ajv)({ allErrors: false, strict: false }).compile(schema);
    validators.set(schema, validate);
  }
  return validate;
}

/** Follow the schema from the root along a key path to the object node that lists the accepted keys there. */
function schemaAt(schema: Schema, path: string[]): Schema | undefined {
  const resolve = (node: Schema | undefined): Schema | undefined =>
    node?.$ref ? schema.definitions?.[node.$ref.replace('#/definitions/', '')] : node;
  let node: Schema | undefined = schema;
  for (const key of path) node = resolve(resolve(node)?.properties?.[key]);
  return resolve(node);
}

const dotted = (path: string[]): string => (path.length === 0 ? '(top level)' : path.join('.'));

function schemaError(source: string, error: ErrorObject, schema: Schema, data: unknown): InputError {
  const path = error.instancePath.split('/').filter(Boolean);
  let value: unknown = data;
  for (const key of path) value = (value as Raw)?.[key];
  const option = `${source}: ${dotted(path)}`;
  if (error.keyword === 'additionalProperties') {
    const unknown = String((error.params as { additionalProperty: string }).additionalProperty);
    const accepted = Object.keys(schemaAt(schema, path)?.properties ?? {}).filter((k) => k !== '$schema');
    const guess = nearestName(unknown, accepted);
    return new InputError(
      option,
      unknown,
      `unknown key${guess ? `; did you mean '${guess}'?` : ''} (accepted keys: ${accepted.join(', ')})`,
    );
  }
  const shown = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
    const guess = nearestName(String(value), allowed);
    return new InputError(
      option,
      shown,
      `one of ${allowed.join(', ')}${guess ? ` (did you mean '${guess}'?)` : ''}`,
    );
  }
  return new InputError(option, shown, `${error.message ?? 'invalid'} (see schema/device.schema.json)`);
}

/**
 * Parse device-file text against `schema`; `source` names the file in error messages, after `option`
 * when the caller has one (the CLI: `--device`).
 */
export function parseDeviceText(text: string, source: string, schema: DeviceSchema, option?: string): Device {
  const named = option === undefined ? source : `${option} ${source}`;
  const doc = yamlLibrary().parseDocument(text);
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const line = e.linePos?.[0]?.line;
    throw new InputError(
      named,
      line ? `line ${line}` : 'text',
      `YAML or JSON; the YAML parser stops there: ${e.message.split('\n')[0].replace(/:$/, '')}`,
    );
  }
  let data: unknown;
  try {
    // An alias bomb ("billion laughs") stops at 100 alias expansions instead of filling memory.
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new InputError(
      named,
      'aliases',
      `YAML without excessive aliases (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new InputError(named, String(data), 'a mapping with keys platform, Tbath, left, right');
  }
  const validate = validator(schema);
  if (!validate(data)) throw schemaError(source, validate.errors![0], schema, data);
  return buildDevice(data as Raw, source);
}

/** Reads the quantities of one file, naming the key path in every error. */
class Reader {
  constructor(readonly source: string) {}

  option(path: string[]): string {
    return `${this.source}: ${dotted(path)}`;
  }

  missing(path: string[], example: string): never {
    throw new InputError(
      this.option(path),
      '(missing)',
      `required here (no platform or material supplies it), e.g. ${example}`,
    );
  }

  positive(value: number, path: string[], raw: unknown): number {
    if (!(value > 0) || !Number.isFinite(value))
      throw new InputError(this.option(path), String(raw), 'a positive, finite value');
    return value;
  }

  quantity(raw: unknown, kind: QuantityKind, path: string[]): number | undefined {
    if (raw === undefined) return undefined;
    const text = String(raw);
    return this.positive(parseQuantity(text, kind, this.option(path)), path, raw);
  }

  /** A line's series element: 0 or in the library's PHOTON_LINE_RANGE (as --Lline, --Rline). */
  nonNegative(raw: unknown, kind: 'inductance' | 'resistance', path: string[]): number {
    return raw === undefined ? 0 : parseLineElement(String(raw), kind, this.option(path));
  }

  /** A Sommerfeld coefficient of SOMMERFELD_RANGE (J m⁻³ K⁻², a plain number). */
  sommerfeld(raw: unknown, path: string[]): number {
    const value = Number(raw);
    if (!(value >= SOMMERFELD_RANGE.min && value <= SOMMERFELD_RANGE.max))
      throw new InputError(
        this.option(path),
        String(raw),
        `a Sommerfeld coefficient from ${SOMMERFELD_RANGE.min} to ${SOMMERFELD_RANGE.max} J/m^3/K^2`,
      );
    return value;
  }
}

/** The optional `line` mapping: each line's series inductance and resistance (absent: none). */
function lineFrom(r: Reader, raw: Raw | undefined): Pick<Device, 'line'> {
  if (raw === undefined) return {};
  return {
    line: {
      inductance: r.nonNegative(raw.inductance, 'inductance', ['line', 'inductance']),
      resistance: r.nonNegative(raw.resistance, 'resistance', ['line', 'resistance']),
    },
  };
}

function superconductorFrom(
  r: Reader,
  raw: Raw | undefined,
  base: Superconductor | undefined,
  path: string[],
): Superconductor {
  const p = raw ?? {};
  const material =
    p.material !== undefined ? (MATERIALS[String(p.material)] as SuperconductingMaterial) : undefined;
  const at = (key: string): string[] => [...path, key];
  return {
    Tc: r.quantity(p.Tc, 'temperature', at('Tc')) ?? material?.Tc ?? base?.Tc ?? r.missing(at('Tc'), '1.2K'),
    gamma: (p.gamma as number | undefined) ?? base?.gamma ?? PAPER_DEFAULTS.gamma,
    Sigma:
      r.quantity(p.Sigma, 'ephCoupling5', at('Sigma')) ??
      material?.Sigma ??
      base?.Sigma ??
      r.missing(at('Sigma'), '3e8 W/m^3/K^5'),
    volume:
      r.quantity(p.volume, 'volume', at('volume')) ??
      base?.volume ??
      r.missing(at('volume'), '2um x 0.2um x 0.01um'),
    ...sommerfeldFrom(r, p, base, at('sommerfeld')),
  };
}

/**
 * The optional Sommerfeld coefficient (J m⁻³ K⁻², a plain number): given, or the base's unless the part
 * names another material or exponent (then the default of heat-capacity.ts applies).
 */
function sommerfeldFrom(
  r: Reader,
  p: Raw,
  base: { sommerfeld?: number } | undefined,
  path: string[],
): { sommerfeld?: number } {
  if (p.sommerfeld !== undefined) return { sommerfeld: r.sommerfeld(p.sommerfeld, path) };
  const inherited = p.material === undefined && p.n === undefined ? base?.sommerfeld : undefined;
  return inherited === undefined ? {} : { sommerfeld: inherited };
}

function normalFrom(
  r: Reader,
  raw: Raw | undefined,
  base: NormalMetal | undefined,
  path: string[],
): NormalMetal {
  const p = raw ?? {};
  const material = p.material !== undefined ? (MATERIALS[String(p.material)] as NormalMaterial) : undefined;
  const at = (key: string): string[] => [...path, key];
  let coupling: { value: number; exponent: number } | undefined;
  if (p.Sigma !== undefined) {
    coupling = parseEphCoupling(String(p.Sigma), r.option(at('Sigma')));
    r.positive(coupling.value, at('Sigma'), p.Sigma);
  }
  const n =
    (p.n as number | undefined) ?? material?.n ?? coupling?.exponent ?? base?.n ?? r.missing(at('n'), '5');
  if (coupling && coupling.exponent !== n) {
    throw new InputError(
      r.option(at('Sigma')),
      String(p.Sigma),
      `a coupling in W/m^3/K^${n}, matching n = ${n}`,
    );
  }
  return {
    Sigma: coupling?.value ?? material?.Sigma ?? base?.Sigma ?? r.missing(at('Sigma'), '5e8 W/m^3/K^5'),
    n,
    volume:
      r.quantity(p.volume, 'volume', at('volume')) ??
      base?.volume ??
      r.missing(at('volume'), '2 x 1.3um x 0.2um x 0.01um'),
    ...sommerfeldFrom(r, p, base, at('sommerfeld')),
  };
}

function junctionFrom(
  r: Reader,
  raw: Raw | undefined,
  base: Junction | undefined,
  path: string[],
  area?: number,
): Junction {
  const p = raw ?? {};
  const at = (key: string): string[] => [...path, key];
  return {
    r0: r.quantity(p.r0, 'specificResistance', at('r0')) ?? base?.r0 ?? r.missing(at('r0'), '10ohm*um^2'),
    c: r.quantity(p.c, 'specificCapacitance', at('c')) ?? base?.c ?? r.missing(at('c'), '50fF/um^2'),
    area: r.quantity(p.area, 'area', at('area')) ?? area ?? base?.area ?? r.missing(at('area'), '0.1um^2'),
  };
}

function reservoirFrom(
  r: Reader,
  raw: Raw | undefined,
  base: Reservoir | undefined,
  side: string,
  area?: number,
): Reservoir {
  const p = raw ?? {};
  return {
    superconductor: superconductorFrom(r, p.superconductor as Raw | undefined, base?.superconductor, [
      side,
      'superconductor',
    ]),
    normal: normalFrom(r, p.normal as Raw | undefined, base?.normal, [side, 'normal']),
    junction: junctionFrom(r, p.junction as Raw | undefined, base?.junction, [side, 'junction'], area),
  };
}

function buildDevice(doc: Raw, source: string): Device {
  const r = new Reader(source);
  const platform = doc.platform !== undefined ? platformDevice(doc.platform as PlatformName) : undefined;
  const Tbath =
    r.quantity(doc.Tbath, 'temperature', ['Tbath']) ?? platform?.Tbath ?? r.missing(['Tbath'], '10mK');
  const left = reservoirFrom(r, doc.left as Raw | undefined, platform?.left, 'left');
  const rawRight = doc.right as Raw | undefined;
  if (rawRight === undefined && !platform)
    r.missing(['right'], '{ chi: 2 } (the left reservoir with A_R = 2 A_L)');
  const rightJunction = (rawRight?.junction ?? {}) as Raw;
  if (rawRight?.chi !== undefined && rightJunction.area !== undefined) {
    throw new InputError(
      r.option(['right', 'chi']),
      String(rawRight.chi),
      'either right.chi or right.junction.area, not both',
    );
  }
  const chi = (rawRight?.chi as number | undefined) ?? (platform ? chiOf(platform) : undefined);
  // Checked as itself before it scales the area (an infinite χ was reported as right.junction.area).
  if (rawRight?.chi !== undefined) checkInRange('chi', r.option(['right', 'chi']), chi!);
  if (chi === undefined && rightJunction.area === undefined)
    r.missing(['right', 'chi'], '2 (or right.junction.area)');
  // Everything on the right not given defaults to the left reservoir as finally parsed.
  const right = reservoirFrom(
    r,
    rawRight,
    left,
    'right',
    chi !== undefined ? chi * left.junction.area : undefined,
  );
  // The model's domain (src/physics/domain.ts), after the schema's shape and units: each reservoir's
  // values first, then the bath against their Tc (a Tc out of range is named as itself, not the bath).
  return checkDevice({ left, right, Tbath, ...lineFrom(r, doc.line as Raw | undefined) }, source);
}
