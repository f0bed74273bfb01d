/**
 * Vector PDF of a figure's SVG, drawn with pdfkit: the elements vega's SVG renderer writes (groups
 * with translate/rotate, paths, lines, rects, clip rects, text with subscript tspans, embedded PNG
 * images) become PDF paths, text and images one to one, in the SVG's own units (1 px → 1 pt), with the
 * DejaVu Sans files the PNG uses embedded as fonts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FONT_FILES } from './render.js';
import { importVendor } from '../io/vendor.js';

type PdfDocumentClass = new (options: Record<string, unknown>) => PdfDocument;

interface Pdfkit {
  PDFDocument: PdfDocumentClass;
  /** fontkit's parser, the one pdfkit lays text out with. */
  createFont(data: Uint8Array): unknown;
}

let loading: Promise<Pdfkit> | undefined;

/**
 * pdfkit, loaded on first use: from the build's one-file bundle (dist/vendor/pdfkit.js,
 * scripts/bundle-vendor.mjs: ~0.25 s of CPU to load instead of ~0.36 s for the packages' modules),
 * else from the package and the fontkit it depends on (when running from the sources).
 */
function loadPdfkit(): Promise<Pdfkit> {
  loading ??= importVendor<Pdfkit>('pdfkit', () =>
    import('pdfkit').then((pdfkit) => {
      const fromPdfkit = createRequire(createRequire(import.meta.url).resolve('pdfkit'));
      const fontkit = fromPdfkit('fontkit') as { create(data: Uint8Array): unknown };
      return {
        PDFDocument: (pdfkit as unknown as { default: PdfDocumentClass }).default,
        createFont: (data: Uint8Array) => fontkit.create(data),
      };
    }),
  );
  return loading;
}

/**
 * The DejaVu Sans fonts, parsed once per process by the fontkit that pdfkit itself uses (pdfkit takes
 * a parsed font): parsed anew for every document, their layout tables cost ~0.1 s of CPU per figure.
 */
let fonts: unknown[] | undefined;
function parsedFonts({ createFont }: Pdfkit): unknown[] {
  fonts ??= FONT_FILES.map((path) => createFont(readFileSync(path)));
  return fonts;
}

interface Element {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
}
type Node = Element | string;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : (ENTITIES[e] ?? whole),
  );
}

/** The SVG as a tree (elements, attributes, text); comments and declarations skipped. */
function parseSvg(svg: string): Element {
  const root: Element = { name: '#root', attrs: {}, children: [] };
  const stack = [root];
  const token =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  for (let m = token.exec(svg); m; m = token.exec(svg)) {
    const top = stack[stack.length - 1];
    if (m[6] !== undefined) {
      if (m[6].trim() !== '' || top.name === 'text' || top.name === 'tspan') top.children.push(decode(m[6]));
    } else if (m[1] !== undefined) {
      top.children.push(m[1]);
    } else if (m[3] !== undefined) {
      if (m[2] === '/') {
        if (stack.length > 1) stack.pop();
        continue;
      }
      const attrs: Record<string, string> = {};
      for (const a of m[4].matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
        attrs[a[1]] = decode(a[2] ?? a[3]);
      const element: Element = { name: m[3], attrs, children: [] };
      top.children.push(element);
      if (m[5] !== '/') stack.push(element);
    }
  }
  return root.children.find((c): c is Element => typeof c !== 'string' && c.name === 'svg') ?? root;
}

/** pdfkit's document, as far as this file uses it (pdfkit ships no type declarations). */
interface PdfDocument {
  registerFont(name: string, font: unknown): PdfDocument;
  font(name: string): PdfDocument;
  fontSize(size: number): PdfDocument;
  widthOfString(text: string, options?: Record<string, unknown>): number;
  text(text: string, x: number, y: number, options: Record<string, unknown>): PdfDocument;
  save(): PdfDocument;
  restore(): PdfDocument;
  transform(a: number, b: number, c: number, d: number, e: number, f: number): PdfDocument;
  path(d: string): PdfDocument;
  rect(x: number, y: number, w: number, h: number): PdfDocument;
  moveTo(x: number, y: number): PdfDocument;
  lineTo(x: number, y: number): PdfDocument;
  clip(): PdfDocument;
  fill(colour: ColourValue): PdfDocument;
  stroke(colour: ColourValue): PdfDocument;
  fillColor(colour: ColourValue, opacity?: number): PdfDocument;
  strokeColor(colour: ColourValue, opacity?: number): PdfDocument;
  fillOpacity(opacity: number): PdfDocument;
  strokeOpacity(opacity: number): PdfDocument;
  lineWidth(width: number): PdfDocument;
  lineCap(cap: string): PdfDocument;
  lineJoin(join: string): PdfDocument;
  miterLimit(limit: number): PdfDocument;
  dash(lengths: number[], options?: Record<string, unknown>): PdfDocument;
  undash(): PdfDocument;
  image(data: Buffer, x: number, y: number, options: Record<string, unknown>): PdfDocument;
  linearGradient(x1: number, y1: number, x2: number, y2: number): PdfGradient;
  on(event: 'data', listener: (chunk: Buffer) => void): PdfDocument;
  on(event: 'end', listener: () => void): PdfDocument;
  end(): void;
}
interface PdfGradient {
  stop(offset: number, colour: ColourValue, opacity?: number): PdfGradient;
}
type ColourValue = string | [number, number, number] | PdfGradient;

/** Inherited presentation attributes (SVG's cascade, as far as vega uses it). */
interface Style {
  fill: string;
  stroke: string;
  strokeWidth: number;
  fontFamily: string;
  fontSize: number;
  fontWeight: string;
  textAnchor: string;
  opacity: number;
  dash: string;
  lineCap: string;
  lineJoin: string;
  miterLimit: number;
}

const INHERITED: Record<string, keyof Style> = {
  fill: 'fill',
  stroke: 'stroke',
  'stroke-width': 'strokeWidth',
  'font-family': 'fontFamily',
  'font-size': 'fontSize',
  'font-weight': 'fontWeight',
  'text-anchor': 'textAnchor',
  'stroke-dasharray': 'dash',
  'stroke-linecap': 'lineCap',
  'stroke-linejoin': 'lineJoin',
  'stroke-miterlimit': 'miterLimit',
};

function styled(style: Style, attrs: Record<string, string>): Style {
  const next = { ...style };
  for (const [attr, key] of Object.entries(INHERITED)) {
    const v = attrs[attr];
    if (v === undefined) continue;
    if (key === 'strokeWidth' || key === 'fontSize' || key === 'miterLimit')
      (next[key] as number) = parseFloat(v);
    else (next[key] as string) = v;
  }
  return next;
}

/** An SVG paint → pdfkit colour and its alpha, or undefined for none. */
function paint(text: string): { colour: ColourValue; alpha: number } | undefined {
  const t = text.trim();
  if (t === 'none' || t === 'transparent' || t === '') return undefined;
  const rgba = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(t);
  if (rgba)
    return {
      colour: [Number(rgba[1]), Number(rgba[2]), Number(rgba[3])],
      alpha: rgba[4] ? Number(rgba[4]) : 1,
    };
  return { colour: t, alpha: 1 };
}

/** Apply an SVG `transform` attribute (translate, rotate, scale, matrix). */
function applyTransform(doc: PdfDocument, text: string | undefined): void {
  if (!text) return;
  for (const m of text.matchAll(/(\w+)\s*\(([^)]*)\)/g)) {
    const a = m[2]
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    switch (m[1]) {
      case 'translate':
        doc.transform(1, 0, 0, 1, a[0], a[1] ?? 0);
        break;
      case 'rotate': {
        const r = (a[0] * Math.PI) / 180;
        const [cx, cy] = [a[1] ?? 0, a[2] ?? 0];
        doc.transform(1, 0, 0, 1, cx, cy);
        doc.transform(Math.cos(r), Math.sin(r), -Math.sin(r), Math.cos(r), 0, 0);
        doc.transform(1, 0, 0, 1, -cx, -cy);
        break;
      }
      case 'scale':
        doc.transform(a[0], 0, 0, a[1] ?? a[0], 0, 0);
        break;
      case 'matrix':
        doc.transform(a[0], a[1], a[2], a[3], a[4], a[5]);
        break;
    }
  }
}

const num = (v: string | undefined, fallback = 0): number => (v === undefined ? fallback : parseFloat(v));

/** The box of a path made of straight segments (vega's rects and legend ramps); undefined for curves. */
function pathBox(d: string): [number, number, number, number] | undefined {
  if (/[^MmLlHhVvZz\d\s,.eE+-]/.test(d)) return undefined;
  let [x, y] = [0, 0];
  const xs: number[] = [];
  const ys: number[] = [];
  for (const m of d.matchAll(/([MmLlHhVvZz])([^MmLlHhVvZz]*)/g)) {
    const a = m[2]
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    const c = m[1];
    for (let k = 0; k < Math.max(a.length, 1);) {
      if (c === 'M' || c === 'L') [x, y, k] = [a[k], a[k + 1], k + 2];
      else if (c === 'm' || c === 'l') [x, y, k] = [x + a[k], y + a[k + 1], k + 2];
      else if (c === 'H') [x, k] = [a[k], k + 1];
      else if (c === 'h') [x, k] = [x + a[k], k + 1];
      else if (c === 'V') [y, k] = [a[k], k + 1];
      else if (c === 'v') [y, k] = [y + a[k], k + 1];
      else k = 1;
      xs.push(x);
      ys.push(y);
    }
  }
  if (xs.length === 0) return undefined;
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

class PdfPainter {
  private readonly clips = new Map<string, Element>();
  private readonly gradients = new Map<string, Element>();

  /** Clip paths and gradients by id, wherever their <defs> stand (vega writes them last). */
  constructor(
    private readonly doc: PdfDocument,
    root: Element,
  ) {
    const visit = (e: Element): void => {
      if (e.name === 'clipPath') this.clips.set(e.attrs.id, e);
      else if (e.name === 'linearGradient') this.gradients.set(e.attrs.id, e);
      else for (const c of e.children) if (typeof c !== 'string') visit(c);
    };
    visit(root);
  }

  draw(node: Element, style: Style): void {
    if (node.attrs.display === 'none' || node.attrs.visibility === 'hidden') return;
    if (
      node.name === 'defs' ||
      node.name === 'clipPath' ||
      node.name === 'title' ||
      node.name === 'desc' ||
      node.name === 'style'
    )
      return;
    const s = styled(style, node.attrs);
    s.opacity = style.opacity * num(node.attrs.opacity, 1);
    if (s.opacity <= 0) return;
    const doc = this.doc;
    doc.save();
    applyTransform(doc, node.attrs.transform);
    const clip = /url\(#([^)]+)\)/.exec(node.attrs['clip-path'] ?? '');
    if (clip) this.clip(clip[1]);
    switch (node.name) {
      case 'svg':
      case 'g':
        for (const c of node.children) if (typeof c !== 'string') this.draw(c, s);
        break;
      case 'path':
        if (node.attrs.d) this.shape(() => doc.path(node.attrs.d), node.attrs, s, pathBox(node.attrs.d));
        break;
      case 'rect':
        this.shape(
          () => doc.rect(num(node.attrs.x), num(node.attrs.y), num(node.attrs.width), num(node.attrs.height)),
          node.attrs,
          s,
          [
            num(node.attrs.x),
            num(node.attrs.y),
            num(node.attrs.x) + num(node.attrs.width),
            num(node.attrs.y) + num(node.attrs.height),
          ],
        );
        break;
      case 'line':
        this.shape(
          () =>
            doc.moveTo(num(node.attrs.x1), num(node.attrs.y1)).lineTo(num(node.attrs.x2), num(node.attrs.y2)),
          node.attrs,
          { ...s, fill: 'none' },
        );
        break;
      case 'image':
        this.image(node);
        break;
      case 'text':
        this.text(node, s);
        break;
    }
    doc.restore();
  }

  private clip(id: string): void {
    const path = this.clips.get(id);
    if (!path) return;
    for (const c of path.children) {
      if (typeof c === 'string') continue;
      if (c.name === 'rect')
        this.doc.rect(num(c.attrs.x), num(c.attrs.y), num(c.attrs.width), num(c.attrs.height));
      else if (c.name === 'path' && c.attrs.d) this.doc.path(c.attrs.d);
    }
    this.doc.clip();
  }

  /**
   * A linear gradient fill (vega's colour-legend ramp): its stops, in the shape's bounding box
   * (SVG's default objectBoundingBox units).
   */
  private gradient(id: string, box: [number, number, number, number] | undefined): PdfGradient | undefined {
    const g = this.gradients.get(id);
    if (!g || !box) return undefined;
    const [x0, y0, x1, y1] = box;
    const at = (v: string | undefined, fallback: number, lo: number, hi: number) =>
      lo + num(v, fallback) * (hi - lo);
    const gradient = this.doc.linearGradient(
      at(g.attrs.x1, 0, x0, x1),
      at(g.attrs.y1, 0, y0, y1),
      at(g.attrs.x2, 1, x0, x1),
      at(g.attrs.y2, 0, y0, y1),
    );
    for (const stop of g.children) {
      if (typeof stop === 'string' || stop.name !== 'stop') continue;
      const colour = paint(stop.attrs['stop-color'] ?? 'black');
      if (colour) gradient.stop(num(stop.attrs.offset), colour.colour, colour.alpha);
    }
    return gradient;
  }

  /** Fill, then stroke, the shape that `trace` adds (traced once per use: pdfkit consumes the path). */
  private shape(
    trace: () => void,
    attrs: Record<string, string>,
    s: Style,
    box?: [number, number, number, number],
  ): void {
    const doc = this.doc;
    const url = /^url\(#([^)]+)\)$/.exec(s.fill.trim());
    const ramp = url ? this.gradient(url[1], box) : undefined;
    const fill = ramp ? { colour: ramp, alpha: 1 } : url ? undefined : paint(s.fill);
    if (fill) {
      trace();
      doc.fillOpacity(fill.alpha * num(attrs['fill-opacity'], 1) * s.opacity);
      doc.fill(fill.colour);
    }
    const stroke = paint(s.stroke);
    if (stroke && s.strokeWidth > 0) {
      trace();
      doc.lineWidth(s.strokeWidth);
      if (s.lineCap) doc.lineCap(s.lineCap);
      if (s.lineJoin) doc.lineJoin(s.lineJoin);
      if (s.miterLimit) doc.miterLimit(s.miterLimit);
      const dash = s.dash
        .split(/[\s,]+/)
        .filter(Boolean)
        .map(Number);
      // A zero length (vega's '1,0' for a solid line) is refused by pdfkit: such a dash draws solid.
      if (dash.length > 0 && dash.every((x) => x > 0)) doc.dash(dash.length % 2 ? [...dash, ...dash] : dash);
      else doc.undash();
      doc.strokeOpacity(stroke.alpha * num(attrs['stroke-opacity'], 1) * s.opacity);
      doc.stroke(stroke.colour);
    }
  }

  private image(node: Element): void {
    const href = node.attrs.href ?? node.attrs['xlink:href'] ?? '';
    const data = /^data:image\/(?:png|jpeg);base64,(.*)$/.exec(href);
    if (!data) return;
    this.doc.image(Buffer.from(data[1], 'base64'), num(node.attrs.x), num(node.attrs.y), {
      width: num(node.attrs.width),
      height: num(node.attrs.height),
    });
  }

  /** Text as runs (the text element's own, its tspans: lines with x/dy, subscripts with baseline-shift). */
  private text(node: Element, s: Style): void {
    const fill = paint(s.fill);
    if (!fill) return;
    const lines: { x?: number; dy: number; runs: { text: string; style: Style; shift: number }[] }[] = [
      { x: undefined, dy: 0, runs: [] },
    ];
    const collect = (n: Node, style: Style, shift: number): void => {
      if (typeof n === 'string') {
        lines[lines.length - 1].runs.push({ text: n, style, shift });
        return;
      }
      const st = styled(style, n.attrs);
      const fontSize = st.fontSize;
      // A tspan with x starts a new line (vega's multi-line text); baseline-shift lowers a subscript.
      if (n !== node && n.attrs.x !== undefined)
        lines.push({ x: num(n.attrs.x), dy: num(n.attrs.dy), runs: [] });
      const down = n.attrs['baseline-shift'] !== undefined ? -num(n.attrs['baseline-shift']) : 0;
      for (const c of n.children) collect(c, { ...st, fontSize }, shift + down);
    };
    collect(node, s, 0);
    const doc = this.doc;
    let y = num(node.attrs.y);
    for (const line of lines) {
      y += line.dy;
      const widths = line.runs.map((r) => {
        doc.font(fontName(r.style)).fontSize(r.style.fontSize);
        return doc.widthOfString(r.text, { features: [] });
      });
      const total = widths.reduce((a, b) => a + b, 0);
      let x = line.x ?? num(node.attrs.x);
      if (s.textAnchor === 'middle') x -= total / 2;
      else if (s.textAnchor === 'end') x -= total;
      line.runs.forEach((r, k) => {
        doc.font(fontName(r.style)).fontSize(r.style.fontSize);
        doc.fillColor(fill.colour, fill.alpha * s.opacity);
        doc.text(r.text, x, y + r.shift, { lineBreak: false, baseline: 'alphabetic', features: [] });
        x += widths[k];
      });
    }
  }
}

function fontName(s: Style): string {
  return s.fontWeight === 'bold' || Number(s.fontWeight) >= 600 ? 'sans-bold' : 'sans';
}

/**
 * PDF bytes of an SVG (as vega writes it): one page of the SVG's size in points, vector paths and
 * text in the embedded DejaVu Sans (pdfkit loaded on first use, like vega and resvg).
 */
export async function svgToPdf(svg: string): Promise<Uint8Array> {
  const pdfkit = await loadPdfkit();
  const { PDFDocument } = pdfkit;
  const root = parseSvg(svg);
  const width = num(root.attrs.width, 600);
  const height = num(root.attrs.height, 400);
  const doc = new PDFDocument({
    size: [width, height],
    margin: 0,
    compress: true,
    info: { Producer: 'ndtc', Creator: 'ndtc' },
  });
  const [regular, bold] = parsedFonts(pdfkit);
  doc.registerFont('sans', regular);
  doc.registerFont('sans-bold', bold);
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve) => doc.on('end', resolve));
  doc.on('data', (chunk) => chunks.push(chunk));
  const style: Style = {
    fill: 'black',
    stroke: 'none',
    strokeWidth: 1,
    fontFamily: 'DejaVu Sans',
    fontSize: 16,
    fontWeight: 'normal',
    textAnchor: 'start',
    opacity: 1,
    dash: '',
    lineCap: '',
    lineJoin: '',
    miterLimit: 0,
  };
  new PdfPainter(doc, root).draw({ ...root, attrs: { ...root.attrs, transform: '' } }, style);
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
