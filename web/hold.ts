/**
 * Held curve sets: a snapshot of every panel for one set of parameters, drawn faded and dashed
 * beside the live curves so that parameter sets can be compared; each is labelled by what differs
 * from the parameters shown now.
 */
import type { HeldCurves } from './chart.js';
import { formatDisplay, NUMERIC_SPECS, type ExplorerParams, type NumericKey } from './params.js';
import { charts } from './panels.js';
import { state, view } from './state.js';

/** How many sets can be held at once; holding one more drops the oldest. */
export const MAX_HELD = 3;
/** One dash pattern per held slot (CSS px), distinct from the live curves' solid lines. */
const DASHES = [
  [8, 4],
  [2, 3],
  [12, 3, 3, 3],
];

const SYMBOL: Record<NumericKey, string> = {
  chi: 'χ',
  c: 'c',
  r0: 'r₀',
  gamma: 'γ',
  Tc: 'T_c',
  cR: 'c_R',
  r0R: 'r₀,R',
  gammaR: 'γ_R',
  TcR: 'T_c,R',
  Tbath: 'T_bath',
  TL: 'T_L',
  Jin: 'J_in',
};

export interface HeldSet {
  /** 1, 2, 3, … in the order they were held. */
  number: number;
  params: ExplorerParams;
  /** Each panel's plotted arrays when it was held. */
  data: Record<string, (number | null)[][]>;
}

const held: HeldSet[] = [];
let count = 0;

export function heldSets(): readonly HeldSet[] {
  return held;
}

const deviceName = (p: ExplorerParams): string => (p.file === undefined ? p.platform : `file ${p.file.name}`);

/** "χ = 5 mK, γ = 0.001": the parameters of `p` that differ from `now`, in display units. */
export function differences(p: ExplorerParams, now: ExplorerParams): string {
  const parts: string[] = [];
  if (deviceName(p) !== deviceName(now)) parts.push(deviceName(p));
  if (p.setup !== now.setup) parts.push(`setup ${p.setup}`);
  for (const spec of NUMERIC_SPECS) {
    if (spec.group === 'right' && !p.separate && !now.separate) continue;
    if (formatDisplay(spec.key, p[spec.key]) === formatDisplay(spec.key, now[spec.key])) continue;
    const unit = spec.unit === '' ? '' : ` ${spec.unit}`;
    parts.push(`${SYMBOL[spec.key]} = ${formatDisplay(spec.key, p[spec.key])}${unit}`);
  }
  return parts.length === 0 ? 'same parameters' : parts.join(', ');
}

export const heldLabel = (set: HeldSet): string =>
  `held ${set.number}: ${differences(set.params, view.params)}`;

/** Redraw the held sets on every panel, labelled against the current parameters. */
export function refreshHeld(): void {
  for (const [id, chart] of Object.entries(charts)) {
    const sets: HeldCurves[] = held.map((set, i) => ({
      label: heldLabel(set),
      dash: DASHES[i % DASHES.length],
      data: set.data[id] ?? [],
    }));
    chart.setHeld(sets);
  }
  state.held = held.map(heldLabel);
}

/** Hold what every panel shows now; returns a note when the oldest set had to go. */
export function holdCurrent(): string | undefined {
  const data: Record<string, (number | null)[][]> = {};
  for (const [id, chart] of Object.entries(charts)) data[id] = chart.plotted();
  held.push({ number: ++count, params: view.params, data });
  let note: string | undefined;
  if (held.length > MAX_HELD) note = `at most ${MAX_HELD} held sets: dropped held ${held.shift()!.number}`;
  refreshHeld();
  return note;
}

export function clearHeld(): void {
  held.length = 0;
  count = 0;
  refreshHeld();
}
