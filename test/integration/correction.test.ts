import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, type CaseReviewService } from '../../electron/core/service.js';
import { writeTextPdf } from '../support/text-pdf.js';
import { reviewFolder } from '../support/review-case.js';
import { LOW_CONFIDENCE, normalisedConfidence } from '../../shared/confidence.js';

let service: CaseReviewService;
let caseId: string;
let fileId: number;
let coarseId: number;
let root: string;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-correct-'));
  const folder = path.join(root, 'case');
  fs.mkdirSync(folder);
  await writeTextPdf(path.join(root, 'src.pdf'), ['扣押清单\n持有人：李建国 见证人：周明\n犯罪嫌疑人张伟，联系电话13912345678。']);
  execFileSync('pdftoppm', ['-r', '200', '-png', '-gray', '-singlefile', path.join(root, 'src.pdf'), path.join(folder, '扣押清单')]);
  // A second paper scanned coarsely: OCR is unsure of several of its words (issue 16's doubt count).
  await writeTextPdf(path.join(root, 'coarse.pdf'), [
    '询问笔录\n被询问人：欧阳娜娜，住址：江苏省南京市鼓楼区中山北路二百一十八号\n问：你把钱交给谁了？答：交给了司马建军和诸葛晓东。',
  ]);
  execFileSync('pdftoppm', ['-r', '60', '-png', '-gray', '-singlefile', path.join(root, 'coarse.pdf'), path.join(folder, '询问笔录')]);
  service = createService({ dbPath: path.join(root, 'db.sqlite') });
  const r = await reviewFolder(folder, { service });
  caseId = r.caseId;
  const files = (await service.api.getCase({ caseId })).fileList;
  fileId = files.find((f) => f.path.startsWith('扣押'))!.id;
  coarseId = files.find((f) => f.path.startsWith('询问'))!.id;
}, 180_000);
afterAll(() => service.close());

describe('a reviewer corrects an OCR word (issue 6)', () => {
  it('stores the correction, shows it after reload, and later stages use it', async () => {
    const before = await service.api.getPage({ caseId, fileId, page: 1 });
    // the longest word on the page, whatever OCR made of it, becomes a line with a new phone number
    const index = before.words.reduce((best, w, i) => (w.text.length > (before.words[best]?.text.length ?? 0) ? i : best), 0);
    expect(before.words.length).toBeGreaterThan(0);
    const original = before.words[index]!.text;
    const replacement = '电话13800138000';
    const after = await service.api.correctWord({ caseId, fileId, page: 1, wordIndex: index, text: replacement });
    expect(after.words[index]!.text).toBe(replacement);
    expect(after.corrections).toEqual([{ wordIndex: index, original, corrected: replacement }]);
    // the re-analysis job runs on the corrected words
    const job = service.store.latestJob(caseId)!;
    expect(job.kind).toBe('reanalyse');
    expect(after.reanalysis).toBe(job.id);
    expect(await service.whenJobEnds(job.id)).toBe('done');
    const phones = await service.api.listEntities({ caseId, type: 'PHONE' });
    expect(phones.map((p) => p.value)).toContain('13800138000');
    // offsets of what the page shows are counted in the corrected text
    const page = await service.api.getPage({ caseId, fileId, page: 1 });
    expect(page.text).toContain(replacement);
    for (const m of page.mentions ?? []) expect(page.text.slice(m.start, m.end)).toBe(m.text);
    // a search hit elsewhere on the corrected page still points at its own words
    const hit = (await service.api.search({ query: '周明', caseId }))[0]!;
    expect(page.text.slice(hit.pageStart, hit.pageEnd)).toBe('周明');
    // the corrected words are searchable, and point at themselves
    const found = await service.api.search({ query: '13800138000', caseId });
    expect(found.map((h) => h.page)).toEqual([1]);
    expect(page.text.slice(found[0]!.pageStart, found[0]!.pageEnd)).toBe('13800138000');
  });
});

describe('a word OCR was unsure of leaves the doubt count once the reviewer settles it (issue 16)', () => {
  const lowOf = (words: { confidence: number }[]) => words.filter((w) => normalisedConfidence(w.confidence) < LOW_CONFIDENCE).length;
  const doubtful = (words: { confidence: number }[], skip: number[]) =>
    words.map((w, i) => ({ w, i })).find(({ w, i }) => !skip.includes(i) && normalisedConfidence(w.confidence) < LOW_CONFIDENCE)?.i;

  it('confirming a word keeps its text, counts one doubt fewer, survives reload and is in the history', async () => {
    const before = await service.api.getPage({ caseId, fileId: coarseId, page: 1 });
    const index = doubtful(before.words, before.corrections?.map((c) => c.wordIndex) ?? [])!;
    expect(index).toBeDefined();
    const text = before.text;
    const after = await service.api.confirmWord({ caseId, fileId: coarseId, page: 1, wordIndex: index });
    expect(lowOf(after.words)).toBe(lowOf(before.words) - 1);
    expect(after.text).toBe(text);
    expect(after.confirmed).toContain(index);
    // a confirmation is not a correction: the "已更正" legend does not count it
    expect(after.corrections?.map((c) => c.wordIndex)).not.toContain(index);
    const reloaded = await service.api.getPage({ caseId, fileId: coarseId, page: 1 });
    expect(lowOf(reloaded.words)).toBe(lowOf(after.words));
    expect(reloaded.confirmed).toContain(index);
    const audit = await service.api.getAudit({ caseId });
    expect(audit.entries.find((e) => e.action === 'ocr.confirmed')!.detail).toMatchObject({
      wordIndex: index,
      after: before.words[index]!.text,
    });
  });

  it('correcting a doubtful word counts one doubt fewer', async () => {
    const before = await service.api.getPage({ caseId, fileId: coarseId, page: 1 });
    const settled = [...(before.corrections ?? []).map((c) => c.wordIndex), ...(before.confirmed ?? [])];
    const index = doubtful(before.words, settled)!;
    expect(index).toBeDefined();
    const after = await service.api.correctWord({
      caseId,
      fileId: coarseId,
      page: 1,
      wordIndex: index,
      text: `${before.words[index]!.text}改`,
    });
    expect(lowOf(after.words)).toBe(lowOf(before.words) - 1);
    await service.whenJobEnds(service.store.latestJob(caseId)!.id);
  });

  it('a confirmation outlives a second reading of the page (a re-run)', async () => {
    const page = await service.api.getPage({ caseId, fileId: coarseId, page: 1 });
    const sha = page.sha256;
    const reading = service.store.getPage(sha, 1)!;
    // the engine reads the page again, as unsure as before: the reviewer's word still stands
    service.store.recordPage({ ...reading, words: reading.words!.map((w) => ({ ...w })) });
    const again = await service.api.getPage({ caseId, fileId: coarseId, page: 1 });
    expect(again.confirmed).toEqual(page.confirmed);
    expect(lowOf(again.words)).toBe(lowOf(page.words));
  });
});

describe('exporting to the place the reviewer chose (issue 16)', () => {
  it('writes the report where the save dialog pointed, and refuses a relative place', async () => {
    const chosen = path.join(root, '导出', '张伟案-审查报告');
    const r = await service.api.exportReport({ caseId, folder: chosen });
    expect(r.folder).toBe(chosen);
    expect(r.files.map((f) => path.dirname(f))).toEqual([chosen, chosen, chosen]);
    for (const f of r.files) expect(fs.statSync(f).size).toBeGreaterThan(0);
    await expect(service.api.exportReport({ caseId, folder: '导出/相对' })).rejects.toThrow('完整路径');
  }, 120_000);
});
