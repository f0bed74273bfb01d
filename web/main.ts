/**
 * The explorer page: controls ↔ URL, requests to the computing worker, and the six panels.
 * Every number drawn comes from the library (src/index.ts) through the worker.
 */
import 'uplot/dist/uPlot.min.css';
import { platformDevice } from '../src/index.js';
import { Chart, download, type Overlays } from './chart.js';
import {
  PROGRESS_MS,
  type BalanceCurves,
  type ComputeReply,
  type ComputeRequest,
  type DropCurve,
  type Panel,
} from './protocol.js';
import type { PhotonicCurves, ResistanceCurve } from './curves.js';
import {
  MAX_DEVICE_FILE_BYTES,
  deviceFromParams,
  loadedNotes,
  parseLoadedDevice,
  savedDeviceText,
  sliderValuesOf,
  type LoadedDevice,
} from './device.js';
import {
  DEFAULT_PARAMS,
  NUMERIC_SPECS,
  formatDisplay,
  fromQuery,
  fromSlider,
  maxTL,
  parseDisplay,
  stepsOf,
  toQuery,
  toSlider,
  type ExplorerParams,
  type NumericKey,
  type NumericSpec,
} from './params.js';

/** Timestamps (performance.now(), ms) of one request, from the control change to each redraw. */
interface Timing {
  id: number;
  control: string;
  inputAt: number;
  /** When the worker's J_γ/κ_γ reply arrived, and how long the worker computed it. */
  photonicReplyAt?: number;
  photonicComputeMs?: number;
  photonicDrawnAt?: number;
  balanceCoarseDrawnAt?: number;
  balanceDrawnAt?: number;
}

/** What the page last drew, for tests and for anyone inspecting the page (SI units). */
interface ExplorerState {
  params: ExplorerParams;
  requestId: number;
  curves: Partial<Record<Panel, { id: number; data: unknown }>>;
  errors: Partial<Record<Panel, string>>;
  timings: Timing[];
  notes: string[];
  /** How often a slow worker stuck in a stale computation was replaced. */
  slowRestarts: number;
  /** The arrays a panel plots now, in its display units: [x, ...series]. */
  plotted(chart: string): (number | null)[][];
}

declare global {
  interface Window {
    __ndtc: ExplorerState;
  }
}

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`missing #${id}`);
  return el as T;
};

const initial = fromQuery(location.search);
let params: ExplorerParams = initial.params;
const state: ExplorerState = {
  params,
  requestId: 0,
  curves: {},
  errors: {},
  timings: [],
  notes: initial.notes,
  slowRestarts: 0,
  plotted: (id) => {
    const chart = Object.values(charts).find((c) => c.spec.id === id);
    return chart === undefined ? [] : chart.plotted();
  },
};
window.__ndtc = state;

// ---- controls ------------------------------------------------------------------------------

interface NumericControl {
  spec: NumericSpec;
  range: HTMLInputElement;
  text: HTMLInputElement;
}

const controls = new Map<NumericKey, NumericControl>();

function unitSuffix(spec: NumericSpec): string {
  return spec.unit === '' ? '' : ` ${spec.unit}`;
}

function buildControl(spec: NumericSpec, parent: HTMLElement): void {
  const wrap = document.createElement('div');
  wrap.className = 'control';
  const label = document.createElement('label');
  label.htmlFor = spec.key;
  label.textContent = spec.unit === '' ? spec.label : `${spec.label} (${spec.unit})`;
  const row = document.createElement('div');
  row.className = 'row';
  const range = document.createElement('input');
  range.type = 'range';
  range.id = spec.key;
  range.name = spec.key;
  range.min = '0';
  range.max = String(stepsOf(spec.key));
  range.step = '1';
  range.setAttribute('aria-describedby', `${spec.key}-help`);
  const textLabel = document.createElement('label');
  textLabel.htmlFor = `${spec.key}-value`;
  textLabel.className = 'sr-only';
  textLabel.textContent = `${spec.label} value${spec.unit === '' ? '' : ` in ${spec.unit}`}`;
  const text = document.createElement('input');
  text.type = 'text';
  text.id = `${spec.key}-value`;
  text.inputMode = 'decimal';
  text.autocomplete = 'off';
  text.spellcheck = false;
  text.size = 8;
  const unit = document.createElement('span');
  unit.className = 'unit';
  unit.textContent = spec.unit;
  unit.setAttribute('aria-hidden', 'true');
  const help = document.createElement('small');
  help.id = `${spec.key}-help`;
  help.textContent = `${spec.help}; ${spec.log ? 'log scale, ' : ''}${spec.min}–${spec.max}${unitSuffix(spec)}`;
  row.append(range, textLabel, text, unit);
  wrap.append(label, row, help);
  parent.append(wrap);

  range.addEventListener('input', (event) => {
    setParam(spec.key, fromSlider(spec.key, Number(range.value), params), 'range');
    requestCompute(spec.key, event.timeStamp);
  });
  text.addEventListener('change', (event) => {
    const parsed = parseDisplay(spec.key, text.value, params);
    if ('error' in parsed) {
      showNotes([parsed.error]);
      syncControl(spec.key);
      return;
    }
    showNotes(parsed.note === undefined ? [] : [parsed.note]);
    setParam(spec.key, parsed.value, 'text');
    requestCompute(spec.key, event.timeStamp);
  });
  controls.set(spec.key, { spec, range, text });
}

for (const spec of NUMERIC_SPECS) {
  const parent = spec.key === 'TL' || spec.key === 'Jin' ? $('numeric-operating') : $('numeric-device');
  buildControl(spec, parent);
}

const platformSelect = $<HTMLSelectElement>('platform');
const setupSelect = $<HTMLSelectElement>('setup');
platformSelect.addEventListener('change', (event) => {
  const platform = platformSelect.value === 'inas' ? 'inas' : 'ag';
  if (params.file !== undefined) {
    // Leaving a device file: the sliders go back to the platform's own values.
    params = { ...params, ...sliderValuesOf(platformDevice(platform)), platform, file: undefined };
    clampTL();
    syncAll();
    showNotes([]);
  } else {
    params = { ...params, platform };
  }
  requestCompute('platform', event.timeStamp);
});

const deviceInput = $<HTMLInputElement>('device-file');
deviceInput.addEventListener('change', (event) => {
  const file = deviceInput.files?.[0];
  deviceInput.value = ''; // choosing the same file again is a new change
  if (file === undefined) return;
  if (file.size > MAX_DEVICE_FILE_BYTES) {
    showNotes([
      `${file.name}: ${file.size} bytes is not a device file (at most ${MAX_DEVICE_FILE_BYTES} bytes)`,
    ]);
    return;
  }
  file.text().then(
    (text) => loadDevice(text, file.name, event.timeStamp),
    (error: unknown) => showNotes([`${file.name}: not readable (${String(error)})`]),
  );
});

/** Parse a device file's text and show its device; a bad file leaves the view as it was. */
function loadDevice(text: string, name: string, inputAt: number): void {
  let loaded: LoadedDevice;
  try {
    loaded = parseLoadedDevice(text, name);
  } catch (error) {
    showNotes([error instanceof Error ? error.message : String(error)]);
    return;
  }
  params = { ...params, ...sliderValuesOf(loaded.device), file: loaded };
  clampTL();
  syncAll();
  showNotes(loadedNotes(loaded));
  requestCompute('device-file', inputAt);
}

function clampTL(): void {
  if (params.TL > maxTL(params.Tc)) params = { ...params, TL: maxTL(params.Tc) };
}
setupSelect.addEventListener('change', (event) => {
  params = { ...params, setup: setupSelect.value === '2' ? 2 : 1 };
  requestCompute('setup', event.timeStamp);
});
$('controls').addEventListener('submit', (event) => event.preventDefault());

/** Set one parameter; a new T_c moves the upper end of the T_L range, so T_L may be clamped. */
function setParam(key: NumericKey, value: number, from: 'range' | 'text'): void {
  params = { ...params, [key]: value };
  if (key === 'Tc') clampTL();
  for (const k of controls.keys()) {
    // Leave the slider the user is dragging alone: re-deriving its position would make it jump.
    if (k === key && from === 'range') syncText(k);
    else syncControl(k);
  }
}

function syncText(key: NumericKey): void {
  const c = controls.get(key);
  if (c === undefined) return;
  c.text.value = formatDisplay(key, params[key]);
  c.range.setAttribute('aria-valuetext', `${c.text.value}${unitSuffix(c.spec)}`);
}

function syncControl(key: NumericKey): void {
  const c = controls.get(key);
  if (c === undefined) return;
  c.range.value = String(toSlider(key, params[key], params));
  syncText(key);
}

function syncAll(): void {
  for (const k of controls.keys()) syncControl(k);
  const fileOption = $<HTMLOptionElement>('platform-file');
  fileOption.disabled = params.file === undefined;
  fileOption.textContent = params.file === undefined ? 'device file' : `file: ${params.file.name}`;
  platformSelect.value = params.file === undefined ? params.platform : 'file';
  setupSelect.value = String(params.setup);
}

function showNotes(notes: string[]): void {
  state.notes = notes;
  $('notes').textContent = notes.join(' · ');
}

// ---- URL -----------------------------------------------------------------------------------

let urlTimer: ReturnType<typeof setTimeout> | undefined;
/** Browsers throttle rapid history updates, so a drag writes the URL once it pauses. */
function scheduleUrl(): void {
  clearTimeout(urlTimer);
  urlTimer = setTimeout(() => history.replaceState(null, '', `?${toQuery(params)}`), 150);
}

// ---- charts --------------------------------------------------------------------------------

const chartsRoot = $('charts');
const charts = {
  resistance: new Chart(
    {
      id: 'resistance',
      title: 'Zero-bias NIS resistance R/R₀ vs T',
      x: { label: 'T (K)' },
      y: { label: 'R/R₀', log: true },
      series: [{ label: 'R/R₀', color: '#1f77b4' }],
    },
    chartsRoot,
  ),
  photonic: new Chart(
    {
      id: 'photonic',
      title: 'Photonic heat current J_γ vs T_R at fixed T_L',
      x: { label: 'T_R (mK)' },
      y: { label: 'J_γ (fW)' },
      series: [{ label: 'J_γ (fW)', color: '#d62728' }],
    },
    chartsRoot,
  ),
  conductance: new Chart(
    {
      id: 'conductance',
      title: 'Differential thermal conductance κ_γ = −∂J_γ/∂T_R',
      x: { label: 'T_R (mK)' },
      y: { label: 'κ_γ (pW/K)' },
      series: [{ label: 'κ_γ (pW/K)', color: '#9467bd' }],
      zeroLine: true,
    },
    chartsRoot,
  ),
  temperature: new Chart(
    {
      id: 'temperature',
      title: 'Steady-state T_L vs T_R at fixed J_in',
      x: { label: 'T_R (mK)' },
      y: { label: 'T_L (mK)' },
      series: [
        { label: 'T_L (mK)', color: '#2ca02c' },
        { label: 'T_L unstable (mK)', color: '#7f7f7f', dash: [5, 4] },
        { label: 'T_L upper (mK)', color: '#17becf' },
      ],
    },
    chartsRoot,
  ),
  responsivity: new Chart(
    {
      id: 'responsivity',
      title: 'Responsivity dT_L/dT_R vs T_R',
      x: { label: 'T_R (mK)' },
      y: { label: 'dT_L/dT_R' },
      series: [
        { label: 'dT_L/dT_R', color: '#ff7f0e' },
        { label: 'dT_L/dT_R unstable', color: '#7f7f7f', dash: [5, 4] },
        { label: 'dT_L/dT_R upper', color: '#17becf' },
      ],
      zeroLine: true,
    },
    chartsRoot,
  ),
  drop: new Chart(
    {
      id: 'drop',
      title: 'Temperature drop δT vs J_in',
      x: { label: 'J_in (fW)', log: true },
      y: { label: 'δT (mK)' },
      series: [{ label: 'δT (mK)', color: '#8c564b' }],
    },
    chartsRoot,
  ),
};

const mK = 1e3;
const fW = 1e15;
const sig = (v: number, digits = 3): string => String(Number(v.toPrecision(digits)));

function drawResistance(data: ResistanceCurve): void {
  charts.resistance.update(data.T, [data.ratio]);
  charts.resistance.setStatus(`T from 0.05·T_c to T_c = ${sig(params.Tc)} K, γ = ${sig(params.gamma, 2)}`);
}

function drawPhotonic(data: PhotonicCurves, timing: Timing | undefined): void {
  const TR = data.TR.map((t) => t * mK);
  const shade: Overlays['shade'] = {
    intervals: (data.ndtc ?? []).map((i) => [i.from * mK, i.to * mK]),
    label: 'NDTC (κ_γ < 0)',
  };
  const max = data.maximum;
  const markers =
    max === null
      ? []
      : [{ x: max.TR * mK, y: max.J * fW, label: `max ${sig(max.J * fW)} fW @ ${sig(max.TR * mK)} mK` }];
  charts.photonic.update(TR, [data.J.map((j) => j * fW)], { shade, markers });
  charts.conductance.update(TR, [data.kappa.map((k) => k * 1e12)], { shade });
  if (timing !== undefined)
    charts.conductance.afterNextDraw(() => (timing.photonicDrawnAt = performance.now()));
  const failed = data.featureError === undefined ? '' : `; features not located: ${data.featureError}`;
  const kind = data.featureError === undefined ? 'info' : 'error';
  charts.photonic.setStatus(
    `T_L = ${sig(data.TL * mK)} mK` +
      (max === null ? '' : `; maximum J_γ = ${sig(max.J * fW)} fW at T_R = ${sig(max.TR * mK)} mK`) +
      failed,
    kind,
  );
  const ndtc =
    data.ndtc === null
      ? ''
      : data.ndtc.length === 0
        ? 'no NDTC (κ_γ ≥ 0) in this range'
        : `NDTC (κ_γ < 0, shaded) for T_R in ${data.ndtc.map((i) => `${sig(i.from * mK)}–${sig(i.to * mK)} mK`).join(', ')}`;
  charts.conductance.setStatus(
    data.ndtc === null ? `features not located: ${data.featureError}` : ndtc,
    kind,
  );
}

/** Roots ascending → [lower stable, unstable, upper stable] series slots. */
function rootSlots<T>(values: T[], stable: boolean[]): (T | null)[] {
  if (values.length === 0) return [null, null, null];
  if (values.length === 1) return [values[0], null, null];
  if (values.length === 2) return stable[1] ? [values[0], null, values[1]] : [values[0], values[1], null];
  return [values[0], values[1], values[values.length - 1]];
}

function drawBalance(data: BalanceCurves, timing: Timing | undefined, error: string | undefined): void {
  const TR = data.TR.map((t) => t * mK);
  const TL: (number | null)[][] = [[], [], []];
  const resp: (number | null)[][] = [[], [], []];
  let exceeds = 0;
  let multiple = 0;
  data.points.forEach((p) => {
    const t =
      p === null
        ? [null, null, null]
        : rootSlots(
            p.TL.map((v) => v * mK),
            p.stable,
          );
    const r = p === null ? [null, null, null] : rootSlots(p.dTL_dTR, p.stable);
    for (let k = 0; k < 3; k++) {
      TL[k].push(t[k]);
      resp[k].push(r[k]);
    }
    if (p?.exceedsTc === true) exceeds++;
    if (p !== null && p.TL.length > 1) multiple++;
  });
  // The coarse pass fills every 8th point; draw it as a connected curve until the rest arrives.
  const keep = data.complete ? TR.map(() => true) : data.points.map((p) => p !== null);
  const pick = <T>(a: T[]): T[] => a.filter((_, i) => keep[i]);
  const drop = data.drop;
  const markers =
    drop === null
      ? []
      : [
          {
            x: drop.TRatMin * mK,
            y: drop.TLmin * mK,
            label: `T_L,min = ${sig(drop.TLmin * mK)} mK (δT = ${sig(drop.deltaT * mK)} mK)`,
          },
        ];
  charts.temperature.update(pick(TR), TL.map(pick), { markers });
  charts.responsivity.update(pick(TR), resp.map(pick));
  if (timing !== undefined) {
    charts.temperature.afterNextDraw(() => {
      if (data.complete) timing.balanceDrawnAt = performance.now();
      else timing.balanceCoarseDrawnAt ??= performance.now();
    });
  }
  const parts = [`J_in = ${sig(data.Jin * fW)} fW, setup ${data.setup}`];
  if (!data.complete) parts.push('refining…');
  if (drop !== null) parts.push(`δT = ${sig(drop.deltaT * mK)} mK`);
  if (multiple > 0) parts.push(`bistable at ${multiple} T_R values`);
  if (exceeds > 0) parts.push(`T_L would reach T_c at ${exceeds} T_R values (outside the model, left blank)`);
  const text = parts.join('; ');
  charts.temperature.setStatus(
    error === undefined ? text : `${text}. ${error}`,
    error === undefined ? 'info' : 'error',
  );
  charts.responsivity.setStatus(
    'negative responsivity is the NDTC signature' + (multiple > 0 ? '; dashed: unstable root' : ''),
  );
}

function drawDrop(data: DropCurve, error: string | undefined): void {
  const x: number[] = [];
  const y: (number | null)[] = [];
  for (const p of data.points) {
    if (p === null) continue;
    x.push(p.Jin * fW);
    y.push(p.deltaT * mK);
  }
  charts.drop.update(x, [y], { vline: { x: params.Jin * fW, label: 'J_in' } });
  const text = `setup ${data.setup}; δT = T_L(T_R = T_bath) − min over T_R up to 2/3·T_c of T_L`;
  charts.drop.setStatus(
    error === undefined ? text : `${text}. ${error}`,
    error === undefined ? 'info' : 'error',
  );
}

// ---- worker --------------------------------------------------------------------------------

const timings = new Map<number, Timing>();

function onReply(event: MessageEvent<ComputeReply>): void {
  const reply = event.data;
  if (reply.panel === 'balance' || reply.panel === 'drop') {
    slow.lastMessageAt = performance.now();
    slow.workingOn = reply.id;
    if (reply.panel === 'drop' && !('progress' in reply) && reply.id === slow.latest?.id)
      slow.latest = undefined;
  }
  // Only the newest request is drawn: a reply to an older one is stale.
  if (reply.id !== state.requestId) return;
  const timing = timings.get(reply.id);
  if ('progress' in reply) {
    const chart = reply.panel === 'balance' ? charts.temperature : charts.drop;
    const what = reply.panel === 'balance' ? 'T_R points' : 'J_in points';
    const why = reply.directPhonon
      ? ` — slow: J_ph,S has no table for γ = ${sig(params.gamma, 4)} (tables cover γ from ${reply.directPhonon.tabulatedRange.join(' to ')}), so each solve integrates it directly, about a minute per point`
      : '';
    chart.setStatus(`computing… ${reply.progress} of ${reply.total} ${what}${why}`);
    return;
  }
  if (!('data' in reply)) {
    state.errors[reply.panel] = reply.error;
    const targets: Record<Panel, Chart[]> = {
      resistance: [charts.resistance],
      photonic: [charts.photonic, charts.conductance],
      balance: [charts.temperature, charts.responsivity],
      drop: [charts.drop],
    };
    for (const chart of targets[reply.panel]) chart.setStatus(`cannot compute: ${reply.error}`, 'error');
    return;
  }
  delete state.errors[reply.panel];
  state.curves[reply.panel] = { id: reply.id, data: reply.data };
  switch (reply.panel) {
    case 'resistance':
      drawResistance(reply.data);
      break;
    case 'photonic':
      if (timing !== undefined) {
        timing.photonicReplyAt = performance.now();
        timing.photonicComputeMs = reply.computeMs;
      }
      drawPhotonic(reply.data, timing);
      break;
    case 'balance':
      drawBalance(reply.data, timing, reply.error);
      break;
    case 'drop':
      drawDrop(reply.data, reply.error);
      break;
  }
}

function startWorker(): Worker {
  const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  w.addEventListener('message', onReply);
  w.addEventListener('error', (event) => showNotes([`a computing worker failed: ${event.message}`]));
  return w;
}

const fast = startWorker();

/**
 * The slow worker and what it is doing. Inside one long library call (for some parameters a single
 * solve takes minutes) it cannot see a newer request until the call returns, so a worker that has
 * been silent for a while on a request whose inputs are no longer wanted is replaced.
 */
const slow = {
  worker: startWorker(),
  /** The newest request sent, and its inputs; undefined once its last panel has arrived. */
  latest: undefined as ComputeRequest | undefined,
  /** The request the worker last spoke about, and when. */
  workingOn: 0,
  lastMessageAt: 0,
  keys: new Map<number, string>(),
};

/** The slow panels depend on everything but T_L. */
const slowKey = (p: ExplorerParams): string => JSON.stringify({ ...p, TL: undefined });

function superviseSlowWorker(): void {
  const latest = slow.latest;
  if (latest === undefined) return;
  const stale = slow.keys.get(slow.workingOn) !== slowKey(latest.params);
  if (stale && performance.now() - slow.lastMessageAt > 2 * PROGRESS_MS) {
    slow.worker.terminate();
    slow.worker = startWorker();
    slow.lastMessageAt = performance.now();
    slow.workingOn = latest.id;
    slow.worker.postMessage(latest);
    state.slowRestarts++;
  }
}
setInterval(superviseSlowWorker, PROGRESS_MS);

function requestCompute(control: string, inputAt: number = performance.now()): void {
  state.requestId++;
  state.params = params;
  const id = state.requestId;
  const timing: Timing = { id, control, inputAt };
  timings.set(id, timing);
  state.timings.push(timing);
  if (state.timings.length > 200) state.timings.shift();
  fast.postMessage({ id, role: 'fast', params } satisfies ComputeRequest);

  const request: ComputeRequest = { id, role: 'slow', params };
  const key = slowKey(params);
  if (slow.latest === undefined) {
    // An idle worker starts at once: count its silence from now.
    slow.lastMessageAt = performance.now();
    slow.workingOn = id;
  }
  if (slow.latest === undefined || slowKey(slow.latest.params) !== key) {
    charts.temperature.setStatus('computing…');
    charts.drop.setStatus('computing…');
  }
  slow.keys.set(id, key);
  for (const old of slow.keys.keys()) if (old < slow.workingOn) slow.keys.delete(old);
  slow.latest = request;
  slow.worker.postMessage(request);
  superviseSlowWorker();
  scheduleUrl();
}

// ---- export --------------------------------------------------------------------------------

$('export-csv').addEventListener('click', () => {
  const header = `# ndtc explorer curves; view: ?${toQuery(params)}\n`;
  const body = Object.values(charts)
    .map((c) => c.csv())
    .join('\n');
  download('ndtc-curves.csv', new Blob([header + body], { type: 'text/csv' }));
});

$('export-png').addEventListener('click', () => {
  exportPng().then(
    (blob) => download('ndtc-view.png', blob),
    (error: unknown) => showNotes([`PNG export failed: ${String(error)}`]),
  );
});

/** All six panels, their titles and legends, on one canvas with the view's parameters. */
function exportPng(): Promise<Blob> {
  const list = Object.values(charts);
  const dpr = devicePixelRatio || 1;
  const cellW = Math.max(...list.map((c) => c.canvas.width));
  const cellH = Math.max(...list.map((c) => c.canvas.height)) + 56 * dpr;
  const cols = 2;
  const header = 40 * dpr;
  const canvas = document.createElement('canvas');
  canvas.width = cols * cellW;
  canvas.height = header + Math.ceil(list.length / cols) * cellH;
  const ctx = canvas.getContext('2d');
  if (ctx === null) return Promise.reject(new Error('no 2D canvas'));
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#111';
  ctx.font = `${13 * dpr}px sans-serif`;
  ctx.fillText(`ndtc explorer — ${describe(params)}`, 10 * dpr, 24 * dpr);
  list.forEach((chart, i) => {
    const x = (i % cols) * cellW;
    const y = header + Math.floor(i / cols) * cellH;
    ctx.fillStyle = '#111';
    ctx.font = `bold ${13 * dpr}px sans-serif`;
    ctx.fillText(chart.spec.title, x + 10 * dpr, y + 16 * dpr);
    ctx.drawImage(chart.canvas, x, y + 24 * dpr);
    let lx = x + 10 * dpr;
    const ly = y + 24 * dpr + chart.canvas.height + 18 * dpr;
    ctx.font = `${12 * dpr}px sans-serif`;
    for (const entry of chart.legendEntries()) {
      ctx.fillStyle = entry.color;
      ctx.fillRect(lx, ly - 8 * dpr, 14 * dpr, 8 * dpr);
      ctx.fillStyle = '#111';
      ctx.fillText(entry.label, lx + 18 * dpr, ly);
      lx += 18 * dpr + ctx.measureText(entry.label).width + 16 * dpr;
    }
  });
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob === null ? reject(new Error('empty image')) : resolve(blob)), 'image/png'),
  );
}

function describe(p: ExplorerParams): string {
  const unit = (key: NumericKey) => {
    const s = NUMERIC_SPECS.find((n) => n.key === key);
    return s === undefined || s.unit === '' ? '' : ` ${s.unit}`;
  };
  const values = NUMERIC_SPECS.map((s) => `${s.key} = ${formatDisplay(s.key, p[s.key])}${unit(s.key)}`);
  const device = p.file === undefined ? `platform ${p.platform}` : `device file ${p.file.name}`;
  return [device, `setup ${p.setup}`, ...values].join(', ');
}

$('copy-link').addEventListener('click', () => {
  const link = `${location.origin}${location.pathname}?${toQuery(params)}`;
  navigator.clipboard.writeText(link).then(
    () => showNotes(['link copied']),
    () => showNotes([link]),
  );
});

$('save-device').addEventListener('click', () => {
  const name = (params.file?.name ?? `ndtc-${params.platform}`).replace(/\.(ya?ml|json)$/i, '');
  const text = savedDeviceText(deviceFromParams(params), name, toQuery(params));
  download(`${name}.yaml`, new Blob([text], { type: 'application/yaml' }));
});

$('reset').addEventListener('click', (event) => {
  params = { ...DEFAULT_PARAMS };
  syncAll();
  showNotes([]);
  requestCompute('reset', event.timeStamp);
});

// ---- start ---------------------------------------------------------------------------------

syncAll();
showNotes(initial.notes);
requestCompute('load');
