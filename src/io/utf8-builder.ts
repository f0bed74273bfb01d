/**
 * Text appended piece by piece into one growing UTF-8 byte buffer. Each piece is encoded as it comes,
 * so the pieces die young: a chunk of sweep output held as thousands of live strings would be copied
 * by every young-generation garbage collection until written. Sweep output is ASCII but for error
 * messages, so ASCII is copied code unit by code unit (for the short pieces of a row that is several
 * times cheaper than a TextEncoder call, which also allocates a view per call) and only the rest goes
 * through the encoder.
 */
const encoder = new TextEncoder();

export class Utf8Builder {
  private buffer: Uint8Array;
  private length = 0;

  constructor(initialBytes = 1 << 16) {
    this.buffer = new Uint8Array(initialBytes);
  }

  /** Bytes written so far. */
  get size(): number {
    return this.length;
  }

  private reserve(bytes: number): Uint8Array {
    const needed = this.length + bytes;
    if (needed > this.buffer.length) {
      const grown = new Uint8Array(Math.max(needed, 2 * this.buffer.length));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    return this.buffer;
  }

  append(text: string): void {
    // A UTF-16 code unit takes at most 3 UTF-8 bytes.
    const buffer = this.reserve(3 * text.length);
    let at = this.length;
    const n = text.length;
    let i = 0;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) break;
      buffer[at++] = c;
    }
    if (i < n) at += encoder.encodeInto(text.slice(i), buffer.subarray(at)).written;
    this.length = at;
  }

  /** One ASCII byte. */
  appendByte(code: number): void {
    if (this.length === this.buffer.length) this.reserve(1);
    this.buffer[this.length++] = code;
  }

  /** Bytes already encoded (e.g. a key or an axis value formatted once per sweep). */
  appendBytes(bytes: Uint8Array): void {
    const buffer = this.reserve(bytes.length);
    const n = bytes.length;
    let at = this.length;
    // Most pieces are a few bytes: a loop beats TypedArray.set's call overhead there.
    if (n <= 32) for (let i = 0; i < n; i++) buffer[at++] = bytes[i];
    else {
      buffer.set(bytes, at);
      at += n;
    }
    this.length = at;
  }

  /** Bytes [from, to) of `bytes` (a piece of a table of pieces laid end to end). */
  appendRange(bytes: Uint8Array, from: number, to: number): void {
    const buffer = this.reserve(to - from);
    let at = this.length;
    for (let i = from; i < to; i++) buffer[at++] = bytes[i];
    this.length = at;
  }

  /** A non-negative integer (safe range) in decimal, without a string. */
  appendInteger(value: number): void {
    const buffer = this.reserve(16);
    let digits = 1;
    for (let v = value; v >= 10; v = Math.floor(v / 10)) digits++;
    let at = this.length + digits;
    this.length = at;
    let v = value;
    do {
      const q = Math.floor(v / 10);
      buffer[--at] = 48 + (v - 10 * q);
      v = q;
    } while (v > 0);
  }

  /** Append again the bytes in [from, to) written earlier (a row's repeated prefix). */
  repeat(from: number, to: number): void {
    const buffer = this.reserve(to - from);
    buffer.copyWithin(this.length, from, to);
    this.length += to - from;
  }

  /** Empty again, keeping the buffer (a builder reused chunk after chunk allocates it once). */
  reset(): void {
    this.length = 0;
  }

  /** The bytes so far (a view, valid until the next append or reset). */
  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}
