// PP-OCR's recognizer as a line recognizer for the page strategy: given line
// boxes from another reader, reads each line crop with the PP-OCRv4 model and
// boxes every character from the CTC time steps that emitted it.
import { normaliseChineseText } from '../normalise.js';
import { chineseZero } from '../page-lines.js';
import type { BBox, GreyPage, LineRecognizer, OcrWord, WordedLine } from '../types.js';
import type { CharBox } from './recognize.js';
import type { DetectedBox, DetectOptions } from './detect.js';
import type { Quad } from './geometry.js';
import { axisQuad } from './image.js';
import type { RecognizedLine } from './models-session.js';
import { PpocrPool } from './pool.js';
import type { Region } from './pool.js';

// Tesseract's line boxes hug the ink; PP-OCR's detector leaves a margin (its
// unclip), and the recognizer was trained on such crops.
const PAD_Y = 0.2;
const PAD_X = 0.4;

export class PpocrLineRecognizer implements LineRecognizer {
  readonly id = 'ppocr';

  private constructor(readonly pool: PpocrPool) {}

  static async create(opts: { workers?: number; modelDir?: string } = {}): Promise<PpocrLineRecognizer> {
    return new PpocrLineRecognizer(await PpocrPool.create(opts));
  }

  async readLines(page: GreyPage, boxes: readonly BBox[], signal?: AbortSignal): Promise<(WordedLine | null)[]> {
    signal?.throwIfAborted();
    const quads = boxes.map(([x0, y0, x1, y1]) => {
      const h = y1 - y0;
      return axisQuad(
        Math.max(0, x0 - h * PAD_X),
        Math.max(0, y0 - h * PAD_Y),
        Math.min(page.width, x1 + h * PAD_X),
        Math.min(page.height, y1 + h * PAD_Y),
      );
    });
    const lines = await this.pool.recognize(page, quads);
    signal?.throwIfAborted();
    return lines.map((l) => wordedLine(l));
  }

  /** The page's text lines as PP-OCR's detector finds them, in reading order. */
  async detect(page: GreyPage, opts: DetectOptions = {}): Promise<DetectedBox[]> {
    return await this.pool.detect(page, opts);
  }

  /** Reads detected quads as they are (the detector's margin is the one the recognizer expects). */
  async readQuads(page: GreyPage, quads: readonly Quad[], signal?: AbortSignal): Promise<(WordedLine | null)[]> {
    signal?.throwIfAborted();
    const lines = await this.pool.recognize(page, [...quads]);
    signal?.throwIfAborted();
    return lines.map((l) => wordedLine(l));
  }

  /** Detects and reads one region of the page (see PpocrPool.readRegion). */
  async readRegion(page: GreyPage, region: Region, threshold?: number): Promise<WordedLine[]> {
    return (await this.pool.readRegion(page, region, threshold)).flatMap((l) => wordedLine(l) ?? []);
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}

/**
 * A PP-OCR line as the pages store it: each Han character (and punctuation)
 * a word of its own, runs of Latin letters and digits one word, so a highlight
 * sits on exactly the characters it marks.
 */
export function wordedLine(read: RecognizedLine): WordedLine | null {
  const zeroed = chineseZero(Array.from(read.text)).join('');
  // Each character as the line's normalised text spells it (a colon between Han
  // characters is the full-width one), so the words are found in the text.
  const spelled = Array.from(normaliseChineseText(zeroed).replace(/\s/g, ''));
  const own = chineseZero(read.chars.map((c) => c.text));
  const chars = read.chars.map((c, i) => ({ ...c, text: (spelled.length === read.chars.length ? spelled[i] : own[i]) as string }));
  const line = { ...read, text: zeroed, chars };
  const words: OcrWord[] = [];
  let run: CharBox[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    const text = run.map((c) => c.text).join('');
    if (text.length > 0) {
      words.push({
        text,
        confidence: Math.min(...run.map((c) => c.confidence)),
        bbox: [
          Math.min(...run.map((c) => c.bbox[0])),
          Math.min(...run.map((c) => c.bbox[1])),
          Math.max(...run.map((c) => c.bbox[2])),
          Math.max(...run.map((c) => c.bbox[3])),
        ],
      });
    }
    run = [];
  };
  for (const c of line.chars) {
    const latin = /^[0-9A-Za-z.\-:/]$/.test(c.text);
    const prevLatin = run.length > 0 && /^[0-9A-Za-z.\-:/]$/.test((run[run.length - 1] as CharBox).text);
    if (!latin || !prevLatin) flush();
    run.push(c);
    if (!latin) flush();
  }
  flush();
  const text = normaliseChineseText(line.text);
  if (text.length === 0 || words.length === 0) return null;
  const bbox: BBox = [
    Math.min(...words.map((w) => w.bbox[0])),
    Math.min(...words.map((w) => w.bbox[1])),
    Math.max(...words.map((w) => w.bbox[2])),
    Math.max(...words.map((w) => w.bbox[3])),
  ];
  return { text, confidence: line.confidence, bbox, words, source: 'ppocr' };
}
