import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePdfs, countPages, renderPage } from '../../../electron/core/render/index.js';
import { printPdf } from './scanned-page.js';

const run = promisify(execFile);

/** Share of pixels darker than mid-grey: print on the page. */
async function inkShare(png: Buffer): Promise<number> {
  const { data } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  let dark = 0;
  for (const v of data) if (v < 128) dark++;
  return dark / data.length;
}

describe('renderPage', () => {
  let pdf: Uint8Array;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'render-test-'));
    pdf = new Uint8Array(
      await printPdf(`<!doctype html><meta charset="utf-8"><style>@page{size:A4;margin:20mm}
      body{font-family:'Noto Serif CJK SC';font-size:16pt}</style>
      <p>讯问笔录</p><p>侦查员：郑凯、冯磊</p><div style="page-break-before:always">第二页：拘留通知书</div>`),
    );
  });
  afterAll(async () => {
    await closePdfs();
    await rm(dir, { recursive: true, force: true });
  });

  it('renders a page of a PDF with Chinese text at the asked resolution', async () => {
    expect(await countPages({ kind: 'pdf', bytes: pdf })).toBe(2);
    const page = await renderPage({ kind: 'pdf', bytes: pdf }, 1, { dpi: 100 });
    // A4 is 8.27 × 11.69 in.
    expect(page.width).toBeGreaterThanOrEqual(826);
    expect(page.width).toBeLessThanOrEqual(828);
    expect(page.height).toBeGreaterThanOrEqual(1168);
    expect(page.height).toBeLessThanOrEqual(1170);
    const meta = await sharp(page.png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', page.width, page.height]);
    const ink = await inkShare(page.png);
    expect(ink).toBeGreaterThan(0.001);
    expect(ink).toBeLessThan(0.2);
  });

  it('keeps within maxWidth and rejects pages that do not exist', async () => {
    const small = await renderPage({ kind: 'pdf', bytes: pdf }, 2, { maxWidth: 300 });
    expect(small.width).toBeLessThanOrEqual(300);
    expect(small.width).toBeGreaterThan(290);
    await expect(renderPage({ kind: 'pdf', bytes: pdf }, 3, {})).rejects.toThrow(RangeError);
    await expect(renderPage({ kind: 'pdf', bytes: pdf }, 0, {})).rejects.toThrow(RangeError);
  });

  it('counts and renders the pages of a multi-page TIFF', async () => {
    const sizes = [
      [400, 300],
      [500, 360],
      [320, 480],
    ] as const;
    const files = await Promise.all(
      sizes.map(async ([w, h], i) => {
        const file = join(dir, `p${i}.png`);
        await sharp({ create: { width: w, height: h, channels: 3, background: '#ffffff' } })
          .png()
          .toFile(file);
        return file;
      }),
    );
    const tiff = join(dir, 'volume.tif');
    await run('convert', [...files, '-compress', 'lzw', tiff]);
    const bytes = new Uint8Array(await readFile(tiff));
    expect(await countPages({ kind: 'tiff', bytes })).toBe(3);
    const second = await renderPage({ kind: 'tiff', bytes }, 2, {});
    expect([second.width, second.height]).toEqual([500, 360]);
    const third = await renderPage({ kind: 'tiff', bytes }, 3, { maxWidth: 160 });
    expect([third.width, third.height]).toEqual([160, 240]);
  });

  it('renders an image as one page', async () => {
    const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#ffffff' } })
      .jpeg()
      .toBuffer();
    const bytes = new Uint8Array(jpeg);
    expect(await countPages({ kind: 'image', bytes })).toBe(1);
    const page = await renderPage({ kind: 'image', bytes }, 1, {});
    expect([page.width, page.height]).toEqual([640, 480]);
  });
});
