import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { closePdfs, pageImage, renderPage } from '../../../electron/core/render/index.js';
import { renderPdfPage } from '../../../electron/core/render/pdf.js';
import { singleImageOfPage } from '../../../electron/core/render/pdf-image.js';
import { imagePdf } from '../../fixtures/generator/render.js';
import { writeTextPdf } from '../../support/text-pdf.js';

const DPI = 200;

/** A grey page of print-like strokes and a gradient, A4 at 100 dpi unless told. */
async function scanLike(width = 827, height = 1169): Promise<{ grey: Buffer; width: number; height: number }> {
  const grey = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const stroke = y % 40 < 24 && (x % 30 < 4 || y % 40 < 3) && x > 60 && x < width - 60;
      grey[y * width + x] = stroke ? 30 : 235 - Math.round((x / width) * 30);
    }
  }
  return { grey, width, height };
}

/** Mean absolute difference of two images' grey levels (same size required). */
async function greyDifference(a: Buffer, b: Buffer): Promise<{ mean: number; sameSize: boolean }> {
  const x = await sharp(a).greyscale().raw().toBuffer({ resolveWithObject: true });
  const y = await sharp(b).greyscale().raw().toBuffer({ resolveWithObject: true });
  if (x.info.width !== y.info.width || x.info.height !== y.info.height) return { mean: Infinity, sameSize: false };
  let sum = 0;
  for (let i = 0; i < x.data.length; i++) sum += Math.abs((x.data[i] as number) - (y.data[i] as number));
  return { mean: sum / x.data.length, sameSize: true };
}

async function pdfJsPng(bytes: Uint8Array, page: number, dpi: number): Promise<Buffer> {
  const r = await renderPdfPage(bytes, page, dpi / 72);
  return sharp(Buffer.from(r.rgba.buffer, r.rgba.byteOffset, r.rgba.byteLength), { raw: { width: r.width, height: r.height, channels: 4 } })
    .removeAlpha()
    .png()
    .toBuffer();
}

/**
 * A PDF 1.5 written by hand the way newer scanners and optimisers write it:
 * the page tree in a compressed object stream, a cross-reference stream with a
 * PNG predictor, the page size inherited from the page tree, and the picture
 * as deflated grey pixels with a PNG predictor (rows of every filter type).
 */
function objectStreamPdf(img: { grey: Buffer; width: number; height: number }, dpi: number): Buffer {
  const wPt = (img.width * 72) / dpi;
  const hPt = (img.height * 72) / dpi;
  // PNG-predicted rows: filter type cycles 0..4.
  const rows: Buffer[] = [];
  for (let y = 0; y < img.height; y++) {
    const type = y % 5;
    const row = Buffer.alloc(img.width + 1);
    row[0] = type;
    for (let x = 0; x < img.width; x++) {
      const cur = img.grey[y * img.width + x] as number;
      const left = x > 0 ? (img.grey[y * img.width + x - 1] as number) : 0;
      const up = y > 0 ? (img.grey[(y - 1) * img.width + x] as number) : 0;
      const ul = x > 0 && y > 0 ? (img.grey[(y - 1) * img.width + x - 1] as number) : 0;
      const p = left + up - ul;
      const paeth =
        Math.abs(p - left) <= Math.abs(p - up) && Math.abs(p - left) <= Math.abs(p - ul)
          ? left
          : Math.abs(p - up) <= Math.abs(p - ul)
            ? up
            : ul;
      const pred = [0, left, up, (left + up) >> 1, paeth][type] as number;
      row[x + 1] = (cur - pred) & 0xff;
    }
    rows.push(row);
  }
  const image = deflateSync(Buffer.concat(rows));
  const content = deflateSync(Buffer.from(`q\n${wPt} 0 0 ${hPt} 0 0 cm\n/Im0 Do\nQ\n`, 'latin1'));
  const inStream = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 ${wPt} ${hPt}] >>`,
    '<< /Type /Page /Parent 2 0 R /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>',
  ];
  let header = '';
  let body = '';
  inStream.forEach((o, i) => {
    header += `${i + 1} ${body.length} `;
    body += `${o}\n`;
  });
  const objStm = deflateSync(Buffer.from(header + body, 'latin1'));
  const parts: Buffer[] = [Buffer.from('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets = new Map<number, number>();
  let length = parts[0]!.length;
  const add = (num: number, dict: string, stream: Buffer): void => {
    offsets.set(num, length);
    const chunk = Buffer.concat([
      Buffer.from(`${num} 0 obj\n${dict.replace('LEN', String(stream.length))}\nstream\n`, 'latin1'),
      stream,
      Buffer.from('\nendstream\nendobj\n', 'latin1'),
    ]);
    parts.push(chunk);
    length += chunk.length;
  };
  add(4, '<< /Length LEN /Filter /FlateDecode >>', content);
  add(
    5,
    `<< /Type /XObject /Subtype /Image /Width ${img.width} /Height ${img.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors 1 /BitsPerComponent 8 /Columns ${img.width} >> /Length LEN >>`,
    image,
  );
  add(6, `<< /Type /ObjStm /N 3 /First ${header.length} /Filter /FlateDecode /Length LEN >>`, objStm);
  // Cross-reference rows: type (1 byte), field 2 (4 bytes), field 3 (2 bytes), PNG "Up" predicted.
  const xrefOffset = length;
  const entries: [number, number, number][] = [
    [0, 0, 65535],
    [2, 6, 0],
    [2, 6, 1],
    [2, 6, 2],
    [1, offsets.get(4)!, 0],
    [1, offsets.get(5)!, 0],
    [1, offsets.get(6)!, 0],
    [1, xrefOffset, 0],
  ];
  const raw = entries.map(([t, a, b]) => {
    const r = Buffer.alloc(7);
    r[0] = t;
    r.writeUInt32BE(a, 1);
    r.writeUInt16BE(b, 5);
    return r;
  });
  const predicted = raw.map((r, i) => {
    const prev = i > 0 ? raw[i - 1]! : Buffer.alloc(7);
    return Buffer.concat([Buffer.of(2), Buffer.from(r.map((v, k) => (v - (prev[k] as number)) & 0xff))]);
  });
  add(
    7,
    '<< /Type /XRef /Size 8 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 7 >> /Length LEN >>',
    deflateSync(Buffer.concat(predicted)),
  );
  parts.push(Buffer.from(`startxref\n${xrefOffset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** pdfkit pages: one picture drawn at the given size and place. */
async function placedImagePdf(
  jpeg: Buffer,
  place: { x: number; y: number; w: number; h: number },
  page: [number, number],
): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.addPage({ size: page, margin: 0 });
  doc.image(jpeg, place.x, place.y, { width: place.w, height: place.h });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

describe("a scanned PDF page's own picture", () => {
  afterAll(async () => {
    await closePdfs();
  });

  it('gives the same pixels as rendering with pdf.js, for a JPEG page, without re-encoding it', async () => {
    const img = await scanLike(1654, 2339);
    const jpeg = await sharp(img.grey, { raw: { width: img.width, height: img.height, channels: 1 } })
      .jpeg({ quality: 80 })
      .toBuffer();
    const colour = await sharp(img.grey, { raw: { width: img.width, height: img.height, channels: 1 } })
      .tint('#c0a080')
      .jpeg({ quality: 80 })
      .toBuffer();
    const bytes = new Uint8Array(
      await imagePdf(
        [
          { jpeg, width: img.width, height: img.height },
          { jpeg: colour, width: img.width, height: img.height },
        ],
        DPI,
      ),
    );
    for (const page of [1, 2]) {
      const found = singleImageOfPage(bytes, page);
      expect(found?.kind).toBe('jpeg');
      const fast = await pageImage({ kind: 'pdf', bytes }, page, { dpi: DPI });
      expect(fast).toMatchObject({ embedded: true, format: 'jpeg', width: img.width, height: img.height });
      expect(fast.image.equals(page === 1 ? jpeg : colour)).toBe(true);
      const diff = await greyDifference(fast.image, await pdfJsPng(bytes, page, DPI));
      expect(diff.sameSize).toBe(true);
      // Two JPEG decoders (libjpeg, pdf.js's own) differ by rounding only.
      expect(diff.mean).toBeLessThan(2);
    }
    // The viewer's PNG comes from the same picture.
    const viewer = await renderPage({ kind: 'pdf', bytes }, 1, { dpi: DPI });
    expect([viewer.width, viewer.height]).toEqual([img.width, img.height]);
  });

  it('scales a picture finer than asked down to the asked resolution, and keeps within maxWidth', async () => {
    const img = await scanLike(1654, 2339);
    const jpeg = await sharp(img.grey, { raw: { width: img.width, height: img.height, channels: 1 } })
      .jpeg()
      .toBuffer();
    const bytes = new Uint8Array(await imagePdf([{ jpeg, width: img.width, height: img.height }], DPI));
    const at100 = await pageImage({ kind: 'pdf', bytes }, 1, { dpi: 100 });
    expect(at100.embedded).toBe(true);
    expect(at100.width).toBe(827);
    // A 200 dpi scan asked for at 300 keeps its own pixels: enlarging adds nothing to read.
    const at300 = await pageImage({ kind: 'pdf', bytes }, 1, { dpi: 300 });
    expect(at300.width).toBe(1654);
    const thumb = await renderPage({ kind: 'pdf', bytes }, 1, { dpi: 150, maxWidth: 400 });
    expect(thumb.width).toBe(400);
  });

  it('reads object streams, cross-reference streams and predicted deflated pixels', async () => {
    const img = await scanLike(413, 585);
    const bytes = new Uint8Array(objectStreamPdf(img, 50));
    const found = singleImageOfPage(bytes, 1);
    expect(found).toMatchObject({ kind: 'raw', channels: 1, width: 413, height: 585 });
    expect(found?.bytes.equals(img.grey)).toBe(true);
    const fast = await pageImage({ kind: 'pdf', bytes }, 1, { dpi: 50 });
    expect(fast.embedded).toBe(true);
    const diff = await greyDifference(fast.image, await pdfJsPng(bytes, 1, 50));
    expect(diff.sameSize).toBe(true);
    expect(diff.mean).toBeLessThan(1);
  });

  it('falls back to rendering for a vector page and for a picture that does not cover the page', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-embedded-'));
    try {
      const file = path.join(dir, 'text.pdf');
      await writeTextPdf(file, ['讯问笔录 侦查员：郑凯']);
      const text = new Uint8Array(fs.readFileSync(file));
      expect(singleImageOfPage(text, 1)).toBeNull();
      const rendered = await pageImage({ kind: 'pdf', bytes: text }, 1, { dpi: 72 });
      expect(rendered).toMatchObject({ embedded: false, format: 'png' });
      expect(rendered.width).toBe(595);

      const img = await scanLike(400, 300);
      const jpeg = await sharp(img.grey, { raw: { width: img.width, height: img.height, channels: 1 } })
        .jpeg()
        .toBuffer();
      const small = new Uint8Array(await placedImagePdf(jpeg, { x: 100, y: 100, w: 200, h: 150 }, [595, 842]));
      expect(singleImageOfPage(small, 1)).toBeNull();
      expect((await pageImage({ kind: 'pdf', bytes: small }, 1, { dpi: 72 })).embedded).toBe(false);
      expect(singleImageOfPage(new Uint8Array(Buffer.from('%PDF-1.4\nnot really\n')), 1)).toBeNull();
      expect(singleImageOfPage(small, 2)).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
