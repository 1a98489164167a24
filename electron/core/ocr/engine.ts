// Offline OCR of scanned Chinese case pages with tesseract.js (LSTM models from
// resources/tessdata). One worker per core; a page is read once, turned first
// when its ink shows it on its side or upside down, its orientation probed only
// when the reading is poor; short low-confidence lines (names in headers and
// signatures) are read again alone.
import { availableParallelism } from 'node:os';
import sharp from 'sharp';
import Tesseract from 'tesseract.js';
import { normaliseChineseText } from './normalise.js';
import { cropToPgm, prepareForOcr, toPgm } from './preprocess.js';
import { lineLayout } from './orientation.js';
import { overlapShare, uncoveredInkBands } from './stamps.js';
import type { PreparedPage, Rotation } from './preprocess.js';
import { defaultTessdataDir, ensureTessdata } from './tessdata.js';
import type { OcrLanguage } from './tessdata.js';

/** Names the engine, model and pipeline; bump it when output changes so cached pages are read again. */
// v2: scanned PDF pages are read at the scan's own resolution (its picture, not a 300 dpi rendering).
// v4: light ink no line covers (a signed confirmation) is read too: pages read before may lack it.
export const OCR_ENGINE_ID = 'tesseract.js@7/chi_sim-4.0.0-lstm/psm4/v4';

export type BBox = [x0: number, y0: number, x1: number, y1: number];
export interface OcrWord { text: string; bbox: BBox; confidence: number }
export interface OcrLine { text: string; bbox: BBox; confidence: number }
export interface OcrPage {
  text: string;
  /** Mean character confidence, 0..1. */
  confidence: number;
  /** Degrees clockwise the scan was turned to read it; boxes are in the turned image. */
  rotation: Rotation;
  width: number;
  height: number;
  words: OcrWord[];
  lines: OcrLine[];
}

export interface OcrEngineOptions {
  /** Worker count; default one per core. */
  workers?: number;
  /** Folder holding <lang>.traineddata.gz; default resources/tessdata. */
  langPath?: string;
  /** tesseract.js's worker script, when a packaged app keeps it outside the archive. */
  workerPath?: string;
  /**
   * Models loaded together; default chi_sim_std. chi_sim alone reads Chinese
   * case pages with half the errors of chi_sim+eng and faster (STACK.md), and
   * reads digits and Latin letters too; the others are kept for measuring.
   */
  languages?: readonly OcrLanguage[];
  /**
   * Page segmentation (tesseract PSM); default 4, one column of lines. Automatic
   * layout (3) split "侦查员：" from the names after it and dropped whole
   * blocks of short lines.
   */
  pageSegmentation?: '3' | '4' | '6';
  /** Check 90/180/270 when an upright reading is poor; default on. */
  detectOrientation?: boolean;
  /** Re-read short low-confidence lines alone at twice the size; default on. */
  rereadShortLines?: boolean;
  /** Turn red ink white before reading; default on. */
  dropRedInk?: boolean;
  /** Read again, darker, the ink no line covers (sign-offs under a grey seal); default on. */
  readUnderStamps?: boolean;
}

export interface RecognizeOptions { signal?: AbortSignal }

// An upright page of print reads above this mean confidence; an upside-down
// or sideways one reads far below (measured: see test/bench/ocr.ts).
const UPRIGHT_CONFIDENCE = 0.72;
// A page read turned over on the ink's word alone must read better than that.
const TURNED_CONFIDENCE = 0.8;
// Lines of up to this many characters are names, dates and header fields.
const SHORT_LINE_CHARS = 16;
const REREAD_BELOW_CONFIDENCE = 0.9;
const ORIENTATION_PROBE_WIDTH = 640;
const MIN_ORIENTATION_HAN = 12;
// Lines found under stamps below this confidence are seal text or nonsense.
const UNCOVERED_MIN_CONFIDENCE = 0.6;
// Lines below this confidence may be a seal's ring read as text.
const COVER_CONFIDENCE = 0.75;

// tessdata's 4.0.0 chi_sim LSTM (LSTM part only) read names and degraded pages
// better than tessdata_best's best_int at the same speed (test/bench/ocr.ts).
const DEFAULT_LANGUAGES: readonly OcrLanguage[] = ['chi_sim_std'];

type TesseractParams = Record<string, string>;

export class OcrEngine {
  private closed = false;

  private constructor(
    private readonly scheduler: Tesseract.Scheduler,
    private readonly options: Required<Omit<OcrEngineOptions, 'workers' | 'langPath' | 'workerPath'>>,
  ) {}

  static async create(opts: OcrEngineOptions = {}): Promise<OcrEngine> {
    const languages = opts.languages ?? DEFAULT_LANGUAGES;
    const langPath = ensureTessdata(opts.langPath ?? defaultTessdataDir(), languages);
    const count = Math.max(1, opts.workers ?? availableParallelism());
    const scheduler = Tesseract.createScheduler();
    try {
      const workers = await Promise.all(Array.from({ length: count }, () =>
        Tesseract.createWorker([...languages], Tesseract.OEM.LSTM_ONLY, {
          langPath,
          // A local folder path: tesseract.js reads it from disk and never fetches.
          cacheMethod: 'none',
          gzip: true,
          ...(opts.workerPath !== undefined ? { workerPath: opts.workerPath } : {}),
        })));
      // A worker's first page costs seconds more than later ones (6.3 s
      // against 1.5 s, cold); reading a page-sized image of strokes at start
      // moves part of that into create() (first page then 4.0 s against
      // 2.1–3.0 s, measured under load).
      const strokes = await warmUpImage();
      await Promise.all(workers.map((w) => w.recognize(strokes)));
      for (const worker of workers) scheduler.addWorker(worker);
    } catch (err) {
      await scheduler.terminate();
      throw err;
    }
    return new OcrEngine(scheduler, {
      languages,
      pageSegmentation: opts.pageSegmentation ?? '4',
      detectOrientation: opts.detectOrientation ?? true,
      rereadShortLines: opts.rereadShortLines ?? true,
      dropRedInk: opts.dropRedInk ?? true,
      readUnderStamps: opts.readUnderStamps ?? true,
    });
  }

  get workerCount(): number {
    return this.scheduler.getNumWorkers();
  }

  /** Read one page image (PNG, JPEG, TIFF… anything sharp decodes). */
  async recognize(image: Buffer, opts: RecognizeOptions = {}): Promise<OcrPage> {
    const { signal } = opts;
    this.check(signal);
    const upright = await prepareForOcr(image, { dropRedInk: this.options.dropRedInk });
    const read = this.options.detectOrientation
      ? await this.readTurned(image, upright, signal)
      : { page: upright, lines: await this.readPage(upright, signal) };
    const { page } = read;
    let { lines } = read;
    if (this.options.rereadShortLines) lines = await this.rereadShortLines(page, lines, signal);
    if (this.options.readUnderStamps) {
      // A weak line over a seal (its ring text read as nonsense) hides the
      // sign-off beneath it; it neither counts as cover nor survives a better reading.
      const confident = lines.flat().filter((l) => l.confidence >= COVER_CONFIDENCE);
      const found = await this.readUncoveredInk(page, confident, lines.flat(), signal);
      if (found.length > 0) {
        const kept = lines.flat().filter((l) => l.confidence >= COVER_CONFIDENCE || !found.some((f) => overlapShare(l.bbox, f.bbox) > 0.2));
        lines = [inReadingOrder([...kept, ...found])];
      }
    }
    return assemble(page, lines);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.scheduler.terminate();
  }

  /**
   * Reads the page the way its lines run. The ink's layout says whether lines
   * run across or down and, across, which edge is aligned, so a page on its side
   * is turned before the one full reading; what the ink cannot settle (90 or 270,
   * a poor reading) the probes decide.
   */
  private async readTurned(image: Buffer, upright: PreparedPage, signal: AbortSignal | undefined): Promise<{ page: PreparedPage; lines: WordedLine[][] }> {
    const layout = await lineLayout(upright);
    const turn = async (rotation: Rotation): Promise<{ page: PreparedPage; lines: WordedLine[][] }> => {
      const page = await prepareForOcr(image, { rotation, dropRedInk: this.options.dropRedInk });
      return { page, lines: await this.readPage(page, signal) };
    };
    if (layout.guess === 'sideways') {
      // The page as scanned is probed too: it is the baseline a turn must clearly beat.
      const rotation = await this.findOrientation(upright, [0, ...layout.candidates], signal);
      if (rotation !== 0) return await turn(rotation);
    } else if (layout.guess === 'upside-down') {
      const turned = await turn(180);
      if (pageScore(turned.lines) >= TURNED_CONFIDENCE) return turned;
    }
    const lines = await this.readPage(upright, signal);
    // Case papers are portrait forms: a landscape scan whose lines the ink could not
    // place is almost always a page on its side, and its sideways reading can look
    // confident enough to pass the score gate.
    const landscape = upright.width > upright.height * 1.15 && layout.guess !== 'upright';
    if (landscape || pageScore(lines) < UPRIGHT_CONFIDENCE) {
      const rotation = await this.findOrientation(upright, layout.guess === 'sideways' ? [0, 90, 180, 270] : [0, ...layout.candidates.filter((r) => r !== 0)], signal);
      if (rotation !== 0) return await turn(rotation);
    }
    return { page: upright, lines };
  }

  private async readPage(page: PreparedPage, signal: AbortSignal | undefined): Promise<WordedLine[][]> {
    return await this.read(page.image, this.pageParams(page), signal);
  }

  private pageParams(page: PreparedPage): TesseractParams {
    return { tessedit_pageseg_mode: this.options.pageSegmentation, user_defined_dpi: String(pageDpi(page)) };
  }

  private check(signal: AbortSignal | undefined): void {
    if (this.closed) throw new Error('OCR engine is closed');
    signal?.throwIfAborted();
  }

  /**
   * One tesseract reading as lines of words, by block. Asked for as TSV: tesseract
   * writes it in C++ with unrounded confidences, where the JSON tree of blocks
   * (every symbol and its choices) cost 2–4 % more CPU per page.
   */
  private async read(image: Buffer, params: TesseractParams, signal: AbortSignal | undefined): Promise<WordedLine[][]> {
    this.check(signal);
    const job = this.scheduler.addJob('recognize', image, params as Partial<Tesseract.RecognizeOptions>, { tsv: true, text: false })
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

  /**
   * OSD needs the legacy engine, which LSTM-only models lack. Text on its side
   * or upside down reads as little or as low-confidence nonsense: read the
   * middle of the page, shrunk, in each orientation and keep the best.
   */
  private async findOrientation(page: PreparedPage, rotations: readonly Rotation[], signal: AbortSignal | undefined): Promise<Rotation> {
    const middle = await this.orientationScores(page, middleRegion(page.width, page.height), rotations, signal);
    // A short form (a title, two lines, a seal) may have little in the middle of the page
    // to judge by: when no turn of the middle reads well, the whole page is the probe.
    const scores = Math.max(...middle.map((s) => s.score)) < UPRIGHT_CONFIDENCE
      ? await this.orientationScores(page, { left: 0, top: 0, width: page.width, height: page.height }, rotations, signal, ORIENTATION_PROBE_WIDTH * 2)
      : middle;
    return pickRotation(scores);
  }

  private async orientationScores(page: PreparedPage, region: { left: number; top: number; width: number; height: number }, rotations: readonly Rotation[], signal: AbortSignal | undefined, probeWidth = ORIENTATION_PROBE_WIDTH): Promise<{ rotation: Rotation; score: number }[]> {
    const probe = await sharp(page.grey, { raw: { width: page.width, height: page.height, channels: 1 } })
      .extract(region)
      .resize({ width: probeWidth, withoutEnlargement: true })
      .toColourspace('b-w')
      .raw()
      .toBuffer({ resolveWithObject: true });
    const side = region.width;
    const dpi = Math.round(pageDpi(page) * Math.min(1, probeWidth / side));
    const scores = await Promise.all(rotations.map(async (rotation) => {
      const turned = await sharp(probe.data, { raw: { width: probe.info.width, height: probe.info.height, channels: 1 } })
        .rotate(rotation).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
      const image = toPgm(turned.data.subarray(0, turned.info.width * turned.info.height), turned.info.width, turned.info.height);
      const params = { tessedit_pageseg_mode: this.options.pageSegmentation, user_defined_dpi: String(dpi) };
      const lines = await this.read(image, params, signal);
      // A near-blank page reads as a few confident marks in any orientation.
      const han = lines.flat().reduce((n, l) => n + (l.text.match(/\p{Script=Han}/gu) ?? []).length, 0);
      return { rotation, score: han >= MIN_ORIENTATION_HAN ? pageScore(lines) : 0 };
    }));
    return scores;
  }

  /**
   * Tesseract drops lines that touch a seal or fingerprint as picture: on grey
   * scans red ink cannot be told from black, and the sign-off (organ and date)
   * under the seal vanishes. Find bands of ink that no line covers and read
   * them: dark ink with a darker threshold, which keeps black print and loses
   * the lighter seal; thin ink (a signed line riding on the fingerprinted row
   * below it) as it is, its weak short lines read again like the page's own.
   */
  private async readUncoveredInk(page: PreparedPage, lines: readonly WordedLine[], readLines: readonly WordedLine[], signal: AbortSignal | undefined): Promise<WordedLine[]> {
    const bands = await uncoveredInkBands(page, lines, readLines);
    const found = await Promise.all(bands.map(async (band) => {
      const crop = await cropToPgm(page, band.region, band.threshold === undefined ? {} : { threshold: band.threshold });
      const reading = await this.read(crop, { tessedit_pageseg_mode: '6', user_defined_dpi: String(pageDpi(page)) }, signal);
      const { left, top } = band.region;
      let read = reading.flat().map((line) => shiftLine(line, left, top));
      if (band.threshold === undefined && this.options.rereadShortLines) read = (await this.rereadShortLines(page, [read], signal)).flat();
      return read
        .filter((line) => line.confidence >= UNCOVERED_MIN_CONFIDENCE && (line.text.match(/\p{Script=Han}/gu) ?? []).length >= 2)
        .filter((line) => !(band.threshold === undefined ? readLines : lines).some((known) => overlapShare(line.bbox, known.bbox) > 0.4));
    }));
    return found.flat();
  }

  private async rereadShortLines(page: PreparedPage, lines: WordedLine[][], signal: AbortSignal | undefined): Promise<WordedLine[][]> {
    const candidates: { block: number; index: number; line: WordedLine }[] = [];
    lines.forEach((block, b) => block.forEach((line, i) => {
      const chars = Array.from(line.text.replace(/\s/g, '')).length;
      if (chars > 0 && chars <= SHORT_LINE_CHARS && line.confidence < REREAD_BELOW_CONFIDENCE) {
        candidates.push({ block: b, index: i, line });
      }
    }));
    const out = lines.map((block) => block.slice());
    await Promise.all(candidates.map(async ({ block, index, line }) => {
      const better = await this.rereadLine(page, line, signal);
      if (better && better.confidence > line.confidence) (out[block] as WordedLine[])[index] = better;
    }));
    return out;
  }

  private async rereadLine(page: PreparedPage, line: WordedLine, signal: AbortSignal | undefined): Promise<WordedLine | null> {
    const [x0, y0, x1, y1] = line.bbox;
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
      bbox: [left + Math.round(w.bbox[0] / 2), top + Math.round(w.bbox[1] / 2), left + Math.round(w.bbox[2] / 2), top + Math.round(w.bbox[3] / 2)],
    }));
    return lineFromWords(mapped) ?? null;
  }
}

/**
 * Scans seldom carry a trustworthy resolution; case files are A4 (8.27 in
 * wide), so the short side gives it. Tesseract sizes its noise filters by it.
 */
function pageDpi(page: { width: number; height: number }): number {
  const dpi = Math.round(Math.min(page.width, page.height) / 8.27);
  return Math.min(600, Math.max(70, dpi));
}

interface WordedLine extends OcrLine { words: OcrWord[] }

/**
 * A page-sized image with a few rows of strokes: the worker grows its memory
 * to page size and runs the LSTM once, before the first real page.
 */
function warmUpImage(): Promise<Buffer> {
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
  return Promise.resolve(toPgm(pixels, width, height));
}

function shiftLine(line: WordedLine, dx: number, dy: number): WordedLine {
  const shift = (b: BBox): BBox => [b[0] + dx, b[1] + dy, b[2] + dx, b[3] + dy];
  return { ...line, bbox: shift(line.bbox), words: line.words.map((w) => ({ ...w, bbox: shift(w.bbox) })) };
}

/** One column, top to bottom: how PSM 4 reads a case page. */
function inReadingOrder(lines: WordedLine[]): WordedLine[] {
  return lines.slice().sort((a, b) => (a.bbox[1] + a.bbox[3]) - (b.bbox[1] + b.bbox[3]));
}

/** The clearly best turn; `scores` hold rotation 0, the page as scanned. */
function pickRotation(scores: { rotation: Rotation; score: number }[]): Rotation {
  const upright = scores.find((s) => s.rotation === 0)?.score ?? 0;
  const best = scores.reduce((a, b) => (b.score > a.score ? b : a));
  // Turn only on clear evidence: a poor upright page stays as scanned.
  return best.score > upright + 0.1 ? best.rotation : 0;
}

function middleRegion(width: number, height: number): { left: number; top: number; width: number; height: number } {
  // A square from the middle of the page: body text in either orientation,
  // and no margins, whose noise reads slowly as nonsense.
  const side = Math.round(Math.min(width, height) * 0.55);
  return { left: Math.round((width - side) / 2), top: Math.round((height - side) / 2), width: side, height: side };
}

/** Confidence weighted by characters, discounted when little of the text is Chinese. */
function pageScore(blocks: readonly OcrLine[][]): number {
  let chars = 0;
  let han = 0;
  let weighted = 0;
  for (const line of blocks.flat()) {
    const n = Array.from(line.text.replace(/\s/g, '')).length;
    chars += n;
    weighted += n * line.confidence;
    han += (line.text.match(/\p{Script=Han}/gu) ?? []).length;
  }
  if (chars === 0) return 0;
  return (weighted / chars) * Math.min(1, 0.5 + han / chars);
}

/**
 * Tesseract's TSV: one row per page, block, paragraph, line (level 4) and word
 * (level 5), each with its box; words carry confidence 0..100 and text.
 */
function linesOfTsv(tsv: string): WordedLine[][] {
  const blocks = new Map<string, Map<string, OcrWord[]>>();
  for (const row of tsv.split('\n')) {
    const cols = row.split('\t');
    if (cols.length < 12 || (cols[0] !== '4' && cols[0] !== '5')) continue;
    const [, , block = '', para = '', line = ''] = cols;
    let lines = blocks.get(block);
    if (!lines) blocks.set(block, lines = new Map());
    const key = `${para}.${line}`;
    let words = lines.get(key);
    if (!words) lines.set(key, words = []);
    if (cols[0] === '4') continue;
    const [x, y, w, h] = cols.slice(6, 10).map(Number) as [number, number, number, number];
    words.push({ text: cols.slice(11).join('\t'), confidence: Number(cols[10]) / 100, bbox: [x, y, x + w, y + h] });
  }
  return [...blocks.values()].map((lines) => [...lines.values()].flatMap((words) => lineFromWords(words) ?? []));
}

function lineFromWords(words: OcrWord[]): WordedLine | undefined {
  const kept = words
    .map((w) => ({ ...w, text: normaliseChineseText(w.text) }))
    .filter((w) => w.text.length > 0);
  if (kept.length === 0) return undefined;
  let chars = 0;
  let weighted = 0;
  for (const w of kept) {
    const n = Array.from(w.text).length;
    chars += n;
    weighted += n * w.confidence;
  }
  const bbox: BBox = [
    Math.min(...kept.map((w) => w.bbox[0])), Math.min(...kept.map((w) => w.bbox[1])),
    Math.max(...kept.map((w) => w.bbox[2])), Math.max(...kept.map((w) => w.bbox[3])),
  ];
  return { text: normaliseChineseText(kept.map((w) => w.text).join(' ')), confidence: weighted / chars, bbox, words: kept };
}

function assemble(page: PreparedPage, blocks: WordedLine[][]): OcrPage {
  const all = blocks.flat().filter((l) => l.text.length > 0);
  // Wide letter-spaced titles are sometimes found twice, once as a weaker
  // overlapping line of nonsense: keep the confident one.
  const lines = all.filter((l) => !all.some((o) => o !== l && o.confidence > l.confidence && overlapShare(l.bbox, o.bbox) > 0.5));
  const words = lines.flatMap((l) => l.words);
  let chars = 0;
  let weighted = 0;
  for (const l of lines) {
    const n = Array.from(l.text.replace(/\s/g, '')).length;
    chars += n;
    weighted += n * l.confidence;
  }
  return {
    text: lines.map((l) => l.text).join('\n'),
    confidence: chars === 0 ? 0 : weighted / chars,
    rotation: page.rotation,
    width: page.width,
    height: page.height,
    words,
    lines: lines.map(({ text, bbox, confidence }) => ({ text, bbox, confidence })),
  };
}
