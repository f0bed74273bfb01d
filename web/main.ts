/**
 * The explorer page: builds the controls and panels, and recomputes on every change. Every number
 * drawn comes from the library (src/index.ts), computed in the page or by the workers (compute.ts).
 */
import 'uplot/dist/uPlot.min.css';
import { requestCompute } from './compute.js';
import { buildControls, syncAll, syncMenus } from './controls.js';
import { deviceFromParams, describeDevice } from './device.js';
import { buildExport } from './export.js';
import { clearHeld, holdCurrent, refreshHeld } from './hold.js';
import { charts } from './panels.js';
import { $, showNotes, state, view } from './state.js';

const chartById = (id: string) => Object.values(charts).find((c) => c.spec.id === id);
state.plotted = (id) => chartById(id)?.plotted() ?? [];
state.annotations = (id) => {
  const chart = chartById(id);
  if (chart === undefined) return { boxes: [], width: 0, height: 0 };
  const rect = chart.canvas.getBoundingClientRect();
  return { boxes: chart.annotations, width: rect.width, height: rect.height };
};

/** The device in words, both sides, under the controls. */
function showDevice(): void {
  const d = describeDevice(deviceFromParams(view.params));
  $('device-left').textContent = d.left;
  $('device-right').textContent = d.right;
  $('device-bath').textContent = d.bath;
}

function changed(control: string, inputAt: number): void {
  syncMenus();
  showDevice();
  refreshHeld();
  requestCompute(control, inputAt);
}

buildControls(changed);
buildExport();

$('hold').addEventListener('click', () => {
  const note = holdCurrent();
  showNotes(note === undefined ? [] : [note]);
});
$('clear-held').addEventListener('click', () => clearHeld());

// On a narrow screen the controls start folded, so that the first panel is on the first screen.
const controlsPanel = $<HTMLDetailsElement>('controls-panel');
if (matchMedia('(max-width: 700px)').matches) controlsPanel.open = false;

syncAll();
showDevice();
showNotes(state.notes);
requestCompute('load');
