// The reading desk on a case with a scanned page: search lands on the words, a person
// opens with every mention, an OCR misread is corrected for good, a note is kept.
// Real renderer build, real bridge, real backend (OCR included), Debian's Chromium.
import { expect, test } from '@playwright/test';
import type { APIRequestContext } from '@playwright/test';
import type { EntityDetail, EntitySummary, Method, Request, Results, SearchHit } from '../../shared/api.js';
import { SCANNED_DOCUMENT } from './case-folder.js';
import { readState } from './state.js';
import { collectErrors, guardOffline, shot } from './browser.js';

/** The backend, asked directly: what the UI shows is checked against what the service says. */
function backend(request: APIRequestContext) {
  const url = new URL(readState().url);
  const token = url.searchParams.get('token') ?? '';
  return async <M extends Method>(method: M, req: Request<M>): Promise<Results[M]> => {
    const res = await request.post(`${url.origin}/api/call/${method}`, { headers: { 'x-case-review-token': token }, data: req });
    const body = (await res.json()) as { ok: boolean; value: Results[M]; error?: { message: string } };
    if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
    return body.value;
  };
}

test('reading desk: search, people, OCR corrections and notes on a scanned page', async ({ page, request }) => {
  const state = readState();
  const api = backend(request);
  const outside = guardOffline(page);
  const errors = collectErrors(page);

  // The fixture case: text PDFs and one scanned page that only OCR can read. If an
  // earlier spec reviewed it already, this re-run is cheap: every stage is keyed by hash.
  await page.goto(state.url);
  await page.getByLabel('案卷文件夹路径').fill(state.caseFolder);
  await page.getByRole('button', { name: '开始审查', exact: true }).click();
  await expect(page.getByTestId('catalogue-count')).toHaveText('4', { timeout: 4 * 60_000 });
  const caseName = (await page.getByTestId('case-name').textContent()) ?? '';
  const caseId = (await api('listCases', {})).find((c) => c.name === caseName)?.id;
  if (!caseId) throw new Error(`case ${caseName} not found`);

  // ── 1. Search a two-character name and land on its words ──
  const people = await api('listEntities', { caseId, type: 'PERSON' });
  const details: EntityDetail[] = [];
  for (const p of people) details.push(await api('getEntity', { caseId, entityId: p.id }));
  // A name the scan carries, so the hit has a box on the image as well as offsets in the text.
  const twoChar =
    details.find((d) => [...d.value].length === 2 && d.mentions.some((m) => m.file === SCANNED_DOCUMENT.file)) ??
    details.find((d) => [...d.value].length === 2);
  if (!twoChar) throw new Error(`no two-character name among ${details.map((d) => d.value).join(', ')}`);
  const hits: SearchHit[] = await api('search', { query: twoChar.value, caseId });
  const first = hits[0];
  if (!first) throw new Error(`search for ${twoChar.value} found nothing`);

  await page.locator('body').click({ position: { x: 5, y: 200 } });
  await page.keyboard.press('/');
  const input = page.getByTestId('search-input');
  await expect(input).toBeFocused();
  await input.fill(twoChar.value);
  await expect(page.getByTestId('search-hit')).toHaveCount(hits.length);
  await expect(page.getByTestId('search-hit').first()).toContainText(twoChar.value);
  await shot(page, 'desk-1-search-results');
  await input.press('Enter');
  await expect(page.getByTestId('search-results')).toBeHidden();
  await expect(page.getByTestId('page-counter')).toHaveText(new RegExp(`^第 ${first.page} / \\d+ 页$`));
  await expect(page.locator('.viewer-file')).toHaveText(first.file);
  const hitText = page.getByTestId('hit-text');
  await expect(hitText.first()).toBeVisible();
  expect((await hitText.allTextContents()).join('')).toBe(twoChar.value);
  const image = page.getByTestId('page-image');
  await expect(image).toHaveAttribute('data-page', new RegExp(`:${first.page}$`), { timeout: 60_000 });
  if (first.bbox) {
    const box = page.getByTestId('hit-box');
    await expect(box).toBeVisible();
    // The box sits on the image where the OCR found the name.
    const [img, hb] = await Promise.all([image.boundingBox(), box.boundingBox()]);
    if (!img || !hb) throw new Error('no layout');
    expect(hb.x).toBeGreaterThanOrEqual(img.x);
    expect(hb.y).toBeGreaterThanOrEqual(img.y);
    expect(hb.x + hb.width).toBeLessThanOrEqual(img.x + img.width + 1);
  }
  await shot(page, 'desk-2-search-landed');

  // ── 2. A person with every mention across the case ──
  const person: EntitySummary | undefined = [...people].sort((a, b) => b.mentionCount - a.mentionCount)[0];
  if (!person) throw new Error('the case has no person');
  const personDetail = details.find((d) => d.id === person.id);
  await page.getByRole('tab', { name: /实体/ }).click();
  await page
    .getByTestId('case-people')
    .getByRole('button', { name: new RegExp(person.value) })
    .click();
  const panel = page.getByTestId('entity-panel');
  await expect(panel.getByTestId('entity-value')).toHaveText(person.value);
  await expect(panel.getByTestId('entity-mention')).toHaveCount(personDetail?.mentions.length ?? -1);
  await shot(page, 'desk-3-person');
  // A mention opens its page with the name lit.
  const lastMention = personDetail?.mentions.at(-1);
  if (lastMention) {
    await panel.getByTestId('entity-mention').last().click();
    await expect(page.getByTestId('page-counter')).toHaveText(new RegExp(`^第 ${lastMention.page} / `));
    await expect(page.locator('.viewer-file')).toHaveText(lastMention.file);
  }
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();

  // ── 3. Correct an OCR word on the scan; it survives a reload ──
  const entries = page.getByTestId('catalogue-entry');
  await entries.filter({ hasText: SCANNED_DOCUMENT.file }).click();
  await page.getByRole('tab', { name: /文字/ }).click();
  await expect(page.getByTestId('page-text')).toContainText(SCANNED_DOCUMENT.known);
  // The current page of the strip: the pages around it carry words of their own.
  const sheet = page.getByTestId('page-sheet');
  const words = sheet.locator('.ocr-word');
  await expect(words.first()).toBeAttached({ timeout: 60_000 });
  // The title's last character: OCR reads this scan's 扣押清单 as 扣押清, dropping 单.
  const clipped = words.filter({ hasText: /^清$/ }).first();
  const target = (await clipped.count()) > 0 ? clipped : words.first();
  const index = Number(await target.getAttribute('data-word-index'));
  const original = (await target.textContent()) ?? '';
  const corrected = original === '清' ? '清单' : `${original}（核）`;
  await target.click();
  const editor = page.getByTestId('word-editor');
  await expect(editor).toBeVisible();
  await shot(page, 'desk-4-correct-word');
  await editor.getByTestId('word-input').fill(corrected);
  await editor.getByTestId('word-input').press('Enter');
  await expect(editor).toBeHidden();
  const fixed = sheet.locator(`.ocr-word[data-word-index="${index}"]`);
  await expect(fixed).toHaveAttribute('data-corrected', 'true');
  await expect(fixed).toHaveText(corrected);
  await expect(page.getByTestId('page-text')).toContainText(corrected);

  // The reload keeps the case and the page.
  await page.reload();
  await expect(page.getByTestId('case-name')).toHaveText(caseName);
  await expect(entries.filter({ hasText: SCANNED_DOCUMENT.file })).toHaveAttribute('aria-current', 'true');
  await expect(sheet.locator(`.ocr-word[data-word-index="${index}"]`)).toHaveAttribute('data-corrected', 'true', { timeout: 60_000 });
  await expect(sheet.locator(`.ocr-word[data-word-index="${index}"]`)).toHaveText(corrected);
  await expect(page.getByTestId('page-text').locator('mark.corrected').first()).toBeVisible();
  await expect(page.getByTestId('legend')).toContainText('已人工更正');
  // Offsets taken before the correction still land on their words after it.
  if (twoChar.mentions.some((m) => m.file === SCANNED_DOCUMENT.file)) {
    const marks = page.getByTestId('page-text').locator(`mark[data-entity="${twoChar.id}"]`);
    expect((await marks.allTextContents()).join('')).toBe(twoChar.value);
  }
  await shot(page, 'desk-5-corrected-after-reload');

  // ── 4a. Select words on the scan itself and highlight them ──
  const layerWords = await sheet.locator('.ocr-word').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
  const from = layerWords.indexOf('电');
  if (from < 0) throw new Error(`no 电 among the OCR words: ${layerWords.join('|')}`);
  await sheet.locator('.word-layer').evaluate(
    (layer, [a, b]) => {
      const first = layer.querySelector(`[data-word-index="${a}"]`)?.firstChild;
      const last = layer.querySelector(`[data-word-index="${b}"]`)?.firstChild;
      if (!first || !last) throw new Error('words not on the layer');
      const range = document.createRange();
      range.setStart(first, 0);
      range.setEnd(last, last.textContent?.length ?? 0);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
    },
    [from, from + 1],
  );
  const highlightBar = page.getByTestId('selection-bar');
  await expect(highlightBar).toBeVisible();
  await highlightBar.getByRole('button', { name: /高亮/ }).click();
  await expect(page.getByTestId('annotation-list').getByTestId('annotation').filter({ hasText: '电动' })).toHaveCount(1);
  await expect(sheet.locator('.note-box')).toHaveCount(1);
  await page.getByRole('tab', { name: /文字/ }).click();

  // ── 4. Select words in the text, write a note, find it in the 批注 tab ──
  const phrase = SCANNED_DOCUMENT.known;
  await page.getByTestId('page-text').evaluate((root, wanted) => {
    // Select the phrase across however many marked runs it is split into.
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    let all = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push(n as Text);
      all += n.textContent ?? '';
    }
    const at = all.indexOf(wanted);
    if (at < 0) throw new Error(`"${wanted}" is not in the page text`);
    const pos = (offset: number): [Text, number] => {
      let seen = 0;
      for (const n of nodes) {
        const len = n.textContent?.length ?? 0;
        if (offset <= seen + len) return [n, offset - seen];
        seen += len;
      }
      throw new Error('offset out of range');
    };
    const range = document.createRange();
    range.setStart(...pos(at));
    range.setEnd(...pos(at + wanted.length));
    const sel = window.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
  }, phrase);
  const bar = page.getByTestId('selection-bar');
  await expect(bar).toBeVisible();
  await bar.getByRole('button', { name: /批注/ }).click();
  await bar.getByTestId('note-input').fill('车架号需与鉴定意见核对');
  await shot(page, 'desk-6-note-editing');
  await bar.getByTestId('note-input').press('Enter');
  const list = page.getByTestId('annotation-list');
  await expect(list).toBeVisible();
  const note = list.getByTestId('annotation').filter({ hasText: '车架号需与鉴定意见核对' });
  await expect(note).toHaveCount(1);
  await expect(note).toContainText(phrase);
  const stored = (await api('listAnnotations', { caseId })).filter((a) => a.note === '车架号需与鉴定意见核对');
  expect(stored).toHaveLength(1);
  expect(stored[0]?.text).toBe(phrase);
  await shot(page, 'desk-7-note-listed');

  // The other views of the case sit beside the reading desk and lead back to it.
  await page.getByRole('tab', { name: '审查意见' }).last().click();
  await shot(page, 'desk-9-findings-side');
  await page.getByRole('tab', { name: '时间轴' }).click();
  await expect(page.getByTestId('page-counter')).toBeHidden();
  await shot(page, 'desk-10-timeline-tab');
  await page.getByRole('tab', { name: '阅读' }).click();
  await expect(page.getByTestId('page-counter')).toBeVisible();

  // ── 5. The keyboard: next/previous document, next finding ──
  await page.locator('.viewer-scroll').click({ position: { x: 5, y: 5 } });
  const docs = (await api('getCase', { caseId })).documents;
  const at = docs.findIndex((d) => d.file === SCANNED_DOCUMENT.file);
  const nextDoc = docs[at + 1];
  if (nextDoc) {
    await page.keyboard.press('n');
    await expect(entries.filter({ hasText: nextDoc.file })).toHaveAttribute('aria-current', 'true');
    await page.keyboard.press('p');
    await expect(entries.filter({ hasText: SCANNED_DOCUMENT.file })).toHaveAttribute('aria-current', 'true');
  }
  const evidence = (await api('listFindings', { caseId })).flatMap((f) => f.evidence);
  if (evidence.length > 0) {
    await page.keyboard.press('f');
    const files = new Set(evidence.map((e) => e.file));
    await expect.poll(async () => files.has((await page.locator('.viewer-file').textContent()) ?? '')).toBe(true);
    await shot(page, 'desk-8-next-finding');
  }

  expect(outside, 'requests that left the machine').toEqual([]);
  expect(errors).toEqual([]);
});
