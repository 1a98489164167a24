// Where a run of page text sits on the page image: the one home of the mapping from
// offsets in a page's text to boxes on its raster, used by the backend (mention boxes,
// evidence and hit references, review.json) and by the reader (every mark it draws).
//
// Three things made marks miss their words, each handled here:
// - a word the text spells a little differently (a full-width colon read as half-width,
//   a 〇 read as 0) was dropped, so a mark lost that word (an amount its first digit);
// - a word box holding several characters (a run of digits, a tesseract word) was lit
//   whole for one character of it: the lit part is now cut out of the box;
// - a mark running over a line break was drawn as one box around both lines, covering
//   whatever else the lines held (an address over the ID and the phone): it is now one
//   box per line.

export type Box = [x0: number, y0: number, x1: number, y1: number];

export interface BoxedWord {
  text: string;
  bbox: Box;
}

export interface TextRange {
  start: number;
  end: number;
}

// How far past the last placed word the next one may be found: further is another word.
const LOOKAHEAD = 40;

/** One UTF-16 unit folded so that spellings of the same character compare equal. */
function foldUnit(c: string): string {
  const code = c.charCodeAt(0);
  // Full-width ASCII (：，（）１２) as its half-width twin.
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0x3000) return ' ';
  switch (c) {
    case '〇':
    case '○':
    case 'О':
    case 'o':
    case 'O':
      return '0';
    case '、':
      return ',';
    case '。':
      return '.';
    case '·':
    case '•':
    case '・':
      return '.';
    case '“':
    case '”':
      return '"';
    case '‘':
    case '’':
      return "'";
    case '—':
    case '－':
    case '–':
      return '-';
    default:
      return c.toLowerCase().length === 1 ? c.toLowerCase() : c;
  }
}

function fold(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += foldUnit(s[i] as string);
  return out;
}

/**
 * Character ranges of OCR words in the page text they were assembled into, in reading
 * order. A word is found as spelled, else as folded (full- and half-width alike); words
 * still missing between two placed ones take the characters between them when these
 * are exactly as many. A word that cannot be placed gets {-1,-1} rather than a guess.
 */
export function wordRanges(text: string, words: readonly { text: string }[]): TextRange[] {
  const folded = fold(text);
  const out: TextRange[] = [];
  const needles = words.map((w) => w.text.replace(/\s+/g, ''));
  let cursor = 0;
  for (let i = 0; i < words.length; i++) {
    const needle = needles[i] as string;
    if (!needle) {
      out.push({ start: cursor, end: cursor });
      continue;
    }
    let at = text.indexOf(needle, cursor);
    if (at < 0 || at - cursor > LOOKAHEAD) at = folded.indexOf(fold(needle), cursor);
    // A word the text reads otherwise (人 where the text has 入) must not be matched to the
    // same character further on, dragging every later word off its place: when the next
    // word follows right after this one's length, this one is here, just spelled differently.
    const here = skipSpaces(text, cursor);
    if (at !== here && here + needle.length <= text.length && nextStartsAt(folded, needles, i + 1, skipSpaces(text, here + needle.length)))
      at = here;
    if (at < 0 || at - cursor > LOOKAHEAD) {
      out.push({ start: -1, end: -1 });
      continue;
    }
    out.push({ start: at, end: at + needle.length });
    cursor = at + needle.length;
  }
  fillGaps(text, words, out);
  return out;
}

function skipSpaces(text: string, at: number): number {
  while (at < text.length && /\s/.test(text[at] as string)) at++;
  return at;
}

/** Whether the first non-empty word from index i starts at `at` of the folded text. */
function nextStartsAt(folded: string, needles: readonly string[], i: number, at: number): boolean {
  while (i < needles.length && !needles[i]) i++;
  const next = needles[i];
  return next !== undefined && folded.startsWith(fold(next), at);
}

/** Unplaced words between placed ones take the gap's characters when the counts agree. */
function fillGaps(text: string, words: readonly { text: string }[], ranges: TextRange[]): void {
  let i = 0;
  while (i < ranges.length) {
    if ((ranges[i] as TextRange).start >= 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < ranges.length && (ranges[j] as TextRange).start < 0) j++;
    const from = i > 0 ? (ranges[i - 1] as TextRange).end : 0;
    const to = j < ranges.length ? (ranges[j] as TextRange).start : text.length;
    // Only between two placed words: at the page's ends the gap has no measure.
    if (i > 0 && j < ranges.length && to >= from) {
      const slots: number[] = [];
      for (let k = from; k < to; k++) if (!/\s/.test(text[k] as string)) slots.push(k);
      const lengths = words.slice(i, j).map((w) => w.text.replace(/\s+/g, '').length);
      if (lengths.reduce((a, b) => a + b, 0) === slots.length) {
        let s = 0;
        for (let k = i; k < j; k++) {
          const n = lengths[k - i] as number;
          if (n > 0) ranges[k] = { start: slots[s] as number, end: (slots[s + n - 1] as number) + 1 };
          s += n;
        }
      }
    }
    i = j;
  }
}

/** How wide a character prints, in Han characters: Latin letters and digits are about half. */
function advance(c: string): number {
  const code = c.codePointAt(0) ?? 0;
  if (/\s/.test(c)) return 0.3;
  return code < 0x2e80 ? 0.55 : 1;
}

/** The part of a word's box holding characters [from, to) of the word. */
function partOf(word: BoxedWord, from: number, to: number): Box {
  const chars = word.text.replace(/\s+/g, '');
  if (from <= 0 && to >= chars.length) return [...word.bbox];
  let before = 0;
  let inside = 0;
  let total = 0;
  for (let i = 0; i < chars.length; i++) {
    const a = advance(chars[i] as string);
    if (i < from) before += a;
    else if (i < to) inside += a;
    total += a;
  }
  const [x0, y0, x1, y1] = word.bbox;
  const w = x1 - x0;
  const h = y1 - y0;
  // A word standing upright (a vertical line) is cut down its height instead.
  if (h > w * 1.5 && chars.length > 1) return [x0, y0 + (h * before) / total, x1, y0 + (h * (before + inside)) / total];
  return [x0 + (w * before) / total, y0, x0 + (w * (before + inside)) / total, y1];
}

/** Whether b continues the line a ends with: overlapping it in height, not before it. */
function sameLine(a: Box, b: Box): boolean {
  const overlap = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  const h = Math.min(a[3] - a[1], b[3] - b[1]);
  return overlap >= 0.5 * h && b[0] >= a[0] - h;
}

/**
 * The boxes on the image of text [start, end): one per line it runs over, each cut to
 * the characters in the range (a part of a word's box when the range starts or ends
 * inside that word). Empty when no word there has a box.
 */
export function boxesFor(start: number, end: number, words: readonly BoxedWord[] | null | undefined, ranges: readonly TextRange[]): Box[] {
  if (!words || end <= start) return [];
  const out: Box[] = [];
  words.forEach((w, i) => {
    const r = ranges[i];
    if (!r || r.start < 0 || r.end <= start || r.start >= end) return;
    const b = partOf(w, Math.max(0, start - r.start), Math.min(r.end, end) - r.start);
    const last = out[out.length - 1];
    if (last && sameLine(last, b)) {
      out[out.length - 1] = [Math.min(last[0], b[0]), Math.min(last[1], b[1]), Math.max(last[2], b[2]), Math.max(last[3], b[3])];
    } else out.push(b);
  });
  return out.map((b) => b.map((v) => Math.round(v)) as Box);
}

/** One box around all of boxesFor's: what a single-box consumer (review.json) keeps. */
export function boxFor(
  start: number,
  end: number,
  words: readonly BoxedWord[] | null | undefined,
  ranges: readonly TextRange[],
): Box | null {
  const boxes = boxesFor(start, end, words, ranges);
  if (boxes.length === 0) return null;
  return boxes.reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]);
}
