// What a page reading is, whichever recognizer made it.
import type { Rotation } from './preprocess.js';

export type BBox = [x0: number, y0: number, x1: number, y1: number];
export interface OcrWord {
  text: string;
  bbox: BBox;
  confidence: number;
}
export interface OcrLine {
  text: string;
  bbox: BBox;
  confidence: number;
}
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

/** A line with the words (or characters) it is made of, each boxed. */
export interface WordedLine extends OcrLine {
  words: OcrWord[];
  /** Which recognizer's reading this is. */
  source?: 'tesseract' | 'ppocr';
}

/** A page as the recognizers take it: one grey byte a pixel, upright by `rotation`. */
export interface GreyPage {
  grey: Buffer;
  width: number;
  height: number;
}

/**
 * Reads given lines of a page again: the strategy's second opinion. Results are
 * in the order of `boxes`; null where nothing was read.
 */
export interface LineRecognizer {
  readonly id: string;
  readLines(page: GreyPage, boxes: readonly BBox[], signal?: AbortSignal): Promise<(WordedLine | null)[]>;
  close(): Promise<void>;
}
