import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { REVIEW_SCHEMA, type ReviewJson } from '../../../shared/review.js';
import { findCjkFont, writeReport } from '../../../electron/core/report/report.js';
import { sampleReview } from './sample-review.js';

const NOW = new Date('2022-12-21T02:00:00Z');
const ANNOTATIONS = [
  { document: 'd3', file: '卷一/讯问笔录-张三.pdf', page: 2, text: '答：手机卖给了欧阳娜娜', note: '需补充欧阳娜娜的询问笔录' },
];

/** PDF text in drawing order (-raw): a table cell's wrapped lines stay together. */
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}
const squash = (s: string) => s.replace(/\s+/g, '');

let root: string;
let zh: { pdf: string; docx: string };
let zhText: string;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-report-'));
  zh = await writeReport(sampleReview(), path.join(root, 'zh'), {
    locale: 'zh-CN',
    reviewer: '王法制',
    appVersion: '0.1.0',
    annotations: ANNOTATIONS,
    now: NOW,
  });
  zhText = pdfText(zh.pdf);
});

describe('report.pdf (zh-CN)', () => {
  it('carries the title, summary, catalogue, people, findings, annotations and files', () => {
    const text = squash(zhText);
    const review = sampleReview();
    expect(text).toContain('案件审查报告');
    expect(text).toContain('张三、赵六盗窃案');
    for (const heading of ['1.案件概况', '2.卷宗目录', '3.人员', '4.时间轴', '5.审查意见', '6.言词证据比对', '7.批注', '8.文件清单'])
      expect(text).toContain(heading);
    for (const d of review.documents) {
      expect(text).toContain(squash(d.title));
      if (d.number) expect(text).toContain(squash(d.number));
    }
    expect(text).toContain('330602199005031234');
    expect(text).toContain('浙江省绍兴市越城区府山街道仓桥直街12号');
    expect(text).toContain('犯罪嫌疑人');
    for (const f of review.findings) {
      expect(text).toContain(squash(f.message));
      expect(text).toContain(squash(f.citation));
      for (const ev of f.evidence) expect(text).toContain(squash(ev.text));
    }
    expect(text).toContain('审查结论：已确认');
    expect(text).toContain('审查结论：已排除');
    expect(text).toContain('审查结论：待核实');
    expect(text).toContain('通知书记载时间与电话记录一致，确认超时。');
    expect(text).toContain('《拘留证》第1页');
    expect(text).toContain('需补充欧阳娜娜的询问笔录');
    for (const f of review.files) expect(text).toContain(f.sha256);
    expect(text).toContain('PDF文件已损坏，无法读取');
    expect(text).toContain('审查人王法制');
  });

  it('summarises the case with computed figures', () => {
    const text = squash(zhText);
    // 14 OCR pages: six at 0.91…0.96 and eight at 0.88.
    expect(text).toContain('OCR识别页数14');
    expect(text).toContain('OCR平均置信度90.4%');
    expect(text).toContain('违法2条，提示1条');
  });

  // Headings name the rule as a reviewer reads it, never by its id (the id stays in review.json).
  it('lists violations before warnings, numbered as on the figure', () => {
    const text = squash(zhText);
    const at = (s: string) => text.indexOf(s);
    expect(at('F1[违法]拘留后二十四小时内通知家属')).toBeGreaterThan(0);
    expect(at('F2[违法]逮捕证的签发与执行')).toBeGreaterThan(at('F1[违法]拘留后二十四小时内通知家属'));
    expect(at('F3[提示]讯问须由二名以上侦查人员进行')).toBeGreaterThan(at('F2[违法]逮捕证的签发与执行'));
  });

  it('numbers every page in the footer and leaves no page without content', () => {
    const pages = zhText.split('\f').filter((p, i, all) => i < all.length - 1 || p.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((p, i) => {
      expect(squash(p)).toContain(`第${i + 1}页共${pages.length}页`);
      expect(squash(p)).toContain('case-review0.1.0');
      // More than the running header and footer.
      expect(squash(p).length).toBeGreaterThan(120);
    });
  });

  it('embeds the CJK font it writes with', () => {
    const fonts = execFileSync('pdffonts', [zh.pdf], { encoding: 'utf8' });
    const rows = fonts.split('\n').slice(2).filter(Boolean);
    expect(rows.length).toBeGreaterThan(0);
    // Every font is embedded (the "emb" column), so the report reads the same on any machine.
    for (const row of rows) expect(row).toMatch(/\s+yes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/);
    expect(fonts).toMatch(/NotoSansCJK|WenQuanYi|Noto|WQY/i);
  });

  it('draws the timeline figure as vectors on the page (lane names and finding marks as text)', () => {
    const layout = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', zh.pdf, '-'], { encoding: 'utf8' });
    expect(layout).toMatch(/F1/);
    expect(layout).toMatch(/拘留羁押/);
    expect(layout).toMatch(/逮捕羁押/);
  });
});

describe('report.docx (zh-CN)', () => {
  it('has real headings in the same order as the PDF, tables with header rows, and the figure', async () => {
    const { value: html } = await mammoth.convertToHtml({ path: zh.docx });
    // Headings carry bookmarks (<a id="_Toc1">) that the contents link to.
    const h1 = [...html.matchAll(/<h1>(.*?)<\/h1>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    expect(h1).toEqual(['1. 案件概况', '2. 卷宗目录', '3. 人员', '4. 时间轴', '5. 审查意见', '6. 言词证据比对', '7. 批注', '8. 文件清单']);
    expect(html).toMatch(/<h2>违法（2）<\/h2>/);
    expect(html).toMatch(/<h3>F1 +\[违法\] 拘留后二十四小时内通知家属<\/h3>/);
    expect(html).toMatch(/<a href="#_Toc1">1\. 案件概况\s*<\/a>/);
    // Header rows repeat on each page in Word; mammoth shows them as <th>.
    expect(html).toMatch(/<th><p><strong>序号<\/strong><\/p><\/th>/);
    expect(html).toMatch(/<img [^>]*src="data:image\/png;base64,/);
  });

  it('carries the same content as the PDF', async () => {
    const { value } = await mammoth.extractRawText({ path: zh.docx });
    const text = squash(value);
    const review = sampleReview();
    for (const d of review.documents) expect(text).toContain(squash(d.title));
    for (const f of review.findings) {
      expect(text).toContain(squash(f.message));
      expect(text).toContain(squash(f.citation));
    }
    expect(text).toContain('330602199005031234');
    expect(text).toContain('已确认');
    expect(text).toContain('需补充欧阳娜娜的询问笔录');
    expect(text).toContain(review.files[0]!.sha256);
  });

  it('puts page numbers in the footer as fields', () => {
    const xml = execFileSync('unzip', ['-p', zh.docx, 'word/footer1.xml'], { encoding: 'utf8' });
    expect(xml).toContain('PAGE');
    expect(xml).toContain('NUMPAGES');
    expect(xml).toContain('第 ');
  });
});

describe('report in en-US', () => {
  it('gives English headings, labels and the English message where the rule wrote one', async () => {
    const out = await writeReport(sampleReview(), path.join(root, 'en'), { locale: 'en-US', appVersion: '0.1.0', now: NOW });
    const text = squash(pdfText(out.pdf));
    expect(text).toContain('CaseReviewReport');
    for (const h of [
      '1.Casesummary',
      '2.Catalogue',
      '3.People',
      '4.Timeline',
      '5.Reviewfindings',
      '6.Statementscompared',
      '7.Annotations',
      '8.Files',
    ])
      expect(text).toContain(h);
    expect(text).toContain(squash(sampleReview().findings[0]!.messageEn!));
    expect(text).toContain('Decision:Confirmed');
    expect(text).toContain('Arrestwarrant');
    expect(text).toContain('Page1of');
    expect(text).not.toContain('案件审查报告');
    const { value: html } = await mammoth.convertToHtml({ path: out.docx });
    expect(html).toMatch(/<h1>(<a id="[^"]+"><\/a>)?2\. Catalogue<\/h1>/);
    expect(html).toMatch(/<h1>(<a id="[^"]+"><\/a>)?4\. Timeline<\/h1>/);
  });
});

describe('report with a font that has no bold face', () => {
  it('writes with WenQuanYi Zen Hei alone, headings in the regular face', async () => {
    const font = findCjkFont(['/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc']);
    expect(font.bold).toBeUndefined();
    const out = await writeReport(sampleReview(), path.join(root, 'wqy'), { locale: 'zh-CN', appVersion: '0.1.0', now: NOW, font });
    const fonts = execFileSync('pdffonts', [out.pdf], { encoding: 'utf8' });
    expect(fonts).toMatch(/WenQuanYiZenHei/);
    expect(fonts).not.toMatch(/Noto/);
    const text = squash(pdfText(out.pdf));
    expect(text).toContain('F1[违法]拘留后二十四小时内通知家属');
    expect(text).toContain(squash(sampleReview().findings[0]!.message));
  });
});

describe('report of a case with nothing found yet', () => {
  it('still writes both files, saying there are no findings and no dated events', async () => {
    const empty: ReviewJson = {
      schema: REVIEW_SCHEMA,
      case: { id: 'c0', name: '空案', folder: '/cases/空案', reviewedAt: '2024-03-05T08:00:00.000Z' },
      files: [],
      pages: [],
      documents: [],
      entities: [],
      events: [],
      findings: [],
      errors: [],
    };
    const out = await writeReport(empty, path.join(root, 'empty'), { locale: 'zh-CN', appVersion: '0.1.0', now: NOW });
    const text = squash(pdfText(out.pdf));
    expect(text).toContain('未发现问题。');
    expect(text).toContain('未见可定位时间的事件。');
    expect(text).toContain('无批注。');
    expect(text).toContain('审查日期2024-03-0516:00');
    const { value } = await mammoth.extractRawText({ path: out.docx });
    expect(squash(value)).toContain('未发现问题。');
  });
});
