import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cropToPgm, prepareForOcr, toPgm } from '../../../electron/core/ocr/preprocess.js';

function pgmPixels(pgm: Buffer): { width: number; height: number; pixels: Buffer } {
  const m = /^P5\n(\d+) (\d+)\n255\n/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!m) throw new Error('not a binary PGM');
  return { width: Number(m[1]), height: Number(m[2]), pixels: pgm.subarray(m[0].length) };
}

describe('the page tesseract is given', () => {
  it('is one grey channel as PGM, the same pixels as the grey buffer, with red ink lifted', async () => {
    const width = 60;
    const height = 40;
    const rgb = Buffer.alloc(width * height * 3, 240);
    for (let x = 0; x < 20; x++) for (let y = 0; y < height; y++) rgb.set([20, 20, 20], (y * width + x) * 3); // black ink
    for (let x = 30; x < 50; x++) for (let y = 0; y < height; y++) rgb.set([200, 40, 40], (y * width + x) * 3); // red seal
    const png = await sharp(rgb, { raw: { width, height, channels: 3 } })
      .png()
      .toBuffer();
    const page = await prepareForOcr(png);
    expect(page.colour).toBe(true);
    const { width: w, height: h, pixels } = pgmPixels(page.image);
    expect([w, h]).toEqual([width, height]);
    expect(pixels.equals(page.grey)).toBe(true);
    expect(page.grey[5]).toBeLessThan(40);
    expect(page.grey[40]).toBeGreaterThan(200);
  });

  it('crops, scales and thresholds regions without a PNG round trip', async () => {
    const grey = Buffer.alloc(100 * 50);
    for (let i = 0; i < grey.length; i++) grey[i] = i % 100 < 50 ? 30 : 220;
    const page = { grey, width: 100, height: 50 };
    const crop = pgmPixels(await cropToPgm(page, { left: 40, top: 10, width: 20, height: 10 }));
    expect([crop.width, crop.height]).toEqual([20, 10]);
    expect(crop.pixels[0]).toBe(30);
    expect(crop.pixels[19]).toBe(220);
    const doubled = pgmPixels(await cropToPgm(page, { left: 0, top: 0, width: 20, height: 10 }, { scale: 2 }));
    expect([doubled.width, doubled.height]).toEqual([40, 20]);
    const thresholded = pgmPixels(await cropToPgm(page, { left: 40, top: 0, width: 20, height: 10 }, { threshold: 128 }));
    expect(new Set(thresholded.pixels)).toEqual(new Set([0, 255]));
    expect(() => toPgm(Buffer.alloc(3), 2, 2)).toThrow(RangeError);
  });
});
