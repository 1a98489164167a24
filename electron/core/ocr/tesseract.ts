// tesseract.js as a recognizer: a pool of WASM workers (one per core) that
// reads whole pages (PSM 4, one column of lines) and, as a line recognizer,
// single lines cropped and doubled in size (PSM 7).
import Tesseract from 'tesseract.js';
import { normaliseChineseText } from './normalise.js';
import { cropToPgm, toPgm } from './preprocess.js';
import { ensureTessdata } from './tessdata.js';
import type { OcrLanguage } from './tessdata.js';
import type { BBox, GreyPage, LineRecognizer, OcrWord, WordedLine } from './types.js';

export type TesseractParams = Record<string, string>;

export class TesseractReader implements LineRecognizer {
  readonly id = 'tesseract';
  private closed = false;

  private constructor(private readonly scheduler: Tesseract.Scheduler) {}

  static async create(opts: {
    languages: readonly OcrLanguage[];
    langPath: string;
    workers: number;
    workerPath?: string | undefined;
  }): Promise<TesseractReader> {
    const langPath = ensureTessdata(opts.langPath, opts.languages);
    const scheduler = Tesseract.createScheduler();
    try {
      const workers = await Promise.all(
        Array.from({ length: opts.workers }, () =>
          Tesseract.createWorker([...opts.languages], Tesseract.OEM.LSTM_ONLY, {
            langPath,
            // A local folder path: tesseract.js reads it from disk and never fetches.
            cacheMethod: 'none',
            gzip: true,
            ...(opts.workerPath !== undefined ? { workerPath: opts.workerPath } : {}),
          }),
        ),
      );
      // A worker's first page costs seconds more than later ones (6.3 s
      // against 1.5 s, cold); reading a page-sized image of strokes at start
      // moves part of that into create() (first page then 4.0 s against
      // 2.1–3.0 s, measured under load).
      const strokes = warmUpImage();
      await Promise.all(workers.map((w) => w.recognize(strokes)));
      for (const worker of workers) scheduler.addWorker(worker);
    } catch (err) {
      await scheduler.terminate();
      throw err;
    }
    return new TesseractReader(scheduler);
  }

  get workerCount(): number {
    return this.scheduler.getNumWorkers();
  }

  /**
   * One tesseract reading as lines of words, by block. Asked for as TSV: tesseract
   * writes it in C++ with unrounded confidences, where the JSON tree of blocks
   * (every symbol and its choices) cost 2–4 % more CPU per page.
   */
  async read(image: Buffer, params: TesseractParams, signal: AbortSignal | undefined): Promise<WordedLine[][]> {
    if (this.closed) throw new Error('OCR engine is closed');
    signal?.throwIfAborted();
    const job = this.scheduler
      .addJob('recognize', image, params as Partial<Tesseract.RecognizeOptions>, { tsv: true, text: false })
      .then((r) => linesOfTsv(r.data.tsv ?? ''));
    if (!signal) return await job;
    // A running tesseract job cannot be stopped; the caller is released at once
    // and the worker finishes the page in the background.
    return await new Promise<WordedLine[][]>((resolve, reject) => {
      const onAbort = (): void => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      job.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  async readLines(page: GreyPage, boxes: readonly BBox[], signal?: AbortSignal): Promise<(WordedLine | null)[]> {
    return await Promise.all(boxes.map((b) => this.readLine(page, b, signal)));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.scheduler.terminate();
  }

  /** The line alone, at twice the size, as one line of text. */
  private async readLine(page: GreyPage, bbox: BBox, signal: AbortSignal | undefined): Promise<WordedLine | null> {
    const [x0, y0, x1, y1] = bbox;
    const pad = Math.round((y1 - y0) * 0.35);
    const left = Math.max(0, x0 - pad);
    const top = Math.max(0, y0 - pad);
    const width = Math.min(page.width, x1 + pad) - left;
    const height = Math.min(page.height, y1 + pad) - top;
    if (width < 4 || height < 4) return null;
    const crop = await cropToPgm(page, { left, top, width, height }, { scale: 2 });
    const reading = await this.read(crop, { tessedit_pageseg_mode: '7', user_defined_dpi: String(pageDpi(page) * 2) }, signal);
    const words = reading.flat().flatMap((l) => l.words);
    if (words.length === 0) return null;
    // Back from the doubled crop to page pixels.
    const mapped: OcrWord[] = words.map((w) => ({
      text: w.text,
      confidence: w.confidence,
      bbox: [
        left + Math.round(w.bbox[0] / 2),
        top + Math.round(w.bbox[1] / 2),
        left + Math.round(w.bbox[2] / 2),
        top + Math.round(w.bbox[3] / 2),
      ],
    }));
    return lineFromWords(mapped) ?? null;
  }
}

/**
 * Scans seldom carry a trustworthy resolution; case files are A4 (8.27 in
 * wide), so the short side gives it. Tesseract sizes its noise filters by it.
 */
export function pageDpi(page: { width: number; height: number }): number {
  const dpi = Math.round(Math.min(page.width, page.height) / 8.27);
  return Math.min(600, Math.max(70, dpi));
}

/**
 * A page-sized image with a few rows of strokes: the worker grows its memory
 * to page size and runs the LSTM once, before the first real page.
 */
function warmUpImage(): Buffer {
  const width = 1654;
  const height = 2339;
  const pixels = Buffer.alloc(width * height, 255);
  for (let row = 0; row < 12; row++) {
    const top = 200 + row * 160;
    for (let x = 200; x < width - 200; x++) {
      if (x % 44 >= 36) continue;
      for (let y = top; y < top + 36; y++) {
        const stroke = y === top || y === top + 18 || y === top + 35 || x % 44 === 0 || x % 44 === 17 || x % 44 === 35;
        if (stroke) pixels[y * width + x] = 0;
      }
    }
  }
  return toPgm(pixels, width, height);
}

/**
 * Tesseract's TSV: one row per page, block, paragraph, line (level 4) and word
 * (level 5), each with its box; words carry confidence 0..100 and text.
 */
export function linesOfTsv(tsv: string): WordedLine[][] {
  const blocks = new Map<string, Map<string, OcrWord[]>>();
  for (const row of tsv.split('\n')) {
    const cols = row.split('\t');
    if (cols.length < 12 || (cols[0] !== '4' && cols[0] !== '5')) continue;
    const [, , block = '', para = '', line = ''] = cols;
    let lines = blocks.get(block);
    if (!lines) blocks.set(block, (lines = new Map()));
    const key = `${para}.${line}`;
    let words = lines.get(key);
    if (!words) lines.set(key, (words = []));
    if (cols[0] === '4') continue;
    const [x, y, w, h] = cols.slice(6, 10).map(Number) as [number, number, number, number];
    words.push({ text: cols.slice(11).join('\t'), confidence: Number(cols[10]) / 100, bbox: [x, y, x + w, y + h] });
  }
  return [...blocks.values()].map((lines) => [...lines.values()].flatMap((words) => lineFromWords(words) ?? []));
}

export function lineFromWords(words: OcrWord[], source: WordedLine['source'] = 'tesseract'): WordedLine | undefined {
  const kept = words.map((w) => ({ ...w, text: normaliseChineseText(w.text) })).filter((w) => w.text.length > 0);
  if (kept.length === 0) return undefined;
  let chars = 0;
  let weighted = 0;
  for (const w of kept) {
    const n = Array.from(w.text).length;
    chars += n;
    weighted += n * w.confidence;
  }
  const bbox: BBox = [
    Math.min(...kept.map((w) => w.bbox[0])),
    Math.min(...kept.map((w) => w.bbox[1])),
    Math.max(...kept.map((w) => w.bbox[2])),
    Math.max(...kept.map((w) => w.bbox[3])),
  ];
  return { text: normaliseChineseText(kept.map((w) => w.text).join(' ')), confidence: weighted / chars, bbox, words: kept, source };
}
