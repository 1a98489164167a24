// The compare view end to end: a generated case whose suspect states one sum in his first
// interrogation and another in his second (a planted STATEMENT_RETRACTION) goes through the
// real pipeline; the reviewer picks the two records, reads them side by side with the sums
// marked, walks the differences by keyboard, jumps to the page and comes back.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { APIRequestContext, Page } from '@playwright/test';
import type { Method, Request, Results } from '../../shared/api.js';
import { generateCase } from '../fixtures/generator/index.js';
import { readState } from './state.js';
import { collectErrors, guardOffline, shot } from './browser.js';

const CASE_NAME = '宋某盗窃案（笔录比对）';

let root = '';
let folder = '';

test.beforeAll(async () => {
  test.setTimeout(4 * 60_000);
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'case-review-compare-'));
  const g = await generateCase({
    seed: 704,
    outDir: root,
    name: '宋某盗窃案',
    forms: 'text-only',
    suspects: 1,
    defects: ['STATEMENT_RETRACTION'],
    statementPlant: 'amount',
  });
  folder = g.folder;
});

test.afterAll(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

/** The backend, asked directly: what the view shows is checked against what the service says. */
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

function mainTab(page: Page, name: string) {
  return page.getByRole('tablist', { name: /案件视图|Case views/ }).getByRole('tab', { name, exact: true });
}

// Internal words a reviewer must never read: rule ids, claim kinds, topic keys, role ids.
const RAW_KEYS =
  /[A-Z]{3,}_[A-Z_]+|\b(TIME|PLACE|PARTICIPANTS|AMOUNT|ADMISSION|WEAPON|SUSPECT|VICTIM|WITNESS|account|amount|aftermath|admission|identity|procedure|closing|means|people|interrogation|inquiry)\b/;

async function visibleText(page: Page, testId: string): Promise<string> {
  return page.getByTestId(testId).evaluate((el) => (el as HTMLElement).innerText);
}

/** The case bar at this width: every label on it on one line and whole, nothing pushed out of the window. */
async function expectTidyBar(page: Page): Promise<void> {
  const bad = await page.locator('.case-bar button').evaluateAll((els) =>
    els.flatMap((el) => {
      // Line boxes of the label: a second line starts at least most of a character lower.
      const range = document.createRange();
      range.selectNodeContents(el);
      const tops = Array.from(range.getClientRects())
        .filter((r) => r.width > 0)
        .map((r) => r.top);
      const wrapped = tops.length > 0 && Math.max(...tops) - Math.min(...tops) > parseFloat(getComputedStyle(el).fontSize) * 0.8;
      const clipped = el.scrollWidth > el.clientWidth + 1;
      return wrapped || clipped ? [`${el.textContent ?? ''}${wrapped ? ' wraps' : ''}${clipped ? ' is clipped' : ''}`] : [];
    }),
  );
  expect(bad).toEqual([]);
  const overflow = await page.locator('.case-bar').evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
}

test('compare view: two records side by side, the changed sum marked in both', async ({ page, request }) => {
  const state = readState();
  const api = backend(request);
  const outside = guardOffline(page);
  const errors = collectErrors(page);

  await page.goto(state.url);
  await page.getByLabel('案卷文件夹路径').fill(folder);
  await page.getByLabel('案件名称（可选）').fill(CASE_NAME);
  await page.getByRole('button', { name: '开始审查', exact: true }).click();
  await expect(page.getByTestId('case-name')).toHaveText(CASE_NAME, { timeout: 4 * 60_000 });

  const caseId = (await api('listCases', {})).find((c) => c.name === CASE_NAME)?.id;
  if (!caseId) throw new Error(`case ${CASE_NAME} not found`);
  const list = await api('listStatements', { caseId });
  const suspect = list.persons.find((p) => p.role === 'SUSPECT');
  if (!suspect || suspect.records.length < 2)
    throw new Error(`no suspect with two records: ${JSON.stringify(list.persons.map((p) => [p.name, p.role, p.records.length]))}`);
  const [first, second] = suspect.records;
  if (!first || !second) throw new Error('unreachable');
  const expected = await api('compareStatements', { caseId, documents: [first.document, second.document] });
  const amount = expected.differences.find((d) => d.about === 'AMOUNT');
  if (!amount) throw new Error(`the planted amount difference was not found: ${JSON.stringify(expected.differences)}`);
  const words = amount.sides.map((s) => s.words);

  await test.step('the picker: people with their records, the suspect first', async () => {
    await mainTab(page, '笔录比对').click();
    await expect(mainTab(page, '笔录比对')).toHaveAttribute('aria-selected', 'true');
    const picker = page.getByTestId('compare-picker');
    await expect(picker).toBeVisible();
    await expect(picker.getByTestId('compare-person')).toHaveCount(list.persons.length);
    const person = picker.getByTestId('compare-person').first();
    await expect(person).toContainText(suspect.name);
    await expect(person).toContainText('犯罪嫌疑人');
    await expect(person.getByTestId('compare-record')).toHaveCount(suspect.records.length);
    await expect(page.getByTestId('compare-start')).toBeDisabled();
    await person.getByTestId('compare-record').nth(0).check();
    await person.getByTestId('compare-record').nth(1).check();
    await expect(page.getByTestId('compare-count')).toHaveText('已选 2 份');
    await expectTidyBar(page);
    expect(await visibleText(page, 'compare-picker')).not.toMatch(RAW_KEYS);
    await shot(page, 'compare-1-picker');
    await page.getByTestId('compare-start').click();
  });

  const view = page.getByTestId('compare-view');
  await test.step('two columns, the amount row in both, the sums marked, the difference listed', async () => {
    await expect(view).toBeVisible();
    const heads = view.getByTestId('compare-column-head');
    await expect(heads).toHaveCount(2);
    await expect(heads.nth(0)).toContainText(suspect.name);
    await expect(heads.nth(0)).toContainText('第1次讯问');
    await expect(heads.nth(1)).toContainText('第2次讯问');
    await expect(heads.nth(0)).toContainText('犯罪嫌疑人');

    const row = view.locator('[data-testid="compare-row"][data-topic="amount"]');
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('rowheader')).toHaveText('金额');
    for (const side of amount.sides) {
      const cell = row.locator(`.cmp-cell[data-column="${side.column}"]`);
      await expect(cell).not.toContainText('未问及');
      const mark = cell.locator('mark[data-testid="compare-mark"]');
      await expect(mark).toHaveCount(1);
      await expect(mark).toHaveText(side.words);
      await expect(cell.getByTestId('compare-tag')).toHaveText('金额不一致');
    }
    const entry = view.getByTestId('compare-difference').filter({ hasText: '金额不一致' });
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText(`第1次${words[0]}`);
    await expect(entry).toContainText(`第2次${words[1]}`);
    // Identity and procedure are folded until asked for.
    await expect(view.locator('[data-testid="compare-row"][data-topic="identity"]')).toHaveCount(0);
    await expect(view.locator('[data-testid="compare-row"][data-topic="procedure"]')).toHaveCount(0);
    expect(await visibleText(page, 'compare-view')).not.toMatch(RAW_KEYS);
    expect(await visibleText(page, 'compare-view')).not.toContain('STATEMENT_RETRACTION');

    // Clicking the entry brings both sides into view and lights them.
    await entry.click();
    await expect(entry).toHaveClass(/cmp-difference--current/);
    for (const side of amount.sides) {
      const mark = row.locator(`.cmp-cell[data-column="${side.column}"] mark`);
      await expect(mark).toHaveClass(/cmp-mark--flash/);
      await expect(mark).toBeInViewport();
    }
    await expect(row.locator('mark.cmp-mark--flash')).toHaveCount(0, { timeout: 5_000 });
    await expectTidyBar(page);
    await shot(page, 'compare-2-side-by-side-1440');
  });

  await test.step('at 1024×768 the columns still fit and the tabs stay on one line', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await expectTidyBar(page);
    const scroller = view.locator('.cmp-scroll');
    expect(await scroller.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
    await page.keyboard.press('n');
    for (const side of amount.sides) await expect(view.locator(`.cmp-cell[data-column="${side.column}"] mark`).first()).toBeInViewport();
    await expect(view.locator('mark.cmp-mark--flash')).toHaveCount(0, { timeout: 5_000 });
    await shot(page, 'compare-3-side-by-side-1024');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  await test.step('keyboard: f unfolds, n/p walk, Enter opens the page, Escape goes back', async () => {
    await page.keyboard.press('f');
    await expect(view.locator('[data-testid="compare-row"][data-topic="identity"]')).toHaveCount(1);
    await expect(view.locator('[data-testid="compare-row"][data-topic="procedure"]')).toHaveCount(1);
    await expect(view.locator('[data-testid="compare-row"][data-topic="identity"]').getByRole('rowheader')).toHaveText('身份');
    expect(await visibleText(page, 'compare-view')).not.toMatch(RAW_KEYS);
    await page.keyboard.press('f');
    await expect(view.locator('[data-testid="compare-row"][data-topic="identity"]')).toHaveCount(0);

    await page.keyboard.press('p');
    const entry = view.getByTestId('compare-difference').filter({ hasText: '金额不一致' });
    await expect(entry).toBeFocused();
    // Tab moves on from the difference to the next control, with a visible ring.
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? getComputedStyle(el).outlineStyle : 'none';
    });
    expect(ring).not.toBe('none');
    await entry.focus();

    const side = amount.sides[0];
    if (!side) throw new Error('unreachable');
    const col = expected.columns[side.column];
    if (!col) throw new Error('unreachable');
    await page.keyboard.press('Enter');
    await expect(mainTab(page, '阅读')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('page-counter')).toHaveText(new RegExp(`^第 ${side.page} / \\d+ 页$`));
    await expect(page.locator('.viewer-file')).toHaveText(col.file);
    await expect(page.getByTestId('page-text')).toContainText(side.words);

    // Back in the compare tab, the same records are open where they were left.
    await mainTab(page, '笔录比对').click();
    await expect(view.getByTestId('compare-column-head')).toHaveCount(2);
    await expect(view.getByTestId('compare-difference').first()).toHaveClass(/cmp-difference--current/);

    await page.keyboard.press('Escape');
    await expect(page.getByTestId('compare-picker')).toBeVisible();
    await expect(page.getByTestId('compare-start')).toBeFocused();
    await expect(page.getByTestId('compare-count')).toHaveText('已选 2 份');
  });

  await test.step('everyone’s first account: one column per person, no difference between them', async () => {
    await page.getByTestId('compare-first-accounts').click();
    await expect(view.getByTestId('compare-column-head')).toHaveCount(Math.min(4, list.persons.length));
    const firsts = await api('compareStatements', { caseId, documents: list.persons.slice(0, 4).map((p) => p.records[0]?.document ?? '') });
    if (firsts.differences.length === 0) await expect(view.getByTestId('compare-no-differences')).toHaveText(/所选笔录未见矛盾之处/);
    else await expect(view.getByTestId('compare-difference')).toHaveCount(firsts.differences.length);
    expect(await visibleText(page, 'compare-view')).not.toMatch(RAW_KEYS);
    await shot(page, 'compare-4-first-accounts');
  });

  await test.step('en-US reads as English, fits at 1024×768', async () => {
    await page.keyboard.press('Escape');
    await page.getByTestId('compare-person').first().getByTestId('compare-all-of-person').click();
    await expect(view.getByTestId('compare-column-head')).toHaveCount(Math.min(4, suspect.records.length));
    await page.getByTestId('locale').selectOption('en-US');
    await expect(mainTab(page, 'Compare statements')).toHaveAttribute('aria-selected', 'true');
    await expect(view.locator('[data-testid="compare-row"][data-topic="amount"]').getByRole('rowheader')).toHaveText('Amount');
    await expect(view.getByTestId('compare-tag').first()).toHaveText('Amount differs');
    await page.setViewportSize({ width: 1024, height: 768 });
    await expectTidyBar(page);
    await shot(page, 'compare-5-en-1024');
    await page.getByTestId('locale').selectOption('zh-CN');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  expect(outside, 'requests that left the machine').toEqual([]);
  expect(errors).toEqual([]);
});
