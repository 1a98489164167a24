import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OcrEngine } from '../../../electron/core/ocr/index.js';
import { writeTextPdf } from '../../support/text-pdf.js';

let engine: OcrEngine;
beforeAll(async () => {
  engine = await OcrEngine.create({ workers: 1 });
}, 120_000);
afterAll(async () => {
  await engine.close();
});

describe('a short form scanned on its side', () => {
  it('is turned and read, though the middle of the page holds almost nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-sparse-'));
    // a title and two lines at the top, as a 扣押决定书 is: the page's middle is blank
    await writeTextPdf(path.join(dir, 'form.pdf'), [
      '绍兴市公安局柯桥区分局\n\n扣押决定书\n\n柯公（刑）扣字〔2024〕0487号\n根据《中华人民共和国刑事诉讼法》第一百四十一条之规定，决定扣押犯罪嫌疑人持有的手机一部。',
    ]);
    execFileSync('pdftoppm', ['-r', '200', '-png', '-gray', '-singlefile', path.join(dir, 'form.pdf'), path.join(dir, 'form')]);
    const sideways = await sharp(path.join(dir, 'form.png')).rotate(270).png().toBuffer();
    const page = await engine.recognize(sideways);
    expect(page.rotation).toBe(90);
    expect(page.text).toContain('扣押决定书');
    expect(page.width).toBeLessThan(page.height);
  }, 120_000);
});
