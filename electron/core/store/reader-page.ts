// The reviewer's text of a page: the engine's reading with the case's corrections put in place
// of the words they correct. Pages are shared content (one reading per file hash) while
// corrections belong to a case, so this is built per case — here only, and every reader of a
// page (the page view, search and its index, evidence references, the analysis stages) takes it
// from the store. Offsets anywhere in the app are counted in this text.
import type { OcrWord } from '../../../shared/api.js';
import { wordRanges } from '../pages/words.js';
import type { PageRow } from './rows.js';

/** A reviewer's correction of one OCR word, by its index in the page's words. */
export interface WordCorrection {
  word_index: number;
  original: string;
  corrected: string;
}

/** Where a word sits in the page text; -1 where the text does not hold it (post-processing changed it). */
export interface WordRange {
  start: number;
  end: number;
}

/** A page as the case's reviewer reads it. */
export interface ReaderPage extends PageRow {
  /** Character ranges of `words` in `text`: the offsets map boxes, hits and highlights are drawn by. Null without words. */
  ranges: WordRange[] | null;
  /** Every correction the case made on this page, by word index (one whose word this reading lacks is kept, not applied). */
  corrections: WordCorrection[];
}

/** The corrected text and words only: what the search index and the catalogue need. */
export function correctedText(
  text: string,
  words: OcrWord[] | null,
  corrections: readonly Pick<WordCorrection, 'word_index' | 'corrected'>[],
): { text: string; words: OcrWord[] | null } {
  if (!words || corrections.length === 0) return { text, words };
  const ranges = wordRanges(text, words);
  // Right to left, so a replacement never moves the start of one still to come.
  const edits = corrections
    .filter((c) => words[c.word_index] && ranges[c.word_index] && ranges[c.word_index]!.start >= 0)
    .sort((a, b) => ranges[b.word_index]!.start - ranges[a.word_index]!.start);
  let out = text;
  const fixed = [...words];
  for (const c of edits) {
    const r = ranges[c.word_index]!;
    out = out.slice(0, r.start) + c.corrected + out.slice(r.end);
    fixed[c.word_index] = { ...fixed[c.word_index]!, text: c.corrected };
  }
  return { text: out, words: fixed };
}

/**
 * The reviewer's page from the engine's reading and the case's corrections (sorted by word
 * index). `withWords: false` leaves words and ranges out: most of a page row's bulk, and only
 * the stages that place boxes need them.
 */
export function readerPage(reading: PageRow, corrections: readonly WordCorrection[], withWords = true): ReaderPage {
  const { text, words } = correctedText(reading.text, reading.words, corrections);
  // A word the reviewer corrected or confirmed is no longer in doubt: it leaves the low-confidence count.
  const vouched =
    words && corrections.length > 0 ? words.map((w, i) => (corrections.some((c) => c.word_index === i) ? certain(w) : w)) : words;
  return {
    ...reading,
    text,
    words: withWords ? vouched : null,
    ranges: withWords && words ? wordRanges(text, words) : null,
    corrections: [...corrections],
  };
}

/** Full confidence on the word's own scale (engines report 0–1 or 0–100). */
function certain(w: OcrWord): OcrWord {
  return { ...w, confidence: w.confidence > 1 ? 100 : 1 };
}
