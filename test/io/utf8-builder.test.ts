import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf8Builder } from '../../src/io/utf8-builder.js';

describe('Utf8Builder', () => {
  it('holds the UTF-8 of the concatenated pieces, across growth and any characters', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme' })),
        fc.integer({ min: 1, max: 64 }),
        (pieces, start) => {
          const builder = new Utf8Builder(start);
          for (const p of pieces) builder.append(p);
          expect(Buffer.from(builder.bytes()).equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
        },
      ),
    );
  });

  it('appendRange, appendBytes, appendByte and appendInteger add exactly their bytes, across growth', () => {
    const piece = fc.oneof(
      fc.uint8Array({ maxLength: 80 }).map((b) => ({ kind: 'bytes' as const, b })),
      fc.tuple(fc.uint8Array({ maxLength: 80 }), fc.nat(), fc.nat()).map(([b, x, y]) => {
        const from = b.length ? x % (b.length + 1) : 0;
        const to = from + (b.length ? y % (b.length - from + 1) : 0);
        return { kind: 'range' as const, b, from, to };
      }),
      fc.integer({ min: 0, max: 127 }).map((c) => ({ kind: 'byte' as const, c })),
      fc.maxSafeNat().map((n) => ({ kind: 'integer' as const, n })),
    );
    fc.assert(
      fc.property(fc.array(piece), fc.integer({ min: 1, max: 64 }), (pieces, start) => {
        const builder = new Utf8Builder(start);
        const expected: Buffer[] = [];
        for (const p of pieces) {
          if (p.kind === 'bytes') builder.appendBytes(p.b);
          else if (p.kind === 'range') builder.appendRange(p.b, p.from, p.to);
          else if (p.kind === 'byte') builder.appendByte(p.c);
          else builder.appendInteger(p.n);
          expected.push(
            p.kind === 'bytes'
              ? Buffer.from(p.b)
              : p.kind === 'range'
                ? Buffer.from(p.b.subarray(p.from, p.to))
                : p.kind === 'byte'
                  ? Buffer.of(p.c)
                  : Buffer.from(String(p.n)),
          );
        }
        expect(Buffer.from(builder.bytes()).equals(Buffer.concat(expected))).toBe(true);
      }),
    );
  });
});
