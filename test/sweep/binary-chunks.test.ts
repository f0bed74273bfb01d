/**
 * `--formats h5`: binary chunks and results.h5 alone. The file must hold every value, attribute and
 * dimension the text sweep's results.h5 holds (that one is checked against results.csv and xarray in
 * netcdf.test.ts), bit for bit; the chunks are verified like text ones (resume, merge, verify); the
 * chunk layout is the documented one.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BinaryRecordReader, binaryRecords, computeChunkBinary } from '../../src/sweep/binary-chunk.js';
import { computeChunk } from '../../src/sweep/chunk.js';
import { evaluationOrder } from '../../src/sweep/evaluate-chunk.js';
import { chunkBase, readManifest, writeChunk } from '../../src/sweep/directory.js';
import { RESULTS_H5, writeNetcdf } from '../../src/sweep/netcdf.js';
import { RecordReader } from '../../src/sweep/records.js';
import { splitOutputs } from '../../src/sweep/quantities.js';
import { chunkCount, specHashes } from '../../src/sweep/spec.js';
import { freshOutputs, ndtc } from './cli-harness.js';

const fresh = freshOutputs('ndtc-binary-');

async function sweep(out: string, ...args: string[]): Promise<void> {
  const r = await ndtc('sweep', ...args, '--out', out, '--workers', '0', '--quiet');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
}

/** Every dataset of an HDF5 file (values, shape, dtype, attributes) and the file's attributes. */
async function h5Content(path: string): Promise<Record<string, unknown>> {
  const { default: h5wasm } = await import('h5wasm/node');
  await h5wasm.ready;
  const f = new h5wasm.File(path, 'r');
  try {
    const out: Record<string, unknown> = { attrs: attributes(f.attrs) };
    for (const name of f.keys()) {
      const ds = f.get(name) as InstanceType<typeof h5wasm.Dataset>;
      out[name] = {
        shape: ds.shape,
        dtype: ds.dtype,
        // Bits, so NaN equals NaN and −0 differs from 0.
        values: Buffer.from(
          ArrayBuffer.isView(ds.value) ? (ds.value as Float64Array).buffer : new ArrayBuffer(0),
        ),
        attrs: attributes(ds.attrs),
      };
    }
    return out;
  } finally {
    f.close();
  }
}

function attributes(attrs: Record<string, { value: unknown }>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(attrs)
      // The sweep's hash names its formats too; everything else must agree.
      .filter(([k]) => k !== 'sweep_hash' && k !== 'title')
      .map(([k, a]) => [k, ArrayBuffer.isView(a.value) ? Array.from(a.value as Int8Array) : a.value]),
  );
}

/** A sweep's plot.svg, its element ids (numbered per process by vega) made equal. */
const svg = (dir: string): string =>
  readFileSync(join(dir, 'plot.svg'), 'utf8').replace(/\b(gradient_|clip)\d+/g, '$1');

const CASES: [string, string[]][] = [
  [
    '1-D balance with point outputs and deltaT',
    ['--vary', 'TR=10mK..800mK:9', '--Jin', '100fW', '--output', 'T_L,stable,n_roots,deltaT'],
  ],
  [
    '2-D map with bistable points (3 roots)',
    ['--vary', 'Jin=1e-18W..1pW:13:log', '--vary', 'TR=650mK,700mK'],
  ],
  [
    '3-D: a dotted device path and a setup list',
    [
      '--vary',
      'left.normal.volume=5.2e-21m^3,1e-20m^3',
      '--vary',
      'setup=1,2',
      '--vary',
      'TR=100mK..600mK:4',
      '--Jin',
      '100fW',
      '--output',
      'T_L,J_ph',
    ],
  ],
  [
    'direct mode (T_L given)',
    [
      '--TL',
      '500mK',
      '--vary',
      'chi=0.5,1,2,5',
      '--vary',
      'TR=10mK..490mK:5',
      '--output',
      'J_gamma,kappa_gamma',
    ],
  ],
  ['no root below Tc', ['--vary', 'TR=100mK,200mK', '--Jin', '1uW']],
  [
    'chunks evaluated T_R by T_R, starting mid-row, over bistable points',
    ['--vary', 'Jin=1e-18W..1pW:23:log', '--vary', 'TR=600mK..780mK:7', '--chunk-size', '30'],
  ],
  [
    'a device axis changing inside some chunks (those keep index order)',
    [
      '--vary',
      'chi=0.5,2',
      '--vary',
      'Jin=10fW..1pW:5:log',
      '--vary',
      'TR=100mK..700mK:4',
      '--chunk-size',
      '30',
    ],
  ],
];

describe('--formats h5: results.h5 from binary chunks', () => {
  it.each(CASES)('%s: the same results.h5 as the text sweep, and the same plot', async (_name, args) => {
    const text = fresh();
    const binary = fresh();
    await sweep(text, ...args);
    await sweep(binary, ...args, '--formats', 'h5');
    expect(await h5Content(join(binary, RESULTS_H5))).toEqual(await h5Content(join(text, RESULTS_H5)));
    if (existsSync(join(text, 'plot.svg'))) expect(svg(binary)).toBe(svg(text));
    // Binary chunks only, and results.h5 alone among the results.
    expect(readdirSync(join(binary, 'chunks')).every((n) => /^\d{6}\.(bin|done)$/.test(n))).toBe(true);
    expect(existsSync(join(binary, 'results.csv')) || existsSync(join(binary, 'results.jsonl'))).toBe(false);
    expect(Object.keys(JSON.parse(readFileSync(join(binary, 'results.done'), 'utf8')).files)).toEqual([
      RESULTS_H5,
    ]);
    const v = await ndtc('verify', binary);
    expect(v.code).toBe(0);
  });

  it('records read from binary chunks equal those read from the JSON Lines of the same chunks, chunk by chunk', async () => {
    const out = fresh();
    await sweep(
      out,
      '--vary',
      'Jin=1e-18W..1pW:9:log',
      '--vary',
      'TR=650mK,700mK,750mK',
      '--chunk-size',
      '4',
      '--no-plot',
      '--no-h5',
    );
    const { spec } = readManifest(out, 'DIR');
    const { pointOutputs, rootOutputs } = splitOutputs(spec.outputs);
    const text = new RecordReader(pointOutputs, rootOutputs);
    const binary = new BinaryRecordReader(spec, pointOutputs, rootOutputs);
    for (let k = 0; k < chunkCount(spec); k++) {
      const lines = Buffer.from(computeChunk(spec, k).jsonl).toString('utf8').trimEnd().split('\n');
      const bin = computeChunkBinary(spec, k).bin;
      const values = new Float64Array(bin.buffer.slice(32, bin.length - 2));
      let at = 0;
      for (const line of lines) {
        text.read(Buffer.from(line));
        at = binary.read(values, at, text.index);
        expect([binary.top, binary.rootCount, binary.failed]).toEqual([
          text.top,
          text.rootCount,
          text.failed,
        ]);
        for (let r = 0; r < text.rootCount; r++) expect(binary.root(r)).toEqual(text.root(r));
      }
      expect(at).toBe(values.length);
    }
  });

  it('reads a chunk written to the documented layout by hand, a failed point included', async () => {
    const out = fresh();
    await sweep(
      out,
      '--vary',
      'TR=100mK,200mK,300mK',
      '--Jin',
      '100fW',
      '--output',
      'T_L,stable',
      '--formats',
      'h5',
      '--no-plot',
      '--chunk-size',
      '3',
    );
    const manifest = readManifest(out, 'DIR');
    const T1 = 0.25;
    const T3 = 0.35;
    // code, exceedsTc, then per root T_L and stable; point 2 failed (code −1 alone).
    const values = [1, 0, T1, 1, -1, 2, 0, T3, 0, 0.4, 1];
    const failures = JSON.stringify([{ index: 1, message: 'no bracket' }]);
    const bytes = Buffer.alloc(32 + 8 * values.length + failures.length);
    bytes.write('ndtcbin1', 0, 'latin1');
    bytes.writeDoubleLE(values.length, 8);
    bytes.writeDoubleLE(2, 16);
    bytes.writeDoubleLE(1, 24);
    values.forEach((v, i) => bytes.writeDoubleLE(v, 32 + 8 * i));
    bytes.write(failures, 32 + 8 * values.length, 'utf8');
    writeChunk(out, 0, { bin: bytes });
    // One reader refilled per point: read as it comes.
    const seen: { failed: boolean; roots: unknown[] }[] = [];
    for (const r of binaryRecords(manifest, () => out, [], ['T_L', 'stable']))
      seen.push({ failed: r.failed, roots: Array.from({ length: r.rootCount }, (_, i) => [...r.root(i)]) });
    expect(seen).toEqual([
      { failed: false, roots: [[T1, true]] },
      { failed: true, roots: [] },
      {
        failed: false,
        roots: [
          [T3, false],
          [0.4, true],
        ],
      },
    ]);
    await writeNetcdf(manifest, out);
    const h5 = await h5Content(join(out, RESULTS_H5));
    const f64 = (name: string): number[] =>
      Array.from(new Float64Array(new Uint8Array((h5[name] as { values: Buffer }).values).buffer));
    expect(f64('T_L')).toEqual([T1, NaN, NaN, NaN, T3, 0.4]);
    expect(Array.from(new Int8Array(new Uint8Array((h5.error as { values: Buffer }).values).buffer))).toEqual(
      [0, 1, 0],
    );
    // A header that says fewer roots than a record holds would overflow results.h5's root dimension.
    bytes.writeDoubleLE(1, 16);
    writeChunk(out, 0, { bin: bytes });
    await expect(writeNetcdf(manifest, out)).rejects.toThrow(/chunk 0: .*000000\.bin: not a binary chunk/);
  });
});

describe('evaluationOrder', () => {
  const axis = (name: string, n: number) => ({
    name,
    values: Array.from({ length: n }, (_, i) => i + 1),
    log: false,
  });
  const spec = (axes: ReturnType<typeof axis>[]) =>
    ({ axes }) as unknown as Parameters<typeof evaluationOrder>[0];

  it('T_R fastest over several rows: every point of the chunk once, T_R by T_R, rows in order', () => {
    const s = spec([axis('J_in', 10), axis('T_R', 7)]);
    for (const [start, end] of [
      [0, 70],
      [3, 40],
      [12, 20],
    ]) {
      const order = Array.from(evaluationOrder(s, start, end)!);
      expect([...order].sort((a, b) => a - b)).toEqual(
        Array.from({ length: end - start }, (_, i) => start + i),
      );
      const TR = order.map((i) => i % 7);
      expect(TR).toEqual([...TR].sort((a, b) => a - b));
      for (let i = 1; i < order.length; i++) if (TR[i] === TR[i - 1]) expect(order[i] - order[i - 1]).toBe(7);
    }
  });

  it('index order where it would not help or would change the device between neighbours', () => {
    expect(evaluationOrder(spec([axis('J_in', 10), axis('T_R', 7)]), 0, 7)).toBeUndefined(); // one row
    expect(evaluationOrder(spec([axis('T_R', 10), axis('J_in', 7)]), 0, 70)).toBeUndefined(); // T_R not fastest
    const withDevice = spec([axis('chi', 2), axis('J_in', 5), axis('T_R', 4)]);
    expect(evaluationOrder(withDevice, 15, 25)).toBeUndefined(); // chi changes at 20
    expect(evaluationOrder(withDevice, 20, 40)).toHaveLength(20);
  });
});

describe('--formats h5: damage, resume, merge, verify', () => {
  const STUDY = [
    '--vary',
    'Jin=1fW..1pW:6:log',
    '--vary',
    'TR=100mK..600mK:10',
    '--output',
    'T_L',
    '--formats',
    'h5',
    '--chunk-size',
    '8',
  ];

  it.each([
    ['a flipped bit', (b: Buffer) => (b[40] ^= 1)],
    ['truncation', (b: Buffer) => b.subarray(0, b.length - 9)],
    ['an empty file', () => Buffer.alloc(0)],
  ] as [string, (b: Buffer) => Buffer | number][])(
    '%s: merge refuses naming the chunk, verify lists it, --resume recomputes it',
    async (_name, damage) => {
      const out = fresh();
      await sweep(out, ...STUDY, '--shard', '0/2');
      await sweep(out, '--resume', '--shard', '1/2');
      const whole = fresh();
      await sweep(whole, ...STUDY);
      const file = `${chunkBase(out, 5)}.bin`;
      const bytes = readFileSync(file);
      const damaged = damage(bytes);
      writeFileSync(file, Buffer.isBuffer(damaged) ? damaged : bytes);
      const merge = await ndtc('merge', out);
      expect(merge.code).toBe(1);
      expect(merge.stderr).toMatch(
        /chunk 5 is bad: 000005\.bin .*; rerun ndtc sweep --out .* --resume --shard 1\/2, then merge again/,
      );
      expect(existsSync(join(out, RESULTS_H5))).toBe(false);
      const verify = await ndtc('verify', out);
      expect(verify.code).toBe(1);
      expect(verify.stdout + verify.stderr).toContain('000005.bin');
      const resume = await ndtc(
        'sweep',
        '--out',
        out,
        '--resume',
        '--shard',
        '1/2',
        '--workers',
        '0',
        '--quiet',
      );
      expect(resume.stdout).toContain('chunk 5');
      expect((await ndtc('merge', out, '--no-plot')).code).toBe(0);
      expect(await h5Content(join(out, RESULTS_H5))).toEqual(await h5Content(join(whole, RESULTS_H5)));
    },
  );

  it('merges shards kept in separate directories', async () => {
    const a = fresh();
    const b = fresh();
    const merged = fresh();
    await sweep(a, ...STUDY, '--shard', '0/2');
    await sweep(b, ...STUDY, '--shard', '1/2');
    const whole = fresh();
    await sweep(whole, ...STUDY);
    const r = await ndtc('merge', '--out', merged, a, b);
    expect(r.code).toBe(0);
    expect(await h5Content(join(merged, RESULTS_H5))).toEqual(await h5Content(join(whole, RESULTS_H5)));
    expect(svg(merged)).toBe(svg(whole));
  });
});

describe('--formats: input', () => {
  it.each([
    [['--formats', 'csv'], '--formats'],
    [['--formats', 'h5,xml'], '--formats'],
    [['--formats', 'h5', '--no-h5'], '--no-h5'],
    [['--formats', 'csv,jsonl,h5', '--no-h5'], '--no-h5'],
    [['--formats', 'h5', '--remove-chunks'], '--remove-chunks'],
  ])('%j: exit 2 naming %s, nothing written', async (args, option) => {
    const out = fresh();
    const r = await ndtc(
      'sweep',
      '--vary',
      'TR=100mK,200mK',
      '--Jin',
      '100fW',
      ...args,
      '--out',
      out,
      '--quiet',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(option);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(out, 'manifest.json'))).toBe(false);
  });

  it('csv,jsonl writes no results.h5; the sweep hash names binary chunks, text hashes are unchanged', async () => {
    const out = fresh();
    await sweep(out, '--vary', 'TR=100mK,200mK', '--Jin', '100fW', '--formats', 'jsonl,csv', '--no-plot');
    expect(existsSync(join(out, RESULTS_H5))).toBe(false);
    expect(existsSync(join(out, 'results.csv'))).toBe(true);
    const { spec, hashes } = readManifest(out, 'DIR');
    expect(specHashes({ ...spec, formats: 'text' })).toEqual(hashes);
    expect(specHashes({ ...spec, formats: 'h5' }).outputs).not.toBe(hashes.outputs);
    const again = await ndtc(
      'sweep',
      '--vary',
      'TR=100mK,200mK',
      '--Jin',
      '100fW',
      '--formats',
      'h5',
      '--out',
      out,
      '--resume',
      '--quiet',
    );
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('outputs differ');
    // Resumed from its manifest alone, the sweep keeps its formats: others are refused.
    const other = await ndtc('sweep', '--out', out, '--resume', '--formats', 'h5', '--quiet');
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('--formats');
    expect(other.stderr).toContain('csv,jsonl');
  });
});
