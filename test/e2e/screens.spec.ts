// Every screen as a Chinese reviewer reads it, at 1440×900 and at 1024×768: no rule id,
// no vocabulary key, no document or entity id, no English phrase, no "1 files"; and no
// label that breaks over two lines or a case name cut short. The text of each view (and
// of its tooltips and spoken labels) is scanned in zh-CN on a generated case with
// people, phones, accounts, findings and a timeline.
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import type { APIRequestContext, Page } from '@playwright/test';
import type { CaseTruth } from '../fixtures/generator/truth.js';
import { backend } from './backend.js';
import { readState } from './state.js';
import { collectErrors, guardOffline, shot } from './browser.js';

/** Words only the code should know. */
export const RAW_TOKENS: { name: string; re: RegExp }[] = [
  { name: 'vocabulary or rule id', re: /\b[A-Z][A-Z0-9]{1,}_[A-Z0-9_]+\b/ },
  {
    name: 'role, type or claim key',
    re: /\b(SUSPECT|VICTIM|WITNESS|OFFICER|REPORTER|FAMILY|GUARDIAN|EXPERT|PERSON|PHONE|PLATE|ORG|AMOUNT|ACCOUNT|ADDRESS|TIME|PLACE|PARTICIPANTS|ADMISSION|OTHER)\b/,
  },
  {
    name: 'attribute or status key',
    re: /\b(function|kind|platform|mobile|landline|wechat|alipay|owner|owners|aliases|idValid|masked|violation|warning|open|confirmed|dismissed|undefined|null|NaN|true|false|account|amount|aftermath|identity|procedure|closing|means|people|interrogation|inquiry|narrative|sentence|attribute|document)\b/,
  },
  { name: 'document, entity or event id', re: /(?<![A-Za-z0-9_.-])[dev]\d{1,5}(?![A-Za-z0-9])/ },
  { name: 'English plural of one', re: /\b1 (files|pages|documents|results|findings|mentions)\b/ },
  { name: 'English phrase', re: /\b[A-Za-z]{2,} [a-z]{2,} [a-z]{2,}\b/ },
];

/** What a reader can see or hear of the page now: its text, its tooltips and its spoken labels. */
async function screenText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out = [document.body.innerText];
    for (const el of Array.from(document.querySelectorAll('[title], [aria-label], [placeholder]'))) {
      if (el instanceof HTMLElement && el.offsetParent === null && getComputedStyle(el).position !== 'fixed') continue;
      for (const a of ['title', 'aria-label', 'placeholder']) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    return out;
  });
}

async function expectNoRawTokens(page: Page, where: string): Promise<void> {
  const found: string[] = [];
  for (const text of await screenText(page)) {
    for (const line of text.split('\n')) {
      for (const t of RAW_TOKENS) {
        const m = t.re.exec(line);
        if (m) found.push(`${t.name} "${m[0]}" in: ${line.trim().slice(0, 120)}`);
      }
    }
  }
  expect.soft([...new Set(found)], `raw words on screen (${where})`).toEqual([]);
}

/**
 * Labels that must stay on one line (the issue saw "阅/读" and the scope buttons break apart at
 * 1024 px): each element's text is laid out as a single line box, and none sticks out of its bar.
 */
async function expectOneLine(page: Page, where: string): Promise<void> {
  const broken = await page.evaluate(() => {
    const out: string[] = [];
    const selectors = [
      '.case-tab',
      '.side-tab',
      '.segmented button',
      '.case-name',
      '.case-back',
      '.finding-counts',
      '.viewer-toolbar button',
      '[data-testid="export-open"]',
    ];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selectors.join(',')))) {
      if (el.offsetParent === null) continue;
      const range = document.createRange();
      range.selectNodeContents(el);
      // A line below is a box that starts under the one before it ends (a smaller count badge on the same line overlaps it).
      let lines = 0;
      let bottom = -Infinity;
      for (const r of Array.from(range.getClientRects())
        .filter((x) => x.width > 0)
        .sort((a, b) => a.top - b.top)) {
        if (r.top >= bottom - 2) lines++;
        bottom = Math.max(bottom, r.bottom);
      }
      if (lines > 1) out.push(`wraps: ${el.className} "${el.textContent ?? ''}"`);
    }
    // The case's name is read in full when it is of an ordinary length.
    const name = document.querySelector<HTMLElement>('.case-name');
    if (name && name.offsetParent !== null && name.scrollWidth > name.clientWidth + 1)
      out.push(`cut: case name "${name.textContent ?? ''}"`);
    // Nothing in the bars is pushed past the window's edge.
    for (const bar of Array.from(document.querySelectorAll<HTMLElement>('.case-bar, .viewer-toolbar, .app-header'))) {
      if (bar.offsetParent !== null && bar.scrollWidth > bar.clientWidth + 1)
        out.push(`overflows: ${bar.className} by ${bar.scrollWidth - bar.clientWidth}px`);
    }
    const segmented = Array.from(document.querySelectorAll<HTMLElement>('.segmented button')).filter((b) => b.offsetParent !== null);
    if (new Set(segmented.map((b) => Math.round(b.getBoundingClientRect().top))).size > 1)
      out.push('the search scope buttons are not side by side');
    return out;
  });
  expect.soft(broken, `layout (${where})`).toEqual([]);
}

function mainTab(page: Page, name: string) {
  return page.getByRole('tablist', { name: '案件视图' }).getByRole('tab', { name, exact: true });
}

async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
}

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
] as const;

for (const viewport of SIZES) {
  const size = `${viewport.width}x${viewport.height}`;
  test.describe(`at ${size}`, () => {
    test.use({ viewport });
    test(`no internal word on any screen in zh-CN, no label broken (${size})`, async ({ page, request }) => {
      await everyScreen(page, request, size);
    });
  });
}

async function everyScreen(page: Page, request: APIRequestContext, size: string): Promise<void> {
  const state = readState();
  if ('error' in state.generated) throw new Error(`The fixture generator failed: ${state.generated.error}`);
  const truth = JSON.parse(fs.readFileSync(state.generated.truthPath, 'utf8')) as CaseTruth;
  const api = backend(request);
  const outside = guardOffline(page);
  const errors = collectErrors(page);

  await page.goto(state.url);
  await page.getByLabel('案卷文件夹路径').fill(state.generated.folder);
  await page.getByRole('button', { name: '开始审查', exact: true }).click();
  await expect(page.getByTestId('catalogue-count')).toHaveText(String(truth.documents.length), { timeout: 4 * 60_000 });
  const caseName = (await page.getByTestId('case-name').textContent()) ?? '';
  const kase = (await api('listCases', {})).find((c) => c.name === caseName);
  if (!kase) throw new Error(`case ${caseName} not found`);
  const caseId = kase.id;
  const base = `#/case/${encodeURIComponent(caseId)}`;

  await test.step('the case list, its 问题 column filled from the review', async () => {
    await page.getByRole('button', { name: '案件列表', exact: true }).click();
    const findings = (await api('listFindings', { caseId })).filter((f) => f.status !== 'dismissed');
    const row = page.getByTestId('case-table').getByRole('row', { name: new RegExp(caseName) });
    const cell = row.getByTestId('case-findings');
    await expect.soft(cell).toContainText(`违法 ${findings.filter((f) => f.severity === 'violation').length}`);
    await expect.soft(cell).toContainText(`提示 ${findings.filter((f) => f.severity === 'warning').length}`);
    await expectNoRawTokens(page, 'case list');
    await expectOneLine(page, 'case list');
    await shot(page, `screens-${size}-1-case-list`);
  });

  await test.step('reading: each side tab', async () => {
    await go(page, `${base}/read`);
    await expect(page.getByTestId('page-counter')).toBeVisible();
    for (const side of ['文字', '实体', '审查意见', '批注']) {
      await page
        .locator('.side-tabs')
        .getByRole('tab', { name: new RegExp(`^${side}`) })
        .click();
      await page.waitForTimeout(200);
      await expectNoRawTokens(page, `reading, side tab ${side}`);
      await expectOneLine(page, `reading, side tab ${side}`);
    }
    await shot(page, `screens-${size}-2-reading`);
  });

  await test.step('an entity of every type, and the people', async () => {
    const entities = await api('listEntities', { caseId });
    const picks = new Map<string, string>();
    for (const e of entities) if (!picks.has(e.type)) picks.set(e.type, e.id);
    // People with the most said about them, and the identifiers with holders.
    for (const e of [...entities].sort((a, b) => Object.keys(b.attributes).length - Object.keys(a.attributes).length).slice(0, 4))
      picks.set(`${e.type}:${e.id}`, e.id);
    for (const id of picks.values()) {
      await go(page, `${base}/read?entity=${id}`);
      await expect(page.getByTestId('entity-value')).toBeVisible();
      // The 串并 check says it ran even when it found nothing.
      if ((await api('getEntity', { caseId, entityId: id })).links.length === 0) {
        await expect.soft(page.getByTestId('entity-no-links')).toContainText('未发现串并');
      }
      await expectNoRawTokens(page, `entity ${id}`);
    }
    await expectOneLine(page, 'entity');
    await shot(page, `screens-${size}-3-entity`);
  });

  await test.step('the timeline, with the tooltips of its marks', async () => {
    await go(page, `${base}/timeline`);
    await expect(page.getByTestId('timeline')).toBeVisible();
    await expectNoRawTokens(page, 'timeline');
    const marks = page.locator(
      '[data-testid="timeline-session"], [data-testid="timeline-event"], [data-testid="timeline-finding"], [data-testid="timeline-deadline"]',
    );
    const n = Math.min(await marks.count(), 25);
    for (let i = 0; i < n; i++) {
      const mark = marks.nth(i);
      if (!(await mark.isVisible())) continue;
      await mark.hover({ force: true });
      const tip = page.getByTestId('timeline-tooltip');
      if (await tip.isVisible()) {
        const text = await tip.innerText();
        for (const t of RAW_TOKENS) expect.soft(text, `${t.name} in a timeline tooltip`).not.toMatch(t.re);
      }
    }
    await shot(page, `screens-${size}-4-timeline`);
  });

  for (const [tab, name] of [
    ['findings', '审查意见'],
    ['compare', '笔录比对'],
    ['graph', '关系图'],
    ['history', '审查记录'],
  ] as const) {
    await test.step(`the ${tab} view`, async () => {
      await go(page, `${base}/${tab}`);
      await expect(mainTab(page, name)).toHaveAttribute('aria-selected', 'true');
      await page.waitForTimeout(tab === 'graph' ? 800 : 300);
      await expectNoRawTokens(page, tab);
      await expectOneLine(page, tab);
      if (tab === 'findings') await shot(page, `screens-${size}-5-findings`);
    });
  }

  await test.step('search results and the export panel', async () => {
    await go(page, `${base}/read`);
    const person = (await api('listEntities', { caseId, type: 'PERSON' }))[0];
    await page.getByTestId('search-input').fill(person?.value ?? '盗窃');
    await expect(page.getByTestId('search-count')).toBeVisible();
    await expectNoRawTokens(page, 'search results');
    await page.keyboard.press('Escape');
    await page.getByTestId('export-open').click();
    await expect(page.getByTestId('export-panel')).toBeVisible();
    await expectNoRawTokens(page, 'export panel');
  });

  await test.step('an unknown address answers with a page in Chinese', async () => {
    const url = new URL(state.url);
    const res = await request.get(`${url.origin}/no/such/page`);
    expect(res.status()).toBe(404);
    expect(res.headers()['content-type']).toContain('text/html');
    expect(await res.text()).toContain('页面不存在');
  });

  expect(outside, 'requests that left the machine').toEqual([]);
  expect(errors).toEqual([]);
}
