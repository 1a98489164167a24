// One corrected word re-analyses what depends on it (issue 17.3): the corrected page is read again;
// every other page's mentions come from what was read before; the case-wide steps (who is who,
// timeline, findings) run again, since one corrected name can change any of them.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, type CaseReviewService } from '../../electron/core/service.js';
import { mentionMemo } from '../../electron/core/pipeline/entities-stage.js';
import { writeTextPdf } from '../support/text-pdf.js';
import { reviewFolder } from '../support/review-case.js';

let service: CaseReviewService;
let caseId: string;

beforeAll(async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-scope-'));
  const folder = path.join(root, 'case');
  fs.mkdirSync(folder);
  await writeTextPdf(path.join(folder, '询问笔录.pdf'), [
    '询问笔录\n时间：2024年3月5日9时00分至10时00分\n被询问人：王小红\n问：你的电话？\n答：13700001111。',
    '问：你认识李建国吗？\n答：认识，他开一辆浙D12345的车。',
    '问：还有什么补充？\n答：没有。以上笔录我看过，和我说的相符。王小红',
  ]);
  await writeTextPdf(path.join(root, 'src.pdf'), ['扣押清单\n持有人：李建国 见证人：周明\n犯罪嫌疑人张伟，联系电话13912345678。']);
  execFileSync('pdftoppm', ['-r', '200', '-png', '-gray', '-singlefile', path.join(root, 'src.pdf'), path.join(folder, '扣押清单')]);
  service = createService({ dbPath: path.join(root, 'db.sqlite') });
  caseId = (await reviewFolder(folder, { service })).caseId;
}, 180_000);
afterAll(() => service.close());

describe('a correction re-reads its own page only', () => {
  it('reads the corrected page again, takes the others as read, and derives the case again', async () => {
    const scan = (await service.api.getCase({ caseId })).fileList.find((f) => f.path.includes('扣押清单'))!;
    const page = await service.api.getPage({ caseId, fileId: scan.id, page: 1 });
    const index = page.words.reduce((best, w, i) => (w.text.length > (page.words[best]?.text.length ?? 0) ? i : best), 0);
    const before = { hits: mentionMemo.hits, misses: mentionMemo.misses };
    await service.api.correctWord({ caseId, fileId: scan.id, page: 1, wordIndex: index, text: '电话13800138000' });
    const job = service.store.latestJob(caseId)!;
    expect(await service.whenJobEnds(job.id)).toBe('done');
    // Four pages: the corrected one read anew, the three of the text PDF as read before.
    expect(mentionMemo.misses - before.misses).toBe(1);
    expect(mentionMemo.hits - before.hits).toBe(3);
    const phones = (await service.api.listEntities({ caseId, type: 'PHONE' })).map((p) => p.value);
    expect(phones).toEqual(expect.arrayContaining(['13800138000', '13700001111']));
    const plates = (await service.api.listEntities({ caseId, type: 'PLATE' })).map((p) => p.value);
    expect(plates).toContain('浙D12345');
  });
});
