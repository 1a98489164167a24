// Enormous pictures. A real 20,000×20,000 scan (400 MP) is read, shrunk as it is decoded to
// at most 40 MP for OCR and to the viewer's width, in bounded memory; a 100,000×100,000 PNG
// bomb (10 GP) is refused at ingest with its size in Chinese, from its header alone.
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { readCaseFile } from '../../../electron/core/ingest/read-file.js';
import { pageImage, renderPage } from '../../../electron/core/render/index.js';
import { MAX_IMAGE_RASTER_PIXELS, MAX_SOURCE_PIXELS, pixelsInChinese } from '../../../electron/core/render/limits.js';
import { paperScanPng } from '../../support/hostile-image.js';
import { peakRssMb, rssMb, SCAN_LINES, SCAN_SIDE } from '../../support/hostile-corpus.js';

describe('a 20,000×20,000 scan', () => {
  let png: Buffer;

  it('is a real image of that size, with its text (the generator is honest)', async () => {
    png = await paperScanPng(
      SCAN_SIDE,
      SCAN_SIDE,
      SCAN_LINES.map((text, i) => ({ text, left: 1200, top: 1200 + i * 240, size: 120 })),
    );
    const meta = await sharp(png, { limitInputPixels: false }).metadata();
    expect([meta.width, meta.height]).toEqual([20_000, 20_000]);
    const strip = async (top: number, height: number) =>
      (
        await sharp(png, { limitInputPixels: false }).extract({ left: 0, top, width: 20_000, height }).toColourspace('b-w').raw().toBuffer()
      ).reduce((a, b) => Math.min(a, b), 255);
    // the ink is where it was drawn, and the last rows decode (a PNG is read row after row) as paper
    expect(await strip(1200, 160)).toBeLessThan(64);
    expect(await strip(19_936, 64)).toBe(255);
  });

  it('is accepted at ingest with its real size', async () => {
    const read = await readCaseFile(png, 'image');
    expect(read.pages).toEqual([{ page: 1, text: null, width: 20_000, height: 20_000, source: 'text-layer' }]);
  });

  it('is shrunk for OCR to at most 40 MP, and for the viewer to its width, in bounded memory', async () => {
    const before = rssMb();
    const t0 = performance.now();
    const forOcr = await pageImage({ kind: 'image', bytes: png }, 1, { dpi: 300 });
    const ocrMs = performance.now() - t0;
    const afterOcr = rssMb();
    const forViewer = await renderPage({ kind: 'image', bytes: png }, 1, { dpi: 150, maxWidth: 1400 });
    console.log(
      `[hostile] 20,000×20,000 PNG (${(png.length / 1e6).toFixed(2)} MB): OCR image ${forOcr.width}×${forOcr.height} in ${Math.round(ocrMs)} ms, RSS ${before} → ${afterOcr} MB (peak ${peakRssMb()} MB); viewer ${forViewer.width}×${forViewer.height}`,
    );
    expect(forOcr.width * forOcr.height).toBeLessThanOrEqual(MAX_IMAGE_RASTER_PIXELS);
    expect(forOcr.width).toBeGreaterThan(6000);
    expect([forViewer.width, forViewer.height]).toEqual([1400, 1400]);
    // Decoded whole, the page alone would be 400 MB grey (1.2 GB as RGB).
    expect(afterOcr - before).toBeLessThan(300);
    const shrunk = await sharp(forOcr.image).metadata();
    expect([shrunk.width, shrunk.height]).toEqual([forOcr.width, forOcr.height]);
  });
});

describe('a 100,000×100,000 PNG bomb', () => {
  it('is refused at ingest from its header, naming its size and the limit', async () => {
    const bomb = await paperScanPng(100_000, 100_000, []);
    expect(bomb.length).toBeLessThan(16e6);
    await expect(readCaseFile(bomb, 'image')).rejects.toThrow(
      `图片过大（100000×100000 像素，约 100 亿像素，超过 ${pixelsInChinese(MAX_SOURCE_PIXELS)}像素的上限），已跳过（image too large）`,
    );
    // and a page of it asked for anyway is refused where it would be decoded
    await expect(renderPage({ kind: 'image', bytes: bomb }, 1, { maxWidth: 100 })).rejects.toThrow(/^图片过大（100000×100000 像素/);
  });
});

describe('pixelsInChinese', () => {
  it('counts as a Chinese reader does', () => {
    expect(pixelsInChinese(600_000_000)).toBe('6 亿');
    expect(pixelsInChinese(10_000_000_000)).toBe('100 亿');
    expect(pixelsInChinese(450_000_000)).toBe('4.5 亿');
    expect(pixelsInChinese(40_000_000)).toBe('4000 万');
  });
});
