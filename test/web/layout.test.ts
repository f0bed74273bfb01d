/**
 * The explorer on a phone (390 × 844) and a laptop (1280 × 800) in Chromium: nothing scrolls
 * sideways, a panel is on the first screen, every annotation lies inside its canvas; held curve
 * sets, left/right controls with the device's own T_bath, and the tidy CSV (read back by Python's
 * csv module). Redraw times per slider move are written to test-output/web-viewport-timings.json
 * and printed, not asserted.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { photonicHeatCurrent, platformDevice, withChi } from '../../src/index.js';
import { startStaticServer, type StaticServer } from '../../src/explore/server.js';
import { writeFileAtomic } from '../../src/io/atomic-write.js';
import { TIDY_COLUMNS } from '../../web/tidy.js';

const CHROMIUM = '/usr/bin/chromium';
const OUTPUT = resolve('test-output');
const haveChromium = existsSync(CHROMIUM);
const onCi = process.env.CI !== undefined && process.env.CI !== '';
const PANELS = ['resistance', 'photonic', 'conductance', 'temperature', 'responsivity', 'drop'];
const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  laptop: { width: 1280, height: 800 },
} as const;

interface Timing {
  id: number;
  inputAt: number;
  sentAt?: number;
  computedIn?: 'page' | 'worker';
  photonicReplyAt?: number;
  photonicComputeMs?: number;
  photonicDrawnAt?: number;
}

async function waitForPanel(page: Page, panel: string, timeout = 240_000): Promise<void> {
  await page.waitForFunction(
    (p) => {
      const s = window.__ndtc;
      const c = s.curves[p as 'photonic'] as { id: number; data: { complete?: boolean } } | undefined;
      return c !== undefined && c.id === s.requestId && c.data.complete !== false;
    },
    panel,
    { timeout },
  );
}

const median = (a: number[]): number => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];

describe.runIf(haveChromium || onCi)('explorer layout at phone and laptop sizes', () => {
  let siteDir: string;
  let server: StaticServer;
  let browser: Browser;
  const timings: Record<string, Record<string, number[]>> = {};

  beforeAll(async () => {
    if (!haveChromium)
      throw new Error(`${CHROMIUM} is missing on CI: install it (apt-get install -y chromium)`);
    siteDir = mkdtempSync(join(tmpdir(), 'ndtc-web-layout-'));
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
    if (Object.keys(timings).length > 0) {
      const report = {
        what: 'explorer redraw times in headless Chromium per viewport, ms from the slider move (input event) to the redrawn J_γ/κ_γ canvas',
        date: new Date().toISOString(),
        machine: {
          cpu: cpus()[0]?.model,
          cores: cpus().length,
          node: process.version,
          browser: browser?.version(),
        },
        viewports: Object.fromEntries(
          Object.entries(timings).map(([size, t]) => [
            size,
            Object.fromEntries(Object.entries(t).map(([k, v]) => [k, { median: median(v), samples: v }])),
          ]),
        ),
      };
      mkdirSync(OUTPUT, { recursive: true });
      writeFileAtomic(join(OUTPUT, 'web-viewport-timings.json'), JSON.stringify(report, null, 2) + '\n');
      for (const [size, t] of Object.entries(report.viewports))
        console.log(
          `explorer redraw at ${size}: ${JSON.stringify(Object.fromEntries(Object.entries(t).map(([k, v]) => [k, `${v.median.toFixed(1)} ms median`])))}`,
        );
    }
    await browser?.close();
    await server?.close();
    if (siteDir) rmSync(siteDir, { recursive: true, force: true });
  });

  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    it(
      `${size} ${viewport.width} × ${viewport.height}: no sideways scroll, a panel on the first screen, annotations inside their canvases`,
      { timeout: 300_000 },
      async () => {
        const page = await browser.newPage({ viewport, deviceScaleFactor: size === 'phone' ? 3 : 1 });
        await page.goto(server.url);
        await waitForPanel(page, 'photonic');
        await waitForPanel(page, 'balance');
        await waitForPanel(page, 'drop');
        mkdirSync(OUTPUT, { recursive: true });
        await page.screenshot({ path: join(OUTPUT, `explorer-${size}.png`) });

        const overflow = await page.evaluate(() => ({
          scroll: document.scrollingElement!.scrollWidth,
          inner: innerWidth,
          wide: [...document.querySelectorAll('body *')]
            .filter((el) => el.getBoundingClientRect().right > innerWidth + 0.5)
            .map((el) => el.id || el.className || el.tagName)
            .slice(0, 5),
        }));
        expect(overflow.wide, 'elements reaching past the right edge').toEqual([]);
        // Every control inside its column (a fieldset grew to its widest menu label), and on a phone
        // every button, menu, box, slider and checkbox at least 24 px tall (WCAG 2.2 target size).
        const controls = await page.evaluate(() => {
          const column = document.getElementById('controls-panel')!.getBoundingClientRect();
          const all = [
            ...document.querySelectorAll<HTMLElement>(
              '#controls-panel fieldset, #controls-panel select, button, input',
            ),
          ].filter((el) => el.offsetParent !== null && el.getAttribute('type') !== 'file');
          return {
            outside: all
              .filter(
                (el) =>
                  el.closest('#controls-panel') && el.getBoundingClientRect().right > column.right + 0.5,
              )
              .map((el) => el.id || el.tagName),
            small: all
              .filter((el) => el.getBoundingClientRect().height < 24)
              .map((el) => el.id || el.tagName),
          };
        });
        expect(controls.outside, 'controls past their column').toEqual([]);
        if (size === 'phone') expect(controls.small, 'touch targets under 24 px').toEqual([]);
        expect(overflow.scroll).toBeLessThanOrEqual(overflow.inner);

        const firstCanvasTop = await page.evaluate(
          () => document.querySelector('#charts canvas')!.getBoundingClientRect().top,
        );
        if (size === 'phone') expect(firstCanvasTop + 120).toBeLessThan(viewport.height);

        let labelled = 0;
        for (const id of PANELS) {
          const a = await page.evaluate((chart) => window.__ndtc.annotations(chart), id);
          for (const box of a.boxes) {
            labelled++;
            expect(box.left, `${id}: '${box.text}' left`).toBeGreaterThanOrEqual(0);
            expect(box.top, `${id}: '${box.text}' top`).toBeGreaterThanOrEqual(0);
            expect(box.right, `${id}: '${box.text}' right`).toBeLessThanOrEqual(a.width);
            expect(box.bottom, `${id}: '${box.text}' bottom`).toBeLessThanOrEqual(a.height);
            expect(box.text.endsWith('…'), `${id}: '${box.text}' shortened`).toBe(false);
          }
        }
        expect(labelled).toBeGreaterThanOrEqual(3); // the J_γ maximum, T_L,min and the J_in line

        // No curve runs through a label: the canvas's pixels inside each label's box hold no curve
        // colour (curves are saturated colours; the labels are near-black on white).
        for (const id of PANELS) {
          const crossed = await page.evaluate((chart) => {
            const canvas = document.querySelector<HTMLCanvasElement>(`#chart-${chart} canvas`)!;
            const scale = canvas.width / canvas.getBoundingClientRect().width;
            const ctx = canvas.getContext('2d')!;
            return window.__ndtc.annotations(chart).boxes.map((box) => {
              const [x, y] = [Math.floor(box.left * scale), Math.floor(box.top * scale)];
              const [w, h] = [
                Math.ceil((box.right - box.left) * scale),
                Math.ceil((box.bottom - box.top) * scale),
              ];
              const px = ctx.getImageData(x, y, w, h).data;
              let coloured = 0;
              for (let i = 0; i < px.length; i += 4) {
                // As seen: the canvas is transparent over the page's white.
                const a = px[i + 3] / 255;
                const [r, g, b] = [px[i], px[i + 1], px[i + 2]].map((c) => c * a + 255 * (1 - a));
                if (Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
              }
              return { text: box.text, coloured: coloured / (scale * scale) };
            });
          }, id);
          for (const c of crossed)
            expect(c.coloured, `${id}: curve pixels inside '${c.text}'`).toBeLessThan(1);
        }

        // Redraw per slider move (the controls are folded on a phone: open them first).
        await page.evaluate(() => {
          (document.getElementById('controls-panel') as HTMLDetailsElement).open = true;
        });
        // sliderMove: input → redrawn canvas; of which pageBeforeSend: the page's own work before the
        // requests leave, fastCompute: computing J_γ and κ_γ (in the page), computedAfterInput: when
        // they were ready to draw.
        const t: Record<string, number[]> = {
          sliderMove: [],
          pageBeforeSend: [],
          fastCompute: [],
          computedAfterInput: [],
          gammaStep: [],
        };
        for (const [selector, key, n] of [
          ['#TL', 'sliderMove', 9],
          ['#gamma', 'gammaStep', 5],
        ] as const) {
          for (let i = 0; i < n; i++) {
            await page.focus(selector);
            await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
            const id = await page.evaluate(() => window.__ndtc.requestId);
            await page.waitForFunction(
              (id) => window.__ndtc.timings.find((x) => x.id === id)?.photonicDrawnAt !== undefined,
              id,
              { timeout: 60_000 },
            );
            const timing = await page.evaluate(
              (id) => window.__ndtc.timings.find((x) => x.id === id) as unknown as Timing,
              id,
            );
            t[key].push(timing.photonicDrawnAt! - timing.inputAt);
            if (key === 'sliderMove') {
              // The paper's γ has its R/R₀ table loaded: no wait for a worker's turn on the CPU.
              expect(timing.computedIn).toBe('page');
              t.pageBeforeSend.push(timing.sentAt! - timing.inputAt);
              t.fastCompute.push(timing.photonicComputeMs!);
              t.computedAfterInput.push(timing.photonicReplyAt! - timing.inputAt);
            }
          }
        }
        timings[size] = t;
        await page.close();
      },
    );
  }

  it(
    'the legend names only the series drawn: unstable and upper roots where there are some',
    { timeout: 120_000 },
    async () => {
      const page = await browser.newPage({ viewport: VIEWPORTS.laptop });
      const shown = async (): Promise<string[]> =>
        page.$$eval('#chart-temperature .u-legend .u-series', (rows) =>
          rows
            .filter((r) => !(r as HTMLElement).hidden)
            .map((r) => r.textContent!.replace(/\s+/g, ' ').trim()),
        );
      await page.goto(server.url);
      await waitForPanel(page, 'balance');
      expect((await shown()).join(' | ')).not.toMatch(/unstable|upper/);
      // J_in = 0.1 fW: the bistable range of docs/bistability.md, three roots over part of T_R.
      await page.goto(`${server.url}?Jin=0.1`);
      await waitForPanel(page, 'balance');
      const bistable = (await shown()).join(' | ');
      expect(bistable).toMatch(/T_L unstable/);
      expect(bistable).toMatch(/T_L upper/);
      await page.close();
    },
  );

  it('holds up to three curve sets, names what differs, and clears them', { timeout: 120_000 }, async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.laptop });
    await page.goto(server.url);
    await waitForPanel(page, 'photonic');
    await page.click('#hold');
    for (const chi of ['5', '1', '10']) {
      await page.fill('#chi-value', chi);
      await page.press('#chi-value', 'Enter');
      await waitForPanel(page, 'photonic');
      await page.click('#hold');
    }
    const held = await page.evaluate(() => window.__ndtc.held);
    expect(held).toEqual(['held 2: χ = 5', 'held 3: χ = 1', 'held 4: same parameters']);
    expect(await page.textContent('#notes')).toContain('at most 3 held sets: dropped held 1');
    const legend = await page.textContent('#chart-photonic .chart-held');
    expect(legend).toContain('held 2: χ = 5');

    // The tidy CSV carries the current and the held curves, each set's J_γ the library's.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const path = (await download.path())!;
    const checked = JSON.parse(
      execFileSync('python3', [
        '-c',
        `import csv, json, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
header, body = rows[0], rows[1:]
print(json.dumps({"header": header, "widths": sorted({len(r) for r in body}), "n": len(body),
  "sets": sorted({r[0] for r in body}),
  "photonic": [[r[0], float(r[4]), float(r[7]), float(r[header.index("chi")])] for r in body if r[1] == "photonic"]}))`,
        path,
      ]).toString(),
    ) as {
      header: string[];
      widths: number[];
      n: number;
      sets: string[];
      photonic: [string, number, number, number][];
    };
    expect(checked.header).toEqual(TIDY_COLUMNS);
    expect(checked.header.slice(0, 9)).toEqual([
      'set',
      'panel',
      'series',
      'x_name',
      'x',
      'x_unit',
      'y_name',
      'y',
      'y_unit',
    ]);
    expect(checked.widths).toEqual([TIDY_COLUMNS.length]);
    // Keyed by number, not by what differs from the view now (which changes as the view does).
    expect(checked.sets).toEqual(['current', 'held 2', 'held 3', 'held 4']);
    const csv = readFileSync(path, 'utf8');
    expect(csv.split('\n').filter((l) => l.startsWith('#'))).toEqual([]);
    for (const [set, chi] of [
      ['current', 10],
      ['held 2', 5],
      ['held 3', 1],
    ] as const) {
      const rows = checked.photonic.filter((r) => r[0] === set);
      expect(rows).toHaveLength(200);
      const device = withChi(platformDevice('ag'), chi);
      for (const [, TRmK, JfW, chiColumn] of [rows[0], rows[77], rows[199]]) {
        expect(chiColumn).toBe(chi);
        const J = photonicHeatCurrent(device, 0.5, TRmK / 1e3) * 1e15;
        expect(Math.abs(JfW - J)).toBeLessThanOrEqual(1e-9 * Math.abs(J) + 1e-12);
      }
    }
    await page.locator('#chart-photonic').screenshot({ path: join(OUTPUT, 'explorer-held.png') });
    await page.click('#clear-held');
    expect(await page.evaluate(() => window.__ndtc.held)).toEqual([]);
    expect(await page.isHidden('#chart-photonic .chart-held')).toBe(true);
    await page.close();
  });

  it(
    'an asymmetric device gets left and right controls; Setup names the file’s T_bath',
    { timeout: 120_000 },
    async () => {
      const page = await browser.newPage({ viewport: VIEWPORTS.laptop });
      await page.goto(server.url);
      await waitForPanel(page, 'photonic');
      expect(await page.isHidden('#TcR')).toBe(true);
      const text =
        'platform: ag\nTbath: 20mK\nleft:\n  superconductor: { Tc: 1.2K }\nright:\n  superconductor: { Tc: 1.0K, gamma: 1.0e-3 }\n';
      await page.setInputFiles('#device-file', {
        name: 'two-sides.yaml',
        mimeType: 'application/yaml',
        buffer: Buffer.from(text),
      });
      await page.waitForFunction(() => window.__ndtc.params.file?.name === 'two-sides.yaml');
      await waitForPanel(page, 'photonic');
      expect(await page.isChecked('#separate')).toBe(true);
      expect(await page.isVisible('#TcR')).toBe(true);
      expect(await page.inputValue('#Tc-value')).toBe('1.2');
      expect(await page.inputValue('#TcR-value')).toBe('1');
      expect(await page.inputValue('#gammaR-value')).toBe('0.001');
      expect(await page.inputValue('#Tbath-value')).toBe('20');
      expect(await page.textContent('#setup option[value="1"]')).toContain('T_bath = 20 mK');
      expect(await page.textContent('#device-left')).toContain('T_c 1.2 K');
      expect(await page.textContent('#device-right')).toContain('T_c 1 K');
      // T_L's range ends at 0.98 of the lower T_c, and its help says so.
      expect(await page.textContent('#TL-help')).toContain('40–980 mK');

      // A T_bath step moves the photonic grid's start.
      await page.fill('#Tbath-value', '30');
      await page.press('#Tbath-value', 'Enter');
      await waitForPanel(page, 'photonic');
      const [x] = await page.evaluate(() => window.__ndtc.plotted('photonic'));
      expect(x[0]).toBeCloseTo(30, 10);
      expect(await page.textContent('#setup option[value="1"]')).toContain('T_bath = 30 mK');
      await page.close();
    },
  );
});
