import { wordRanges } from '../pages/words.js';
import type { CorrectionRow } from './case-store.js';

/**
 * A page's text and words with the reviewer's corrections put in place of the words the
 * engine read; offsets of the other words shift with the text.
 */
export function applyCorrections(text: string, wordsJson: string, corrections: Pick<CorrectionRow, 'word_index' | 'corrected'>[]): { text: string; words_json: string } {
  const words = JSON.parse(wordsJson) as { text: string }[];
  const ranges = wordRanges(text, words as never);
  const edits = corrections.filter((c) => words[c.word_index] && ranges[c.word_index] && ranges[c.word_index]!.start >= 0)
    .sort((a, b) => ranges[b.word_index]!.start - ranges[a.word_index]!.start);
  let out = text;
  for (const c of edits) {
    const r = ranges[c.word_index]!;
    out = out.slice(0, r.start) + c.corrected + out.slice(r.end);
    words[c.word_index]!.text = c.corrected;
  }
  return { text: out, words_json: JSON.stringify(words) };
}
