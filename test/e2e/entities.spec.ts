// The reviewer puts the case's people right on the desk (issue 16): two readings of one suspect
// are merged after a confirmation and stay merged after a reload; in the graph a click selects
// a node and shows what it is tied to, and only an explicit action leaves the graph.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { CaseSummary } from '../../shared/api.js';
import { readState } from './state.js';
import { collectErrors, guardOffline, shot } from './browser.js';

const CASE_NAME = '张三诈骗案（更正）';
let root = '';
let folder = '';

// Text files written here: two spellings of one suspect (张三 in the record, 张叁 where he signs),
// and a card whose holder the statement names.
test.beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'case-review-entities-'));
  folder = path.join(root, 'entity-case');
  fs.mkdirSync(folder);
  fs.writeFileSync(
    path.join(folder, '讯问笔录.txt'),
    [
      '讯问笔录',
      '时间：2024年3月6日9时10分至10时20分',
      '地点：某分局执法办案中心讯问室',
      '侦查员：郑凯、冯磊',
      '被讯问人：张三，男，1995年8月3日出生',
      '问：你把事情经过讲一下。',
      '答：2024年3月4日晚上，我冒充客服骗了孙丽三千元，孙丽把钱转到我自己的农业银行卡，卡号6228480012345678903。证人李四当时也在场。',
      '以上笔录我看过，和我说的相符。',
      '被讯问人：张叁',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(folder, '询问笔录.txt'),
    ['询问笔录', '被询问人：李四，男', '问：你看到了什么？', '答：我看到张三在打电话骗孙丽。'].join('\n'),
  );
});
test.afterAll(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

function sideTab(page: Page) {
  return page.getByRole('tab', { name: /实体/ });
}

test('entities: merge two readings of one person, reload, still merged; the graph keeps the reviewer in it', async ({ page, request }) => {
  const state = readState();
  const outside = guardOffline(page);
  const errors = collectErrors(page);

  await page.goto(state.url);
  await page.getByLabel('案卷文件夹路径').fill(folder);
  await page.getByLabel('案件名称（可选）').fill(CASE_NAME);
  await page.getByRole('button', { name: '开始审查', exact: true }).click();
  await expect(page.getByTestId('case-name')).toHaveText(CASE_NAME, { timeout: 4 * 60_000 });

  await sideTab(page).click();
  const people = page.getByTestId('case-people');
  await expect(people.getByRole('button', { name: /^张叁/ })).toBeVisible();
  await people.getByRole('button', { name: /^张三/ }).click();
  const panel = page.getByTestId('entity-panel');
  await expect(panel.getByTestId('entity-value')).toHaveText('张三');
  const before = await panel.getByTestId('entity-mention').count();

  await test.step('every correction form speaks Chinese: no vocabulary key in its lists', async () => {
    for (const form of ['fix-relabel', 'fix-identifier', 'fix-merge']) {
      await panel.getByTestId(form).click();
      const words = [await panel.innerText(), ...(await panel.locator('option').allTextContents())].join('\n');
      expect(words, form).not.toMatch(/\b[A-Z][A-Z_]{3,}\b|\b(?:undefined|null)\b/);
      await panel.getByTestId(form).click();
    }
    await panel.getByTestId('fix-relabel').click();
    await shot(page, 'entities-relabel-form');
    await panel.getByTestId('fix-relabel').click();
  });

  await test.step('merge asks first, then joins the two', async () => {
    await panel.getByTestId('fix-merge').click();
    // The other people load into the list: pick 张叁 once it is there.
    const other = panel.getByTestId('fix-merge-other').locator('option', { hasText: /^张叁/ });
    await expect(other).toHaveCount(1);
    await panel.getByTestId('fix-merge-other').selectOption((await other.getAttribute('value')) ?? '');
    await expect(panel.getByTestId('fix-merge-confirm')).toContainText('将“张叁”并入“张三”');
    await shot(page, 'entities-merge-confirm');
    await panel.getByTestId('fix-merge-do').click();
    await expect(panel.getByTestId('fix-done')).toContainText('合并：张叁 并入 张三');
    await expect(panel.getByTestId('entity-mention')).toHaveCount(before + 1);
    await expect(panel.locator('[data-attribute="aliases"]')).toHaveText('张叁');
    await shot(page, 'entities-merged');
  });

  await test.step('a reload keeps the merge', async () => {
    // The merge is stored at once; the reload comes after the re-analysis it started, so the
    // entities shown are those derived again with the merge applied.
    const url = new URL(readState().url);
    const listCases = async () =>
      (
        (await (
          await request.post(`${url.origin}/api/call/listCases`, {
            headers: { 'x-case-review-token': url.searchParams.get('token') ?? '' },
            data: {},
          })
        ).json()) as { value: CaseSummary[] }
      ).value.find((c) => c.name === CASE_NAME);
    await expect.poll(async () => (await listCases())?.job?.status, { timeout: 60_000 }).toBe('done');
    await page.reload();
    await expect(page.getByTestId('entity-panel').getByTestId('entity-value')).toHaveText('张三', { timeout: 30_000 });
    await expect(page.getByTestId('entity-panel').getByTestId('entity-mention')).toHaveCount(before + 1);
    await page.getByTestId('entity-panel').getByRole('button', { name: /关闭/ }).click();
    await sideTab(page).click();
    await expect(page.getByTestId('case-people').getByRole('button', { name: /^张三/ })).toBeVisible();
    await expect(page.getByTestId('case-people').getByRole('button', { name: /^张叁/ })).toHaveCount(0);
    await expect(page.getByTestId('entity-corrections')).toContainText('合并：张叁 并入 张三');
  });

  await test.step('split a mention out after a confirmation, then undo it', async () => {
    await page.getByTestId('case-people').getByRole('button', { name: /^张三/ }).click();
    const panel = page.getByTestId('entity-panel');
    await expect(panel.getByTestId('entity-value')).toHaveText('张三');
    await panel.getByTestId('fix-split').click();
    const list = panel.getByTestId('fix-split-mentions');
    await expect(list.getByRole('checkbox')).toHaveCount(before + 1);
    await list.locator('label', { hasText: '张叁' }).getByRole('checkbox').check();
    await panel.getByTestId('fix-split-name').fill('张叁');
    await expect(panel.getByText('将勾选的 1 处提及移出“张三”，另作“张叁”？可撤销。')).toBeVisible();
    expect(await panel.innerText()).not.toMatch(/\b[A-Z][A-Z_]{3,}\b/);
    await shot(page, 'entities-split-confirm');
    await panel.getByTestId('fix-split-do').click();
    await expect(panel.getByTestId('entity-value')).toHaveText('张叁');
    await expect(panel.getByTestId('entity-mention')).toHaveCount(1);
    await panel.getByTestId('fix-undo').click();
    await expect(panel.getByTestId('entity-value')).toHaveText('张三');
    await expect(panel.getByTestId('entity-mention')).toHaveCount(before + 1, { timeout: 30_000 });
    await expect(panel.getByTestId('fix-done')).toContainText('已撤销');
  });

  await test.step('graph: a click selects and shows the ties; the entity opens only on request', async () => {
    await page.getByRole('tablist', { name: '案件视图' }).getByRole('tab', { name: '关系图', exact: true }).click();
    const canvas = page.getByTestId('graph-canvas');
    await expect(canvas.locator('canvas').first()).toBeVisible();
    await page.waitForTimeout(800);
    const at = await canvas.evaluate(() => {
      // cytoscape keeps its instance on the container; the node's place on screen is asked of it.
      const cy = (document.querySelector('[data-testid="graph-canvas"]') as unknown as { _cyreg?: { cy: unknown } })._cyreg?.cy as
        | {
            nodes: (s: string) => {
              filter: (f: (n: { data: (k: string) => string }) => boolean) => { renderedPosition: () => { x: number; y: number } }[];
            };
          }
        | undefined;
      const node = cy?.nodes('node').filter((n) => n.data('full') === '张三')[0];
      return node?.renderedPosition() ?? null;
    });
    if (!at) throw new Error('张三 is not in the graph');
    await canvas.click({ position: at });
    const selected = page.getByTestId('graph-selected');
    await expect(selected).toContainText('张三');
    await expect(selected.getByTestId('graph-selected-links')).toContainText('6228480012345678903');
    await expect(selected.getByTestId('graph-selected-links')).toContainText('持有·使用');
    await expect(page.getByTestId('graph')).toBeVisible();
    await shot(page, 'entities-graph-selected');
    await page.setViewportSize({ width: 1024, height: 768 });
    await shot(page, 'entities-graph-selected-1024');
    await page.setViewportSize({ width: 1440, height: 900 });
    await selected.getByTestId('graph-open-entity').click();
    await expect(page.getByTestId('entity-panel').getByTestId('entity-value')).toHaveText('张三');
  });

  await test.step('the history names each correction and its undo', async () => {
    await page.getByRole('tablist', { name: '案件视图' }).getByRole('tab', { name: '审查记录', exact: true }).click();
    await expect(page.getByText('合并：张叁 并入 张三').first()).toBeVisible();
    await expect(page.getByText('撤销人员与号码的更正').first()).toBeVisible();
    await shot(page, 'entities-history');
    await page.getByRole('tablist', { name: '案件视图' }).getByRole('tab', { name: '阅读', exact: true }).click();
  });

  await page.setViewportSize({ width: 1024, height: 768 });
  await shot(page, 'entities-panel-1024');
  expect(outside).toEqual([]);
  expect(errors).toEqual([]);
});
