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
}

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
      const raw = readingOrder(content.items.flatMap((i) => ('str' in i ? [i as TextRun] : [])));
      pages.push({ page: n, text: normaliseExtractedText(raw), width: vp.width, height: vp.height });
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
  return lines
    .map((line) => {
      line.sort((p, q) => p.x - q.x);
      let out = '';
      let end = -Infinity;
      for (const r of line) {
        // a gap wider than a third of a character is a space the page shows
        if (out && r.x - end > r.size * 0.33 && !out.endsWith(' ') && !r.str.startsWith(' ')) out += ' ';
        out += r.str;
        end = r.x + r.w;
      }
      return out.trimEnd();
    })
    .join('\n');
}
