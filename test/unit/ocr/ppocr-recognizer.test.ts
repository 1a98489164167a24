// The PP-OCR recognizer (the app's ONNX models, in its worker threads) on
// lines rendered with a CJK font: exact text, and character boxes on their characters.
import { existsSync } from 'node:fs';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axisQuad } from '../../../electron/core/ocr/ppocr/image.js';
import { wordedLine } from '../../../electron/core/ocr/ppocr/line-recognizer.js';
import { PpocrPool } from '../../../electron/core/ocr/ppocr/pool.js';

const FONT = [
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
].find((f) => existsSync(f));

/** Lines of text drawn black on white, `size` px high, one above the other; grey bytes and each line's box. */
function render(
  lines: string[],
  size = 32,
): { grey: Uint8Array; width: number; height: number; boxes: [number, number, number, number][]; charX: number[][] } {
  const width = 900;
  const pitch = Math.round(size * 2);
  const height = pitch * lines.length + size;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  ctx.font = `${size}px CaseReviewTest`;
  ctx.textBaseline = 'top';
  const boxes: [number, number, number, number][] = [];
  const charX: number[][] = [];
  lines.forEach((text, i) => {
    const y = size / 2 + i * pitch;
    ctx.fillText(text, 40, y);
    const w = ctx.measureText(text).width;
    boxes.push([40 - size * 0.3, y - size * 0.3, 40 + w + size * 0.3, y + size * 1.3]);
    // Centre of each character along the line.
    const xs: number[] = [];
    let x = 40;
    for (const ch of text) {
      const cw = ctx.measureText(ch).width;
      xs.push(x + cw / 2);
      x += cw;
    }
    charX.push(xs);
  });
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const grey = new Uint8Array(width * height);
  for (let i = 0; i < grey.length; i++) grey[i] = rgba[i * 4] as number;
  return { grey, width, height, boxes, charX };
}

const LINES = ['被询问人：李丽娜', '胡玉珍', '身份证号码330681199407251249', '二〇二四年四月十七日', '联系电话13947016021'];

describe.skipIf(!FONT)('PP-OCR recognizer', () => {
  let pool: PpocrPool;
  beforeAll(async () => {
    GlobalFonts.registerFromPath(FONT as string, 'CaseReviewTest');
    pool = await PpocrPool.create({ workers: 1 });
  }, 120_000);
  afterAll(async () => {
    await pool?.close();
  });

  it('reads rendered lines exactly, from their boxes', async () => {
    const page = render(LINES);
    const read = await pool.recognize(
      page,
      page.boxes.map(([x0, y0, x1, y1]) => axisQuad(x0, y0, x1, y1)),
    );
    expect(read.map((l) => l.text)).toEqual(LINES);
    for (const l of read) expect(l.confidence).toBeGreaterThan(0.9);
  });

  it('reads them exactly after its own detection, in reading order, squeezed to 0.7 of their width', async () => {
    const page = render(LINES);
    const reading = await pool.readPage(page, { limitSide: 736, squeeze: 0.7 });
    expect(reading.lines.map((l) => l.text)).toEqual(LINES);
    expect(reading.turned180).toBe(false);
  });

  it('turns a page upside down when its lines read upside down', async () => {
    const page = render(LINES);
    const flipped = { ...page, grey: Uint8Array.from(page.grey).reverse() };
    const reading = await pool.readPage(flipped, { limitSide: 736 });
    expect(reading.turned180).toBe(true);
    expect(reading.lines.map((l) => l.text)).toEqual(LINES);
  });

  it('boxes each character on its character', async () => {
    const page = render(LINES);
    const [x0, y0, x1, y1] = page.boxes[0]!;
    const [line] = await pool.recognize(page, [axisQuad(x0, y0, x1, y1)]);
    const worded = wordedLine(line!);
    expect(worded?.words.map((w) => w.text).join('')).toBe(LINES[0]);
    worded!.words.forEach((w, i) => {
      const centre = page.charX[0]![i]!;
      // The box holds its character's centre and is no wider than two characters.
      expect(w.bbox[0]).toBeLessThanOrEqual(centre);
      expect(w.bbox[2]).toBeGreaterThanOrEqual(centre);
      expect(w.bbox[2] - w.bbox[0]).toBeLessThan(64);
    });
  });
});
