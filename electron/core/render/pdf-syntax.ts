// PDF syntax for the embedded-picture reader (pdf-image.ts): the value types, a lexer that reads
// tokens and objects over a byte range, and the error that sends a page back to pdf.js.

export interface Ref {
  ref: [number, number];
}
export interface Name {
  name: string;
}
export type PdfValue = number | boolean | null | Name | Uint8Array | PdfValue[] | PdfDict | Ref;
export interface PdfDict {
  dict: Map<string, PdfValue>;
}
export interface PdfStream {
  dict: Map<string, PdfValue>;
  data: Uint8Array;
}

export const isRef = (v: PdfValue | undefined): v is Ref => typeof v === 'object' && v !== null && 'ref' in v;
export const isName = (v: PdfValue | undefined): v is Name => typeof v === 'object' && v !== null && 'name' in v;
export const isDict = (v: PdfValue | undefined): v is PdfDict => typeof v === 'object' && v !== null && 'dict' in v;

export class Unsupported extends Error {}

const WS = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

/** Tokens and objects of PDF syntax over a byte range. */
export class Lexer {
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

export function latin1(b: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(b[i] as number);
  return s;
}

export function filterNames(f: PdfValue | undefined): string[] {
  if (f === undefined || f === null) return [];
  if (isName(f)) return [f.name];
  if (Array.isArray(f)) return f.map((x) => (isName(x) ? x.name : '?'));
  return ['?'];
}
