/**
 * The explorer's dynamics panel and diode/transistor readout in Chromium: T_L(t) after the J_in step
 * starts at the library's steady state and ends at the new one (solveBalance), the τ annotation is the
 * library's timeConstant, R is the library's rectification, α (or its note) follows the library; at
 * 390 × 844 nothing scrolls sideways. Everything is recomputed here in Node from the library.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeTwoReservoirState,
  photonicHeatCurrent,
  platformDevice,
  rectification,
  reservoirPhononHeat,
  solveBalance,
  temperatureDrop,
  timeConstant,
  transistorResponseAt,
  withChi,
  type Setup,
} from '../../src/index.js';
import { startStaticServer, type StaticServer } from '../../src/explore/server.js';
import type { DynamicsCurve } from '../../web/dynamics.js';

const CHROMIUM = '/usr/bin/chromium';
const OUTPUT = resolve('test-output');
const haveChromium = existsSync(CHROMIUM);
const onCi = process.env.CI !== undefined && process.env.CI !== '';

/** Page (V8 in Chromium) and test (Node) may differ in the last bits of Math functions; roots and
 * minima located by iteration then differ by far less than this. */
const REL = 1e-8;

async function dynamicsOf(page: Page): Promise<DynamicsCurve> {
  await page.waitForFunction(
    () => {
      const s = window.__ndtc;
      return s.errors.dynamics !== undefined || s.curves.dynamics?.id === s.requestId;
    },
    undefined,
    { timeout: 120_000 },
  );
  const s = await page.evaluate(() => JSON.parse(JSON.stringify(window.__ndtc)) as typeof window.__ndtc);
  expect(s.errors.dynamics, 'dynamics panel error').toBeUndefined();
  return s.curves.dynamics!.data as DynamicsCurve;
}

const close = (actual: number, expected: number, rel: number, what: string): void => {
  if (!(Math.abs(actual - expected) <= rel * Math.abs(expected)))
    expect.fail(`${what}: ${actual} differs from the library's ${expected} by more than ${rel} relative`);
};

/** Check the page's dynamics and readout against the library, for the paper's Ag device with χ = 2. */
async function checkAgainstLibrary(page: Page, Jin: number, setup: Setup): Promise<DynamicsCurve> {
  const data = await dynamicsOf(page);
  const device = withChi(platformDevice('ag'), 2);
  expect(data.setup).toBe(setup);
  close(data.Jin, Jin, 1e-12, 'J_in');
  close(data.JinAfter, 1.1 * Jin, 1e-12, 'J_in after the step');
  const TR =
    setup === 2 ? device.Tbath : temperatureDrop(device, Jin, setup, device.Tbath, (2 / 3) * 1.2).TRatMin;
  close(data.TR, TR, 1e-6, 'T_R of the operating point');

  // Start and end: the lowest stable state before, and the state after the step it relaxes to.
  const before = solveBalance(device, { Jin, TR: data.TR, setup }).roots.filter((r) => r.stable)[0];
  const after = solveBalance(device, { Jin: data.JinAfter, TR: data.TR, setup }).roots.filter(
    (r) => r.stable,
  );
  const first = data.TL[0];
  const last = data.TL[data.TL.length - 1];
  close(first, before.TL, REL, 'T_L at t = 0');
  const target = after.reduce((a, b) => (Math.abs(b.TL - last) < Math.abs(a.TL - last) ? b : a));
  // After 10 τ the step has e^−10 ≈ 5e-5 of its size left (plus the integrator's tolerance).
  expect(Math.abs(last - target.TL)).toBeLessThan(1e-3 * Math.abs(target.TL - before.TL) + 1e-8);
  expect(Math.abs(target.TL - before.TL)).toBeGreaterThan(1e-4); // a visible step, not a flat line
  expect(data.status).toBe('done');

  // The plotted curve is the data in µs and mK.
  const plotted = await page.evaluate(() => window.__ndtc.plotted('dynamics'));
  expect(plotted[0]).toHaveLength(data.time.length);
  close(plotted[1][plotted[1].length - 1]!, last * 1e3, 1e-12, 'plotted final T_L (mK)');

  // τ: the library's, in the annotation inside the canvas (3 significant digits).
  const tau = timeConstant(device, before);
  close(data.tau, tau, REL, 'τ');
  const a = await page.evaluate(() => window.__ndtc.annotations('dynamics'));
  const label = a.boxes.find((b) => b.text.startsWith('τ = '));
  expect(label, 'τ annotation').toBeDefined();
  expect(label!.text).toBe(`τ = ${Number((tau * 1e6).toPrecision(3))} µs`);
  expect(label!.left).toBeGreaterThanOrEqual(0);
  expect(label!.top).toBeGreaterThanOrEqual(0);
  expect(label!.right).toBeLessThanOrEqual(a.width);
  expect(label!.bottom).toBeLessThanOrEqual(a.height);
  // Near-linear relaxation: at t = τ about 1 − 1/e of the step is done.
  const i = data.time.findIndex((t) => t >= tau);
  const done = (data.TL[i] - first) / (last - first);
  expect(Math.abs(done - (1 - Math.exp(-1)))).toBeLessThan(0.1);

  // R at (max, min) of T_L and T_R, the library's.
  const hot = Math.max(before.TL, data.TR);
  const cold = Math.min(before.TL, data.TR);
  const R = rectification(device, hot, cold).ratio;
  expect('ratio' in data.diode).toBe(true);
  if ('ratio' in data.diode) close(data.diode.ratio, R, REL, 'R');
  const readout = (await page.textContent('#diode-readout')) ?? '';
  expect(readout).toContain(`R = J_fwd/J_rev = ${Number(R.toPrecision(3))} `);

  // α where a right heater ≥ 0 holds T_R in setup 3, else a note saying why not.
  const JinR =
    reservoirPhononHeat(device.right, data.TR, device.Tbath) -
    photonicHeatCurrent(device, before.TL, data.TR);
  if (setup === 1 && JinR >= 0) {
    const alpha = transistorResponseAt(device, describeTwoReservoirState(device, before.TL, data.TR)).alpha;
    expect('alpha' in data.transistor).toBe(true);
    if ('alpha' in data.transistor) close(data.transistor.alpha, alpha, 1e-6, 'α');
    expect(readout).toContain(`α = ∂J_γ/∂J_in^R = ${Number(alpha.toPrecision(3))}`);
  } else {
    expect('note' in data.transistor).toBe(true);
    expect(readout).toContain('transistor α: not applicable');
  }
  return data;
}

describe.runIf(haveChromium || onCi)('explorer dynamics panel and diode/transistor readout', () => {
  let siteDir: string;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    if (!haveChromium)
      throw new Error(`${CHROMIUM} is missing on CI: install it (apt-get install -y chromium)`);
    siteDir = mkdtempSync(join(tmpdir(), 'ndtc-web-dynamics-'));
    await build({
      configFile: resolve('web/vite.config.ts'),
      build: { outDir: siteDir, emptyOutDir: true },
      logLevel: 'error',
    });
    server = await startStaticServer({ root: siteDir });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
      ],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (siteDir) rmSync(siteDir, { recursive: true, force: true });
  });

  it(
    'phone 390 × 844: the library’s T_L(t), τ and R, and no sideways scroll',
    { timeout: 240_000 },
    async () => {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 });
      await page.goto(server.url);
      await checkAgainstLibrary(page, 100e-15, 1);
      mkdirSync(OUTPUT, { recursive: true });
      await page.locator('#chart-dynamics').screenshot({ path: join(OUTPUT, 'explorer-dynamics-phone.png') });
      const overflow = await page.evaluate(() => ({
        scroll: document.scrollingElement!.scrollWidth,
        inner: innerWidth,
        wide: [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > innerWidth + 0.5)
          .map((el) => el.id || el.className || el.tagName)
          .slice(0, 5),
      }));
      expect(overflow.wide, 'elements reaching past the right edge').toEqual([]);
      expect(overflow.scroll).toBeLessThanOrEqual(overflow.inner);
      await page.close();
    },
  );

  it('laptop 1280 × 800: follows the J_in slider and the setup menu', { timeout: 240_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}?Jin=30`);
    const first = await checkAgainstLibrary(page, 30e-15, 1);
    // One slider step of J_in: a new step, from the new operating point.
    await page.focus('#Jin');
    await page.keyboard.press('ArrowRight');
    const Jin = await page.evaluate(() => window.__ndtc.params.Jin);
    expect(Jin).toBeGreaterThan(30e-15);
    const moved = await checkAgainstLibrary(page, Jin, 1);
    expect(moved.TL[0]).not.toBe(first.TL[0]);
    await page.selectOption('#setup', '2');
    await checkAgainstLibrary(page, Jin, 2);
    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: join(OUTPUT, 'explorer-dynamics-laptop.png'), fullPage: true });
    await page.close();
  });
});
