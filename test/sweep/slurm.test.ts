/**
 * `ndtc sweep --emit-slurm`: the scripts it writes (every sbatch option and setup line in every
 * job, paths with spaces and quotes, an absolute ndtc), the checks of its options, the sizing, and
 * the scripts' own logic run by bash with a stand-in for sbatch (the real Slurm is
 * test/slurm/slurm.test.ts).
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatSlurmTime,
  parseSlurmTime,
  sizeSlurmArray,
  MAX_ARRAY_TASKS,
  TARGET_TASK_SECONDS,
  shellQuote,
} from '../../src/sweep/slurm.js';
import { ndtc, SMALL_STUDY, tempDir } from './cli-harness.js';

const GRID = SMALL_STUDY;
const read = (path: string): string => readFileSync(path, 'utf8');
const sbatchLines = (script: string): string[] => script.split('\n').filter((l) => l.startsWith('#SBATCH '));

let root: string;
beforeAll(() => {
  root = tempDir("ndtc slurm 'q' ");
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the emitted scripts', () => {
  it('pass every sbatch option and setup line to the array tasks and to the merge job, and call an absolute ndtc', async () => {
    const out = join(root, "study dir 'one'");
    const file = join(root, 'job.sbatch');
    const r = await ndtc(
      'sweep',
      ...GRID,
      '--out',
      out,
      '--emit-slurm',
      file,
      '--shards',
      '4',
      '--partition',
      'batch',
      '--account',
      'proj-42',
      '--qos',
      'normal',
      '--time',
      '1:30:00',
      '--merge-time',
      '45',
      '--cpus-per-task',
      '3',
      '--mem',
      '2G',
      '--sbatch-option',
      '--constraint=haswell&ib',
      '--sbatch-option',
      '--exclusive',
      '--slurm-setup',
      'module load nodejs/20',
      '--slurm-setup',
      "export GREETING='a b'",
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^sizing: 111 points × [\d.]+ µs CPU .*4 array tasks of 3 CPUs.*--time 01:30:00 per task, 00:45:00 for the merge\n/,
    );
    // The sizing says the CPU time as the estimate before it does (one rounding, not two).
    const estimated = /^111 points, (.+?) of CPU/.exec(r.stderr)![1];
    expect(r.stdout).toContain(`(measured here on a sample) ${estimated} CPU;`);
    const array = read(file);
    const merge = read(join(out, 'slurm-merge.sbatch'));
    const common = [
      '#SBATCH --partition=batch',
      '#SBATCH --account=proj-42',
      '#SBATCH --qos=normal',
      '#SBATCH --mem=2G',
      '#SBATCH --constraint=haswell&ib',
      '#SBATCH --exclusive',
      `#SBATCH --chdir="${out}"`,
    ];
    for (const line of common) {
      expect(sbatchLines(array)).toContain(line);
      expect(sbatchLines(merge)).toContain(line);
    }
    expect(sbatchLines(array)).toEqual(
      expect.arrayContaining([
        '#SBATCH --array=0-3',
        '#SBATCH --cpus-per-task=3',
        '#SBATCH --time=01:30:00',
        `#SBATCH --output="${out}/slurm-%A_%a.log"`,
      ]),
    );
    expect(sbatchLines(merge)).toEqual(
      expect.arrayContaining([
        '#SBATCH --cpus-per-task=1',
        '#SBATCH --time=00:45:00',
        `#SBATCH --output="${out}/slurm-merge-%j.log"`,
      ]),
    );
    expect(merge).not.toMatch(/^#SBATCH --array/m);
    // sbatch reads #SBATCH lines only before the first command.
    for (const script of [array, merge]) {
      const firstCommand = script.split('\n').findIndex((l, i) => i > 0 && l !== '' && !l.startsWith('#'));
      expect(
        script
          .split('\n')
          .slice(firstCommand)
          .some((l) => l.startsWith('#SBATCH')),
      ).toBe(false);
      expect(script).toContain("module load nodejs/20\nexport GREETING='a b'\nset -u\n");
      expect(script).toContain(`ndtc() { node '${realpathSync('bin/ndtc.js')}' "$@"; }`);
      expect(spawnSync('bash', ['-n'], { input: script }).status).toBe(0);
    }
    expect(array).toContain(`OUT='${out.replace(/'/g, `'\\''`)}'`);
    expect(array).toContain('--shard "$SLURM_ARRAY_TASK_ID/4" --workers "${SLURM_CPUS_PER_TASK:-3}"');
    expect(array).toContain('sbatch --dependency=afterany:"$SLURM_ARRAY_JOB_ID" "$OUT/slurm-merge.sbatch"');
    expect(JSON.parse(read(join(out, 'shards.json')))).toEqual({ count: 4, slurm: true });
    // No merge options given: the merge job's ndtc merge has none; the commands printed for people
    // to copy quote the directory.
    expect(merge).toContain('\nndtc merge "$OUT"\n');
    expect(array).toContain(
      `By hand: ndtc merge ${shellQuote(out)}  (or sbatch ${shellQuote(join(out, 'slurm-merge.sbatch'))})`,
    );
    expect(array).toContain('(or run: ndtc merge \\"$OUT\\")');
  });

  it('pass --plot, --no-plot, --no-h5 and --remove-chunks to the merge job', async () => {
    const cases: [string[], string][] = [
      [['--plot', 'kappa_gamma', '--no-h5'], 'ndtc merge "$OUT" --plot kappa_gamma --no-h5'],
      [['--no-plot', '--remove-chunks'], 'ndtc merge "$OUT" --no-plot --remove-chunks'],
    ];
    for (const [i, [options, line]] of cases.entries()) {
      const out = join(root, `merge-options-${i}`);
      const r = await ndtc('sweep', ...GRID, '--out', out, '--emit-slurm', join(out, 'a.sbatch'), ...options);
      expect(r.code, r.stderr).toBe(0);
      const merge = read(join(out, 'slurm-merge.sbatch'));
      expect(merge.split('\n')).toContain(line);
      expect(merge).toContain(
        `By hand: sbatch THIS_FILE, or ndtc merge ${shellQuote(out)} ${options.join(' ')}`,
      );
    }
    // What the merge could not do is refused before any script is written.
    const out = join(root, 'merge-options-h5');
    const r = await ndtc(
      'sweep',
      ...GRID,
      '--formats',
      'h5',
      '--remove-chunks',
      '--out',
      out,
      '--emit-slurm',
      join(root, 'h5.sbatch'),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ndtc sweep: --remove-chunks: invalid value 'with --formats h5'/);
    expect(existsSync(join(root, 'h5.sbatch'))).toBe(false);
  });

  it('escape % in the study directory, which Slurm reads as a file-name pattern', async () => {
    const out = join(root, '100%done');
    const r = await ndtc(
      'sweep',
      ...GRID,
      '--out',
      out,
      '--emit-slurm',
      join(root, 'p.sbatch'),
      '--shards',
      '2',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(sbatchLines(read(join(root, 'p.sbatch')))).toContain(
      `#SBATCH --output="${root}/100%%done/slurm-%A_%a.log"`,
    );
  });
});

describe('bad Slurm options', () => {
  const cases: [string[], RegExp][] = [
    [['--partition', 'a b'], /^ndtc sweep: --partition: invalid value 'a b': a Slurm name/],
    [['--account', 'x;rm'], /^ndtc sweep: --account: invalid value 'x;rm'/],
    [['--qos', ''], /^ndtc sweep: --qos: invalid value ''/],
    [
      ['--time', 'soon'],
      /^ndtc sweep: --time: invalid value 'soon': a Slurm time limit > 0: MINUTES, MM:SS, HH:MM:SS/,
    ],
    [['--time', '0'], /^ndtc sweep: --time: invalid value '0'/],
    [['--merge-time', '1-'], /^ndtc sweep: --merge-time: invalid value '1-'/],
    [['--cpus-per-task', '0'], /^ndtc sweep: --cpus-per-task: invalid value '0': an integer from 1 to 1024/],
    // It went into #SBATCH as given: sbatch refused the job only at submission.
    [
      ['--cpus-per-task', '1000000'],
      /^ndtc sweep: --cpus-per-task: invalid value '1000000': an integer from 1 to 1024 \(a node’s CPUs\)$/m,
    ],
    [['--mem', '4GB'], /^ndtc sweep: --mem: invalid value '4GB': memory per node/],
    [
      ['--sbatch-option', 'constraint=x'],
      /^ndtc sweep: --sbatch-option: invalid value 'constraint=x': one sbatch option as --NAME/,
    ],
    [['--sbatch-option', '--comment=a b'], /^ndtc sweep: --sbatch-option: invalid value '--comment=a b'/],
    [
      ['--sbatch-option', '--array=0-9'],
      /^ndtc sweep: --sbatch-option: invalid value '--array=0-9': another option: --array is set by the script/,
    ],
    [
      ['--sbatch-option', '--time=5'],
      /^ndtc sweep: --sbatch-option: invalid value '--time=5': another option: --time is given by --time/,
    ],
    [
      ['--slurm-setup', 'module load a\nrm -rf x'],
      /^ndtc sweep: --slurm-setup: invalid value 'module load a\\x0arm -rf x': one non-empty shell line/,
    ],
    [['--slurm-setup', ' '], /^ndtc sweep: --slurm-setup: invalid value ' '/],
    [['--shards', '0'], /^ndtc sweep: --shards: invalid value '0': an integer ≥ 1/],
    [
      ['--workers', '4'],
      /^ndtc sweep: --workers: invalid value '4': not with --emit-slurm: each task runs --cpus-per-task workers/,
    ],
    [['--shard', '1/4'], /^ndtc sweep: --shard: invalid value '1\/4': not with --emit-slurm/],
    [
      ['--shards', '100000'],
      /^ndtc sweep: --shards: invalid value '100000': at most the \d+ chunks of this sweep/,
    ],
  ];
  it.each(cases)('%j: exit 2, one line, nothing written', async (args, message) => {
    const out = join(root, `bad-${args[0].slice(2)}-${Math.random().toString(36).slice(2)}`);
    const file = `${out}.sbatch`;
    const r = await ndtc('sweep', ...GRID, '--out', out, '--emit-slurm', file, ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(join(out, 'manifest.json'))).toBe(false);
  });

  it('a study directory with a double quote cannot go into #SBATCH lines', async () => {
    const r = await ndtc(
      'sweep',
      ...GRID,
      '--out',
      join(root, 'a"b'),
      '--emit-slurm',
      join(root, 'q.sbatch'),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^ndtc sweep: --out: invalid value '.*a"b': for --emit-slurm, a path without double quotes/,
    );
  });

  it('the Slurm options without --emit-slurm are refused, not ignored', async () => {
    const r = await ndtc(
      'sweep',
      ...GRID,
      '--out',
      join(root, 'plain'),
      '--partition',
      'batch',
      '--workers',
      '0',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("ndtc sweep: --partition: invalid value 'batch': only with --emit-slurm FILE\n");
  });
});

describe('Slurm time limits', () => {
  it.each([
    ['30', 1800],
    ['30:15', 1815],
    ['2:00:00', 7200],
    ['1-0', 86400],
    ['1-2:30', 95400],
    ['2-00:00:05', 172805],
  ])('%s is %i s', (text, seconds) => {
    expect(parseSlurmTime(text, '--time')).toBe(seconds);
  });
  it('format as HH:MM:SS and D-HH:MM:SS, and read back', () => {
    for (const s of [60, 3599, 7200, 86400, 95405])
      expect(parseSlurmTime(formatSlurmTime(s), '--time')).toBe(s);
    expect(formatSlurmTime(95405)).toBe('1-02:30:05');
    expect(formatSlurmTime(900)).toBe('00:15:00');
  });
});

describe('sizing from the measured cost', () => {
  const chunks = 4096;
  it('tasks of about the target time on their CPUs', () => {
    // 10⁸ points at 30 µs: 3000 CPU-s, i.e. two tasks of 2 CPUs.
    const s = sizeSlurmArray({ cpuSeconds: 3000, diskBytes: 25e9, chunks, cpusPerTask: 2 });
    expect(s.shards).toBe(Math.ceil(3000 / (2 * 0.85 * TARGET_TASK_SECONDS)));
    expect(s.taskWallSeconds).toBeLessThanOrEqual(TARGET_TASK_SECONDS);
    expect(s.taskSeconds).toBeGreaterThanOrEqual(3 * s.taskWallSeconds + 600);
    expect(s.taskSeconds % 300).toBe(0);
    expect(s.mergeSeconds).toBeGreaterThanOrEqual((3 * 25e9) / 20e6);
  });
  it('at most one task per chunk and MAX_ARRAY_TASKS tasks', () => {
    expect(sizeSlurmArray({ cpuSeconds: 1e9, diskBytes: 0, chunks, cpusPerTask: 1 }).shards).toBe(
      MAX_ARRAY_TASKS,
    );
    expect(sizeSlurmArray({ cpuSeconds: 1e9, diskBytes: 0, chunks: 64, cpusPerTask: 1 }).shards).toBe(64);
    expect(sizeSlurmArray({ cpuSeconds: 1, diskBytes: 0, chunks, cpusPerTask: 1 }).shards).toBe(1);
  });
  it('a given --time sizes tasks to half of it; --shards overrides the count', () => {
    const s = sizeSlurmArray({ cpuSeconds: 36000, diskBytes: 0, chunks, cpusPerTask: 1, taskSeconds: 600 });
    expect(s.taskSeconds).toBe(600);
    expect(s.taskWallSeconds).toBeLessThanOrEqual(300);
    const n = sizeSlurmArray({ cpuSeconds: 36000, diskBytes: 0, chunks, cpusPerTask: 1, shards: 7 });
    expect(n.shards).toBe(7);
    expect(n.taskWallSeconds).toBeCloseTo((36000 * Math.ceil(chunks / 7)) / chunks / 0.85, 6);
  });
});

describe('the scripts run by bash, sbatch stood in for', () => {
  // The scripts run ndtc from the sources (through $NDTC, as a user may point them at another ndtc):
  // dist/ is rebuilt by other test files meanwhile.
  const fromSource = `node --import ${pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href} ${shellQuote(resolve('test/cli/main-child.ts'))}`;

  it('a failed task leaves the merge job to name the missing chunks; its rerun submits the merge again', async () => {
    const out = join(root, "study 'two'");
    const file = join(root, 'two.sbatch');
    const emitted = await ndtc(
      'sweep',
      ...GRID,
      '--chunk-size',
      '10',
      '--out',
      out,
      '--emit-slurm',
      file,
      '--shards',
      '3',
      '--slurm-setup',
      `echo "setup in $(pwd)" >> ${JSON.stringify(join(root, 'setup.log'))}`,
      // What the merge job is to do with the results: no plot, and the chunks removed once verified.
      '--no-plot',
      '--remove-chunks',
    );
    expect(emitted.code, emitted.stderr).toBe(0);
    const bin = join(root, 'fake-bin');
    mkdirSync(bin, { recursive: true });
    const log = join(root, 'sbatch.log');
    writeFileSync(
      join(bin, 'sbatch'),
      `#!/bin/bash\nprintf '%s\\n' "$@" >> ${JSON.stringify(log)}\necho "Submitted batch job 4242"\n`,
    );
    chmodSync(join(bin, 'sbatch'), 0o755);
    const env = {
      ...process.env,
      PATH: `${bin}:${process.env.PATH}`,
      NDTC: fromSource,
      SLURM_ARRAY_JOB_ID: '777',
      SLURM_CPUS_PER_TASK: '1',
    };
    const task = (i: number) =>
      spawnSync('bash', [file], {
        env: { ...env, SLURM_ARRAY_TASK_ID: String(i) },
        encoding: 'utf8',
        cwd: out,
      });
    const merge = () =>
      spawnSync('bash', [join(out, 'slurm-merge.sbatch')], { env, encoding: 'utf8', cwd: out });
    const submissions = (): number =>
      existsSync(log)
        ? read(log)
            .split('\n')
            .filter((l) => l === '--dependency=afterany:777').length
        : 0;

    // Task 2 "fails": never runs. Tasks 0 and 1 finish; the first submits the merge, once.
    for (const i of [0, 1]) expect(task(i).status).toBe(0);
    expect(submissions()).toBe(1);
    expect(read(log)).toContain(join(out, 'slurm-merge.sbatch'));
    const failed = merge();
    expect(failed.status).not.toBe(0);
    expect(failed.stderr).toMatch(/missing/);
    expect(failed.stderr).toContain('--shard 2/3 (Slurm array task 2)');
    expect(failed.stderr).toContain('ndtc: the merge did not complete');
    expect(existsSync(join(out, '.merge-submitted'))).toBe(false);
    expect(existsSync(join(out, 'results.csv'))).toBe(false);
    // Task 2 rerun: it submits the merge again; a rerun of task 0 after that does not.
    expect(task(2).status).toBe(0);
    expect(submissions()).toBe(2);
    expect(task(0).status).toBe(0);
    expect(submissions()).toBe(2);
    const merged = merge();
    expect(merged.status, merged.stderr).toBe(0);
    expect(read(join(root, 'setup.log'))).toBe(`setup in ${out}\n`.repeat(6));

    const whole = join(root, 'whole');
    const r = await ndtc(
      'sweep',
      ...GRID,
      '--chunk-size',
      '10',
      '--out',
      whole,
      '--workers',
      '0',
      '--quiet',
      '--no-plot',
    );
    expect(r.code, r.stderr).toBe(0);
    for (const f of ['results.csv', 'results.jsonl']) expect(read(join(out, f))).toBe(read(join(whole, f)));
    expect(existsSync(join(out, 'results.h5'))).toBe(true);
    expect(existsSync(join(out, 'plot.svg'))).toBe(false);
    expect(readdirSync(join(out, 'chunks'))).toEqual(['removed.json']);
  }, 120_000);

  it('a refused merge submission fails the task, says what to type, and leaves the guard to the next task', async () => {
    const out = join(root, 'refused');
    const file = join(root, 'refused.sbatch');
    expect((await ndtc('sweep', ...GRID, '--out', out, '--emit-slurm', file, '--shards', '2')).code).toBe(0);
    const bin = join(root, 'refusing-bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'sbatch'), '#!/bin/bash\necho "sbatch: error: invalid partition" >&2\nexit 1\n');
    chmodSync(join(bin, 'sbatch'), 0o755);
    const r = spawnSync('bash', [file], {
      env: {
        ...process.env,
        PATH: `${bin}:${process.env.PATH}`,
        NDTC: fromSource,
        SLURM_ARRAY_TASK_ID: '0',
        SLURM_ARRAY_JOB_ID: '5',
      },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `ndtc: shard 0/2 is done, but the merge could not be submitted (sbatch said why, above); submit it with: sbatch "${out}/slurm-merge.sbatch"`,
    );
    expect(existsSync(join(out, '.merge-submitted'))).toBe(false);
  }, 60_000);

  it('without node on PATH the job says how to provide it', async () => {
    const out = join(root, 'no-node');
    const file = join(root, 'no-node.sbatch');
    expect((await ndtc('sweep', ...GRID, '--out', out, '--emit-slurm', file, '--shards', '2')).code).toBe(0);
    const r = spawnSync('/bin/bash', [file], {
      env: { PATH: '/nonexistent', SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_JOB_ID: '1' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(127);
    expect(r.stderr).toContain(
      "no node on PATH in this job; emit the script again with --slurm-setup 'module load nodejs/20'",
    );
  });
});
