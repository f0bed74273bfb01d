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
});
