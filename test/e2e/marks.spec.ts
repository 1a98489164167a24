// Marks where the words are, and a volume read as one (issue 16): on the scanned page a lit
// name's box is measured against the OCR's own word boxes scaled to the image as shown; a
// text PDF's page shows its entity and hit marks too; paging, the thumbnails rail, the page
// box, scrolling past a document's end and the walk through a search's hits all move the
// reader; a page never shows another page's image. At 1440×900 and 1024×768.
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import type { OcrWord, PageView } from '../../shared/api.js';
import { backend } from './backend.js';
import { SCANNED_DOCUMENT } from './case-folder.js';
import { readState } from './state.js';
import { collectErrors, guardOffline, shot } from './browser.js';

type Rect = { x: number; y: number; width: number; height: number };

function iou(a: Rect, b: Rect): number {
  const ix = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
  const iy = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  const inter = ix * iy;
  return inter / (a.width * a.height + b.width * b.height - inter);
}

/** Share of b that a covers. */
function covers(a: Rect, b: Rect): number {
  const ix = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
  const iy = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  return (ix * iy) / (b.width * b.height);
}

/**
 * The words of the page that spell `phrase` one after another, found by their own text
 * (not by the app's offsets), with the words just before and after them.
 */
function wordsSpelling(view: PageView, phrase: string): { words: OcrWord[]; before: OcrWord | null; after: OcrWord | null } {
  const ws = view.words;
  for (let i = 0; i < ws.length; i++) {
    let spelled = '';
    let j = i;
    while (j < ws.length && spelled.length < phrase.length) spelled += (ws[j++] as OcrWord).text.replace(/\s/g, '');
    if (spelled === phrase) return { words: ws.slice(i, j), before: ws[i - 1] ?? null, after: ws[j] ?? null };
  }
  throw new Error(`no run of words spells ${phrase} on ${view.file}`);
}

/** A word box (raster pixels) as it lies on the image shown, in page coordinates. */
function onImage(img: Rect, view: PageView, boxes: readonly OcrWord[]): Rect {
  const s = img.width / (view.width ?? 1);
  const x0 = Math.min(...boxes.map((w) => w.bbox[0]));
  const y0 = Math.min(...boxes.map((w) => w.bbox[1]));
  const x1 = Math.max(...boxes.map((w) => w.bbox[2]));
  const y1 = Math.max(...boxes.map((w) => w.bbox[3]));
  return { x: img.x + x0 * s, y: img.y + y0 * s, width: (x1 - x0) * s, height: (y1 - y0) * s };
}

async function rect(l: Locator): Promise<Rect> {
  const r = await l.boundingBox();
  if (!r) throw new Error('not laid out');
  return r;
}

/** The lit box on the image sits on the words spelling `phrase`, and covers neither neighbour. */
async function expectOnWords(page: Page, box: Locator, view: PageView, phrase: string): Promise<void> {
  const img = await rect(page.getByTestId('page-image'));
  const shown = await rect(box);
  const { words, before, after } = wordsSpelling(view, phrase);
  const truth = onImage(img, view, words);
  expect(iou(shown, truth), `${phrase}: box ${JSON.stringify(shown)} vs words ${JSON.stringify(truth)}`).toBeGreaterThanOrEqual(0.5);
  for (const n of [before, after]) if (n) expect(covers(shown, onImage(img, view, [n]))).toBeLessThan(0.5);
}

async function openPlace(page: Page, caseId: string, fileId: number, pageNo: number, sel?: { start: number; end: number }): Promise<void> {
  const url = new URL(readState().url);
  url.hash = `#/case/${encodeURIComponent(caseId)}/read?file=${fileId}&page=${pageNo}${sel ? `&sel=${sel.start}-${sel.end}` : ''}`;
  await page.goto(url.href);
  await expect(page.getByTestId('page-image')).toHaveAttribute('data-page', new RegExp(`:${pageNo}$`), { timeout: 60_000 });
}

/** Waits until the side panel lights exactly `phrase`: the place's words are the ones on screen. */
async function expectLit(page: Page, phrase: string): Promise<void> {
  await expect.poll(async () => (await page.getByTestId('page-text').getByTestId('hit-text').allTextContents()).join('')).toBe(phrase);
}

for (const size of [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
]) {
  test.describe(`${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('marks sit on their words on scanned and text pages; a volume reads as one', async ({ page, request }) => {
      const state = readState();
      const api = backend(request);
      const outside = guardOffline(page);
      const errors = collectErrors(page);
      const tag = `marks-${size.width}`;

      await page.goto(state.url);
      await page.getByLabel('案卷文件夹路径').fill(state.caseFolder);
      await page.getByRole('button', { name: '开始审查', exact: true }).click();
      await expect(page.getByTestId('catalogue-count')).toHaveText('4', { timeout: 4 * 60_000 });
      const caseName = (await page.getByTestId('case-name').textContent()) ?? '';
      const caseId = (await api('listCases', {})).find((c) => c.name === caseName)?.id;
      if (!caseId) throw new Error(`case ${caseName} not found`);
      const detail = await api('getCase', { caseId });
      const fileOf = (name: string) => {
        const f = detail.fileList.find((x) => x.path === name);
        if (!f) throw new Error(`${name} not in the case`);
        return f;
      };

      // ── 1. A scanned page: the lit name sits on its OCR words ──
      const scan = fileOf(SCANNED_DOCUMENT.file);
      const scanView = await api('getPage', { caseId, fileId: scan.id, page: 1 });
      expect(scanView.source).toBe('ocr');
      for (const phrase of ['李建国', SCANNED_DOCUMENT.known]) {
        const at = scanView.text.indexOf(phrase);
        expect(at, `OCR read ${phrase}`).toBeGreaterThanOrEqual(0);
        await openPlace(page, caseId, scan.id, 1, { start: at, end: at + phrase.length });
        await expectLit(page, phrase);
        const hit = page.getByTestId('hit-box');
        await expect(hit).toHaveCount(1);
        await expectOnWords(page, hit, scanView, phrase);
      }
      await shot(page, `${tag}-1-scan-hit`);
      // Entities on the scan too, each on its words.
      const person = (scanView.mentions ?? []).find((m) => m.type === 'PERSON');
      if (person) {
        const box = page.getByTestId('ent-box').and(page.locator(`[title$="：${person.text}"]`));
        await expect(box).toHaveCount(1);
        await expectOnWords(page, box, scanView, person.text);
      }

      // ── 2. A text PDF's page shows marks: its entities and the lit words ──
      const interrogation = fileOf('02-讯问笔录.pdf');
      const textView = await api('getPage', { caseId, fileId: interrogation.id, page: 1 });
      expect(textView.source).toBe('text-layer');
      expect(textView.words.length).toBeGreaterThan(50);
      const name = textView.text.indexOf('李建国');
      await openPlace(page, caseId, interrogation.id, 1, { start: name, end: name + 3 });
      await expectLit(page, '李建国');
      await expect(page.getByTestId('ent-box').first()).toBeVisible();
      expect(await page.getByTestId('ent-box').count()).toBeGreaterThanOrEqual((textView.mentions ?? []).length);
      await expectOnWords(page, page.getByTestId('hit-box'), textView, '李建国');
      const id = (textView.mentions ?? []).find((m) => m.type === 'ID_NUMBER');
      if (id) await expectOnWords(page, page.getByTestId('ent-box').and(page.locator(`[title$="：${id.text}"]`)), textView, id.text);
      await shot(page, `${tag}-2-text-page-marks`);

      // ── 3. The page box: type a page, Enter goes there and the address keeps it ──
      const counter = page.getByTestId('page-counter');
      await page.keyboard.press('g');
      await expect(page.getByTestId('page-jump')).toBeFocused();
      await page.keyboard.type('2');
      await page.keyboard.press('Enter');
      await expect(counter).toHaveText('第 2 / 2 页');
      await expect.poll(() => new URL(page.url()).hash).toContain(`file=${interrogation.id}&page=2`);

      // ── 4. A page never shows another page's image ──
      // The strip mounts the pages around the current one; while a page's image loads, a
      // placeholder of its size stands in, never the image of the page before.
      await openPlace(page, caseId, interrogation.id, 2);
      await page.reload();
      await expect(page.getByTestId('page-image')).toHaveAttribute('data-page', /:2$/, { timeout: 60_000 });
      const held: (() => void)[] = [];
      await page.route('**/api/call/getPageImage', async (route) => {
        await new Promise<void>((resolve) => {
          held.push(resolve);
          setTimeout(resolve, 2500);
        });
        await route.continue();
      });
      // A zoom asks for every mounted page at a new width: the old images stay on their own pages.
      await page.keyboard.press('+');
      await page.getByRole('button', { name: '上一页' }).click();
      await expect(counter).toHaveText('第 1 / 2 页');
      const sheets = page.locator('.strip-slot .page-sheet');
      for (let i = 0; i < (await sheets.count()); i++) {
        const sheet = sheets.nth(i);
        const own = await sheet.getAttribute('data-page');
        for (const src of await sheet.locator('img').all()) expect(await src.getAttribute('data-page')).toBe(own);
      }
      for (const release of held) release();
      await page.unroute('**/api/call/getPageImage');
      await expect(page.getByTestId('page-image')).toHaveAttribute('data-page', /:1$/);
      await page.keyboard.press('0');

      // ── 5. Scrolling on past a document's end carries into the next file ──
      const registration = fileOf('01-受案登记表.pdf');
      await openPlace(page, caseId, registration.id, 1);
      const viewerFile = page.locator('.viewer-file');
      await expect(viewerFile).toHaveText('01-受案登记表.pdf');
      // The pointer over the page (the word layer lies on the image, so no hover on it).
      const scroller = await rect(page.locator('.viewer-scroll'));
      await page.mouse.move(scroller.x + scroller.width / 2, scroller.y + scroller.height / 2);
      for (let i = 0; i < 12 && (await viewerFile.textContent()) === '01-受案登记表.pdf'; i++) {
        await page.mouse.wheel(0, 400);
        await page.waitForTimeout(100);
      }
      await expect(viewerFile).toHaveText('02-讯问笔录.pdf');
      await expect(counter).toHaveText('第 1 / 2 页');

      // ── 6. The thumbnails rail: every page of the case, one click away ──
      const rail = page.getByTestId('thumb-rail');
      if (!(await rail.isVisible())) await page.getByTestId('thumbs-toggle').click();
      await expect(rail).toBeVisible();
      const pages = detail.fileList.reduce((n, f) => n + f.pages, 0);
      await expect(rail.getByTestId('thumb')).toHaveCount(pages);
      await expect(rail.locator('[aria-current="page"]')).toHaveAttribute('aria-label', '02-讯问笔录.pdf 第 1 页');
      await rail.getByRole('button', { name: '03-拘留证.pdf 第 1 页' }).click();
      await expect(viewerFile).toHaveText('03-拘留证.pdf');
      await expect(rail.locator('[aria-current="page"] img')).toBeVisible();
      await expect(page.getByTestId('page-image')).toHaveAttribute('data-page', /:1$/);
      await shot(page, `${tag}-3-thumbnails`);

      // ── 7. A search's hits walked through without going back to the list ──
      const hits = (await api('search', { query: '李建国', caseId })).filter((h) => h.caseId === caseId);
      expect(hits.length).toBeGreaterThan(2);
      await page.keyboard.press('/');
      await page.getByTestId('search-input').fill('李建国');
      await expect(page.getByTestId('search-hit').first()).toBeVisible();
      await page.getByTestId('search-input').press('Enter');
      const count = page.getByTestId('hit-count');
      await expect(count).toHaveText(new RegExp(`^命中 \\d+ / ${hits.length}$`));
      const startAt = Number(/命中 (\d+)/.exec((await count.textContent()) ?? '')?.[1]);
      const seen = new Set<string>();
      for (let i = 0; i < hits.length; i++) {
        await expect(page.getByTestId('hit-box')).toHaveCount(1, { timeout: 30_000 });
        seen.add(`${await viewerFile.textContent()}|${await counter.textContent()}|${new URL(page.url()).hash.match(/sel=[\d-]+/)?.[0]}`);
        await page.keyboard.press('F3');
      }
      // Every hit visited once, and round to the first again.
      expect(seen.size).toBe(hits.length);
      await expect(count).toHaveText(`命中 ${startAt} / ${hits.length}`);
      await page.getByTestId('hit-prev').click();
      await expect(count).toHaveText(`命中 ${startAt === 1 ? hits.length : startAt - 1} / ${hits.length}`);
      await expect(page.getByTestId('page-image')).toBeVisible();
      await shot(page, `${tag}-4-hit-walk`);

      expect(outside).toEqual([]);
      expect(errors).toEqual([]);
    });
  });
}

test('the thumbnails rail of a case of many pages holds only the thumbnails in view, and reaches the last page', async ({
  page,
  request,
}) => {
  const state = readState();
  if ('error' in state.generated) throw new Error(`The fixture generator failed: ${state.generated.error}`);
  const api = backend(request);
  const outside = guardOffline(page);
  const errors = collectErrors(page);

  await page.goto(state.url);
  await page.getByLabel('案卷文件夹路径').fill(state.generated.folder);
  await page.getByRole('button', { name: '开始审查', exact: true }).click();
  await expect(page.getByTestId('catalogue-entry').first()).toBeVisible({ timeout: 4 * 60_000 });
  const caseName = (await page.getByTestId('case-name').textContent()) ?? '';
  const caseId = (await api('listCases', {})).find((c) => c.name === caseName)?.id;
  if (!caseId) throw new Error(`case ${caseName} not found`);
  const files = (await api('getCase', { caseId })).fileList.filter((f) => f.pages > 0);
  const pages = files.reduce((n, f) => n + f.pages, 0);
  const last = files.at(-1);
  if (!last) throw new Error('no readable file');

  const rail = page.getByTestId('thumb-rail');
  await expect(rail).toBeVisible();
  const thumbs = rail.getByTestId('thumb');
  await expect(thumbs.first()).toBeVisible();
  const rendered = await thumbs.count();
  expect(pages).toBeGreaterThan(20);
  expect(rendered).toBeLessThan(pages / 2);

  // To the end of the strip: the last page's thumbnail exists only now, and opens it.
  await rail.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  const lastThumb = rail.getByRole('button', { name: `${last.path} 第 ${last.pages} 页` });
  await expect(lastThumb).toBeVisible();
  expect(await thumbs.count()).toBeLessThan(pages / 2);
  await lastThumb.click();
  await expect(page.getByTestId('page-counter')).toHaveText(`第 ${last.pages} / ${last.pages} 页`);
  await expect(page.getByTestId('page-image')).toHaveAttribute('data-page', new RegExp(`:${last.pages}$`), { timeout: 60_000 });
  await shot(page, 'marks-1440-5-rail-last-page');

  expect(outside).toEqual([]);
  expect(errors).toEqual([]);
});
