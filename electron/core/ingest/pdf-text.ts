import type { OcrWord } from '../../../shared/api.js';
import { normaliseExtractedText } from './normalise-text.js';
import { loadPdfJs, PDFJS_ASSETS } from '../pdf/pdfjs.js';

export class UnreadablePdfError extends Error {
  constructor(
    message: string,
    readonly code: 'encrypted' | 'corrupt' | 'empty',
  ) {
    super(message);
    this.name = 'UnreadablePdfError';
  }
}

export interface PdfTextPage {
  page: number;
  text: string;
  width: number;
  height: number;
  /**
   * Each character of the layer with its box on the page (in the page's points, top-left
   * origin, as the viewer draws it), in the text's order: what lets a text PDF's marks be
   * drawn on its image as a scan's are.
   */
  words: OcrWord[];
}

/** Maps a rectangle in PDF user space to the page as shown (pdf.js's viewport at scale 1). */
type ToPage = (rect: [number, number, number, number]) => number[];

/** Reads every page's text layer; pages whose layer is empty come back with text ''. */
export async function readPdfText(bytes: Uint8Array): Promise<PdfTextPage[]> {
  const { getDocument } = await loadPdfJs();
  // pdf.js takes ownership of (detaches) the buffer it is given
  const task = getDocument({ ...PDFJS_ASSETS, data: new Uint8Array(bytes), verbosity: 0 });
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    // pdf.js does not export PasswordException; its name is stable across versions
    const name = (err as Error)?.name;
    if (name === 'PasswordException') throw new UnreadablePdfError('PDF 已加密，需要密码才能打开（encrypted PDF）', 'encrypted');
    if (name === 'InvalidPDFException') throw new UnreadablePdfError('PDF 文件已损坏，无法解析（corrupt PDF）', 'corrupt');
    throw new UnreadablePdfError(`PDF 无法读取：${(err as Error).message}`, 'corrupt');
  }
  try {
    if (doc.numPages < 1) throw new UnreadablePdfError('PDF 没有页面（no pages）', 'empty');
    const pages: PdfTextPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const vp = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const toPage: ToPage = (r) => vp.convertToViewportRectangle(r);
      const { text: raw, words } = readLayer(
        content.items.flatMap((i) => ('str' in i ? [i as TextRun] : [])),
        toPage,
      );
      pages.push({ page: n, text: normaliseExtractedText(raw), width: vp.width, height: vp.height, words });
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

interface TextRun {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

/**
 * The page's text in the order a person reads it: lines from the top, runs left to right.
 * Content-stream order is not reading order: a form's filled-in blanks and handwritten
 * names are often separate runs drawn last, and would land at the page's end.
 */
export function readingOrder(items: TextRun[]): string {
  return readLayer(items, null).text;
}

/** How wide a character prints, in ems: Latin letters and digits are about half. */
function advance(c: string): number {
  return (c.codePointAt(0) ?? 0) < 0x2e80 ? 0.5 : 1;
}

/** A character as the normalised text spells it (full-width digits as digits, radicals as characters). */
function spelled(c: string): string {
  // Most characters are plain ASCII or common Han: nothing to normalise, and a volume has millions.
  const code = c.charCodeAt(0);
  if (c.length === 1 && (code < 0x80 || (code >= 0x4e00 && code <= 0x9fff))) return c;
  const n = normaliseExtractedText(c);
  return n.length > 0 ? n : c;
}

function readLayer(items: TextRun[], toPage: ToPage | null): { text: string; words: OcrWord[] } {
  const words: OcrWord[] = [];
  const runs = items
    .filter((i) => i.str.length > 0)
    .map((i) => {
      const [a = 1, b = 0, c = 0, d = 1, x = 0, y = 0] = i.transform;
      const size = Math.hypot(c, d) || Math.hypot(a, b) || i.height || 10;
      return { str: i.str, x, y, w: i.width, size };
    });
  // Sort by baseline (PDF y grows upwards), then group runs whose baselines are within
  // half a character of each other: a handwriting font sits a little off the printed line.
  runs.sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: (typeof runs)[] = [];
  for (const r of runs) {
    const line = lines[lines.length - 1];
    const ref = line?.[0];
    if (line && ref && Math.abs(ref.y - r.y) <= Math.max(ref.size, r.size) * 0.5) line.push(r);
    else lines.push([r]);
  }
  const text = lines
    .map((line) => {
      line.sort((p, q) => p.x - q.x);
      let out = '';
      let end = -Infinity;
      for (const r of line) {
        // a gap wider than a third of a character is a space the page shows
        if (out && r.x - end > r.size * 0.33 && !out.endsWith(' ') && !r.str.startsWith(' ')) out += ' ';
        out += r.str;
        end = r.x + r.w;
        if (toPage) charBoxes(r, toPage, words);
      }
      return out.trimEnd();
    })
    .join('\n');
  return { text, words };
}

/** A run's characters boxed along its baseline, each as wide as its share of the run's advance. */
function charBoxes(r: { str: string; x: number; y: number; w: number; size: number }, toPage: ToPage, out: OcrWord[]): void {
  const chars = Array.from(r.str);
  const total = chars.reduce((a, c) => a + advance(c), 0);
  if (total === 0 || r.w <= 0) return;
  let at = r.x;
  for (const c of chars) {
    const w = (r.w * advance(c)) / total;
    if (c.trim()) {
      // A CJK glyph's em box: about 0.88 of the size above the baseline, 0.12 below.
      const [a = 0, b = 0, cx = 0, d = 0] = toPage([at, r.y - r.size * 0.12, at + w, r.y + r.size * 0.88]);
      const bbox: [number, number, number, number] = [
        Math.round(Math.min(a, cx) * 10) / 10,
        Math.round(Math.min(b, d) * 10) / 10,
        Math.round(Math.max(a, cx) * 10) / 10,
        Math.round(Math.max(b, d) * 10) / 10,
      ];
      out.push({ text: spelled(c), bbox, confidence: 1 });
    }
    at += w;
  }
}
