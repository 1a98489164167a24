// A page image is served only for a case that holds the file, and only while the file on disk is
// the one whose text the review read.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, type CaseReviewService } from '../../../electron/core/service.js';
import { reviewFolder } from '../../support/review-case.js';
import { writeTextPdf } from '../../support/text-pdf.js';

let root: string;
let service: CaseReviewService;
let a: string;
let b: string;
let sha: string;
let pdf: string;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-page-image-'));
  for (const name of ['甲案', '乙案']) fs.mkdirSync(path.join(root, name));
  pdf = path.join(root, '甲案', '立案决定书.pdf');
  await writeTextPdf(pdf, ['立案决定书\n根据《中华人民共和国刑事诉讼法》第一百一十二条之规定，决定对周某盗窃案立案侦查。']);
  fs.writeFileSync(path.join(root, '乙案', '说明.txt'), '情况说明\n本案无其他材料。');
  service = createService({ dbPath: path.join(root, 'db.sqlite') });
  a = (await reviewFolder(path.join(root, '甲案'), { service })).caseId;
  b = (await reviewFolder(path.join(root, '乙案'), { service })).caseId;
  sha = (await service.api.getCase({ caseId: a })).fileList[0]!.sha256!;
}, 120_000);
afterAll(() => service.close());

describe('getPageImage', () => {
  it('renders a page of the case that holds the file', async () => {
    const img = await service.api.getPageImage({ caseId: a, sha256: sha, page: 1, maxWidth: 400 });
    expect(img.mime).toBe('image/png');
    expect(Buffer.from(img.dataBase64, 'base64').subarray(1, 4).toString()).toBe('PNG');
  });

  it('refuses a file of another case', async () => {
    const r = await service.dispatch('getPageImage', { caseId: b, sha256: sha, page: 1 });
    expect(r).toMatchObject({ ok: false, error: { code: 'not-found', message: '页面图像不存在' } });
  });

  it('refuses a file changed on disk since it was read, saying so in Chinese', async () => {
    await writeTextPdf(pdf, ['立案决定书\n决定对吴某诈骗案立案侦查。']);
    const r = await service.dispatch('getPageImage', { caseId: a, sha256: sha, page: 1 });
    expect(r).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringContaining('原文件自审查后已被修改') } });
    fs.rmSync(pdf);
    const gone = await service.dispatch('getPageImage', { caseId: a, sha256: sha, page: 1 });
    expect(gone).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('原文件已不在案卷文件夹中') } });
  });
});
