// A real, enormous grey scan without the time it takes to encode one: a PNG's pixels are
// one zlib stream of rows, and a band of white rows deflated from a fresh state can be
// repeated as it is. So a 20,000×20,000 page of white paper with lines of text is built in
// a fraction of a second, a valid PNG any decoder reads to its last row.
import zlib from 'node:zlib';
import sharp from 'sharp';

const BASE = 65521;

function adler32(b: Uint8Array): number {
  let a = 1;
  let s = 0;
  for (let i = 0; i < b.length;) {
    // 5552 bytes at most between reductions keep the sums below 2^32 (zlib's NMAX)
    const end = Math.min(b.length, i + 5552);
    for (; i < end; i++) {
      a += b[i]!;
      s += a;
    }
    a %= BASE;
    s %= BASE;
  }
  return ((s << 16) | a) >>> 0;
}

function adler32Combine(a1: number, a2: number, len2: number): number {
  const rem = len2 % BASE;
  let sum1 = a1 & 0xffff;
  let sum2 = (rem * sum1) % BASE;
  sum1 += (a2 & 0xffff) + BASE - 1;
  sum2 += ((a1 >>> 16) & 0xffff) + ((a2 >>> 16) & 0xffff) + BASE - rem;
  if (sum1 >= BASE) sum1 -= BASE;
  if (sum1 >= BASE) sum1 -= BASE;
  if (sum2 >= BASE * 2) sum2 -= BASE * 2;
  if (sum2 >= BASE) sum2 -= BASE;
  return ((sum2 << 16) | sum1) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(data, zlib.crc32(Buffer.from(type, 'latin1'))));
  return Buffer.concat([head, data, crc]);
}

export interface TextLine {
  text: string;
  left: number;
  top: number;
  size: number;
}

/** A grey line of text drawn by librsvg, as raw pixels. */
async function drawLine(l: TextLine): Promise<{ grey: Buffer; width: number; height: number }> {
  const width = Math.ceil(l.size * ([...l.text].length + 1));
  const height = Math.ceil(l.size * 1.4);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="white"/>` +
    `<text x="${l.size / 2}" y="${l.size * 1.1}" font-family="WenQuanYi Zen Hei" font-size="${l.size}" fill="black">${l.text}</text></svg>`;
  const { data, info } = await sharp(Buffer.from(svg), { density: 72 })
    .flatten({ background: '#ffffff' })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { grey: data.subarray(0, info.width * info.height), width: info.width, height: info.height };
}

/**
 * An 8-bit grey PNG of white paper with these lines of text (in WenQuanYi Zen Hei, which
 * the CI machine has, see text-pdf.ts). Rows without text are white bands repeated.
 */
export async function paperScanPng(width: number, height: number, lines: TextLine[]): Promise<Buffer> {
  const drawn = await Promise.all(lines.map(async (l) => ({ l, img: await drawLine(l) })));
  const stride = width + 1; // a filter byte (0: none) before each row
  const BAND = 64;
  const white = Buffer.alloc(stride * BAND, 255);
  for (let r = 0; r < BAND; r++) white[r * stride] = 0;
  const piece = (raw: Buffer) => ({
    deflated: zlib.deflateRawSync(raw, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH }),
    adler: adler32(raw),
    length: raw.length,
  });
  const whiteBand = piece(white);
  const pieces: { deflated: Buffer; adler: number; length: number }[] = [];
  for (let y = 0; y < height; y += BAND) {
    const rows = Math.min(BAND, height - y);
    const inked = drawn.filter(({ l, img }) => l.top < y + rows && l.top + img.height > y);
    if (rows === BAND && inked.length === 0) {
      pieces.push(whiteBand);
      continue;
    }
    const raw = Buffer.alloc(stride * rows, 255);
    for (let r = 0; r < rows; r++) raw[r * stride] = 0;
    for (const { l, img } of inked) {
      for (let r = 0; r < rows; r++) {
        const sy = y + r - l.top;
        if (sy < 0 || sy >= img.height) continue;
        const w = Math.min(img.width, width - l.left);
        img.grey.copy(raw, r * stride + 1 + l.left, sy * img.width, sy * img.width + w);
      }
    }
    pieces.push(piece(raw));
  }
  let adler = 1;
  for (const p of pieces) adler = adler32Combine(adler, p.adler, p.length);
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32BE(adler);
  // zlib header (deflate, 32 KB window, level 9), the pieces, an empty final block, the checksum
  const idat = Buffer.concat([Buffer.from([0x78, 0xda]), ...pieces.map((p) => p.deflated), Buffer.from([0x03, 0x00]), trailer]);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit grey, deflate, adaptive filtering, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
