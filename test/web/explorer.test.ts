/**
 * The explorer in a real browser (Chromium via playwright-core): the built site, served by the
 * explorer's own server, draws the library's numbers; controls work from the keyboard and by
 * typing; the URL carries the view; every control is labelled. Also writes a screenshot and the
 * measured redraw times (test-output/), which are reported, not asserted.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chiOf,
  ndtcIntervals,
  photonicConductance,
  photonicHeatCurrent,
  photonicMaximum,
  platformDevice,
  resistanceRatio,
  solveBalance,
  temperatureDrop,
  withChi,
  withJunctionParameters,
  type Device,
} from '../../src/index.js';
import { loadDeviceFile, parseDeviceText } from '../../src/device-file/load.js';
import { startStaticServer, type StaticServer } from '../../src/explore/server.js';
import { writeFileAtomic } from '../../src/io/atomic-write.js';
import { DEFAULT_PARAMS, fromQuery, fromSlider, toSlider, type ExplorerParams } from '../../web/params.js';

const CHROMIUM = '/usr/bin/chromium';
const OUTPUT = resolve('test-output');
const haveChromium = existsSync(CHROMIUM);
const onCi = process.env.CI !== undefined && process.env.CI !== '';
if (!haveChromium && !onCi) {
  console.warn(`skipping the explorer browser tests: ${CHROMIUM} not found (apt-get install -y chromium)`);
}

interface Timing {
  id: number;
  control: string;
  inputAt: number;
  computedIn?: 'page' | 'worker';
  photonicReplyAt?: number;
  photonicComputeMs?: number;
  photonicDrawnAt?: number;
  balanceCoarseDrawnAt?: number;
  balanceDrawnAt?: number;
}

/** The page's window.__ndtc, as far as these tests read it. */
interface PageState {
  params: ExplorerParams;
  requestId: number;
  curves: Record<string, { id: number; data: Record<string, unknown> } | undefined>;
  errors: Record<string, string | undefined>;
  timings: Timing[];
  notes: string[];
}

interface PhotonicData {
  TL: number;
  TR: number[];
  J: number[];
  kappa: number[];
  maximum: { TR: number; J: number } | null;
  ndtc: { from: number; to: number }[] | null;
}

interface BalanceData {
  Jin: number;
  setup: 1 | 2;
  TR: number[];
  points: ({ TL: number[]; stable: boolean[]; dTL_dTR: number[]; exceedsTc: boolean } | null)[];
  drop: { TL0: number; TLmin: number; TRatMin: number; deltaT: number } | null;
  complete: boolean;
}

/**
 * Page and test run the same library code, but in different JavaScript engines (Chromium's V8 and
 * Node's), whose Math functions may differ in the last bit. REL bounds that; `scale` is the size of
 * the curve, for values that are small by cancellation (κ_γ near T_R = 10 mK is 1e-4 of its peak).
 */
const REL = 1e-12;
function expectClose(actual: number | null, expected: number, rel = REL, what = '', scale = 0): void {
  expect(actual, what).not.toBeNull();
  const tolerance = rel * Math.max(Math.abs(expected), scale, 1e-300);
  if (Math.abs((actual as number) - expected) > tolerance) {
    expect.fail(`${what}: ${actual} differs from the library's ${expected} by more than ${rel} relative`);
  }
}

const state = (page: Page): Promise<PageState> =>
  page.evaluate(() => JSON.parse(JSON.stringify(window.__ndtc)) as PageState);
const plotted = (page: Page, chart: string): Promise<(number | null)[][]> =>
  page.evaluate((id) => window.__ndtc.plotted(id), chart);

/** Wait until a panel shows the newest request (and, for the T_L panel, its full curve). */
async function waitForPanel(
  page: Page,
  panel: 'photonic' | 'resistance' | 'balance' | 'drop',
  timeout = 120_000,
) {
  await page.waitForFunction(
    (p) => {
      const s = window.__ndtc;
      const c = s.curves[p as keyof typeof s.curves] as
        { id: number; data: { complete?: boolean } } | undefined;
      if (s.errors[p as keyof typeof s.errors] !== undefined) return true;
      return c !== undefined && c.id === s.requestId && c.data.complete !== false;
    },
    panel,
    { timeout },
  );
  const s = await state(page);
  expect(s.errors[panel], `${panel} panel error`).toBeUndefined();
  return s.curves[panel]!.data;
}

function deviceFor(p: ExplorerParams): Device {
  // The tests' own route to the device: the paper device with χ changed (c, r0, γ, Tc left at the defaults).
  expect({ c: p.c, r0: p.r0, gamma: p.gamma, Tc: p.Tc, platform: p.platform }).toEqual({
    c: DEFAULT_PARAMS.c,
    r0: DEFAULT_PARAMS.r0,
    gamma: DEFAULT_PARAMS.gamma,
    Tc: DEFAULT_PARAMS.Tc,
    platform: 'ag',
  });
  return withChi(platformDevice('ag'), p.chi);
}

function checkPhotonic(
  data: PhotonicData,
  params: ExplorerParams,
  J: (number | null)[],
  kappa: (number | null)[],
) {
  const device = deviceFor(params);
  expect(data.TL).toBe(params.TL);
  expect(data.TR).toHaveLength(200);
  expect(data.TR[0]).toBeCloseTo(0.01, 15);
  expect(data.TR[199]).toBeCloseTo(params.TL, 15);
  const Jlib = data.TR.map((TR) => photonicHeatCurrent(device, params.TL, TR));
  const kappaLib = data.TR.map((TR) => photonicConductance(device, params.TL, TR));
  const Jscale = Math.max(...Jlib.map((v) => Math.abs(v)));
  const kappaScale = Math.max(...kappaLib.map((v) => Math.abs(v)));
  data.TR.forEach((TR, i) => {
    expectClose(data.J[i], Jlib[i], REL, `J_γ at T_R = ${TR}`, Jscale);
    expectClose(J[i], Jlib[i] * 1e15, REL, `plotted J_γ (fW) at T_R = ${TR}`, Jscale * 1e15);
    expectClose(kappa[i], kappaLib[i] * 1e12, REL, `plotted κ_γ (pW/K) at ${TR}`, kappaScale * 1e12);
  });
  const max = photonicMaximum(device, params.TL, 0.01, params.TL);
  expect(data.maximum).not.toBeNull();
  expectClose(data.maximum!.TR, max.TR, 1e-9, 'T_R of the J_γ maximum');
  expectClose(data.maximum!.J, max.J, REL, 'J_γ maximum');
  // Interval ends come from root finding on κ_γ: engine last-bit differences move them slightly.
  const ndtc = ndtcIntervals(device, params.TL, 0.01, params.TL);
  expect(data.ndtc).toHaveLength(ndtc.length);
  ndtc.forEach((interval, i) => {
    expectClose(data.ndtc![i].from, interval.from, 1e-9, 'NDTC interval start');
    expectClose(data.ndtc![i].to, interval.to, 1e-9, 'NDTC interval end');
  });
}

describe.runIf(haveChromium || onCi)('explorer in Chromium', () => {
  let siteDir: string;
  let profileDir: string;
  let server: StaticServer;
  let context: BrowserContext;
  let page: Page;
  let slowRestarts = 0;
  const timings = {
    photonic: [] as number[],
    /** Of which: the compute time, and when the curves were ready to draw (in the page, or a worker's reply). */
    photonicCompute: [] as number[],
    photonicReply: [] as number[],
    /** A γ step: R/R0 from the stored γ grid (the first step loads it, in the worker and the page). */
    photonicAfterGamma: [] as number[],
    /** Where each redraw's J_γ/κ_γ were computed. */
    computedIn: [] as string[],
    balanceCoarse: [] as number[],
    balanceFull: [] as number[],
    /** A γ step to a γ without its own J_ph,S table (the first one loads the γ family). */
    balanceAfterGamma: [] as number[],
  };

  beforeAll(async () => {
    if (!haveChromium)
      throw new Error(`${CHROMIUM} is missing on CI: install it (apt-get install -y chromium)`);
    siteDir = mkdtempSync(join(tmpdir(), 'ndtc-web-'));
    profileDir = mkdtempSync(join(tmpdir(), 'ndtc-chromium-'));
    await build({
      configFile: resolve('web/vite.config.ts'),
      build: { outDir: siteDir, emptyOutDir: true },
      logLevel: 'error',
    });
    server = await startStaticServer({ root: siteDir });
    // A fresh profile directory per run (playwright takes it as the persistent context's userDataDir).
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1400, height: 1100 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    await page.goto(server.url);
  });

  afterAll(async () => {
    if (timings.photonic.length > 0) {
      const median = (a: number[]) =>
        a.length === 0 ? null : [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
      mkdirSync(OUTPUT, { recursive: true });
      const report = {
        what: 'explorer redraw times in headless Chromium, ms from the control change (input event) to the redrawn canvas',
        date: new Date().toISOString(),
        machine: {
          cpu: cpus()[0]?.model,
          cores: cpus().length,
          node: process.version,
          browser: context?.browser()?.version(),
        },
        targets: { photonicMs: 16, temperatureMs: 50 },
        slowWorkerRestarts: slowRestarts,
        photonic: { median: median(timings.photonic), samples: timings.photonic },
        photonicCompute: { median: median(timings.photonicCompute), samples: timings.photonicCompute },
        photonicComputedAfterInput: { median: median(timings.photonicReply), samples: timings.photonicReply },
        photonicComputedIn: timings.computedIn,
        photonicAfterGammaStep: {
          median: median(timings.photonicAfterGamma),
          samples: timings.photonicAfterGamma,
        },
        temperatureCoarse: { median: median(timings.balanceCoarse), samples: timings.balanceCoarse },
        temperatureFull: { median: median(timings.balanceFull), samples: timings.balanceFull },
        temperatureFullAfterGammaStep: {
          median: median(timings.balanceAfterGamma),
          samples: timings.balanceAfterGamma,
        },
      };
      writeFileAtomic(join(OUTPUT, 'web-timings.json'), JSON.stringify(report, null, 2) + '\n');
    }
    await context?.close();
    await server?.close();
    for (const dir of [siteDir, profileDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('opens with the paper device and draws the library R/R0, J_γ and κ_γ', async () => {
    const data = (await waitForPanel(page, 'photonic')) as unknown as PhotonicData;
    const s = await state(page);
    expect(s.params).toEqual(DEFAULT_PARAMS);
    const [x, J] = await plotted(page, 'photonic');
    const [, kappa] = await plotted(page, 'conductance');
    expect(x).toEqual(data.TR.map((t) => t * 1e3));
    checkPhotonic(data, s.params, J, kappa);

    await waitForPanel(page, 'resistance');
    const [T, ratio] = await plotted(page, 'resistance');
    expect(T).toHaveLength(200);
    expect(T[0]).toBeCloseTo(0.06, 15);
    expect(T[199]).toBeCloseTo(1.2, 15);
    T.forEach((t, i) =>
      expectClose(ratio[i], resistanceRatio(t!, { Tc: 1.2, gamma: 1e-4 }), REL, `R/R0 at ${t}`),
    );
  });

  it('moves a slider from the keyboard and redraws with the library values', async () => {
    const start = toSlider('chi', 2, DEFAULT_PARAMS);
    await page.focus('#chi');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    const data = (await waitForPanel(page, 'photonic')) as unknown as PhotonicData;
    const s = await state(page);
    expect(s.params.chi).toBe(fromSlider('chi', start + 5, DEFAULT_PARAMS));
    expect(await page.inputValue('#chi-value')).toBe(String(Number(s.params.chi.toPrecision(4))));
    const [, J] = await plotted(page, 'photonic');
    const [, kappa] = await plotted(page, 'conductance');
    checkPhotonic(data, s.params, J, kappa);

    await page.keyboard.press('End');
    await waitForPanel(page, 'photonic');
    expect((await state(page)).params.chi).toBe(20);
  });

  it('takes typed values in display units and refuses bad ones with a message', async () => {
    await page.fill('#chi-value', '1');
    await page.press('#chi-value', 'Enter');
    await page.fill('#TL-value', '350');
    await page.press('#TL-value', 'Enter');
    const data = (await waitForPanel(page, 'photonic')) as unknown as PhotonicData;
    const s = await state(page);
    expect(s.params.TL).toBe(0.35);
    expect(s.params.chi).toBe(1);
    expect(Number(await page.inputValue('#TL'))).toBe(toSlider('TL', 0.35, s.params));
    const [, J] = await plotted(page, 'photonic');
    const [, kappa] = await plotted(page, 'conductance');
    checkPhotonic(data, s.params, J, kappa);

    await page.fill('#gamma-value', 'abc');
    await page.press('#gamma-value', 'Enter');
    await expect.poll(() => page.textContent('#notes')).toContain("γ: invalid value 'abc'");
    // Also under the box itself (on a phone the notes are screens away from it).
    expect(await page.textContent('#gamma-help')).toContain("γ: invalid value 'abc'");
    expect(await page.getAttribute('#gamma-value', 'aria-invalid')).toBe('true');
    expect(await page.inputValue('#gamma-value')).toBe('0.0001');
    expect((await state(page)).params.gamma).toBe(1e-4);

    // A lower T_c moves T_L into its range, and the page says so (then everything is put back).
    await page.fill('#Tc-value', '0.3');
    await page.press('#Tc-value', 'Enter');
    await expect.poll(() => page.textContent('#notes')).toContain('T_L moved from 350 to 294 mK');
    expect(await page.inputValue('#TL-value')).toBe('294');
    await page.fill('#Tc-value', '1.2');
    await page.press('#Tc-value', 'Enter');
    await page.fill('#TL-value', '350');
    await page.press('#TL-value', 'Enter');
    await expect.poll(async () => (await state(page)).params.TL).toBe(0.35);
  });

  it('keeps the view in the URL, and a shared link reproduces it', async () => {
    await expect.poll(() => new URL(page.url()).searchParams.get('TL')).toBe('350');
    const link = page.url();
    const expected = fromQuery(new URL(link).search).params;
    expect(expected).toMatchObject({ TL: 0.35, chi: 1, platform: 'ag', setup: 1 });
    const other = await context.newPage();
    await other.goto(link);
    const data = (await waitForPanel(other, 'photonic')) as unknown as PhotonicData;
    const s = await state(other);
    expect(s.params).toEqual(expected);
    expect(s.notes).toEqual([]);
    const [, J] = await plotted(other, 'photonic');
    const [, kappa] = await plotted(other, 'conductance');
    checkPhotonic(data, s.params, J, kappa);
    await other.close();
  });

  it('validates a hand-edited URL: clamps, refuses, never evaluates', async () => {
    const other = await context.newPage();
    await other.goto(`${server.url}?chi=alert(1)&gamma=5&platform=nb&TL=99999&setup=7`);
    await waitForPanel(other, 'photonic');
    const s = await state(other);
    // Without separate sides, the right γ follows the left one.
    expect(s.params).toEqual({ ...DEFAULT_PARAMS, gamma: 0.1, gammaR: 0.1, TL: 0.98 * 1.2 });
    const notes = await other.textContent('#notes');
    for (const text of [
      "chi: invalid value 'alert(1)'",
      "gamma: '5' is not from",
      "platform: invalid value 'nb'",
      "setup: invalid value '7'",
      "TL: '99999' is not from",
    ]) {
      expect(notes).toContain(text);
    }
    await other.close();
  });

  it('loads a device file with the library parser and draws its device; the link carries it', async () => {
    const device = loadDeviceFile('examples/asymmetric.json');
    await page.setInputFiles('#device-file', 'examples/asymmetric.json');
    await page.waitForFunction(() => window.__ndtc.params.file !== undefined);
    let s = await state(page);
    expect(s.params.file!.name).toBe('asymmetric.json');
    expect(s.params.file!.device).toEqual(device);
    expect(s.params).toMatchObject({
      chi: chiOf(device),
      r0: device.left.junction.r0,
      c: device.left.junction.c,
    });
    expect(await page.textContent('#notes')).toContain('device file asymmetric.json loaded');
    expect(await page.inputValue('#platform')).toBe('file');

    const photonic = (await waitForPanel(page, 'photonic')) as unknown as PhotonicData;
    s = await state(page);
    const Jscale = Math.max(
      ...photonic.TR.map((TR) => Math.abs(photonicHeatCurrent(device, s.params.TL, TR))),
    );
    photonic.TR.forEach((TR, i) =>
      expectClose(photonic.J[i], photonicHeatCurrent(device, s.params.TL, TR), REL, `J_γ at ${TR}`, Jscale),
    );
    const balance = (await waitForPanel(page, 'balance', 240_000)) as unknown as BalanceData;
    for (const i of [0, 60, 120, 199]) {
      const roots = solveBalance(device, {
        Jin: s.params.Jin,
        TR: balance.TR[i],
        setup: s.params.setup,
      }).roots;
      expect(balance.points[i]!.TL).toHaveLength(roots.length);
      roots.forEach((root, r) =>
        expectClose(balance.points[i]!.TL[r], root.TL, REL, `T_L at T_R = ${balance.TR[i]}`),
      );
    }

    // The link holds the whole device, so it reproduces the view without the file.
    await expect.poll(() => new URL(page.url()).searchParams.get('device')).not.toBeNull();
    expect(new URL(page.url()).searchParams.get('platform')).toBeNull();
    const other = await context.newPage();
    await other.goto(page.url());
    await waitForPanel(other, 'photonic');
    const shared = await state(other);
    expect(shared.params).toEqual(s.params);
    expect(shared.notes).toEqual([]);
    await other.close();

    // "Device as file" saves what is drawn, as a device file the CLI reads.
    const [saved] = await Promise.all([page.waitForEvent('download'), page.click('#save-device')]);
    expect(saved.suggestedFilename()).toBe('asymmetric.yaml');
    const text = readFileSync((await saved.path())!, 'utf8');
    expect(text).toMatch(/^# ndtc device file, saved by the ndtc explorer/);
    expect(parseDeviceText(text, 'asymmetric.yaml')).toEqual(device);

    // Back to a platform: its own device and slider values.
    await page.selectOption('#platform', 'ag');
    await page.waitForFunction(() => window.__ndtc.params.file === undefined);
    expect((await state(page)).params).toMatchObject({ chi: 2, r0: DEFAULT_PARAMS.r0, platform: 'ag' });
  });

  it('shows which left/right values differ, with a control per side', async () => {
    const base = loadDeviceFile('examples/ag.yaml');
    const twoGammas = `platform: ag\nleft:\n  superconductor: { gamma: 1.0e-4 }\nright:\n  superconductor: { gamma: 1.0e-3 }\n  junction: { r0: 20ohm*um^2 }\n`;
    await page.setInputFiles('#device-file', {
      name: 'two-gammas.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(twoGammas),
    });
    await page.waitForFunction(() => window.__ndtc.params.file?.name === 'two-gammas.yaml');
    const notes = await page.textContent('#notes');
    expect(notes).toContain('left and right differ in r0, gamma');
    const device = (await state(page)).params.file!.device;
    expect(device.right.superconductor.gamma).toBe(1e-3);
    expect(device.right.junction.r0).toBe(2e-11);
    expect(device.left.normal).toEqual(base.left.normal);

    // Each side has its own controls, at the file's values; a typed r0 sets the left side alone.
    expect(await page.isChecked('#separate')).toBe(true);
    expect(await page.inputValue('#r0R-value')).toBe('20');
    expect(await page.inputValue('#gammaR-value')).toBe('0.001');
    await page.fill('#r0-value', '15');
    await page.press('#r0-value', 'Enter');
    const photonic = (await waitForPanel(page, 'photonic')) as unknown as PhotonicData;
    const s = await state(page);
    const expected = { ...device, left: withJunctionParameters(device, { r0: 15e-12 }).left };
    expect(expected.right.junction.r0).toBe(2e-11);
    expectClose(
      photonic.J[100],
      photonicHeatCurrent(expected, s.params.TL, photonic.TR[100]),
      REL,
      'J_γ, left r0 moved',
    );
    // Neither the file's device nor one with r0 moved on both sides.
    const both = withJunctionParameters(device, { r0: 15e-12 });
    for (const other of [device, both]) {
      expect(
        Math.abs(photonicHeatCurrent(other, s.params.TL, photonic.TR[100]) / photonic.J[100] - 1),
      ).toBeGreaterThan(1e-4);
    }
  });

  it('answers a bad device file with the key path and the nearest key, and keeps the view', async () => {
    await page.click('#reset');
    await waitForPanel(page, 'photonic');
    const before = (await state(page)).params;
    for (const [text, message] of [
      ['left:\n  juncton: { area: 0.1um^2 }\n', "unknown key; did you mean 'junction'?"],
      ['platform: ag\nTbath: 10 parsecs\n', 'Tbath'],
      ['platform: ag\nleft: [1, 2\n', 'YAML or JSON; the YAML parser stops there'],
    ]) {
      await page.setInputFiles('#device-file', {
        name: 'bad.yaml',
        mimeType: 'application/yaml',
        buffer: Buffer.from(text),
      });
      await expect.poll(() => page.textContent('#notes')).toContain(message);
      expect(await page.textContent('#notes')).toContain('bad.yaml');
      expect((await state(page)).params).toEqual(before);
    }
    const other = await context.newPage();
    await other.goto(`${server.url}?device=${encodeURIComponent('{"Tbath":"1e9 K","platform":"ag"}')}`);
    await waitForPanel(other, 'photonic');
    expect((await state(other)).params).toEqual(DEFAULT_PARAMS);
    expect(await other.textContent('#notes')).toContain('device: ');
    await other.close();
  });

  it('labels every control and shows keyboard focus', async () => {
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, textarea')]
        .filter((el) => {
          const labels = (el as HTMLInputElement).labels;
          return (
            labels === null || labels.length === 0 || [...labels].every((l) => l.textContent!.trim() === '')
          );
        })
        .map((el) => el.id || el.outerHTML),
    );
    expect(unlabelled).toEqual([]);
    const controls = await page.evaluate(() => document.querySelectorAll('input, select').length);
    // platform, device file, setup, the sides switch, and a slider + a text box per numeric control
    expect(controls).toBe(4 + 2 * 12);
    const nameless = await page.evaluate(() =>
      [...document.querySelectorAll('button')]
        .filter((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim() === '')
        .map((b) => b.outerHTML),
    );
    expect(nameless).toEqual([]);

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { tag: el.tagName, outline: style.outlineStyle, width: style.outlineWidth };
    });
    expect(['INPUT', 'SELECT', 'BUTTON']).toContain(focus.tag);
    expect(focus.outline).not.toBe('none');
    expect(parseFloat(focus.width)).toBeGreaterThanOrEqual(2);
  });

  it('draws the stale-free newest curve after a burst of slider moves', async () => {
    await page.focus('#TL');
    for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowLeft');
    const data = (await waitForPanel(page, 'photonic')) as unknown as PhotonicData;
    const s = await state(page);
    expect(data.TL).toBe(s.params.TL);
    const [x] = await plotted(page, 'photonic');
    expectClose(x[199], s.params.TL * 1e3, REL, 'last plotted T_R (mK)');
  });

  it(
    'draws T_L vs T_R, the responsivity and δT(J_in) from the heat balance',
    { timeout: 300_000 },
    async () => {
      await page.click('#reset');
      const balance = (await waitForPanel(page, 'balance', 240_000)) as unknown as BalanceData;
      const s = await state(page);
      expect(s.params).toEqual(DEFAULT_PARAMS);
      const device = platformDevice('ag');
      expect(balance.TR).toHaveLength(200);
      expect(balance.TR[0]).toBeCloseTo(0.01, 15);
      expect(balance.TR[199]).toBeCloseTo(0.8, 15);
      const [x, TL, , upper] = await plotted(page, 'temperature');
      const [, resp] = await plotted(page, 'responsivity');
      expect(x).toHaveLength(200);
      for (let i = 0; i < 200; i += 13) {
        const solution = solveBalance(device, { Jin: 1e-13, TR: balance.TR[i], setup: 1 });
        const roots = solution.roots;
        expect(balance.points[i]!.TL).toHaveLength(roots.length);
        if (roots.length === 0) continue;
        expectClose(TL[i], roots[0].TL * 1e3, REL, `plotted T_L (mK) at T_R = ${balance.TR[i]}`);
        expectClose(resp[i], roots[0].dTL_dTR, 1e-9, `plotted dT_L/dT_R at T_R = ${balance.TR[i]}`);
        if (roots.length === 3) expectClose(upper[i], roots[2].TL * 1e3, REL, 'upper root');
      }
      const drop = temperatureDrop(device, 1e-13, 1, 0.01, 0.8);
      expect(balance.drop).not.toBeNull();
      expectClose(balance.drop!.TLmin, drop.TLmin, REL, 'T_L,min');
      expectClose(balance.drop!.deltaT, drop.deltaT, REL, 'δT');

      await waitForPanel(page, 'drop', 240_000);
      const [Jin, deltaT] = await plotted(page, 'drop');
      expect(Jin).toHaveLength(25);
      expectClose(Jin[0], 1, 1e-12, 'first J_in (fW)');
      expectClose(Jin[24], 1000, 1e-12, 'last J_in (fW)');
      for (const i of [0, 12, 24]) {
        const d = temperatureDrop(device, Jin[i]! * 1e-15, 1, 0.01, 0.8);
        expectClose(deltaT[i], d.deltaT * 1e3, 1e-9, `δT (mK) at J_in = ${Jin[i]} fW`);
      }
    },
  );

  it('refuses a device outside the model’s domain (γ = 0.3) with the accepted range, and keeps the view', async () => {
    // γ > 0.1 lies beyond J_ph,S's tables: the library refuses it rather than computing for minutes.
    await page.click('#reset');
    await waitForPanel(page, 'photonic');
    const before = (await state(page)).params;
    const broad =
      'platform: ag\nleft:\n  superconductor: { gamma: 0.3 }\nright:\n  superconductor: { gamma: 0.3 }\n';
    await page.setInputFiles('#device-file', {
      name: 'broad.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(broad),
    });
    await expect
      .poll(() => page.textContent('#notes'))
      .toContain("left.superconductor.gamma: invalid value '0.3': from 1e-6 to 0.1 accepted");
    expect(await page.textContent('#notes')).toContain('broad.yaml');
    expect((await state(page)).params).toEqual(before);
  });

  it('exports the curves as CSV and the view as PNG', async () => {
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const csv = readFileSync((await csvDownload.path())!, 'utf8');
    expect(csvDownload.suggestedFilename()).toBe('ndtc-curves.csv');
    // Tidy: one header line, then one row per plotted point (the columns are checked in layout.test.ts).
    const lines = csv.trimEnd().split('\n');
    expect(lines[0].startsWith('set,panel,series,x_name,x,x_unit,y_name,y,y_unit,')).toBe(true);
    const photonicRows = lines.filter((l) => l.startsWith('current,photonic,'));
    expect(photonicRows).toHaveLength(200);
    const [x, J] = await plotted(page, 'photonic');
    const f = photonicRows[100].split(',');
    expect([f[2], f[3], f[5], f[6], f[8]]).toEqual(['J_γ', 'T_R', 'mK', 'J_γ', 'fW']);
    expect(Number(f[4])).toBe(x[100]);
    expect(Number(f[7])).toBe(J[100]);

    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    const png = readFileSync((await pngDownload.path())!);
    mkdirSync(OUTPUT, { recursive: true });
    await pngDownload.saveAs(join(OUTPUT, 'explorer-export.png'));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBeGreaterThan(800); // width
    expect(png.readUInt32BE(20)).toBeGreaterThan(600); // height
  });

  it('writes a screenshot of the default view', async () => {
    mkdirSync(OUTPUT, { recursive: true });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.screenshot({ path: join(OUTPUT, 'explorer.png'), fullPage: true });
    expect(existsSync(join(OUTPUT, 'explorer.png'))).toBe(true);
  });

  it(
    'measures slider → redraw times (reported in test-output/web-timings.json, not asserted)',
    { timeout: 300_000 },
    async () => {
      // Other tabs were opened by earlier tests: Chromium throttles a page it considers in the background.
      await page.bringToFront();
      const visibility = await page.evaluate(() => ({
        state: document.visibilityState,
        focus: document.hasFocus(),
      }));
      console.log('explorer page during timing:', visibility);
      const measure = async (selector: string, key: 'photonicDrawnAt' | 'balanceDrawnAt') => {
        await page.focus(selector);
        await page.keyboard.press('ArrowRight');
        const id = (await state(page)).requestId;
        await page.waitForFunction(
          ([id, key]) =>
            window.__ndtc.timings.find((t) => t.id === id)?.[key as 'photonicDrawnAt'] !== undefined,
          [id, key] as const,
          { timeout: 240_000 },
        );
        return (await state(page)).timings.find((t) => t.id === id)!;
      };
      for (let i = 0; i < 9; i++) {
        const t = await measure('#TL', 'photonicDrawnAt');
        timings.photonic.push(t.photonicDrawnAt! - t.inputAt);
        timings.photonicCompute.push(t.photonicComputeMs!);
        timings.photonicReply.push(t.photonicReplyAt! - t.inputAt);
        timings.computedIn.push(t.computedIn!);
      }
      for (let i = 0; i < 7; i++) {
        const t = await measure('#gamma', 'photonicDrawnAt');
        timings.photonicAfterGamma.push(t.photonicDrawnAt! - t.inputAt);
        timings.computedIn.push(t.computedIn!);
      }
      await page.click('#reset');
      await waitForPanel(page, 'balance', 240_000);
      slowRestarts = await page.evaluate(() => window.__ndtc.slowRestarts);
      for (let i = 0; i < 5; i++) {
        const t = await measure('#Jin', 'balanceDrawnAt');
        if (t.balanceCoarseDrawnAt !== undefined)
          timings.balanceCoarse.push(t.balanceCoarseDrawnAt - t.inputAt);
        timings.balanceFull.push(t.balanceDrawnAt! - t.inputAt);
      }
      // γ steps away from the paper's γ: J_ph,S from the γ family (loaded at the first such step).
      for (let i = 0; i < 4; i++) {
        const t = await measure('#gamma', 'balanceDrawnAt');
        timings.balanceAfterGamma.push(t.balanceDrawnAt! - t.inputAt);
      }
      expect(timings.photonic).toHaveLength(9);
      expect(timings.balanceFull).toHaveLength(5);
      // T_L moves at the paper's γ, and γ steps once the stored γ grid is loaded, compute in the page.
      expect(timings.computedIn.slice(0, 9)).toEqual(Array(9).fill('page'));
      expect(timings.computedIn.slice(-4)).toEqual(Array(4).fill('page'));
    },
  );
});
