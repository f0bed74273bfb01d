/**
 * A small PDF reader for tests, written from the PDF 1.7 reference (not from the writer): the
 * cross-reference table, the page tree, and the text a page shows (content-stream text operators
 * decoded through each font's ToUnicode CMap).
 */
import { inflateSync } from 'node:zlib';

export interface PdfObject {
  dict: string;
  stream?: Buffer;
}

export interface ParsedPdf {
  version: string;
  objects: Map<number, PdfObject>;
  /** Offsets from the xref table, by object number ('n' entries). */
  xref: Map<number, number>;
  trailer: string;
}

/** Parses a classic (table-xref) PDF; throws on a structural error a reader would stumble on. */
export function parsePdf(bytes: Uint8Array): ParsedPdf {
  const buf = Buffer.from(bytes);
  const text = buf.toString('latin1');
  const header = /^%PDF-(\d\.\d)/.exec(text);
  if (!header) throw new Error('no %PDF- header');
  if (!/%%EOF\s*$/.test(text)) throw new Error('no %%EOF at the end');
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!start) throw new Error('no startxref');
  const at = Number(start[1]);
  if (!text.startsWith('xref', at)) throw new Error(`startxref ${at} does not point at the xref table`);
  const table = /^xref\s+(\d+)\s+(\d+)\s+/.exec(text.slice(at));
  if (!table) throw new Error('malformed xref header');
  const [first, count] = [Number(table[1]), Number(table[2])];
  const xref = new Map<number, number>();
  let p = at + table[0].length;
  for (let k = 0; k < count; k++) {
    const entry = /^(\d{10}) (\d{5}) ([nf])\s*\r?\n?/.exec(text.slice(p, p + 21));
    if (!entry) throw new Error(`malformed xref entry ${first + k}`);
    if (entry[3] === 'n') xref.set(first + k, Number(entry[1]));
    p += 20;
  }
  const trailer = /trailer\s*(<<[\s\S]*?>>)\s*startxref/.exec(text.slice(p));
  if (!trailer) throw new Error('no trailer');
  const objects = new Map<number, PdfObject>();
  for (const [n, offset] of xref) {
    const head = new RegExp(`^${n} 0 obj\\s*`).exec(text.slice(offset, offset + 20));
    if (!head) throw new Error(`xref offset of object ${n} (${offset}) does not point at 'n 0 obj'`);
    const bodyStart = offset + head[0].length;
    const end = text.indexOf('endobj', bodyStart);
    const body = text.slice(bodyStart, end);
    const s = body.indexOf('stream');
    if (s >= 0 && body.trimStart().startsWith('<<')) {
      const dict = body.slice(0, s);
      const length = /\/Length (\d+)/.exec(dict);
      const dataStart = bodyStart + s + 'stream'.length + (text[bodyStart + s + 6] === '\r' ? 2 : 1);
      let data = buf.subarray(dataStart, dataStart + Number(length?.[1] ?? 0));
      if (dict.includes('/FlateDecode')) data = inflateSync(data);
      objects.set(n, { dict, stream: Buffer.from(data) });
    } else objects.set(n, { dict: body });
  }
  return { version: header[1], objects, xref, trailer: trailer[1] };
}

function ref(dict: string, key: string): number | undefined {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : undefined;
}

/** The page objects, through the catalogue's page tree. */
export function pages(pdf: ParsedPdf): PdfObject[] {
  const root = pdf.objects.get(ref(pdf.trailer, 'Root')!)!;
  const out: PdfObject[] = [];
  const visit = (n: number): void => {
    const o = pdf.objects.get(n)!;
    if (/\/Type\s*\/Pages\b/.test(o.dict)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(o.dict)![1];
      for (const k of kids.matchAll(/(\d+) 0 R/g)) visit(Number(k[1]));
    } else out.push(o);
  };
  visit(ref(root.dict, 'Pages')!);
  return out;
}

/** A ToUnicode CMap: character code (hex) → text. */
function toUnicode(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const hexText = (h: string) =>
    String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((c) => parseInt(c, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set(m[1].toLowerCase(), hexText(m[2]));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const [lo, hi] = [parseInt(m[1], 16), parseInt(m[2], 16)];
      const width = m[1].length;
      const targets = m[3].startsWith('[')
        ? [...m[3].matchAll(/<([0-9a-fA-F]+)>/g)].map((t) => t[1])
        : undefined;
      for (let c = lo; c <= hi; c++) {
        const key = c.toString(16).padStart(width, '0');
        const target = targets
          ? targets[c - lo]
          : (parseInt(m[3].slice(1, -1), 16) + (c - lo)).toString(16).padStart(4, '0');
        if (target !== undefined) map.set(key, hexText(target));
      }
    }
  }
  return map;
}

/** The strings a page shows, in order: each Tj/TJ decoded with the current font's ToUnicode map. */
export function pageText(pdf: ParsedPdf, page: PdfObject): string[] {
  const resources = pdf.objects.get(ref(page.dict, 'Resources')!)!.dict;
  const fontsDict = /\/Font\s*<<([^>]*)>>/.exec(resources)?.[1] ?? '';
  const maps = new Map<string, Map<string, string>>();
  for (const f of fontsDict.matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
    const font = pdf.objects.get(Number(f[2]))!;
    const cmap = ref(font.dict, 'ToUnicode');
    maps.set(
      f[1],
      cmap === undefined ? new Map() : toUnicode(pdf.objects.get(cmap)!.stream!.toString('latin1')),
    );
  }
  const contents = pdf.objects.get(ref(page.dict, 'Contents')!)!.stream!.toString('latin1');
  const out: string[] = [];
  let map = new Map<string, string>();
  for (const op of contents.matchAll(
    /\/(\w+)\s+[\d.]+\s+Tf|\[((?:<[0-9a-fA-F]*>|\s|-?[\d.]+)*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g,
  )) {
    if (op[1] !== undefined) {
      map = maps.get(op[1]) ?? new Map();
      continue;
    }
    const hex =
      op[2] !== undefined ? [...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]).join('') : op[3];
    let s = '';
    for (const code of hex.match(/.{4}/g) ?? []) s += map.get(code.toLowerCase()) ?? '\uFFFD';
    out.push(s);
  }
  return out;
}
