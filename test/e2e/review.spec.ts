// The review desk end to end: a generated case with planted defects goes through the
// real pipeline, then the reviewer reads it on the time axis, decides a finding (the
// decision must outlive a reload), follows evidence to the page, looks at the graph and
// exports the report. Text-only forms: OCR on two busy cores would only test patience.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { generateCase } from '../fixtures/generator/index.js';
import { readState } from './state.js';
import { collectErrors, guardOffline, shot } from './browser.js';

const CASE_NAME = '林丽等盗窃案（审查台）';

let root = '';
let folder = '';

test.beforeAll(async () => {
  test.setTimeout(4 * 60_000);
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'case-review-desk-'));
  const g = await generateCase({
    seed: 20240311,
    outDir: root,
    name: 'desk-case',
    forms: 'text-only',
    defects: ['DETENTION_FAMILY_NOTICE_24H', 'INTERROGATION_TWO_INVESTIGATORS'],
  });
  folder = g.folder;
});

test.afterAll(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

/** The case's main views; the reading view's side panel has tabs of its own. */
function mainTab(page: Page, name: string) {
  return page.getByRole('tablist', { name: '案件视图' }).getByRole('tab', { name, exact: true });
}

async function openTab(page: Page, name: string): Promise<void> {
  await mainTab(page, name).click();
  await expect(mainTab(page, name)).toHaveAttribute('aria-selected', 'true');
}

test('review desk: timeline, findings with a lasting decision, evidence, graph, export', async ({ page }) => {
  const state = readState();
  const outside = guardOffline(page);
  const errors = collectErrors(page);

  await page.goto(state.url);
  await page.getByLabel('案卷文件夹路径').fill(folder);
  await page.getByLabel('案件名称（可选）').fill(CASE_NAME);
  await page.getByRole('button', { name: '开始审查', exact: true }).click();
  // The app opens the case by itself when the review it started is done.
  await expect(page.getByTestId('case-name')).toHaveText(CASE_NAME, { timeout: 4 * 60_000 });

  await test.step('timeline: lanes per person, custody bands, sessions, zoom to hours', async () => {
    await openTab(page, '时间轴');
    const timeline = page.getByTestId('timeline');
    await expect(timeline).toBeVisible();
    const lanes = page.getByTestId('timeline-lane');
    expect(await lanes.count()).toBeGreaterThanOrEqual(3);
    // Suspects come first: the lanes the custody rules count.
    const personLanes = page.locator('[data-testid="timeline-lane"][data-role]');
    await expect(personLanes.first()).toHaveAttribute('data-role', 'SUSPECT');
    await expect(personLanes.first().locator('text').nth(1)).toHaveText('犯罪嫌疑人');
    await expect(personLanes.last()).toHaveAttribute('data-role', 'OFFICER');
    await expect(
      page
        .getByTestId('timeline-band')
        .filter({ has: page.locator('rect') })
        .first(),
    ).toBeVisible();
    expect(await page.locator('[data-testid="timeline-band"][data-kind="detention"]').count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('timeline-session').count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('timeline-deadline').count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('timeline-row').count()).toBeGreaterThanOrEqual(5);
    await shot(page, 'timeline');

    // Hover tells what the bar is; zooming in turns day ticks into hour ticks.
    const svg = page.getByTestId('timeline-svg');
    await expect(svg).toHaveAttribute('data-unit', 'day');
    const session = page.getByTestId('timeline-session').first();
    await session.hover();
    await expect(page.getByTestId('timeline-tooltip')).toContainText(/讯问|询问/);
    const box = await session.boundingBox();
    if (!box) throw new Error('the session bar has no box');
    for (let i = 0; i < 12; i++) {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, -400);
    }
    await expect(svg).toHaveAttribute('data-unit', 'hour');
    await shot(page, 'timeline-hours');
  });

  let key = '';
  let quote = '';
  await test.step('findings: listed by severity, confirmed with a note', async () => {
    await openTab(page, '审查意见');
    const panel = page.getByTestId('findings-panel');
    await expect(panel).toBeVisible();
    const findings = panel.getByTestId('finding');
    await expect(findings.first()).toBeVisible();
    expect(await findings.count()).toBeGreaterThanOrEqual(1);
    await shot(page, 'findings');

    const target = panel
      .locator('[data-testid="finding"][data-status="open"]')
      .filter({ has: page.getByTestId('finding-evidence') })
      .first();
    key = (await target.getAttribute('data-key')) ?? '';
    expect(key).not.toBe('');
    await target.getByTestId('finding-note').fill('已核对拘留证与拘留通知书，情况属实。');
    await target.getByTestId('finding-confirm').click();
    const decided = panel.locator(`[data-testid="finding"][data-key="${key}"]`);
    await expect(decided).toHaveAttribute('data-status', 'confirmed');
    await expect(decided.getByTestId('finding-status')).toHaveText('已确认');
    quote = ((await decided.getByTestId('finding-evidence').first().locator('q').textContent()) ?? '').trim();
  });

  await test.step('the decision survives a reload', async () => {
    // The reload keeps the case and the view.
    await page.reload();
    await expect(page.getByTestId('case-name')).toHaveText(CASE_NAME);
    await expect(mainTab(page, '审查意见')).toHaveAttribute('aria-selected', 'true');
    const decided = page.locator(`[data-testid="finding"][data-key="${key}"]`);
    await expect(decided).toHaveAttribute('data-status', 'confirmed');
    await expect(decided.getByTestId('finding-note')).toHaveValue('已核对拘留证与拘留通知书，情况属实。');
  });

  await test.step('evidence opens the page in the reading view, words lit', async () => {
    const decided = page.locator(`[data-testid="finding"][data-key="${key}"]`);
    await decided.getByTestId('finding-evidence').first().click();
    await expect(mainTab(page, '阅读')).toHaveAttribute('aria-selected', 'true');
    const lit = page.getByTestId('page-text').getByTestId('hit-text');
    await expect(lit.first()).toBeVisible();
    if (quote) await expect(page.getByTestId('page-text')).toContainText(quote);
    const image = page.getByTestId('page-image');
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)), { timeout: 60_000 })
      .toBeGreaterThan(0);
    await shot(page, 'evidence');
  });

  await test.step('graph: entities drawn, filterable by type', async () => {
    await openTab(page, '关系图');
    await expect(page.getByTestId('graph')).toBeVisible();
    await expect(page.getByTestId('graph-canvas').locator('canvas').first()).toBeVisible();
    const person = page.getByTestId('graph-type-PERSON');
    await expect(person).toBeChecked();
    // Let the layout settle before the picture.
    await page.waitForTimeout(500);
    await shot(page, 'graph');
    const graph = page.getByTestId('graph');
    const all = Number(await graph.getAttribute('data-visible-nodes'));
    expect(all).toBeGreaterThan(3);
    await person.uncheck();
    await expect.poll(async () => Number(await graph.getAttribute('data-visible-nodes'))).toBeLessThan(all);
    await person.check();
    await expect(graph).toHaveAttribute('data-visible-nodes', String(all));
  });

  await test.step('export: report files listed', async () => {
    await page.getByTestId('export-open').click();
    await page.getByTestId('export-reviewer').fill('王检察官');
    await page.getByTestId('export-audit').check();
    await page.getByTestId('export-submit').click();
    const files = page.getByTestId('export-file');
    await expect(page.getByTestId('export-result')).toBeVisible({ timeout: 60_000 });
    const names = (await files.allTextContents()).map((f) => path.basename(f));
    expect(names).toEqual(expect.arrayContaining(['report.pdf', 'report.docx', 'review.json']));
    const exportFolder = (await page.getByTestId('export-folder').textContent()) ?? '';
    expect(fs.existsSync(path.join(exportFolder, 'report.pdf'))).toBe(true);
    await shot(page, 'export');
  });

  await test.step('history: the decision and the export, who and what, the chain intact', async () => {
    await page.keyboard.press('Escape');
    await openTab(page, '审查记录');
    const history = page.getByTestId('history');
    await expect(history.getByTestId('history-chain')).toContainText('记录链完整');
    const decided = history.locator('[data-testid="history-entry"][data-action="finding.decided"]').first();
    await expect(decided).toContainText('审查意见决定');
    await expect(decided).toContainText('待核实 → 确认');
    const exported = history.locator('[data-testid="history-entry"][data-action="report.exported"]').first();
    await expect(exported).toContainText('王检察官');
    await expect(exported).toContainText('report.pdf');
    // newest first: the export was the last thing done
    await expect(history.getByTestId('history-entry').first()).toHaveAttribute('data-action', 'report.exported');
    await shot(page, 'history');
  });

  expect(outside, 'requests that left the machine').toEqual([]);
  expect(errors).toEqual([]);
});
