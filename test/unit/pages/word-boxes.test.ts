// Offsets in a page's text to boxes on its image (shared/word-boxes.ts), checked two ways:
// on word lists built to show each way marks used to miss, and on a real OCR reading of a
// printed page whose every character's true place Chromium reports.
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OcrEngine } from '../../../electron/core/ocr/engine.js';
import type { OcrPage } from '../../../electron/core/ocr/engine.js';
import { boxesFor, boxFor, wordRanges } from '../../../shared/word-boxes.js';
import type { Box, BoxedWord } from '../../../shared/word-boxes.js';

/** Words of one line, each character its own 30-pixel box, runs of digits one word. */
function lineOf(text: string, y: number, x = 100): BoxedWord[] {
  const words: BoxedWord[] = [];
  for (const part of text.match(/[0-9A-Za-z]+|./gu) ?? []) {
    const w = /^[0-9A-Za-z]/.test(part) ? part.length * 15 : 30;
    words.push({ text: part, bbox: [x, y, x + w, y + 30] });
    x += w;
  }
  return words;
}

function iou(a: Box, b: Box): number {
  const ix = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
  const iy = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
  const inter = ix * iy;
  const area = (r: Box): number => (r[2] - r[0]) * (r[3] - r[1]);
  return inter / (area(a) + area(b) - inter);
}

/** Share of b's area that a covers. */
function covers(a: Box, b: Box): number {
  const ix = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
  const iy = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
  return (ix * iy) / ((b[2] - b[0]) * (b[3] - b[1]));
}

describe('offsets to boxes on built word lists', () => {
  it('cuts the lit characters out of a word holding several: an amount keeps its first digit, not its neighbour', () => {
    const words = lineOf('金额人民币3200元', 0);
    const text = '金额人民币3200元';
    const ranges = wordRanges(text, words);
    const at = text.indexOf('3200');
    const [box] = boxesFor(at, at + 4, words, ranges);
    expect(box).toEqual([250, 0, 310, 30]);
    // One digit of four: a quarter of the word's box, its first.
    expect(boxesFor(at, at + 1, words, ranges)).toEqual([[250, 0, 265, 30]]);
  });

  it('places a word the text spells in full width (：，１) instead of dropping it', () => {
    const words = lineOf('电话:13857512345,', 0);
    const text = '电话：13857512345，';
    const ranges = wordRanges(text, words);
    expect(ranges.every((r) => r.start >= 0)).toBe(true);
    const at = text.indexOf('1385');
    expect(boxFor(at, at + 11, words, ranges)).toEqual([words[3]!.bbox[0], 0, words[3]!.bbox[2], 30]);
  });

  it('gives a word the text changed the characters between its placed neighbours', () => {
    const words = [...lineOf('住址', 0), { text: '浙扛省', bbox: [160, 0, 250, 30] as Box }, ...lineOf('温州市', 0, 250)];
    const text = '住址浙江省温州市';
    const ranges = wordRanges(text, words);
    expect(ranges[2]).toEqual({ start: 2, end: 5 });
    expect(boxesFor(2, 5, words, ranges)).toEqual([[160, 0, 250, 30]]);
  });

  it('keeps a word the text reads otherwise in its place, so the words after it keep theirs', () => {
    // The box says 人, the text 入: matching 人 to the one in 见证人 dragged 李建国 off its words.
    const words = lineOf('持有人：李建国见证人：周明', 0);
    const text = '持有入：李建国见证人：周明';
    const ranges = wordRanges(text, words);
    expect(ranges.map((r) => r.start)).toEqual([...text].map((_, i) => i));
    const at = text.indexOf('李建国');
    expect(boxesFor(at, at + 3, words, ranges)).toEqual([[220, 0, 310, 30]]);
  });

  it('draws a mark that runs over a line break as one box per line, never one around both lines', () => {
    const first = lineOf('答：我住浙江省温州市', 0);
    const second = lineOf('鹿城区广场路88号，电话13857512345', 40);
    const words = [...first, ...second];
    const text = '答：我住浙江省温州市\n鹿城区广场路88号，电话13857512345';
    const ranges = wordRanges(text, words);
    const start = text.indexOf('浙江省');
    const end = text.indexOf('88号') + 3;
    const boxes = boxesFor(start, end, words, ranges);
    expect(boxes).toHaveLength(2);
    const phone = boxFor(text.indexOf('1385'), text.indexOf('1385') + 11, words, ranges)!;
    for (const b of boxes) expect(covers(b, phone)).toBe(0);
    // The first line's box starts at 浙, not at the line's start (答).
    expect(boxes[0]![0]).toBe(first[4]!.bbox[0]);
  });
});

/** A page printed by Chromium, with every character's box as laid out. */
interface PrintedPage {
  png: Buffer;
  text: string;
  chars: { ch: string; box: Box }[];
}

const LINES = [
  '扣押决定书',
  '犯罪嫌疑人：张建国，身份证号码330602199005031234，联系电话13857512345',
  '户籍所在地：绍兴市，现住浙江省绍兴市越城区城南街道环城南路88号',
  '扣押物品：现金人民币3200元，黑色华为手机一部，车牌号浙D·H5954',
  '见证人：周明　办案人：郑凯、冯磊',
];

async function printPage(): Promise<PrintedPage> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1240, height: 1000 } });
    // The second line wraps: a mark over its break must come out as two boxes.
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>
      body { margin: 0; padding: 120px 140px; width: 900px; background: #fbfaf6; font-family: "WenQuanYi Zen Hei", sans-serif; font-size: 34px; line-height: 1.9; color: #111; }
      h1 { text-align: center; font-size: 50px; margin: 0 0 40px; }
      p { margin: 0 0 14px; }
    </style></head><body><h1>${LINES[0]}</h1>${LINES.slice(1)
      .map((l) => `<p>${l}</p>`)
      .join('')}</body></html>`);
    const chars = await page.evaluate(() => {
      const out: { ch: string; box: [number, number, number, number] }[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const s = node.textContent ?? '';
        for (let i = 0; i < s.length; i++) {
          if (!s[i]!.trim()) continue;
          const r = document.createRange();
          r.setStart(node, i);
          r.setEnd(node, i + 1);
          const b = r.getBoundingClientRect();
          out.push({ ch: s[i]!, box: [b.left, b.top, b.right, b.bottom] });
        }
      }
      return out;
    });
    const png = await page.screenshot({ fullPage: false });
    return { png, text: LINES.join('\n'), chars };
  } finally {
    await browser.close();
  }
}

describe('offsets to boxes on a real OCR reading', () => {
  let printed: PrintedPage;
  let read: OcrPage;
  let engine: OcrEngine | undefined;

  beforeAll(async () => {
    printed = await printPage();
    engine = await OcrEngine.create({ workerPath: fileURLToPath(new URL('../ocr/offline-worker.mjs', import.meta.url)) });
    read = await engine.recognize(printed.png);
  });
  afterAll(async () => {
    await engine?.close();
  });

  /** The characters' true boxes of a phrase, one box per printed line. */
  function truthOf(phrase: string): { boxes: Box[]; before: Box | null; after: Box | null } {
    const flat = printed.chars.map((c) => c.ch).join('');
    const at = flat.indexOf(phrase.replace(/\s/g, ''));
    expect(at).toBeGreaterThanOrEqual(0);
    const chars = printed.chars.slice(at, at + phrase.length);
    const boxes: Box[] = [];
    for (const c of chars) {
      const last = boxes[boxes.length - 1];
      if (last && Math.abs(last[1] - c.box[1]) < 10)
        boxes[boxes.length - 1] = [
          Math.min(last[0], c.box[0]),
          Math.min(last[1], c.box[1]),
          Math.max(last[2], c.box[2]),
          Math.max(last[3], c.box[3]),
        ];
      else boxes.push([...c.box]);
    }
    const neighbour = (i: number): Box | null => {
      const c = printed.chars[i];
      return c && chars[0] && Math.abs(c.box[1] - (i < at ? chars[0] : chars[chars.length - 1]!).box[1]) < 10 ? c.box : null;
    };
    return { boxes, before: neighbour(at - 1), after: neighbour(at + phrase.length) };
  }

  const PHRASES = ['张建国', '330602199005031234', '13857512345', '人民币3200元', '3200', '华为手机', '周明', '郑凯'];

  it.each(PHRASES)('lights %s on its printed characters, not its neighbours', (phrase) => {
    const at = read.text.indexOf(phrase);
    expect(at, `OCR read ${phrase}`).toBeGreaterThanOrEqual(0);
    const ranges = wordRanges(read.text, read.words);
    const boxes = boxesFor(at, at + phrase.length, read.words, ranges);
    const truth = truthOf(phrase);
    expect(boxes).toHaveLength(truth.boxes.length);
    boxes.forEach((b, i) => expect(iou(b, truth.boxes[i]!)).toBeGreaterThanOrEqual(0.5));
    // Not a whole character more on either side.
    if (truth.before) expect(covers(boxes[0]!, truth.before)).toBeLessThan(0.5);
    if (truth.after) expect(covers(boxes[boxes.length - 1]!, truth.after)).toBeLessThan(0.5);
  });

  it('lights an address over a line break line by line, leaving the ID and phone above it bare', () => {
    const phrase = '浙江省绍兴市越城区城南街道环城南路88号';
    const flat = read.text.replace(/\n/g, '');
    expect(flat).toContain(phrase);
    // Find it in the text as read, line break and all.
    const ranges = wordRanges(read.text, read.words);
    let start = -1;
    let end = -1;
    for (let i = 0, k = 0; i < read.text.length; i++) {
      if (read.text[i] === '\n') continue;
      if (k === flat.indexOf(phrase)) start = i;
      if (k === flat.indexOf(phrase) + phrase.length - 1) end = i + 1;
      k++;
    }
    const boxes = boxesFor(start, end, read.words, ranges);
    const truth = truthOf(phrase);
    // Printed over two lines, as laid out.
    expect(truth.boxes).toHaveLength(2);
    expect(boxes).toHaveLength(2);
    boxes.forEach((b, i) => expect(iou(b, truth.boxes[i]!)).toBeGreaterThanOrEqual(0.5));
    for (const other of ['330602199005031234', '13857512345']) {
      for (const t of truthOf(other).boxes) for (const b of boxes) expect(covers(b, t)).toBeLessThan(0.1);
    }
  });
});
