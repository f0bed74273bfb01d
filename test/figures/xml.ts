/** A small well-formedness check for SVG text in tests: balanced tags, and the text of every <text> element. */

export function checkWellFormed(xml: string): void {
  const stack: string[] = [];
  const tag =
    /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>/g;
  let last = 0;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const between = xml.slice(last, m.index);
    if (between.includes('<'))
      throw new Error(`malformed markup near offset ${last}: ${between.slice(0, 60)}`);
    last = tag.lastIndex;
    if (m[2] === undefined) continue;
    if (m[1] === '/') {
      const open = stack.pop();
      if (open !== m[2]) throw new Error(`</${m[2]}> closes <${open}>`);
    } else if (m[4] !== '/') stack.push(m[2]);
  }
  if (xml.slice(last).includes('<')) throw new Error('malformed markup at the end');
  if (stack.length > 0) throw new Error(`unclosed <${stack.join('>, <')}>`);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function svgTexts(svg: string): string[] {
  const out: string[] = [];
  for (const m of svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)) {
    const inner = m[1].replace(/<[^>]+>/g, '');
    out.push(
      inner.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (_, e: string) =>
        e[0] === '#'
          ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
          : (ENTITIES[e] ?? `&${e};`),
      ),
    );
  }
  return out;
}
