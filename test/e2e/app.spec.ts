// The reviewer's first hour, end to end: real renderer build, real bridge, real
// backend and database, Debian's Chromium.
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import type { CaseTruth } from '../fixtures/generator/truth.js';
import { KNOWN_TEXT, SCANNED_DOCUMENT } from './case-folder.js';
import { readState } from './state.js';
import { collectErrors, guardOffline, shot } from './browser.js';

test('start a review from a folder path, then read a document page by page', async ({ page }) => {
  const state = readState();
  const outside = guardOffline(page);
  const errors = collectErrors(page);

  await page.goto(state.url);
  await expect(page.getByRole('heading', { name: '开始审查' })).toBeVisible();
  await expect(page.getByText('还没有案件')).toBeVisible();
  await shot(page, '01-home');

  await page.getByLabel('案卷文件夹路径').fill(state.caseFolder);
  await page.getByRole('button', { name: '开始审查', exact: true }).click();
  await expect(page.getByTestId('review-job')).toBeVisible();
  await shot(page, '02-review-started');

  // The app opens the case by itself when the review it started is done.
  const entries = page.getByTestId('catalogue-entry');
  await expect(entries).toHaveCount(4, { timeout: 4 * 60_000 });
  await expect(page.getByTestId('case-name')).toHaveText('李建国盗窃案');
  // The backend decides the catalogue's order; each document appears once, numbered.
  for (const title of ['受案登记表', KNOWN_TEXT.interrogationTitle, KNOWN_TEXT.detentionTitle]) {
    await expect(entries.filter({ hasText: title })).toHaveCount(1);
  }
  await expect(entries.filter({ hasText: SCANNED_DOCUMENT.file })).toHaveCount(1);
  await expect(entries.nth(0)).toContainText(/^1\D/);
  // The unreadable file is listed apart from the catalogue, by name.
  await expect(page.getByTestId('file-errors')).toContainText('04-扫描件损坏.pdf');

  await entries.filter({ hasText: KNOWN_TEXT.interrogationTitle }).click();
  await expect(entries.filter({ hasText: KNOWN_TEXT.interrogationTitle })).toHaveAttribute('aria-current', 'true');
  await expect(page.getByTestId('page-counter')).toHaveText('第 1 / 2 页');
  await expect(page.getByTestId('page-text')).toContainText(KNOWN_TEXT.interrogationPage1);
  const image = page.getByTestId('page-image');
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)), { timeout: 60_000 })
    .toBeGreaterThan(0);
  await expect(image).toHaveAttribute('data-page', /:1$/);
  await shot(page, '03-interrogation-p1');

  // Keyboard paging, as a reviewer reads.
  await page.keyboard.press('j');
  await expect(page.getByTestId('page-counter')).toHaveText('第 2 / 2 页');
  await expect(page.getByTestId('page-text')).toContainText(KNOWN_TEXT.interrogationPage2);
  await expect(image).toHaveAttribute('data-page', /:2$/, { timeout: 60_000 });
  // Past the last page of a file, paging continues into the next document.
  await page.keyboard.press('j');
  await expect(page.getByTestId('page-text')).toContainText('执行拘留');
  await expect(entries.filter({ hasText: KNOWN_TEXT.detentionTitle })).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('k');
  await expect(page.getByTestId('page-text')).toContainText(KNOWN_TEXT.interrogationPage2);

  // The scanned page was read by OCR, and says so.
  await entries.filter({ hasText: SCANNED_DOCUMENT.file }).click();
  await expect(page.getByTestId('page-text')).toContainText(SCANNED_DOCUMENT.known);
  await expect(page.getByText('OCR 识别')).toBeVisible();
  await expect(page.getByText(/识别置信度 \d+%/)).toBeVisible();
  await shot(page, '04-scanned-ocr');
  await entries.filter({ hasText: KNOWN_TEXT.interrogationTitle }).click();
  await page.keyboard.press('j');
  await expect(page.getByTestId('page-text')).toContainText(KNOWN_TEXT.interrogationPage2);

  // Zoom changes the displayed size of the page.
  const before = await image.evaluate((img: HTMLImageElement) => img.getBoundingClientRect().width);
  await page.keyboard.press('+');
  await expect(page.getByText('125%')).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.getBoundingClientRect().width)).toBeGreaterThan(before * 1.2);
  await page.getByRole('button', { name: '适合宽度' }).click();
  await shot(page, '05-interrogation-p2');

  // English, remembered across a reload.
  await page.getByTestId('locale').selectOption('en-US');
  await expect(page.getByText('Catalogue', { exact: true })).toBeVisible();
  await expect(page.getByTestId('page-counter')).toHaveText('Page 2 / 2');
  // The reload returns to the same page of the same case, and the case list is one click away.
  await page.reload();
  await expect(page.getByTestId('page-counter')).toHaveText('Page 2 / 2');
  await expect(page.getByTestId('page-text')).toContainText(KNOWN_TEXT.interrogationPage2);
  await page.getByRole('button', { name: 'Cases', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Start a review' })).toBeVisible();
  const row = page.getByTestId('case-table').getByRole('row', { name: /李建国盗窃案/ });
  await expect(row).toBeVisible();
  await expect(row.getByRole('cell').nth(4)).toHaveText('4');
  await shot(page, '06-case-list-en');

  expect(outside, 'requests that left the machine').toEqual([]);
  expect(errors).toEqual([]);
});

test('a generated case of many documents: windowed catalogue, every document reachable', async ({ page }) => {
  const state = readState();
  if ('error' in state.generated) throw new Error(`The fixture generator failed: ${state.generated.error}`);
  const truth = JSON.parse(fs.readFileSync(state.generated.truthPath, 'utf8')) as CaseTruth;
  const outside = guardOffline(page);
  const errors = collectErrors(page);

  await page.goto(state.url);
  await page.getByLabel('案卷文件夹路径').fill(state.generated.folder);
  await page.getByRole('button', { name: '开始审查', exact: true }).click();
  await expect(page.getByTestId('catalogue-count')).toHaveText(String(truth.documents.length), { timeout: 4 * 60_000 });

  // Only the rows in view are in the DOM, however long the catalogue.
  const entries = page.getByTestId('catalogue-entry');
  const rendered = await entries.count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(truth.documents.length);

  // The last interrogation record: scroll the catalogue until it is rendered, open it.
  const target = truth.documents.filter((d) => d.type === 'INTERROGATION_RECORD').at(-1);
  if (!target) throw new Error('the generated case has no interrogation record');
  const fileName = target.file.split('/').at(-1) ?? target.file;
  const list = page.getByTestId('catalogue');
  const entry = entries.filter({ hasText: fileName });
  await list.evaluate((el) => {
    el.scrollTop = 0;
  });
  for (let i = 0; i < 40 && (await entry.count()) === 0; i++) {
    await list.evaluate((el) => {
      el.scrollTop += el.clientHeight / 2;
    });
  }
  await entry.click();
  await expect(page.getByTestId('page-counter')).toHaveText(
    `第 ${target.pageFrom} / ${truth.files.find((f) => f.path === target.file)?.pages.length} 页`,
  );

  // The words of the page, as printed (runs of Chinese characters survive any spacing the PDF adds).
  const printed = truth.files.find((f) => f.path === target.file)?.pages.find((p) => p.page === target.pageFrom)?.text ?? '';
  const phrase = printed
    .split('\n')
    .slice(1)
    .flatMap((line) => line.match(/[\u4e00-\u9fff]{6,}/g) ?? [])[0];
  if (!phrase) throw new Error(`no Chinese phrase on ${target.file} p.${target.pageFrom}`);
  await expect(page.getByTestId('page-text')).toContainText(phrase);
  const image = page.getByTestId('page-image');
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)), { timeout: 60_000 })
    .toBeGreaterThan(0);
  await shot(page, '07-generated-case');

  expect(outside, 'requests that left the machine').toEqual([]);
  expect(errors).toEqual([]);
});
