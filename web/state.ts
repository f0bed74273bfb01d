/**
 * The page's state: the parameters being drawn, what was drawn (window.__ndtc, for tests and
 * inspection), the notes line and the URL that carries the view.
 */
import type { AnnotationBox } from './chart.js';
import type { Panel } from './protocol.js';
import { fromQuery, toQuery, type ExplorerParams } from './params.js';

/** Timestamps (performance.now(), ms) of one request, from the control change to each redraw. */
export interface Timing {
  id: number;
  control: string;
  inputAt: number;
  /** When the requests went to the workers (the page's own work on a change ends here). */
  sentAt?: number;
  /** Where J_γ/κ_γ were computed: in the page (R/R₀ tables loaded) or by the fast worker. */
  computedIn?: 'page' | 'worker';
  /** When the J_γ/κ_γ reply arrived (from the page: when computed), and how long the computation took. */
  photonicReplyAt?: number;
  photonicComputeMs?: number;
  photonicDrawnAt?: number;
  balanceCoarseDrawnAt?: number;
  balanceDrawnAt?: number;
}

/** What the page last drew, for tests and for anyone inspecting the page (SI units). */
export interface ExplorerState {
  params: ExplorerParams;
  requestId: number;
  curves: Partial<Record<Panel, { id: number; data: unknown }>>;
  errors: Partial<Record<Panel, string>>;
  timings: Timing[];
  notes: string[];
  /** How often a slow worker stuck in a stale computation was replaced. */
  slowRestarts: number;
  /** The held curve sets' labels, oldest first. */
  held: string[];
  /** The arrays a panel plots now, in its display units: [x, ...series]. */
  plotted(chart: string): (number | null)[][];
  /** The annotation boxes a panel drew last, CSS px relative to its canvas, and the canvas size. */
  annotations(chart: string): { boxes: AnnotationBox[]; width: number; height: number };
}

declare global {
  interface Window {
    __ndtc: ExplorerState;
  }
}

export const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`missing #${id}`);
  return el as T;
};

const initial = fromQuery(location.search);

/** The parameters the controls show; replaced (never mutated) on every change. */
export const view: { params: ExplorerParams } = { params: initial.params };

export const state: ExplorerState = {
  params: initial.params,
  requestId: 0,
  curves: {},
  errors: {},
  timings: [],
  notes: initial.notes,
  slowRestarts: 0,
  held: [],
  plotted: () => [],
  annotations: () => ({ boxes: [], width: 0, height: 0 }),
};
window.__ndtc = state;

export function showNotes(notes: string[]): void {
  state.notes = notes;
  $('notes').textContent = notes.join(' · ');
}

let urlTimer: ReturnType<typeof setTimeout> | undefined;
/** Browsers throttle rapid history updates, so a drag writes the URL once it pauses. */
export function scheduleUrl(): void {
  clearTimeout(urlTimer);
  urlTimer = setTimeout(() => history.replaceState(null, '', `?${toQuery(view.params)}`), 150);
}
