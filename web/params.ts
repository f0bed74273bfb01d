/**
 * The explorer's controls: their ranges and display units, and the URL query string that carries
 * a view. Values are SI inside; each control shows and parses its own display unit.
 */
import {
  DOMAIN,
  MIN_REDUCED_TEMPERATURE,
  PAPER_DEFAULTS,
  type PlatformName,
  type Setup,
} from '../src/index.js';
import { deviceFromQueryValue, deviceQueryValue, sliderValuesOf, type LoadedDevice } from './device.js';

export interface ExplorerParams {
  platform: PlatformName;
  /** A_R / A_L */
  chi: number;
  /** Specific capacitance, F/m² (left; both sides unless `separate`). */
  c: number;
  /** Normal-state specific resistance, Ω·m² (left; both sides unless `separate`). */
  r0: number;
  /** Dynes γ = Γ/Δ0 (left; both sides unless `separate`). */
  gamma: number;
  /** Critical temperature, K (left; both sides unless `separate`). */
  Tc: number;
  /** The right reservoir's c, r0, γ and T_c: equal to the left ones unless `separate`. */
  cR: number;
  r0R: number;
  gammaR: number;
  TcR: number;
  /** Left and right junctions set separately. */
  separate: boolean;
  /** Bath (phonon) temperature, K. */
  Tbath: number;
  /** Left temperature for the J_γ and κ_γ panels, K. */
  TL: number;
  /** Input power on the left reservoir, W. */
  Jin: number;
  setup: Setup;
  /** A device from a file (or a link): used instead of the platform's, under the sliders. */
  file?: LoadedDevice;
}

export type NumericKey =
  'chi' | 'c' | 'r0' | 'gamma' | 'Tc' | 'cR' | 'r0R' | 'gammaR' | 'TcR' | 'Tbath' | 'TL' | 'Jin';

/** The parameters whose ranges depend on others (T_L and T_bath on T_c and on each other). */
export type RangeContext = Pick<ExplorerParams, 'Tc'> & Partial<Pick<ExplorerParams, 'TcR' | 'Tbath'>>;

export interface NumericSpec {
  key: NumericKey;
  label: string;
  /** Display unit ('' for dimensionless). */
  unit: string;
  /** Display units per SI unit, an exact integer so that typed values divide to the nearest double. */
  perSI: number;
  /** Slider range in display units; dependent limits (rangeOf) may narrow it. */
  min: number;
  max: number;
  log: boolean;
  /** Slider positions (default SLIDER_STEPS). */
  steps?: number;
  help: string;
  /** Which controls group it belongs to; 'right' controls show only for separate junctions. */
  group: 'device' | 'right' | 'operating';
  /** The rule behind a range that moves with other parameters, stated in the help. */
  rule?: string;
}

/** Display range of a DOMAIN entry. */
const fromDomain = (range: { min: number; max: number }, perSI: number) => ({
  min: Number((range.min * perSI).toPrecision(12)),
  max: Number((range.max * perSI).toPrecision(12)),
});

const junctionSpecs = (side: '' | 'R'): NumericSpec[] => {
  const group = side === '' ? 'device' : 'right';
  const which = side === '' ? '' : ' (right)';
  return [
    {
      key: `c${side}`,
      label: `c${which}`,
      unit: 'fF/µm²',
      perSI: 1e3, // 1 F/m² = 1000 fF/µm²
      ...fromDomain(DOMAIN.c, 1e3),
      max: 1000, // the domain goes to 50 000 fF/µm²; the slider covers real junctions
      log: true,
      help: 'specific junction capacitance',
      group,
    },
    {
      key: `r0${side}`,
      label: `r₀${which}`,
      unit: 'Ω·µm²',
      perSI: 1e12, // 1 Ω·m² = 1e12 Ω·µm²
      ...fromDomain(DOMAIN.r0, 1e12),
      log: true,
      help: 'normal-state specific resistance R₀·A',
      group,
    },
    {
      key: `gamma${side}`,
      label: `γ = Γ/Δ₀${which}`,
      unit: '',
      perSI: 1,
      ...fromDomain(DOMAIN.gamma, 1),
      log: true,
      // 20 per decade: each new γ costs the library a fresh R/R0 tabulation, so a drag should revisit values.
      steps: 100,
      help: 'Dynes parameter',
      group,
    },
    {
      key: `Tc${side}`,
      label: `T_c${which}`,
      unit: 'K',
      perSI: 1,
      min: 0.1, // T_bath (at least 1 mK) stays at most 0.1·T_c
      max: DOMAIN.Tc.max,
      log: false,
      help: 'critical temperature',
      group,
    },
  ] as NumericSpec[];
};

/** Every numeric control, in page order. Ranges are in display units. */
export const NUMERIC_SPECS: readonly NumericSpec[] = [
  {
    key: 'chi',
    label: 'χ = A_R/A_L',
    unit: '',
    perSI: 1,
    min: 0.1, // the domain is 0.01–100; the slider covers the paper's 0.5–10 with room
    max: 20,
    log: true,
    help: 'junction area ratio',
    group: 'device',
  },
  ...junctionSpecs(''),
  ...junctionSpecs('R'),
  {
    key: 'Tbath',
    label: 'T_bath',
    unit: 'mK',
    perSI: 1e3,
    min: 1,
    max: 100,
    log: false,
    help: 'bath (phonon) temperature',
    group: 'operating',
    rule: `at least ${MIN_REDUCED_TEMPERATURE}·T_c (the model’s domain) and at most 0.1·T_c`,
  },
  {
    key: 'TL',
    label: 'T_L',
    unit: 'mK',
    perSI: 1e3,
    min: 2,
    max: 10000,
    log: false,
    help: 'left temperature for the J_γ and κ_γ panels',
    group: 'operating',
    rule: 'from 2·T_bath to 0.98·T_c (the model needs superconducting junctions)',
  },
  {
    key: 'Jin',
    label: 'J_in',
    unit: 'fW',
    perSI: 1e15,
    min: 0.1,
    max: 1e4, // the domain allows up to 1 µW; ~10 pW already drives the paper's reservoirs to T_c (1 pW to ~0.8 K)
    log: true,
    help: 'input power on the left',
    group: 'operating',
  },
];

/** The right-side keys and the left keys they mirror unless the junctions are separate. */
export const RIGHT_OF = { c: 'cR', r0: 'r0R', gamma: 'gammaR', Tc: 'TcR' } as const;

/** The paper's device (docs/model.md §5) with T_L = 500 mK and J_in = 100 fW (Ag, Fig. 3). */
export const DEFAULT_PARAMS: ExplorerParams = {
  platform: 'ag',
  chi: PAPER_DEFAULTS.chi,
  c: PAPER_DEFAULTS.c,
  r0: PAPER_DEFAULTS.r0,
  gamma: PAPER_DEFAULTS.gamma,
  Tc: PAPER_DEFAULTS.Tc,
  cR: PAPER_DEFAULTS.c,
  r0R: PAPER_DEFAULTS.r0,
  gammaR: PAPER_DEFAULTS.gamma,
  TcR: PAPER_DEFAULTS.Tc,
  separate: false,
  Tbath: PAPER_DEFAULTS.Tbath,
  TL: 0.5,
  Jin: 100 / 1e15,
  setup: 1,
};

/** A control's name in messages, its label without its definition: 'γ (right)', 'χ', 'T_L'. */
export function controlName(spec: NumericSpec): string {
  return spec.label.replace(/ = [^(]*?(?= \(|$)/, '');
}

export function specOf(key: NumericKey): NumericSpec {
  const spec = NUMERIC_SPECS.find((s) => s.key === key);
  if (spec === undefined) throw new Error(`no control ${key}`);
  return spec;
}

/** Right = left for the junction parameters unless they are set separately. */
export function linked(p: ExplorerParams): ExplorerParams {
  if (p.separate) return p;
  return { ...p, cR: p.c, r0R: p.r0, gammaR: p.gamma, TcR: p.Tc };
}

/** The right junction's own values, kept while the sides are linked, with the device they belong to. */
export interface KeptRight {
  values: Pick<ExplorerParams, 'cR' | 'r0R' | 'gammaR' | 'TcR'>;
  /** The platform or device file they were set on (another one's right junction is not brought back). */
  device: ExplorerParams['platform'] | LoadedDevice;
}

const deviceOf = (p: ExplorerParams): KeptRight['device'] => p.file ?? p.platform;

/**
 * The sides switched to `separate`: linking them keeps the right junction's own values (returned as
 * `kept`), and separating them again on the same device brings those back, so a look at the symmetric
 * device loses nothing.
 */
export function withSides(
  p: ExplorerParams,
  separate: boolean,
  kept: KeptRight | undefined,
): { params: ExplorerParams; kept: KeptRight | undefined } {
  if (separate === p.separate) return { params: p, kept };
  if (!separate) {
    const { cR, r0R, gammaR, TcR } = p;
    return {
      params: linked({ ...p, separate }),
      kept: { values: { cR, r0R, gammaR, TcR }, device: deviceOf(p) },
    };
  }
  const own = kept !== undefined && kept.device === deviceOf(p) ? kept.values : {};
  return { params: { ...p, separate, ...own }, kept: undefined };
}

const lowerTc = (p: RangeContext): number => Math.min(p.Tc, p.TcR ?? p.Tc);
const higherTc = (p: RangeContext): number => Math.max(p.Tc, p.TcR ?? p.Tc);

/** T_L must stay below T_c (the model applies only there): the upper end of its range in K. */
export function maxTL(Tc: number): number {
  return 0.98 * Tc;
}

/** The SI range of a control, given the other parameters (T_L and T_bath depend on T_c). */
export function rangeOf(key: NumericKey, params: RangeContext): { min: number; max: number } {
  const spec = specOf(key);
  // The ends in SI without binary noise from the division (0.1 fW is 1e-16 W, not 1.0000000000000001e-16).
  let min = Number((spec.min / spec.perSI).toPrecision(15));
  let max = Number((spec.max / spec.perSI).toPrecision(15));
  if (key === 'TL') {
    min = Math.max(min, 2 * (params.Tbath ?? DEFAULT_PARAMS.Tbath));
    max = Math.min(max, maxTL(lowerTc(params)));
  } else if (key === 'Tbath') {
    min = Math.max(min, MIN_REDUCED_TEMPERATURE * higherTc(params));
    max = Math.max(min, Math.min(max, 0.1 * lowerTc(params)));
  }
  return { min, max };
}

/** The help line of a control: what it sets and the range it accepts now, in its display unit. */
export function helpText(key: NumericKey, params: RangeContext): string {
  const spec = specOf(key);
  const { min, max } = rangeOf(key, params);
  const unit = spec.unit === '' ? '' : ` ${spec.unit}`;
  const range = `${fmt(min * spec.perSI)}–${fmt(max * spec.perSI)}${unit}`;
  return `${spec.help}; ${spec.log ? 'log scale, ' : ''}${range}${spec.rule ? ` (${spec.rule})` : ''}`;
}

/** Slider position (0…stepsOf(key)) ↔ SI value; log controls move in equal ratios. */
export const SLIDER_STEPS = 1000;

export function stepsOf(key: NumericKey): number {
  return specOf(key).steps ?? SLIDER_STEPS;
}

export function toSlider(key: NumericKey, value: number, params: RangeContext): number {
  const { min, max } = rangeOf(key, params);
  if (max <= min) return 0;
  const f = specOf(key).log ? Math.log(value / min) / Math.log(max / min) : (value - min) / (max - min);
  return Math.round(Math.min(1, Math.max(0, f)) * stepsOf(key));
}

/**
 * The value at a slider position, rounded to the 4 significant digits the text box and the URL
 * show, so that what is drawn is exactly what a shared link reproduces.
 */
export function fromSlider(key: NumericKey, position: number, params: RangeContext): number {
  const { min, max } = rangeOf(key, params);
  const f = Math.min(1, Math.max(0, position / stepsOf(key)));
  const raw = specOf(key).log ? min * (max / min) ** f : min + f * (max - min);
  const perSI = specOf(key).perSI;
  const rounded = Number((raw * perSI).toPrecision(4)) / perSI;
  return Math.min(max, Math.max(min, rounded));
}

/**
 * Keep T_bath and T_L inside the ranges a new T_c (or T_bath) leaves them; the names of the
 * parameters that moved.
 */
export function clampDependent(p: ExplorerParams): { params: ExplorerParams; moved: NumericKey[] } {
  const moved: NumericKey[] = [];
  let out = p;
  for (const key of ['Tbath', 'TL'] as const) {
    const { min, max } = rangeOf(key, out);
    const v = Math.min(max, Math.max(min, out[key]));
    if (v !== out[key]) {
      out = { ...out, [key]: v };
      moved.push(key);
    }
  }
  return { params: out, moved };
}

/** What a user is told when a change moved T_bath or T_L to keep them in range (e.g. T_c lowered). */
export function movedNotes(
  before: ExplorerParams,
  after: ExplorerParams,
  moved: readonly NumericKey[],
): string[] {
  return moved.map((key) => {
    const spec = specOf(key);
    const unit = spec.unit === '' ? '' : ` ${spec.unit}`;
    return (
      `${spec.label} moved from ${formatDisplay(key, before[key])} to ${formatDisplay(key, after[key])}${unit}` +
      (spec.rule ? `: ${spec.rule}` : '')
    );
  });
}

/** A display-unit number for inputs and URLs: at least 4 significant digits, no trailing zeros. */
export function formatDisplay(key: NumericKey, value: number): string {
  const { perSI } = specOf(key);
  const v = value * perSI;
  // The fewest digits, from 4, that read back (parseDisplay) as the value itself: a slider's values
  // (rounded to 4 digits) show 4, a typed one every digit typed (up to 12), so the box and the URL
  // hold what is computed. A value with no short form (a clamp's product, 5.000000000000001) shows 4.
  for (let digits = 4; digits <= 12; digits++) {
    const text = String(Number(v.toPrecision(digits)));
    if (Number(text) / perSI === value) return text;
  }
  return String(Number(v.toPrecision(4)));
}

// A plain decimal number; anything else (hex, Infinity, expressions, units) is refused.
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A display-unit string → SI, or an explanation of why it is refused. Out-of-range values are clamped. */
export function parseDisplay(
  key: NumericKey,
  text: string,
  params: RangeContext,
  /** How messages name the value: the URL key by default, a control's label where one was typed. */
  name: string = key,
): { value: number; note?: string } | { error: string } {
  const spec = specOf(key);
  const trimmed = text.trim();
  const unit = spec.unit === '' ? '' : ` ${spec.unit}`;
  const { min, max } = rangeOf(key, params);
  const range = `from ${fmt(min * spec.perSI)} to ${fmt(max * spec.perSI)}${unit}`;
  if (!NUMBER.test(trimmed)) return { error: `${name}: invalid value '${text}': a number ${range}` };
  const si = Number(trimmed) / spec.perSI;
  if (!Number.isFinite(si)) return { error: `${name}: invalid value '${text}': a number ${range}` };
  if (si < min || si > max) {
    const value = Math.min(max, Math.max(min, si));
    return {
      value,
      note: `${name}: '${text}' is not ${range}; using ${formatDisplay(key, value)}${unit}`,
    };
  }
  return { value: si };
}

function fmt(x: number): string {
  return String(Number(x.toPrecision(4)));
}

export const URL_KEYS = ['platform', 'device', 'setup', 'sides', ...NUMERIC_SPECS.map((s) => s.key)] as const;

/**
 * The view as a query string (display units, so a shared link is readable). A loaded device goes in
 * whole, as its device-file document, so the link reproduces it without the file. The right side's
 * junction parameters appear only with `sides=separate`.
 */
export function toQuery(params: ExplorerParams): string {
  const q = new URLSearchParams();
  if (params.file !== undefined) q.set('device', deviceQueryValue(params.file));
  else q.set('platform', params.platform);
  q.set('setup', String(params.setup));
  if (params.separate) q.set('sides', 'separate');
  // With a device, a slider still at the device's own value is left out: the device carries it
  // exactly (χ = A_R/A_L, say, need not survive 4 digits).
  const own: Partial<Record<NumericKey, number>> = params.file ? sliderValuesOf(params.file.device) : {};
  for (const spec of NUMERIC_SPECS) {
    if (spec.group === 'right' && !params.separate) continue;
    if (params[spec.key] !== own[spec.key]) q.set(spec.key, formatDisplay(spec.key, params[spec.key]));
  }
  return q.toString();
}

/**
 * A view from a query string. Unknown keys are ignored; bad values fall back to the default and
 * out-of-range ones are clamped, each with a note for the page to show. Nothing is evaluated.
 */
export function fromQuery(query: string): { params: ExplorerParams; notes: string[] } {
  const q = new URLSearchParams(query);
  let params: ExplorerParams = { ...DEFAULT_PARAMS };
  const notes: string[] = [];
  const platform = q.get('platform');
  if (platform !== null) {
    if (platform === 'ag' || platform === 'inas') params.platform = platform;
    else notes.push(`platform: invalid value '${platform}': ag or inas`);
  }
  const device = q.get('device');
  if (device !== null) {
    const loaded = deviceFromQueryValue(device);
    if ('error' in loaded) notes.push(loaded.error);
    else Object.assign(params, { file: loaded }, sliderValuesOf(loaded.device));
  }
  const setup = q.get('setup');
  if (setup !== null) {
    if (setup === '1' || setup === '2') params.setup = setup === '1' ? 1 : 2;
    else notes.push(`setup: invalid value '${setup}': 1 or 2`);
  }
  const sides = q.get('sides');
  if (sides !== null) {
    if (sides === 'separate' || sides === 'both') params.separate = sides === 'separate';
    else notes.push(`sides: invalid value '${sides}': separate or both`);
  }
  // T_c first: the ranges of T_bath and T_L depend on it, and T_L's on T_bath.
  const first: NumericKey[] = ['Tc', 'TcR', 'Tbath'];
  const order = [...first, ...NUMERIC_SPECS.map((s) => s.key).filter((k) => !first.includes(k))];
  for (const key of order) {
    if (specOf(key).group === 'right' && !params.separate) {
      if (q.get(key) !== null) notes.push(`${key}: ignored without sides=separate`);
      continue;
    }
    const text = q.get(key);
    if (text === null) continue;
    const parsed = parseDisplay(key, text, linked(params));
    if ('error' in parsed) {
      notes.push(parsed.error);
      continue;
    }
    params[key] = parsed.value;
    if (parsed.note !== undefined) notes.push(parsed.note);
  }
  params = linked(params);
  const clamped = clampDependent(params);
  params = clamped.params;
  for (const key of clamped.moved) {
    if (q.get(key) === null) {
      const { min, max } = rangeOf(key, params);
      const spec = specOf(key);
      const unit = spec.unit === '' ? '' : ` ${spec.unit}`;
      notes.push(
        `${key}: the default, ${formatDisplay(key, DEFAULT_PARAMS[key])}${unit}, is not from ` +
          `${fmt(min * spec.perSI)} to ${fmt(max * spec.perSI)}${unit} here; using ${formatDisplay(key, params[key])}${unit}`,
      );
    }
  }
  return { params, notes };
}
