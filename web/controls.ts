/**
 * The controls: a slider and a text box per numeric parameter (help lines state the range each
 * accepts now, from the library's domain), the platform, setup and sides menus, and device files.
 */
import { platformDevice } from '../src/index.js';
import {
  MAX_DEVICE_FILE_BYTES,
  loadedNotes,
  parseLoadedDevice,
  sliderValuesOf,
  type LoadedDevice,
} from './device.js';
import {
  DEFAULT_PARAMS,
  NUMERIC_SPECS,
  clampDependent,
  formatDisplay,
  fromSlider,
  helpText,
  controlName,
  linked,
  withSides,
  type KeptRight,
  movedNotes,
  parseDisplay,
  stepsOf,
  toSlider,
  type ExplorerParams,
  type NumericKey,
  type NumericSpec,
} from './params.js';
import { $, showNotes, view } from './state.js';

/** What the page does after a control changed view.params: recompute, naming the control. */
export type OnChange = (control: string, inputAt: number) => void;

interface NumericControl {
  spec: NumericSpec;
  wrap: HTMLElement;
  label: HTMLLabelElement;
  range: HTMLInputElement;
  text: HTMLInputElement;
  help: HTMLElement;
}

const controls = new Map<NumericKey, NumericControl>();

const unitSuffix = (spec: NumericSpec): string => (spec.unit === '' ? '' : ` ${spec.unit}`);

/** The parameters after a change: right = left unless separate, T_bath and T_L kept in range. */
function settle(p: ExplorerParams): ExplorerParams {
  return clampDependent(linked(p)).params;
}

function buildControl(spec: NumericSpec, parent: HTMLElement, onChange: OnChange): void {
  const wrap = document.createElement('div');
  wrap.className = 'control';
  const label = document.createElement('label');
  label.htmlFor = spec.key;
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
  row.append(range, textLabel, text, unit);
  wrap.append(label, row, help);
  parent.append(wrap);

  range.addEventListener('input', (event) => {
    setParam(spec.key, fromSlider(spec.key, Number(range.value), view.params), 'range');
    onChange(spec.key, event.timeStamp);
  });
  text.addEventListener('change', (event) => {
    // Named as the control shows it, without its definition: 'γ (right)', not 'gammaR'.
    const parsed = parseDisplay(spec.key, text.value, view.params, controlName(spec));
    if ('error' in parsed) {
      showNotes([parsed.error]);
      syncControl(spec.key);
      sayBeside(spec.key, parsed.error, true);
      return;
    }
    setParam(spec.key, parsed.value, 'text', parsed.note === undefined ? [] : [parsed.note]);
    if (parsed.note !== undefined) sayBeside(spec.key, parsed.note);
    onChange(spec.key, event.timeStamp);
  });
  controls.set(spec.key, { spec, wrap, label, range, text, help });
}

/**
 * Set one parameter; dependent ranges (T_bath, T_L on T_c) may clamp others, and the page says which
 * moved (after `notes`, those of the typed value).
 */
function setParam(key: NumericKey, value: number, from: 'range' | 'text', notes: string[] = []): void {
  const before = view.params;
  const { params, moved } = clampDependent(linked({ ...before, [key]: value }));
  view.params = params;
  const movedOthers = moved.filter((k) => k !== key);
  if (from === 'text' || movedOthers.length > 0)
    showNotes([...notes, ...movedNotes(before, params, movedOthers)]);
  for (const k of controls.keys()) {
    // Leave the slider the user is dragging alone: re-deriving its position would make it jump.
    if (k === key && from === 'range') syncText(k);
    else syncControl(k);
  }
}

/**
 * A typed value's refusal or clamp, also in place of the control's help line until it next changes: on a
 * phone the notes above the curves are screens away from the box being typed in.
 */
function sayBeside(key: NumericKey, message: string, refused = false): void {
  const c = controls.get(key);
  if (c === undefined) return;
  c.help.textContent = message;
  c.help.classList.add('refused');
  if (refused) c.text.setAttribute('aria-invalid', 'true');
  // The box sits at the foot of the screen on a phone, its help line just under the fold.
  c.help.scrollIntoView({ block: 'nearest' });
}

function syncText(key: NumericKey): void {
  const c = controls.get(key);
  if (c === undefined) return;
  c.text.value = formatDisplay(key, view.params[key]);
  c.range.setAttribute('aria-valuetext', `${c.text.value}${unitSuffix(c.spec)}`);
}

function syncControl(key: NumericKey): void {
  const c = controls.get(key);
  if (c === undefined) return;
  const p = view.params;
  c.range.value = String(toSlider(key, p[key], p));
  c.help.textContent = helpText(key, p);
  c.help.classList.remove('refused');
  c.text.removeAttribute('aria-invalid');
  // With separate sides the shared controls name the left side, and the right ones appear.
  const side = p.separate && ['c', 'r0', 'gamma', 'Tc'].includes(key) ? ' (left)' : '';
  c.label.textContent = `${c.spec.label}${side}${c.spec.unit === '' ? '' : ` (${c.spec.unit})`}`;
  c.wrap.hidden = c.spec.group === 'right' && !p.separate;
  syncText(key);
}

const setupLabel = (setup: 1 | 2, Tbath: number): string =>
  setup === 1
    ? `1: T_bath = ${formatDisplay('Tbath', Tbath)} mK fixed, T_R swept`
    : '2: T_R = T_bath, swept together';

/** Every control from view.params (after a load, a reset, a device file). */
export function syncAll(): void {
  const p = view.params;
  for (const k of controls.keys()) syncControl(k);
  const fileOption = $<HTMLOptionElement>('platform-file');
  fileOption.disabled = p.file === undefined;
  fileOption.textContent = p.file === undefined ? 'device file' : `file: ${p.file.name}`;
  $<HTMLSelectElement>('platform').value = p.file === undefined ? p.platform : 'file';
  syncMenus();
}

/** The setup menu (it names T_bath) and the sides switch. */
export function syncMenus(): void {
  const p = view.params;
  const setup = $<HTMLSelectElement>('setup');
  setup.value = String(p.setup);
  for (const option of setup.options) option.textContent = setupLabel(option.value === '2' ? 2 : 1, p.Tbath);
  $<HTMLInputElement>('separate').checked = p.separate;
}

/** Build the numeric controls and wire every control to `onChange`. */
export function buildControls(onChange: OnChange): void {
  const parents = {
    device: $('numeric-device'),
    right: $('numeric-right'),
    operating: $('numeric-operating'),
  };
  for (const spec of NUMERIC_SPECS) buildControl(spec, parents[spec.group], onChange);

  const platformSelect = $<HTMLSelectElement>('platform');
  platformSelect.addEventListener('change', (event) => {
    const platform = platformSelect.value === 'inas' ? 'inas' : 'ag';
    if (view.params.file !== undefined) {
      // Leaving a device file: the sliders go back to the platform's own values.
      view.params = settle({
        ...view.params,
        ...sliderValuesOf(platformDevice(platform)),
        platform,
        file: undefined,
      });
      syncAll();
      showNotes([]);
    } else {
      view.params = { ...view.params, platform };
    }
    onChange('platform', event.timeStamp);
  });

  const setupSelect = $<HTMLSelectElement>('setup');
  setupSelect.addEventListener('change', (event) => {
    view.params = { ...view.params, setup: setupSelect.value === '2' ? 2 : 1 };
    onChange('setup', event.timeStamp);
  });

  const separate = $<HTMLInputElement>('separate');
  let keptRight: KeptRight | undefined;
  separate.addEventListener('change', (event) => {
    const sides = withSides(view.params, separate.checked, keptRight);
    keptRight = sides.kept;
    view.params = settle(sides.params);
    syncAll();
    onChange('separate', event.timeStamp);
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
      (text) => loadDevice(text, file.name, event.timeStamp, onChange),
      (error: unknown) => showNotes([`${file.name}: not readable (${String(error)})`]),
    );
  });

  $('controls').addEventListener('submit', (event) => event.preventDefault());
  $('reset').addEventListener('click', (event) => {
    view.params = { ...DEFAULT_PARAMS };
    syncAll();
    showNotes([]);
    onChange('reset', event.timeStamp);
  });
}

/** Parse a device file's text and show its device; a bad file leaves the view as it was. */
function loadDevice(text: string, name: string, inputAt: number, onChange: OnChange): void {
  let loaded: LoadedDevice;
  try {
    loaded = parseLoadedDevice(text, name);
  } catch (error) {
    showNotes([error instanceof Error ? error.message : String(error)]);
    return;
  }
  view.params = settle({ ...view.params, ...sliderValuesOf(loaded.device), file: loaded });
  syncAll();
  showNotes(loadedNotes(loaded));
  onChange('device-file', inputAt);
}
