// The place is kept: the URL names the case, the view, the page and the lit words, so a
// reload returns there, back and forward step through the places visited, and the desktop
// app, opened again without an address, returns to where the reviewer left off.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { KNOWN_TEXT } from './case-folder.js';
import { readState } from './state.js';
import { pretendDesktop } from './backend.js';
import { collectErrors, guardOffline, shot } from './browser.js';

function mainTab(page: Page, name: string) {
  return page.getByRole('tablist', { name: '案件视图' }).getByRole('tab', { name, exact: true });
}

test('reload, back and forward keep the place; the desktop app reopens at the last place', async ({ page, context }) => {
  const state = readState();
  const outside = guardOffline(page);
  const errors = collectErrors(page);

  await page.goto(state.url);
  await page.getByLabel('案卷文件夹路径').fill(state.caseFolder);
  await page.getByRole('button', { name: '开始审查', exact: true }).click();
  const entries = page.getByTestId('catalogue-entry');
  await expect(page.getByTestId('catalogue-count')).toHaveText('4', { timeout: 4 * 60_000 });
  const counter = page.getByTestId('page-counter');

  // A document's second page: the address names the case, the view, the file and the page.
  await entries.filter({ hasText: KNOWN_TEXT.interrogationTitle }).click();
  await expect(counter).toHaveText('第 1 / 2 页');
  await page.keyboard.press('j');
  await expect(counter).toHaveText('第 2 / 2 页');
  await expect.poll(() => new URL(page.url()).hash).toMatch(/^#\/case\/[^/]+\/read\?file=\d+&page=2&doc=d\d+$/);

  // A search hit: its words are part of the address.
  await page.keyboard.press('/');
  await page.getByTestId('search-input').fill('李建国');
  await expect(page.getByTestId('search-hit').first()).toBeVisible();
  await page.getByTestId('search-input').press('Enter');
  const lit = page.getByTestId('page-text').getByTestId('hit-text');
  await expect(lit.first()).toBeVisible();
  await expect.poll(() => new URL(page.url()).hash).toMatch(/sel=\d+-\d+/);
  const hitCounter = (await counter.textContent()) ?? '';
  const hitFile = (await page.locator('.viewer-file').textContent()) ?? '';
  const hash = new URL(page.url()).hash;

  await page.reload();
  await expect(counter).toHaveText(hitCounter);
  await expect(page.locator('.viewer-file')).toHaveText(hitFile);
  await expect(lit.first()).toBeVisible();
  expect((await lit.allTextContents()).join('')).toBe('李建国');
  expect(new URL(page.url()).hash).toBe(hash);
  await shot(page, 'place-1-after-reload');

  // Views are places too: back returns to the page read before, forward to the view.
  await mainTab(page, '时间轴').click();
  await expect(page.getByTestId('timeline')).toBeVisible();
  await page.goBack();
  await expect(mainTab(page, '阅读')).toHaveAttribute('aria-selected', 'true');
  await expect(counter).toHaveText(hitCounter);
  await expect(lit.first()).toBeVisible();
  await page.goForward();
  await expect(mainTab(page, '时间轴')).toHaveAttribute('aria-selected', 'true');
  await page.goBack();

  // Another document, then back to the one before.
  await entries.filter({ hasText: KNOWN_TEXT.detentionTitle }).click();
  await expect(page.getByTestId('page-text')).toContainText('执行拘留');
  await page.goBack();
  await expect(counter).toHaveText(hitCounter);
  await expect(page.locator('.viewer-file')).toHaveText(hitFile);

  // Back past the case: the case list; forward: the case again, where it was.
  await page.getByRole('button', { name: '案件列表', exact: true }).click();
  await expect(page.getByRole('heading', { name: '开始审查' })).toBeVisible();
  await page.goBack();
  await expect(counter).toHaveText(hitCounter);

  // The desktop app opens its window with no address: it returns to the last place.
  const desktop = await context.newPage();
  await pretendDesktop(desktop);
  guardOffline(desktop);
  const desktopErrors = collectErrors(desktop);
  await desktop.goto(state.url);
  await expect(desktop.getByTestId('case-name')).toHaveText('李建国盗窃案');
  await expect(desktop.getByTestId('page-counter')).toHaveText(hitCounter);
  await expect(desktop.getByTestId('page-text').getByTestId('hit-text').first()).toBeVisible();
  await shot(desktop, 'place-2-desktop-restored');
  // A browser opened at the bare address is at the case list: the address is the place.
  const browser = await context.newPage();
  guardOffline(browser);
  await browser.goto(state.url);
  await expect(browser.getByRole('heading', { name: '开始审查' })).toBeVisible();

  expect(outside, 'requests that left the machine').toEqual([]);
  expect(errors).toEqual([]);
  expect(desktopErrors).toEqual([]);
});
