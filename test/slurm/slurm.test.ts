/**
 * The emitted Slurm scripts on a real Slurm: a one-node cluster started here (munged, slurmctld and
 * slurmd on their own socket, ports and state in a temporary directory; stopped by PID afterwards),
 * the job array of a small study with one task cancelled while it runs, the merge that still
 * follows (afterany) and names the missing chunks, the task requeued, the merge it submits again,
 * and the results compared byte for byte with a one-process run. Needs root and Debian's slurm-wlm
 * and munge (as .ci/run installs them); skipped with a note otherwise.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const TOOLS = ['munged', 'slurmctld', 'slurmd', 'sbatch', 'squeue', 'sinfo', 'scontrol', 'scancel'];
const PATH = `${dirname(process.execPath)}:${process.env.PATH ?? ''}:/usr/sbin:/sbin`;
const has = (tool: string): boolean =>
  spawnSync('sh', ['-c', `command -v ${tool}`], { env: { ...process.env, PATH } }).status === 0;
const skip =
  process.getuid?.() !== 0
    ? 'not root (slurmd must run jobs as root)'
    : TOOLS.some((t) => !has(t))
      ? `no ${TOOLS.filter((t) => !has(t)).join(', ')} (apt-get install slurm-wlm munge)`
      : undefined;
if (skip) console.warn(`note: the real-Slurm test is skipped: ${skip}`);

/** A study of 300 points in 30 chunks of 10, as 5 array tasks. */
const GRID = [
  '--TL',
  '600mK',
  '--vary',
  'TR=10mK..590mK:100',
  '--vary',
  'chi=1,2,4',
  '--output',
  'J_gamma,kappa_gamma',
];
const SHARDS = 5;
/** The task cancelled while it runs: its first run waits in a setup line until it is cancelled. */
const CANCELLED = 2;

let dir = '';
/** This test's installation's bin/ndtc.js: it emits the scripts, so the jobs run it. */
let ndtcScript = '';
let env: NodeJS.ProcessEnv = {};
const daemons: ChildProcess[] = [];

const run = (cmd: string, ...args: string[]): string => {
  const r = spawnSync(cmd, args, { env, encoding: 'utf8', timeout: 20_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  return r.stdout;
};
/** ndtc of this test's installation, as a process. */
function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [ndtcScript, ...args], { env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const read = (path: string): string => readFileSync(path, 'utf8');

/** What the cluster and the study look like, for a failed wait's message. */
function state(study?: string): string {
  const logs = study && existsSync(study) ? readdirSync(study).filter((f) => f.endsWith('.log')) : [];
  return [
    spawnSync('squeue', ['-a'], { env, encoding: 'utf8' }).stdout,
    ...logs.map((f) => `== ${f}\n${read(join(study!, f))}`),
    `== slurmctld.log (end)\n${read(join(dir, 'slurmctld.log')).split('\n').slice(-15).join('\n')}`,
  ].join('\n');
}

async function until(what: string, done: () => boolean, seconds: number, study?: string): Promise<void> {
  const end = Date.now() + seconds * 1000;
  while (!done()) {
    if (Date.now() > end) throw new Error(`waited ${seconds} s for ${what}\n${state(study)}`);
    await sleep(250);
  }
}

const queueEmpty = (): boolean => {
  const r = spawnSync('squeue', ['-h'], { env, encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() === '';
};

/** Free TCP ports: the cluster must not meet another Slurm on this machine. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function start(cmd: string, args: string[], log: string): void {
  const fd = openSync(join(dir, log), 'a');
  daemons.push(spawn(cmd, args, { env, stdio: ['ignore', fd, fd] }));
  closeSync(fd);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const killed = await Promise.race([exited.then(() => true), sleep(2_000).then(() => false)]);
  if (!killed) {
    child.kill('SIGKILL');
    await exited;
  }
}

describe.skipIf(skip !== undefined)('the Slurm scripts on a real one-node Slurm', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ndtc-slurm-'));
    chmodSync(dir, 0o755);
    // An installation of its own, built from src/ (type errors elsewhere must not stop the emit):
    // other test files rebuild dist/ while these jobs would be loading it.
    const install = join(dir, 'install');
    spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', join(install, 'dist')], {
      stdio: 'ignore',
    });
    expect(existsSync(join(install, 'dist', 'sweep', 'worker.js'))).toBe(true);
    mkdirSync(join(install, 'bin'));
    copyFileSync('bin/ndtc.js', join(install, 'bin', 'ndtc.js'));
    copyFileSync('package.json', join(install, 'package.json'));
    for (const d of ['node_modules', 'schema', 'fonts']) symlinkSync(resolve(d), join(install, d));
    ndtcScript = join(install, 'bin', 'ndtc.js');
    const host = hostname().split('.')[0];
    const [ctldPort, dPort] = [await freePort(), await freePort()];
    for (const d of ['state', 'spool', 'munge-key', 'munge']) mkdirSync(join(dir, d));
    chmodSync(join(dir, 'munge-key'), 0o700);
    const key = join(dir, 'munge-key', 'munge.key');
    writeFileSync(key, randomBytes(128), { mode: 0o400 });
    const socket = join(dir, 'munge', 'munge.socket');
    const conf = join(dir, 'slurm.conf');
    writeFileSync(
      conf,
      [
        `ClusterName=ndtc${ctldPort}`,
        `SlurmctldHost=${host}(127.0.0.1)`,
        'SlurmUser=root',
        'SlurmdUser=root',
        `SlurmctldPort=${ctldPort}`,
        `SlurmdPort=${dPort}`,
        'AuthType=auth/munge',
        'CredType=cred/munge',
        `AuthInfo=socket=${socket}`,
        `StateSaveLocation=${join(dir, 'state')}`,
        `SlurmdSpoolDir=${join(dir, 'spool')}`,
        `SlurmctldPidFile=${join(dir, 'slurmctld.pid')}`,
        `SlurmdPidFile=${join(dir, 'slurmd.pid')}`,
        `SlurmctldLogFile=${join(dir, 'slurmctld.log')}`,
        `SlurmdLogFile=${join(dir, 'slurmd.log')}`,
        'ProctrackType=proctrack/linuxproc',
        'TaskPlugin=task/none',
        'SelectType=select/cons_tres',
        'SelectTypeParameters=CR_CPU',
        'ReturnToService=2',
        'MpiDefault=none',
        'JobAcctGatherType=jobacct_gather/none',
        'AccountingStorageType=accounting_storage/none',
        'MailProg=/bin/true',
        'MinJobAge=600',
        `NodeName=${host} NodeAddr=127.0.0.1 CPUs=2 State=UNKNOWN`,
        `PartitionName=debug Nodes=${host} Default=YES MaxTime=INFINITE State=UP`,
        '',
      ].join('\n'),
    );
    env = { ...process.env, PATH, SLURM_CONF: conf };
    // A munged of our own (root may run it with --force), so nothing system-wide is touched.
    start(
      'munged',
      [
        '--foreground',
        '--force',
        `--socket=${socket}`,
        `--key-file=${key}`,
        `--log-file=${join(dir, 'munged.log')}`,
        `--pid-file=${join(dir, 'munged.pid')}`,
        `--seed-file=${join(dir, 'munged.seed')}`,
      ],
      'munged.out',
    );
    await until('munged', () => existsSync(socket), 20);
    start('slurmctld', ['-D', '-f', conf], 'slurmctld.out');
    start('slurmd', ['-D', '-f', conf], 'slurmd.out');
    await until(
      'the node to be idle',
      () => spawnSync('sinfo', ['-h', '-o', '%T'], { env, encoding: 'utf8' }).stdout.trim() === 'idle',
      30,
    );
  }, 110_000);

  afterAll(async () => {
    if (daemons.length > 1) {
      spawnSync('scancel', ['--full', '--user=root'], { env });
      const end = Date.now() + 5_000;
      while (Date.now() < end && spawnSync('squeue', ['-h'], { env, encoding: 'utf8' }).stdout.trim() !== '')
        await sleep(250);
    }
    for (const child of daemons.reverse()) await stop(child);
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 15_000);

  it('a task cancelled while it runs: the merge still runs and names the missing chunks; requeued, the task submits the merge again, byte-identical to one process', async () => {
    const study = join(dir, 'study');
    const file = join(dir, 'study.sbatch');
    const hold = join(study, `held-${CANCELLED}`);
    const emitted = cli(
      'sweep',
      ...GRID,
      '--chunk-size',
      '10',
      '--out',
      study,
      '--emit-slurm',
      file,
      '--shards',
      String(SHARDS),
      '--cpus-per-task',
      '1',
      '--time',
      '10',
      '--merge-time',
      '10',
      '--partition',
      'debug',
      '--sbatch-option',
      '--comment=ndtc-test',
      '--slurm-setup',
      `if [ "\${SLURM_ARRAY_TASK_ID:-}" = ${CANCELLED} ] && [ "\${SLURM_RESTART_COUNT:-0}" = 0 ]; then touch held-${CANCELLED}; sleep 600; fi`,
    );
    expect(emitted.code, emitted.stderr).toBe(0);
    const job = run('sbatch', '--parsable', file).trim().split(';')[0];
    // The jobs run the installation that wrote the script, by its absolute path.
    expect(read(file)).toContain(`node '${realpathSync(ndtcScript)}'`);
    expect(job).toMatch(/^\d+$/);
    const task = `${job}_${CANCELLED}`;
    await until(
      `task ${task} to run`,
      () => existsSync(hold) && run('squeue', '-h', '-j', task, '-o', '%T').trim() === 'RUNNING',
      15,
      study,
    );
    run('scancel', task);
    await until('the array and the merge to end', queueEmpty, 22, study);

    expect(run('scontrol', 'show', 'job', task)).toMatch(/JobState=CANCELLED/);
    const mergeLogs = () =>
      readdirSync(study)
        .filter((f) => /^slurm-merge-\d+\.log$/.test(f))
        .sort();
    expect(mergeLogs(), state(study)).toHaveLength(1);
    const first = read(join(study, mergeLogs()[0]));
    expect(first).toMatch(/missing/);
    expect(first).toContain(`(Slurm array task ${CANCELLED})`);
    expect(first).toContain('ndtc: the merge did not complete');
    expect(existsSync(join(study, 'results.csv'))).toBe(false);
    expect(existsSync(join(study, '.merge-submitted'))).toBe(false);

    // Requeued, a task waits two minutes (Slurm's requeue delay) unless told to start now.
    run('scontrol', 'requeue', task);
    run('scontrol', 'update', `JobId=${task}`, 'StartTime=now');
    await until('the requeued task and the new merge to end', queueEmpty, 22, study);
    await until('the second merge log', () => mergeLogs().length === 2, 3, study);
    const second = read(join(study, mergeLogs()[1]));
    expect(second, state(study)).toContain(`wrote ${join(study, 'results.csv')}`);
    expect(read(join(study, `slurm-${job}_${CANCELLED}.log`))).toMatch(
      new RegExp(`sweep shard ${CANCELLED}/${SHARDS}: .* 6 chunks computed`),
    );

    const whole = join(dir, 'whole');
    const one = cli(
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
    expect(one.code, one.stderr).toBe(0);
    for (const f of ['results.csv', 'results.jsonl']) expect(read(join(study, f))).toBe(read(join(whole, f)));
  }, 70_000);

  it('a task cancelled before it started (gone from Slurm, not requeueable): its index submitted again completes the study', async () => {
    const study = join(dir, 'study-pending');
    const file = join(dir, 'pending.sbatch');
    const emitted = cli(
      'sweep',
      ...GRID,
      '--chunk-size',
      '10',
      '--out',
      study,
      '--emit-slurm',
      file,
      '--shards',
      String(SHARDS),
      '--cpus-per-task',
      '1',
    );
    expect(emitted.code, emitted.stderr).toBe(0);
    const job = run('sbatch', '--parsable', '--hold', file).trim().split(';')[0];
    run('scancel', `${job}_${CANCELLED}`);
    run('scontrol', 'release', job);
    await until('the array and the merge to end', queueEmpty, 18, study);
    expect(existsSync(join(study, 'results.csv')), state(study)).toBe(false);
    expect(existsSync(join(study, '.merge-submitted'))).toBe(false);

    const again = run('sbatch', '--parsable', `--array=${CANCELLED}`, file).trim().split(';')[0];
    expect(again).not.toBe(job);
    await until('the task and the new merge to end', queueEmpty, 18, study);
    const merges = readdirSync(study).filter((f) => /^slurm-merge-\d+\.log$/.test(f));
    expect(merges, state(study)).toHaveLength(2);
    const whole = join(dir, 'whole');
    for (const f of ['results.csv', 'results.jsonl']) expect(read(join(study, f))).toBe(read(join(whole, f)));
  }, 45_000);

  it('a study of binary chunks (--formats h5): the array and its merge write the results.h5 of one process', async () => {
    const study = join(dir, 'study-h5');
    const file = join(dir, 'h5.sbatch');
    const args = [...GRID, '--chunk-size', '10', '--formats', 'h5'];
    const emitted = cli(
      'sweep',
      ...args,
      '--out',
      study,
      '--emit-slurm',
      file,
      '--shards',
      String(SHARDS),
      '--cpus-per-task',
      '1',
    );
    expect(emitted.code, emitted.stderr).toBe(0);
    run('sbatch', '--parsable', file);
    await until('the array and the merge to end', queueEmpty, 20, study);
    const merges = readdirSync(study).filter((f) => /^slurm-merge-\d+\.log$/.test(f));
    expect(merges, state(study)).toHaveLength(1);
    expect(read(join(study, merges[0])), state(study)).toContain(`wrote ${join(study, 'results.h5')}`);
    expect(existsSync(join(study, 'results.csv'))).toBe(false);
    const whole = join(dir, 'whole-h5');
    const one = cli('sweep', ...args, '--out', whole, '--workers', '0', '--quiet', '--no-plot');
    expect(one.code, one.stderr).toBe(0);
    expect(await datasets(join(study, 'results.h5'))).toEqual(await datasets(join(whole, 'results.h5')));
    expect(cli('verify', study).code).toBe(0);
  }, 45_000);
});

/** Every dataset of an HDF5 file: its shape and its values' bytes (HDF5 files differ in their times). */
async function datasets(path: string): Promise<Record<string, { shape: number[] | null; bytes: Buffer }>> {
  const { default: h5wasm } = await import('h5wasm/node');
  await h5wasm.ready;
  const f = new h5wasm.File(path, 'r');
  try {
    return Object.fromEntries(
      f.keys().map((name) => {
        const ds = f.get(name) as InstanceType<typeof h5wasm.Dataset>;
        const v = ds.value as Float64Array;
        return [name, { shape: ds.shape, bytes: Buffer.from(v.buffer, v.byteOffset, v.byteLength) }];
      }),
    );
  } finally {
    f.close();
  }
}
