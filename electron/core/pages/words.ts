import type { OcrWord } from '../../../shared/api.js';

/**
 * Character ranges of OCR words within the page text they were assembled into, so a
 * mention or a search hit (offsets in text) can be drawn as a box on the page image.
 */
export function wordRanges(text: string, words: OcrWord[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let cursor = 0;
  for (const w of words) {
    const needle = w.text.replace(/\s+/g, '');
    if (!needle) {
      out.push({ start: cursor, end: cursor });
      continue;
    }
    const at = text.indexOf(needle, cursor);
    // a word the post-processing changed (digits repaired, punctuation widened) is skipped, not guessed
    if (at < 0 || at - cursor > 40) {
      out.push({ start: -1, end: -1 });
      continue;
    }
    out.push({ start: at, end: at + needle.length });
    cursor = at + needle.length;
  }
  return out;
}

/** The box around the words that overlap [start, end) of the page text; null if none. */
export function boxFor(
  start: number,
  end: number,
  words: OcrWord[] | null,
  ranges?: { start: number; end: number }[],
  text?: string,
): [number, number, number, number] | null {
  if (!words || words.length === 0) return null;
  const spans = ranges ?? (text !== undefined ? wordRanges(text, words) : null);
  if (!spans) return null;
  let box: [number, number, number, number] | null = null;
  words.forEach((w, i) => {
    const r = spans[i];
    if (!r || r.start < 0 || r.end <= start || r.start >= end) return;
    box = box
      ? [Math.min(box[0], w.bbox[0]), Math.min(box[1], w.bbox[1]), Math.max(box[2], w.bbox[2]), Math.max(box[3], w.bbox[3])]
      : [...w.bbox];
  });
  return box;
}
