// A DOCX is a zip, and mammoth (through jszip) inflates a part whole into memory before it
// parses it: a 450 KB file whose document.xml inflates to 106 MB took mammoth 39 s and
// 2.7 GB of memory here, and a few megabytes inflate to gigabytes. So before mammoth sees a
// file, its parts are inflated here as a stream, counted and thrown away, under budgets no
// real Word file comes near; the sizes the zip headers claim are never trusted.
import zlib from 'node:zlib';

export class DocxPackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocxPackageError';
  }
}

export interface DocxBudget {
  /** Inflated bytes of the parts read as XML. mammoth holds ~26 bytes per XML byte. */
  xmlBytes: number;
  /** Inflated bytes of all parts (pictures included). */
  totalBytes: number;
  parts: number;
}

// Word itself caps a document's text at 32 MB and a document with pictures at 512 MB.
export const DOCX_BUDGET: DocxBudget = { xmlBytes: 32 * 1024 * 1024, totalBytes: 512 * 1024 * 1024, parts: 5000 };

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  localOffset: number;
}

/**
 * Refuses a DOCX whose parts inflate beyond the budget (a zip bomb, or headers that lie
 * about the sizes) or carry a DTD (a DOCTYPE: external entities, entity expansion), with
 * a message for the user. Memory stays at a few chunks whatever the file claims.
 */
export async function checkDocxPackage(bytes: Uint8Array, budget: DocxBudget = DOCX_BUDGET): Promise<void> {
  const entries = centralDirectory(bytes, budget);
  let xml = 0;
  let total = 0;
  for (const e of entries) {
    if (e.flags & 1) continue; // encrypted: mammoth cannot read it either and says so
    const start = dataStart(bytes, e);
    const data = bytes.subarray(start, start + e.compressedSize);
    if (e.method !== 0 && e.method !== 8) continue; // jszip knows no other method and refuses
    let seen = 0;
    let isXml: boolean | null = null;
    let tail = '';
    const over = () => total + seen > budget.totalBytes || (isXml === true && xml + seen > budget.xmlBytes);
    for await (const chunk of e.method === 0 ? [Buffer.from(data.buffer, data.byteOffset, data.byteLength)] : inflateChunks(data)) {
      seen += chunk.length;
      // The parts mammoth parses are XML, whatever their name; pictures are counted only in the total.
      isXml ??= looksLikeXml(chunk);
      if (isXml) {
        // latin1 keeps one character per byte, so "<!DOCTYPE" split across chunks is still found.
        const text = tail + chunk.toString('latin1');
        if (text.includes('<!DOCTYPE') || text.includes('<!ENTITY')) {
          throw new DocxPackageError(
            `DOCX 文件含有 DTD 声明（${e.name} 中的 <!DOCTYPE>），Word 不会写出这样的文件，为安全起见未读取（DTD in DOCX）`,
          );
        }
        tail = text.slice(-16);
      }
      if (over()) {
        const which = isXml ? `文档内容超过 ${MB(budget.xmlBytes)}` : `全部内容超过 ${MB(budget.totalBytes)}`;
        throw new DocxPackageError(`DOCX 文件解压后过大（${e.name}：${which}），可能是压缩炸弹，已跳过（decompression bomb）`);
      }
    }
    total += seen;
    if (isXml) xml += seen;
  }
}

/** Inflated chunks of a raw deflate stream, produced only as fast as they are consumed. */
async function* inflateChunks(data: Uint8Array): AsyncGenerator<Buffer> {
  const inflater = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
  inflater.end(data);
  try {
    for await (const chunk of inflater) yield chunk as Buffer;
  } catch (err) {
    throw new DocxPackageError(`DOCX 文件已损坏（压缩数据无法解开：${(err as Error).message}）`);
  } finally {
    inflater.destroy();
  }
}

function looksLikeXml(head: Buffer): boolean {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  if (head[0] === 0xff && head[1] === 0xfe) return true; // UTF-16: Word never writes it, but an XML parser takes it
  if (head[0] === 0xfe && head[1] === 0xff) return true;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  return head[i] === 0x3c; // '<'
}

const corrupt = (why: string) => new DocxPackageError(`DOCX 文件已损坏（${why}）`);

function dataStart(bytes: Uint8Array, e: Entry): number {
  const v = view(bytes);
  if (e.localOffset + 30 > bytes.length || v.getUint32(e.localOffset, true) !== 0x04034b50)
    throw corrupt(`${e.name} 的本地文件头不在其位置`);
  const start = e.localOffset + 30 + v.getUint16(e.localOffset + 26, true) + v.getUint16(e.localOffset + 28, true);
  if (start + e.compressedSize > bytes.length) throw corrupt(`${e.name} 的数据超出文件末尾`);
  return start;
}

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

function u64(v: DataView, at: number): number {
  const n = v.getUint32(at, true) + v.getUint32(at + 4, true) * 2 ** 32;
  if (!Number.isSafeInteger(n)) throw corrupt('ZIP64 数值过大');
  return n;
}

/** The zip's central directory, read the way jszip reads it (zip64 and prepended bytes included). */
function centralDirectory(bytes: Uint8Array, budget: DocxBudget): Entry[] {
  const v = view(bytes);
  // The end record is within the last 64 KB + 22 bytes (its comment is at most 64 KB).
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (v.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('找不到 ZIP 目录');
  let count = v.getUint16(eocd + 10, true);
  let cdSize = v.getUint32(eocd + 12, true);
  let cdOffset = v.getUint32(eocd + 16, true);
  let cdEnd = eocd;
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || v.getUint32(locator, true) !== 0x07064b50) throw corrupt('ZIP64 目录定位记录缺失');
    const z = u64(v, locator + 8);
    if (z + 56 > bytes.length || v.getUint32(z, true) !== 0x06064b50) throw corrupt('ZIP64 目录记录缺失');
    count = u64(v, z + 32);
    cdSize = u64(v, z + 40);
    cdOffset = u64(v, z + 48);
    cdEnd = z;
  }
  if (count > budget.parts) throw new DocxPackageError(`DOCX 文件包含的部件过多（${count} 个，超过 ${budget.parts} 个），已跳过`);
  // Bytes before the zip (a self-extracting stub) shift every offset, as jszip allows.
  const shift = cdEnd - (cdOffset + cdSize);
  if (shift < 0) throw corrupt('ZIP 目录超出文件');
  const entries: Entry[] = [];
  let p = cdOffset + shift;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || v.getUint32(p, true) !== 0x02014b50) throw corrupt('ZIP 目录项无法解析');
    const flags = v.getUint16(p + 8, true);
    const method = v.getUint16(p + 10, true);
    let compressedSize = v.getUint32(p + 20, true);
    const uncompressed = v.getUint32(p + 24, true);
    const nameLen = v.getUint16(p + 28, true);
    const extraLen = v.getUint16(p + 30, true);
    const commentLen = v.getUint16(p + 32, true);
    let localOffset = v.getUint32(p + 42, true);
    const name = Buffer.from(bytes.subarray(p + 46, p + 46 + nameLen)).toString(flags & 0x800 ? 'utf8' : 'latin1');
    // zip64 extra field: the 64-bit values in this order, each present only when its 32-bit field is full
    for (let x = p + 46 + nameLen; x + 4 <= p + 46 + nameLen + extraLen;) {
      const id = v.getUint16(x, true);
      const len = v.getUint16(x + 2, true);
      if (id === 0x0001) {
        let at = x + 4;
        if (uncompressed === 0xffffffff) at += 8;
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(v, at);
          at += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(v, at);
      }
      x += 4 + len;
    }
    entries.push({ name, method, flags, compressedSize, localOffset: localOffset + shift });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}
