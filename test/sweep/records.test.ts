import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { platformDevice } from '../../src/index.js';
import { computeChunk } from '../../src/sweep/chunk.js';
import { RecordReader } from '../../src/sweep/records.js';
import type { SweepSpec } from '../../src/sweep/spec.js';
import type { Value } from '../../src/sweep/quantities.js';

/** What the reader must give: the values JSON.parse gives (a missing key, a string: null). */
function parsedValues(
  line: string,
  top: readonly string[],
  roots: readonly string[],
): { index: number; failed: boolean; top: Value[]; hasRoots: boolean; roots: Value[][] } {
  const record = JSON.parse(line) as Record<string, unknown>;
  const value = (v: unknown): Value => (typeof v === 'number' || typeof v === 'boolean' ? v : null);
  const list = Array.isArray(record.roots) ? (record.roots as Record<string, unknown>[]) : undefined;
  return {
    index: record.index as number,
    failed: record.error !== undefined,
    top: top.map((n) => value(record[n])),
    hasRoots: list !== undefined,
    // A root that is no object (null, a number) has no keys.
    roots: (list ?? []).map((root) => roots.map((n) => value(root instanceof Object ? root[n] : undefined))),
  };
}

function read(reader: RecordReader, line: string): ReturnType<typeof parsedValues> {
  reader.read(Buffer.from(line, 'utf8'));
  return snapshot(reader);
}

/** What the reader holds after a read. */
function snapshot(reader: RecordReader): ReturnType<typeof parsedValues> {
  return {
    index: reader.index,
    failed: reader.failed,
    top: [...reader.top],
    hasRoots: reader.hasRoots,
    roots: Array.from({ length: reader.rootCount }, (_, r) => [...reader.root(r)]),
  };
}

/** Values as chunk.ts writes them: a finite double in its shortest form, null, true, false. */
const value = fc.oneof(
  { weight: 6, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.constantFrom<Value>(null, true, false, 0, -0, 5e-324, -1.7976931348623157e308) },
);
const json = (v: Value): string => (typeof v === 'number' ? String(v) : JSON.stringify(v));
const NAMES = ['T_L', 'J_in', 'T_R', 'stable', 'dTL_dTR', 'right.junction.r0', 'n_roots', 'exceedsTc'];

/** A record in chunk.ts's form: index, key/value pairs, then a roots list or an error message. */
const record = fc
  .record({
    index: fc.nat({ max: 2 ** 40 }),
    pairs: fc.array(fc.tuple(fc.constantFrom(...NAMES), value), { maxLength: 6 }),
    tail: fc.oneof(
      fc.constant(undefined),
      fc.array(fc.array(fc.tuple(fc.constantFrom(...NAMES), value), { maxLength: 4 }), { maxLength: 4 }),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
    ),
  })
  .map(({ index, pairs, tail }) => {
    let line = `{"index":${index}`;
    for (const [k, v] of pairs) line += `,${JSON.stringify(k)}:${json(v)}`;
    if (typeof tail === 'string') line += `,"error":${JSON.stringify(tail)}`;
    else if (tail)
      line += `,"roots":[${tail
        .map((root) => `{${root.map(([k, v]) => `${JSON.stringify(k)}:${json(v)}`).join(',')}}`)
        .join(',')}]`;
    return `${line}}`;
  });

const top = ['T_L', 'J_in', 'right.junction.r0', 'absent'];
const roots = ['T_L', 'stable', 'dTL_dTR'];

describe('RecordReader', () => {
  it('reads every record in chunk.ts’s form as JSON.parse does, without JSON.parse', () => {
    const reader = new RecordReader(top, roots);
    fc.assert(
      fc.property(record, (line) => {
        expect(read(reader, line)).toStrictEqual(parsedValues(line, top, roots));
      }),
      { numRuns: 3000 },
    );
    // Error messages with escapes and non-ASCII text included, no record needed JSON.parse.
    expect(reader.parsedReads).toBe(0);
  });

  it('reads the lines of real sweep chunks (balance with roots, point outputs, direct) without JSON.parse', () => {
    const base: SweepSpec = {
      device: platformDevice('ag'),
      fixed: { setup: 1 },
      axes: [
        { name: 'J_in', values: [0, 3e-14, 1e-12, 1e-6], log: false },
        { name: 'T_R', values: [0.01, 0.2, 0.5, 0.8], log: false },
      ],
      outputs: ['n_roots', 'deltaT', 'T_L', 'stable', 'dTL_dTR', 'J_gamma'],
      mode: 'balance',
      TRrange: [0.01, 0.8],
      chunkSize: 16,
    };
    const direct: SweepSpec = {
      ...base,
      axes: [{ name: 'T_L', values: [0.05, 0.3], log: false }, base.axes[1]],
      fixed: { setup: 1, T_R: 0.2 },
      outputs: ['J_gamma', 'kappa_gamma'],
      mode: 'direct',
    };
    for (const [spec, topNames, rootNames] of [
      [base, ['n_roots', 'deltaT'], ['T_L', 'stable', 'dTL_dTR', 'J_gamma']],
      [direct, ['J_gamma', 'kappa_gamma'], []],
    ] as const) {
      const reader = new RecordReader(topNames, rootNames);
      const lines = new TextDecoder().decode(computeChunk(spec, 0).jsonl).trimEnd().split('\n');
      expect(lines).toHaveLength(spec.axes[0].values.length * spec.axes[1].values.length);
      for (const line of lines)
        expect(read(reader, line)).toStrictEqual(parsedValues(line, topNames, rootNames));
      expect(reader.parsedReads).toBe(0);
    }
  });

  it('reads JSON outside chunk.ts’s form through JSON.parse, with the same values', () => {
    const reader = new RecordReader(top, roots);
    // Other spellings of numbers and escapes chunk.ts does not write, still in its form: read directly.
    const direct = [
      '{"index":3,"T_L":1E+2,"J_in":-0.0e-0}',
      '{"index":3,"T_L":1e400}',
      '{"index":3,"error":"tab\\tand \\u00e9\\/"}',
    ];
    for (const line of direct) expect(read(reader, line)).toStrictEqual(parsedValues(line, top, roots));
    expect(reader.parsedReads).toBe(0);
    const parsed = [
      '{ "index": 3, "T_L": 0.1 }',
      '{"index":3,"T_\\u004c":0.25}',
      '{"index":3,"error":null}',
      '{"index":3,"roots":{"T_L":1}}',
      '{"index":3,"roots":[1,{"T_L":2}]}',
      '{"index":3,"T_L":"0.1"}',
      '{"index":3}\r',
    ];
    for (const line of parsed) expect(read(reader, line)).toStrictEqual(parsedValues(line, top, roots));
    expect(reader.parsedReads).toBe(parsed.length);
  });

  it('refuses what JSON.parse refuses: a damaged record is never read as a shorter one', () => {
    const reader = new RecordReader(top, roots);
    fc.assert(
      fc.property(
        record,
        fc.nat(),
        fc.constantFrom('', 'x', '.', '-', '+', '0', 'e', ',', '}', '"'),
        (line, at, insert) => {
          const cut = at % line.length;
          const damaged = line.slice(0, cut) + insert + line.slice(cut + 1);
          let parsed: unknown;
          try {
            parsed = JSON.parse(damaged);
          } catch {
            expect(() => reader.read(Buffer.from(damaged))).toThrow(SyntaxError);
            return;
          }
          if (Number.isSafeInteger((parsed as { index?: unknown }).index))
            expect(read(reader, damaged)).toStrictEqual(parsedValues(damaged, top, roots));
          else expect(() => reader.read(Buffer.from(damaged))).toThrow(/no "index"/);
        },
      ),
      { numRuns: 3000 },
    );
    for (const notRecord of ['[1]', '{"index":"3"}', 'null', '5', '"text"', '{"index":1.5}'])
      expect(() => reader.read(Buffer.from(notRecord)), notRecord).toThrow(/no "index"/);
  });

  it('reads a line inside a block as it reads the line alone: bytes past its end are never its own', () => {
    const reader = new RecordReader(top, roots);
    const outcome = (f: () => ReturnType<typeof read>): unknown => {
      try {
        return f();
      } catch (e) {
        return e instanceof Error ? e.constructor.name : 'thrown';
      }
    };
    fc.assert(
      fc.property(record, record, record, fc.nat(), (before, line, after, cut) => {
        // The range ends before the line does (as after the last line of a file, where stale bytes of
        // an earlier block follow): read past its end, the rest would complete the record.
        const middle = line.slice(0, line.length - (cut % 4));
        const block = Buffer.from(`${before}\n${line}\n${after}`);
        const start = Buffer.byteLength(before) + 1;
        const inBlock = outcome(() => {
          reader.read(block, start, start + Buffer.byteLength(middle));
          return snapshot(reader);
        });
        expect(inBlock).toStrictEqual(outcome(() => read(reader, middle)));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses what JSON refuses at every byte it checks: numbers, index, keys, strings, escapes', () => {
    const reader = new RecordReader(top, roots);
    const refused = [
      '{"index":}',
      '{"index":,"T_L":1}',
      '{"index":01}',
      '{"index":3,"T_L":1e}',
      '{"index":3,"T_L":1e+}',
      '{"index":3,"T_L":1E-}',
      '{"index":3,"T_L":1.}',
      '{"index":3,"T_L":.5}',
      '{"index":3,"T_L":-}',
      '{"index":3,"T_L":01}',
      '{"index":3,"T_L":+1}',
      '{"index":3,"a\tb":1}', // a raw tab in a key
      '{"index":3,"error":"a\tb"}', // and in a string
      '{"index":3,"error":"\\x"}',
      '{"index":3,"error":"\\u12"}',
      ...['g', 'G', '/', ':', '@', '`'].map((c) => `{"index":3,"error":"\\u00e${c}"}`),
      '{"index":3,"roots":[{"T_L":1}',
      '{"index":3,"roots":[{"T_L":1},]}',
      '{"index":3,"T_L":1',
    ];
    for (const line of refused) {
      expect(() => JSON.parse(line), line).toThrow(SyntaxError);
      expect(() => reader.read(Buffer.from(line)), line).toThrow(SyntaxError);
    }
    // Every hex digit, both cases, and a key with a space: still the fast path.
    const fast = [
      '{"index":3,"error":"\\u0123\\u4567\\u89ab\\ucdef\\uABCD\\uEF09"}',
      '{"index":3,"a b":1,"T_L":2}',
      '{"index":3,"roots":[{},{"T_L":2}]}',
    ];
    const before = reader.parsedReads;
    for (const line of fast) expect(read(reader, line)).toStrictEqual(parsedValues(line, top, roots));
    expect(reader.parsedReads).toBe(before);
    // A roots list holding null: JSON.parse's path, null values.
    const withNull = '{"index":3,"roots":[null,{"T_L":2}]}';
    expect(read(reader, withNull)).toStrictEqual(parsedValues(withNull, top, roots));
    expect(reader.parsedReads).toBe(before + 1);
  });
});
