import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainText } from '../../src/figures/subscripts.js';
import { main } from '../../src/cli/main.js';
import { InputError } from '../../src/errors.js';
import { PANEL_IDS } from '../../src/figures/panels.js';
import { parseFormatList, parsePanelList } from '../../src/figures/reproduce.js';
import { decodePng, hasPngSignature, regionStats } from './png.js';
import { checkWellFormed, svgTexts } from './xml.js';

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

const root = mkdtempSync(join(tmpdir(), 'ndtc-reproduce-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('--only and --format parsing', () => {
  it('accepts lists in any case and order and returns them in panel order', () => {
    expect(parsePanelList('3B, 2a')).toEqual(['2a', '3b']);
    expect(parseFormatList('png,SVG')).toEqual(['svg', 'png']);
  });
  it('rejects unknown or empty entries with an InputError naming the option', () => {
    expect(() => parsePanelList('2a,9z')).toThrow(InputError);
    expect(() => parsePanelList('')).toThrow(/--only/);
    expect(() => parseFormatList('gif')).toThrow(/--format: invalid value 'gif'/);
    // An empty item is refused, as in every other list (--TR 10mK,,20mK).
    expect(() => parsePanelList('2a,')).toThrow(/--only: invalid value '2a,': .*without empty items/);
    expect(() => parseFormatList('png,,svg')).toThrow(
      /--format: invalid value 'png,,svg': .*without empty items/,
    );
  });
  it('the CLI exits 2 with one line for a bad --only or --format', async () => {
    for (const argv of [
      ['reproduce', '--only', '9z', '--out', join(root, 'never')],
      ['reproduce', '--format', 'gif', '--out', join(root, 'never')],
    ]) {
      const r = await run(argv);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^ndtc reproduce: --(only|format): invalid value '(9z|gif)'/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(existsSync(join(root, 'never'))).toBe(false);
  });
  it('--out an existing file: exit 1 naming it, as every command that writes a directory; the file kept', async () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'x');
    const r = await run(['reproduce', '--out', file, '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `ndtc reproduce: cannot create the directory ${file}: it exists and is not a directory (ENOTDIR)\n`,
    );
    expect(readFileSync(file, 'utf8')).toBe('x');
  });
});

describe('a full run', () => {
  const out = join(root, 'full');
  let result: { code: number; stdout: string; stderr: string };
  beforeAll(async () => {
    result = await run(['reproduce', '--out', out]);
  }, 300_000);

  it('exits 0, prints the claims and the list of files', () => {
    expect(result.stderr).toBe(''); // progress goes to the process stderr, not through main's io
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/claims: \d of 8 hold/);
    expect(result.stdout).toMatch(/c = 50 fF\/µm²/);
    expect(result.stdout).toContain('report.md');
  });

  it('writes every panel in every format, plus report.md and report.json, and nothing else', () => {
    const expected = PANEL_IDS.flatMap((id) => ['svg', 'png', 'csv', 'json'].map((f) => `fig${id}.${f}`));
    expect(readdirSync(out).sort()).toEqual([...expected, 'report.json', 'report.md'].sort());
    expect(readdirSync(root).filter((n) => n.includes('.partial-'))).toEqual([]);
  });

  it('JSON files parse and carry the panel, version, commit and date', () => {
    const version = (
      JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
    ).version;
    for (const id of PANEL_IDS) {
      const doc = JSON.parse(readFileSync(join(out, `fig${id}.json`), 'utf8'));
      expect(doc.panel.id).toBe(id);
      expect(doc.panel.series.length).toBeGreaterThan(0);
      expect(doc.metadata.ndtcVersion).toBe(version);
      expect(doc.metadata.gitCommit === null || /^[0-9a-f]{40}$/.test(doc.metadata.gitCommit)).toBe(true);
      expect(Number.isNaN(Date.parse(doc.metadata.date))).toBe(false);
      expect(Object.keys(doc.panel.parameters).length).toBeGreaterThan(0);
    }
  });

  it('CSV files have the unit-bearing header and the same number of rows as the JSON points', () => {
    for (const id of PANEL_IDS) {
      const lines = readFileSync(join(out, `fig${id}.csv`), 'utf8')
        .trimEnd()
        .split('\n');
      const doc = JSON.parse(readFileSync(join(out, `fig${id}.json`), 'utf8'));
      expect(lines[0]).toBe(`series,platform,${doc.panel.xColumn},${doc.panel.yColumn}`);
      const points = (doc.panel.series as { x: number[] }[]).reduce((n, s) => n + s.x.length, 0);
      expect(lines.length - 1).toBe(points);
    }
  });

  it('SVG files are XML with the axis titles as text; PNGs are 2× and not blank', () => {
    for (const id of PANEL_IDS) {
      const svg = readFileSync(join(out, `fig${id}.svg`), 'utf8');
      checkWellFormed(svg);
      const doc = JSON.parse(readFileSync(join(out, `fig${id}.json`), 'utf8'));
      const texts = svgTexts(svg);
      // Drawn with their subscripts set ('T_L (mK)' shows as T, subscript L, ' (mK)').
      expect(texts).toContain(plainText(doc.panel.xLabel));
      expect(texts).toContain(plainText(doc.panel.yLabel));
      expect(texts.some((t) => t.includes('_'))).toBe(false);
      const png = readFileSync(join(out, `fig${id}.png`));
      expect(hasPngSignature(png)).toBe(true);
      const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)![1]);
      const decoded = decodePng(png);
      expect(decoded.width).toBe(Math.round(2 * width));
      expect(png.length).toBeGreaterThan(30_000);
      expect(regionStats(decoded, 0, 0, decoded.width, decoded.height).variance).toBeGreaterThan(100);
    }
  });

  it('report.md has the parameter table, c = 50 fF/µm² with its reason, and a verdict for each claim', () => {
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(md).toMatch(/\| c \(specific capacitance\) \| 50 fF\/µm² \| 50 fF\/µm² \|/);
    expect(md).toContain('typo');
    expect(json.claims).toHaveLength(8);
    for (const c of json.claims) {
      expect(md).toContain(`### ${c.id}. ${c.holds ? 'HOLDS' : 'DOES NOT HOLD'} — `);
      expect(c.evidence.length).toBeGreaterThan(0);
    }
  });
});

describe('--only, --format and an existing output directory', () => {
  it('writes only the chosen panels and formats, keeps foreign files, replaces ours (with --force)', async () => {
    const out = join(root, 'existing');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    writeFileSync(join(out, 'fig2a.csv'), 'stale');
    writeFileSync(join(out, 'fig3b.png'), 'from an earlier run');
    const argv = ['reproduce', '--out', out, '--only', '2a,1c', '--format', 'csv,json', '--quiet'];
    const refused = await run(argv); // a non-empty directory only with --force
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /--out: .*or --force to write into it; it holds fig2a\.csv, fig3b\.png, notes\.txt\n$/,
    );
    expect(readFileSync(join(out, 'fig2a.csv'), 'utf8')).toBe('stale');
    const r = await run([...argv, '--force']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(readdirSync(out).sort()).toEqual(
      [
        'fig1c.csv',
        'fig1c.json',
        'fig2a.csv',
        'fig2a.json',
        'fig3b.png',
        'notes.txt',
        'report.json',
        'report.md',
      ].sort(),
    );
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(join(out, 'fig3b.png'), 'utf8')).toBe('from an earlier run');
    expect(readFileSync(join(out, 'fig2a.csv'), 'utf8')).toMatch(/^series,platform,T_R_mK,J_gamma_fW\n/);
    expect(readdirSync(root).filter((n) => n.includes('.partial-'))).toEqual([]);
  }, 300_000);
});

describe('staging', () => {
  // An existing --out may sit in a directory that is not ours to write (HPC scratch, a mounted volume):
  // the run is staged inside it then, and beside a new --out (made in its parent anyway).
  it.each([
    ['an existing, empty --out: inside it', true],
    ['a new --out: beside it', false],
  ])(
    '%s',
    async (_, exists) => {
      const parent = join(root, `staging-${exists}`);
      mkdirSync(parent);
      const out = join(parent, 'out');
      if (exists) mkdirSync(out);
      const seen = { inside: false, beside: false };
      const look = (): void => {
        const partial = (dir: string): boolean =>
          existsSync(dir) && readdirSync(dir).some((n) => n.startsWith('.out.partial-'));
        seen.inside ||= partial(out);
        seen.beside ||= partial(parent);
      };
      const timer = setInterval(look, 1);
      const r = await run(['reproduce', '--only', '1c,2a', '--format', 'csv,svg', '--out', out, '--quiet']);
      clearInterval(timer);
      expect(r.code, r.stderr).toBe(0);
      expect(seen).toEqual({ inside: exists, beside: !exists });
      expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
      expect(readdirSync(parent)).toEqual(['out']);
    },
    120_000,
  );

  it.skipIf(process.getuid?.() === 0)(
    'an existing --out in a parent it may not write: written into',
    async () => {
      const parent = join(root, 'read-only-parent');
      const out = join(parent, 'out');
      mkdirSync(out, { recursive: true });
      chmodSync(parent, 0o555);
      try {
        const r = await run(['reproduce', '--only', '1c', '--format', 'csv', '--out', out, '--quiet']);
        expect(r.code, r.stderr).toBe(0);
        expect(readdirSync(out)).toContain('fig1c.csv');
      } finally {
        chmodSync(parent, 0o755);
      }
    },
  );
});

describe('interruption', () => {
  it('a run killed with SIGKILL leaves its staging directory, which the next run removes (a live run’s stays)', async () => {
    const { spawn } = await import('node:child_process');
    const parent = join(root, 'killed');
    mkdirSync(parent);
    const out = join(parent, 'out');
    const script = `import('./src/cli/main.ts').then((m) => m.main(['reproduce', '--out', ${JSON.stringify(out)}])).then((c) => process.exit(c))`;
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], {
      cwd: new URL('../../', import.meta.url).pathname,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let running = true;
    const exited = new Promise<void>((done) =>
      child.on('exit', () => {
        running = false;
        done();
      }),
    );
    // Kill as soon as the staging directory exists: the run is then mid-way.
    const staged = (): string[] => readdirSync(parent).filter((n) => n.startsWith('.out.partial-'));
    while (running && staged().length === 0) await new Promise((r) => setTimeout(r, 10));
    expect(running, 'the run ended before its staging directory was seen').toBe(true);
    child.kill('SIGKILL');
    await exited;
    const stale = readdirSync(parent).filter((n) => n.startsWith('.out.partial-'));
    expect(stale).toHaveLength(1);
    // A staging directory of a live run (this test process) must survive.
    const live = `.out.partial-${process.pid}-1`;
    mkdirSync(join(parent, live));
    const r = await run(['reproduce', '--only', '1c', '--format', 'csv', '--out', out, '--quiet']);
    expect(r.code).toBe(0);
    expect(readdirSync(parent).sort()).toEqual([live, 'out'].sort());
  }, 300_000);

  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s (Ctrl-C; or timeout, kill, scancel) during the computation leaves no output and no partial directory',
    async (signal) => {
      const { spawn } = await import('node:child_process');
      const parent = join(root, `interrupted-${signal}`);
      mkdirSync(parent);
      const out = join(parent, 'out');
      const script = `import('./src/cli/main.ts').then((m) => m.main(['reproduce', '--progress', '--out', ${JSON.stringify(out)}])).then((c) => process.exit(c))`;
      const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], {
        cwd: new URL('../../', import.meta.url).pathname,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
      await new Promise<void>((started) => {
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          // the first progress line (asked for: stderr is a pipe) means the staging directory exists and the computation is running
          if (/reproduce: \d+%/.test(stderr)) started();
        });
      });
      child.kill(signal);
      const code = await exited;
      expect(code).toBe(1);
      expect(stderr).toMatch(/ndtc reproduce: interrupted; no files were changed/);
      expect(readdirSync(parent)).toEqual([]);
    },
    300_000,
  );
});
