/**
 * The CLI contract under generated input (docs/cli.md, "Exit codes and errors"): every argument vector
 * ends with exit 0 and finite output, or exit 2 and exactly one short, clean stderr line; exit 1 only
 * for the I/O failures generated on purpose (one line naming the path); nothing written outside the
 * run's --out directory. Mostly cheap vectors (bad values, units, extreme numbers, unknown options),
 * a small share of real computations. Fixed seed under CI (test/setup/fast-check.ts).
 */
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const EXAMPLES = resolve('examples');
const root = mkdtempSync(join(tmpdir(), 'ndtc-fuzz-'));
const cwd = process.cwd();
/** A directory on a read-only tmpfs, when this machine lets the test mount one (root, Linux). */
let readOnly: string | undefined;

/** Device files: one at the domain's edges, the rest each wrong in one way. */
const DEVICE_FILES: Record<string, string> = {
  'edges.yaml':
    'platform: ag\nTbath: 40mK\nleft:\n  superconductor: { Tc: 10K, gamma: 0.1 }\n  junction: { r0: 0.1ohm*um^2, c: 50pF/um^2 }\nright: { chi: 100 }\n',
  'gamma.yaml': 'platform: ag\nleft:\n  superconductor: { gamma: 1e-9 }\n',
  'bath.yaml': 'platform: ag\nTbath: 2K\n',
  'sigma.yaml': 'platform: inas\nleft:\n  normal: { Sigma: 1e300 W/m^3/K^6 }\n',
  'broken.yaml': 'platform: [ag\n',
  'alias.yaml': 'a: &a [1, 2]\nb: [*a, *a, *a]\n',
  'empty.json': '',
  'huge.json': '{"platform": "ag", "Tbath": "1e400K"}',
};
const deviceFile = (name: string): string => join(root, 'devices', name);

beforeAll(() => {
  writeFileSync(join(root, 'a-file.txt'), 'not a directory\n');
  mkdirSync(join(root, 'devices'));
  for (const [name, text] of Object.entries(DEVICE_FILES)) writeFileSync(join(root, 'devices', name), text);
  mkdirSync(join(root, 'ro'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', join(root, 'ro')], {
      stdio: 'ignore',
    });
    readOnly = join(root, 'ro');
  } catch {
    console.warn('fuzz: could not mount a read-only tmpfs; the read-only --out case is skipped');
  }
  process.chdir(root); // default outputs (ndtc-out/…) would land here and be caught
});

afterAll(() => {
  process.chdir(cwd);
  if (readOnly) execFileSync('umount', [readOnly], { stdio: 'ignore' });
  rmSync(root, { recursive: true, force: true });
});

// ----------------------------------------------------------------------------------------------
// Values

const NUMBERS = [
  '1e-300',
  '1e300',
  '1e400',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '0',
  '',
  ' ',
  '-1',
  '1e-9',
  '5e8',
  '0x10',
  '1_000',
  '١٢',
  '+2',
  '.5',
  '5.',
  'e5',
  '1e',
  '--1',
  '2',
  '1e-4',
  '0.3',
  '500',
];
const UNITS = [
  '',
  'K',
  'mK',
  'MK',
  'uK',
  'µK',
  'W',
  'fW',
  'pW',
  'F/m^2',
  'fF/um^2',
  'ohm*m^2',
  'Ω·µm²',
  'm',
  'parsecs',
  'K^2',
  'µm²',
  'K/K',
  ' K',
  'kK',
  'GW',
];
const SHAPES = [
  '1K..2K:1000000000',
  '10mK..1mK:3',
  '1mK..10mK:0',
  '..',
  ',,',
  'a..b:c:log',
  '0K..1K:3:log',
  '10mK..500mK',
  '1fW..1pW:3:log',
  '-1fW..1fW:3',
  '1e-300K..1e300K:3:log',
  '100mK,,200mK',
  '100mK..200mK:2:lin:x',
];

/** Values that are wrong for any option (beside the extremes below). */
const WRONG = [
  'cu',
  '/no/such.yaml',
  '/dev/null',
  '.',
  '/proc/self/mem',
  '-',
  '--json',
  ...Object.keys(DEVICE_FILES)
    .filter((n) => n !== 'edges.yaml')
    .map(deviceFile),
];

const extreme = fc.tuple(fc.constantFrom(...NUMBERS), fc.constantFrom(...UNITS)).map(([n, u]) => n + u);
const junk = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({
    unit: fc.constantFrom('\u0000', '\u001b', '\n', '\u202e', 'K', 'm', '1', '.', ',', ':', '=', 'é'),
    maxLength: 10,
  }),
);
/** A value for an option: often its good pool, else extremes, bad shapes and junk. */
const valueOf = (good: readonly string[]) =>
  fc.oneof(
    { weight: good.length > 0 ? 5 : 0, arbitrary: fc.constantFrom(...(good.length > 0 ? good : ['x'])) },
    { weight: 3, arbitrary: extreme },
    { weight: 1, arbitrary: fc.constantFrom(...SHAPES, ...WRONG) },
    { weight: 1, arbitrary: junk },
  );

const T = ['500mK', '300mK', '100mK', '200mK,400mK', '100mK..300mK:3', '0.3 K'];
const P = ['100fW', '10fW', '1fW..1pW:3:log', '50 fW'];
const DEVICE = {
  '--platform': ['ag', 'inas'],
  '--device': [join(EXAMPLES, 'ag.yaml'), join(EXAMPLES, 'inas.yaml')],
  '--chi': ['2', '0.5', '10'],
  '--c': ['50fF/um^2', '80 fF/µm²'],
  '--r0': ['10ohm*um^2', '20 Ω·µm²'],
  '--Tc': ['1.2K', '0.9K'],
  '--gamma': ['1e-4', '1e-3', '2e-4'],
};
/** The photonic current is cheap at any point: its device options also take the domain's ends. */
const EDGES = {
  ...DEVICE,
  '--chi': [...DEVICE['--chi'], '0.01', '100', '0.0099', '100.1'],
  '--c': [...DEVICE['--c'], '1fF/um^2', '50pF/um^2', '0.99fF/um^2'],
  '--r0': [...DEVICE['--r0'], '0.1ohm*um^2', '1e4ohm*um^2', '1.01e4ohm*um^2'],
  '--Tc': [...DEVICE['--Tc'], '10K', '10mK', '2.5K', '2.51K', '10.01K'],
  '--gamma': [...DEVICE['--gamma'], '1e-6', '0.1', '9.9e-7', '0.11'],
  '--device': [...DEVICE['--device'], deviceFile('edges.yaml')],
};
const T_EDGES = [...T, '4.8mK', '1.1999K', '4.79mK', '40uK', '9.98K'];
const OUTPUT = { '--json': null, '--csv': null };

/** Each command: options (null = a flag) and those it needs to get past commander. */
interface CommandSpec {
  options: Record<string, readonly string[] | null>;
  required: string[];
  /** Appended to every vector (cheapness: no plots, no worker threads). */
  always?: string[];
  /** Put before the generated options (which override them). */
  first?: string[];
  /** Takes --out (a fresh directory per run, or an I/O trap). */
  out?: boolean;
  args?: boolean;
}

const COMMANDS: Record<string, CommandSpec> = {
  resistance: {
    options: { '--T': [...T_EDGES, '1e300K'], '--Tc': EDGES['--Tc'], '--gamma': EDGES['--gamma'], ...OUTPUT },
    required: ['--T'],
  },
  photonic: {
    options: { '--TL': T_EDGES, '--TR': T_EDGES, ...EDGES, ...OUTPUT },
    required: ['--TL', '--TR'],
  },
  phonon: {
    options: { '--Te': T, '--Tbath': ['10mK', '100mK'], ...DEVICE, ...OUTPUT, '--quiet': null },
    required: ['--Te', '--Tbath'],
  },
  solve: {
    options: {
      '--setup': ['1', '2'],
      '--Jin': P,
      '--target-TL': T,
      '--TR': T,
      '--Tbath': ['10mK', '50mK'],
      ...DEVICE,
      ...OUTPUT,
    },
    required: ['--TR'],
    always: ['--quiet'],
  },
  sweep: {
    options: {
      '--vary': [
        'TR=10mK..20mK:2',
        'chi=1,2',
        'gamma=1e-4,2e-4',
        'Jin=10fW,20fW',
        'gamma=1e-9..1e-3:5',
        'Tc=1e9K',
        'bogus=1',
      ],
      '--output': ['T_L', 'J_gamma', 'T_L,n_roots', 'bogus'],
      '--setup': ['1', '2'],
      '--TR': ['100mK', '300mK'],
      '--Jin': ['100fW'],
      '--TL': ['500mK'],
      ...DEVICE,
    },
    required: [],
    always: ['--workers', '0', '--no-plot', '--no-h5', '--quiet'],
    out: true,
  },
  hysteresis: {
    options: {
      '--sweep': ['TR=10mK..800mK:3', 'Jin=1fW..1pW:3:log', 'TR=1e-300K..1K:3'],
      '--Jin': ['100fW', '1e-18W'],
      '--TR': ['100mK'],
      '--setup': ['1', '2'],
      ...DEVICE,
    },
    required: ['--sweep'],
    always: ['--no-plot'],
    out: true,
  },
  optimize: {
    options: {
      '--maximize': ['deltaT', 'negative-responsivity'],
      // An optimisation takes ~0.2 s even with two evaluations: whole ones only from VALID.
      '--param': [],
      '--Jin': ['100fW'],
      '--setup': ['1'],
      '--TR-range': ['10mK..800mK', '10mK..5K'],
      ...DEVICE,
    },
    required: ['--maximize'],
    always: ['--no-plot', '--grid', '2', '--max-evaluations', '2'],
    out: true,
  },
  // The full reproduction takes minutes: only refusals here (no good --only).
  reproduce: {
    options: { '--only': ['9z', '', '1c,zz'], '--format': ['csv', 'bmp'], '--quiet': null },
    required: ['--only'],
    first: ['--only', 'zz'],
    out: true,
  },
  merge: { options: { '--no-plot': null }, required: [], args: true },
  verify: { options: {}, required: [], args: true },
};

const NAMES = Object.keys(COMMANDS);

const AG = join(EXAMPLES, 'ag.yaml');
/** Whole good vectors (options only), edges of the domain among them. */
const VALID: Record<string, string[][]> = {
  resistance: [
    ['--T', '500mK'],
    ['--T', '100mK..1K:5', '--gamma', '1e-3', '--json'],
    ['--T', '4.8mK,60mK,2K,1e300K', '--Tc', '1.2K', '--json'],
    ['--T', '40uK,5K', '--Tc', '10mK', '--gamma', '1e-6', '--csv'],
    ['--T', '40mK', '--Tc', '10K', '--gamma', '0.1', '--json'],
  ],
  photonic: [
    ['--TL', '500mK', '--TR', '10mK..500mK:4', '--json'],
    ['--TL', '300mK,500mK', '--TR', '100mK', '--chi', '5', '--c', '80fF/um^2', '--r0', '20ohm*um^2'],
    ['--TL', '1.1K', '--TR', '20mK', '--device', AG, '--json'],
    ['--TL', '40mK,9.99K', '--TR', '5K', '--device', deviceFile('edges.yaml'), '--json'],
    ['--TL', '4.8mK', '--TR', '1.1999K', '--json'],
    ['--TL', '10mK,2.49K', '--TR', '10mK', '--Tc', '2.5K', '--gamma', '0.1', '--chi', '100', '--json'],
    [
      '--TL',
      '500mK',
      '--TR',
      '4.8mK',
      '--gamma',
      '1e-6',
      '--chi',
      '0.01',
      '--c',
      '1fF/um^2',
      '--r0',
      '0.1ohm*um^2',
      '--json',
    ],
    ['--TL', '500mK', '--TR', '100mK', '--c', '50pF/um^2', '--r0', '1e4ohm*um^2', '--csv'],
  ],
  phonon: [
    ['--Te', '500mK', '--Tbath', '10mK', '--json'],
    ['--Te', '50mK..1K:4', '--Tbath', '10mK', '--platform', 'inas', '--csv'],
    ['--Te', '1.19K', '--Tbath', '10mK,1.19K', '--gamma', '0.1', '--json'],
  ],
  solve: [
    ['--Jin', '100fW', '--TR', '10mK..800mK:3', '--json'],
    ['--setup', '2', '--Jin', '1fW..1pW:3:log', '--TR', '100mK', '--platform', 'inas'],
    ['--target-TL', '500mK', '--TR', '10mK', '--json'],
    ['--Jin', '1uW', '--TR', '100mK', '--json'],
    ['--Jin', '1e-30W', '--TR', '100mK', '--csv'],
  ],
  sweep: [
    ['--Jin', '100fW', '--vary', 'TR=10mK..20mK:2'],
    ['--TL', '500mK', '--vary', 'TR=10mK..500mK:3', '--output', 'J_gamma,kappa_gamma'],
    ['--Jin', '100fW', '--TR', '300mK', '--vary', 'chi=1,2', '--output', 'T_L,n_roots'],
  ],
  hysteresis: [
    ['--sweep', 'TR=10mK..800mK:3', '--Jin', '100fW'],
    ['--sweep', 'Jin=1fW..1pW:3:log', '--TR', '100mK'],
  ],
  optimize: [
    ['--maximize', 'deltaT', '--param', 'chi=1..3', '--Jin', '100fW'],
    ['--maximize', 'deltaT', '--param', 'chi=1..3', '--Jin', '1uW'], // no root below Tc: refused
  ],
  reproduce: [['--only', '1c,zz']],
  merge: [[]],
  verify: [[]],
};

/** What `--out` gets: mostly a fresh directory, sometimes a place no directory can be made. */
type OutKind = 'fresh' | 'dev-null' | 'proc' | 'file' | 'read-only';

interface Case {
  argv: string[];
  out?: string;
  outKind?: OutKind;
}

let counter = 0;

const vector: fc.Arbitrary<Case> = fc
  .record({
    name: fc.constantFrom(...NAMES, 'bogus'),
    picks: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }),
    unknown: fc.option(fc.constantFrom('--foo', '--', '-x', '--json=1', '--TL', `--\u001b[31m`), { freq: 8 }),
    outKind: fc.constantFrom<OutKind>(
      'fresh',
      'fresh',
      'fresh',
      'fresh',
      'fresh',
      'fresh',
      'dev-null',
      'proc',
      'file',
      'read-only',
    ),
    keepRequired: fc.boolean(),
    // A share of vectors with good values only: the contract of real computations.
    clean: fc.integer({ min: 0, max: 99 }).map((k) => k < 4),
  })
  .chain(({ name, picks, unknown, outKind, keepRequired, clean }) => {
    if (name === 'bogus') return fc.constant<Case>({ argv: ['bogus', ...(unknown ? [unknown] : [])] });
    const spec = COMMANDS[name];
    const names = Object.keys(spec.options);
    const chosen = picks.map(([i]) => names[i % Math.max(names.length, 1)]).filter(Boolean);
    const all = [...(keepRequired ? spec.required : []), ...chosen];
    const valueArbs = all.map((o) =>
      spec.options[o] === null ? fc.constant(null) : valueOf(spec.options[o] ?? []),
    );
    const options = clean
      ? fc.constantFrom(...VALID[name])
      : fc.tuple(...valueArbs).map((values) => {
          const argv: string[] = [];
          all.forEach((o, i) => {
            argv.push(o);
            if (values[i] !== null) argv.push(values[i] as string);
          });
          if (unknown) argv.push(unknown);
          return argv;
        });
    return options.map((opts): Case => {
      const argv = [
        name,
        ...(spec.args ? [root, join(root, 'no-such-dir')] : []),
        ...(spec.first ?? []),
        ...opts,
      ];
      argv.push(...(spec.always ?? []));
      if (!spec.out) return { argv };
      const kind = outKind === 'read-only' && !readOnly ? 'fresh' : outKind;
      const out = {
        fresh: join(root, `out-${counter++}`),
        'dev-null': '/dev/null',
        proc: '/proc/ndtc-fuzz/x',
        file: join(root, 'a-file.txt'),
        'read-only': join(readOnly ?? root, 'x'),
      }[kind];
      argv.push('--out', out);
      return { argv, out, outKind: kind };
    });
  });

// ----------------------------------------------------------------------------------------------
// The contract

/** The entries of the temporary root: each run's --out is removed after it, so anything new shows here. */
function tree(dir: string): string[] {
  return readdirSync(dir).sort();
}

function checkNumbers(value: unknown, path: string): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`non-finite number at ${path}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => checkNumbers(v, `${path}[${i}]`));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) checkNumbers(v, `${path}.${k}`);
  }
}

const stats = { runs: 0, exit0: 0, exit1: 0, exit2: 0, computed: new Set<string>() };

async function check(c: Case): Promise<void> {
  let stdout = '';
  let stderr = '';
  const before = tree(root);
  const t0 = performance.now();
  const code = await main(c.argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  stats.runs++;
  const ms = performance.now() - t0;
  if (process.env.FUZZ_TRACE)
    appendFileSync(
      process.env.FUZZ_TRACE,
      `${code} ${ms.toFixed(0)} ms ${JSON.stringify(c.argv)} ${JSON.stringify(stderr.slice(0, 300))}\n`,
    );
  const shown = JSON.stringify(c.argv);
  const lines = stderr.split('\n');
  const oneLine = (): void => {
    expect(lines, `${shown}: one stderr line`).toHaveLength(2);
    expect(lines[1]).toBe('');
    expect(lines[0].length, shown).toBeLessThanOrEqual(200);
    expect(lines[0], shown).not.toMatch(CONTROL);
    expect(lines[0], shown).toMatch(/^ndtc( [a-z]+)?: /);
  };
  if (code === 2) {
    stats.exit2++;
    oneLine();
    expect(stdout, shown).toBe('');
  } else if (code === 1) {
    stats.exit1++;
    // Only the I/O traps may fail, naming the path.
    expect(c.outKind !== undefined && c.outKind !== 'fresh', `${shown}: exit 1: ${stderr}`).toBe(true);
    oneLine();
    expect(lines[0], shown).toMatch(/cannot /);
  } else {
    expect(code, `${shown}: ${stderr}`).toBe(0);
    stats.exit0++;
    stats.computed.add(c.argv[0]);
    expect(stdout, shown).not.toMatch(/NaN|Infinity/);
    if (c.argv.includes('--json') && !c.argv.includes('--csv')) checkNumbers(JSON.parse(stdout), shown);
    for (const line of stderr.split('\n')) expect(line, shown).not.toMatch(CONTROL);
  }
  // Nothing left behind but the run's own --out (removed before the next run).
  const after = tree(root);
  const own = c.out && c.outKind === 'fresh' ? c.out.slice(root.length + 1) : undefined;
  const added = after.filter(
    (p) =>
      !before.includes(p) && !(own !== undefined && code === 0 && (p === own || p.startsWith(`${own}/`))),
  );
  expect(added, `${shown}: files left`).toEqual([]);
  if (own !== undefined) rmSync(c.out!, { recursive: true, force: true });
}

describe('the CLI contract under generated argument vectors', () => {
  it(
    '10⁴ vectors: exit 0 with finite output, or exit 2 with one clean line; exit 1 only for I/O traps',
    { timeout: 300_000 },
    async () => {
      const start = performance.now();
      await fc.assert(fc.asyncProperty(vector, check), { numRuns: Number(process.env.FUZZ_RUNS ?? 10_000) });
      const seconds = (performance.now() - start) / 1000;
      console.info(
        `fuzz: ${stats.runs} runs in ${seconds.toFixed(1)} s: exit 0 ${stats.exit0}, 1 ${stats.exit1}, 2 ${stats.exit2}; computed: ${[...stats.computed].join(', ')}`,
      );
      // The generator must reach real computations, not only refusals.
      expect(stats.exit0).toBeGreaterThanOrEqual(stats.runs / 100);
      expect(stats.computed.size).toBeGreaterThanOrEqual(4);
    },
  );
});
