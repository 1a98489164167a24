import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { lineLayout } from '../../../electron/core/ocr/orientation.js';
import { prepareForOcr } from '../../../electron/core/ocr/preprocess.js';
import type { Rotation } from '../../../electron/core/ocr/preprocess.js';
import { writeTextPdf } from '../../support/text-pdf.js';

// A 传唤证 as printed: a paragraph, then short label lines aligned on the left.
const FORM = [
  '绍兴市公安局上虞区分局',
  '传唤证',
  '虞公（刑）传字〔2024〕0882号',
  '犯罪嫌疑人郑立新，性别男，出生日期1995年9月23日，住址浙江省绍兴市越城区解放北路387号。根据《中华人民共和国刑事诉讼法》第一百一十九条之规定，兹传唤你于2024年4月20日9时0分到绍兴市公安局上虞区分局执法办案中心接受讯问。',
  '本证已于2024年4月20日向我宣布。',
  '被传唤人：郑立新',
  '到案时间：2024年4月20日9时',
  '传唤结束时间：2024年4月20日10时52分',
  '执行人：冯伟、马德胜',
].join('\n\n');

let scan: Buffer;
beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-orient-'));
  await writeTextPdf(path.join(dir, 'form.pdf'), [FORM]);
  execFileSync('pdftoppm', ['-r', '200', '-png', '-gray', '-singlefile', path.join(dir, 'form.pdf'), path.join(dir, 'form')]);
  scan = fs.readFileSync(path.join(dir, 'form.png'));
}, 60_000);

async function layoutOf(turn: Rotation): Promise<Awaited<ReturnType<typeof lineLayout>>> {
  const turned = turn === 0 ? scan : await sharp(scan).rotate(turn).png().toBuffer();
  return lineLayout(await prepareForOcr(turned));
}

describe('lineLayout: which way the lines run, from the ink alone', () => {
  it('takes a page as printed for upright', async () => {
    expect((await layoutOf(0)).guess).toBe('upright');
  });

  it('sees a page turned over by its aligned right edge and reads it turned first', async () => {
    const layout = await layoutOf(180);
    expect(layout.guess).toBe('upside-down');
    expect(layout.candidates[0]).toBe(180);
  });

  it.each([90, 270] as const)('sees lines running down a page scanned turned %i°', async (turn) => {
    const layout = await layoutOf(turn);
    expect(layout.guess).toBe('sideways');
    expect(layout.candidates).toEqual([90, 270]);
  });

  it('makes no guess on a blank page', async () => {
    const blank = await sharp({ create: { width: 1654, height: 2339, channels: 3, background: '#f4f4f0' } })
      .png()
      .toBuffer();
    expect((await lineLayout(await prepareForOcr(blank))).guess).toBe('unknown');
  });
});
