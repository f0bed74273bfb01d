/** The explorer's static server: serves only its root, refuses traversal in every spelling, binds 127.0.0.1. */
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:http';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePort, runExplore } from '../../src/cli/explore.js';
import { main } from '../../src/cli/main.js';
import { InputError } from '../../src/errors.js';
import { resolveRequestPath, startStaticServer, type StaticServer } from '../../src/explore/server.js';
import { sitePaths } from '../../src/explore/site.js';

const SECRET = 'top-secret-outside-the-root';

// Created at load time: the traversal cases below name absolute paths inside it.
const base = realpathSync(mkdtempSync(join(tmpdir(), 'ndtc-server-')));
const root = join(base, 'site');
let site: StaticServer;

/** A raw request: the path goes on the wire exactly as written (fetch would normalise `..`). */
function get(
  path: string,
  method = 'GET',
  headers: Record<string, string> = {},
): Promise<{ status: number; type: string; body: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: site.port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        ok({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }),
      );
    });
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>explorer</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'export const x = 1;');
  writeFileSync(join(root, 'assets', 'style.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'data.bin'), 'raw');
  writeFileSync(join(base, 'secret.txt'), SECRET);
  symlinkSync(join(base, 'secret.txt'), join(root, 'escape.txt'));
  symlinkSync(base, join(root, 'escape-dir'));
  symlinkSync(join(root, 'assets', 'app.js'), join(root, 'inside.js'));
  site = await startStaticServer({ root });
});

afterAll(async () => {
  await site?.close();
  rmSync(base, { recursive: true, force: true });
});

describe('static server', () => {
  it('listens on 127.0.0.1 only, on the port it reports', () => {
    const address = site.server.address();
    expect(address).toMatchObject({ address: '127.0.0.1', family: 'IPv4', port: site.port });
    expect(site.port).toBeGreaterThan(0);
    expect(site.url).toBe(`http://127.0.0.1:${site.port}/`);
  });

  it('serves index.html at / and files with their content types', async () => {
    const index = await get('/');
    expect(index).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(index.body).toContain('<title>explorer</title>');
    expect(await get('/index.html?platform=ag&chi=2')).toMatchObject({ status: 200 });
    expect(await get('/assets/app.js')).toMatchObject({
      status: 200,
      type: 'text/javascript; charset=utf-8',
    });
    expect(await get('/assets/style.css')).toMatchObject({ status: 200, type: 'text/css; charset=utf-8' });
    expect(await get('/assets/data.bin')).toMatchObject({ status: 200, type: 'application/octet-stream' });
    expect(await get('/inside.js')).toMatchObject({ status: 200, body: 'export const x = 1;' });
  });

  it('answers 404 for what is not there', async () => {
    expect((await get('/nope.html')).status).toBe(404);
    expect((await get('/assets/')).status).toBe(404);
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/%2F..%2Fsecret.txt',
    `/${encodeURIComponent(join(base, 'secret.txt'))}`,
    `/${join(base, 'secret.txt')}`,
    `//${join(base, 'secret.txt').slice(1)}`,
    '/%00',
    '/%zz',
    '/escape.txt',
    '/escape-dir/secret.txt',
  ])('refuses %s without leaking the file outside', async (path) => {
    const response = await get(path);
    expect([400, 404]).toContain(response.status);
    expect(response.body).not.toContain(SECRET);
  });

  it('refuses targets that are not origin-form paths', async () => {
    const absoluteForm = await get(`http://127.0.0.1:${site.port}/../secret.txt`);
    expect(absoluteForm.status).toBe(400);
    expect(absoluteForm.body).not.toContain(SECRET);
  });

  it.each([
    'evil.example',
    `evil.example:${0}`,
    '127.0.0.1',
    '127.0.0.1:1',
    '127.0.0.2:PORT',
    'localhost.evil:PORT',
  ])('refuses the Host %s (DNS rebinding) with 421 and no content', async (host) => {
    const response = await get('/', 'GET', { host: host.replace('PORT', String(site.port)) });
    expect(response.status).toBe(421);
    expect(response.body).not.toContain('<title>explorer</title>');
  });

  it('refuses a request without Host (HTTP/1.0) with 421', async () => {
    const head = await new Promise<string>((ok, fail) => {
      const socket = connect(site.port, '127.0.0.1', () => socket.end('GET / HTTP/1.0\r\n\r\n'));
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (text += chunk));
      socket.on('end', () => ok(text));
      socket.on('error', fail);
    });
    expect(head).toMatch(/^HTTP\/1\.[01] 421 /);
  });

  it.each(['127.0.0.1:PORT', 'localhost:PORT', 'LOCALHOST:PORT', '[::1]:PORT'])(
    'serves the Host %s (its own loopback address and port)',
    async (host) => {
      const response = await get('/', 'GET', { host: host.replace('PORT', String(site.port)) });
      expect(response.status).toBe(200);
      expect(response.body).toContain('<title>explorer</title>');
    },
  );

  it('answers only GET and HEAD', async () => {
    expect((await get('/', 'POST')).status).toBe(405);
    expect((await get('/', 'DELETE')).status).toBe(405);
    expect(await get('/', 'HEAD')).toMatchObject({ status: 200, body: '' });
  });

  it('resolves request paths to files inside the root only', async () => {
    const real = realpathSync(root);
    expect(await resolveRequestPath(real, '/assets/app.js')).toEqual({
      status: 200,
      file: resolve(real, 'assets/app.js'),
    });
    expect(await resolveRequestPath(real, '/../secret.txt')).toEqual({ status: 400 });
    expect(await resolveRequestPath(real, 'secret.txt')).toEqual({ status: 400 });
    expect(await resolveRequestPath(real, '/escape.txt')).toEqual({ status: 404 });
  });

  it('closes even with an idle keep-alive connection open', async () => {
    const other = await startStaticServer({ root });
    await new Promise<void>((ok) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: other.port,
          path: '/',
          agent: false,
          headers: { connection: 'keep-alive' },
        },
        (res) => {
          res.resume();
          res.on('end', ok);
        },
      );
      req.end();
    });
    await expect(other.close()).resolves.toBeUndefined();
    expect(other.server.listening).toBe(false);
  });
});

describe('ndtc explore', () => {
  it('accepts ports 0–65535 and names the option otherwise', () => {
    expect(parsePort(undefined)).toBe(0);
    expect(parsePort('0')).toBe(0);
    expect(parsePort('8080')).toBe(8080);
    for (const bad of ['-1', '65536', 'http', '80.5', '', '1e3']) {
      expect(() => parsePort(bad)).toThrow(InputError);
      expect(() => parsePort(bad)).toThrow(/--port: invalid value .*0 to 65535/);
    }
  });

  // A package root with a built site and no web/ sources: nothing to rebuild.
  const builtOnly = () => {
    const pkg = join(base, 'pkg');
    mkdirSync(join(pkg, 'web-dist'), { recursive: true });
    writeFileSync(join(pkg, 'web-dist', 'index.html'), '<!doctype html><title>built</title>');
    return sitePaths(pkg);
  };

  it('serves the built site until stopped', async () => {
    const out: string[] = [];
    const controller = new AbortController();
    let body = '';
    await runExplore(
      { build: true },
      {
        stdout: (s) => out.push(s),
        stderr: (s) => out.push(s),
        signal: controller.signal,
        paths: builtOnly(),
        onListening: (url) => {
          expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
          fetch(url)
            .then((r) => r.text())
            .then(
              (text) => {
                body = text;
                controller.abort();
              },
              () => controller.abort(),
            );
        },
      },
    );
    expect(body).toContain('<title>built</title>');
    expect(out.join('')).toMatch(/serving the explorer at http:\/\/127\.0\.0\.1:\d+\/.*stopped/s);
  });

  it('fails with a clear message when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((ok) => blocker.listen(0, '127.0.0.1', ok));
    const port = (blocker.address() as { port: number }).port;
    const run = runExplore(
      { port: String(port) },
      { stdout: () => {}, stderr: () => {}, paths: builtOnly() },
    );
    await expect(run).rejects.toThrow(`port ${port} on 127.0.0.1 is in use`);
    blocker.close();
  });

  it('with --no-build and nothing built, fails and says how to build', async () => {
    const run = runExplore(
      { build: false },
      { stdout: () => {}, stderr: () => {}, paths: sitePaths(join(base, 'empty')) },
    );
    await expect(run).rejects.toThrow(/has not been built.*npm run build:web/);
  });

  it('refuses a bad --port as an input error: exit code 2 and one line from ndtc', async () => {
    await expect(runExplore({ port: 'x' }, { stdout: () => {}, stderr: () => {} })).rejects.toThrow(
      InputError,
    );
    const err: string[] = [];
    const code = await main(['explore', '--port', '99999'], { stdout: () => {}, stderr: (s) => err.push(s) });
    expect(code).toBe(2);
    expect(err.join('')).toBe(
      "ndtc explore: --port: invalid value '99999': an integer from 0 to 65535 (0 picks a free port)\n",
    );
  });

  it('stops cleanly on Ctrl-C (SIGINT) with exit code 0', async () => {
    const paths = builtOnly();
    const script = join(base, 'explore-child.mts');
    const cli = resolve('src/cli/explore.ts');
    const site = resolve('src/explore/site.ts');
    writeFileSync(
      script,
      `import { runExplore } from ${JSON.stringify(cli)};\n` +
        `import { sitePaths } from ${JSON.stringify(site)};\n` +
        `const io = { stdout: (s: string) => process.stdout.write(s), stderr: (s: string) => process.stderr.write(s) };\n` +
        `await runExplore({}, { ...io, paths: sitePaths(${JSON.stringify(paths.root)}) });\n`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let interrupted = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!interrupted && out.includes('Ctrl-C to stop')) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((ok) => child.on('exit', (c) => ok(c)));
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('ndtc explore: stopped');
  });
});

describe('building the explorer', () => {
  it('prints no warning about the library’s Node-only modules (the build a user of ndtc explore sees)', () => {
    const out = mkdtempSync(join(tmpdir(), 'ndtc-site-build-'));
    try {
      const script = `import { build } from 'vite';
await build({ configFile: 'web/vite.config.ts', logLevel: 'warn', build: { outDir: ${JSON.stringify(out)}, emptyOutDir: true } });`;
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
        cwd: resolve('.'),
        encoding: 'utf8',
        // as a user's shell runs it: vitest's variables (VITEST, NODE_ENV=test) quiet vite's notes
        env: Object.fromEntries(
          Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV'),
        ),
      });
      expect(r.status, r.stderr).toBe(0);
      expect(existsSync(join(out, 'index.html'))).toBe(true);
      // vite's note on each node: import (node:fs, node:crypto, node:util) of the library's one entry
      expect(r.stdout + r.stderr).not.toMatch(/externalized for browser compatibility/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
