import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, type CaseReviewService } from '../../electron/core/service.js';
import { generateCase } from '../fixtures/generator/index.js';
import { writeTextPdf } from '../support/text-pdf.js';
import { reviewFolder } from '../support/review-case.js';

let root: string;
let folder: string;
let service: CaseReviewService;
let caseId: string;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-rerun-'));
  const g = await generateCase({
    seed: 31,
    outDir: root,
    name: 'rerun',
    forms: 'text-only',
    defects: ['DETENTION_FAMILY_NOTICE_24H', 'RECORD_CONFIRMATION'],
  });
  folder = g.folder;
  service = createService({ dbPath: path.join(root, 'db.sqlite') });
  caseId = (await reviewFolder(folder, { service })).caseId;
}, 300_000);
afterAll(() => service.close());

describe('findings on the page being read', () => {
  it('a page lists the findings whose evidence is on it, and only those', async () => {
    const findings = await service.api.listFindings({ caseId });
    const withEvidence = findings.filter((f) => f.evidence.some((e) => e.fileId > 0));
    expect(withEvidence.length).toBeGreaterThan(0);
    for (const f of withEvidence) {
      for (const e of f.evidence.filter((x) => x.fileId > 0)) {
        const page = await service.api.getPage({ caseId, fileId: e.fileId, page: e.page });
        expect(
          page.findings?.map((x) => x.key),
          `${f.rule} on ${e.file} p${e.page}`,
        ).toContain(f.key);
      }
    }
    const files = (await service.api.getCase({ caseId })).fileList.filter((x) => x.pages > 0);
    const evidenced = new Set(withEvidence.flatMap((f) => f.evidence.map((e) => `${e.fileId}:${e.page}`)));
    const quiet = files.find((x) => !evidenced.has(`${x.id}:1`))!;
    expect((await service.api.getPage({ caseId, fileId: quiet.id, page: 1 })).findings).toEqual([]);
  });
});

describe('reviewing a case again (issue 5)', () => {
  it("keeps the reviewer's decisions and notes, and puts them in review.json", async () => {
    const findings = await service.api.listFindings({ caseId });
    const late = findings.find((f) => f.rule === 'DETENTION_FAMILY_NOTICE_24H')!;
    expect(late.severity).toBe('violation');
    await service.api.decideFinding({ caseId, key: late.key, status: 'confirmed', note: '已核实通知时间', reviewer: '法制员甲' });
    const other = findings.find((f) => f.key !== late.key)!;
    await service.api.decideFinding({ caseId, key: other.key, status: 'dismissed', note: '不适用' });
    await reviewFolder(folder, { service });
    const review = await service.api.getReview({ caseId });
    expect(review.findings.find((f) => f.key === late.key)).toMatchObject({
      status: 'confirmed',
      note: '已核实通知时间',
      change: 'unchanged',
    });
    expect(review.findings.find((f) => f.key === other.key)).toMatchObject({ status: 'dismissed', note: '不适用' });
  }, 120_000);

  it('reads only the added material and marks every finding new or unchanged', async () => {
    const suspect = (await service.api.listEntities({ caseId, type: 'PERSON' })).find((p) => p.attributes.role === 'SUSPECT')!;
    await writeTextPdf(path.join(folder, '补充材料-情况说明.pdf'), [
      `情况说明\n犯罪嫌疑人${suspect.value}的家属已于案发后另行到案说明情况。`,
    ]);
    const { review } = await reviewFolder(folder, { service });
    const job = service.store.latestJob(caseId)!;
    expect(job.progress!.ingest).toMatchObject({ extracted: 1, hashed: 1 });
    expect(review.files.map((f) => f.path)).toContain('补充材料-情况说明.pdf');
    expect(review.findings.every((f) => f.change === 'new' || f.change === 'unchanged')).toBe(true);
    expect(review.findings.some((f) => f.status === 'confirmed')).toBe(true);
  }, 120_000);

  it('a finding that no longer fires is kept as resolved, with its decision', async () => {
    const f = (await service.api.listFindings({ caseId })).find((x) => x.rule === 'DETENTION_FAMILY_NOTICE_24H')!;
    // the late notice is replaced by a corrected scan of the file: move it out of the folder
    const review0 = await service.api.getReview({ caseId });
    const noticeDoc = review0.documents.find((d) => d.type === 'DETENTION_NOTICE')!;
    fs.renameSync(path.join(folder, noticeDoc.file), path.join(root, 'removed.pdf'));
    const { review } = await reviewFolder(folder, { service });
    expect(review.findings.map((x) => x.key)).not.toContain(f.key);
    expect(review.resolvedFindings?.find((x) => x.key === f.key)).toMatchObject({ change: 'resolved', status: 'confirmed' });
    expect(review.errors.some((e) => e.file === noticeDoc.file && /不在|missing/.test(e.message))).toBe(true);
  }, 120_000);
});

describe('cancelling a review', () => {
  it('stops, keeps the pages read so far, and the next run carries on', async () => {
    const scans = path.join(root, 'scans');
    fs.mkdirSync(scans);
    for (let i = 1; i <= 3; i++) {
      await writeTextPdf(path.join(root, `s${i}.pdf`), [`询问笔录\n被询问人：李娜\n第${i}页`]);
      execFileSync('pdftoppm', ['-r', '120', '-png', '-gray', '-singlefile', path.join(root, `s${i}.pdf`), path.join(scans, `p${i}`)]);
    }
    const { caseId: scanCase, jobId } = await service.api.startReview({ folder: scans });
    await new Promise<void>((resolve) => {
      const off = service.onEvent((e) => {
        if (e.kind === 'page' && e.event.caseId === scanCase) {
          off();
          resolve();
        }
      });
    });
    expect(await service.api.cancelJob({ jobId })).toEqual({ cancelled: true });
    expect(await service.whenJobEnds(jobId)).toBe('cancelled');
    const kept = (await service.api.getReview({ caseId: scanCase })).pages.filter((p) => p.source === 'ocr').length;
    expect(kept).toBeGreaterThanOrEqual(1);
    const { review } = await reviewFolder(scans, { service });
    expect(review.pages.filter((p) => p.source === 'ocr')).toHaveLength(3);
  }, 180_000);
});
