// The case reads as one continuous strip of pages (issue 16), as a PDF reader shows a volume:
// the mouse wheel runs from one file's last page into the next file's first with both on
// screen at the seam; only the pages near the viewport exist in the DOM however long the
// case; the page box and the address follow the page that fills the view; the page box,
// j/k and the thumbnails scroll the strip to a page; PageDown scrolls a screen; a zoom
// widens the pages and keeps the reader on theirs.
// On the generated case of many files, at 1440×900 and 1024×768.
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { backend } from './backend.js';
import { readState } from './state.js';
import { collectErrors, guardOffline, shot } from './browser.js';
import { visibleName } from '../../shared/names.js';
import { SCANNED_DOCUMENT } from './case-folder.js';

type Rect = { x: number; y: number; width: number; height: number };

async function rect(l: Locator): Promise<Rect> {
  const r = await l.boundingBox();
  if (!r) throw new Error('not laid out');
  return r;
}

/** How many pixels of a rectangle's height lie within the viewport of the strip. */
function shownHeight(r: Rect, view: Rect): number {
  return Math.max(0, Math.min(r.y + r.height, view.y + view.height) - Math.max(r.y, view.y));
}

function slot(page: Page, fileId: number, pageNo: number): Locator {
  return page.locator(`.strip-slot[data-slot="${fileId}:${pageNo}"]`);
}

function placeOf(page: Page): { file: number; page: number } {
  const q = new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '');
  return { file: Number(q.get('file')), page: Number(q.get('page')) };
}

for (const size of [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
]) {
  test.describe(`${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('the pages of the whole case scroll as one strip', async ({ page, request }) => {
      const state = readState();
      if ('error' in state.generated) throw new Error(`The fixture generator failed: ${state.generated.error}`);
      const api = backend(request);
      const outside = guardOffline(page);
      const errors = collectErrors(page);
      const tag = `strip-${size.width}`;

      await page.goto(state.url);
      await page.getByLabel('案卷文件夹路径').fill(state.generated.folder);
      await page.getByRole('button', { name: '开始审查', exact: true }).click();
      await expect(page.getByTestId('catalogue-entry').first()).toBeVisible({ timeout: 4 * 60_000 });
      const caseName = (await page.getByTestId('case-name').textContent()) ?? '';
      const caseId = (await api('listCases', {})).find((c) => c.name === caseName)?.id;
      if (!caseId) throw new Error(`case ${caseName} not found`);
      const files = (await api('getCase', { caseId })).fileList.filter((f) => f.pages > 0);
      const pages = files.reduce((n, f) => n + f.pages, 0);
      expect(pages).toBeGreaterThan(20);
      const counter = page.getByTestId('page-counter');
      const scroller = page.getByTestId('page-strip');
      const viewerFile = page.locator('.viewer-file');

      // ── 1. The wheel runs from one file's last page into the next file's first ──
      const i = files.findIndex((f, k) => k > 0 && (files[k - 1]?.pages ?? 0) >= 1 && f.pages >= 2);
      const prev = files[i - 1];
      const next = files[i];
      if (!prev || !next) throw new Error('no two files in a row');
      const url = new URL(state.url);
      url.hash = `#/case/${encodeURIComponent(caseId)}/read?file=${prev.id}&page=${prev.pages}`;
      await page.goto(url.href);
      await expect(counter).toHaveText(`第 ${prev.pages} / ${prev.pages} 页`);
      await expect(page.getByTestId('page-image')).toHaveAttribute('data-page', new RegExp(`:${prev.pages}$`), { timeout: 60_000 });
      const view = await rect(scroller);
      await page.mouse.move(view.x + view.width / 2, view.y + view.height / 2);
      const seamTop = slot(page, prev.id, prev.pages);
      const seamBottom = slot(page, next.id, 1);
      // Down the wheel until the seam is in the middle of the view: both pages on screen.
      let both = false;
      for (let k = 0; k < 40 && !both; k++) {
        await page.mouse.wheel(0, 120);
        await page.waitForTimeout(60);
        if ((await seamBottom.count()) === 0) continue;
        const a = shownHeight(await rect(seamTop.locator('.page-sheet')), view);
        const b = shownHeight(await rect(seamBottom.locator('.page-sheet')), view);
        both = a > view.height * 0.2 && b > view.height * 0.2;
      }
      expect(both).toBe(true);
      await expect(seamTop.locator('img')).toBeVisible({ timeout: 60_000 });
      await expect(seamBottom.locator('img')).toBeVisible({ timeout: 60_000 });
      // The next file's name stands over its first page.
      await expect(seamBottom.locator('.strip-file')).toBeVisible();
      await shot(page, `${tag}-1-seam`);
      // On down: the next file's first page becomes the page, in the page box and the address.
      for (let k = 0; k < 40 && placeOf(page).file !== next.id; k++) {
        await page.mouse.wheel(0, 120);
        await page.waitForTimeout(60);
      }
      await expect(viewerFile).toHaveText(visibleName(next.path));
      await expect(counter).toHaveText(`第 1 / ${next.pages} 页`);
      await expect.poll(() => placeOf(page)).toEqual({ file: next.id, page: 1 });
      await expect(page.getByTestId('page-sheet')).toHaveAttribute('data-page', /:1$/);

      // ── 2. The page box scrolls the strip to a page: its top at the top of the view ──
      const long = files.reduce((a, b) => (b.pages > a.pages ? b : a));
      url.hash = `#/case/${encodeURIComponent(caseId)}/read?file=${long.id}&page=1`;
      await page.goto(url.href);
      await expect(page.getByTestId('page-image')).toHaveAttribute('data-page', /:1$/, { timeout: 60_000 });
      const target = long.pages;
      await page.keyboard.press('g');
      await page.keyboard.type(String(target));
      await page.keyboard.press('Enter');
      await expect(counter).toHaveText(`第 ${target} / ${long.pages} 页`);
      await expect.poll(() => placeOf(page)).toEqual({ file: long.id, page: target });
      await expect(slot(page, long.id, target).locator('img')).toBeVisible({ timeout: 60_000 });
      const landed = await rect(slot(page, long.id, target).locator('.page-sheet'));
      expect(shownHeight(landed, view)).toBeGreaterThan(view.height * 0.5);
      await shot(page, `${tag}-2-jumped`);

      // ── 2b. A zoom widens every page and keeps the reader on theirs ──
      const narrow = await rect(slot(page, long.id, target).locator('.page-sheet'));
      await page.keyboard.press('+');
      await expect
        .poll(async () => (await rect(slot(page, long.id, target).locator('.page-sheet'))).width)
        .toBeGreaterThan(narrow.width * 1.2);
      const zoomed = await rect(slot(page, long.id, target).locator('.page-sheet'));
      expect(Math.abs(zoomed.y - narrow.y)).toBeLessThan(zoomed.height * 0.1);
      await expect(counter).toHaveText(`第 ${target} / ${long.pages} 页`);
      await shot(page, `${tag}-2-zoomed`);
      await page.keyboard.press('0');
      await expect.poll(async () => (await rect(slot(page, long.id, target).locator('.page-sheet'))).width).toBe(narrow.width);
      await expect(counter).toHaveText(`第 ${target} / ${long.pages} 页`);

      // ── 3. k turns back one page; PageDown scrolls a screen, the page box following ──
      await page.keyboard.press('k');
      await expect(counter).toHaveText(`第 ${target - 1} / ${long.pages} 页`);
      const up = await rect(slot(page, long.id, target - 1).locator('.page-sheet'));
      expect(Math.abs(up.y - view.y)).toBeLessThan(40);
      const before = await scroller.evaluate((el) => el.scrollTop);
      await page.keyboard.press('PageDown');
      await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(before + view.height / 2);
      await expect(counter).toHaveText(`第 ${target} / ${long.pages} 页`);
      await expect.poll(() => placeOf(page)).toEqual({ file: long.id, page: target });

      // ── 4. However long the case, only the pages near the view exist ──
      const first = files[0];
      if (!first) throw new Error('no file');
      url.hash = `#/case/${encodeURIComponent(caseId)}/read?file=${first.id}&page=1`;
      await page.goto(url.href);
      await expect(page.getByTestId('page-image')).toHaveAttribute('data-page', /:1$/, { timeout: 60_000 });
      const total = await scroller.evaluate((el) => el.scrollHeight);
      // Every page has its height in the strip, mounted or not.
      expect(total).toBeGreaterThan(pages * view.height * 0.5);
      const counts: number[] = [];
      for (const at of [0.25, 0.5, 0.75, 1]) {
        await page.mouse.move(view.x + view.width / 2, view.y + view.height / 2);
        await scroller.evaluate((el, f) => {
          el.scrollTop = (el.scrollHeight - el.clientHeight) * f;
        }, at);
        await page.mouse.wheel(0, 60);
        await expect(page.locator('.strip-slot img').first()).toBeVisible({ timeout: 60_000 });
        // Every mounted page's image loaded: none still stands as a placeholder.
        await expect(page.locator('.strip-slot .page-sheet > p')).toHaveCount(0, { timeout: 60_000 });
        counts.push(await page.locator('.strip-slot').count(), await page.locator('.strip-slot img').count());
      }
      // The figure: pages mounted and images in the DOM at each stop, against the case's pages.
      console.log(`strip ${size.width}×${size.height}: ${pages} pages; mounted/images at 25/50/75/100%: ${counts.join(' ')}`);
      for (const n of counts) expect(n).toBeLessThanOrEqual(8);
      // At the end of the strip: the last page of the last file is the page.
      const last = files.at(-1);
      if (!last) throw new Error('no file');
      await expect(counter).toHaveText(`第 ${last.pages} / ${last.pages} 页`);
      await expect.poll(() => placeOf(page)).toEqual({ file: last.id, page: last.pages });
      await shot(page, `${tag}-3-end`);

      // ── 5. A thumbnail scrolls the strip to its page ──
      const rail = page.getByTestId('thumb-rail');
      if (!(await rail.isVisible())) await page.getByTestId('thumbs-toggle').click();
      url.hash = `#/case/${encodeURIComponent(caseId)}/read?file=${next.id}&page=1`;
      await page.goto(url.href);
      await expect(counter).toHaveText(`第 1 / ${next.pages} 页`);
      await rail.getByRole('button', { name: `${next.path} 第 2 页` }).click({ timeout: 15_000 });
      await expect(counter).toHaveText(`第 2 / ${next.pages} 页`);
      await expect(slot(page, next.id, 2).locator('img')).toBeVisible({ timeout: 60_000 });
      const thumbed = await rect(slot(page, next.id, 2).locator('.page-sheet'));
      expect(Math.abs(thumbed.y - view.y)).toBeLessThan(40);
      await shot(page, `${tag}-4-thumbnail`);
      // Down into the page, then its thumbnail again: back to its top.
      await page.mouse.move(view.x + view.width / 2, view.y + view.height / 2);
      await page.mouse.wheel(0, 120);
      await expect.poll(async () => (await rect(slot(page, next.id, 2).locator('.page-sheet'))).y).toBeLessThan(view.y - 60);
      await expect(counter).toHaveText(`第 2 / ${next.pages} 页`);
      await rail.getByRole('button', { name: `${next.path} 第 2 页` }).click();
      await expect.poll(async () => Math.abs((await rect(slot(page, next.id, 2).locator('.page-sheet'))).y - view.y)).toBeLessThan(40);

      expect(outside).toEqual([]);
      expect(errors).toEqual([]);
    });
  });
}

test('a word on the page below the current one is corrected there: the page becomes the current one where it is', async ({ page }) => {
  const state = readState();
  const outside = guardOffline(page);
  const errors = collectErrors(page);
  await page.goto(state.url);
  await page.getByLabel('案卷文件夹路径').fill(state.caseFolder);
  await page.getByRole('button', { name: '开始审查', exact: true }).click();
  await expect(page.getByTestId('catalogue-count')).toHaveText('4', { timeout: 4 * 60_000 });
  const viewerFile = page.locator('.viewer-file');
  const scroller = page.getByTestId('page-strip');
  // The file before the scan, at its top; the scan's first lines brought up into the view's lower part.
  await page.getByTestId('catalogue-entry').filter({ hasText: '拘留证' }).click();
  await expect(viewerFile).toHaveText('03-拘留证.pdf');
  const scan = page.locator('.strip-slot').filter({ has: page.locator('.strip-file', { hasText: SCANNED_DOCUMENT.file }) });
  await expect(scan.locator('.ocr-word').first()).toBeAttached({ timeout: 60_000 });
  const view = await rect(scroller);
  const top = await scan.evaluate((el) => (el as HTMLElement).offsetTop);
  await scroller.evaluate(
    (el, y) => {
      el.scrollTop = y;
    },
    top - view.height * 0.6,
  );
  await expect(viewerFile).toHaveText('03-拘留证.pdf');
  const word = scan.locator('.ocr-word').first();
  await expect(word).toBeVisible();
  const text = (await word.textContent()) ?? '';
  const before = await scroller.evaluate((el) => el.scrollTop);
  await word.click();
  await expect(viewerFile).toHaveText(SCANNED_DOCUMENT.file);
  const editor = page.getByTestId('word-editor');
  await expect(editor).toBeVisible();
  await expect(editor.getByTestId('word-input')).toHaveValue(text);
  // The strip stayed where the reader was.
  expect(Math.abs((await scroller.evaluate((el) => el.scrollTop)) - before)).toBeLessThan(2);
  await shot(page, 'strip-1440-5-word-below');
  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();
  expect(outside).toEqual([]);
  expect(errors).toEqual([]);
});
