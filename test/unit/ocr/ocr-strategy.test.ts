// Which lines the strategies read again, and what they keep: pure decisions,
// no models.
import { describe, expect, it } from 'vitest';
import { composeCrossRead, planCrossRead } from '../../../electron/core/ocr/cross-read.js';
import type { DetectedLine } from '../../../electron/core/ocr/cross-read.js';
import { hasBadIdentifier, isDoubtful, validIdNumber } from '../../../electron/core/ocr/doubt.js';
import { chineseZero, pageLines, secondLookLines } from '../../../electron/core/ocr/page-lines.js';
import type { BBox, WordedLine } from '../../../electron/core/ocr/types.js';

function line(text: string, bbox: BBox, confidence = 0.97, source: WordedLine['source'] = 'tesseract'): WordedLine {
  const chars = Array.from(text);
  const w = (bbox[2] - bbox[0]) / Math.max(1, chars.length);
  return {
    text,
    bbox,
    confidence,
    source,
    words: chars.map((c, i) => ({ text: c, confidence, bbox: [bbox[0] + i * w, bbox[1], bbox[0] + (i + 1) * w, bbox[3]] as BBox })),
  };
}
const det = (bbox: BBox): DetectedLine => ({
  score: 0.9,
  quad: [
    { x: bbox[0], y: bbox[1] },
    { x: bbox[2], y: bbox[1] },
    { x: bbox[2], y: bbox[3] },
    { x: bbox[0], y: bbox[3] },
  ],
});
const LONG = '根据《中华人民共和国刑事诉讼法》第一百一十九条之规定，兹传唤你于二〇二四年';

describe('the hybrid: tesseract lines PP-OCR reads again', () => {
  it('doubts low confidence, short lines (names, dates), labelled names and identifiers that fail their checksum', () => {
    expect(isDoubtful(line(LONG, [0, 0, 1200, 40], 0.97), 'ppocr')).toBe(false);
    expect(isDoubtful(line(LONG, [0, 0, 1200, 40], 0.9), 'ppocr')).toBe(true);
    expect(isDoubtful(line('被询问人李丽娘', [0, 0, 300, 40], 0.99), 'ppocr')).toBe(true);
    expect(isDoubtful(line(`${LONG}询问人：胡王珍`, [0, 0, 1200, 40], 0.99), 'ppocr')).toBe(true);
    expect(isDoubtful(line(`${LONG}身份证号码330681199407251248`, [0, 0, 1200, 40], 0.99), 'ppocr')).toBe(true);
    // tesseract re-reading itself: only short lines below 0.9.
    expect(isDoubtful(line('被询问人李丽娘', [0, 0, 300, 40], 0.95), 'tesseract')).toBe(false);
    expect(isDoubtful(line('被询问人李丽娘', [0, 0, 300, 40], 0.85), 'tesseract')).toBe(true);
  });

  it('checks ID numbers (GB 11643) and mobile numbers', () => {
    expect(validIdNumber('330681199407251249')).toBe(true);
    expect(validIdNumber('330681199407251248')).toBe(false);
    expect(hasBadIdentifier('电话13947016021')).toBe(false);
    expect(hasBadIdentifier('电话03947016021')).toBe(true);
    expect(hasBadIdentifier('身份证330681199407251249')).toBe(false);
  });

  it('reads the detected lines of doubtful tesseract lines and the lines only the detector found, not the confident ones', () => {
    const lines = [line(LONG, [100, 100, 1300, 140]), line('被询问人李丽娘', [100, 200, 400, 240], 0.8)];
    const detected = [det([95, 95, 1305, 145]), det([95, 195, 405, 245]), det([1000, 800, 1350, 845])];
    const plan = planCrossRead(lines, detected);
    expect(plan.read).toEqual([1, 2]);
    const readings = new Map<number, WordedLine | null>([
      [1, line('被询问人李丽娜', [95, 195, 405, 245], 0.99, 'ppocr')],
      [2, line('二〇二四年四月十七日', [1000, 800, 1350, 845], 0.95, 'ppocr')],
    ]);
    const out = composeCrossRead(lines, detected, plan, readings);
    expect(out.lines.map((l) => l.text)).toEqual([LONG, '被询问人李丽娜', '二〇二四年四月十七日']);
    expect(out).toMatchObject({ replaced: 1, added: 1 });
  });

  it('keeps a line only the detector found when it is short or unsure (a seal ring)', () => {
    const lines = [line(LONG, [100, 100, 1300, 140])];
    const detected = [det([1000, 700, 1100, 740]), det([1000, 800, 1350, 845])];
    const plan = planCrossRead(lines, detected);
    const readings = new Map<number, WordedLine | null>([
      [0, line('安局', [1000, 700, 1100, 740], 0.99, 'ppocr')],
      [1, line('二〇二四年四月十七日', [1000, 800, 1350, 845], 0.7, 'ppocr')],
    ]);
    expect(composeCrossRead(lines, detected, plan, readings).lines.map((l) => l.text)).toEqual([LONG]);
  });
});

describe('the PP-OCR page', () => {
  it('gives lines read below 0.97 a second look (seals on grey scans)', () => {
    expect(
      secondLookLines([
        { text: '绍兴市公安局', confidence: 0.99 },
        { text: '二O四年四十日', confidence: 0.88 },
        { text: ' ', confidence: 0.1 },
      ]),
    ).toEqual([1]);
  });

  it('drops seal-ring pieces and noise, keeps the end of an organ name beside its beginning, joins a table row', () => {
    const organ = '绍兴市公安局上虞区分局';
    const read = [
      line(organ, [550, 200, 1100, 260], 0.99, 'ppocr'),
      line('报案人', [170, 600, 290, 650], 0.99, 'ppocr'),
      line('俞娜', [400, 600, 490, 650], 0.99, 'ppocr'),
      line('安局人', [1200, 1420, 1350, 1460], 0.99, 'ppocr'),
      line('URE', [1380, 1470, 1430, 1500], 0.25, 'ppocr'),
      line('X', [1400, 1510, 1440, 1545], 0.9, 'ppocr'),
      line('绍兴市公安局上虞区', [1020, 1510, 1320, 1550], 0.99, 'ppocr'),
      line('分局', [1335, 1515, 1400, 1548], 0.99, 'ppocr'),
    ];
    expect(pageLines(read).map((l) => l.text)).toEqual([organ, '报案人俞娜', organ]);
  });

  it('reads the zero of a date in Chinese numerals as 〇', () => {
    expect(chineseZero(Array.from('二O二四年四月十七日')).join('')).toBe('二〇二四年四月十七日');
    expect(chineseZero(Array.from('二0二四年')).join('')).toBe('二〇二四年');
    expect(chineseZero(Array.from('2024年O1号')).join('')).toBe('2024年O1号');
  });
});
