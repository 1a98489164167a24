// Long lists stay light (issue 16): with 5,000 catalogue entries, search hits and findings the
// DOM holds only the rows in view (and so with 5,000 people), scrolling brings later rows in, and the keyboard still moves
// through them. The case is the fixture case reviewed for real; only the lists' lengths are
// multiplied, by answering those three calls with 5,000 rows built from the case's own.
import { expect, test } from '@playwright/test';
import type { Locator, Page, Route } from '@playwright/test';
import type { CaseDetail, EntitySummary, FindingView, SearchHit } from '../../shared/api.js';
import { readState } from './state.js';
import { collectErrors, guardOffline, shot } from './browser.js';

const N = 5000;

async function multiply<T>(route: Route, make: (value: T) => T): Promise<void> {
  const res = await route.fetch();
  const body = (await res.json()) as { ok: boolean; value: T };
  await route.fulfill({ response: res, json: body.ok ? { ok: true, value: make(body.value) } : body });
}

/** Scrolls the list to its end until the row is shown: rows measured on the way change the list's height. */
async function scrollUntilShown(page: Page, selector: string, row: Locator): Promise<void> {
  await expect
    .poll(async () => {
      await page.locator(selector).evaluate((el) => {
        el.scrollTop = el.scrollHeight;
      });
      return row.isVisible();
    })
    .toBe(true);
}

test('5,000 rows: only those in view are in the DOM, scrolling shows later ones, the keyboard still moves', async ({ page }) => {
  const state = readState();
  const outside = guardOffline(page);
  const errors = collectErrors(page);

  await page.route('**/api/call/getCase', (route) =>
    multiply<CaseDetail>(route, (d) => {
      const first = d.documents[0];
      if (!first) return d;
      const documents = Array.from({ length: N }, (_, i) => ({ ...first, id: `v${i + 1}`, ordinal: i + 1, title: `文书第${i + 1}份` }));
      return { ...d, documents, documentCount: N };
    }),
  );
  // The desk asks for the first screen of hits, then for the rest after the last one: the first
  // piece is the first 200 of the list, the second everything after it (more than the desk's
  // 2,000, so that the list holds 5,000 rows).
  const searches: { limit?: number; after?: string }[] = [];
  let pattern: SearchHit | undefined;
  await page.route('**/api/call/search', (route) =>
    multiply<SearchHit[]>(route, (hits) => {
      const req = route.request().postDataJSON() as { limit?: number; after?: string };
      searches.push(req);
      // the real backend has no hit after the mock's cursor: the copies are of its first hit
      const first = (pattern ??= hits[0]);
      if (!first) return hits;
      const all = Array.from({ length: N }, (_, i) => ({
        ...first,
        page: (i % 2) + 1,
        snippet: `第${i + 1}处：${first.snippet}`,
        cursor: `${i}.1.0`,
      }));
      const from = req.after ? Number(req.after.split('.')[0]) + 1 : 0;
      return req.after ? all.slice(from) : all.slice(0, req.limit ?? N);
    }),
  );
  await page.route('**/api/call/listFindings', (route) =>
    multiply<FindingView[]>(route, (list) => {
      const first = list[0];
      return first
        ? Array.from({ length: N }, (_, i) => ({ ...first, key: `${first.key}#${i}`, message: `第${i + 1}条：${first.message}` }))
        : list;
    }),
  );

  await page.route('**/api/call/listEntities', (route) =>
    multiply<EntitySummary[]>(route, (list) => {
      const first = list.find((e) => e.type === 'PERSON');
      return first ? Array.from({ length: N }, (_, i) => ({ ...first, id: `p${i}`, value: `人员${i + 1}号`, mentionCount: N - i })) : list;
    }),
  );

  await page.goto(state.url);
  await page.getByLabel('案卷文件夹路径').fill(state.caseFolder);
  await page.getByRole('button', { name: '开始审查', exact: true }).click();
  await expect(page.getByTestId('catalogue-count')).toHaveText(String(N), { timeout: 4 * 60_000 });

  // ── the catalogue ──
  const entries = page.getByTestId('catalogue-entry');
  expect(await entries.count()).toBeLessThan(100);
  await scrollUntilShown(page, '[data-testid="catalogue"]', entries.filter({ hasText: `文书第${N}份` }));
  expect(await entries.count()).toBeLessThan(100);
  await shot(page, 'virtual-1-catalogue-end');
  await page.getByTestId('catalogue').evaluate((el) => {
    el.scrollTop = 0;
  });
  await entries.filter({ hasText: '文书第1份' }).first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('[data-testid="catalogue-entry"]:focus')).toHaveAttribute('data-index', '1');
  await page.keyboard.press('End');
  await expect(page.locator('[data-testid="catalogue-entry"]:focus')).toHaveAttribute('data-index', String(N - 1));
  await expect(page.locator('[data-testid="catalogue-entry"]:focus')).toContainText(`文书第${N}份`);

  // ── the case's people ──
  await page.getByRole('tab', { name: /实体/ }).click();
  const people = page.getByTestId('case-people').getByRole('button');
  await expect(people.first()).toBeVisible({ timeout: 60_000 });
  expect(await people.count()).toBeLessThan(100);
  await scrollUntilShown(page, '[data-testid="case-people"]', people.filter({ hasText: `人员${N}号` }));
  const peopleRows = await people.count();
  expect(peopleRows).toBeLessThan(100);
  await shot(page, 'virtual-4-people-end');

  // ── search results ──
  const input = page.getByTestId('search-input');
  await input.fill('李建国');
  await expect(page.getByTestId('search-count')).toContainText(String(N));
  expect(searches.map((r) => [r.limit, r.after ?? null])).toEqual([
    [200, null],
    [1800, '199.1.0'],
  ]);
  const hits = page.getByTestId('search-hit');
  await expect(hits.first()).toBeVisible();
  expect(await hits.count()).toBeLessThan(100);
  await scrollUntilShown(page, '.search-list', hits.filter({ hasText: `第${N}处` }));
  const hitRows = await hits.count();
  expect(hitRows).toBeLessThan(100);
  await shot(page, 'virtual-2-search-end');
  // ↑ from the first hit goes round to the last, which the list brings into the DOM and marks
  await page.locator('.search-list').evaluate((el) => {
    el.scrollTop = 0;
  });
  await input.press('ArrowUp');
  await expect(page.locator(`[data-testid="search-hit"][data-index="${N - 1}"]`)).toHaveAttribute('aria-selected', 'true');
  await input.press('Escape');

  // ── findings ──
  await page.getByRole('tablist', { name: '案件视图' }).getByRole('tab', { name: '审查意见', exact: true }).click();
  const cards = page.getByTestId('finding');
  await expect(cards.first()).toBeVisible({ timeout: 60_000 });
  expect(await cards.count()).toBeLessThan(100);
  await cards.first().locator('.finding-rule-title').click();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('[data-testid="finding"][aria-current="true"]')).toContainText('第2条');
  await scrollUntilShown(page, '.findings-scroll', cards.filter({ hasText: `第${N}条` }));
  expect(await cards.count()).toBeLessThan(100);
  await shot(page, 'virtual-3-findings-end');
  // Printed for the record (not asserted beyond the bound above): how many rows the DOM held.
  console.log(
    `rows in the DOM of ${N}: catalogue ${await entries.count()}, people ${peopleRows}, search hits ${hitRows}, findings ${await cards.count()}`,
  );

  expect(outside).toEqual([]);
  expect(errors).toEqual([]);
});
