// A scanned PDF page is usually one picture drawn over the whole page. Its
// stored bytes (a JPEG, or deflated pixels) are the page: handing them to
// sharp (libvips, native) skips pdf.js, which decodes JPEG in JavaScript on
// the main thread (~1.4 s a page under load). A small reader of the file's
// cross-reference (tables, streams, object streams) finds the picture; any
// page that is more than one plain picture covering it returns null and is
// rendered by pdf.js as before.
// The PDF's syntax is read by pdf-syntax.ts, its objects by pdf-objects.ts.
import { PdfFile } from './pdf-objects.js';
import { Lexer, Unsupported, filterNames, isName } from './pdf-syntax.js';
import type { Name, PdfValue } from './pdf-syntax.js';

export type EmbeddedImage =
  | { kind: 'jpeg'; bytes: Buffer; width: number; height: number; rotate: PageRotation; pageWidthPt: number }
  | { kind: 'raw'; bytes: Buffer; channels: 1 | 3; width: number; height: number; rotate: PageRotation; pageWidthPt: number };
export type PageRotation = 0 | 90 | 180 | 270;

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

// Operators that only set graphics state no picture depends on.
const HARMLESS = new Set(['w', 'J', 'j', 'M', 'd', 'ri', 'i']);

const files = new WeakMap<Uint8Array, PdfFile | null>();

function fileFor(bytes: Uint8Array): PdfFile | null {
  let f = files.get(bytes);
  if (f === undefined) {
    try {
      f = new PdfFile(bytes);
    } catch {
      f = null;
    }
    files.set(bytes, f);
  }
  return f;
}

/**
 * The page's picture when the page is exactly one upright image covering it,
 * with no mask, decode array or colour space sharp would read differently
 * from pdf.js; otherwise null (render the page instead). Pages are 1-based.
 */
export function singleImageOfPage(bytes: Uint8Array, pageNo: number): EmbeddedImage | null {
  const file = fileFor(bytes);
  if (!file) return null;
  try {
    return findImage(file, pageNo);
  } catch (err) {
    if (err instanceof Unsupported || err instanceof RangeError || err instanceof TypeError) return null;
    // zlib errors and the like: a damaged stream is pdf.js's to judge
    return null;
  }
}

function findImage(file: PdfFile, pageNo: number): EmbeddedImage | null {
  const page = file.pages()[pageNo - 1];
  if (!page) return null;
  const box = (file.resolve(page.dict.get('CropBox')) ?? file.resolve(page.dict.get('MediaBox'))) as PdfValue;
  if (!Array.isArray(box) || box.length !== 4) return null;
  const [bx0, by0, bx1, by1] = box.map((v) => file.resolve(v)) as number[];
  if ([bx0, by0, bx1, by1].some((v) => typeof v !== 'number')) return null;
  const x0 = Math.min(bx0 as number, bx1 as number);
  const x1 = Math.max(bx0 as number, bx1 as number);
  const y0 = Math.min(by0 as number, by1 as number);
  const y1 = Math.max(by0 as number, by1 as number);
  const rotateRaw = Number(file.resolve(page.dict.get('Rotate')) ?? 0);
  const rotate = (((rotateRaw % 360) + 360) % 360) as PageRotation;
  if (![0, 90, 180, 270].includes(rotate)) return null;

  // The content: one picture drawn, nothing else painted.
  const contents = file.resolve(page.dict.get('Contents'));
  const parts = Array.isArray(contents) ? contents : [contents];
  const chunks: Uint8Array[] = [];
  for (const part of parts) {
    const s = file.streamOf(part as PdfValue);
    if (!s) return null;
    chunks.push(file.decode(s), Uint8Array.of(0x0a));
  }
  const content = Buffer.concat(chunks);
  const lx = new Lexer(content);
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  let operands: PdfValue[] = [];
  let drawn: { name: string; m: Matrix } | undefined;
  while (!lx.atEnd()) {
    const v = lx.value();
    if (typeof v !== 'object' || v === null || !('op' in v)) {
      operands.push(v);
      continue;
    }
    const op = v.op;
    if (op === 'q') stack.push(ctm);
    else if (op === 'Q') ctm = stack.pop() ?? ctm;
    else if (op === 'cm') {
      if (operands.length !== 6 || operands.some((o) => typeof o !== 'number')) return null;
      ctm = multiply(operands as Matrix, ctm);
    } else if (op === 'Do') {
      const name = operands[0];
      if (drawn || !isName(name)) return null;
      drawn = { name: name.name, m: ctm };
    } else if (!HARMLESS.has(op)) return null;
    operands = [];
  }
  if (!drawn) return null;

  const xobjects = file.dictOf(file.dictOf(page.dict.get('Resources'))?.get('XObject'));
  const img = file.streamOf(xobjects?.get(drawn.name));
  if (!img) return null;
  const d = img.dict;
  const subtype = file.resolve(d.get('Subtype'));
  if (!isName(subtype as PdfValue) || (subtype as Name).name !== 'Image') return null;
  if (d.has('SMask') || d.has('Mask') || d.has('Decode') || file.resolve(d.get('ImageMask')) === true) return null;
  const width = Number(file.resolve(d.get('Width')));
  const height = Number(file.resolve(d.get('Height')));
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) return null;
  const bpc = Number(file.resolve(d.get('BitsPerComponent')) ?? 8);
  const channels = colourChannels(file, d.get('ColorSpace'));

  // Placed upright over the whole page (a scan's matrix is [w 0 0 h x y]).
  const [a, b, c, dd, e, f] = drawn.m;
  const tolerance = Math.max(1, 0.01 * Math.max(x1 - x0, y1 - y0));
  if (Math.abs(b) > 1e-6 || Math.abs(c) > 1e-6 || a <= 0 || dd <= 0) return null;
  if (Math.abs(e - x0) > tolerance || Math.abs(f - y0) > tolerance || Math.abs(e + a - x1) > tolerance || Math.abs(f + dd - y1) > tolerance)
    return null;

  const filters = filterNames(file.resolve(d.get('Filter')) as PdfValue);
  const pageWidthPt = x1 - x0;
  if (filters.length === 1 && filters[0] === 'DCTDecode') {
    // CMYK JPEGs (Adobe's inverted ones included) are left to pdf.js.
    if (channels !== 1 && channels !== 3) return null;
    const parms = file.dictOf(d.get('DecodeParms'));
    if (parms?.has('ColorTransform')) return null;
    return {
      kind: 'jpeg',
      bytes: Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength),
      width,
      height,
      rotate,
      pageWidthPt,
    };
  }
  if (
    filters.length <= 1 &&
    (filters[0] === undefined || filters[0] === 'FlateDecode') &&
    bpc === 8 &&
    (channels === 1 || channels === 3)
  ) {
    const pixels = file.decode(img);
    if (pixels.length < width * height * channels) return null;
    return {
      kind: 'raw',
      bytes: Buffer.from(pixels.buffer, pixels.byteOffset, width * height * channels),
      channels,
      width,
      height,
      rotate,
      pageWidthPt,
    };
  }
  return null;
}

/** 1 or 3 for grey and RGB (ICC-based included), 0 for anything else. */
function colourChannels(file: PdfFile, cs: PdfValue | undefined): number {
  const v = file.resolve(cs) as PdfValue;
  if (isName(v)) return v.name === 'DeviceGray' || v.name === 'CalGray' ? 1 : v.name === 'DeviceRGB' || v.name === 'CalRGB' ? 3 : 0;
  if (Array.isArray(v) && isName(v[0]) && v[0].name === 'ICCBased') {
    const icc = file.streamOf(v[1]);
    const n = Number(file.resolve(icc?.dict.get('N')));
    return n === 1 || n === 3 ? n : 0;
  }
  if (Array.isArray(v) && isName(v[0]) && (v[0].name === 'CalGray' || v[0].name === 'CalRGB')) return v[0].name === 'CalGray' ? 1 : 3;
  return 0;
}
