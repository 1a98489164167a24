import fsp from 'node:fs/promises';
import path from 'node:path';
import { pageImage } from '../render/index.js';
import type { FileRow } from '../store/case-store.js';
import type { PageReader, ReviewStage, StageContext } from './stage.js';

// 300 dpi is where chi_sim reads small print best. A scanned page that is one
// picture keeps its own pixels (up to this), taken out by sharp, not pdf.js.
const OCR_DPI = 300;

type PagedKind = 'pdf' | 'image' | 'tiff';
const hasPageImages = (f: FileRow): f is FileRow & { kind: PagedKind; sha256: string } =>
  f.status === 'ok' && f.sha256 !== null && (f.kind === 'pdf' || f.kind === 'image' || f.kind === 'tiff');

/** What reading a page needs of the review (the lead page is read before the stage starts). */
type ReadContext = Pick<StageContext, 'store' | 'kase' | 'signal' | 'pageRead'>;

/**
 * Reads one page and stores it at once, so the desk can show it while the review goes on; false
 * when it could not be read (the failure is the case's error only where the stage reads it).
 */
async function readPage(
  ctx: ReadContext,
  reader: PageReader,
  file: FileRow & { kind: PagedKind; sha256: string },
  bytes: Uint8Array,
  pageNo: number,
  recordFailure = true,
): Promise<boolean> {
  try {
    const page = await pageImage({ kind: file.kind, bytes }, pageNo, { dpi: OCR_DPI });
    const r = await reader.read(page.image, ctx.signal);
    ctx.store.recordPage({
      sha256: file.sha256,
      page_no: pageNo,
      source: 'ocr',
      text: r.text,
      confidence: r.confidence,
      width: r.width,
      height: r.height,
      rotation: r.rotation,
      words: r.words,
      engine: reader.engineId,
    });
    ctx.pageRead(file.sha256, pageNo);
    return true;
  } catch (err) {
    if (ctx.signal.aborted) throw err;
    if (recordFailure) ctx.store.recordError(ctx.kase.id, file.path, 'ocr', `第 ${pageNo} 页识别失败：${(err as Error).message}`);
    return false;
  }
}

/**
 * The first page of the case's first file, read the moment ingest has that file and before the
 * rest of the folder is ingested: the reviewer who dropped the case reads it while the remaining
 * pages wait their turn. Starts the OCR engine only if that page has no text.
 * Resolves whether it read the page; either way the stage reads whatever is still unread.
 */
export async function readLeadPage(ctx: ReadContext & Pick<StageContext, 'ocrEngineId' | 'pageReader'>, file: FileRow): Promise<boolean> {
  if (!hasPageImages(file)) return false;
  const blob = ctx.store.getBlob(file.sha256);
  if (!blob || !ctx.store.pagesToRead(blob.sha256, Math.min(1, blob.page_count), ctx.ocrEngineId).includes(1)) return false;
  try {
    const reader = await ctx.pageReader();
    const bytes = await fsp.readFile(path.join(ctx.kase.folder, file.path));
    return await readPage(ctx, reader, file, bytes, 1, false);
  } catch {
    /* not read now: the stage reads it in its turn, and says why if it cannot */
    return false;
  }
}

/**
 * Reads every page that has no usable text yet, in reading order (file by file, page by
 * page). Each page is stored the moment it is read, keyed by the file's hash, so a killed
 * review resumes at the next unread page and a page read for one case is never read again
 * for another.
 */
export const ocrStage: ReviewStage = {
  name: 'ocr',
  async run(ctx: StageContext) {
    const { store, kase } = ctx;
    const files = store.listFiles(kase.id).filter(hasPageImages);
    const work: { file: (typeof files)[number]; pages: number[] }[] = [];
    const engineId = ctx.ocrEngineId;
    for (const f of files) {
      const blob = store.getBlob(f.sha256);
      if (!blob) continue;
      const pages = store.pagesToRead(blob.sha256, blob.page_count, engineId);
      if (pages.length) work.push({ file: f, pages });
    }
    // the page read ahead is this run's work, counted with the rest
    const ahead = ctx.pagesReadAhead ?? 0;
    const total = work.reduce((n, w) => n + w.pages.length, ahead);
    // pages OCR read in an earlier run (text-layer pages were never OCR's work)
    const alreadyRead =
      files.reduce((n, f) => n + store.listPages(f.sha256).filter((p) => p.source === 'ocr' && p.engine === engineId).length, 0) - ahead;
    let pagesRead = ahead;
    let done = ahead;
    store.clearErrors(kase.id, 'ocr');
    if (total === done) {
      ctx.progress(total, total, 'ocr.done');
      return { pagesRead, alreadyRead };
    }
    ctx.progress(done, total, 'ocr.reading');
    const reader = await ctx.pageReader();
    for (const w of work) {
      ctx.signal.throwIfAborted();
      let bytes: Uint8Array;
      try {
        bytes = await fsp.readFile(path.join(kase.folder, w.file.path));
      } catch (err) {
        store.recordError(kase.id, w.file.path, 'ocr', `无法读取原文件：${(err as Error).message}`);
        done += w.pages.length;
        continue;
      }
      // Render the next page while the engine reads this one: rendering and OCR overlap.
      const inFlight = new Set<Promise<void>>();
      // one page more than the workers, so a rendered page is always waiting
      const limit = (reader.concurrency ?? 1) + 1;
      for (const pageNo of w.pages) {
        ctx.signal.throwIfAborted();
        const task = (async () => {
          try {
            if (await readPage(ctx, reader, w.file, bytes, pageNo)) pagesRead++;
          } finally {
            done++;
            ctx.progress(done, total, 'ocr.reading', w.file.path);
          }
        })();
        inFlight.add(task);
        void task.finally(() => inFlight.delete(task));
        if (inFlight.size >= limit) await Promise.race(inFlight);
      }
      await Promise.all(inFlight);
    }
    ctx.progress(total, total, 'ocr.done');
    return { pagesRead, alreadyRead };
  },
};
