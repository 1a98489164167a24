// A DOCX's text laid out as a reader sees it. mammoth's raw text puts every paragraph, and
// every table cell, on a line of its own with a blank line between: a form's header table
// ("讯问地点 | 合肥市看守所讯问室") falls apart into labels far from their values. From its
// HTML instead: a table row on one line, its cells apart by two spaces (the gap the
// field readers take as the end of a value), a cell's "label:" paragraph joined to the
// value paragraph under it, and one newline between paragraphs.
import type mammothModule from 'mammoth';

type Mammoth = typeof mammothModule;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

interface Block {
  kind: 'p' | 'row';
  text: string;
}

/** Paragraphs of a cell: "讯问地点:" then "合肥市看守所讯问室" read as one field. */
function joinCellParagraphs(ps: string[]): string {
  const out: string[] = [];
  for (const p of ps.map((x) => x.trim()).filter(Boolean)) {
    const last = out.length - 1;
    if (last >= 0 && /[：:]$/.test(out[last]!)) out[last] += p;
    else out.push(p);
  }
  return out.join(' ');
}

/** mammoth's HTML (p, h1–h6, li, table/tr/td, inline tags) to lines of text. */
export function docxHtmlToText(html: string): string {
  const blocks: Block[] = [];
  // Tables first, row by row; nested tables flatten into their cell.
  let rest = html;
  const tableRe = /<table\b[^>]*>([\s\S]*?)<\/table>/i;
  const para = (chunk: string): string[] => {
    const ps: string[] = [];
    const re = /<(p|h[1-6]|li)\b[^>]*>([\s\S]*?)<\/\1>/gi;
    let m: RegExpExecArray | null;
    let any = false;
    while ((m = re.exec(chunk))) {
      any = true;
      ps.push(inline(m[2] ?? ''));
    }
    if (!any) ps.push(inline(chunk));
    return ps;
  };
  const inline = (s: string): string => decode(s.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, '')).replace(/[ \t]+/g, ' ');
  while (rest.length) {
    const t = tableRe.exec(rest);
    const before = t ? rest.slice(0, t.index) : rest;
    for (const p of para(before)) if (p.trim()) blocks.push({ kind: 'p', text: p.trim() });
    if (!t) break;
    const rows = (t[1] ?? '').match(/<tr\b[^>]*>[\s\S]*?<\/tr>/gi) ?? [];
    for (const row of rows) {
      const cells = row.match(/<t[dh]\b[^>]*>[\s\S]*?<\/t[dh]>/gi) ?? [];
      const texts = cells
        .map((c) =>
          joinCellParagraphs(
            para(c.replace(/^<t[dh]\b[^>]*>|<\/t[dh]>$/gi, '').replace(/<\/?table\b[^>]*>|<\/?tr\b[^>]*>|<\/?t[dh]\b[^>]*>/gi, ' ')),
          ),
        )
        .filter(Boolean);
      // A label cell and its value cell: "讯问地点：" + "合肥市看守所" reads as one field.
      const line = texts.reduce((acc, c) => (acc === '' ? c : /[：:]$/.test(acc) ? acc + c : `${acc}  ${c}`), '');
      if (line.trim()) blocks.push({ kind: 'row', text: line.trim() });
    }
    rest = rest.slice(t.index + t[0].length);
  }
  return blocks.map((b) => b.text).join('\n');
}

export async function docxText(mammoth: Mammoth, bytes: Uint8Array): Promise<string> {
  // Pictures are not text: left unread, they are never inflated (mammoth's default inlines
  // each one as base64, a third larger than the picture, for nothing).
  const convertImage = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { convertImage });
  return docxHtmlToText(value);
}
