/**
 * Every byte verified: real damage done to a chunk file of a finished sweep (a bit flip, a truncation,
 * an emptied file, garbage appended, a deleted record) is found by `ndtc verify`, refused by
 * `ndtc merge` in one line naming the chunk and its rerun, and recomputed by `--resume` alone, after
 * which the results are byte-identical to a clean run. Chunk removal after a verified merge.
 */
import {
  appendFileSync,
  cpSync,
  existsSync,
  readFileSync,
  readdirSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleResults, ResultsAssembly } from '../../src/sweep/assemble.js';
import { readManifest, recordResultsFile } from '../../src/sweep/directory.js';
import { shardChunks } from '../../src/sweep/spec.js';
import { ndtc, SMALL_STUDY, tempDir } from './cli-harness.js';

const GRID = [...SMALL_STUDY, '--chunk-size', '10', '--no-plot', '--no-h5', '--quiet', '--workers', '0'];
/** 111 points in chunks of 10. */
const CHUNKS = 12;
/** The chunk damaged in every case. */
const K = 3;

let root: string;
let reference: string;
const bytes = (dir: string, file: string): Buffer => readFileSync(join(dir, file));
const chunkFile = (dir: string, ext: string): string => join(dir, 'chunks', `00000${K}.${ext}`);

beforeAll(async () => {
  root = tempDir('ndtc-verify-');
  reference = join(root, 'reference');
  const r = await ndtc('sweep', ...GRID, '--out', reference);
  expect(r.code, r.stderr).toBe(0);
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A copy of the clean study (manifest, chunks and their records, results and their record). */
function copyOfReference(name: string): string {
  const dir = join(root, name);
  cpSync(reference, dir, { recursive: true });
  return dir;
}

/** Each command fails (exit 1) with one line on stderr holding `message`. */
async function expectRefusedInOneLine(commands: string[][], message: string): Promise<void> {
  for (const args of commands) {
    const r = await ndtc(...args);
    expect(r.code, args.join(' ')).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(message);
  }
}

function flipBit(path: string, at: number): void {
  const data = readFileSync(path);
  data[at] ^= 0x04;
  writeFileSync(path, data);
}

/** `why`: what verify prints; merge prints the same without the lengths. */
const DAMAGE: { name: string; damage: (dir: string) => void; file: string; why: RegExp }[] = [
  {
    name: 'a bit flipped in a value',
    damage: (d) => flipBit(chunkFile(d, 'bin'), 200),
    file: '000003.bin',
    why: /checksum differs/,
  },
  {
    name: 'a bit flipped in the header',
    damage: (d) => flipBit(chunkFile(d, 'bin'), 12),
    file: '000003.bin',
    why: /checksum differs/,
  },
  {
    name: 'the chunk truncated',
    damage: (d) => truncateSync(chunkFile(d, 'bin'), 300),
    file: '000003.bin',
    why: /length differs \(300 bytes/,
  },
  {
    name: 'the chunk emptied',
    damage: (d) => truncateSync(chunkFile(d, 'bin'), 0),
    file: '000003.bin',
    why: /length differs \(0 bytes/,
  },
  {
    name: 'garbage appended to the chunk',
    damage: (d) => appendFileSync(chunkFile(d, 'bin'), '1,2,3\n'),
    file: '000003.bin',
    why: /length differs/,
  },
  {
    name: 'the record deleted',
    damage: (d) => rmSync(chunkFile(d, 'done')),
    file: '000003.done',
    why: /no record/,
  },
];

describe('damage to a chunk', () => {
  it('the clean study verifies (exit 0) and its chunks carry records', async () => {
    const r = await ndtc('verify', reference);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${CHUNKS} of ${CHUNKS} chunks verified; results verified`);
    expect(readdirSync(join(reference, 'chunks')).filter((f) => f.endsWith('.done'))).toHaveLength(CHUNKS);
  });

  it('results not assembled yet are no damage (exit 0), and the line says what writes them', async () => {
    const dir = copyOfReference('unassembled');
    for (const f of ['results.csv', 'results.jsonl', 'results.done']) rmSync(join(dir, f), { force: true });
    const r = await ndtc('verify', dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      `${dir}: ${CHUNKS} of ${CHUNKS} chunks verified; results not assembled yet (ndtc merge ${dir} writes them)\n`,
    );
  });

  for (const c of DAMAGE) {
    it(`${c.name}: verify names it, merge refuses in one line, --resume recomputes exactly it`, async () => {
      const dir = copyOfReference(c.name.replace(/\W+/g, '-'));
      c.damage(dir);

      const v = await ndtc('verify', dir);
      expect(v.code).toBe(1);
      const problems = v.stdout.split('\n').filter((l) => l.includes('chunk '));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain(c.file);
      expect(problems[0]).toMatch(c.why);
      expect(v.stderr.trim().split('\n')).toHaveLength(1);

      const m = await ndtc('merge', dir, '--no-plot', '--no-h5');
      expect(m.code).toBe(1);
      const line = m.stderr.trim().split('\n');
      expect(line).toHaveLength(1);
      expect(line[0]).toContain(`chunk ${K}`);
      expect(line[0]).toContain(c.file);
      expect(line[0]).toContain(/checksum differs|length differs|no record/.exec(c.why.source)![0]);
      expect(line[0]).toContain(`ndtc sweep --out ${dir} --resume`);
      // The refused merge left the previous results, and their record, as they were.
      expect(bytes(dir, 'results.jsonl').equals(bytes(reference, 'results.jsonl'))).toBe(true);
      expect(existsSync(join(dir, 'results.done'))).toBe(true);

      const r = await ndtc(
        'sweep',
        '--out',
        dir,
        '--resume',
        '--no-plot',
        '--no-h5',
        '--quiet',
        '--workers',
        '0',
      );
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`1 chunk computed, ${CHUNKS - 1} already done`);
      // A chunk without its record was being written when a run stopped: unfinished, not damaged.
      expect(r.stdout).toMatch(
        /no record/.test(c.why.source)
          ? /^1 chunk was unfinished \(written, not yet recorded, when a run stopped\) and computed again$/m
          : /^verified: 1 chunk was damaged and computed again \(first: chunk 3, /m,
      );
      for (const f of ['results.csv', 'results.jsonl', `chunks/00000${K}.bin`])
        expect(bytes(dir, f).equals(bytes(reference, f)), f).toBe(true);
      expect((await ndtc('verify', dir)).code).toBe(0);
    });
  }

  it('a bit flipped in a chunk: the merge that writes results.h5 too refuses and writes no results.h5, --resume recomputes it', async () => {
    const dir = copyOfReference('bin-flipped');
    flipBit(chunkFile(dir, 'bin'), 40);
    const v = await ndtc('verify', dir);
    expect(v.code).toBe(1);
    const problems = v.stdout.split('\n').filter((l) => l.includes('chunk '));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/000003\.bin.*checksum differs/);

    const m = await ndtc('merge', dir, '--no-plot');
    expect(m.code).toBe(1);
    const line = m.stderr.trim().split('\n');
    expect(line).toHaveLength(1);
    expect(line[0]).toMatch(/chunk 3.*000003\.bin.*checksum differs/);
    expect(line[0]).toContain(`ndtc sweep --out ${dir} --resume`);
    expect(readdirSync(dir).filter((n) => n.includes('.h5'))).toEqual([]);

    const r = await ndtc('sweep', '--out', dir, '--resume', '--no-plot', '--quiet', '--workers', '0');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`1 chunk computed, ${CHUNKS - 1} already done`);
    for (const f of ['results.csv', 'results.jsonl', `chunks/00000${K}.bin`])
      expect(bytes(dir, f).equals(bytes(reference, f)), f).toBe(true);
    expect(existsSync(join(dir, 'results.h5'))).toBe(true);
    expect((await ndtc('verify', dir)).code).toBe(0);
  });

  it('merge names the shard and the Slurm array task when the directory records the shard count', async () => {
    const dir = copyOfReference('sharded');
    // A sweep run as 4 shards of this directory records the count itself.
    const shard = await ndtc(
      'sweep',
      '--out',
      dir,
      '--resume',
      '--shard',
      '2/4',
      '--quiet',
      '--workers',
      '0',
    );
    expect(shard.code, shard.stderr).toBe(0);
    flipBit(chunkFile(dir, 'bin'), 10);
    const i = [0, 1, 2, 3].find((s) => K >= shardChunks(CHUNKS, s, 4)[0] && K < shardChunks(CHUNKS, s, 4)[1]);
    const m = await ndtc('merge', dir, '--no-plot', '--no-h5');
    expect(m.code).toBe(1);
    expect(m.stderr).toContain(`ndtc sweep --out ${dir} --resume --shard ${i}/4, then merge again`);
    // A Slurm script's record of the count: the array task is the shard index.
    writeFileSync(join(dir, 'shards.json'), JSON.stringify({ count: 4, slurm: true }));
    const s = await ndtc('merge', dir, '--no-plot', '--no-h5');
    expect(s.stderr).toContain(`--shard ${i}/4 (Slurm array task ${i})`);
    expect(s.stderr.trim().split('\n')).toHaveLength(1);
    // Damage in two shards: both are named, by merge and by verify.
    const other = (i! + 2) % 4;
    const k = shardChunks(CHUNKS, other, 4)[0];
    flipBit(join(dir, 'chunks', `${String(k).padStart(6, '0')}.bin`), 10);
    const both = [i!, other].sort((a, b) => a - b).join(', ');
    const two = await ndtc('merge', dir, '--no-plot', '--no-h5');
    expect(two.stderr).toContain(
      `: 2 of ${CHUNKS} chunks are bad (${[K, k].sort((a, b) => a - b).join(', ')}); rerun ndtc sweep --out ${dir} --resume --shard I/4 for I = ${both} (the Slurm array tasks), then merge again`,
    );
    const v = await ndtc('verify', dir);
    expect(v.stderr).toContain(`recompute with ndtc sweep --out ${dir} --resume --shard I/4 for I = ${both}`);
  });

  it('a missing record and a checksum failure elsewhere: merge names both, as verify does', async () => {
    const dir = copyOfReference('mixed');
    flipBit(join(dir, 'chunks', `${String(K).padStart(6, '0')}.bin`), 10);
    rmSync(join(dir, 'chunks', `${String(K + 5).padStart(6, '0')}.done`));
    const m = await ndtc('merge', dir, '--no-plot', '--no-h5');
    expect(m.code).toBe(1);
    // The quick pass finds the record missing; the checksum of chunk K is checked before answering.
    expect(m.stderr).toContain(
      `: 2 of ${CHUNKS} chunks are bad (${K}, ${K + 5}); rerun ndtc sweep --out ${dir} --resume`,
    );
    expect(m.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('damage in many chunks: verify lists at most 20 lines then "and N more"; merge names the first', async () => {
    const dir = copyOfReference('many');
    for (let k = 0; k < CHUNKS; k++) {
      flipBit(join(dir, 'chunks', `${String(k).padStart(6, '0')}.bin`), 30);
    }
    flipBit(join(dir, 'results.csv'), 40);
    const v = await ndtc('verify', dir);
    expect(v.code).toBe(1);
    const lines = v.stdout.trim().split('\n');
    // 12 chunks and results.csv: 13 problems, all listed.
    expect(lines.filter((l) => /checksum differs/.test(l))).toHaveLength(CHUNKS + 1);
    expect(lines.some((l) => l.includes('results.csv: checksum differs'))).toBe(true);
    expect(v.stderr).toContain('13 problems found');
    // Remove every record too: 12 chunks' "no record" + 1, beyond 20 only through "and N more".
    for (let k = 0; k < CHUNKS; k++) rmSync(join(dir, 'chunks', `${String(k).padStart(6, '0')}.done`));
    rmSync(join(dir, 'results.done'));
    writeFileSync(
      join(dir, 'manifest.json'),
      readFileSync(join(dir, 'manifest.json'), 'utf8').replace('"chunks": 12', '"chunks": 30'),
    );
    const w = await ndtc('verify', dir);
    expect(w.code).toBe(1);
    const shown = w.stdout.trim().split('\n');
    expect(shown).toContain('and 13 more'); // 30 chunks + 2 results files + the manifest = 33 problems
    expect(shown.filter((l) => l.startsWith(dir))).toHaveLength(21); // 20 problems and the summary
  });
});

describe('results', () => {
  it('a file recorded beside the results (as results.h5 may be) is verified with them', async () => {
    const dir = copyOfReference('extra-result');
    writeFileSync(join(dir, 'extra.bin'), Buffer.alloc(3000, 7));
    recordResultsFile(dir, 'extra.bin');
    expect((await ndtc('verify', dir)).code).toBe(0);
    flipBit(join(dir, 'extra.bin'), 2999);
    const v = await ndtc('verify', dir);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain(`${join(dir, 'extra.bin')}: checksum differs`);
  });

  it('results assembled again with --no-h5 take the results.h5 of the old ones away: nothing unrecorded is left', async () => {
    const dir = join(root, 'stale-h5');
    expect(
      (await ndtc('sweep', ...SMALL_STUDY, '--chunk-size', '10', '--no-plot', '--quiet', '--out', dir)).code,
    ).toBe(0);
    expect(existsSync(join(dir, 'results.h5'))).toBe(true);
    rmSync(join(dir, 'chunks', '000001.done'));
    const resumed = await ndtc('sweep', '--out', dir, '--resume', '--no-h5', '--no-plot', '--quiet');
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(existsSync(join(dir, 'results.h5'))).toBe(false);
    expect(
      Object.keys(
        (JSON.parse(readFileSync(join(dir, 'results.done'), 'utf8')) as { files: object }).files,
      ).sort(),
    ).toEqual(['results.csv', 'results.jsonl']);
    expect((await ndtc('verify', dir)).code).toBe(0);
  });
});

describe('a shard of a sweep already assembled', () => {
  it('--resume --shard in it computes nothing and suggests no merge', async () => {
    const dir = copyOfReference('assembled-shard');
    const r = await ndtc('sweep', '--out', dir, '--resume', '--shard', '1/2', '--quiet');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('0 chunks computed');
    expect(r.stdout).toContain(`this shard was done already, and the results in ${dir} are assembled`);
    expect(r.stdout).not.toContain('when every shard is done');
  });
});

describe('temporaries of a killed assembly', () => {
  it('merge removes those whose process is gone and keeps a live one', async () => {
    const dir = copyOfReference('stale-temporaries');
    // A pid above the kernel's pid_max cannot be alive; the parent of this process is.
    const pidMax = Number(readFileSync('/proc/sys/kernel/pid_max', 'utf8'));
    const stale = join(dir, `.results.jsonl.${pidMax + 1}.0.3.tmp`);
    const live = join(dir, `.results.csv.${process.ppid}.0.0.tmp`);
    writeFileSync(stale, 'half a results file');
    writeFileSync(live, 'being written');
    const m = await ndtc('merge', dir, '--no-plot', '--no-h5');
    expect(m.code, m.stderr).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });
});

describe('chunks removed after a verified merge', () => {
  it('sweep --remove-chunks: only the results remain; verify passes; --resume and merge have nothing to do', async () => {
    const dir = join(root, 'removed');
    const r = await ndtc('sweep', ...GRID, '--out', dir, '--remove-chunks');
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(dir, 'chunks'))).toEqual(['removed.json']);
    for (const f of ['results.csv', 'results.jsonl'])
      expect(bytes(dir, f).equals(bytes(reference, f))).toBe(true);
    const v = await ndtc('verify', dir);
    expect(v.code, v.stdout).toBe(0);
    expect(v.stdout).toContain('chunks removed after a verified merge; results verified');
    const again = await ndtc(
      'sweep',
      '--out',
      dir,
      '--resume',
      '--no-plot',
      '--no-h5',
      '--quiet',
      '--workers',
      '0',
    );
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`0 chunks computed, ${CHUNKS} already done`);
    // Nothing is written again: no 'wrote' line after 'nothing to do', the record untouched.
    expect(again.stdout).toContain('nothing to do');
    expect(again.stdout).not.toContain('wrote ');
    const textRecord = JSON.parse(readFileSync(join(dir, 'results.done'), 'utf8')) as { files: object };
    // Resumed by a run that writes results.h5 (the default): made from the verified results, alone.
    const withH5 = await ndtc('sweep', '--out', dir, '--resume', '--quiet', '--workers', '0');
    expect(withH5.code, withH5.stderr).toBe(0);
    expect(withH5.stdout).toContain('the results verify: results.h5 written from them');
    expect(withH5.stdout.match(/^wrote .*$/gm)).toEqual([`wrote ${join(dir, 'results.h5')}`]);
    const h5Record = JSON.parse(readFileSync(join(dir, 'results.done'), 'utf8')) as { files: object };
    expect(h5Record.files).toMatchObject(textRecord.files);
    expect(Object.keys(h5Record.files).sort()).toEqual(['results.csv', 'results.h5', 'results.jsonl']);
    expect((await ndtc('verify', dir)).code).toBe(0);
    const record = readFileSync(join(dir, 'results.done'), 'utf8');
    const withPlot = await ndtc('sweep', '--out', dir, '--resume', '--quiet', '--workers', '0');
    expect(withPlot.stdout).toContain('nothing to do');
    expect(withPlot.stdout).not.toContain('wrote ');
    expect(readFileSync(join(dir, 'results.done'), 'utf8')).toBe(record);
    // A plot asked for by name is drawn from the results (the chunks are gone).
    const named = await ndtc('sweep', '--out', dir, '--resume', '--quiet', '--plot', 'J_gamma');
    expect(named.code, named.stderr).toBe(0);
    expect(named.stdout).toContain(`wrote ${join(dir, 'plot.svg')}`);
    expect(readFileSync(join(dir, 'results.done'), 'utf8')).toBe(record);
    expect((await ndtc('merge', dir, '--no-plot', '--no-h5')).code).toBe(0);
    // Damaged results without their chunks: verify says so; --resume computes everything again.
    flipBit(join(dir, 'results.jsonl'), 77);
    const bad = await ndtc('verify', dir);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('results.jsonl: checksum differs');
    const m = await ndtc('merge', dir, '--no-plot', '--no-h5');
    expect(m.code).toBe(1);
    expect(m.stderr).toContain(`ndtc sweep --out ${dir} --resume`);
    const redo = await ndtc(
      'sweep',
      '--out',
      dir,
      '--resume',
      '--no-plot',
      '--no-h5',
      '--quiet',
      '--workers',
      '0',
    );
    expect(redo.code, redo.stderr).toBe(0);
    expect(redo.stdout).toContain(`${CHUNKS} chunks computed, 0 already done`);
    expect(bytes(dir, 'results.jsonl').equals(bytes(reference, 'results.jsonl'))).toBe(true);
  });

  it('merge --remove-chunks of shard directories: results identical, chunks gone from each, verify passes', async () => {
    const shards = [0, 1].map((i) => join(root, `shard-${i}`));
    for (const [i, d] of shards.entries()) {
      const s = await ndtc('sweep', ...GRID, '--out', d, '--shard', `${i}/2`);
      expect(s.code, s.stderr).toBe(0);
    }
    const out = join(root, 'merged');
    // results.h5 is made from the chunks, before they are removed.
    const m = await ndtc('merge', '--out', out, ...shards, '--remove-chunks', '--no-plot');
    expect(m.code, m.stderr).toBe(0);
    for (const f of ['results.csv', 'results.jsonl'])
      expect(bytes(out, f).equals(bytes(reference, f))).toBe(true);
    expect(Object.keys(JSON.parse(readFileSync(join(out, 'results.done'), 'utf8')).files).sort()).toEqual([
      'results.csv',
      'results.h5',
      'results.jsonl',
    ]);
    for (const d of shards) expect(readdirSync(join(d, 'chunks'))).toEqual(['removed.json']);
    expect((await ndtc('verify', out)).code).toBe(0);
    const v = await ndtc('verify', ...shards);
    expect(v.code, v.stdout).toBe(0);
    expect(v.stdout).toContain('chunks removed after a verified merge; results verified');
    // A shard's directory resumed, with or without its --shard: nothing computed, pointed to the merge.
    for (const shardArgs of [[], ['--shard', '0/2']]) {
      const resumed = await ndtc('sweep', '--out', shards[0], '--resume', ...shardArgs, '--quiet');
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(resumed.stdout).toContain('0 chunks computed');
      expect(resumed.stdout).toContain(`merge into ${out}: nothing to do (ndtc verify ${out}`);
      expect(resumed.stdout).not.toContain('wrote ');
      expect(resumed.stdout).not.toContain('when every shard is done');
      expect(readdirSync(shards[0]).filter((f) => f.startsWith('results'))).toEqual([]);
    }
    // Merged again elsewhere: pointed to where the results are, not told to recompute there.
    const elsewhere = await ndtc(
      'merge',
      '--out',
      join(root, 'merged-again'),
      ...shards,
      '--no-plot',
      '--no-h5',
    );
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.stderr).toContain(`${out}, where these chunks were merged before they were removed`);
  });

  it('merge --out of shard directories (chunks kept in the shards): the merged directory verifies', async () => {
    const shards = [0, 1].map((i) => join(root, `kept-shard-${i}`));
    for (const [i, d] of shards.entries())
      expect((await ndtc('sweep', ...GRID, '--out', d, '--shard', `${i}/2`)).code).toBe(0);
    const out = join(root, 'merged-kept');
    expect((await ndtc('merge', '--out', out, ...shards, '--no-plot', '--no-h5')).code).toBe(0);
    const v = await ndtc('verify', out);
    expect(v.code, v.stdout + v.stderr).toBe(0);
    expect(v.stdout).toContain('no chunks here (results assembled by ndtc merge); results verified');
    // Resumed there: the results are complete, nothing is computed.
    const resumed = await ndtc('sweep', '--out', out, '--resume', '--quiet', '--no-plot');
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain(`0 chunks computed, ${CHUNKS} already done`);
    // Merged with --no-h5, resumed by a run that writes it: results.h5 from the verified results.
    expect(resumed.stdout).toContain(
      'the results (assembled by ndtc merge) verify: results.h5 written from them',
    );
    expect(existsSync(join(out, 'chunks'))).toBe(false);
    const again = await ndtc('sweep', '--out', out, '--resume', '--quiet', '--no-plot');
    expect(again.stdout).toContain('the results (assembled by ndtc merge) verify: nothing to do');
    expect((await ndtc('verify', out)).code).toBe(0);
    // Its results damaged: verify fails again, and does not call the absent chunks fine then.
    flipBit(join(out, 'results.csv'), 40);
    const d = await ndtc('verify', out);
    expect(d.code).toBe(1);
    expect(d.stdout).toMatch(/results\.csv: checksum differs/);
    expect(d.stdout).toContain(`0 of ${CHUNKS} chunks verified; results damaged`);
  });

  it('--remove-chunks with --shard is refused (exit 2, naming the option)', async () => {
    const r = await ndtc('sweep', ...GRID, '--out', join(root, 'x'), '--shard', '0/2', '--remove-chunks');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ndtc sweep: --remove-chunks: .*ndtc merge --remove-chunks\n$/);
  });
});

describe('a manifest edited by hand', () => {
  it('verify names it and says to restore it; merge and --resume refuse it (exit 1), writing nothing', async () => {
    const dir = copyOfReference('edited-manifest');
    const path = join(dir, 'manifest.json');
    writeFileSync(path, readFileSync(path, 'utf8').replaceAll('"chi"', '"chj"'));
    const before = bytes(dir, 'results.csv');

    const v = await ndtc('verify', dir);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain(`${path}: grid hash differs from its sweep`);
    expect(v.stderr).toMatch(/the manifest was edited or damaged: restore it/);
    expect(v.stderr).not.toContain('ndtc merge');

    await expectRefusedInOneLine(
      [
        ['merge', dir, '--no-plot', '--no-h5'],
        ['sweep', '--out', dir, '--resume', '--quiet'],
      ],
      `${path}: grid hash differs from its sweep; the manifest was edited or damaged`,
    );
    expect(bytes(dir, 'results.csv').equals(before)).toBe(true);
  });

  it('its units (unhashed, written into results.h5) and its version are checked too', async () => {
    const cases: [string, (text: string) => string, string][] = [
      // One bit: K → J (T_R is an axis: its coordinate variable in results.h5 would say J).
      [
        'units',
        (t) => t.replace('"T_R": "K"', '"T_R": "J"'),
        'units differ from those of its axes and outputs',
      ],
      [
        'version',
        (t) => t.replace(/"version": "([^"]*)"/, '"version": "$1.1"'),
        "version differs from its hashes' version",
      ],
    ];
    for (const [name, edit, why] of cases) {
      const dir = copyOfReference(`edited-${name}`);
      const path = join(dir, 'manifest.json');
      const text = readFileSync(path, 'utf8');
      expect(edit(text)).not.toBe(text);
      writeFileSync(path, edit(text));
      const v = await ndtc('verify', dir);
      expect(v.code).toBe(1);
      expect(v.stdout).toContain(`${path}: ${why}`);
      await expectRefusedInOneLine(
        [['merge', dir, '--no-plot']],
        `${path}: ${why}; the manifest was edited or damaged`,
      );
    }
  });
});

describe('a damaged manifest', () => {
  it('that is not JSON is named as damage (exit 1), not taken for a directory of no sweep (exit 2)', async () => {
    const dir = copyOfReference('manifest-not-json');
    writeFileSync(join(dir, 'manifest.json'), '{');
    await expectRefusedInOneLine(
      [
        ['verify', dir],
        ['merge', dir, '--no-plot', '--no-h5'],
        ['sweep', '--out', dir, '--resume', '--quiet'],
      ],
      `${join(dir, 'manifest.json')}: not valid JSON; the manifest was edited or damaged`,
    );
  });
});

describe('ndtc verify: bad input', () => {
  it('not a sweep directory, or directories of different sweeps: exit 2, one line', async () => {
    const r = await ndtc('verify', join(root, 'nowhere'));
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const other = join(root, 'other');
    expect(
      (await ndtc('sweep', ...GRID.map((a) => (a === 'chi=1,2,4' ? 'chi=1,2' : a)), '--out', other)).code,
    ).toBe(0);
    const d = await ndtc('verify', reference, other);
    expect(d.code).toBe(2);
    expect(d.stderr).toMatch(/DIR: invalid value .*grid/);
  });
});

describe('results.h5 not written yet', () => {
  it('a run stopped between the text and results.h5: no damage, as results not assembled yet (exit 0, the way on); a merge writes it', async () => {
    const dir = copyOfReference('h5-pending');
    await assembleResults(readManifest(dir, '--out'), dir, () => dir, ['results.h5']);
    const v = await ndtc('verify', dir);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toBe(
      `${dir}: 12 of 12 chunks verified; results verified, but results.h5 not written yet: the run stopped before it (ndtc merge ${dir} writes it)\n`,
    );
    // Damage beside it is still damage.
    flipBit(join(dir, 'results.csv'), 40);
    const bad = await ndtc('verify', dir);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('results damaged');
    await ndtc('merge', dir, '--no-plot', '--no-h5');
    expect((await ndtc('merge', dir, '--no-plot')).code).toBe(0);
    expect((await ndtc('verify', dir)).code).toBe(0);
  });
});

describe('a directory of an earlier layout', () => {
  it('ndtc-sweep/1 (text chunks): resume and merge refuse it (exit 2) saying so; --force starts again', async () => {
    const dir = copyOfReference('format-1');
    const path = join(dir, 'manifest.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"ndtc-sweep/2"', '"ndtc-sweep/1"'));
    for (const args of [
      ['sweep', '--out', dir, '--resume', '--quiet', '--no-plot'],
      ['merge', dir, '--no-plot'],
    ]) {
      const r = await ndtc(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(
        "': written in ndtc-sweep/1 by an earlier ndtc (this one reads ndtc-sweep/2): finish it with that one, or ndtc sweep --force",
      );
    }
    const forced = await ndtc('sweep', ...GRID, '--out', dir, '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(bytes(dir, 'results.csv').equals(bytes(reference, 'results.csv'))).toBe(true);
  });
});

describe('assembly', () => {
  it('of chunks formatted before their record exists: checked against it at commit, nothing left when one differs', () => {
    const dir = copyOfReference('streamed');
    const manifest = readManifest(dir, '--out');
    const csv = bytes(reference, 'results.csv');
    rmSync(join(dir, 'results.csv'));
    // Out of order, as threads finish them: chunk K waits for those before it.
    const order = [K, ...Array.from({ length: CHUNKS }, (_, k) => k).filter((k) => k !== K)];
    const streamed = new ResultsAssembly(manifest, dir, () => dir);
    for (const k of order) streamed.add(k, false);
    streamed.commit();
    expect(bytes(dir, 'results.csv').equals(csv)).toBe(true);
    // A chunk read back other than it was written (a value's bit flipped): formatted, and found out
    // when its record is at hand.
    flipBit(chunkFile(dir, 'bin'), 100);
    const damaged = new ResultsAssembly(manifest, dir, () => dir);
    for (const k of order) damaged.add(k, false);
    expect(() => damaged.commit()).toThrow(/000003\.bin: checksum differs/);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(bytes(dir, 'results.csv').equals(csv)).toBe(true);
  });

  const assemble = (dir: string): Promise<void> =>
    assembleResults(readManifest(dir, '--out'), dir, () => dir);
  it('formats the chunks into the same results, and refuses a chunk of another length or a flipped bit, leaving the results as they were', async () => {
    const dir = copyOfReference('assembly');
    const csv = bytes(reference, 'results.csv');
    rmSync(join(dir, 'results.csv'));
    await assemble(dir);
    expect(bytes(dir, 'results.csv').equals(csv)).toBe(true);
    expect(bytes(dir, 'results.jsonl').equals(bytes(reference, 'results.jsonl'))).toBe(true);
    const bin = bytes(dir, `chunks/00000${K}.bin`);
    truncateSync(chunkFile(dir, 'bin'), 5);
    await expect(assemble(dir)).rejects.toThrow(/000003\.bin: length differs \(5 bytes/);
    writeFileSync(chunkFile(dir, 'bin'), bin);
    flipBit(chunkFile(dir, 'bin'), 100);
    await expect(assemble(dir)).rejects.toThrow(/000003\.bin: checksum differs/);
    expect(bytes(dir, 'results.csv').equals(csv)).toBe(true);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
