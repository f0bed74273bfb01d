/** `ndtc explore [--port N] [--no-build]`: build the explorer site if stale, then serve it on 127.0.0.1. */
import { Command } from 'commander';
import { InputError } from '../errors.js';
import { startStaticServer } from '../explore/server.js';
import { buildSite, sitePaths, staleReason, type SitePaths } from '../explore/site.js';

export interface ExploreOptions {
  /** Port as typed; 0 or absent picks a free one. */
  port?: string;
  /** false with --no-build: serve web-dist/ as it is. */
  build?: boolean;
}

export interface ExploreIo {
  stdout: Pick<NodeJS.WriteStream, 'write'>;
  stderr: Pick<NodeJS.WriteStream, 'write'>;
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

/** Serve until Ctrl-C (SIGINT), SIGTERM or the abort signal; resolves to the exit code. */
export async function runExplore(options: ExploreOptions, io: ExploreIo): Promise<number> {
  const port = parsePort(options.port);
  const paths = io.paths ?? sitePaths();
  const reason = staleReason(paths);
  if (reason !== null) {
    if (options.build === false) {
      if (reason === 'web-dist/ has not been built') {
        io.stderr.write(`ndtc explore: ${reason}; run without --no-build or 'npm run build:web'\n`);
        return 1;
      }
      io.stderr.write(`ndtc explore: warning: ${reason} (serving it anyway, --no-build)\n`);
    } else {
      io.stderr.write(`ndtc explore: building the site (${reason})…\n`);
      try {
        await buildSite(paths);
      } catch (error) {
        io.stderr.write(`ndtc explore: ${error instanceof Error ? error.message : String(error)}\n`);
        return 1;
      }
    }
  }

  let site;
  try {
    site = await startStaticServer({ root: paths.dist, port });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'EADDRINUSE'
        ? `port ${port} on 127.0.0.1 is in use; choose another or omit --port for a free one`
        : `cannot listen on 127.0.0.1:${port}: ${(error as Error).message}`;
    io.stderr.write(`ndtc explore: ${why}\n`);
    return 1;
  }
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
  io.stdout.write(`ndtc explore: serving the explorer at ${site.url} (Ctrl-C to stop)\n`);
  io.onListening?.(site.url);
  await stopped;
  await site.close();
  io.stdout.write('ndtc explore: stopped\n');
  return 0;
}

/** The commander command; `setExitCode` receives runExplore's result. */
export function exploreCommand(setExitCode: (code: number) => void): Command {
  return new Command('explore')
    .description('open the interactive explorer: build it if needed and serve it on 127.0.0.1')
    .option('--port <n>', 'port to listen on (default: a free port)')
    .option('--no-build', 'serve web-dist/ as it is, without rebuilding')
    .action(async (options: ExploreOptions) => {
      setExitCode(await runExplore(options, { stdout: process.stdout, stderr: process.stderr }));
    });
}
