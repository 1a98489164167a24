// One case folder of everything hostile at once (issue 15), made by code, reviewed through the
// service (encrypted store, real OCR) and exported: every bad file ends as an error in Chinese
// under its own name, every good file is read, nothing is lost, run or unpacked (a PDF's
// scripts, launch action and attachment, a DOCX part named ../../…), memory stays bounded, and
// the report and its folder survive the names. The 2,000-page PDF and the 10,000 small files
// have files of their own (hostile-volume, hostile-many-files).
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { createService } from '../../electron/core/service.js';
import type { ReviewJson } from '../../shared/review.js';
import { activePdf } from '../support/hostile-pdf.js';
import { paperScanPng } from '../support/hostile-image.js';
import { docxPackage, DOCUMENT_HEAD, DOCUMENT_TAIL, paragraph, repeatedEntry, simpleDocx, writeZip } from '../support/hostile-zip.js';
import { peakRssMb, rssMb, writeHugeScan } from '../support/hostile-corpus.js';
import { reviewFolder } from '../support/review-case.js';
import { testStoreKey } from '../support/store-key.js';
import { writeTextPdf } from '../support/text-pdf.js';

const RLO = '\u202E';
/** The case folder's own name: 85 Chinese characters, 255 bytes, as long as a name may be. */
const CASE_NAME = `张三盗窃案${'阅'.repeat(80)}`;
const LONG_FILE = `${'卷'.repeat(83)}_1.pdf`; // 255 bytes
const RLO_FILE = `情况说明${RLO}gnp.txt`; // shown as 情况说明txt.png by a bidi-aware display

let root: string;
let folder: string;
let review: ReviewJson;
let exported: { folder: string; files: string[] };
let seconds: number;
let grewMb: number;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-hostile-'));
  folder = path.join(root, CASE_NAME);
  const put = (rel: string, data: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(folder, rel)), { recursive: true });
    fs.writeFileSync(path.join(folder, rel), data);
  };
  // What is read
  fs.mkdirSync(folder);
  await writeTextPdf(path.join(folder, '讯问笔录.pdf'), [
    '讯问笔录（第1次）\n时间：2024年3月5日14时30分至16时05分\n侦查员：郑凯、冯磊\n被讯问人：张三',
  ]);
  put('..x/..….txt', '情况说明\n点点开头的文件夹里的材料。');
  put('...txt', '三个点开头的文件。');
  put(RLO_FILE, '情况说明\n名称里有从右到左覆盖符。');
  put('扣押\u200B清单.txt', '扣押清单\n华为牌手机一部。');
  put('情况\n说明.txt', '名称里有换行。');
  await writeTextPdf(path.join(folder, LONG_FILE), ['立案决定书\n名称有二百五十五个字节。']);
  // A Word file with a part named to climb out of any folder it were unpacked into: read, never unpacked.
  put(
    '笔录附件.docx',
    writeZip([
      ...docxPackage({
        name: 'word/document.xml',
        data: DOCUMENT_HEAD + paragraph('询问笔录附件：压缩包里有一个向上越级的路径。') + DOCUMENT_TAIL,
      }),
      { name: `${'../'.repeat(12)}${path.join(root, 'zipslip.sh').slice(1)}`, data: `#!/bin/sh\ntouch ${path.join(root, 'pwned')}\n` },
    ]),
  );
  put(
    '现场/主动脚本.pdf',
    activePdf({
      lines: ['搜查笔录', '搜查人：郑凯、冯磊'],
      witness: path.join(root, 'pwned'),
      attachment: { name: 'payload.sh', content: `#!/bin/sh\ntouch ${path.join(root, 'pwned')}\n` },
    }),
  );
  fs.mkdirSync(path.join(folder, '扫描'));
  await writeHugeScan(path.join(folder, '扫描/二万像素扫描件.png'));
  // What is refused, each for its own reason
  put('坏文件/空白.pdf', '');
  const good = fs.readFileSync(path.join(folder, '讯问笔录.pdf'));
  put('坏文件/截断.pdf', good.subarray(0, Math.floor(good.length / 3)));
  await writeTextPdf(path.join(root, 'plain.pdf'), ['保密材料']);
  execFileSync('qpdf', [
    '--encrypt',
    'user-pw',
    'owner-pw',
    '256',
    '--',
    path.join(root, 'plain.pdf'),
    path.join(folder, '坏文件/加密.pdf'),
  ]);
  put('坏文件/其实是文本.pdf', '这不是 PDF，只是扩展名写错了。');
  put('坏文件/乱码.docx', Buffer.concat([Buffer.from('PK\x03\x04'), crypto.randomBytes(400)]));
  put('坏文件/炸弹.png', await paperScanPng(100_000, 100_000, []));
  put(
    '坏文件/压缩炸弹.docx',
    writeZip(
      docxPackage(repeatedEntry('word/document.xml', DOCUMENT_HEAD, paragraph('甲'.repeat(100)).repeat(1000), 12_000, DOCUMENT_TAIL)),
    ),
  );
  put(
    '坏文件/头部说谎.docx',
    writeZip(
      docxPackage({
        ...repeatedEntry('word/document.xml', DOCUMENT_HEAD, paragraph('乙'.repeat(100)).repeat(1000), 200, DOCUMENT_TAIL),
        claimedSize: 2048,
      }),
    ),
  );
  put('坏文件/外部实体.docx', simpleDocx(['讯问笔录&x;'], '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'));
  fs.symlinkSync('..', path.join(folder, '坏文件', '循环'));
  fs.symlinkSync(path.join(root, 'nowhere.pdf'), path.join(folder, '坏文件', '断开的链接.pdf'));

  const before = rssMb();
  const {
    review: r,
    ms,
    service,
    caseId,
  } = await reviewFolder(folder, { service: createService({ dbPath: path.join(root, 'store', 'case.db'), key: testStoreKey() }) });
  review = r;
  seconds = ms / 1000;
  exported = await service.api.exportReport({ caseId });
  grewMb = peakRssMb() - before;
  console.log(
    `[hostile] case of ${review.files.length} files and ${review.errors.length} errors reviewed in ${seconds.toFixed(1)} s (20,000×20,000 scan OCR'd); RSS ${before} MB before, peak ${peakRssMb()} MB`,
  );
  await service.close();
});

const textOf = (file: string) =>
  review.pages
    .filter((p) => p.file === file)
    .map((p) => p.text)
    .join('\n');
const errorOf = (file: string) =>
  review.errors
    .filter((e) => e.file === file)
    .map((e) => e.message)
    .join(' | ');

describe('a case folder of hostile files', () => {
  it('reads every good file under its real name', () => {
    expect(review.case.name).toBe(CASE_NAME);
    expect(textOf('讯问笔录.pdf')).toContain('被讯问人：张三');
    expect(textOf('..x/..….txt')).toContain('点点开头的文件夹里的材料');
    expect(textOf('...txt')).toContain('三个点开头的文件');
    expect(textOf(RLO_FILE)).toContain('名称里有从右到左覆盖符');
    expect(textOf('扣押\u200B清单.txt')).toContain('华为牌手机一部');
    expect(textOf('情况\n说明.txt')).toContain('名称里有换行');
    expect(textOf(LONG_FILE)).toContain('名称有二百五十五个字节');
    expect(textOf('现场/主动脚本.pdf')).toContain('搜查人：郑凯、冯磊');
    expect(textOf('笔录附件.docx')).toContain('压缩包里有一个向上越级的路径');
  });

  it('loses nothing: every file of the folder is either read or named among the errors, never both', () => {
    const onDisk: string[] = [];
    const walk = (dir: string, rel: string) => {
      for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
        const r = rel ? `${rel}/${d.name}` : d.name;
        if (d.isDirectory()) walk(path.join(dir, d.name), r);
        else onDisk.push(r);
      }
    };
    walk(folder, '');
    const read = review.files.filter((f) => f.pages > 0).map((f) => f.path);
    const refused = review.errors.map((e) => e.file);
    expect(read.filter((f) => refused.includes(f))).toEqual([]);
    expect([...read, ...refused].sort()).toEqual(onDisk.sort());
    expect(read.sort()).toEqual(
      [
        '讯问笔录.pdf',
        '..x/..….txt',
        '...txt',
        RLO_FILE,
        '扣押\u200B清单.txt',
        '情况\n说明.txt',
        LONG_FILE,
        '笔录附件.docx',
        '现场/主动脚本.pdf',
        '扫描/二万像素扫描件.png',
      ].sort(),
    );
  });

  it('reads the 20,000×20,000 scan by OCR, shrunk', () => {
    const page = review.pages.find((p) => p.file === '扫描/二万像素扫描件.png');
    expect(page?.source).toBe('ocr');
    expect(page?.text).toContain('张三');
    expect(page?.text).toMatch(/1990年5月3日/);
    expect(errorOf('扫描/二万像素扫描件.png')).toBe('');
  });

  it('refuses each bad file with its reason in Chinese, under its own name', () => {
    const expected: Record<string, RegExp> = {
      '坏文件/空白.pdf': /^文件为空（0 字节）$/,
      '坏文件/截断.pdf': /^PDF (文件已损坏|无法读取)/,
      '坏文件/加密.pdf': /^PDF 已加密，需要密码才能打开/,
      '坏文件/其实是文本.pdf': /^不支持的文件格式/,
      '坏文件/乱码.docx': /^DOCX 文件(已损坏|无法解析)/,
      '坏文件/炸弹.png': /^图片过大（100000×100000 像素，约 100 亿像素，超过 6 亿像素的上限）/,
      '坏文件/压缩炸弹.docx': /^DOCX 文件解压后过大（word\/document\.xml：文档内容超过 32 MB），可能是压缩炸弹/,
      '坏文件/头部说谎.docx': /^DOCX 文件解压后过大/,
      '坏文件/外部实体.docx': /^DOCX 文件含有 DTD 声明/,
      '坏文件/循环': /^已跳过符号链接的文件夹（可能形成循环）$/,
      '坏文件/断开的链接.pdf': /^无法读取：ENOENT/,
    };
    for (const [file, message] of Object.entries(expected)) expect(errorOf(file), file).toMatch(message);
    // Nothing else is an error, and every error names a file of the case.
    expect(review.errors.map((e) => e.file).sort()).toEqual(Object.keys(expected).sort());
    // No line of /etc/passwd anywhere.
    expect(JSON.stringify(review)).not.toMatch(/root:x?:0:0/);
  });

  it('ran nothing the PDF asked for, and unpacked nothing the PDF or the DOCX carried', () => {
    expect(fs.existsSync(path.join(root, 'pwned'))).toBe(false);
    expect(fs.existsSync(path.join(root, 'zipslip.sh'))).toBe(false);
    expect(fs.readdirSync(path.join(folder, '现场'))).toEqual(['主动脚本.pdf']);
    expect(fs.readdirSync(root).sort()).toEqual([CASE_NAME, 'plain.pdf', 'store'].sort());
  });

  it('in bounded memory', () => {
    // The review adds ~700 MB (mostly OCR of the scan shrunk to 40 MP); the scan decoded whole
    // would add 1.2 GB (RGB) on its own, the 100,000×100,000 bomb 30 GB.
    expect(grewMb).toBeLessThan(1536);
  });

  it('exports into a folder whose name fits (the case name cut by bytes), with the names intact in review.json', () => {
    const name = path.basename(exported.folder);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
    expect(name.startsWith('张三盗窃案阅阅')).toBe(true);
    const json = JSON.parse(fs.readFileSync(path.join(exported.folder, 'review.json'), 'utf8')) as ReviewJson;
    expect(json.files.map((f) => f.path)).toEqual(expect.arrayContaining([RLO_FILE, '情况\n说明.txt', LONG_FILE, '..x/..….txt']));
  });

  it('shows the names in the report with their hidden characters visible, never reordered', async () => {
    const pdf = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', path.join(exported.folder, 'report.pdf'), '-'], { encoding: 'utf8' });
    const docx = (await mammoth.extractRawText({ path: path.join(exported.folder, 'report.docx') })).value;
    for (const text of [pdf, docx]) {
      const flat = text.replace(/\s+/g, '');
      expect(text).not.toContain(RLO);
      expect(flat).toContain('情况说明‹U+202E›gnp.txt');
      expect(flat).toContain('扣押‹U+200B›清单.txt');
      expect(flat).toContain('情况‹U+000A›说明.txt');
      expect(flat).toContain('..x/..….txt');
    }
  });
});
