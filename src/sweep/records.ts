/**
 * The records of results.jsonl read without JSON.parse. chunk.ts writes every record in one form,
 * `{"index":N,"name":v,…,"roots":[{"name":v,…},…]}` (values: shortest numbers, null, true, false) or,
 * for a failed point, `{"index":N,<axes>,"error":"…"}`. The reader walks those bytes once and converts
 * only the values asked for: 0.7 µs a record of the T_L map where JSON.parse, which builds every key and
 * value, takes 1.4–2.7 µs (results.h5 and the plot read every record of a sweep). Anything outside that form
 * goes through JSON.parse, so a line is read exactly as JSON.parse reads it or refused as it does.
 */
import type { Value } from './quantities.js';

const enum Byte {
  Quote = 0x22,
  Comma = 0x2c,
  Colon = 0x3a,
  Backslash = 0x5c,
  OpenList = 0x5b,
  CloseList = 0x5d,
  Open = 0x7b,
  Close = 0x7d,
  Zero = 0x30,
  Nine = 0x39,
  LowerN = 0x6e,
  LowerT = 0x74,
  LowerF = 0x66,
  LowerE = 0x65,
  UpperE = 0x45,
  Minus = 0x2d,
  Plus = 0x2b,
  Point = 0x2e,
  LowerR = 0x72,
}

const utf8 = new TextEncoder();
const INDEX = utf8.encode('{"index":');
const ROOTS = utf8.encode('"roots":');
const ERROR = utf8.encode('"error":');
const NULL = utf8.encode('null');
const TRUE = utf8.encode('true');
const FALSE = utf8.encode('false');

const isDigit = (c: number): boolean => c >= Byte.Zero && c <= Byte.Nine;

/** The escapes of JSON strings other than \\u: " \\ / b f n r t. */
const SIMPLE_ESCAPES = [0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74];
const isHex = (c: number): boolean =>
  (c >= Byte.Zero && c <= Byte.Nine) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

class NotFast extends Error {}
const notFast = new NotFast();

/**
 * Reads records one at a time into reused fields: the values of `topNames` (keys of the record
 * itself) and of `rootNames` (keys of each object in its `roots` list). A name a record lacks reads
 * as null, as a missing key reads as undefined from JSON.parse.
 */
export class RecordReader {
  /** The record's index. */
  index = -1;
  /** Whether the record is a failed point's (it has an "error"). */
  failed = false;
  /** Values of the top-level names, in their order. */
  readonly top: Value[];
  /** Whether the record has a `roots` list (a failed point's and a direct evaluation's have none). */
  hasRoots = false;
  /** Number of objects in the record's `roots` list (0 without one). */
  rootCount = 0;
  /** Records read through JSON.parse (outside chunk.ts's form) so far. */
  parsedReads = 0;
  private readonly rootRows: Value[][] = [];
  private readonly topKeys: Uint8Array[];
  private readonly rootKeys: Uint8Array[];
  /** The bytes holding the record, which spans [start, end) of them. */
  private line: Buffer = Buffer.alloc(0);
  private start = 0;
  private end = 0;
  /** The record as Latin-1 text, made at its first number (then sliced: cheaper than a string per value). */
  private text: string | undefined;
  private at = 0;

  constructor(
    private readonly topNames: readonly string[],
    private readonly rootNames: readonly string[],
  ) {
    // A key as written, quotes and colon included: compared byte by byte, never made a string.
    this.topKeys = topNames.map((n) => utf8.encode(`${JSON.stringify(n)}:`));
    this.rootKeys = rootNames.map((n) => utf8.encode(`${JSON.stringify(n)}:`));
    this.top = topNames.map(() => null);
  }

  /** The values of the root names for root r (r < rootCount), in their order. */
  root(r: number): readonly Value[] {
    return this.rootRows[r];
  }

  /**
   * Reads one record: bytes [start, end) of `bytes` (a line without its newline; a view of a larger
   * block needs no copy). Throws a SyntaxError where JSON.parse would, and an Error when the line is
   * JSON but no record.
   */
  read(bytes: Buffer, start = 0, end = bytes.length): void {
    try {
      this.readFast(bytes, start, end);
    } catch (e) {
      if (e !== notFast) throw e;
      this.readParsed(bytes.subarray(start, end));
    }
  }

  // Bytes past `end` belong to other lines: a read that goes past it ends past it, and the check at
  // the end sends the record to JSON.parse, which sees [start, end) alone.
  private readFast(line: Buffer, start: number, end: number): void {
    this.line = line;
    this.start = start;
    this.end = end;
    this.text = undefined;
    this.at = start;
    this.failed = false;
    this.hasRoots = false;
    this.rootCount = 0;
    this.top.fill(null);
    if (!this.take(INDEX)) throw notFast;
    this.index = this.integer();
    for (;;) {
      const c = line[this.at++];
      if (c === Byte.Close) break;
      if (c !== Byte.Comma) throw notFast;
      // Most keys are an axis or an output: "roots" and "error" are tried only by their first letter.
      const first = line[this.at + 1];
      if (first === Byte.LowerR && this.take(ROOTS)) this.roots();
      else if (first === Byte.LowerE && this.take(ERROR)) {
        this.skipString();
        this.failed = true;
      } else {
        const k = this.key(this.topKeys);
        const v = this.value(k >= 0);
        if (k >= 0) this.top[k] = v;
      }
    }
    if (this.at !== end) throw notFast;
  }

  private roots(): void {
    const line = this.line;
    if (line[this.at++] !== Byte.OpenList) throw notFast;
    this.hasRoots = true;
    this.rootCount = 0;
    if (line[this.at] === Byte.CloseList) {
      this.at++;
      return;
    }
    for (;;) {
      if (line[this.at++] !== Byte.Open) throw notFast;
      const row = this.rootRow(this.rootCount++);
      for (let first = true; ; first = false) {
        const c = line[this.at];
        if (c === Byte.Close) break;
        if (!first) {
          if (c !== Byte.Comma) throw notFast;
          this.at++;
        }
        const k = this.key(this.rootKeys);
        const v = this.value(k >= 0);
        if (k >= 0) row[k] = v;
      }
      this.at++;
      const c = line[this.at++];
      if (c === Byte.CloseList) return;
      if (c !== Byte.Comma) throw notFast;
    }
  }

  private rootRow(r: number): Value[] {
    let row = this.rootRows[r];
    if (row === undefined) {
      row = this.rootNames.map(() => null);
      this.rootRows[r] = row;
    } else row.fill(null);
    return row;
  }

  /** The bytes `expected` at the position (then past them), or false (position unchanged). */
  private take(expected: Uint8Array): boolean {
    const { line, at } = this;
    if (at + expected.length > this.end) return false;
    for (let i = 0; i < expected.length; i++) if (line[at + i] !== expected[i]) return false;
    this.at = at + expected.length;
    return true;
  }

  /** Which of `keys` starts at the position (then past it); −1 past any other key. */
  private key(keys: readonly Uint8Array[]): number {
    for (let k = 0; k < keys.length; k++) if (this.take(keys[k])) return k;
    const line = this.line;
    if (line[this.at++] !== Byte.Quote) throw notFast;
    for (let c = line[this.at++]; c !== Byte.Quote; c = line[this.at++])
      if (c === Byte.Backslash || c === undefined || c < 0x20) throw notFast;
    if (line[this.at++] !== Byte.Colon) throw notFast;
    return -1;
  }

  /** The value at the position (then past it); a number is converted only when `wanted`. */
  private value(wanted: boolean): Value {
    const line = this.line;
    const c = line[this.at];
    if (c === Byte.LowerN && this.take(NULL)) return null;
    if (c === Byte.LowerT && this.take(TRUE)) return true;
    if (c === Byte.LowerF && this.take(FALSE)) return false;
    const start = this.at;
    const end = this.numberEnd(start);
    this.at = end;
    if (!wanted) return null;
    // The token is a JSON number: parseFloat reads all of it, as Number would, and faster.
    this.text ??= line.toString('latin1', this.start, this.end);
    return parseFloat(this.text.slice(start - this.start, end - this.start));
  }

  /** The end of the JSON number starting at `i` (JSON's grammar, narrower than Number's). */
  private numberEnd(i: number): number {
    const line = this.line;
    if (line[i] === Byte.Minus) i++;
    if (line[i] === Byte.Zero) i++;
    else if (isDigit(line[i])) while (isDigit(line[i])) i++;
    else throw notFast;
    if (line[i] === Byte.Point) {
      if (!isDigit(line[++i])) throw notFast;
      while (isDigit(line[i])) i++;
    }
    if (line[i] === Byte.LowerE || line[i] === Byte.UpperE) {
      i++;
      if (line[i] === Byte.Plus || line[i] === Byte.Minus) i++;
      if (!isDigit(line[i])) throw notFast;
      while (isDigit(line[i])) i++;
    }
    return i;
  }

  /** A non-negative integer (the record's index). */
  private integer(): number {
    const line = this.line;
    let v = 0;
    const start = this.at;
    while (line[this.at] >= Byte.Zero && line[this.at] <= Byte.Nine) v = 10 * v + line[this.at++] - Byte.Zero;
    if (this.at === start || (line[start] === Byte.Zero && this.at > start + 1)) throw notFast;
    return v;
  }

  private skipString(): void {
    const line = this.line;
    if (line[this.at++] !== Byte.Quote) throw notFast;
    for (let c = line[this.at++]; c !== Byte.Quote; c = line[this.at++]) {
      if (c === undefined || c < 0x20) throw notFast; // control characters are not JSON
      if (c === Byte.Backslash) {
        const e = line[this.at++];
        if (e === 0x75) {
          for (let i = 0; i < 4; i++) if (!isHex(line[this.at++])) throw notFast;
        } else if (!SIMPLE_ESCAPES.includes(e)) throw notFast;
      }
    }
  }

  /** The slow path: the line through JSON.parse, its values taken as JSON.parse gives them. */
  private readParsed(line: Buffer): void {
    this.parsedReads++;
    const parsed: unknown = JSON.parse(line.toString('utf8'));
    const record = parsed as Record<string, unknown>;
    if (
      typeof parsed !== 'object' ||
      parsed === null ||
      Array.isArray(parsed) ||
      !Number.isSafeInteger(record.index)
    )
      throw new Error('not a record of results.jsonl: no "index"');
    this.index = record.index as number;
    this.failed = record.error !== undefined;
    const asValue = (v: unknown): Value => (typeof v === 'number' || typeof v === 'boolean' ? v : null);
    this.topNames.forEach((n, k) => (this.top[k] = asValue(record[n])));
    this.hasRoots = Array.isArray(record.roots);
    const roots = this.hasRoots ? (record.roots as Record<string, unknown>[]) : [];
    this.rootCount = roots.length;
    roots.forEach((root, r) => {
      const row = this.rootRow(r);
      this.rootNames.forEach((n, k) => (row[k] = asValue(root?.[n])));
    });
  }
}
