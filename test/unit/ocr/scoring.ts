// How OCR output is scored against the text that was printed.
import { normaliseChineseText } from '../../../electron/core/ocr/normalise.js';

/** Edit distance over code points (not UTF-16 units, so one ideograph is one character). */
export function levenshtein(a: readonly string[], b: readonly string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

/** Both sides normalised, whitespace ignored: line breaks and spacing are layout, not reading. */
export function comparable(s: string): string[] {
  return Array.from(normaliseChineseText(s).replace(/\s+/g, ''));
}

/** Character error rate: edits needed to turn the reading into the truth, per truth character. */
export function characterErrorRate(reading: string, truth: string): number {
  const t = comparable(truth);
  return t.length === 0 ? 0 : levenshtein(comparable(reading), t) / t.length;
}

/** Whether `value` appears exactly in the reading (whitespace ignored). */
export function readExactly(reading: string, value: string): boolean {
  return comparable(reading).join('').includes(comparable(value).join(''));
}
