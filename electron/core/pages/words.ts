// The backend's door to the offset→box mapping, whose one home is shared/word-boxes.ts
// (the reader draws its marks with the same code).
import type { OcrWord } from '../../../shared/api.js';
import { boxesFor, boxFor as unionBox, wordRanges } from '../../../shared/word-boxes.js';
import type { Box, TextRange } from '../../../shared/word-boxes.js';

export { boxesFor, wordRanges };

/** The box around the words that overlap [start, end) of the page text; null if none. */
export function boxFor(start: number, end: number, words: OcrWord[] | null, ranges?: TextRange[], text?: string): Box | null {
  if (!words || words.length === 0) return null;
  const spans = ranges ?? (text !== undefined ? wordRanges(text, words) : null);
  return spans ? unionBox(start, end, words, spans) : null;
}
