/**
 * A static file server for the built explorer (web-dist/). It listens on 127.0.0.1 only and
 * serves nothing outside its root: traversal (plain or percent-encoded), backslashes, NUL bytes
 * and symlinks that lead out are refused, and only GET and HEAD are answered. Requests whose
 * `Host` is not this server's own loopback address and port are refused (421), so a web page
 * elsewhere cannot reach it by rebinding a DNS name to 127.0.0.1.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  server: Server;
  /** http://127.0.0.1:PORT/ */
  url: string;
  port: number;
  /** Stop accepting, drop idle keep-alive connections, and resolve once closed. */
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** Directory to serve (the built site). */
  root: string;
  /** 0 (the default) picks a free port. */
  port?: number;
}

type Resolution = { status: 200; file: string } | { status: 400 | 404 };

/**
 * Map a request target to a file inside `root` (already real-pathed), or to the status to answer.
 * Exported for tests: the checks are the security boundary of the server.
 */
export async function resolveRequestPath(root: string, target: string): Promise<Resolution> {
  // Only origin-form targets ("/path?query"); absolute-form or authority-form are not for us.
  if (!target.startsWith('/')) return { status: 400 };
  const rawPath = target.split(/[?#]/, 1)[0];
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { status: 400 };
  }
  // Checked after decoding so that %2e%2e, %2f and %5c cannot smuggle a traversal past us.
  if (decoded.includes('\0') || decoded.includes('\\')) return { status: 400 };
  if (decoded.split('/').some((segment) => segment === '..')) return { status: 400 };
  if (decoded.startsWith('//')) return { status: 400 };

  let candidate = resolve(root, `.${decoded}`);
  if (!isInside(root, candidate)) return { status: 400 };
  try {
    let info = await stat(candidate);
    if (info.isDirectory()) {
      candidate = resolve(candidate, 'index.html');
      info = await stat(candidate);
    }
    if (!info.isFile()) return { status: 404 };
    // A symlink inside the root may point anywhere: judge the real path, not the name.
    const real = await realpath(candidate);
    if (!isInside(root, real)) return { status: 404 };
    return { status: 200, file: real };
  } catch {
    return { status: 404 };
  }
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

function reply(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
  res.end(`${text}\n`);
}

/**
 * Whether a `Host` header names this server: 127.0.0.1 or localhost (any case) with our port.
 * Exported for tests: with the path checks it is the security boundary of the server.
 */
export function isOwnHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const m = /^(127\.0\.0\.1|localhost|\[::1\]):(\d{1,5})$/i.exec(host.trim());
  return m !== null && Number(m[2]) === port;
}

async function handle(root: string, port: number, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!isOwnHost(req.headers.host, port)) return reply(res, 421, 'misdirected request');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    reply(res, 405, 'method not allowed');
    return;
  }
  const found = await resolveRequestPath(root, req.url ?? '');
  if (found.status !== 200)
    return reply(res, found.status, found.status === 400 ? 'bad request' : 'not found');
  const type = CONTENT_TYPES[extname(found.file).toLowerCase()] ?? 'application/octet-stream';
  res.writeHead(200, {
    'content-type': type,
    'x-content-type-options': 'nosniff',
    // The site is rebuilt in place; always revalidate so a reload shows the new build.
    'cache-control': 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(found.file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/** Serve `root` on 127.0.0.1. Rejects if the port is taken. */
export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = await realpath(options.root);
  let port = 0;
  const server = createServer((req, res) => {
    handle(root, port, req, res).catch(() => {
      if (!res.headersSent) reply(res, 500, 'internal error');
      else res.destroy();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', fail);
      ok();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((ok, fail) => {
        server.close((error) => (error ? fail(error) : ok()));
        server.closeAllConnections();
      }),
  };
}
