/**
 * The explorer's computing worker: runs the library's curves off the page's thread, either the
 * fast panels, the slow ones or the dynamics panel (see WorkerRole). Only the newest request is
 * worked on; older ones stop at their next yield, and the page draws only replies carrying the
 * newest id. Results whose inputs did not change are reused.
 */
import {
  FAMILY_GAMMA_RANGE,
  hasPhononTable,
  hasResistanceTable,
  loadPhononFamily,
  loadResistanceGrid,
  type Device,
} from '../src/index.js';
import {
  balanceGrid,
  balancePoint,
  dropGrid,
  dropPoint,
  photonicCurves,
  resistanceCurve,
  type BalancePoint,
  type DropPoint,
} from './curves.js';
import { deviceFromParams } from './device.js';
import { dynamicsCurve } from './dynamics.js';
import {
  PROGRESS_MS,
  type BalanceCurves,
  type ComputeReply,
  type ComputeRequest,
  type DropCurve,
  type Panel,
} from './protocol.js';

/** Every COARSE_STRIDE-th T_R is solved first, so a rough T_L curve appears before the full one. */
const COARSE_STRIDE = 8;
/** Longest stretch of work between yields, ms: bounds how long a newer request waits. */
const SLICE_MS = 4;

let latest = 0;
const cache = new Map<Panel, { key: string; data: unknown }>();

const post = (reply: ComputeReply): void => {
  lastPost = performance.now();
  postMessage(reply);
};

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

// A MessageChannel round trip yields to the event loop without setTimeout's 4 ms clamp, so a
// queued newer request gets its message event processed.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
const yieldToEvents = (): Promise<void> =>
  new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });

class Superseded extends Error {}

/**
 * A progress reply of the slow panels; `directPhonon` when J_ph,S has no table for the device's γ
 * (the balance then integrates it directly), so that the page can say why it is slow.
 */
function progressReply(
  id: number,
  panel: 'balance' | 'drop',
  progress: number,
  total: number,
  device: Device,
): ComputeReply {
  const gamma = device.left.superconductor.gamma;
  return {
    id,
    panel,
    progress,
    total,
    directPhonon: hasPhononTable(gamma) ? undefined : { tabulatedRange: [...FAMILY_GAMMA_RANGE] },
  };
}

let lastPost = 0;

/** Yields when the current slice is used up; throws Superseded when a newer request has arrived. */
function makeCheckpoint(id: number): (progress?: () => ComputeReply) => Promise<void> {
  let sliceStart = performance.now();
  return async (progress) => {
    // The page takes silence longer than PROGRESS_MS as a worker stuck in one long call.
    if (progress !== undefined && performance.now() - lastPost > PROGRESS_MS) post(progress());
    if (performance.now() - sliceStart < SLICE_MS) return;
    await yieldToEvents();
    if (id !== latest) throw new Superseded();
    sliceStart = performance.now();
  };
}

function cached<T>(panel: Panel, key: string): T | undefined {
  const hit = cache.get(panel);
  return hit !== undefined && hit.key === key ? (hit.data as T) : undefined;
}

/** The panels a worker of this role draws (each gets the error if its request fails). */
const panelsOf = (role: ComputeRequest['role']): Panel[] =>
  role === 'fast' ? ['photonic', 'resistance'] : role === 'slow' ? ['balance', 'drop'] : ['dynamics'];

async function run(request: ComputeRequest): Promise<void> {
  const { id, params } = request;
  const checkpoint = makeCheckpoint(id);
  const panels = panelsOf(request.role);
  let device: Device;
  try {
    device = deviceFromParams(params);
  } catch (error) {
    for (const panel of panels) post({ id, panel, error: message(error) });
    return;
  }
  const deviceKey = JSON.stringify(device);
  // The γ slider's values have stored R/R0 tables: load them (once) rather than tabulate a new γ.
  const gammas = [device.left.superconductor.gamma, device.right.superconductor.gamma];
  if (!gammas.every(hasResistanceTable)) await loadResistanceGrid();
  if (id !== latest) return;
  if (request.role === 'dynamics') {
    if (!gammas.every(hasPhononTable)) await loadPhononFamily();
    if (id !== latest) return;
    // Without a J_ph,S table every integration step would take a direct quadrature: hours, not a panel.
    const untabulated = gammas.find((g) => !hasPhononTable(g));
    if (untabulated !== undefined) {
      post({
        id,
        panel: 'dynamics',
        error: `not integrated: J_ph,S has no table for γ = ${untabulated} (tables cover γ from ${FAMILY_GAMMA_RANGE.join(' to ')}); use ndtc transient`,
      });
      return;
    }
    stage(id, 'dynamics', `${deviceKey}|${params.Jin}|${params.setup}`, () =>
      dynamicsCurve(device, params.Jin, params.setup),
    );
    return;
  }
  if (request.role === 'fast') {
    // J_γ and κ_γ first: they are the most-watched panels.
    stage(id, 'photonic', `${deviceKey}|${params.TL}`, () => photonicCurves(device, params.TL));
    stage(id, 'resistance', JSON.stringify(device.left.superconductor), () => resistanceCurve(device));
    return;
  }
  // J_ph,S for a γ other than the paper's comes from the γ family, loaded the first time it is needed.
  if (!hasPhononTable(device.left.superconductor.gamma)) await loadPhononFamily();
  await balanceStage(id, device, params, `${deviceKey}|${params.Jin}|${params.setup}`, checkpoint);
  await dropStage(id, device, params, `${deviceKey}|${params.setup}`, checkpoint);
}

function stage(
  id: number,
  panel: 'photonic' | 'resistance' | 'dynamics',
  key: string,
  compute: () => unknown,
): void {
  const hit = cached<never>(panel, key);
  const start = performance.now();
  try {
    const data = hit ?? compute();
    if (hit === undefined) cache.set(panel, { key, data });
    post({ id, panel, data, computeMs: performance.now() - start } as ComputeReply);
  } catch (error) {
    post({ id, panel, error: message(error) });
  }
}

/**
 * Points of the slow panels computed so far, per input key. A request superseded by one with the
 * same inputs (e.g. only T_L moved) leaves its points here and the newer request carries on.
 */
interface Job<P> {
  key: string;
  points: (P | null)[];
  done: boolean[];
  firstError?: string;
  extra?: BalanceCurves['drop'];
  extraDone?: boolean;
  ms: number;
}
const jobs: { balance?: Job<BalancePoint>; drop?: Job<DropPoint> } = {};

function job<P>(existing: Job<P> | undefined, key: string, n: number): Job<P> {
  if (existing !== undefined && existing.key === key) return existing;
  return { key, points: Array<P | null>(n).fill(null), done: Array<boolean>(n).fill(false), ms: 0 };
}

async function balanceStage(
  id: number,
  device: Device,
  params: ComputeRequest['params'],
  key: string,
  checkpoint: (progress?: () => ComputeReply) => Promise<void>,
): Promise<void> {
  const TR = balanceGrid(device);
  const j = (jobs.balance = job(jobs.balance, key, TR.length));
  let start = performance.now();
  const solve = async (i: number): Promise<void> => {
    if (j.done[i]) return;
    try {
      j.points[i] = balancePoint(device, params.Jin, params.setup, TR[i]);
    } catch (error) {
      j.firstError ??= `T_R = ${(TR[i] * 1e3).toFixed(1)} mK: ${message(error)}`;
    }
    j.done[i] = true;
    // Account the time before yielding: a superseded request's work counts for the one that resumes it.
    j.ms += performance.now() - start;
    await checkpoint(() => progressReply(id, 'balance', j.done.filter(Boolean).length, TR.length, device));
    start = performance.now();
  };
  const curves = (complete: boolean): BalanceCurves => ({
    Jin: params.Jin,
    setup: params.setup,
    TR,
    points: j.points.slice(),
    drop: j.extra ?? null,
    complete,
  });
  const reply = (complete: boolean): void =>
    post({ id, panel: 'balance', data: curves(complete), computeMs: j.ms, error: j.firstError });

  // Tell the page this request has started (it watches for a worker stuck on a stale one).
  post(progressReply(id, 'balance', j.done.filter(Boolean).length, TR.length, device));
  const coarse = TR.map((_, i) => i).filter((i) => i % COARSE_STRIDE === 0 || i === TR.length - 1);
  const complete = j.done.every(Boolean) && j.extraDone === true;
  if (!complete) {
    for (const i of coarse) await solve(i);
    reply(false);
    for (let i = 0; i < TR.length; i++) await solve(i);
    if (j.extraDone !== true) {
      try {
        const d = dropPoint(device, params.Jin, params.setup);
        j.extra = { TL0: d.TL0, TLmin: d.TLmin, TRatMin: d.TRatMin, deltaT: d.deltaT };
      } catch (error) {
        j.firstError ??= `T_L,min: ${message(error)}`;
      }
      j.extraDone = true;
      j.ms += performance.now() - start;
    }
  }
  reply(true);
}

async function dropStage(
  id: number,
  device: Device,
  params: ComputeRequest['params'],
  key: string,
  checkpoint: (progress?: () => ComputeReply) => Promise<void>,
): Promise<void> {
  const Jin = dropGrid();
  const j = (jobs.drop = job(jobs.drop, key, Jin.length));
  for (let i = 0; i < Jin.length; i++) {
    if (j.done[i]) continue;
    const start = performance.now();
    try {
      j.points[i] = dropPoint(device, Jin[i], params.setup);
    } catch (error) {
      j.firstError ??= `J_in = ${(Jin[i] * 1e15).toPrecision(3)} fW: ${message(error)}`;
    }
    j.done[i] = true;
    j.ms += performance.now() - start;
    await checkpoint(() => progressReply(id, 'drop', i + 1, Jin.length, device));
  }
  const data: DropCurve = { setup: params.setup, points: j.points.slice(), complete: true };
  post({ id, panel: 'drop', data, computeMs: j.ms, error: j.firstError });
}

self.onmessage = async (event: MessageEvent<ComputeRequest>) => {
  latest = event.data.id;
  // A drag queues many requests: let the queue drain and start only the newest.
  await yieldToEvents();
  if (event.data.id !== latest) return;
  run(event.data).catch((error: unknown) => {
    if (!(error instanceof Superseded)) {
      for (const panel of panelsOf(event.data.role))
        post({ id: event.data.id, panel, error: message(error) });
    }
  });
};
