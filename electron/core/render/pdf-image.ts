// A scanned PDF page is usually one picture drawn over the whole page. Its
// stored bytes (a JPEG, or deflated pixels) are the page: handing them to
// sharp (libvips, native) skips pdf.js, which decodes JPEG in JavaScript on
// the main thread (~1.4 s a page under load). A small reader of the file's
// cross-reference (tables, streams, object streams) finds the picture; any
// page that is more than one plain picture covering it returns null and is
// rendered by pdf.js as before.
import { inflateSync } from 'node:zlib';

export type EmbeddedImage =
  | { kind: 'jpeg'; bytes: Buffer; width: number; height: number; rotate: PageRotation; pageWidthPt: number }
  | { kind: 'raw'; bytes: Buffer; channels: 1 | 3; width: number; height: number; rotate: PageRotation; pageWidthPt: number };
export type PageRotation = 0 | 90 | 180 | 270;

interface Ref {
  ref: [number, number];
}
interface Name {
  name: string;
}
type PdfValue = number | boolean | null | Name | Uint8Array | PdfValue[] | PdfDict | Ref;
interface PdfDict {
  dict: Map<string, PdfValue>;
}
interface PdfStream {
  dict: Map<string, PdfValue>;
  data: Uint8Array;
}

const isRef = (v: PdfValue | undefined): v is Ref => typeof v === 'object' && v !== null && 'ref' in v;
const isName = (v: PdfValue | undefined): v is Name => typeof v === 'object' && v !== null && 'name' in v;
const isDict = (v: PdfValue | undefined): v is PdfDict => typeof v === 'object' && v !== null && 'dict' in v;

class Unsupported extends Error {}

const WS = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

/** Tokens and objects of PDF syntax over a byte range. */
class Lexer {
  constructor(
    readonly b: Uint8Array,
    public pos = 0,
    readonly end = b.length,
  ) {}

  skipWs(): void {
    const { b } = this;
    while (this.pos < this.end) {
      const c = b[this.pos] as number;
      if (WS.has(c)) this.pos++;
      else if (c === 0x25) {
        while (this.pos < this.end && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
      } else break;
    }
  }

  /** A bare word: number, keyword or operator. */
  word(): string {
    this.skipWs();
    const start = this.pos;
    while (this.pos < this.end) {
      const c = this.b[this.pos] as number;
      if (WS.has(c) || DELIM.has(c)) break;
      this.pos++;
    }
    return latin1(this.b, start, this.pos);
  }

  atEnd(): boolean {
    this.skipWs();
    return this.pos >= this.end;
  }

  /** One object; `op` collects a bare keyword that is not a value (content-stream operators). */
  value(): PdfValue | { op: string } {
    this.skipWs();
    const b = this.b;
    const c = b[this.pos];
    if (c === undefined) throw new Unsupported('unexpected end');
    if (c === 0x2f) {
      // /Name
      this.pos++;
      const start = this.pos;
      while (this.pos < this.end && !WS.has(b[this.pos] as number) && !DELIM.has(b[this.pos] as number)) this.pos++;
      return { name: latin1(b, start, this.pos).replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) };
    }
    if (c === 0x3c && b[this.pos + 1] === 0x3c) {
      // << dict >>
      this.pos += 2;
      const dict = new Map<string, PdfValue>();
      for (;;) {
        this.skipWs();
        if (b[this.pos] === 0x3e && b[this.pos + 1] === 0x3e) {
          this.pos += 2;
          return { dict };
        }
        const key = this.value();
        if (!isName(key as PdfValue)) throw new Unsupported('bad dictionary key');
        dict.set((key as Name).name, this.plain());
      }
    }
    if (c === 0x3c) {
      // <hex>
      const close = b.indexOf(0x3e, this.pos);
      if (close < 0) throw new Unsupported('bad hex string');
      const hex = latin1(b, this.pos + 1, close).replace(/\s/g, '');
      this.pos = close + 1;
      return Uint8Array.from(Buffer.from(hex.length % 2 ? hex + '0' : hex, 'hex'));
    }
    if (c === 0x28) {
      // (literal), only skipped over: no value here needs its text
      let depth = 0;
      const start = this.pos;
      for (; this.pos < this.end; this.pos++) {
        const ch = b[this.pos];
        if (ch === 0x5c) {
          this.pos++;
          continue;
        }
        if (ch === 0x28) depth++;
        else if (ch === 0x29 && --depth === 0) {
          this.pos++;
          return b.subarray(start + 1, this.pos - 1);
        }
      }
      throw new Unsupported('unterminated string');
    }
    if (c === 0x5b) {
      // [array]
      this.pos++;
      const arr: PdfValue[] = [];
      for (;;) {
        this.skipWs();
        if (b[this.pos] === 0x5d) {
          this.pos++;
          return arr;
        }
        arr.push(this.plain());
      }
    }
    if (c === 0x5d || c === 0x3e || c === 0x7b || c === 0x7d || c === 0x29) throw new Unsupported('stray delimiter');
    const w = this.word();
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(w)) {
      // "n g R" is a reference
      const save = this.pos;
      if (/^\d+$/.test(w)) {
        const g = this.word();
        if (/^\d+$/.test(g)) {
          const r = this.word();
          if (r === 'R') return { ref: [Number(w), Number(g)] };
        }
      }
      this.pos = save;
      return Number(w);
    }
    if (w === 'true') return true;
    if (w === 'false') return false;
    if (w === 'null') return null;
    if (w.length === 0) throw new Unsupported('empty token');
    return { op: w };
  }

  plain(): PdfValue {
    const v = this.value();
    if (typeof v === 'object' && v !== null && 'op' in v) throw new Unsupported(`unexpected ${v.op}`);
    return v;
  }
}

function latin1(b: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(b[i] as number);
  return s;
}

type XrefEntry = { offset: number } | { stream: number; index: number };

/** The objects of one PDF file, read lazily through its cross-reference. */
export class PdfFile {
  private readonly xref = new Map<number, XrefEntry>();
  private readonly cache = new Map<number, PdfValue | PdfStream>();
  private readonly objStreams = new Map<number, { data: Uint8Array; offsets: Map<number, number> }>();
  readonly trailer: Map<string, PdfValue>;
  private pageList: PdfDict[] | undefined;

  constructor(private readonly b: Uint8Array) {
    const tail = latin1(b, Math.max(0, b.length - 2048), b.length);
    const m = /startxref\s+(\d+)/g;
    let last: RegExpExecArray | null = null;
    for (let x = m.exec(tail); x; x = m.exec(tail)) last = x;
    if (!last) throw new Unsupported('no startxref');
    let trailer: Map<string, PdfValue> | undefined;
    const seen = new Set<number>();
    let next: number | undefined = Number(last[1]);
    while (next !== undefined && !seen.has(next)) {
      seen.add(next);
      const t = this.readXrefSection(next);
      trailer ??= t;
      const stm = t.get('XRefStm');
      if (typeof stm === 'number' && !seen.has(stm)) {
        seen.add(stm);
        this.readXrefSection(stm);
      }
      const prev = t.get('Prev');
      next = typeof prev === 'number' ? prev : undefined;
    }
    if (!trailer) throw new Unsupported('no trailer');
    if (trailer.has('Encrypt')) throw new Unsupported('encrypted');
    this.trailer = trailer;
  }

  /** Entries of later sections (read first) win over earlier ones. */
  private readXrefSection(offset: number): Map<string, PdfValue> {
    const lx = new Lexer(this.b, offset);
    const save = lx.pos;
    if (lx.word() === 'xref') {
      for (;;) {
        const w = lx.word();
        if (w === 'trailer') break;
        const start = Number(w);
        const count = Number(lx.word());
        if (!Number.isInteger(start) || !Number.isInteger(count)) throw new Unsupported('bad xref table');
        for (let i = 0; i < count; i++) {
          const off = Number(lx.word());
          lx.word();
          const kind = lx.word();
          if (kind === 'n' && !this.xref.has(start + i)) this.xref.set(start + i, { offset: off });
          else if (kind === 'f' && !this.xref.has(start + i)) this.xref.set(start + i, { offset: -1 });
        }
      }
      const t = lx.plain();
      if (!isDict(t)) throw new Unsupported('bad trailer');
      return t.dict;
    }
    lx.pos = save;
    const stream = this.parseIndirectAt(offset);
    if (
      typeof stream !== 'object' ||
      stream === null ||
      !('data' in stream) ||
      !isName(stream.dict.get('Type')) ||
      (stream.dict.get('Type') as Name).name !== 'XRef'
    )
      throw new Unsupported('bad xref stream');
    const data = this.decode(stream);
    const w = (stream.dict.get('W') as number[] | undefined) ?? [];
    const [w0 = 0, w1 = 0, w2 = 0] = w;
    const size = Number(stream.dict.get('Size'));
    const index = (stream.dict.get('Index') as number[] | undefined) ?? [0, size];
    const rowLen = w0 + w1 + w2;
    const field = (p: number, n: number, dflt: number): number => {
      if (n === 0) return dflt;
      let v = 0;
      for (let i = 0; i < n; i++) v = v * 256 + (data[p + i] as number);
      return v;
    };
    let p = 0;
    for (let s = 0; s + 1 < index.length; s += 2) {
      const first = index[s] as number;
      const count = index[s + 1] as number;
      for (let i = 0; i < count && p + rowLen <= data.length; i++, p += rowLen) {
        const type = field(p, w0, 1);
        const a = field(p + w0, w1, 0);
        const c = field(p + w0 + w1, w2, 0);
        const num = first + i;
        if (this.xref.has(num)) continue;
        if (type === 1) this.xref.set(num, { offset: a });
        else if (type === 2) this.xref.set(num, { stream: a, index: c });
        else this.xref.set(num, { offset: -1 });
      }
    }
    return stream.dict;
  }

  private parseIndirectAt(offset: number): PdfValue | PdfStream {
    const lx = new Lexer(this.b, offset);
    lx.word();
    lx.word();
    if (lx.word() !== 'obj') throw new Unsupported(`no object at ${offset}`);
    const v = lx.plain();
    if (!isDict(v)) return v;
    const save = lx.pos;
    if (lx.word() !== 'stream') {
      lx.pos = save;
      return v;
    }
    let start = lx.pos;
    if (this.b[start] === 0x0d) start++;
    if (this.b[start] === 0x0a) start++;
    let length = v.dict.get('Length');
    if (isRef(length)) length = this.resolve(length);
    let end: number;
    if (typeof length === 'number' && latin1(this.b, start + length, Math.min(this.b.length, start + length + 12)).includes('endstream'))
      end = start + length;
    else {
      const at = Buffer.from(this.b.buffer, this.b.byteOffset, this.b.byteLength).indexOf('endstream', start, 'latin1');
      if (at < 0) throw new Unsupported('unterminated stream');
      end = at;
      while (end > start && (this.b[end - 1] === 0x0a || this.b[end - 1] === 0x0d)) end--;
    }
    return { dict: v.dict, data: this.b.subarray(start, end) };
  }

  object(num: number): PdfValue | PdfStream {
    const hit = this.cache.get(num);
    if (hit !== undefined) return hit;
    const e = this.xref.get(num);
    let v: PdfValue | PdfStream = null;
    if (e && 'offset' in e) {
      if (e.offset >= 0) v = this.parseIndirectAt(e.offset);
    } else if (e) v = this.fromObjStream(e.stream, num);
    this.cache.set(num, v);
    return v;
  }

  private fromObjStream(streamNum: number, num: number): PdfValue {
    let os = this.objStreams.get(streamNum);
    if (!os) {
      const s = this.object(streamNum);
      if (typeof s !== 'object' || s === null || !('data' in s)) throw new Unsupported('bad object stream');
      const data = this.decode(s as PdfStream);
      const n = Number(s.dict.get('N'));
      const first = Number(s.dict.get('First'));
      const lx = new Lexer(data);
      const offsets = new Map<number, number>();
      for (let i = 0; i < n; i++) offsets.set(Number(lx.word()), first + Number(lx.word()));
      os = { data, offsets };
      this.objStreams.set(streamNum, os);
    }
    const at = os.offsets.get(num);
    if (at === undefined) return null;
    return new Lexer(os.data, at).plain();
  }

  resolve(v: PdfValue | undefined): PdfValue | PdfStream | undefined {
    for (let i = 0; i < 32 && isRef(v); i++) v = this.object(v.ref[0]) as PdfValue;
    return v;
  }

  dictOf(v: PdfValue | undefined): Map<string, PdfValue> | undefined {
    const r = this.resolve(v);
    if (typeof r !== 'object' || r === null) return undefined;
    if ('dict' in r) return r.dict;
    return undefined;
  }

  streamOf(v: PdfValue | undefined): PdfStream | undefined {
    const r = this.resolve(v);
    return typeof r === 'object' && r !== null && 'data' in r ? r : undefined;
  }

  /** A stream's bytes with its filters undone; only FlateDecode (and PNG predictors) are known here. */
  decode(s: PdfStream): Uint8Array {
    const filters = filterNames(this.resolve(s.dict.get('Filter')) as PdfValue);
    if (filters.length === 0) return s.data;
    if (filters.length > 1 || filters[0] !== 'FlateDecode') throw new Unsupported(`filter ${filters.join(',')}`);
    const out = new Uint8Array(inflateSync(s.data));
    const parms = this.dictOf(s.dict.get('DecodeParms'));
    const predictor = Number(parms?.get('Predictor') ?? 1);
    if (predictor <= 1) return out;
    if (predictor < 10) throw new Unsupported('TIFF predictor');
    const colors = Number(parms?.get('Colors') ?? 1);
    const bpc = Number(parms?.get('BitsPerComponent') ?? 8);
    const columns = Number(parms?.get('Columns') ?? 1);
    return unpredictPng(out, Math.ceil((colors * bpc) / 8), Math.ceil((colors * bpc * columns) / 8));
  }

  /** Pages in order with their inherited attributes. */
  pages(): PdfDict[] {
    if (this.pageList) return this.pageList;
    const root = this.dictOf(this.trailer.get('Root'));
    const list: PdfDict[] = [];
    const walk = (node: PdfValue | undefined, inherited: Map<string, PdfValue>, depth: number): void => {
      const d = this.dictOf(node);
      if (!d || depth > 64) throw new Unsupported('bad page tree');
      const here = new Map(inherited);
      for (const k of ['Resources', 'MediaBox', 'CropBox', 'Rotate']) if (d.has(k)) here.set(k, d.get(k) as PdfValue);
      const kids = this.resolve(d.get('Kids'));
      if (Array.isArray(kids)) for (const k of kids) walk(k, here, depth + 1);
      else {
        const page = new Map(d);
        for (const [k, v] of here) page.set(k, v);
        list.push({ dict: page });
      }
    };
    walk(root?.get('Pages'), new Map(), 0);
    this.pageList = list;
    return list;
  }
}

function filterNames(f: PdfValue | undefined): string[] {
  if (f === undefined || f === null) return [];
  if (isName(f)) return [f.name];
  if (Array.isArray(f)) return f.map((x) => (isName(x) ? x.name : '?'));
  return ['?'];
}

function unpredictPng(data: Uint8Array, bpp: number, rowLen: number): Uint8Array {
  const rows = Math.floor(data.length / (rowLen + 1));
  const out = new Uint8Array(rows * rowLen);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLen + 1)] as number;
    const src = r * (rowLen + 1) + 1;
    const dst = r * rowLen;
    for (let i = 0; i < rowLen; i++) {
      const x = data[src + i] as number;
      const left = i >= bpp ? (out[dst + i - bpp] as number) : 0;
      const up = r > 0 ? (out[dst - rowLen + i] as number) : 0;
      const ul = r > 0 && i >= bpp ? (out[dst - rowLen + i - bpp] as number) : 0;
      let v: number;
      switch (type) {
        case 0:
          v = x;
          break;
        case 1:
          v = x + left;
          break;
        case 2:
          v = x + up;
          break;
        case 3:
          v = x + ((left + up) >> 1);
          break;
        case 4: {
          const p = left + up - ul;
          const pa = Math.abs(p - left);
          const pb = Math.abs(p - up);
          const pc = Math.abs(p - ul);
          v = x + (pa <= pb && pa <= pc ? left : pb <= pc ? up : ul);
          break;
        }
        default:
          throw new Unsupported('bad PNG predictor');
      }
      out[dst + i] = v & 0xff;
    }
  }
  return out;
}

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
