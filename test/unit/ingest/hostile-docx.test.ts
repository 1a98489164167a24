// Hostile Word files: zip bombs (honest and lying headers), a DTD with an external entity
// and with entity expansion, too many parts. Each is refused in Chinese before mammoth
// inflates anything, in bounded memory; a real DOCX with a large picture is still read.
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { checkDocxPackage, DOCX_BUDGET } from '../../../electron/core/ingest/docx-package.js';
import { docxText } from '../../../electron/core/ingest/docx-text.js';
import { readCaseFile } from '../../../electron/core/ingest/read-file.js';
import { docxPackage, DOCUMENT_HEAD, DOCUMENT_TAIL, paragraph, repeatedEntry, simpleDocx, writeZip } from '../../support/hostile-zip.js';
import { peakRssMb, rssMb } from '../../support/hostile-corpus.js';

const GB = 1e9;

/** A DOCX whose document.xml is `times` blocks of 1,000 paragraphs (~360 KB each). */
function bomb(times: number, claimedSize?: number): { zip: Buffer; inflated: number } {
  const entry = repeatedEntry('word/document.xml', DOCUMENT_HEAD, paragraph('甲'.repeat(100)).repeat(1000), times, DOCUMENT_TAIL);
  if (claimedSize !== undefined) entry.claimedSize = claimedSize;
  return { zip: writeZip(docxPackage(entry)), inflated: entry.size! };
}

async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    await readCaseFile(bytes, 'docx');
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('the file was read');
}

describe('a DOCX zip bomb', () => {
  it('the generator writes real zips: a small one is read, a bomb inflates to what it says (CRC included)', async () => {
    const small = bomb(3);
    const read = await readCaseFile(small.zip, 'docx');
    expect(read.pages[0]!.text).toContain('甲'.repeat(100));
    const { deflated, size, crc } = repeatedEntry('x', 'head', 'body-', 50_000, 'tail');
    const plain = zlib.inflateRawSync(deflated!);
    expect(plain.length).toBe(size);
    expect(zlib.crc32(plain)).toBe(crc);
  });

  it('document.xml inflating to 4 GB (an 18 MB file) is refused without inflating it', async () => {
    const { zip, inflated } = bomb(12_000);
    expect(inflated).toBeGreaterThan(4 * GB);
    const before = rssMb();
    const t0 = performance.now();
    const message = await refusal(zip);
    const after = rssMb();
    console.log(
      `[hostile] DOCX bomb ${(zip.length / 1e6).toFixed(1)} MB → ${(inflated / GB).toFixed(1)} GB: refused in ${Math.round(performance.now() - t0)} ms, RSS ${before} → ${after} MB (peak ${peakRssMb()} MB)`,
    );
    expect(message).toMatch(/^DOCX 文件解压后过大（word\/document\.xml：文档内容超过 32 MB），可能是压缩炸弹/);
    // Inflated as a stream and thrown away: memory grows by chunks, not by gigabytes.
    expect(after - before).toBeLessThan(200);
  });

  it('headers that claim 4 KB for gigabytes are not believed', async () => {
    const { zip, inflated } = bomb(12_000, 4096);
    expect(inflated).toBeGreaterThan(4 * GB);
    expect(await refusal(zip)).toMatch(/DOCX 文件解压后过大.*word\/document\.xml/);
    // The lie alone, under the budget: jszip inflates it and finds the sizes disagree.
    const { zip: small } = bomb(3, 4096);
    expect(await refusal(small)).toMatch(/^DOCX 文件无法解析/);
  });

  it('the same data spread over many parts, or one part listed many times, is counted whole', async () => {
    const entry = repeatedEntry('word/document.xml', DOCUMENT_HEAD, paragraph('乙'.repeat(100)).repeat(1000), 30, DOCUMENT_TAIL); // ~10 MB
    // Four parts of 10 MB: each under the budget, together over it.
    const parts = [0, 1, 2, 3].map((i) => ({ ...entry, name: i === 0 ? 'word/document.xml' : `word/footer${i}.xml` }));
    expect(await refusal(writeZip(docxPackage(parts[0]!).concat(parts.slice(1))))).toMatch(/DOCX 文件解压后过大/);
  });

  it('a DOCX of more parts than any Word file has is refused', async () => {
    const media = Array.from({ length: DOCX_BUDGET.parts }, (_, i) => ({ name: `word/media/p${i}.bin`, data: 'x' }));
    const parts = docxPackage({ name: 'word/document.xml', data: DOCUMENT_HEAD + DOCUMENT_TAIL }).concat(media);
    expect(await refusal(writeZip(parts))).toMatch(
      new RegExp(`^DOCX 文件包含的部件过多（${parts.length} 个，超过 ${DOCX_BUDGET.parts} 个）`),
    );
  });

  it('a picture is not text: a DOCX with 40 MB of photo is read, its picture never inflated by mammoth', async () => {
    const photo = crypto.randomBytes(40 * 1024 * 1024);
    const docx = writeZip([
      ...docxPackage({ name: 'word/document.xml', data: DOCUMENT_HEAD + paragraph('现场照片') + DOCUMENT_TAIL }),
      { name: 'word/media/image1.jpeg', deflated: zlib.deflateRawSync(photo, { level: 0 }), size: photo.length, crc: zlib.crc32(photo) },
    ]);
    const read = await readCaseFile(docx, 'docx');
    expect(read.pages[0]!.text).toBe('现场照片');
  });

  it('a damaged package says so in Chinese', async () => {
    const good = simpleDocx(['扣押清单']);
    // central directory cut off
    expect(await refusal(good.subarray(0, good.length - 30))).toMatch(/^DOCX 文件已损坏（找不到 ZIP 目录）/);
    // a part whose deflated bytes are noise
    const noise = writeZip(docxPackage({ name: 'word/document.xml', deflated: crypto.randomBytes(2000), size: 10, crc: 0 }));
    expect(await refusal(noise)).toMatch(/^DOCX 文件(已损坏|无法解析)/);
  });
});

describe('a DOCX with a DTD', () => {
  const passwd = '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>';

  it('an external entity naming /etc/passwd is refused before parsing, in Chinese', async () => {
    const docx = simpleDocx(['讯问笔录&x;', '被讯问人：张三'], passwd);
    expect(await refusal(docx)).toBe(
      'DOCX 文件含有 DTD 声明（word/document.xml 中的 <!DOCTYPE>），Word 不会写出这样的文件，为安全起见未读取（DTD in DOCX）',
    );
  });

  it('and the XML parser under mammoth never resolves it either: no line of /etc/passwd reaches the text', async () => {
    const docx = simpleDocx(['讯问笔录&x;', '被讯问人：张三'], passwd);
    let text = '';
    try {
      text = await docxText(mammoth, docx);
    } catch (err) {
      text = (err as Error).message;
    }
    expect(text).not.toMatch(/root:|\/bin\/(ba)?sh|nologin/);
  });

  it('entity expansion (a billion laughs) is refused the same way', async () => {
    const laughs =
      '<!DOCTYPE w:document [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">' +
      Array.from(
        { length: 9 },
        (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`,
      ).join('') +
      ']>';
    expect(await refusal(simpleDocx(['&j;'], laughs))).toMatch(/^DOCX 文件含有 DTD 声明/);
  });

  it('the check finds a DOCTYPE split across two inflated chunks', async () => {
    // The inflater hands over 64 KB at a time: "<!DOCTYPE" starts 4 bytes before the seam.
    const prolog = '<?xml version="1.0"?>\n<!--';
    const xml = `${prolog}${'x'.repeat(65_536 - 4 - prolog.length - 3)}--><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>${DOCUMENT_HEAD.slice(DOCUMENT_HEAD.indexOf('<w:document'))}${DOCUMENT_TAIL}`;
    expect(xml.indexOf('<!DOCTYPE')).toBe(65_532);
    await expect(checkDocxPackage(writeZip(docxPackage({ name: 'word/document.xml', data: xml })))).rejects.toThrow(/DTD/);
  });
});
