// The CLI's review writes the report beside review.json, from a real pipeline run.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main.js';
import { createService } from '../../electron/core/service.js';
import type { ReviewJson } from '../../shared/review.js';
import { writeTextPdf } from '../support/text-pdf.js';
import { testStoreKey } from '../support/store-key.js';

const squash = (s: string) => s.replace(/\s+/g, '');

let root: string;
let folder: string;
let db: string;
let out: string;
let review: ReviewJson;
let code: number;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-report-int-'));
  folder = path.join(root, '李明诈骗案');
  db = path.join(root, 'store', 'case.db');
  fs.mkdirSync(path.join(folder, '卷一'), { recursive: true });
  await writeTextPdf(path.join(folder, '卷一', '01-受案登记表.pdf'), [
    '受案登记表\n越公（刑）受案字〔2023〕2001号\n报案人：王芳\n接报时间：2023年6月1日9时20分\n简要案情：王芳报称被人以投资为名骗走人民币五万元。',
  ]);
  await writeTextPdf(path.join(folder, '卷一', '02-立案决定书.pdf'), [
    '立案决定书\n越公（刑）立字〔2023〕456号\n根据《中华人民共和国刑事诉讼法》第一百一十二条之规定，决定对李明诈骗案立案侦查。\n2023年6月2日',
  ]);
  await writeTextPdf(path.join(folder, '卷一', '03-讯问笔录.pdf'), [
    '讯问笔录（第1次）\n时间：2023年6月5日14时30分至16时05分\n地点：越城区公安分局办案区\n侦查员：郑凯、冯磊\n被讯问人：李明',
    '问：你为什么被传唤？\n答：因为投资的事。\n以上笔录我看过，和我说的相符。',
  ]);
  out = path.join(root, 'out');
  code = await main(['review', folder, '--out', out, '--db', db]);
  review = JSON.parse(fs.readFileSync(path.join(out, 'review.json'), 'utf8')) as ReviewJson;
});

describe('case-review review writes the report', () => {
  it('writes review.json, report.pdf and report.docx', () => {
    expect(code).toBe(0);
    for (const f of ['review.json', 'report.pdf', 'report.docx']) expect(fs.statSync(path.join(out, f)).size).toBeGreaterThan(1000);
    // Written whole, then renamed: no temporary file is left behind.
    expect(fs.readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('carries the case and its catalogue in the PDF', () => {
    const text = squash(execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', path.join(out, 'report.pdf'), '-'], { encoding: 'utf8' }));
    expect(text).toContain('案件审查报告');
    expect(text).toContain('李明诈骗案');
    expect(text).toContain(`文件数${review.files.length}`);
    expect(review.documents.length).toBeGreaterThanOrEqual(3);
    for (const d of review.documents) expect(text).toContain(squash(d.title));
    expect(text).toContain('立案决定书');
    expect(text).toContain('讯问笔录');
    for (const f of review.files) expect(text).toContain(f.sha256);
  });

  it('carries the same catalogue in the DOCX', async () => {
    const { value } = await mammoth.extractRawText({ path: path.join(out, 'report.docx') });
    const text = squash(value);
    expect(text).toContain('2.卷宗目录');
    for (const d of review.documents) expect(text).toContain(squash(d.title));
    for (const f of review.files) expect(text).toContain(f.path);
  });

  it("puts the reviewer's annotations in the report, and the app's export writes it in English", async () => {
    const service = createService({ dbPath: db, key: testStoreKey() });
    let exported: { folder: string; files: string[] };
    try {
      const caseId = review.case.id;
      const detail = await service.api.getCase({ caseId });
      const record = detail.fileList.find((f) => f.path.endsWith('03-讯问笔录.pdf'));
      expect(record).toBeDefined();
      await service.api.addAnnotation({
        caseId,
        fileId: record!.id,
        page: 2,
        kind: 'note',
        text: '答：因为投资的事。',
        note: '供述过简，需补充讯问资金去向',
      });
      exported = await service.api.exportReport({ caseId, locale: 'en-US', reviewer: 'Reviewer Wang' });
    } finally {
      await service.close();
    }
    const again = path.join(root, 'out2');
    expect(await main(['review', folder, '--out', again, '--db', db])).toBe(0);
    const text = squash(execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', path.join(again, 'report.pdf'), '-'], { encoding: 'utf8' }));
    expect(text).toContain('需补充讯问资金去向');
    expect(text).toContain('答：因为投资的事。');
    const pdf = exported.files.find((f) => f.endsWith('report.pdf'));
    expect(pdf).toBeDefined();
    const en = squash(execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf!, '-'], { encoding: 'utf8' }));
    expect(en).toContain('CaseReviewReport');
    expect(en).toContain('ReviewerReviewerWang');
    expect(en).toContain('需补充讯问资金去向');
  });
});
