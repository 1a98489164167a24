import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main.js';
import type { ReviewJson } from '../../shared/review.js';
import { writeTextPdf } from '../support/text-pdf.js';
import { lastJobCounts } from '../support/review-case.js';

const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

let root: string;
let folder: string;
let db: string;

async function review(out: string): Promise<{ code: number; json: ReviewJson }> {
  const code = await main(['review', folder, '--out', out, '--db', db]);
  return { code, json: JSON.parse(fs.readFileSync(path.join(out, 'review.json'), 'utf8')) as ReviewJson };
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-foundation-'));
  folder = path.join(root, '张三盗窃案');
  db = path.join(root, 'store', 'case.db');
  fs.mkdirSync(path.join(folder, '卷一'), { recursive: true });
  await writeTextPdf(path.join(folder, '卷一', '讯问笔录-第1次.pdf'), [
    '讯问笔录（第1次）\n时间：2024年3月5日14时30分至16时05分\n侦查员：郑凯、冯磊\n被讯问人：张三',
    '问：你把手机放在哪里？\n答：我卖给了欧阳娜娜。\n以上笔录我看过，和我说的相符。',
  ]);
  await writeTextPdf(path.join(folder, '立案决定书.pdf'), [
    '立案决定书\n越公（刑）立字〔2024〕123号\n根据《中华人民共和国刑事诉讼法》第一百一十二条之规定，决定对张三盗窃案立案侦查。',
  ]);
  fs.writeFileSync(
    path.join(folder, '损坏的文件.pdf'),
    Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog'), crypto.randomBytes(200)]),
  );
  fs.writeFileSync(path.join(folder, 'Thumbs.db'), crypto.randomBytes(64));
  fs.writeFileSync(path.join(folder, '.DS_Store'), crypto.randomBytes(64));
  fs.writeFileSync(path.join(folder, '空白.pdf'), '');
  // an encrypted PDF, as scanners' "secure PDF" option writes (qpdf is installed by .ci/run)
  await writeTextPdf(path.join(root, 'plain.pdf'), ['保密材料']);
  execFileSync('qpdf', [
    '--encrypt',
    'user-pw',
    'owner-pw',
    '256',
    '--',
    path.join(root, 'plain.pdf'),
    path.join(folder, '加密的文件.pdf'),
  ]);
  fs.writeFileSync(
    path.join(folder, '情况说明.txt'),
    execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: '情况说明\n犯罪嫌疑人张三，男，1990年5月3日出生。' }),
  );
  const docx = new Document({
    sections: [{ children: [new Paragraph('扣押清单'), new Paragraph('华为牌手机一部，价值人民币3,200元。')] }],
  });
  fs.writeFileSync(path.join(folder, '扣押清单.docx'), await Packer.toBuffer(docx));
});

describe('review of a folder of text files (issue 2)', () => {
  it('writes review.json with every page, the files and their SHA-256, and the bad files as errors', async () => {
    const { code, json } = await review(path.join(root, 'out1'));
    expect(code).toBe(0);
    expect(json.schema).toBe('case-review/1');
    expect(json.case.folder).toBe(folder);
    const files = Object.fromEntries(json.files.map((f) => [f.path, f]));
    expect(Object.keys(files)).not.toContain('Thumbs.db');
    expect(Object.keys(files)).not.toContain('.DS_Store');
    expect(files['卷一/讯问笔录-第1次.pdf']?.sha256).toBe(sha(path.join(folder, '卷一/讯问笔录-第1次.pdf')));
    expect(files['卷一/讯问笔录-第1次.pdf']?.pages).toBe(2);
    const text = (file: string, page = 1) => json.pages.find((p) => p.file === file && p.page === page)?.text ?? '';
    expect(text('卷一/讯问笔录-第1次.pdf')).toContain('侦查员：郑凯、冯磊');
    expect(text('卷一/讯问笔录-第1次.pdf', 2)).toContain('欧阳娜娜');
    expect(text('立案决定书.pdf')).toContain('越公（刑）立字〔2024〕123号');
    expect(text('情况说明.txt')).toContain('犯罪嫌疑人张三，男，1990年5月3日出生');
    expect(text('扣押清单.docx')).toContain('价值人民币3,200元');
    expect(json.pages.every((p) => p.source !== 'ocr')).toBe(true);
    const errors = Object.fromEntries(json.errors.map((e) => [e.file, e.message]));
    expect(errors['损坏的文件.pdf']).toMatch(/损坏|corrupt/);
    expect(errors['空白.pdf']).toMatch(/0 字节|空/);
    expect(errors['加密的文件.pdf']).toMatch(/加密|encrypted/);
    expect(json.documents.length).toBe(4);
    for (const key of ['entities', 'events', 'findings'] as const) expect(Array.isArray(json[key])).toBe(true);
  });

  it('a second run on the same folder and database reads nothing again', async () => {
    const first = lastJobCounts(db);
    expect(first.ingest.extracted).toBeGreaterThan(0);
    const { code, json } = await review(path.join(root, 'out2'));
    expect(code).toBe(0);
    const second = lastJobCounts(db);
    expect(second.ingest).toMatchObject({ hashed: 0, extracted: 0, pagesExtracted: 0 });
    expect(second.ingest.reused).toBe(json.files.length);
    expect(json.pages.length).toBeGreaterThan(0);
  });

  it('a changed file is read again and the rest are not', async () => {
    await writeTextPdf(path.join(folder, '立案决定书.pdf'), ['立案决定书\n越公（刑）立字〔2024〕124号\n补正后的文书。']);
    const { json } = await review(path.join(root, 'out3'));
    const stats = lastJobCounts(db);
    expect(stats.ingest).toMatchObject({ hashed: 1, extracted: 1 });
    expect(json.pages.find((p) => p.file === '立案决定书.pdf')?.text).toContain('124号');
  });

  it('exits non-zero with a message on a missing folder', async () => {
    expect(await main(['review', path.join(root, 'no-such-folder'), '--out', path.join(root, 'x'), '--db', db])).toBe(1);
    expect(await main(['review'])).toBe(2);
  });
});
