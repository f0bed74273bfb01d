/** Where the explorer's sources and built site live, whether the build is stale, and how to rebuild it. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SitePaths {
  /** The package root (holds package.json). */
  root: string;
  /** Explorer sources (web/), absent in an installed package that ships only the build. */
  web: string;
  /** The built static site. */
  dist: string;
  config: string;
}

/** This file is src/explore/site.ts or dist/explore/site.js: the package root is two levels up. */
export function sitePaths(root: string = fileURLToPath(new URL('../..', import.meta.url))): SitePaths {
  return {
    root,
    web: join(root, 'web'),
    dist: join(root, 'web-dist'),
    config: join(root, 'web', 'vite.config.ts'),
  };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.isFile()) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Why the site needs building, or null if web-dist/ is up to date. The page bundles web/ and the
 * library in src/, so a change in either makes the build stale.
 */
export function staleReason(paths: SitePaths): string | null {
  const index = join(paths.dist, 'index.html');
  if (!existsSync(index)) return 'web-dist/ has not been built';
  if (!existsSync(paths.web)) return null;
  const built = statSync(index).mtimeMs;
  const sources = Math.max(newestMtime(paths.web), newestMtime(join(paths.root, 'src')));
  return sources > built ? 'the sources are newer than web-dist/' : null;
}

/** Build web/ into web-dist/ with the installed vite (a development dependency). */
export async function buildSite(paths: SitePaths): Promise<void> {
  if (!existsSync(paths.config)) {
    throw new Error(
      `cannot build the explorer: ${paths.config} is missing (this installation ships no web sources)`,
    );
  }
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    throw new Error(
      'cannot build the explorer: vite is not installed (run npm install in the ndtc checkout)',
    );
  }
  await vite.build({ configFile: paths.config, logLevel: 'warn' });
}
