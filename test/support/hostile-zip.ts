// ZIP files written byte by byte, so that a test controls what the headers claim: a DOCX
// whose document.xml inflates to gigabytes is a few megabytes built here in milliseconds,
// and a DOCX whose headers lie about the sizes is the same bytes with other numbers.
import zlib from 'node:zlib';

export interface ZipPart {
  name: string;
  /** The deflated bytes (raw deflate) as stored in the zip; `data` is deflated here when absent. */
  deflated?: Buffer;
  data?: Buffer | string;
  /** What the entry really inflates to, and its CRC-32 (computed from `data` when given). */
  size?: number;
  crc?: number;
  /** Sizes the headers claim instead of the real ones. */
  claimedSize?: number;
}

const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};

/** A zip of deflated entries (version 2.0, no zip64, no data descriptors). */
export function writeZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const data = p.data === undefined ? undefined : Buffer.from(p.data);
    const deflated = p.deflated ?? zlib.deflateRawSync(data ?? Buffer.alloc(0));
    const size = p.size ?? data?.length ?? 0;
    const crc = p.crc ?? (data ? zlib.crc32(data) : 0);
    const claimed = p.claimedSize ?? size;
    if (claimed > 0xffffffff || deflated.length > 0xffffffff) throw new RangeError('zip64 is not written here');
    const name = Buffer.from(p.name, 'utf8');
    // flags: bit 11 = the name is UTF-8
    const common = Buffer.concat([
      u16(20),
      u16(0x0800),
      u16(8),
      u16(0),
      u16(0x21),
      u32(crc),
      u32(deflated.length),
      u32(claimed),
      u16(name.length),
      u16(0),
    ]);
    const local = Buffer.concat([u32(0x04034b50), common, name, deflated]);
    central.push(Buffer.concat([u32(0x02014b50), u16(20), common, u16(0), u16(0), u16(0), u32(0), u32(offset), name]));
    locals.push(local);
    offset += local.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(parts.length), u16(parts.length), u32(cd.length), u32(offset), u16(0)]);
  return Buffer.concat([...locals, cd, end]);
}

// CRC-32 of repeated data without reading it: zlib's crc32_combine (GF(2) matrices).
function gf2Times(mat: Uint32Array, vec: number): number {
  let sum = 0;
  for (let i = 0; vec !== 0; i++, vec >>>= 1) if (vec & 1) sum ^= mat[i]!;
  return sum >>> 0;
}
function gf2Square(square: Uint32Array, mat: Uint32Array): void {
  for (let n = 0; n < 32; n++) square[n] = gf2Times(mat, mat[n]!);
}
export function crc32Combine(crc1: number, crc2: number, len2: number): number {
  if (len2 <= 0) return crc1;
  const even = new Uint32Array(32);
  const odd = new Uint32Array(32);
  odd[0] = 0xedb88320;
  for (let n = 1, row = 1; n < 32; n++, row <<= 1) odd[n] = row;
  gf2Square(even, odd);
  gf2Square(odd, even);
  let c = crc1 >>> 0;
  let len = len2;
  do {
    gf2Square(even, odd);
    if (len % 2) c = gf2Times(even, c);
    len = Math.floor(len / 2);
    if (len === 0) break;
    gf2Square(odd, even);
    if (len % 2) c = gf2Times(odd, c);
    len = Math.floor(len / 2);
  } while (len !== 0);
  return (c ^ crc2) >>> 0;
}

/**
 * A zip entry of `head`, then `body` `times` over, then `tail`, deflated without ever
 * holding the whole: each piece is deflated from a fresh state and flushed to a byte
 * boundary, so the same compressed piece can be repeated (no back-reference crosses it).
 */
export function repeatedEntry(name: string, head: string, body: string, times: number, tail: string): ZipPart {
  const piece = (s: string, last: boolean) =>
    zlib.deflateRawSync(Buffer.from(s), { level: 9, finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_FULL_FLUSH });
  const bodyBytes = Buffer.from(body);
  const bodyDeflated = piece(body, false);
  const deflated = Buffer.concat([piece(head, false), ...Array<Buffer>(times).fill(bodyDeflated), piece(tail, true)]);
  // CRC of body×times by doubling, then joined to head and tail.
  let bodyCrc = 0;
  let have = 0;
  let unitCrc = zlib.crc32(bodyBytes);
  let unitLen = bodyBytes.length;
  for (let t = times; t > 0; t = Math.floor(t / 2)) {
    if (t % 2) {
      bodyCrc = have === 0 ? unitCrc : crc32Combine(bodyCrc, unitCrc, unitLen);
      have += unitLen;
    }
    unitCrc = crc32Combine(unitCrc, unitCrc, unitLen);
    unitLen *= 2;
  }
  const headBytes = Buffer.from(head);
  const tailBytes = Buffer.from(tail);
  let crc = zlib.crc32(headBytes);
  crc = crc32Combine(crc, bodyCrc, bodyBytes.length * times);
  crc = crc32Combine(crc, zlib.crc32(tailBytes), tailBytes.length);
  return { name, deflated, size: headBytes.length + bodyBytes.length * times + tailBytes.length, crc };
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** The parts every DOCX has besides its document. */
export function docxPackage(document: ZipPart): ZipPart[] {
  return [
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    },
    document,
  ];
}

export const DOCUMENT_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}"><w:body>`;
export const DOCUMENT_TAIL = '</w:body></w:document>';
export const paragraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** A DOCX of these paragraphs (already XML-escaped), with an optional prolog before <w:document>. */
export function simpleDocx(paragraphs: string[], prolog = ''): Buffer {
  const xml = DOCUMENT_HEAD.replace('<w:document', `${prolog}<w:document`) + paragraphs.map(paragraph).join('') + DOCUMENT_TAIL;
  return writeZip(docxPackage({ name: 'word/document.xml', data: xml }));
}
