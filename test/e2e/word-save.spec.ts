// Saving a word (issue 16, feedback): the editor says 保存中… then 已保存, and the page's
// low-confidence count falls after a word is confirmed as read (确认无误) and after one is
// corrected; the confirmation outlives a reload. Real bridge, real backend, real OCR of a
// coarse scan made here (small print, softened), so OCR is unsure of several words.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { CHROMIUM_OPTIONS } from './case-folder.js';
import { readState } from './state.js';
import { collectErrors, guardOffline, shot } from './browser.js';

const LINES = [
  '询问笔录',
  '被询问人：欧阳娜娜，女，住址江苏省南京市鼓楼区中山北路二百一十八号',
  '问：你把钱交给谁了？答：交给了司马建军和诸葛晓东，一共三万七千元。',
  '问：当时还有谁在场？答：还有皇甫秋云和上官青青。',
  '问：钱是怎么交的？答：在鼓楼公园东门的长椅旁边，装在一个旧牛皮纸信封里。',
  '问：以上笔录你看过吗？答：看过，和我说的一样，签字捺印。',
];

async function writeCoarseScan(file: string): Promise<void> {
  const browser = await chromium.launch(CHROMIUM_OPTIONS);
  try {
    const page = await browser.newPage({ viewport: { width: 620, height: 480 } });
    const [title, ...body] = LINES;
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>
      body { margin: 0; padding: 30px; background: #e9e6dc; font-family: "WenQuanYi Zen Hei", sans-serif; font-size: 13px; color: #555; filter: blur(0.8px); }
      h1 { text-align: center; font-size: 22px; margin: 0 0 16px; }
    </style></head><body><h1>${title}</h1>${body.map((l) => `<p>${l}</p>`).join('')}</body></html>`);
    await page.screenshot({ path: file });
  } finally {
    await browser.close();
  }
}

/** The count in the legend's "低置信度文字已标出（n 处）", 0 when the legend says nothing of doubt. */
async function lowCount(page: Page): Promise<number> {
  const legend = page.getByTestId('legend');
  if ((await legend.count()) === 0) return 0;
  const m = /低置信度文字已标出（(\d+) 处）/.exec((await legend.textContent()) ?? '');
  return m ? Number(m[1]) : 0;
}

function doubtfulWord(page: Page): Locator {
  return page.getByTestId('page-text').locator('mark.low-confidence[data-word-index]:not([data-entity])').first();
}

test('a word is saved with 保存中… then 已保存, the doubt count falls after a confirm and a correction, the report downloads', async ({
  page,
}) => {
  const state = readState();
  const outside = guardOffline(page);
  const errors = collectErrors(page);
  const folder = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'cr-e2e-words-')), '欧阳娜娜案');
  await fs.mkdir(folder);
  await writeCoarseScan(path.join(folder, '询问笔录.png'));

  await page.goto(state.url);
  await page.getByLabel('案卷文件夹路径').fill(folder);
  await page.getByRole('button', { name: '开始审查', exact: true }).click();
  await expect(page.getByTestId('catalogue-count')).toHaveText('1', { timeout: 4 * 60_000 });
  await page.getByRole('tab', { name: /文字/ }).click();
  await expect(doubtfulWord(page)).toBeAttached({ timeout: 60_000 });
  const before = await lowCount(page);
  // two words to settle that are plain words (a marked name opens its person instead)
  expect(
    await page.getByTestId('page-text').locator('mark.low-confidence[data-word-index]:not([data-entity])').count(),
  ).toBeGreaterThanOrEqual(2);

  // ── confirm a word as read ──
  const first = doubtfulWord(page);
  const confirmedIndex = await first.getAttribute('data-word-index');
  const confirmedText = await first.textContent();
  await first.click();
  const editor = page.getByTestId('word-editor');
  await expect(editor).toBeVisible();
  await shot(page, 'word-save-1-editor');
  await editor.getByTestId('word-confirm').click();
  await expect(editor.getByTestId('word-status')).toHaveText(/已保存/);
  await shot(page, 'word-save-2-saved');
  await expect(editor).toBeHidden();
  await expect.poll(() => lowCount(page)).toBe(before - 1);
  const confirmed = page.getByTestId('page-text').locator(`mark[data-word-index="${confirmedIndex}"]`);
  await expect(confirmed).toHaveText(confirmedText ?? '');
  await expect(confirmed).not.toHaveClass(/low-confidence/);

  // ── correct another doubtful word: 保存中… while it is re-analysed, then 已保存 ──
  const second = doubtfulWord(page);
  const correctedIndex = await second.getAttribute('data-word-index');
  const text = `${(await second.textContent()) ?? ''}改`;
  await second.click();
  await editor.getByTestId('word-input').fill(text);
  await editor.getByTestId('word-input').press('Enter');
  await expect(editor.getByTestId('word-status')).toHaveAttribute('data-state', /saving|saved/);
  await expect(editor.getByTestId('word-status')).toHaveText(/已保存/, { timeout: 60_000 });
  await expect(editor).toBeHidden();
  await expect.poll(() => lowCount(page)).toBe(before - 2);
  await expect(page.getByTestId('page-text').locator(`mark[data-word-index="${correctedIndex}"]`)).toHaveText(text);

  // ── both stand after a reload ──
  await page.reload();
  await page.getByRole('tab', { name: /文字/ }).click();
  await expect(page.getByTestId('page-text')).toContainText(text, { timeout: 60_000 });
  expect(await lowCount(page)).toBe(before - 2);
  await shot(page, 'word-save-3-after-reload');

  // ── the report leaves the browser as downloads named in Chinese (at the small screen) ──
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.getByTestId('export-open').click();
  await page.getByTestId('export-submit').click();
  const pdf = page.getByTestId('export-download').filter({ hasText: 'report.pdf' });
  await expect(pdf).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('export-download')).toHaveCount(3);
  await shot(page, 'word-save-4-export-1024');
  const [download] = await Promise.all([page.waitForEvent('download'), pdf.click()]);
  expect(download.suggestedFilename()).toMatch(/^欧阳娜娜案-[\d-]+-审查报告\.pdf$/);
  expect((await fs.stat((await download.path())!)).size).toBeGreaterThan(1000);

  expect(outside).toEqual([]);
  expect(errors).toEqual([]);
});
