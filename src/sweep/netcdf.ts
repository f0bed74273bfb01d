/**
 * results.h5: a sweep as labelled N-D arrays in a NetCDF-4-compatible HDF5 file (CF-1.8), so that
 * `xarray.open_dataset('results.h5', engine='h5netcdf')` gives every output over the sweep's named
 * dimensions. Layout (docs/sweeps.md, "HDF5 / NetCDF output"):
 *
 * - one dimension per axis, first axis slowest, named as in the CSV header (dotted device paths keep
 *   their dots: NetCDF-4 and xarray accept them), with a coordinate variable holding the SI values,
 *   `units` and `long_name`;
 * - balance mode with per-root outputs: a `root` dimension as long as the largest root count (roots in
 *   ascending T_L, as `root_index` in the CSV), its coordinate 0, 1, …; points with fewer roots hold
 *   NaN there; `n_roots` (int32) is always written then;
 * - point outputs over the axes, root outputs over the axes and `root` (direct mode: the axes only);
 *   float64, except `stable` (int8 1/0) and `n_roots` (int32), whose missing values are −1 with
 *   `_FillValue = -1` (xarray decodes them to floats with NaN);
 * - `error` (int8, 1 where the evaluation threw; the messages are in results.jsonl) only when some
 *   point failed;
 * - global attributes: Conventions, ndtc_version, sweep_hash, mode, device and fixed values as JSON.
 *
 * It is written from results.jsonl in two streaming passes (the first finds the root count), an HDF5
 * chunk of points at a time into datasets of the final shape, to a temporary name renamed at the
 * end: memory holds one chunk per variable, whatever the sweep's size.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { closeSync, fsyncSync, openSync, readSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { getSystemErrorMap } from 'node:util';
import { FileError } from '../io/file-error.js';
import { setFlagsFromString } from 'node:v8';
import { importVendor } from '../io/vendor.js';
import { join, resolve } from 'node:path';
import { hasRoots } from './evaluate-chunk.js';
import {
  RESULTS_H5,
  RESULTS_JSONL,
  RESULTS_RECORD,
  ChunkDamage,
  chunkSource,
  recordResultsFile,
  type Manifest,
} from './directory.js';
import { hashFile, writeRecord } from './record.js';
import { quantityInfo, splitOutputs, type Value } from './quantities.js';
import { RecordReader } from './records.js';
import { binaryChunkSummary, binaryRecords, everyChunkHasRecords } from './binary-chunk.js';
import { h5Only } from './spec.js';

/** One point's values as RecordReader (results.jsonl) and BinaryRecordReader (binary chunks) give them. */
type PointRecord = Pick<RecordReader, 'index' | 'failed' | 'top' | 'rootCount' | 'root'>;
import type { Axis } from './spec.js';

export { RESULTS_H5 };

/** Values per HDF5 chunk (points times the root count): 256 KiB of float64. */
const CHUNK_VALUES = 32768;

/** Missing value of the integer variables (`stable`, `n_roots`): no root there, or a failed point. */
const INT_FILL = -1;

const AXIS_LONG_NAMES: Record<string, string> = {
  T_R: 'right reservoir temperature',
  J_in: 'input power on the left reservoir',
  T_L: 'left reservoir temperature',
  setup: 'setup (1: T_bath fixed; 2: T_R = T_bath)',
  chi: 'area ratio A_R/A_L',
  c: 'specific junction capacitance (both junctions)',
  r0: 'specific junction resistance (both junctions)',
  gamma: 'Dynes parameter (both superconductors)',
  Tc: 'critical temperature (both superconductors)',
  T_bath: 'bath temperature',
};

type Storage = 'f64' | 'i8' | 'i32';
type AttributeValue = string | number[] | Int8Array;

interface Variable {
  name: string;
  /** Over the axes and `root` (else the axes alone). */
  perRoot: boolean;
  storage: Storage;
  attrs: Record<string, AttributeValue>;
  /** The value of the record read (of its root `r` when perRoot), as stored. */
  value(rec: PointRecord, r: number): number;
}

/** CF writes a dimensionless unit as "1". */
const cfUnit = (unit: string): string => (unit === '' ? '1' : unit);

const numeric = (v: unknown): number => (typeof v === 'number' ? v : v === true ? 1 : v === false ? 0 : NaN);

/** A line of a file: bytes [start, end) of `bytes`, without its newline. */
interface Line {
  bytes: Buffer;
  start: number;
  end: number;
}

/**
 * The lines of a file as ranges of a block buffer, in one object updated for each line and valid
 * until the next is taken (no view or object per line): memory holds one block and the longest line,
 * never the file.
 */
function* lines(path: string): Generator<Line> {
  const fd = openSync(path, 'r');
  try {
    let buffer = Buffer.alloc(1 << 22);
    let length = 0;
    const line: Line = { bytes: buffer, start: 0, end: 0 };
    for (;;) {
      if (length === buffer.length) {
        const grown = Buffer.alloc(buffer.length * 2);
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      length += n;
      line.bytes = buffer;
      let start = 0;
      for (let end = buffer.indexOf(10, start); end !== -1 && end < length; end = buffer.indexOf(10, start)) {
        if (end > start) {
          line.start = start;
          line.end = end;
          yield line;
        }
        start = end + 1;
      }
      if (n === 0) {
        if (start < length) {
          line.start = start;
          line.end = length;
          yield line;
        }
        return;
      }
      buffer.copy(buffer, 0, start, length);
      length -= start;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * HDF5 chunk shape over the axes for about `target` points: whole trailing axes, then a block of the
 * next one, 1 on the axes before it. Every chunk is then a contiguous range of point indices, which
 * the streaming writer fills and writes once, as one hyperslab.
 */
export function pointChunks(shape: readonly number[], target: number): { chunk: number[]; axis: number } {
  const chunk = shape.map(() => 1);
  let room = Math.max(1, target);
  let axis = 0;
  for (let a = shape.length - 1; a >= 0; a--) {
    chunk[a] = Math.min(shape[a], room);
    axis = a;
    if (chunk[a] < shape[a]) break;
    room = Math.floor(room / shape[a]);
  }
  return { chunk, axis };
}

/** The data variables in the order written: point outputs, `n_roots`, root outputs, `error`. */
function variables(manifest: Manifest, perRootOutputs: boolean, failures: boolean): Variable[] {
  const { spec, units } = manifest;
  const { pointOutputs, rootOutputs } = splitOutputs(spec.outputs);
  const out: Variable[] = [];
  const described = (name: string): Record<string, string> => ({
    long_name: quantityInfo(name).description,
    units: cfUnit(units[name] ?? quantityInfo(name).unit),
  });
  // Where the reader finds each output: point outputs first among the record's own keys, then (direct
  // mode, flat records) the root outputs; with per-root outputs, those in each root object.
  const { top } = recordNames(manifest, perRootOutputs);
  pointOutputs.forEach((name, k) => {
    out.push(
      name === 'n_roots'
        ? {
            name,
            perRoot: false,
            storage: 'i32',
            attrs: described(name),
            value: (rec) => (rec.failed ? INT_FILL : numeric(rec.top[k])),
          }
        : {
            name,
            perRoot: false,
            storage: 'f64',
            attrs: described(name),
            value: (rec) => numeric(rec.top[k]),
          },
    );
  });
  if (perRootOutputs && !pointOutputs.includes('n_roots')) {
    out.push({
      name: 'n_roots',
      perRoot: false,
      storage: 'i32',
      attrs: described('n_roots'),
      value: (rec) => (rec.failed ? INT_FILL : rec.rootCount),
    });
  }
  rootOutputs.forEach((name, k) => {
    const get = perRootOutputs
      ? (rec: PointRecord, r: number): Value => rec.root(r)[k]
      : (rec: PointRecord): Value => rec.top[top.length - rootOutputs.length + k];
    out.push(
      name === 'stable'
        ? {
            name,
            perRoot: perRootOutputs,
            storage: 'i8',
            attrs: {
              ...described(name),
              flag_values: Int8Array.from([0, 1]),
              flag_meanings: 'unstable stable',
            },
            value: (rec, r) => {
              const v = get(rec, r);
              return typeof v === 'boolean' ? Number(v) : INT_FILL;
            },
          }
        : {
            name,
            perRoot: perRootOutputs,
            storage: 'f64',
            attrs: described(name),
            value: (rec, r) => numeric(get(rec, r)),
          },
    );
  });
  if (failures) {
    out.push({
      name: 'error',
      perRoot: false,
      storage: 'i8',
      attrs: {
        long_name: '1 where the evaluation of the point failed (its message is in results.jsonl)',
        units: '1',
      },
      value: (rec) => (rec.failed ? 1 : 0),
    });
  }
  return out;
}

/** The names the record reader takes from each record and from each of its roots. */
function recordNames(manifest: Manifest, perRootOutputs: boolean): { top: string[]; roots: string[] } {
  const { pointOutputs, rootOutputs } = splitOutputs(manifest.spec.outputs);
  return perRootOutputs
    ? { top: pointOutputs, roots: rootOutputs }
    : { top: [...pointOutputs, ...rootOutputs], roots: [] };
}

const DTYPE: Record<Storage, string> = { f64: '<d', i8: '<b', i32: '<i' };

function allocate(storage: Storage, length: number): Float64Array | Int8Array | Int32Array {
  return storage === 'f64'
    ? new Float64Array(length)
    : storage === 'i8'
      ? new Int8Array(length)
      : new Int32Array(length);
}

const INDEX_KEY = Buffer.from('{"index":');
const QUOTE = 0x22;
const CLOSE = 0x7d;
const OPEN = 0x7b;

/**
 * First pass: the largest root count, and the failed points. It reads bytes, not JSON (a sixth of the
 * time): chunk.ts writes a record as `{"index":N,…,"roots":[{…},{…}]}`, root objects hold no braces,
 * and a failed point's record is `{"index":N,<axes>,"error":"…"}`, the only record with a string
 * value, which it ends.
 */
function survey(path: string, points: number): { maxRoots: number; failures: number } {
  let maxRoots = 0;
  let failures = 0;
  let expected = 0;
  for (const { bytes, start, end } of lines(path)) {
    let at = start;
    while (at < end && at - start < INDEX_KEY.length && bytes[at] === INDEX_KEY[at - start]) at++;
    let index = at - start === INDEX_KEY.length ? 0 : NaN;
    for (; at < end && bytes[at] >= 0x30 && bytes[at] <= 0x39; at++) index = index * 10 + bytes[at] - 0x30;
    if (index !== expected)
      throw new Error(`${path}: record ${expected} does not start with {"index":${expected}`);
    expected++;
    if (bytes[end - 1] === CLOSE && bytes[end - 2] === QUOTE) {
      failures++;
      continue;
    }
    let braces = 0;
    for (let i = bytes.indexOf(OPEN, at); i !== -1 && i < end; i = bytes.indexOf(OPEN, i + 1)) braces++;
    if (braces > maxRoots) maxRoots = braces;
  }
  if (expected !== points) throw new Error(`${path}: ${expected} records for a sweep of ${points} points`);
  return { maxRoots, failures };
}

function axisAttrs(axis: Axis, unit: string): Record<string, string> {
  return {
    units: cfUnit(unit),
    long_name: AXIS_LONG_NAMES[axis.name] ?? `device field ${axis.name}`,
    ...(axis.log && { spacing: 'log' }),
  };
}

type H5wasm = (typeof import('h5wasm/node'))['default'];

/**
 * h5wasm, loaded only here (the WebAssembly HDF5 library costs start-up time no other command needs):
 * from the build's bundle, ~0.1 s of CPU less than the package, which decodes its WebAssembly from a
 * string on every load; else (running from the sources) from the package. The same code either way.
 */
async function loadH5wasm(): Promise<H5wasm> {
  // V8 compiles HDF5's 3.5 MB of WebAssembly with Liftoff, then again with TurboFan on helper threads
  // for functions that run a few milliseconds in all: Liftoff alone costs ~0.15–0.2 s less CPU per
  // run, at 10⁵ points as at 10⁶ (by hand, `sweep --formats h5`, alternating), the same bytes written.
  // Process-wide, read at compilation: only HDF5 compiles WebAssembly here. NDTC_V8_DEFAULTS=1 skips it.
  if (process.env.NDTC_V8_DEFAULTS !== '1') setFlagsFromString('--liftoff-only');
  // The bundle's WebAssembly is a file beside it (scripts/bundle-vendor.mjs).
  return (await importVendor<{ default: H5wasm }>('h5wasm', () => import('h5wasm/node'))).default;
}

/**
 * Write `dir/results.h5` from the chunks' binary records (a binary sweep's, or those beside a text
 * sweep's CSV and JSON Lines; chunk k from the first of `chunkDirs` that records it, else `dir`; each
 * verified against its record as it is read), else from `dir/results.jsonl` (assembled already), and
 * the manifest; returns its path. Nothing appears under the final name unless the whole file was
 * written. `chunkValues` sets the size of the HDF5 chunks, which are also the units of writing.
 */
/**
 * Points between two returns to the event loop while results.h5 is written (~10 ms of work): a
 * Ctrl-C is then handled within that, not after seconds of writing.
 */
const BREATHE_POINTS = 1 << 15;

export async function writeNetcdf(
  manifest: Manifest,
  dir: string,
  options: { chunkValues?: number; chunkDirs?: readonly string[] } = {},
): Promise<string> {
  const { spec } = manifest;
  const target = join(dir, RESULTS_H5);
  const binaryOnly = h5Only(spec);
  const dirs = [...(options.chunkDirs ?? []), dir];
  const dirOf = (k: number): string => chunkSource(dirs, k);
  // A text sweep's chunks carry the same binary records beside their text: read those rather than
  // the JSON Lines back (~2 s of CPU less for 10⁶ points). Chunks from an older ndtc have none, and
  // removed chunks none left: then results.jsonl, the same values.
  const binary = binaryOnly || everyChunkHasRecords(manifest, dirOf);
  const source = binary ? join(dir, 'chunks') : join(dir, RESULTS_JSONL);
  const tmp = resolve(dir, `.${RESULTS_H5}.${process.pid}.tmp`);
  removeStaleTemporaries(dir);
  const h5wasm = await loadH5wasm();
  const hdf5 = await h5wasm.ready;
  // By default HDF5 prints an error (a full disk, an I/O error) to stderr and goes on, and the file
  // would be renamed as if whole: thrown instead, it aborts the write.
  hdf5.activate_throwing_error_handler();
  let file: InstanceType<typeof h5wasm.File> | undefined;
  try {
    const { maxRoots, failures } = binary ? binarySurvey(manifest, dirOf) : survey(source, manifest.points);
    const perRoot = hasRoots(spec);
    const vars = variables(manifest, perRoot, failures > 0);
    const shape = spec.axes.map((a) => a.values.length);
    const R = perRoot ? maxRoots : 1;
    const { chunk, axis: blockAxis } = pointChunks(
      shape,
      Math.floor((options.chunkValues ?? CHUNK_VALUES) / Math.max(1, R)),
    );

    // NetCDF-4 files are HDF5 1.8-format files, readable by every HDF5 and netCDF-C since; creation
    // order tracked so that readers list the variables as written (axes first, outputs as asked).
    file = new h5wasm.File(tmp, 'w', { libver: ['v108', 'v108'], track_order: true });
    const f = file;
    const { pointOutputs } = splitOutputs(spec.outputs);
    // The manifest's version reads "<format> <package version>".
    const version = manifest.version.replace(`${manifest.format} `, '');
    const attrs: Record<string, AttributeValue> = {
      Conventions: 'CF-1.8',
      title: `ndtc sweep ${manifest.hashes.sweep.slice(0, 12)}`,
      source: `ndtc ${version}`,
      ndtc_version: version,
      sweep_format: manifest.format,
      sweep_hash: manifest.hashes.sweep,
      mode: spec.mode,
      device: JSON.stringify(spec.device),
      fixed: JSON.stringify(spec.fixed),
      ...(pointOutputs.some((o) => o !== 'n_roots') && { TR_range: [...spec.TRrange] }),
    };
    for (const [name, value] of Object.entries(attrs)) f.create_attribute(name, value);

    const dims: string[] = [];
    for (const a of spec.axes) {
      const ds = f.create_dataset({ name: a.name, data: Float64Array.from(a.values) });
      ds.make_scale(a.name);
      for (const [k, v] of Object.entries(axisAttrs(a, manifest.units[a.name] ?? '')))
        ds.create_attribute(k, v);
      dims.push(a.name);
    }
    if (perRoot) {
      const ds = f.create_dataset({ name: 'root', data: Int32Array.from({ length: R }, (_, r) => r) });
      ds.make_scale('root');
      ds.create_attribute('long_name', 'root of the heat balance, in ascending T_L (root_index in the CSV)');
    }

    const datasets = vars.map((v) => {
      const full = v.perRoot ? [...shape, R] : shape;
      const dtype = DTYPE[v.storage];
      const ds =
        R === 0 && v.perRoot
          ? f.create_dataset({ name: v.name, data: allocate(v.storage, 0), shape: full, dtype })
          : f.create_dataset({
              name: v.name,
              data: allocate(v.storage, 0),
              shape: full.map((n, i) => (i === 0 ? 0 : n)),
              maxshape: full,
              chunks: v.perRoot ? [...chunk, R] : chunk,
              dtype,
            });
      if (!(R === 0 && v.perRoot)) ds.resize(full);
      dims.forEach((d, i) => ds.attach_scale(i, `/${d}`));
      if (v.perRoot) ds.attach_scale(dims.length, '/root');
      if (v.storage !== 'f64' && v.name !== 'error')
        ds.create_attribute('_FillValue', allocate(v.storage, 1).fill(INT_FILL), [], dtype);
      for (const [k, value] of Object.entries(v.attrs)) ds.create_attribute(k, value);
      return ds;
    });

    // Second pass: points in index order into one HDF5 chunk's worth of buffers, written as it fills.
    const written = vars.map((v, i) => ({ v, ds: datasets[i], width: v.perRoot ? R : 1 }));
    const capacity = chunk.reduce((n, c) => n * c, 1);
    const buffers = written.map(({ v, width }) => allocate(v.storage, capacity * width));
    const blank = (): void =>
      buffers.forEach((b, i) => b.fill(written[i].v.storage === 'f64' ? NaN : INT_FILL));
    const trailing = shape.slice(blockAxis + 1).reduce((n, d) => n * d, 1);
    const blockLength = shape[blockAxis];
    const blockChunk = chunk[blockAxis];
    const chunkStartsAt = (index: number): boolean =>
      index % trailing === 0 && (Math.floor(index / trailing) % blockLength) % blockChunk === 0;
    const coords = new Array<number>(shape.length);
    let start = 0;
    let filled = 0;
    const flush = (): void => {
      let rest = start;
      for (let a = shape.length - 1; a >= 0; a--) {
        coords[a] = rest % shape[a];
        rest = Math.floor(rest / shape[a]);
      }
      const ranges: [number, number][] = shape.map((n, a) =>
        a < blockAxis
          ? [coords[a], coords[a] + 1]
          : a === blockAxis
            ? [coords[a], coords[a] + filled / trailing]
            : [0, n],
      );
      written.forEach(({ v, ds, width }, i) => {
        if (width === 0) return;
        ds.write_slice(v.perRoot ? [...ranges, [0, width]] : ranges, buffers[i].subarray(0, filled * width));
      });
      start += filled;
      filled = 0;
      blank();
    };
    blank();
    const next = (): void => {
      filled++;
      if (chunkStartsAt(start + filled) || start + filled === manifest.points) flush();
    };
    if (binary) {
      // Straight from the records' float64 values into the columns: no Value per output and point.
      const columns = written.map(({ v }) => binaryColumn(v, spec));
      for (const rec of binaryRecords(manifest, dirOf, [], [])) {
        const x = rec.values;
        for (let c = 0; c < columns.length; c++) {
          const { kind, offset, integer } = columns[c];
          const b = buffers[c];
          if (kind === 'error') b[filled] = rec.failed ? 1 : 0;
          else if (rec.failed) continue;
          else if (kind === 'count') b[filled] = rec.rootCount;
          else if (kind === 'root') {
            const width = written[c].width;
            for (let r = 0; r < rec.rootCount; r++) {
              const value = x[rec.rootsAt + r * rec.rootWidth + offset];
              b[filled * width + r] = integer && Number.isNaN(value) ? INT_FILL : value;
            }
          } else {
            const value = x[(kind === 'point' ? rec.pointsAt : rec.rootsAt) + offset];
            b[filled] = integer && Number.isNaN(value) ? INT_FILL : value;
          }
        }
        next();
        if ((start + filled) % BREATHE_POINTS === 0) await nextTurn();
      }
    } else {
      const names = recordNames(manifest, perRoot);
      for (const rec of jsonlRecords(source, names.top, names.roots)) {
        written.forEach(({ v, width }, i) => {
          const b = buffers[i];
          if (!v.perRoot) b[filled] = v.value(rec, 0);
          else for (let r = 0; r < rec.rootCount; r++) b[filled * width + r] = v.value(rec, r);
        });
        next();
        if ((start + filled) % BREATHE_POINTS === 0) await nextTurn();
      }
    }
    const closed = file.close();
    file = undefined;
    if (closed < 0) throw new Error('HDF5 could not close the file');
    const fd = openSync(tmp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // The binary sweep's record holds results.h5 alone: it goes before the file it vouched for.
    if (binaryOnly) rmSync(join(dir, RESULTS_RECORD), { force: true });
    renameSync(tmp, target);
  } catch (error) {
    try {
      file?.close();
    } catch {
      // the file is being discarded
    }
    rmSync(tmp, { force: true });
    // A damaged chunk is the caller's to report (merge names the shard to rerun).
    if (error instanceof ChunkDamage) throw error;
    const { code, words } = failureCause(error);
    throw new FileError(target, code, `cannot write ${target}: ${words}`);
  } finally {
    hdf5.deactivate_throwing_error_handler();
  }
  // Beside results.csv and results.jsonl in results.done, so that ndtc verify checks it too; the
  // results' only file when the chunks are binary.
  if (binaryOnly) writeRecord(join(dir, RESULTS_RECORD), { [RESULTS_H5]: hashFile(target) });
  else recordResultsFile(dir, RESULTS_H5);
  return target;
}

/**
 * Where a variable's values are in a binary record (binary-chunk.ts): a point output at `offset`
 * past the point outputs' start, a root output past each root's start, a direct output past the
 * direct outputs' start; `count` is n_roots from the record's code, `error` its failure.
 */
interface BinaryColumn {
  kind: 'point' | 'root' | 'direct' | 'count' | 'error';
  offset: number;
  /** Stored as an integer: a missing value (NaN) is the fill value. */
  integer: boolean;
}

function binaryColumn(v: Variable, spec: Manifest['spec']): BinaryColumn {
  const { pointOutputs, rootOutputs } = splitOutputs(spec.outputs);
  const integer = v.storage !== 'f64';
  if (v.name === 'error') return { kind: 'error', offset: 0, integer };
  const p = pointOutputs.indexOf(v.name);
  if (p >= 0) return { kind: 'point', offset: p, integer };
  if (v.name === 'n_roots') return { kind: 'count', offset: 0, integer };
  return { kind: v.perRoot ? 'root' : 'direct', offset: rootOutputs.indexOf(v.name), integer };
}

/** The records of results.jsonl, one reader refilled per line. */
function* jsonlRecords(path: string, topNames: string[], rootNames: string[]): Generator<PointRecord> {
  const rec = new RecordReader(topNames, rootNames);
  let index = 0;
  for (const { bytes, start, end } of lines(path)) {
    try {
      rec.read(bytes, start, end);
    } catch {
      throw new Error(`${path}: record ${index} is not valid JSON`);
    }
    index++;
    yield rec;
  }
}

/** survey() of binary chunks, from their headers (binaryRecords checks the records agree). */
function binarySurvey(
  manifest: Manifest,
  dirOf: (k: number) => string,
): { maxRoots: number; failures: number } {
  let maxRoots = 0;
  let failures = 0;
  for (let k = 0; k < manifest.chunks; k++) {
    const summary = binaryChunkSummary(dirOf(k), k);
    maxRoots = Math.max(maxRoots, summary.maxRoots);
    failures += summary.failures;
  }
  return { maxRoots, failures };
}

/** Whether process `pid` is alive (signal 0 only checks; EPERM: alive, not ours). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Temporary results.h5 files of killed writers (their process is gone); a live writer's stay. */
function removeStaleTemporaries(dir: string): void {
  for (const name of readdirSync(dir)) {
    const m = /^\.results\.h5\.(\d+)\.tmp$/.exec(name);
    if (m && Number(m[1]) !== process.pid && !alive(Number(m[1]))) rmSync(join(dir, name), { force: true });
  }
}

/**
 * The cause of a failed write in words: the system's message when HDF5 reports a failed write (its
 * error stack quotes it), else the first line of the error.
 */
function failureCause(error: unknown): { code: string; words: string } {
  const message = error instanceof Error ? error.message : String(error);
  const system = /error message = '([^']+)'/.exec(message)?.[1];
  if (system) {
    // The C library's words for errno ("No space left on device"): said as every other I/O failure.
    const known = [...getSystemErrorMap().values()].find(
      ([, words]) => words.toLowerCase() === system.toLowerCase(),
    );
    return known ? { code: known[0], words: `${known[1]} (${known[0]})` } : { code: '', words: system };
  }
  const line = message.split('\n').find((l) => l.trim() !== '' && !l.startsWith('HDF5-DIAG')) ?? message;
  return { code: '', words: line };
}
