// Over 400 lines on purpose: one engine class — the three strategies share its worker pools, cancellation and
// orientation probe; each step's logic has its own module (preprocess, stamps, doubt, cross-read, page-lines).
// The page strategy: how a scanned page is read, with which recognizer where.
// Two recognizers: PP-OCRv4 (detector, line classifier, recognizer on ONNX
// Runtime, ppocr/) and tesseract.js (tesseract.ts). Three strategies, measured
// side by side by test/bench/ocr.ts:
// - 'ppocr' (the default): the ink says whether the page lies on its side, the
//   line classifier whether it is upside down; PP-OCR detects and reads every
//   line; lines it reads poorly on grey scans get a second look with the grey
//   seal ink made paper; ink no line covers is detected and read too.
// - 'hybrid': tesseract.js reads the page; PP-OCR's detector finds the lines,
//   and those tesseract reads doubtfully (low confidence, short lines of names
//   and dates, labelled names, identifiers failing their checksum) or misses
//   are read by PP-OCR. Measured slower and less accurate than 'ppocr': on these
//   pages tesseract doubts most lines, so PP-OCR reads most of the page anyway.
// - 'tesseract': tesseract.js alone, as before PP-OCR.
import { availableParallelism } from 'node:os';
import sharp from 'sharp';
import { cropToPgm, paperLevel, prepareForOcr, toPgm } from './preprocess.js';
import { lineLayout } from './orientation.js';
import { overlapShare, uncoveredInkBands } from './stamps.js';
import type { PreparedPage, Rotation } from './preprocess.js';
import { defaultTessdataDir } from './tessdata.js';
import type { OcrLanguage } from './tessdata.js';
import { pageDpi, TesseractReader } from './tesseract.js';
import type { TesseractParams } from './tesseract.js';
import type { BBox, LineRecognizer, OcrLine, OcrPage, WordedLine } from './types.js';
import { doubtfulLines, preferred } from './doubt.js';
import { PPOCR_MODEL_ID } from './ppocr/models.js';
import type { PpocrLineRecognizer } from './ppocr/line-recognizer.js';
import { composeCrossRead, planCrossRead } from './cross-read.js';
import { isSealFragment, pageLines, secondLookLines } from './page-lines.js';
import { wordedLine } from './ppocr/line-recognizer.js';
import type { Quad } from './ppocr/geometry.js';
import type { RecognizedLine } from './ppocr/models-session.js';

export type { BBox, OcrLine, OcrPage, OcrWord } from './types.js';

/** Names the engine, model and pipeline; bump it when output changes so cached pages are read again. */
// v2: scanned PDF pages are read at the scan's own resolution (its picture, not a 300 dpi rendering).
// v4: light ink no line covers (a signed confirmation) is read too: pages read before may lack it.
// v5: PP-OCRv4 reads the page (pages read before are read again once).
export const OCR_ENGINE_ID = `${PPOCR_MODEL_ID}/det736-squeeze0.7/v5`;

function engineIdOf(strategy: OcrStrategy): string {
  if (strategy === 'ppocr') return OCR_ENGINE_ID;
  if (strategy === 'hybrid') return `tesseract.js@7/chi_sim-4.0.0-lstm/psm4+${PPOCR_MODEL_ID}/v5`;
  return 'tesseract.js@7/chi_sim-4.0.0-lstm/psm4/v4';
}

// PP-OCR's detector at a 736 px long side read the generator's 200 dpi pages
// better than at 960 (CER 0.53 % against 1.29 % on 12 pages) in 70 % of the time.
const DETECT_SIDE = 736;
// Line crops at 0.7 of their width: the recognizer's cost is its input's width,
// and Han characters still span four time steps (CER unchanged on 12 pages, 23 % faster).
const SQUEEZE = 0.7;

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
  /**
   * How a page is read (test/bench/ocr.ts measures them side by side):
   * 'ppocr' (default): PP-OCRv4 detection, line classifier and recognition on
   *   every line; tesseract.js is not started.
   * 'hybrid': tesseract.js reads the page, PP-OCR re-reads the lines it is
   *   doubtful of and the lines only PP-OCR's detector finds.
   * 'tesseract': tesseract.js alone, re-reading its own short doubtful lines.
   */
  strategy?: OcrStrategy;
  /** Longest side of the page as PP-OCR's detector sees it; default 736. */
  detectSide?: number;
  /** Width factor of line crops before recognition (recognition costs by width); default 0.7. */
  squeeze?: number;
  /** PP-OCR worker threads; default one per core. */
  ppocrWorkers?: number;
  /** Folder of the PP-OCR models; default the app's resources/ppocr or the npm package. */
  ppocrModelDir?: string;
}

export interface RecognizeOptions {
  signal?: AbortSignal;
}

// An upright page of print reads above this mean confidence; an upside-down
// or sideways one reads far below (measured: see test/bench/ocr.ts).
const UPRIGHT_CONFIDENCE = 0.72;
// A page read turned over on the ink's word alone must read better than that.
const TURNED_CONFIDENCE = 0.8;
const ORIENTATION_PROBE_WIDTH = 640;
const MIN_ORIENTATION_HAN = 12;
// Lines found under stamps below this confidence are seal text or nonsense.
const UNCOVERED_MIN_CONFIDENCE = 0.6;
// Share of the paper's grey level below which a pixel is black print, not a grey seal (stamps.ts).
const SEAL_THRESHOLD = 0.55;
// PP-OCR's readings of uncovered ink below this are seal rings and specks.
const UNCOVERED_MIN_CONFIDENCE_PPOCR = 0.8;
// Lines below this confidence may be a seal's ring read as text.
const COVER_CONFIDENCE = 0.75;

// tessdata's 4.0.0 chi_sim LSTM (LSTM part only) read names and degraded pages
// better than tessdata_best's best_int at the same speed (test/bench/ocr.ts).
const DEFAULT_LANGUAGES: readonly OcrLanguage[] = ['chi_sim_std'];

export type OcrStrategy = 'ppocr' | 'hybrid' | 'tesseract';
type StrategyOptions = Required<Omit<OcrEngineOptions, 'workers' | 'langPath' | 'workerPath' | 'ppocrWorkers' | 'ppocrModelDir'>>;

/** What the strategy did, for benchmarks: lines tesseract read, read again, and replaced. */
export interface OcrStats {
  pages: number;
  lines: number;
  reread: number;
  replaced: number;
  added: number;
}

export class OcrEngine {
  private closed = false;
  readonly stats: OcrStats = { pages: 0, lines: 0, reread: 0, replaced: 0, added: 0 };

  private constructor(
    private readonly tesseractReader: TesseractReader | null,
    private readonly lines: LineRecognizer | null,
    private readonly ppocr: PpocrLineRecognizer | null,
    private readonly options: StrategyOptions,
  ) {}

  static async create(opts: OcrEngineOptions = {}): Promise<OcrEngine> {
    const languages = opts.languages ?? DEFAULT_LANGUAGES;
    const count = Math.max(1, opts.workers ?? availableParallelism());
    const strategy = opts.strategy ?? 'ppocr';
    const tesseract =
      strategy === 'ppocr'
        ? null
        : await TesseractReader.create({
            languages,
            langPath: opts.langPath ?? defaultTessdataDir(),
            workers: count,
            workerPath: opts.workerPath,
          });
    let ppocr: PpocrLineRecognizer | null = null;
    if (strategy !== 'tesseract') {
      try {
        const { PpocrLineRecognizer: Recognizer } = await import('./ppocr/line-recognizer.js');
        ppocr = await Recognizer.create({
          workers: Math.max(1, opts.ppocrWorkers ?? count),
          ...(opts.ppocrModelDir !== undefined ? { modelDir: opts.ppocrModelDir } : {}),
        });
      } catch (err) {
        await tesseract?.close();
        throw err;
      }
    }
    return new OcrEngine(tesseract, ppocr ?? tesseract, ppocr, {
      languages,
      pageSegmentation: opts.pageSegmentation ?? '4',
      detectOrientation: opts.detectOrientation ?? true,
      rereadShortLines: opts.rereadShortLines ?? true,
      dropRedInk: opts.dropRedInk ?? true,
      readUnderStamps: opts.readUnderStamps ?? true,
      strategy,
      detectSide: opts.detectSide ?? DETECT_SIDE,
      squeeze: opts.squeeze ?? SQUEEZE,
    });
  }

  /** The engine id pages read by this engine are stored under. */
  get engineId(): string {
    return engineIdOf(this.options.strategy);
  }

  /** Pages read at once (the page stage keeps one more waiting). */
  get workerCount(): number {
    return this.tesseractReader?.workerCount ?? this.ppocr?.pool.size ?? 1;
  }

  private get tesseract(): TesseractReader {
    if (!this.tesseractReader) throw new Error('tesseract.js is not started for this strategy');
    return this.tesseractReader;
  }

  /** Read one page image (PNG, JPEG, TIFF… anything sharp decodes). */
  async recognize(image: Buffer, opts: RecognizeOptions = {}): Promise<OcrPage> {
    const { signal } = opts;
    this.check(signal);
    if (this.options.strategy === 'ppocr' && this.ppocr) return await this.readWithPpocr(this.ppocr, image, signal);
    const upright = await prepareForOcr(image, { dropRedInk: this.options.dropRedInk });
    const read = this.options.detectOrientation
      ? await this.readTurned(image, upright, signal)
      : { page: upright, lines: await this.readPage(upright, signal) };
    const { page } = read;
    let { lines } = read;
    if (this.ppocr && this.options.rereadShortLines) {
      lines = [await this.crossRead(this.ppocr, page, lines.flat(), signal)];
    } else {
      if (this.options.rereadShortLines) lines = await this.rereadShortLines(page, lines, signal);
      if (this.options.readUnderStamps) lines = await this.withUncoveredInk(page, lines, signal);
    }
    this.stats.pages++;
    return assemble(page, lines);
  }

  /**
   * PP-OCR reads the page: the ink says whether it lies on its side (turned a
   * quarter first), the line classifier's vote whether it is upside down, the
   * detector finds the lines and the recognizer reads every one. A page whose
   * lines come out tall was on its side after all and is read turned.
   */
  private async readWithPpocr(ppocr: PpocrLineRecognizer, image: Buffer, signal: AbortSignal | undefined): Promise<OcrPage> {
    const prepare = (rotation: Rotation): Promise<PreparedPage> => prepareForOcr(image, { rotation, dropRedInk: this.options.dropRedInk });
    let page = await prepare(0);
    let base: Rotation = 0;
    if (this.options.detectOrientation) {
      const layout = await lineLayout(page);
      if (layout.guess === 'sideways') base = 90;
      else if (layout.guess === 'upside-down') base = 180;
      if (base !== 0) page = await prepare(base);
    }
    const opts = { limitSide: this.options.detectSide, squeeze: this.options.squeeze };
    let reading = await ppocr.pool.readPage(page, opts);
    signal?.throwIfAborted();
    if (this.options.detectOrientation && (base === 0 || base === 180) && reading.tallLines >= Math.max(3, reading.lines.length / 2)) {
      base = 90;
      page = await prepare(base);
      reading = await ppocr.pool.readPage(page, opts);
      signal?.throwIfAborted();
    }
    const rotation = ((base + (reading.turned180 ? 180 : 0)) % 360) as Rotation;
    if (rotation !== page.rotation) page = await prepare(rotation);
    let read = reading.lines;
    if (!page.colour) read = await this.secondLookUnderSeals(ppocr, page, read);
    let lines = pageLines(read.flatMap((l) => wordedLine(l) ?? []));
    if (this.options.readUnderStamps) lines = await this.readUncoveredWithPpocr(ppocr, page, lines, signal);
    this.stats.pages++;
    this.stats.lines += reading.lines.length;
    return assemble(page, [lines]);
  }

  /**
   * On a grey scan a seal is grey ink over black print, and the lines under it
   * read poorly (二〇二四 as 二O四). Those read below SEAL_DOUBT are read again with
   * the lighter ink made paper (the darker threshold of stamps.ts), and the
   * surer reading stands. Colour scans lost their red ink in preprocessing.
   */
  private async secondLookUnderSeals(ppocr: PpocrLineRecognizer, page: PreparedPage, lines: RecognizedLine[]): Promise<RecognizedLine[]> {
    const doubtful = secondLookLines(lines).map((i) => ({ l: lines[i] as RecognizedLine, i }));
    if (doubtful.length === 0) return lines;
    const threshold = Math.round(paperLevel(page.grey) * SEAL_THRESHOLD);
    const again = await ppocr.pool.recognize(
      page,
      doubtful.map(({ l }) => l.quad),
      { squeeze: this.options.squeeze, threshold },
    );
    const out = lines.slice();
    doubtful.forEach(({ l, i }, k) => {
      const better = again[k];
      // A reading that lost characters lost ink that was print (a thin 〇), not seal.
      if (better && better.confidence > l.confidence && better.chars.length >= l.chars.length) {
        out[i] = better;
        this.stats.replaced++;
      }
    });
    this.stats.reread += doubtful.length;
    return out;
  }

  /**
   * PP-OCR's detector finds the page's lines; where tesseract's reading of them
   * is doubtful, or it read nothing (a sign-off under a seal, a faint signed
   * line), PP-OCR's recognizer reads them and its reading stands.
   */
  private async crossRead(
    ppocr: PpocrLineRecognizer,
    page: PreparedPage,
    lines: WordedLine[],
    signal: AbortSignal | undefined,
  ): Promise<WordedLine[]> {
    const detected = await ppocr.detect(page, { limitSide: this.options.detectSide });
    signal?.throwIfAborted();
    const plan = planCrossRead(lines, detected);
    const read = await ppocr.readQuads(
      page,
      plan.read.map((j) => (detected[j] as { quad: Quad }).quad),
      signal,
    );
    const composed = composeCrossRead(lines, detected, plan, new Map(plan.read.map((j, k) => [j, read[k] ?? null])));
    this.stats.lines += lines.length;
    this.stats.reread += plan.read.length;
    this.stats.replaced += composed.replaced;
    this.stats.added += composed.added;
    return this.options.readUnderStamps ? await this.readUncoveredWithPpocr(ppocr, page, composed.lines, signal) : composed.lines;
  }

  /**
   * Ink no line covers, read by PP-OCR: a sign-off under a grey seal is read
   * with the seal made paper (the darker threshold keeps black print), thin ink
   * as it is. What it finds and no line holds is added; a weak line it reads
   * better is replaced.
   */
  private async readUncoveredWithPpocr(
    ppocr: PpocrLineRecognizer,
    page: PreparedPage,
    lines: WordedLine[],
    signal: AbortSignal | undefined,
  ): Promise<WordedLine[]> {
    const confident = lines.filter((l) => l.confidence >= COVER_CONFIDENCE);
    const bands = await uncoveredInkBands(page, confident, lines);
    if (bands.length === 0) return lines;
    signal?.throwIfAborted();
    const reads = await Promise.all(
      bands.map(async (band) => {
        const read = (await ppocr.readRegion(page, band.region, band.threshold))
          .filter((line) => line.confidence >= UNCOVERED_MIN_CONFIDENCE_PPOCR && (line.text.match(/\p{Script=Han}/gu) ?? []).length >= 2)
          .filter(
            (line) =>
              !isSealFragment(
                line,
                lines.map((l) => l.text),
              ),
          );
        return { band, read };
      }),
    );
    const found = reads.flatMap(({ band, read }) =>
      read.filter((line) => !(band.threshold === undefined ? lines : confident).some((known) => overlapShare(line.bbox, known.bbox) > 0.4)),
    );
    this.stats.added += found.length;
    if (found.length === 0) return lines;
    const kept = lines.filter((l) => l.confidence >= COVER_CONFIDENCE || !found.some((f) => overlapShare(l.bbox, f.bbox) > 0.2));
    return inReadingOrder([...kept, ...found]);
  }

  private async withUncoveredInk(page: PreparedPage, lines: WordedLine[][], signal: AbortSignal | undefined): Promise<WordedLine[][]> {
    {
      // A weak line over a seal (its ring text read as nonsense) hides the
      // sign-off beneath it; it neither counts as cover nor survives a better reading.
      const confident = lines.flat().filter((l) => l.confidence >= COVER_CONFIDENCE);
      const found = await this.readUncoveredInk(page, confident, lines.flat(), signal);
      if (found.length > 0) {
        const kept = lines.flat().filter((l) => l.confidence >= COVER_CONFIDENCE || !found.some((f) => overlapShare(l.bbox, f.bbox) > 0.2));
        return [inReadingOrder([...kept, ...found])];
      }
    }
    return lines;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.ppocr?.close();
    await this.tesseractReader?.close();
  }

  /**
   * Reads the page the way its lines run. The ink's layout says whether lines
   * run across or down and, across, which edge is aligned, so a page on its side
   * is turned before the one full reading; what the ink cannot settle (90 or 270,
   * a poor reading) the probes decide.
   */
  private async readTurned(
    image: Buffer,
    upright: PreparedPage,
    signal: AbortSignal | undefined,
  ): Promise<{ page: PreparedPage; lines: WordedLine[][] }> {
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
      const rotation = await this.findOrientation(
        upright,
        layout.guess === 'sideways' ? [0, 90, 180, 270] : [0, ...layout.candidates.filter((r) => r !== 0)],
        signal,
      );
      if (rotation !== 0) return await turn(rotation);
    }
    return { page: upright, lines };
  }

  private async readPage(page: PreparedPage, signal: AbortSignal | undefined): Promise<WordedLine[][]> {
    return await this.tesseract.read(page.image, this.pageParams(page), signal);
  }

  private pageParams(page: PreparedPage): TesseractParams {
    return { tessedit_pageseg_mode: this.options.pageSegmentation, user_defined_dpi: String(pageDpi(page)) };
  }

  private check(signal: AbortSignal | undefined): void {
    if (this.closed) throw new Error('OCR engine is closed');
    signal?.throwIfAborted();
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
    const scores =
      Math.max(...middle.map((s) => s.score)) < UPRIGHT_CONFIDENCE
        ? await this.orientationScores(
            page,
            { left: 0, top: 0, width: page.width, height: page.height },
            rotations,
            signal,
            ORIENTATION_PROBE_WIDTH * 2,
          )
        : middle;
    return pickRotation(scores);
  }

  private async orientationScores(
    page: PreparedPage,
    region: { left: number; top: number; width: number; height: number },
    rotations: readonly Rotation[],
    signal: AbortSignal | undefined,
    probeWidth = ORIENTATION_PROBE_WIDTH,
  ): Promise<{ rotation: Rotation; score: number }[]> {
    const probe = await sharp(page.grey, { raw: { width: page.width, height: page.height, channels: 1 } })
      .extract(region)
      .resize({ width: probeWidth, withoutEnlargement: true })
      .toColourspace('b-w')
      .raw()
      .toBuffer({ resolveWithObject: true });
    const side = region.width;
    const dpi = Math.round(pageDpi(page) * Math.min(1, probeWidth / side));
    const scores = await Promise.all(
      rotations.map(async (rotation) => {
        const turned = await sharp(probe.data, { raw: { width: probe.info.width, height: probe.info.height, channels: 1 } })
          .rotate(rotation)
          .toColourspace('b-w')
          .raw()
          .toBuffer({ resolveWithObject: true });
        const image = toPgm(turned.data.subarray(0, turned.info.width * turned.info.height), turned.info.width, turned.info.height);
        const params = { tessedit_pageseg_mode: this.options.pageSegmentation, user_defined_dpi: String(dpi) };
        const lines = await this.tesseract.read(image, params, signal);
        // A near-blank page reads as a few confident marks in any orientation.
        const han = lines.flat().reduce((n, l) => n + (l.text.match(/\p{Script=Han}/gu) ?? []).length, 0);
        return { rotation, score: han >= MIN_ORIENTATION_HAN ? pageScore(lines) : 0 };
      }),
    );
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
  private async readUncoveredInk(
    page: PreparedPage,
    lines: readonly WordedLine[],
    readLines: readonly WordedLine[],
    signal: AbortSignal | undefined,
  ): Promise<WordedLine[]> {
    const bands = await uncoveredInkBands(page, lines, readLines);
    const found = await Promise.all(
      bands.map(async (band) => {
        const crop = await cropToPgm(page, band.region, band.threshold === undefined ? {} : { threshold: band.threshold });
        const reading = await this.tesseract.read(crop, { tessedit_pageseg_mode: '6', user_defined_dpi: String(pageDpi(page)) }, signal);
        const { left, top } = band.region;
        let read = reading.flat().map((line) => shiftLine(line, left, top));
        if (band.threshold === undefined && this.options.rereadShortLines)
          read = (await this.rereadShortLines(page, [read], signal)).flat();
        return read
          .filter((line) => line.confidence >= UNCOVERED_MIN_CONFIDENCE && (line.text.match(/\p{Script=Han}/gu) ?? []).length >= 2)
          .filter((line) => !(band.threshold === undefined ? readLines : lines).some((known) => overlapShare(line.bbox, known.bbox) > 0.4));
      }),
    );
    return found.flat();
  }

  /** The doubtful lines read again by the line recognizer; its reading replaces tesseract's where it is preferred. */
  private async rereadShortLines(page: PreparedPage, lines: WordedLine[][], signal: AbortSignal | undefined): Promise<WordedLine[][]> {
    const candidates = doubtfulLines(lines, this.ppocr ? 'ppocr' : 'tesseract');
    this.stats.lines += lines.reduce((n, b) => n + b.length, 0);
    this.stats.reread += candidates.length;
    if (candidates.length === 0) return lines;
    const out = lines.map((block) => block.slice());
    const readings = await (this.lines ?? this.tesseract).readLines(
      page,
      candidates.map((c) => c.line.bbox),
      signal,
    );
    candidates.forEach(({ block, index, line }, i) => {
      const better = readings[i];
      if (better && preferred(line, better)) {
        (out[block] as WordedLine[])[index] = better;
        this.stats.replaced++;
      }
    });
    return out;
  }
}

function shiftLine(line: WordedLine, dx: number, dy: number): WordedLine {
  const shift = (b: BBox): BBox => [b[0] + dx, b[1] + dy, b[2] + dx, b[3] + dy];
  return { ...line, bbox: shift(line.bbox), words: line.words.map((w) => ({ ...w, bbox: shift(w.bbox) })) };
}

/** One column, top to bottom: how PSM 4 reads a case page. */
function inReadingOrder(lines: WordedLine[]): WordedLine[] {
  return lines.slice().sort((a, b) => a.bbox[1] + a.bbox[3] - (b.bbox[1] + b.bbox[3]));
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
