// PDF pages to pixels with pdf.js in plain Node. Everything pdf.js would fetch
// (cMaps, standard fonts, the JPEG 2000 decoder) comes from the installed
// package, so rendering works offline.
import { existsSync } from 'node:fs';
import { GlobalFonts } from '@napi-rs/canvas';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadPdfJs, PDFJS_ASSETS } from '../pdf/pdfjs.js';

// Scanned case files often carry text in fonts the PDF does not embed
// (STSong-Light); without a CJK font registered they render as empty boxes.
const CJK_FONT_FILES = [
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  'C:\\Windows\\Fonts\\simsun.ttc',
  'C:\\Windows\\Fonts\\msyh.ttc',
  '/System/Library/Fonts/PingFang.ttc',
];
let fontsRegistered = false;
function registerCjkFont(): void {
  if (fontsRegistered) return;
  fontsRegistered = true;
  const file = CJK_FONT_FILES.find((f) => existsSync(f));
  if (file === undefined) return;
  for (const alias of ['serif', 'sans-serif']) GlobalFonts.registerFromPath(file, alias);
  GlobalFonts.registerFromPath(file);
}

// A volume is rendered page after page from the same bytes: keep the parsed
// documents of the last few sources instead of parsing the file per page.
const OPEN_LIMIT = 2;
interface OpenPdf {
  bytes: Uint8Array;
  doc: Promise<PDFDocumentProxy>;
  users: number;
  evicted: boolean;
}
const open: OpenPdf[] = [];

function release(entry: OpenPdf): void {
  if (entry.users === 0 && entry.evicted)
    void entry.doc.then(
      (d) => d.destroy(),
      () => undefined,
    );
}

/**
 * The parsed document for these bytes, shared by concurrent renders. The entry is made
 * before anything is awaited, so pages rendered at once share one parse; an evicted
 * document is destroyed only when no render holds it.
 */
function acquire(bytes: Uint8Array): OpenPdf {
  let entry = open.find((o) => o.bytes === bytes);
  if (!entry) {
    const doc = loadPdfJs().then(({ getDocument }) => {
      registerCjkFont();
      return getDocument({
        // pdf.js transfers the buffer it is given to its worker: pass a copy.
        data: new Uint8Array(bytes),
        ...PDFJS_ASSETS,
        verbosity: 0,
      }).promise;
    });
    const created: OpenPdf = { bytes, doc, users: 0, evicted: false };
    entry = created;
    open.unshift(created);
    doc.catch(() => {
      const i = open.indexOf(created);
      if (i >= 0) open.splice(i, 1);
    });
    while (open.length > OPEN_LIMIT) {
      const old = open.pop()!;
      old.evicted = true;
      release(old);
    }
  }
  entry.users++;
  return entry;
}

async function withPdf<T>(bytes: Uint8Array, use: (doc: PDFDocumentProxy) => Promise<T>): Promise<T> {
  const entry = acquire(bytes);
  try {
    return await use(await entry.doc);
  } finally {
    entry.users--;
    release(entry);
  }
}

/** A page's size in PDF points, measured under the same shared parse as rendering. */
export async function pdfPageSize(bytes: Uint8Array, page: number): Promise<{ width: number; height: number }> {
  return withPdf(bytes, async (doc) => {
    if (!Number.isInteger(page) || page < 1 || page > doc.numPages) throw new RangeError(`page ${page} is outside 1..${doc.numPages}`);
    const p = await doc.getPage(page);
    const viewport = p.getViewport({ scale: 1 });
    return { width: viewport.width, height: viewport.height };
  });
}

/** Forget parsed documents, e.g. when a case finishes rendering. */
export async function closePdfs(): Promise<void> {
  for (const o of open.splice(0, open.length)) {
    o.evicted = true;
    release(o);
  }
}

export interface Raster {
  rgba: Uint8ClampedArray;
  width: number;
  height: number;
}

/** Page numbers are 1-based, like review.json's. */
export async function renderPdfPage(bytes: Uint8Array, page: number, scale: number): Promise<Raster> {
  return withPdf(bytes, (doc) => renderWith(doc, page, scale));
}

async function renderWith(doc: PDFDocumentProxy, page: number, scale: number): Promise<Raster> {
  if (!Number.isInteger(page) || page < 1 || page > doc.numPages) {
    throw new RangeError(`page ${page} is outside 1..${doc.numPages}`);
  }
  const pdfPage = await doc.getPage(page);
  try {
    const viewport = pdfPage.getViewport({ scale });
    const width = Math.max(1, Math.round(viewport.width));
    const height = Math.max(1, Math.round(viewport.height));
    // The backend has no DOM types: name the canvas types through pdf.js's own signature.
    type RenderParams = Parameters<typeof pdfPage.render>[0];
    const factory = doc.canvasFactory as {
      create(w: number, h: number): { canvas: unknown; context: NonNullable<RenderParams['canvasContext']> };
      destroy(entry: unknown): void;
    };
    const entry = factory.create(width, height);
    try {
      // A scan's transparent areas are paper.
      entry.context.fillStyle = '#ffffff';
      entry.context.fillRect(0, 0, width, height);
      await pdfPage.render({
        canvasContext: entry.context,
        canvas: entry.canvas as RenderParams['canvas'],
        viewport,
      }).promise;
      const { data } = entry.context.getImageData(0, 0, width, height);
      return { rgba: data, width, height };
    } finally {
      factory.destroy(entry);
    }
  } finally {
    pdfPage.cleanup();
  }
}

export async function countPdfPages(bytes: Uint8Array): Promise<number> {
  return withPdf(bytes, async (doc) => doc.numPages);
}
