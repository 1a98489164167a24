// Which of tesseract's lines are read again, and whose reading stands.
import type { WordedLine } from './types.js';

// Lines of up to this many characters are names, dates and header fields.
const SHORT_LINE_CHARS = 16;
// tesseract.js re-reading itself: short lines below this confidence (measured
// before PP-OCR: longer lines read alone gain nothing).
const TESSERACT_REREAD_BELOW = 0.9;
// PP-OCR re-reading: any line below this confidence, or holding a word below WORD_DOUBT.
const LINE_DOUBT = 0.93;
const WORD_DOUBT = 0.75;
// The labels names follow on case papers: a slip in a name raises a false finding.
const NAME_LABELS =
  /姓名|侦查员|记录人|询问人|讯问人|见证人|翻译人|签名|执行人|传唤人|报案人|民警|领导|承办人|办案人|审批人|当事人|监护人|代理人|嫌疑人|被害人|证人|接收人|送达人|被通知人/u;
// PP-OCR's reading stands unless it is itself unsure and tesseract was surer.
const PPOCR_TRUSTED = 0.6;

export interface DoubtfulLine {
  block: number;
  index: number;
  line: WordedLine;
}

export function doubtfulLines(blocks: readonly WordedLine[][], recognizer: 'ppocr' | 'tesseract'): DoubtfulLine[] {
  const out: DoubtfulLine[] = [];
  blocks.forEach((block, b) =>
    block.forEach((line, i) => {
      if (isDoubtful(line, recognizer)) out.push({ block: b, index: i, line });
    }),
  );
  return out;
}

export function isDoubtful(line: WordedLine, recognizer: 'ppocr' | 'tesseract'): boolean {
  const chars = Array.from(line.text.replace(/\s/g, '')).length;
  if (chars === 0) return false;
  if (recognizer === 'tesseract') return chars <= SHORT_LINE_CHARS && line.confidence < TESSERACT_REREAD_BELOW;
  if (line.confidence < LINE_DOUBT) return true;
  if (chars <= SHORT_LINE_CHARS) return true;
  if (line.words.some((w) => w.confidence < WORD_DOUBT)) return true;
  if (NAME_LABELS.test(line.text)) return true;
  return hasBadIdentifier(line.text);
}

/** A run of digits shaped like an ID card or mobile number that fails its check. */
export function hasBadIdentifier(text: string): boolean {
  const compact = text.replace(/\s/g, '');
  for (const m of compact.matchAll(/\d[\dXx]{9,}/g)) {
    const run = m[0];
    if (run.length === 18) {
      if (!validIdNumber(run)) return true;
    } else if (run.length === 11) {
      if (!/^1[3-9]/.test(run)) return true;
    } else if (run.length >= 15 || run.length === 10 || run.length === 12) return true;
  }
  return false;
}

/** GB 11643: the 18th character of a resident ID is a check over the first 17. */
export function validIdNumber(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (weights[i] as number);
  return '10X98765432'[sum % 11] === id[17]?.toUpperCase();
}

/** Whether the second reading replaces tesseract's. */
export function preferred(first: WordedLine, second: WordedLine): boolean {
  if (second.source !== 'ppocr') return second.confidence > first.confidence;
  return second.confidence >= PPOCR_TRUSTED || second.confidence > first.confidence;
}
