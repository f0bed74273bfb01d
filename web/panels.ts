/**
 * The seven panels: what each one plots (axes, series, units) and how a worker's curves become its
 * arrays, markers and status line.
 */
import { Chart, type Overlays } from './chart.js';
import type { PhotonicCurves, ResistanceCurve } from './curves.js';
import { DYNAMICS_SPAN, DYNAMICS_STEP, type DynamicsCurve } from './dynamics.js';
import type { BalanceCurves, DropCurve } from './protocol.js';
import { $, view, type Timing } from './state.js';

/** The seven panels, in page order. */
export const charts = {
  resistance: new Chart(
    {
      id: 'resistance',
      title: 'Zero-bias NIS resistance R/R₀ vs T',
      x: { label: 'T (K)' },
      y: { label: 'R/R₀', log: true },
      series: [{ label: 'R/R₀', color: '#1f77b4' }],
    },
    $('charts'),
  ),
  photonic: new Chart(
    {
      id: 'photonic',
      title: 'Photonic heat current J_γ vs T_R at fixed T_L',
      x: { label: 'T_R (mK)' },
      y: { label: 'J_γ (fW)' },
      series: [{ label: 'J_γ (fW)', color: '#d62728' }],
    },
    $('charts'),
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
    $('charts'),
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
    $('charts'),
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
    $('charts'),
  ),
  drop: new Chart(
    {
      id: 'drop',
      title: 'Temperature drop δT vs J_in',
      x: { label: 'J_in (fW)', log: true },
      y: { label: 'δT (mK)' },
      series: [{ label: 'δT (mK)', color: '#8c564b' }],
    },
    $('charts'),
  ),
  dynamics: new Chart(
    {
      id: 'dynamics',
      title: `Dynamics: T_L(t) after a +${DYNAMICS_STEP * 100} % step of J_in`,
      x: { label: 't (µs)' },
      y: { label: 'T_L (mK)' },
      series: [{ label: 'T_L (mK)', color: '#e377c2' }],
    },
    $('charts'),
  ),
};

/** Diode and transistor quantities of the dynamics panel's operating point, under its status line. */
const readout = document.createElement('p');
readout.className = 'chart-readout';
readout.id = 'diode-readout';
charts.dynamics.element.append(readout);

/** The readout when the dynamics could not be computed: it must not describe an older state. */
export function clearReadout(): void {
  readout.textContent = '';
}

const mK = 1e3;
const fW = 1e15;
export const sig = (v: number, digits = 3): string => String(Number(v.toPrecision(digits)));

export function drawResistance(data: ResistanceCurve): void {
  charts.resistance.update(data.T, [data.ratio]);
  const p = view.params;
  const side = p.separate ? 'left reservoir; ' : '';
  charts.resistance.setStatus(`${side}T from 0.05·T_c to T_c = ${sig(p.Tc)} K, γ = ${sig(p.gamma, 2)}`);
}

export function drawPhotonic(data: PhotonicCurves, timing: Timing | undefined): void {
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

export function drawBalance(
  data: BalanceCurves,
  timing: Timing | undefined,
  error: string | undefined,
): void {
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
  // δT is undefined (NaN) where T_L has no root below T_c at T_R = T_bath: said, not printed as NaN.
  const drop = data.drop !== null && Number.isFinite(data.drop.deltaT) ? data.drop : null;
  const markers =
    drop === null
      ? []
      : [
          {
            x: drop.TRatMin * mK,
            y: drop.TLmin * mK,
            label: `T_L,min = ${sig(drop.TLmin * mK)} mK (δT = ${sig(drop.deltaT * mK)} mK)`,
            below: true,
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
  else if (data.drop !== null) parts.push('δT undefined: at T_R = T_bath, T_L has no steady state below T_c');
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

export function drawDrop(data: DropCurve, error: string | undefined): void {
  const x: number[] = [];
  const y: (number | null)[] = [];
  for (const p of data.points) {
    if (p === null) continue;
    x.push(p.Jin * fW);
    y.push(p.deltaT * mK);
  }
  // The chosen J_in is marked where it lies on this panel's range; outside it, said instead of pinned
  // to the edge.
  const Jin = view.params.Jin * fW;
  const inside = x.length > 0 && Jin >= x[0] && Jin <= x[x.length - 1];
  charts.drop.update(x, [y], inside ? { vline: { x: Jin, label: 'J_in' } } : {});
  const outside =
    inside || x.length === 0
      ? ''
      : `; J_in = ${sig(Jin)} fW lies outside ${sig(x[0])}–${sig(x[x.length - 1])} fW`;
  const text = `setup ${data.setup}; δT = T_L(T_R = T_bath) − min over T_R up to 2/3·T_c of T_L${outside}`;
  charts.drop.setStatus(
    error === undefined ? text : `${text}. ${error}`,
    error === undefined ? 'info' : 'error',
  );
}

const us = 1e6;

export function drawDynamics(data: DynamicsCurve): void {
  const TL = data.TL.map((t) => t * mK);
  charts.dynamics.update(
    data.time.map((t) => t * us),
    [TL],
    { vline: { x: data.tau * us, label: `τ = ${sig(data.tau * us)} µs` } },
  );
  const where = data.setup === 1 ? `T_R = ${sig(data.TR * mK)} mK (at T_L,min)` : 'T_R = T_bath';
  const text =
    `setup ${data.setup}, ${where}: J_in ${sig(data.Jin * fW)} → ${sig(data.JinAfter * fW)} fW at t = 0; ` +
    `T_L ${sig(TL[0])} → ${sig(TL[TL.length - 1])} mK over ${DYNAMICS_SPAN} τ`;
  charts.dynamics.setStatus(
    data.warning === undefined ? text : `${text}. ${data.warning}`,
    data.warning === undefined ? 'info' : 'error',
  );
  const d = data.diode;
  const diode =
    'error' in d
      ? `rectification not computed: ${d.error}`
      : `diode: R = J_fwd/J_rev = ${sig(d.ratio)} (hot ${sig(d.Thot * mK)} mK, cold ${sig(d.Tcold * mK)} mK; ` +
        `J_fwd ${sig(d.forward * fW)} fW, J_rev ${sig(d.reverse * fW)} fW)`;
  const t = data.transistor;
  const transistor =
    'note' in t
      ? `transistor α: ${t.note}`
      : `transistor (setup 3, J_in^R = ${sig(t.JinR * fW)} fW holding T_R): α = ∂J_γ/∂J_in^R = ${sig(t.alpha)}` +
        (t.stable ? '' : ' (unstable state)');
  readout.textContent = `${diode}.\n${transistor}.`;
}
