/** `ndtc explore [--port N] [--no-build]`: build the explorer site if stale, then serve it on 127.0.0.1. */
import type { Command } from 'commander';
import { InputError } from '../errors.js';
import { startStaticServer } from '../explore/server.js';
import { buildSite, sitePaths, staleReason, type SitePaths } from '../explore/site.js';
import type { CliContext } from './context.js';

export interface ExploreOptions {
  /** Port as typed; 0 or absent picks a free one. */
  port?: string;
  /** false with --no-build: serve web-dist/ as it is. */
  build?: boolean;
}

export interface ExploreIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Stops the server when aborted (Ctrl-C does the same). */
  signal?: AbortSignal;
  /** Called once the server listens (tests use it to find the URL). */
  onListening?: (url: string) => void;
  paths?: SitePaths;
}

export function parsePort(text: string | undefined): number {
  if (text === undefined) return 0;
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 0 && port <= 65535)) {
    throw new InputError('--port', text, 'an integer from 0 to 65535 (0 picks a free port)');
  }
  return port;
}

/**
 * Serve until Ctrl-C (SIGINT), SIGTERM or the abort signal, then close and resolve. Throws
 * InputError for a bad --port and Error (one line) when the site cannot be built or served.
 */
export async function runExplore(options: ExploreOptions, io: ExploreIo): Promise<void> {
  const port = parsePort(options.port);
  const paths = io.paths ?? sitePaths();
  const reason = staleReason(paths);
  if (reason !== null) {
    if (options.build === false) {
      if (reason === 'web-dist/ has not been built') {
        throw new Error(`${reason}; run without --no-build, or 'npm run build:web'`);
      }
      io.stderr(`ndtc explore: warning: ${reason} (serving it anyway: --no-build)\n`);
    } else {
      io.stderr(`ndtc explore: building the site (${reason})…\n`);
      await buildSite(paths);
    }
  }

  const site = await startStaticServer({ root: paths.dist, port }).catch((error: NodeJS.ErrnoException) => {
    throw new Error(
      error.code === 'EADDRINUSE'
        ? `port ${port} on 127.0.0.1 is in use; choose another or omit --port for a free one`
        : `cannot listen on 127.0.0.1:${port}: ${error.message}`,
    );
  });
  // Handlers go in before the URL is printed: whoever reads the URL may press Ctrl-C at once.
  const stopped = new Promise<void>((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      io.signal?.removeEventListener('abort', stop);
      done();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    if (io.signal?.aborted === true) stop();
    else io.signal?.addEventListener('abort', stop);
  });
  io.stdout(`ndtc explore: serving the explorer at ${site.url} (Ctrl-C to stop)\n`);
  io.onListening?.(site.url);
  await stopped;
  await site.close();
  io.stdout('ndtc explore: stopped\n');
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('explore')
    .description('open the interactive explorer: build it if needed, then serve it on 127.0.0.1')
    .option('--port <n>', 'port to listen on (default: a free port)')
    .option('--no-build', 'serve web-dist/ as it is, without rebuilding it')
    .addHelpText(
      'after',
      `
Examples:
  $ ndtc explore               # build if stale, serve on a free port, print the URL
  $ ndtc explore --port 8080 --no-build`,
    )
    .action(async (options: ExploreOptions) => {
      await runExplore(options, { stdout: ctx.stdout, stderr: ctx.stderr });
    });
}
