/**
 * The explorer's controls: their ranges and display units, and the URL query string that carries
 * a view. Values are SI inside; each control shows and parses its own display unit.
 */
import { PAPER_DEFAULTS, type PlatformName, type Setup } from '../src/index.js';
import { deviceFromQueryValue, deviceQueryValue, sliderValuesOf, type LoadedDevice } from './device.js';

export interface ExplorerParams {
  platform: PlatformName;
  /** A_R / A_L */
  chi: number;
  /** Specific capacitance, F/m². */
  c: number;
  /** Normal-state specific resistance, Ω·m². */
  r0: number;
  /** Dynes γ = Γ/Δ0. */
  gamma: number;
  /** Critical temperature, K. */
  Tc: number;
  /** Left temperature for the J_γ and κ_γ panels, K. */
  TL: number;
  /** Input power on the left reservoir, W. */
  Jin: number;
  setup: Setup;
  /** A device from a file (or a link): used instead of the platform's, under the sliders. */
  file?: LoadedDevice;
}

export type NumericKey = 'chi' | 'c' | 'r0' | 'gamma' | 'Tc' | 'TL' | 'Jin';

export interface NumericSpec {
  key: NumericKey;
  label: string;
  /** Display unit ('' for dimensionless). */
  unit: string;
  /** Display units per SI unit, an exact integer so that typed values divide to the nearest double. */
  perSI: number;
  /** Range in display units. */
  min: number;
  max: number;
  log: boolean;
  /** Slider positions (default SLIDER_STEPS). */
  steps?: number;
  help: string;
}

/** Every numeric control, in page order. Ranges are in display units. */
export const NUMERIC_SPECS: readonly NumericSpec[] = [
  {
    key: 'chi',
    label: 'χ = A_R/A_L',
    unit: '',
    perSI: 1,
    min: 0.1,
    max: 20,
    log: true,
    help: 'junction area ratio',
  },
  {
    key: 'c',
    label: 'c',
    unit: 'fF/µm²',
    perSI: 1e3, // 1 F/m² = 1000 fF/µm²
    min: 1,
    max: 1000,
    log: true,
    help: 'specific junction capacitance',
  },
  {
    key: 'r0',
    label: 'r₀',
    unit: 'Ω·µm²',
    perSI: 1e12, // 1 Ω·m² = 1e12 Ω·µm²
    min: 0.1,
    max: 1e4,
    log: true,
    help: 'normal-state specific resistance R₀·A',
  },
  {
    key: 'gamma',
    label: 'γ = Γ/Δ₀',
    unit: '',
    perSI: 1,
    min: 1e-6,
    max: 1e-1,
    log: true,
    // 20 per decade: each new γ costs the library a fresh R/R0 tabulation, so a drag should revisit values.
    steps: 100,
    help: 'Dynes parameter',
  },
  {
    key: 'Tc',
    label: 'T_c',
    unit: 'K',
    perSI: 1,
    min: 0.1,
    max: 10,
    log: false,
    help: 'critical temperature',
  },
  {
    key: 'TL',
    label: 'T_L',
    unit: 'mK',
    perSI: 1e3,
    min: 20,
    max: 10000,
    log: false,
    help: 'left temperature for the J_γ and κ_γ panels (below T_c)',
  },
  {
    key: 'Jin',
    label: 'J_in',
    unit: 'fW',
    perSI: 1e15,
    min: 0.1,
    max: 1e4,
    log: true,
    help: 'input power on the left',
  },
];

/** The paper's device (MODEL.md §5) with T_L = 500 mK and J_in = 100 fW (Ag, Fig. 3). */
export const DEFAULT_PARAMS: ExplorerParams = {
  platform: 'ag',
  chi: PAPER_DEFAULTS.chi,
  c: PAPER_DEFAULTS.c,
  r0: PAPER_DEFAULTS.r0,
  gamma: PAPER_DEFAULTS.gamma,
  Tc: PAPER_DEFAULTS.Tc,
  TL: 0.5,
  Jin: 100 / 1e15,
  setup: 1,
};

export function specOf(key: NumericKey): NumericSpec {
  const spec = NUMERIC_SPECS.find((s) => s.key === key);
  if (spec === undefined) throw new Error(`no control ${key}`);
  return spec;
}

/** T_L must stay below T_c (the model applies only there): the upper end of its range in K. */
export function maxTL(Tc: number): number {
  return 0.98 * Tc;
}

/** The SI range of a control, given the other parameters (T_L depends on T_c). */
export function rangeOf(key: NumericKey, params: Pick<ExplorerParams, 'Tc'>): { min: number; max: number } {
  const spec = specOf(key);
  const min = spec.min / spec.perSI;
  const max = key === 'TL' ? Math.min(spec.max / spec.perSI, maxTL(params.Tc)) : spec.max / spec.perSI;
  return { min, max };
}

/** Slider position (0…stepsOf(key)) ↔ SI value; log controls move in equal ratios. */
export const SLIDER_STEPS = 1000;

export function stepsOf(key: NumericKey): number {
  return specOf(key).steps ?? SLIDER_STEPS;
}

export function toSlider(key: NumericKey, value: number, params: Pick<ExplorerParams, 'Tc'>): number {
  const { min, max } = rangeOf(key, params);
  const f = specOf(key).log ? Math.log(value / min) / Math.log(max / min) : (value - min) / (max - min);
  return Math.round(Math.min(1, Math.max(0, f)) * stepsOf(key));
}

/**
 * The value at a slider position, rounded to the 4 significant digits the text box and the URL
 * show, so that what is drawn is exactly what a shared link reproduces.
 */
export function fromSlider(key: NumericKey, position: number, params: Pick<ExplorerParams, 'Tc'>): number {
  const { min, max } = rangeOf(key, params);
  const f = Math.min(1, Math.max(0, position / stepsOf(key)));
  const raw = specOf(key).log ? min * (max / min) ** f : min + f * (max - min);
  const perSI = specOf(key).perSI;
  const rounded = Number((raw * perSI).toPrecision(4)) / perSI;
  return Math.min(max, Math.max(min, rounded));
}

/** A display-unit number for inputs and URLs: 4 significant digits, no trailing zeros. */
export function formatDisplay(key: NumericKey, value: number): string {
  const v = value * specOf(key).perSI;
  return String(Number(v.toPrecision(4)));
}

// A plain decimal number; anything else (hex, Infinity, expressions, units) is refused.
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A display-unit string → SI, or an explanation of why it is refused. Out-of-range values are clamped. */
export function parseDisplay(
  key: NumericKey,
  text: string,
  params: Pick<ExplorerParams, 'Tc'>,
): { value: number; note?: string } | { error: string } {
  const spec = specOf(key);
  const trimmed = text.trim();
  const unit = spec.unit === '' ? '' : ` ${spec.unit}`;
  const { min, max } = rangeOf(key, params);
  const accepted = `a number from ${fmt(min * spec.perSI)} to ${fmt(max * spec.perSI)}${unit}`;
  if (!NUMBER.test(trimmed)) return { error: `${key}: invalid value '${text}': ${accepted}` };
  const si = Number(trimmed) / spec.perSI;
  if (!Number.isFinite(si)) return { error: `${key}: invalid value '${text}': ${accepted}` };
  if (si < min || si > max) {
    const value = Math.min(max, Math.max(min, si));
    return {
      value,
      note: `${key}: '${text}' is outside ${accepted}; using ${formatDisplay(key, value)}${unit}`,
    };
  }
  return { value: si };
}

function fmt(x: number): string {
  return String(Number(x.toPrecision(4)));
}

export const URL_KEYS = ['platform', 'device', 'setup', ...NUMERIC_SPECS.map((s) => s.key)] as const;

/**
 * The view as a query string (display units, so a shared link is readable). A loaded device goes in
 * whole, as its device-file document, so the link reproduces it without the file.
 */
export function toQuery(params: ExplorerParams): string {
  const q = new URLSearchParams();
  if (params.file !== undefined) q.set('device', deviceQueryValue(params.file));
  else q.set('platform', params.platform);
  q.set('setup', String(params.setup));
  // With a device, a slider still at the device's own value is left out: the device carries it
  // exactly (χ = A_R/A_L, say, need not survive 4 digits).
  const own: Partial<Record<NumericKey, number>> = params.file ? sliderValuesOf(params.file.device) : {};
  for (const spec of NUMERIC_SPECS) {
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
  const params: ExplorerParams = { ...DEFAULT_PARAMS };
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
  // Tc first: the range of T_L depends on it.
  const order: NumericKey[] = ['Tc', ...NUMERIC_SPECS.map((s) => s.key).filter((k) => k !== 'Tc')];
  for (const key of order) {
    const text = q.get(key);
    if (text === null) continue;
    const parsed = parseDisplay(key, text, params);
    if ('error' in parsed) {
      notes.push(parsed.error);
      continue;
    }
    params[key] = parsed.value;
    if (parsed.note !== undefined) notes.push(parsed.note);
  }
  if (params.TL > maxTL(params.Tc)) {
    params.TL = maxTL(params.Tc);
    if (q.get('TL') === null)
      notes.push(`TL: the default is above 0.98·T_c; using ${formatDisplay('TL', params.TL)} mK`);
  }
  return { params, notes };
}
