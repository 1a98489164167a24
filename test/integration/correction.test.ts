import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, type CaseReviewService } from '../../electron/core/service.js';
import { writeTextPdf } from '../support/text-pdf.js';
import { reviewFolder } from '../support/review-case.js';

let service: CaseReviewService;
let caseId: string;
let fileId: number;

beforeAll(async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-correct-'));
  const folder = path.join(root, 'case');
  fs.mkdirSync(folder);
  await writeTextPdf(path.join(root, 'src.pdf'), ['扣押清单\n持有人：李建国 见证人：周明\n犯罪嫌疑人张伟，联系电话13912345678。']);
  execFileSync('pdftoppm', ['-r', '200', '-png', '-gray', '-singlefile', path.join(root, 'src.pdf'), path.join(folder, '扣押清单')]);
  service = createService({ dbPath: path.join(root, 'db.sqlite') });
  const r = await reviewFolder(folder, { service });
  caseId = r.caseId;
  fileId = (await service.api.getCase({ caseId })).fileList[0]!.id;
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
