/**
 * ndtc installed from its packed tarball, outside the clone: `npm install -g --prefix DIR ndtc-x.y.z.tgz`
 * puts `ndtc` on that prefix's PATH, with the explorer's built site inside the package.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'ndtc-install-'));
const prefix = join(work, 'prefix');
const elsewhere = join(work, 'elsewhere'); // a working directory with no ndtc in it
const ndtc = join(prefix, 'bin', 'ndtc');
const env = { ...process.env, PATH: `${join(prefix, 'bin')}:${process.env.PATH ?? ''}` };

function run(args: string[], cwd = elsewhere) {
  const r = spawnSync(ndtc, args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  // `npm ci` (prepare) built dist/ and web-dist/; the tarball is what `npm pack` ships from them.
  expect(existsSync(join(root, 'dist', 'cli', 'main.js')), 'dist/ is built by npm ci').toBe(true);
  expect(existsSync(join(root, 'web-dist', 'index.html')), 'web-dist/ is built by npm ci').toBe(true);
  execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], {
    cwd: root,
    stdio: 'pipe',
  });
  const tarball = readdirSync(work).find((n) => n.endsWith('.tgz'));
  expect(tarball).toBeDefined();
  execFileSync('mkdir', ['-p', elsewhere]);
  // Dependencies come from npm's cache, filled by `npm ci` (no network needed when it is warm).
  execFileSync(
    'npm',
    [
      'install',
      '-g',
      '--prefix',
      prefix,
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      join(work, tarball!),
    ],
    { cwd: elsewhere, stdio: 'pipe', timeout: 240_000 },
  );
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('installed from the tarball', () => {
  it('ndtc --version prints the package version', () => {
    const r = run(['--version']);
    expect(r.code).toBe(0);
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(r.stdout.trim()).toBe(version);
  });

  it('ships the built explorer and no sources or tests', () => {
    const pkg = join(prefix, 'lib', 'node_modules', 'ndtc');
    expect(existsSync(join(pkg, 'web-dist', 'index.html'))).toBe(true);
    expect(existsSync(join(pkg, 'src'))).toBe(false);
    expect(existsSync(join(pkg, 'test'))).toBe(false);
    // Without src/, a stack trace or a debugger finds the TypeScript in the source maps themselves.
    const map = JSON.parse(readFileSync(join(pkg, 'dist', 'physics', 'balance.js.map'), 'utf8')) as {
      sources: string[];
      sourcesContent?: string[];
    };
    expect(map.sources).toEqual(['../../src/physics/balance.ts']);
    expect(map.sourcesContent?.[0]).toContain('export function solveBalance');
  });

  it('reproduce --only 2a writes the panel outside the package, its PDF with the shipped pdfkit bundle', () => {
    const out = join(elsewhere, 'out');
    const pkg = join(prefix, 'lib', 'node_modules', 'ndtc');
    expect(existsSync(join(pkg, 'dist', 'vendor', 'pdfkit.js'))).toBe(true);
    // results.h5's library ships as the build's bundle too, its WebAssembly beside it.
    expect(existsSync(join(pkg, 'dist', 'vendor', 'h5wasm.js'))).toBe(true);
    expect(existsSync(join(pkg, 'dist', 'vendor', 'hdf5.wasm'))).toBe(true);
    const r = run(['reproduce', '--only', '2a', '--format', 'csv,svg,pdf', '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const csv = readFileSync(join(out, 'fig2a.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe('series,platform,T_R_mK,J_gamma_fW');
    expect(csv.trim().split('\n').length).toBeGreaterThan(100);
    expect(readFileSync(join(out, 'fig2a.svg'), 'utf8')).toMatch(/^<svg/);
    const pdf = readFileSync(join(out, 'fig2a.pdf'), 'latin1');
    expect(pdf).toMatch(/^%PDF-1\.\d/);
    expect(pdf).toContain('DejaVuSans');
  }, 120_000);

  it('ships the docs and examples; the docs’ --device examples/ag.yaml run outside the clone names the shipped one', () => {
    const pkg = join(prefix, 'lib', 'node_modules', 'ndtc');
    for (const f of ['docs/cli.md', 'docs/devices.md', 'docs/model.md', 'examples/ag.yaml'])
      expect(existsSync(join(pkg, f)), f).toBe(true);
    const r = run(['solve', '--Jin', '1fW', '--TR', '100mK', '--device', 'examples/ag.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`not found, but ndtc ships ${join(pkg, 'examples', 'ag.yaml')}`);
    const shipped = run([
      'solve',
      '--Jin',
      '1fW',
      '--TR',
      '100mK',
      '--device',
      join(pkg, 'examples', 'ag.yaml'),
    ]);
    expect(shipped.code, shipped.stderr).toBe(0);
  });

  it('a sweep writes results.h5 with the shipped h5wasm bundle', () => {
    const out = join(elsewhere, 'sweep');
    const r = run([
      'sweep',
      '--vary',
      'TR=10mK..800mK:4',
      '--Jin',
      '100fW',
      '--no-plot',
      '--quiet',
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(out, 'results.h5')).subarray(0, 8).toString('latin1')).toBe('\x89HDF\r\n\x1a\n');
  }, 60_000);

  it('ndtc explore serves the shipped site (no web sources needed)', async () => {
    const child = spawn(ndtc, ['explore', '--port', '0'], {
      cwd: elsewhere,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((ok, fail) => {
        let text = '';
        child.stdout.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          const m = /serving the explorer at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(text);
          if (m) ok(m[1]);
        });
        child.on('exit', (code) => fail(new Error(`ndtc explore exited with ${code}`)));
      });
      const body = await new Promise<string>((ok, fail) => {
        request(url, (res) => {
          let b = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (b += c));
          res.on('end', () => (res.statusCode === 200 ? ok(b) : fail(new Error(`HTTP ${res.statusCode}`))));
        })
          .on('error', fail)
          .end();
      });
      expect(body).toMatch(/<!doctype html>/i);
      expect(body).toMatch(/<script[^>]+src="\.\/assets\/index-[\w-]+\.js"/);
    } finally {
      child.kill('SIGINT');
    }
  }, 60_000);
});
