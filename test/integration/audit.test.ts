// Every reviewer action on a real pipeline run is in the audit trail with who, when and
// what it was before and after; the report carries the history when asked; the chain verifies.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, type CaseReviewService } from '../../electron/core/service.js';
import { reviewFolder } from '../support/review-case.js';
import { writeTextPdf } from '../support/text-pdf.js';

let root: string;
let service: CaseReviewService;
let caseId: string;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-audit-int-'));
  const folder = path.join(root, '李明诈骗案');
  fs.mkdirSync(folder);
  await writeTextPdf(path.join(folder, '01-立案决定书.pdf'), [
    '立案决定书\n越公（刑）立字〔2023〕456号\n根据《中华人民共和国刑事诉讼法》第一百一十二条之规定，决定对李明诈骗案立案侦查。\n2023年6月2日',
  ]);
  // A record with no rights notice and no signature: the rules find something to decide on.
  // scanned, so that its words can be corrected
  await writeTextPdf(path.join(root, 'record.pdf'), [
    '讯问笔录（第1次）\n时间：2023年6月5日14时30分至16时05分\n地点：越城区公安分局办案区\n侦查员：郑凯、冯磊\n被讯问人：李明\n问：你为什么被传唤？\n答：因为投资的事。',
  ]);
  execFileSync('pdftoppm', ['-r', '200', '-png', '-gray', '-singlefile', path.join(root, 'record.pdf'), path.join(folder, '02-讯问笔录')]);
  service = createService({ dbPath: path.join(root, 'store.db'), reviewer: '周法制' });
  caseId = (await reviewFolder(folder, { service })).caseId;
}, 180_000);
afterAll(() => service.close());

describe('the audit trail through the service (issue 15)', () => {
  it('records decisions, notes, corrections and exports with before and after', async () => {
    const findings = await service.api.listFindings({ caseId });
    expect(findings.length).toBeGreaterThan(0);
    const f = findings[0]!;
    await service.api.decideFinding({ caseId, key: f.key, status: 'dismissed', note: '已补正' });
    await service.api.decideFinding({ caseId, key: f.key, status: 'confirmed', note: '已补正', reviewer: '王科长' });

    const file = (await service.api.getCase({ caseId })).fileList.find((x) => x.path.includes('讯问笔录'))!;
    const note = await service.api.addAnnotation({ caseId, fileId: file.id, page: 1, kind: 'note', note: '未告知权利' });
    await service.api.deleteAnnotation({ caseId, id: note.id });
    const page = await service.api.getPage({ caseId, fileId: file.id, page: 1 });
    const original = page.words[0]!.text;
    await service.api.correctWord({ caseId, fileId: file.id, page: 1, wordIndex: 0, text: '讯问笔录' });
    const job = service.store.latestJob(caseId)!;
    await service.whenJobEnds(job.id);

    const exported = await service.api.exportReport({ caseId, reviewer: '周法制', includeAudit: true });

    const { verified, entries } = await service.api.getAudit({ caseId });
    expect(verified).toBe(true);
    const actions = entries.map((e) => e.action);
    expect(actions[0]).toBe('case.created');
    expect(actions).toEqual(
      expect.arrayContaining([
        'case.opened',
        'finding.decided',
        'annotation.added',
        'annotation.deleted',
        'ocr.corrected',
        'report.exported',
      ]),
    );
    const decided = entries.filter((e) => e.action === 'finding.decided');
    expect(decided.map((e) => e.actor)).toEqual(['周法制', '王科长']);
    expect(decided[0]!.detail).toMatchObject({ key: f.key, before: { status: 'open' }, after: { status: 'dismissed', note: '已补正' } });
    expect(decided[1]!.detail).toMatchObject({ before: { status: 'dismissed' }, after: { status: 'confirmed' } });
    expect(entries.find((e) => e.action === 'ocr.corrected')!.detail).toMatchObject({ before: original, after: '讯问笔录' });
    expect(entries.find((e) => e.action === 'annotation.deleted')!.detail).toMatchObject({ before: { page: 1, note: '未告知权利' } });
    // timestamps never go backwards
    expect(entries.map((e) => e.at)).toEqual([...entries.map((e) => e.at)].sort());

    // the history is in the report the reviewer asked it for
    const docx = await mammoth.extractRawText({ path: exported.files.find((x) => x.endsWith('.docx'))! });
    const text = docx.value.replace(/\s+/g, '');
    expect(text).toContain('审查记录');
    expect(text).toContain('王科长');
    expect(text).toContain('排除→确认');
  });
});
