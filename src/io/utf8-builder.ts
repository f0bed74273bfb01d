/**
 * Text appended piece by piece into one growing UTF-8 byte buffer. Each piece is encoded as it comes,
 * so the pieces die young: a chunk of sweep output held as thousands of live strings would be copied
 * by every young-generation garbage collection until written.
 */
const encoder = new TextEncoder();

export class Utf8Builder {
  private buffer: Uint8Array;
  private length = 0;

  constructor(initialBytes = 1 << 16) {
    this.buffer = new Uint8Array(initialBytes);
  }

  append(text: string): void {
    // A UTF-16 code unit takes at most 3 UTF-8 bytes.
    const needed = this.length + 3 * text.length;
    if (needed > this.buffer.length) {
      const grown = new Uint8Array(Math.max(needed, 2 * this.buffer.length));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.length += encoder.encodeInto(text, this.buffer.subarray(this.length)).written;
  }

  /** The bytes so far (a view, valid until the next append). */
  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}
