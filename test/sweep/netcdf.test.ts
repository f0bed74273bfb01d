/**
 * results.h5 against results.csv: every value bit for bit, read back by xarray through h5netcdf (the
 * reader the file is made for, run as a separate Python process) and by h5wasm for the HDF5 structure.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readManifest, type Manifest } from '../../src/sweep/directory.js';
import { RESULTS_H5, pointChunks, writeNetcdf } from '../../src/sweep/netcdf.js';
import { splitOutputs } from '../../src/sweep/quantities.js';
import { freshOutputs, ndtc, withoutBinaryRecords } from './cli-harness.js';

const READER = join(import.meta.dirname, 'read_netcdf.py');

/** A Python that imports xarray and h5netcdf (Debian's python3-xarray, python3-h5netcdf). */
const PYTHON = [process.env.NDTC_PYTHON, 'python3', '/usr/bin/python3'].find((python) => {
  if (!python) return false;
  try {
    execFileSync(python, ['-c', 'import xarray, h5netcdf'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
if (!PYTHON)
  console.warn(
    'skipping the xarray reads of results.h5: no python3 with xarray and h5netcdf (apt-get install python3-xarray python3-h5netcdf python3-h5py)',
  );

/** netCDF-C through netCDF4-python (python3-netcdf4), when present: the file is NetCDF-4 to it too. */
const NETCDF_C =
  PYTHON !== undefined &&
  (() => {
    try {
      execFileSync(PYTHON, ['-c', 'import netCDF4'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
if (PYTHON && !NETCDF_C)
  console.warn(
    'skipping the netCDF-C reads of results.h5: no netCDF4 in python3 (apt-get install python3-netcdf4)',
  );

const fresh = freshOutputs('ndtc-netcdf-');

async function sweep(...args: string[]): Promise<string> {
  const out = fresh();
  const r = await ndtc('sweep', ...args, '--out', out, '--workers', '0', '--quiet', '--no-plot');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  if (!args.includes('--no-h5')) expect(r.stdout).toContain(`wrote ${join(out, RESULTS_H5)}`);
  return out;
}

type Cell = number | null;

interface NcVariable {
  dims: string[];
  dtype: string;
  chunks: number[];
  attrs: Record<string, unknown>;
  values: Cell[];
}

interface NcDump {
  dims: Record<string, number>;
  variables: Record<string, NcVariable>;
  attrs: Record<string, unknown>;
  raw: Record<string, NcVariable>;
}

function readWithXarray(path: string, engine = 'h5netcdf'): NcDump {
  return JSON.parse(
    execFileSync(PYTHON!, [READER, path, engine], { encoding: 'utf8', maxBuffer: 1 << 28 }),
  ) as NcDump;
}

/** A CSV cell as the number xarray should give: empty → null (NaN), true/false → 1/0. */
const csvValue = (text: string): Cell =>
  text === '' ? null : text === 'true' ? 1 : text === 'false' ? 0 : Number(text);

interface CsvPoint {
  axes: Cell[];
  point: Record<string, Cell>;
  roots: Record<string, Cell>[];
}

/** results.csv grouped by point: axis values, point outputs, and the rows of its roots. */
function csvPoints(dir: string, manifest: Manifest): CsvPoint[] {
  const [header, ...rows] = readFileSync(join(dir, 'results.csv'), 'utf8').trimEnd().split('\n');
  const columns = header.split(',');
  const at = (name: string): number => columns.indexOf(name);
  const { spec } = manifest;
  const { pointOutputs, rootOutputs } = splitOutputs(spec.outputs);
  const points: CsvPoint[] = [];
  for (const row of rows) {
    const cells = row.split(',');
    const value = (name: string): Cell => csvValue(cells[at(name)]);
    const index = Number(cells[0]);
    const p = (points[index] ??= {
      axes: spec.axes.map((a) => value(a.name)),
      point: Object.fromEntries(pointOutputs.map((o) => [o, value(o)])),
      roots: [],
    });
    const roots = Object.fromEntries(rootOutputs.map((o) => [o, value(o)]));
    if (spec.mode === 'direct') p.roots.push(roots);
    else if (at('root_index') >= 0 && cells[at('root_index')] !== '')
      p.roots[Number(cells[at('root_index')])] = roots;
  }
  return points;
}

const cfUnit = (unit: string): string => (unit === '' ? '1' : unit);

/** Every value of results.h5, as xarray reads it, equals results.csv's; dims, coordinates and units the manifest's. */
function expectSameAsCsv(dir: string): NcDump {
  const manifest = readManifest(dir, 'DIR');
  const { spec } = manifest;
  const nc = readWithXarray(join(dir, RESULTS_H5));
  const { pointOutputs, rootOutputs } = splitOutputs(spec.outputs);
  const perRoot = spec.mode === 'balance' && rootOutputs.length > 0;
  const points = csvPoints(dir, manifest);
  expect(points).toHaveLength(manifest.points);
  const R = points.reduce((n, p) => Math.max(n, p.roots.length), 0);
  const axisNames = spec.axes.map((a) => a.name);
  const dims = [...axisNames, ...(perRoot ? ['root'] : [])];
  expect(Object.keys(nc.dims)).toEqual(dims);
  spec.axes.forEach((a) => expect(nc.dims[a.name]).toBe(a.values.length));
  if (perRoot) {
    expect(nc.dims.root).toBe(R);
    expect(nc.variables.root.values).toEqual(Array.from({ length: R }, (_, r) => r));
  }
  for (const a of spec.axes) {
    const v = nc.variables[a.name];
    expect(v.dims).toEqual([a.name]);
    expect(v.dtype).toBe('float64');
    expect(v.values).toEqual(a.values);
    expect(v.attrs.units).toBe(cfUnit(manifest.units[a.name]));
    expect(typeof v.attrs.long_name).toBe('string');
  }
  const outputs = [...spec.outputs, ...(perRoot && !spec.outputs.includes('n_roots') ? ['n_roots'] : [])];
  expect(Object.keys(nc.variables).sort()).toEqual([...dims, ...outputs].sort());
  for (const o of outputs) {
    const level = rootOutputs.includes(o) && perRoot ? 'root' : 'point';
    expect(nc.variables[o].dims).toEqual(level === 'root' ? [...axisNames, 'root'] : axisNames);
    expect(nc.variables[o].attrs.units).toBe(cfUnit(manifest.units[o] ?? ''));
  }
  // Point by point, in the order of the CSV (first axis slowest): the axis values locate the point.
  const sizes = spec.axes.map((a) => a.values.length);
  points.forEach((p, index) => {
    let rest = index;
    for (let a = sizes.length - 1; a >= 0; a--) {
      expect(p.axes[a]).toBe(nc.variables[axisNames[a]].values[rest % sizes[a]]);
      rest = Math.floor(rest / sizes[a]);
    }
    for (const o of pointOutputs) expect(nc.variables[o].values[index]).toBe(p.point[o]);
    if (perRoot) {
      expect(nc.variables.n_roots.values[index]).toBe(p.roots.length);
      for (const o of rootOutputs)
        for (let r = 0; r < R; r++)
          expect(nc.variables[o].values[index * R + r]).toBe(r < p.roots.length ? p.roots[r][o] : null);
    } else {
      for (const o of rootOutputs) expect(nc.variables[o].values[index]).toBe(p.roots[0]?.[o] ?? null);
    }
  });
  if (spec.outputs.includes('stable')) {
    const raw = nc.raw.stable;
    expect(raw.dtype).toBe('int8');
    raw.values.forEach((v, i) => expect(v).toBe(nc.variables.stable.values[i] ?? -1));
  }
  expect(nc.attrs.Conventions).toBe('CF-1.8');
  expect(nc.attrs.sweep_hash).toBe(manifest.hashes.sweep);
  expect(nc.attrs.mode).toBe(spec.mode);
  expect(`${manifest.format} ${String(nc.attrs.ndtc_version)}`).toBe(manifest.version);
  expect(JSON.parse(String(nc.attrs.device))).toEqual(spec.device);
  expect(JSON.parse(String(nc.attrs.fixed))).toEqual(spec.fixed);
  if (NETCDF_C) expect(readWithXarray(join(dir, RESULTS_H5), 'netcdf4')).toEqual(nc);
  return nc;
}

describe.skipIf(!PYTHON)('results.h5 read by xarray (h5netcdf) equals results.csv', () => {
  it('1-D balance sweep with a point output', async () => {
    const out = await sweep(
      '--vary',
      'TR=10mK..800mK:9',
      '--Jin',
      '100fW',
      '--output',
      'T_L,stable,n_roots,deltaT',
    );
    const nc = expectSameAsCsv(out);
    expect(nc.variables.deltaT.attrs.units).toBe('K');
    expect(nc.attrs.TR_range).toEqual([0.01, 0.8]);
  });

  it('2-D map with bistable points: a root dimension of 3, NaN beyond each point’s roots', async () => {
    const out = await sweep('--vary', 'Jin=1e-18W..1pW:13:log', '--vary', 'TR=650mK,700mK');
    let nc = expectSameAsCsv(out);
    expect(nc.dims.root).toBe(3);
    expect(nc.variables.T_L.chunks).toEqual([13, 2, 3]);
    // Written in chunks of 2 points: blocks of J_in rows, the last one short.
    await writeNetcdf(readManifest(out, 'DIR'), out, { chunkValues: 6 });
    nc = expectSameAsCsv(out);
    expect(nc.variables.T_L.chunks).toEqual([1, 2, 3]);
    expect(nc.variables.n_roots.chunks).toEqual([1, 2]);
    const nRoots = nc.variables.n_roots.values;
    expect(nRoots).toContain(3);
    expect(nRoots).toContain(1);
    expect(nc.variables.J_in.attrs).toMatchObject({ units: 'W', spacing: 'log' });
  });

  it('from the JSON Lines when the chunks hold no binary records (an older ndtc): the same values', async () => {
    const out = await sweep('--vary', 'Jin=1e-18W..1pW:13:log', '--vary', 'TR=650mK,700mK');
    // A text sweep's chunks are binary records, and results.h5 was made from them.
    expect(readdirSync(join(out, 'chunks')).filter((n) => n.endsWith('.bin')).length).toBeGreaterThan(0);
    const fromRecords = expectSameAsCsv(out);
    withoutBinaryRecords(out);
    await writeNetcdf(readManifest(out, 'DIR'), out);
    expect(expectSameAsCsv(out)).toEqual(fromRecords);
  });

  it('3-D with a dotted device path and a setup list', async () => {
    const out = await sweep(
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
    );
    let nc = expectSameAsCsv(out);
    expect(Object.keys(nc.dims)).toEqual(['left.normal.volume', 'setup', 'T_R', 'root']);
    // Chunks of 3 T_R values (the last 1), then of 1 (one write per point): the same values.
    for (const [chunkValues, chunk] of [
      [3, [1, 1, 3]],
      [1, [1, 1, 1]],
    ] as const) {
      await writeNetcdf(readManifest(out, 'DIR'), out, { chunkValues });
      nc = expectSameAsCsv(out);
      expect(nc.variables.T_L.chunks).toEqual([...chunk, 1]);
    }
    expect(nc.variables['left.normal.volume'].attrs.units).toBe('m^3');
  });

  it('direct mode (T_L given) over a list axis: no root dimension', async () => {
    const out = await sweep(
      '--TL',
      '500mK',
      '--vary',
      'chi=0.5,1,2,5',
      '--vary',
      'TR=10mK..490mK:5',
      '--output',
      'J_gamma,kappa_gamma',
    );
    const nc = expectSameAsCsv(out);
    expect(nc.dims).toEqual({ chi: 4, T_R: 5 });
    expect(nc.variables.chi.attrs.units).toBe('1');
  });

  it('no point with a root below Tc: a root dimension of size 0, n_roots 0', async () => {
    const out = await sweep('--vary', 'TR=100mK,200mK', '--Jin', '1uW');
    const nc = expectSameAsCsv(out);
    expect(nc.dims.root).toBe(0);
    expect(nc.variables.n_roots.values).toEqual([0, 0]);
  });

  it('a point that failed: error flag 1, its values missing', async () => {
    const out = await sweep('--vary', 'TR=100mK,200mK,300mK', '--Jin', '100fW', '--no-h5');
    withoutBinaryRecords(out);
    // chunk.ts writes a failed point as its index, axis values and the message.
    const path = join(out, 'results.jsonl');
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    lines[1] = '{"index":1,"T_R":0.2,"error":"no bracket"}';
    writeFileSync(path, lines.join('\n') + '\n');
    await writeNetcdf(readManifest(out, 'DIR'), out);
    const nc = readWithXarray(join(out, RESULTS_H5));
    expect(nc.variables.error.values).toEqual([0, 1, 0]);
    expect(nc.raw.n_roots.values).toEqual([1, -1, 1]);
    expect(nc.variables.n_roots.values).toEqual([1, null, 1]);
    expect(nc.variables.T_L.values[1]).toBeNull();
    expect(nc.variables.T_L.values[2]).toBe(JSON.parse(lines[2]).roots[0].T_L);
  });
});

describe('results.h5 structure (read with h5wasm)', () => {
  it('dimension scales attached to every dimension of every variable, in order', async () => {
    const out = await sweep('--vary', 'Jin=1e-18W..1pW:5:log', '--vary', 'TR=650mK,700mK,750mK');
    const { default: h5wasm } = await import('h5wasm/node');
    await h5wasm.ready;
    const f = new h5wasm.File(join(out, RESULTS_H5), 'r');
    try {
      expect(f.keys()).toEqual(['J_in', 'T_R', 'root', 'n_roots', 'T_L', 'stable', 'dTL_dTR', 'J_gamma']);
      for (const name of ['J_in', 'T_R', 'root']) {
        const scale = f.get(name) as InstanceType<typeof h5wasm.Dataset>;
        expect(scale.get_scale_name()).toBe(name);
      }
      const records = readFileSync(join(out, 'results.jsonl'), 'utf8')
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as { roots: { T_L: number; stable: boolean }[] });
      const R = records.reduce((n, r) => Math.max(n, r.roots.length), 0);
      for (const [name, dtype] of [
        ['T_L', '<d'],
        ['stable', '<b'],
        ['n_roots', '<i'],
      ] as const) {
        const ds = f.get(name) as InstanceType<typeof h5wasm.Dataset>;
        expect(ds.dtype).toBe(dtype);
        const dims = name === 'n_roots' ? ['J_in', 'T_R'] : ['J_in', 'T_R', 'root'];
        expect(ds.shape).toEqual(name === 'n_roots' ? [5, 3] : [5, 3, R]);
        dims.forEach((d, i) => expect(ds.get_attached_scales(i)).toEqual([`/${d}`]));
      }
      const TL = (f.get('T_L') as InstanceType<typeof h5wasm.Dataset>).value as Float64Array;
      const stable = (f.get('stable') as InstanceType<typeof h5wasm.Dataset>).value as Int8Array;
      records.forEach((rec, i) => {
        for (let r = 0; r < R; r++) {
          expect(TL[i * R + r]).toBe(r < rec.roots.length ? rec.roots[r].T_L : NaN);
          expect(stable[i * R + r]).toBe(r < rec.roots.length ? Number(rec.roots[r].stable) : -1);
        }
      });
    } finally {
      f.close();
    }
  });

  it('removes the temporary file of a killed writer, not a live one’s', async () => {
    const out = await sweep('--vary', 'TR=100mK,200mK', '--Jin', '100fW', '--no-h5');
    const exited = spawnSync(process.execPath, ['-e', '']).pid!;
    const stale = join(out, `.results.h5.${exited}.tmp`);
    const live = join(out, `.results.h5.${process.ppid}.tmp`);
    writeFileSync(stale, 'half an HDF5 file');
    writeFileSync(live, 'being written');
    await writeNetcdf(readManifest(out, 'DIR'), out);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(join(out, RESULTS_H5))).toBe(true);
  });

  it('is recorded with the results: ndtc verify checks it', async () => {
    const out = await sweep('--vary', 'TR=100mK,200mK', '--Jin', '100fW');
    const v = await ndtc('verify', out);
    expect(v.stderr).toBe('');
    expect(v.code).toBe(0);
    const path = join(out, RESULTS_H5);
    const bytes = readFileSync(path);
    bytes[bytes.length - 1] ^= 1;
    writeFileSync(path, bytes);
    const w = await ndtc('verify', out);
    expect(w.code).toBe(1);
    expect(w.stdout + w.stderr).toContain(`${path}: checksum differs`);
  });

  it('--no-h5 writes none', async () => {
    const out = await sweep('--vary', 'TR=100mK,200mK', '--Jin', '100fW', '--no-h5');
    expect(existsSync(join(out, RESULTS_H5))).toBe(false);
  });

  it('damaged results.jsonl: refused with the path and the cause, nothing under the final name', async () => {
    const out = await sweep('--vary', 'TR=100mK..300mK:3', '--Jin', '100fW', '--no-h5');
    withoutBinaryRecords(out);
    const path = join(out, 'results.jsonl');
    const text = readFileSync(path, 'utf8');
    const manifest = readManifest(out, 'DIR');
    writeFileSync(path, text.slice(0, text.lastIndexOf('\n', text.length - 2) + 1));
    await expect(writeNetcdf(manifest, out)).rejects.toThrow(
      `cannot write ${join(out, RESULTS_H5)}: ${path}: 2 records for a sweep of 3 points`,
    );
    writeFileSync(path, text.replace('"index":1', '"index":1x'));
    await expect(writeNetcdf(manifest, out)).rejects.toThrow(
      `cannot write ${join(out, RESULTS_H5)}: ${path}: record 1 is not valid JSON`,
    );
    expect(readdirSync(out).filter((n) => n.includes('.h5'))).toEqual([]);
  });

  it('merge of shards writes the same values and attributes as an unsharded run', async () => {
    const args = ['--vary', 'Jin=1e-18W..1pW:7:log', '--vary', 'TR=650mK,700mK', '--chunk-size', '3'];
    const whole = await sweep(...args);
    const a = fresh();
    const b = fresh();
    for (const [i, dir] of [a, b].entries()) {
      const r = await ndtc('sweep', ...args, '--shard', `${i}/2`, '--out', dir, '--workers', '0', '--quiet');
      expect(r.code).toBe(0);
      expect(existsSync(join(dir, RESULTS_H5))).toBe(false);
    }
    const merged = fresh();
    const m = await ndtc('merge', '--out', merged, '--no-plot', a, b);
    expect(m.stderr).toBe('');
    expect(m.code).toBe(0);
    expect(m.stdout).toContain(`wrote ${join(merged, RESULTS_H5)}`);
    // results.h5 is made from results.jsonl: the merge's must be the unsharded run's first.
    const jsonl = (dir: string): string => readFileSync(join(dir, 'results.jsonl'), 'utf8');
    expect(jsonl(merged), 'merged results.jsonl differs from the unsharded run’s').toBe(jsonl(whole));
    expect(await h5Contents(join(merged, RESULTS_H5))).toEqual(await h5Contents(join(whole, RESULTS_H5)));
    const none = fresh();
    expect((await ndtc('merge', '--out', none, '--no-plot', '--no-h5', a, b)).code).toBe(0);
    expect(existsSync(join(none, RESULTS_H5))).toBe(false);
  });
});

/** A tmpfs of `bytes` at `dir` (root only); undefined when mounted, else why not. */
function mountTmpfs(dir: string, bytes: number): string | undefined {
  if (process.getuid?.() !== 0) return 'not running as root';
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir], { encoding: 'utf8' });
  return r.status === 0 ? undefined : `mount -t tmpfs failed: ${(r.stderr || r.error?.message || '').trim()}`;
}

describe('results.h5 on a full disk (a real tmpfs, as root)', () => {
  it('fails naming the file and the cause, and leaves nothing under its name nor a temporary', async (ctx) => {
    // 10⁴ points, two outputs: ~160 kB of HDF5 data.
    const out = await sweep(
      '--TL',
      '500mK',
      '--vary',
      'chi=0.5..10:100',
      '--vary',
      'TR=10mK..490mK:100',
      '--output',
      'J_gamma,kappa_gamma',
      '--no-h5',
    );
    const disk = join(out, '..', 'disk');
    mkdirSync(disk);
    const inputs = ['manifest.json', 'results.jsonl'];
    const inputBytes = inputs.reduce((n, f) => n + statSync(join(out, f)).size, 0);
    const why = mountTmpfs(disk, inputBytes + 64 * 1024);
    if (why) {
      console.warn(`skipping the full-disk test of results.h5: ${why}`);
      ctx.skip();
    }
    try {
      for (const f of inputs) copyFileSync(join(out, f), join(disk, f));
      await expect(writeNetcdf(readManifest(disk, 'DIR'), disk)).rejects.toThrow(
        // Said as every other I/O failure: the C library's words with the code (they had no code).
        new RegExp(`^cannot write ${join(disk, RESULTS_H5)}: no space left on device \\(ENOSPC\\)$`),
      );
      expect(readdirSync(disk).sort()).toEqual(inputs);
    } finally {
      spawnSync('umount', [disk]);
    }
  });
});

/** Every dataset's shape, type and values and every attribute (references as their targets), by name. */
async function h5Contents(path: string): Promise<unknown> {
  const { default: h5wasm } = await import('h5wasm/node');
  await h5wasm.ready;
  const f = new h5wasm.File(path, 'r');
  try {
    const attrs = (o: InstanceType<typeof h5wasm.Dataset> | InstanceType<typeof h5wasm.File>): unknown =>
      Object.fromEntries(
        Object.keys(o.attrs)
          .filter((k) => k !== 'DIMENSION_LIST' && k !== 'REFERENCE_LIST')
          .map((k) => [k, o.get_attribute(k, true)]),
      );
    return {
      attrs: attrs(f),
      datasets: f.keys().map((name) => {
        const ds = f.get(name) as InstanceType<typeof h5wasm.Dataset>;
        return {
          name,
          shape: ds.shape,
          dtype: ds.dtype,
          values: Array.from(ds.value as ArrayLike<number>),
          attrs: attrs(ds),
          scales: (ds.shape ?? []).map((_, i) => ds.get_attached_scales(i)),
        };
      }),
    };
  } finally {
    f.close();
  }
}

describe('HDF5 chunks of the streaming writer', () => {
  it('are contiguous point ranges: whole trailing axes, a block of one axis, 1 before it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 5000 }),
        (shape, target) => {
          const { chunk, axis } = pointChunks(shape, target);
          const size = chunk.reduce((n, c) => n * c, 1);
          expect(size).toBeLessThanOrEqual(target);
          chunk.forEach((c, a) => {
            if (a < axis) expect(c).toBe(1);
            else if (a > axis) expect(c).toBe(shape[a]);
            else expect(c).toBeGreaterThanOrEqual(1);
          });
          // Largest such chunk: one more along `axis` would exceed the target, or the axis is whole.
          if (chunk[axis] < shape[axis])
            expect((size / chunk[axis]) * (chunk[axis] + 1)).toBeGreaterThan(target);
        },
      ),
    );
  });
});
