/**
 * The usage the docs show: every page with command lines says once, at its top, that they are written
 * `ndtc …` (installed) and run as `npx ndtc …` inside a clone; and no example writes into the source
 * tree (so `npm run format:check` still passes after running them): `--out` is under the git-ignored
 * ndtc-out/, or outside the clone.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const pages = [
  'README.md',
  ...readdirSync(new URL('docs/', root))
    .filter((n) => n.endsWith('.md'))
    .map((n) => `docs/${n}`),
];
const text = (page: string): string => readFileSync(new URL(page, root), 'utf8');

/** Lines that run a command (in a code block or a `$` prompt), not prose that names one. */
function commandLines(page: string): string[] {
  return text(page)
    .split('\n')
    .filter((l) => /^\s*(\$ )?(npx )?ndtc [a-z]/.test(l));
}

describe('usage in README.md and docs/*.md', () => {
  it.each(pages.filter((p) => commandLines(p).length > 0))(
    '%s says npx ndtc (clone) and ndtc (install) near its top',
    (page) => {
      const top = text(page).split('\n').slice(0, 40).join('\n');
      expect(top + text(page), page).toContain('npx ndtc');
      if (page !== 'README.md') expect(top, page).toMatch(/`npx ndtc …`/);
    },
  );

  it.each(pages)('%s: every --out of an example lies under ndtc-out/ or outside the clone', (page) => {
    for (const line of text(page)
      .split('\n')
      .filter((l) => /\bndtc\b/.test(l))) {
      for (const m of line.matchAll(/--out[ =]([^\s`|]+)/g)) {
        expect(m[1], `${page}: ${line.trim()}`).toMatch(/^(ndtc-out\/|\/tmp\/|\/scratch\/|DIR\b|<dir>|\$)/);
      }
    }
  });

  it.each(pages)('%s: every --figure of an example lies under ndtc-out/ or outside the clone', (page) => {
    for (const line of commandLines(page))
      for (const m of line.matchAll(/--figure[ =]([^\s`|]+)/g))
        expect(m[1], `${page}: ${line.trim()}`).toMatch(/^(ndtc-out\/|\/tmp\/|<file>)/);
  });

  it('examples run one after another do not collide: each output folder belongs to one command', () => {
    // A second, different command into the same non-empty folder is refused (the folder policy).
    const owners = new Map<string, Set<string>>();
    for (const page of pages)
      // Continued lines (a trailing backslash) joined: the --out of a long example is on its last line.
      for (const raw of text(page)
        .replace(/\s*\\\n\s*/g, ' ')
        .split('\n')) {
        const line = raw
          .replace(/#.*$/, '')
          .replace(/^\s*(\$ )?(npx )?/, '')
          .split(/\s{2,}/)[0] // a help example's description follows after a gap
          .trim();
        const command = /^ndtc (sweep|reproduce|hysteresis|optimize|transient)\b/.exec(line)?.[1];
        if (!command || /--resume|--force|--emit-slurm|\.\.\. |\[options\]/.test(line)) continue;
        const out = /--out[ =](\S+)/.exec(line)?.[1] ?? `ndtc-out/${command}`;
        if (!owners.has(out)) owners.set(out, new Set());
        owners.get(out)!.add(line.replace(/\s+/g, ' '));
      }
    for (const [out, lines] of owners)
      expect([...lines], `${out}: ${[...lines].join(' | ')}`).toHaveLength(1);
  });

  it('the README sweep example writes into ndtc-out/, which git (and so prettier) ignores', () => {
    expect(text('README.md')).toMatch(/npx ndtc sweep .* --out ndtc-out\/study-ag\n/);
    expect(text('.gitignore').split('\n')).toContain('ndtc-out/');
  });
});
