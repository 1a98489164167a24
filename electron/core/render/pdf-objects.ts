// The objects of one PDF file, read lazily through its cross-reference (tables, streams, object
// streams), with the one stream filter the picture reader needs (Flate, PNG predictors).
import { inflateSync } from 'node:zlib';
import { Lexer, Unsupported, filterNames, isDict, isName, isRef, latin1 } from './pdf-syntax.js';
import type { Name, PdfDict, PdfStream, PdfValue } from './pdf-syntax.js';

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
