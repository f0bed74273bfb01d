/**
 * The computing workers (fast: R/R₀, J_γ, κ_γ; slow: the heat balance and δT; dynamics: T_L(t) and
 * the diode/transistor readout), the requests sent to them and their replies drawn into the panels.
 * The fast panels are computed in the page itself whenever their R/R₀ tables are loaded.
 */
import { hasResistanceTable, loadResistanceGrid } from '../src/index.js';
import type { Chart } from './chart.js';
import { photonicCurves, resistanceCurve } from './curves.js';
import { deviceFromParams } from './device.js';
import type { ExplorerParams } from './params.js';
import {
  charts,
  clearReadout,
  drawBalance,
  drawDrop,
  drawDynamics,
  drawPhotonic,
  drawResistance,
  sig,
} from './panels.js';
import { PROGRESS_MS, type ComputeReply, type ComputeRequest, type Panel } from './protocol.js';
import { scheduleUrl, showNotes, state, view, type Timing } from './state.js';

const timings = new Map<number, Timing>();

function onReply(event: MessageEvent<ComputeReply>): void {
  accept(event.data);
}

/** A reply, from a worker or from the page's own computation, drawn if it is for the newest request. */
function accept(reply: ComputeReply): void {
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
      ? ` — slow: J_ph,S has no table for γ = ${sig(view.params.gamma, 4)} (tables cover γ from ${reply.directPhonon.tabulatedRange.join(' to ')}), so each solve integrates it directly, about a minute per point`
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
      dynamics: [charts.dynamics],
    };
    for (const chart of targets[reply.panel]) chart.setStatus(`cannot compute: ${reply.error}`, 'error');
    if (reply.panel === 'dynamics') clearReadout();
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
    case 'dynamics':
      drawDynamics(reply.data);
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

/** The page's last fast curves and their inputs, reused when only other panels' inputs changed. */
const pageCache = {
  photonic: { key: '', data: undefined as unknown },
  resistance: { key: '', data: undefined as unknown },
};
let resistanceGridLoad: Promise<unknown> | undefined;

/**
 * R/R₀, J_γ and κ_γ computed in the page, in the task of the input that asked (a few ms): a worker's
 * reply waits for the worker's turn on the CPU, tens of ms on a busy two-core machine. Returns false
 * (the fast worker then computes) when a γ has no loaded R/R₀ table, whose tabulation (0.1–1 s) would
 * freeze the page, or when the parameters make no device (the worker's reply names the error).
 */
function computeFastInPage(id: number, params: ExplorerParams): boolean {
  let device;
  try {
    device = deviceFromParams(params);
  } catch {
    return false;
  }
  const gammas = [device.left.superconductor.gamma, device.right.superconductor.gamma];
  if (!gammas.every(hasResistanceTable)) {
    // The γ slider's stored tables, for the next move.
    resistanceGridLoad ??= loadResistanceGrid();
    return false;
  }
  const deviceKey = JSON.stringify(device);
  const stage = (panel: 'photonic' | 'resistance', key: string, compute: () => unknown): void => {
    const cache = pageCache[panel];
    const start = performance.now();
    let reply: ComputeReply;
    try {
      if (cache.key !== key) {
        cache.data = compute();
        cache.key = key;
      }
      reply = { id, panel, data: cache.data, computeMs: performance.now() - start } as ComputeReply;
    } catch (error) {
      reply = { id, panel, error: error instanceof Error ? error.message : String(error) };
    }
    if (panel === 'photonic') {
      const timing = timings.get(id);
      if (timing !== undefined) timing.computedIn = 'page';
    }
    accept(reply);
  };
  stage('photonic', `${deviceKey}|${params.TL}`, () => photonicCurves(device, params.TL));
  stage('resistance', JSON.stringify(device.left.superconductor), () => resistanceCurve(device));
  return true;
}
// Its own worker: an integration (a few hundred ms with the first C_S tabulation) delays no other panel.
const dynamics = startWorker();
let dynamicsKey = '';

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

/** Ask both workers for the curves of the current parameters; only the newest request is drawn. */
export function requestCompute(control: string, inputAt: number = performance.now()): void {
  const params = view.params;
  state.requestId++;
  state.params = params;
  const id = state.requestId;
  const timing: Timing = { id, control, inputAt, sentAt: performance.now() };
  timings.set(id, timing);
  state.timings.push(timing);
  if (state.timings.length > 200) state.timings.shift();
  if (!computeFastInPage(id, params)) {
    timing.computedIn = 'worker';
    fast.postMessage({ id, role: 'fast', params } satisfies ComputeRequest);
  }
  dynamics.postMessage({ id, role: 'dynamics', params } satisfies ComputeRequest);
  // The dynamics depend on the device, J_in and the setup, not on T_L.
  if (slowKey(params) !== dynamicsKey) charts.dynamics.setStatus('computing…');
  dynamicsKey = slowKey(params);

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
