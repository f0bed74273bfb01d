/**
 * ndtc as a dependency: the packed tarball installed into a consumer, and the README's library
 * examples (every ```ts block of "## The library") typechecked against the shipped declarations with
 * this repository's TypeScript and run — in an ES module project and in a default CommonJS project
 * (`npm init` style, no "type"), where Node ≥ 20.19 require()s the package.
 *
 * Both projects sit in one directory whose node_modules holds the installed tarball (Node and tsc
 * resolve upwards), so the dependencies are installed once.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
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
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'ndtc-consumer-'));
const tsc = join(root, 'node_modules', '.bin', 'tsc');

/** The ```ts blocks of the README's "## The library" section. */
function readmeExamples(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## The library\n');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end);
  return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
}

const examples = readmeExamples();

function project(name: string, type: 'module' | undefined, module: string): string {
  const dir = join(work, name);
  mkdirSync(dir);
  // What `npm init -y` writes (no "type": CommonJS), or the same with "type": "module".
  const pkg = { name, version: '1.0.0', main: 'index.js', ...(type && { type }), license: 'ISC' };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module,
        moduleResolution: 'nodenext',
        strict: true,
        // The shipped declarations are checked too.
        skipLibCheck: false,
        outDir: 'out',
        types: ['node'],
        typeRoots: [join(root, 'node_modules', '@types')],
      },
      include: ['*.ts'],
    }),
  );
  examples.forEach((code, i) => writeFileSync(join(dir, `example-${i + 1}.ts`), code));
  return dir;
}

beforeAll(() => {
  expect(existsSync(join(root, 'dist', 'index.js')), 'dist/ is built by npm ci').toBe(true);
  execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], {
    cwd: root,
    stdio: 'pipe',
  });
  const tarball = readdirSync(work).find((n) => n.endsWith('.tgz'));
  expect(tarball).toBeDefined();
  writeFileSync(
    join(work, 'package.json'),
    JSON.stringify({ name: 'consumers', version: '1.0.0', private: true }),
  );
  // Dependencies come from npm's cache, filled by `npm ci` (no network needed when it is warm).
  execFileSync(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', join(work, tarball!)],
    { cwd: work, stdio: 'pipe', timeout: 240_000 },
  );
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

function typecheckAndRun(dir: string): void {
  const check = spawnSync(tsc, ['-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
  expect(check.status, `${check.stdout}${check.stderr}`).toBe(0);
  examples.forEach((_, i) => {
    const run = spawnSync(process.execPath, [join(dir, 'out', `example-${i + 1}.js`)], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status, `example ${i + 1}: ${run.stderr}`).toBe(0);
    // The examples print their results: J_γ of the first, the sweep's shape of the second.
    if (i === 0) expect(Number(run.stdout.split('\n')[0])).toBeCloseTo(1.41e-14, 16);
    if (i === 1) {
      expect(run.stdout).toContain('[ 4, 50 ]');
      // The hysteresis example shows its loop (a T_R sweep at 10 fW, before, showed none).
      expect(run.stdout).toMatch(/from: 1e-18,\s+to: 5\.01\d*e-16,\s+maxSplit: 0\.26/);
    }
  });
}

describe('the README’s library examples against the packed tarball', () => {
  it('the README has them', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const code of examples) expect(code).toMatch(/from 'ndtc'/);
  });

  it('an ES module project typechecks and runs them', () => {
    typecheckAndRun(project('esm', 'module', 'nodenext'));
  }, 240_000);

  it('a default CommonJS project (no "type") typechecks and runs them through require()', () => {
    const dir = project('cjs', undefined, 'nodenext');
    typecheckAndRun(dir);
    // Compiled to CommonJS: the package is require()d, not imported.
    expect(readFileSync(join(dir, 'out', 'example-1.js'), 'utf8')).toMatch(/require\("ndtc"\)/);
  }, 240_000);

  it('the package exports only its entry: deep imports are refused', () => {
    const r = spawnSync(process.execPath, ['-e', "require('ndtc/dist/device-file/load.js')"], {
      cwd: join(work),
      encoding: 'utf8',
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('ERR_PACKAGE_PATH_NOT_EXPORTED');
  });

  it('importing the library loads no rendering library (vega, vega-lite, resvg)', () => {
    // A resolve hook records every specifier the import asks for.
    const hooks = join(work, 'hooks.mjs');
    const log = join(work, 'resolved.txt');
    writeFileSync(
      hooks,
      `import { appendFileSync } from 'node:fs';\n` +
        `export async function resolve(specifier, context, next) {\n` +
        `  appendFileSync(${JSON.stringify(log)}, specifier + '\\n');\n  return next(specifier, context);\n}\n`,
    );
    writeFileSync(
      join(work, 'register.mjs'),
      `import { register } from 'node:module';\nregister(${JSON.stringify(`file://${hooks}`)});\n`,
    );
    const r = spawnSync(
      process.execPath,
      ['--import', join(work, 'register.mjs'), '--input-type=module', '-e', "await import('ndtc');"],
      { cwd: work, encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    const resolved = readFileSync(log, 'utf8').split('\n');
    expect(resolved).toContain('ndtc');
    expect(resolved).toContain('./sweep/arrays.js');
    expect(resolved.filter((s) => /vega|resvg/.test(s))).toEqual([]);
  });
});
