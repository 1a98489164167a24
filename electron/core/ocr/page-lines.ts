// PP-OCR's detected lines made into the page's lines: noise and seal rings
// dropped, table cells joined into rows.
import { normaliseChineseText } from './normalise.js';
import type { OcrLine, OcrWord, WordedLine } from './types.js';

// PP-OCR lines below this confidence are specks, seal rings and fingerprints.
const MIN_CONFIDENCE = 0.6;
// Organs whose seals are pressed on case papers: the seal's ring repeats the name.
const ORGAN = /公安局|分局|检察院|法院|派出所|看守所|大队|支队|委员会/u;
const FRAGMENT_CHARS = 4;
// The organ's name as the header and the sign-off print it, on a line of its own (绍兴市公安局上虞区分局).
const ORGAN_NAME = /(?:局|院|所|大队|支队|委员会)$/u;

/** A line that is an organ's name (not a sentence that mentions one: 送绍兴市看守所羁押). */
function isOrganName(text: string): boolean {
  const t = text.replace(/\s/g, '');
  const n = countChars(t);
  return n > FRAGMENT_CHARS && n <= 20 && ORGAN.test(t) && ORGAN_NAME.test(t);
}

// PP-OCR lines below this confidence on a grey scan get a second look with grey ink made paper.
const SEAL_DOUBT = 0.97;

/** Indices of the lines read again with grey ink made paper: the ones PP-OCR read below SEAL_DOUBT. */
export function secondLookLines(lines: readonly { text: string; confidence: number }[]): number[] {
  return lines.flatMap((l, i) => (l.confidence < SEAL_DOUBT && l.text.trim().length > 0 ? [i] : []));
}

export function pageLines(read: readonly WordedLine[]): WordedLine[] {
  // A lone Latin letter (X, S) is a stroke of a seal or a fingerprint: case papers print none.
  const kept = read.filter((l) => l.confidence >= MIN_CONFIDENCE && !/^[A-Za-z]$/.test(l.text.trim()));
  const organs = kept.filter((l) => isOrganName(l.text)).map((l) => l.text);
  // A seal-ring piece goes unless it ends the organ's name begun by the text
  // left of it on its row (绍兴市公安局上虞区 | 分局).
  const dropped = new Set<WordedLine>();
  for (const row of groupRows(kept)) {
    const cells = row.sort((a, b) => a.bbox[0] - b.bbox[0]);
    cells.forEach((cell, i) => {
      if (!isSealFragment(cell, organs)) return;
      const left = i > 0 ? (cells[i - 1] as WordedLine).text.replace(/\s/g, '') : '';
      const joined = left + cell.text.replace(/\s/g, '');
      if (!(left && organs.some((o) => joined.includes(o.replace(/\s/g, '')) && !left.includes(o.replace(/\s/g, ''))))) dropped.add(cell);
    });
  }
  return rows(kept.filter((l) => !dropped.has(l)));
}

/**
 * A seal's ring text read as a short line (安局, 安局人): nearly all its
 * characters from the issuing organ's name, which the page prints in full.
 */
export function isSealFragment(line: OcrLine, organs: readonly string[]): boolean {
  const chars = Array.from(line.text.replace(/\s/g, ''));
  if (chars.length === 0 || chars.length > FRAGMENT_CHARS) return false;
  return organs.some((o) => o !== line.text && chars.filter((c) => o.includes(c)).length >= Math.max(1, chars.length - 1));
}

function groupRows<T extends OcrLine>(lines: readonly T[]): T[][] {
  const out: T[][] = [];
  for (const line of lines.slice().sort((a, b) => a.bbox[1] - b.bbox[1])) {
    const row = out.find((r) =>
      r.some((o) => {
        const h = Math.min(o.bbox[3], line.bbox[3]) - Math.max(o.bbox[1], line.bbox[1]);
        return h >= 0.5 * Math.min(o.bbox[3] - o.bbox[1], line.bbox[3] - line.bbox[1]);
      }),
    );
    if (row) row.push(line);
    else out.push([line]);
  }
  return out;
}

function countChars(text: string): number {
  return Array.from(text.replace(/\s/g, '')).length;
}

const HAN_NUMERAL = /[〇零一二三四五六七八九十]/u;

/**
 * The zero of a date written in Chinese numerals (二〇二四年) is a ring that
 * the recognizer reads as a Latin O or a digit 0 between the other numerals.
 */
export function chineseZero(chars: readonly string[]): string[] {
  return chars.map((c, i) => {
    if (c !== 'O' && c !== 'o' && c !== '0' && c !== 'Ｏ' && c !== '○') return c;
    const before = chars[i - 1];
    const after = chars[i + 1];
    const numeral = (x: string | undefined): boolean => x !== undefined && HAN_NUMERAL.test(x);
    // Between two numerals, or after 二 with 年-dates' numerals ahead (二O二四).
    return (numeral(before) && numeral(after)) || (numeral(before) && after === '年') ? '〇' : c;
  });
}

/** Lines side by side (sharing half their height) joined left to right into one. */
export function rows(read: readonly WordedLine[]): WordedLine[] {
  const sorted = read.slice().sort((a, b) => a.bbox[1] + a.bbox[3] - (b.bbox[1] + b.bbox[3]));
  const out: WordedLine[][] = [];
  for (const line of sorted) {
    const row = out.find((r) =>
      r.some((o) => {
        const h = Math.min(o.bbox[3], line.bbox[3]) - Math.max(o.bbox[1], line.bbox[1]);
        return h >= 0.5 * Math.min(o.bbox[3] - o.bbox[1], line.bbox[3] - line.bbox[1]);
      }),
    );
    if (row) row.push(line);
    else out.push([line]);
  }
  out.sort((a, b) => Math.min(...a.map((l) => l.bbox[1])) - Math.min(...b.map((l) => l.bbox[1])));
  return out.map((row) => {
    const cells = row.sort((a, b) => a.bbox[0] - b.bbox[0]);
    if (cells.length === 1) return cells[0] as WordedLine;
    // Cells split by a seal can part a date's zero from its numerals (二 | O四年).
    const cellWords = cells.flatMap((c) => c.words);
    const zeroed = chineseZero(cellWords.map((w) => w.text));
    const words: OcrWord[] = cellWords.map((w, i) => ({ ...w, text: zeroed[i] as string }));
    let chars = 0;
    let weighted = 0;
    for (const c of cells) {
      const k = countChars(c.text);
      chars += k;
      weighted += k * c.confidence;
    }
    return {
      text: normaliseChineseText(
        chineseZero(
          Array.from(
            cells
              .map((c) => c.text)
              .join(' ')
              .replace(/(?<=[〇零一二三四五六七八九十]) (?=[Oo0])|(?<=[Oo0]) (?=[〇零一二三四五六七八九十年])/gu, ''),
          ),
        ).join(''),
      ),
      confidence: chars === 0 ? 0 : weighted / chars,
      bbox: [
        Math.min(...cells.map((c) => c.bbox[0])),
        Math.min(...cells.map((c) => c.bbox[1])),
        Math.max(...cells.map((c) => c.bbox[2])),
        Math.max(...cells.map((c) => c.bbox[3])),
      ],
      words,
      source: 'ppocr',
    };
  });
}
