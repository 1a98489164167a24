// A page image is served only for a case that holds the file, and only while the file on disk is
// the one whose text the review read.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
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

  it('shows a page OCR read turned upright turned the same way, so its word boxes fit it', async () => {
    // A sheet scanned on its side: landscape, with a dark block in its top-left corner.
    const dir = path.join(root, '丙案');
    fs.mkdirSync(dir);
    const block = await sharp({ create: { width: 100, height: 100, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    await sharp({ create: { width: 600, height: 400, channels: 3, background: '#fff' } })
      .composite([{ input: block, left: 0, top: 0 }])
      .png()
      .toFile(path.join(dir, '扫描件.png'));
    const c = (await reviewFolder(dir, { service })).caseId;
    const scan = (await service.api.getCase({ caseId: c })).fileList[0]!.sha256!;
    // As the OCR stage keeps a page it turned 90° clockwise to read: boxes in a 400×600 raster.
    service.store.recordPage({
      sha256: scan,
      page_no: 1,
      source: 'ocr',
      text: '',
      confidence: 0.9,
      width: 400,
      height: 600,
      rotation: 90,
      words: [],
      engine: 'test',
    });
    const img = await service.api.getPageImage({ caseId: c, sha256: scan, page: 1, maxWidth: 400 });
    expect([img.width, img.height]).toEqual([400, 600]);
    // Turned clockwise, the block is now in the top-right corner.
    const { data, info } = await sharp(Buffer.from(img.dataBase64, 'base64')).greyscale().raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number): number => data[y * info.width + x] as number;
    expect(at(info.width - 20, 20)).toBeLessThan(60);
    expect(at(20, 20)).toBeGreaterThan(200);
  });
});
