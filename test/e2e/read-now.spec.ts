// 开始阅读 (issue 16): the reviewer who drops a scanned volume opens it at its first page while
// the review still reads the rest, reads on, and when the review ends the catalogue and the
// findings arrive under their eyes: no reload, the page they were on kept. The volume is
// generated, scanned (no text layer), long enough that OCR is far from done when page 1 is.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { generateCase } from '../fixtures/generator/index.js';
import { backend } from './backend.js';
import { readState } from './state.js';
import { collectErrors, guardOffline, shot } from './browser.js';

// Each size reviews its own volume: a folder reviewed before would reuse its pages and end at once.
const SIZES = [
  { width: 1440, height: 900, seed: 20240601, name: '赵某某等盗窃案（边审边读）' },
  { width: 1024, height: 768, seed: 20240602, name: '钱某某等盗窃案（边审边读）' },
];
// ~10 scanned pages: OCR takes several times as long as its first page on two cores.
const VOLUME_PAGES = 10;

let root = '';
const folders = new Map<number, string>();

test.beforeAll(async () => {
  test.setTimeout(3 * 60_000);
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'case-review-read-now-'));
  for (const s of SIZES) {
    const g = await generateCase({
      seed: s.seed,
      outDir: root,
      name: `volume-${s.seed}`,
      forms: 'scanned-volume-only',
      volumePages: VOLUME_PAGES,
      dpi: 150,
      suspects: 1,
    });
    folders.set(s.seed, g.folder);
  }
});

test.afterAll(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

const compact = (s: string) => s.replace(/\s+/g, '');

/** A tab of the reading view's side panel (the case's own views have a tablist of their own). */
function sideTab(page: Page, name: string) {
  return page.getByRole('complementary').getByRole('tab', { name, exact: true });
}

async function imageShown(page: Page): Promise<number> {
  return page.getByTestId('page-image').evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0));
}

for (const size of SIZES) {
  test(`开始阅读 during a review, ${size.width}×${size.height}: page 1 read while OCR runs, the catalogue arrives in place`, async ({
    page,
    request,
  }) => {
    test.setTimeout(3 * 60_000);
    const api = backend(request);
    const outside = guardOffline(page);
    const errors = collectErrors(page);
    await page.setViewportSize({ width: size.width, height: size.height });
    const tag = `read-now-${size.width}`;

    await page.goto(readState().url);
    await page.getByLabel('案卷文件夹路径').fill(folders.get(size.seed) ?? '');
    await page.getByLabel('案件名称（可选）').fill(size.name);
    await page.getByRole('button', { name: '开始审查', exact: true }).click();

    const job = page.getByTestId('review-job');
    const readNow = job.getByTestId('read-now');
    await expect(readNow).toHaveText('开始阅读', { timeout: 90_000 });
    // The page read ahead took none of OCR's time: no promise of an end before OCR has begun.
    await expect(job).not.toContainText('预计剩余 0 秒');
    await shot(page, `${tag}-progress`);
    // A reload would drop this; it must still be here when the review has ended.
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    await readNow.click();

    let caseId = '';
    let volumeId = -1;
    await test.step('the case opens at page 1, its scan and its OCR text, while the review runs', async () => {
      await expect(page.getByTestId('case-name')).toHaveText(size.name);
      // The reader is told the review goes on, and why the catalogue is still empty.
      const banner = page.getByTestId('case-reviewing');
      await expect(banner).toContainText('正在审查');
      await expect(page.getByRole('navigation', { name: '卷宗目录' })).toContainText('页面识别完成后将在此列出文书目录');
      await expect(page.getByTestId('page-counter')).toContainText(/第\s*1\s*\//);
      await expect.poll(() => imageShown(page), { timeout: 30_000 }).toBeGreaterThan(0);

      const summary = (await api('listCases', {})).find((c) => c.name === size.name);
      expect(summary?.job?.status, 'the review is still running when its first page is read').toBe('running');
      caseId = summary?.id ?? '';
      const volume = (await api('getCase', { caseId })).fileList.find((f) => f.pages > 1);
      if (!volume) throw new Error('the scanned volume was not listed');
      volumeId = volume.id;
      const first = await api('getPage', { caseId, fileId: volumeId, page: 1 });
      expect(first.source).toBe('ocr');
      expect(compact(first.text).length).toBeGreaterThan(20);
      // The side panel shows the words OCR read on that page, as the service serves them.
      await expect
        .poll(async () => compact((await page.getByTestId('page-text').textContent()) ?? ''))
        .toContain(compact(first.text).slice(0, 20));
      await shot(page, `${tag}-page1`);
    });

    await test.step('reading on to page 2; the findings tab says they are still to come', async () => {
      await page.getByRole('button', { name: '下一页' }).click();
      await expect(page.getByTestId('page-counter')).toContainText(/第\s*2\s*\//);
      await expect(page).toHaveURL(/[?&]page=2\b/);
      await expect.poll(() => imageShown(page), { timeout: 30_000 }).toBeGreaterThan(0);
      await sideTab(page, '审查意见').click();
      // Not "no issues found": nothing has been checked yet.
      await expect(page.getByTestId('findings-panel')).toContainText('审查尚未完成');
      await expect(page.getByTestId('findings-panel')).not.toContainText('未发现程序问题');
      const status = (await api('listCases', {})).find((c) => c.id === caseId)?.job?.status;
      expect(status, 'the review is still running after the reader turned a page').toBe('running');
      await shot(page, `${tag}-page2-reviewing`);
    });

    await test.step('the review ends: catalogue and findings arrive without a reload, page 2 kept', async () => {
      await expect(page.getByTestId('case-reviewing')).toBeHidden({ timeout: 150_000 });
      const summary = (await api('listCases', {})).find((c) => c.id === caseId);
      expect(summary?.job?.status).toBe('done');
      const detail = await api('getCase', { caseId });
      expect(detail.documents.length).toBeGreaterThan(1);
      await expect(page.getByTestId('catalogue-count')).toHaveText(String(detail.documents.length));
      await expect(page.getByTestId('catalogue-entry').first()).toBeVisible();
      // The catalogue marks the document being read.
      await expect(page.locator('[data-testid="catalogue-entry"][aria-current="true"]')).toHaveCount(1);
      // The findings the review made fill the side panel the reader left open.
      const findings = await api('listFindings', { caseId, includeResolved: true });
      expect(findings.length).toBeGreaterThan(0);
      const violations = findings.filter((f) => f.severity === 'violation').length;
      const warnings = findings.filter((f) => f.severity === 'warning').length;
      await expect(page.getByTestId('findings-counts')).toContainText(`违法 ${violations}`);
      await expect(page.getByTestId('findings-counts')).toContainText(`提示 ${warnings}`);
      await expect(page.getByTestId('finding').first()).toBeVisible();
      // The place is kept: page 2, in the same document the reader had open.
      await expect(page.getByTestId('page-counter')).toContainText(/第\s*2\s*\//);
      await expect(page).toHaveURL(/[?&]page=2\b/);
      await shot(page, `${tag}-done`);

      await sideTab(page, '文字').click();
      const second = await api('getPage', { caseId, fileId: volumeId, page: 2 });
      expect(second.source).toBe('ocr');
      await expect
        .poll(async () => compact((await page.getByTestId('page-text').textContent()) ?? ''))
        .toContain(compact(second.text).slice(0, 20));
      expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    });

    expect(outside, 'requests that left the machine').toEqual([]);
    expect(errors).toEqual([]);
  });
}
