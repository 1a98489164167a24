import { describe, expect, it } from 'vitest';
import { buildReportModel, renderReportHtml } from '../../../electron/core/report/report.js';
import { sampleReview } from './sample-review.js';

describe('report as self-contained HTML (for printToPDF)', () => {
  const model = buildReportModel(sampleReview(), { locale: 'zh-CN', appVersion: '0.1.0', now: new Date('2022-12-21T02:00:00Z') });
  const html = renderReportHtml(model);

  it('has the same sections as the PDF and DOCX, with the figure inline', () => {
    const h1 = [...html.matchAll(/<h1 id="(\w+)">(.*?)<\/h1>/g)].map((m) => m[2]);
    expect(h1).toEqual(model.sections.map((s, i) => `${i + 1}. ${s.title}`));
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(html).toContain('<th>文号</th>');
    expect(html).toContain('越公（刑）拘字〔2022〕301号');
    expect(html).toContain('counter(pages)');
  });

  it('loads nothing from outside the page and escapes the case text', () => {
    const withoutSvgNamespace = html.replaceAll('xmlns="http://www.w3.org/2000/svg"', '');
    expect(withoutSvgNamespace).not.toMatch(/https?:|\/\/[a-z]|src=|<link|@import|url\(/i);
    const hostile = sampleReview();
    hostile.case.name = '<script>alert(1)</script>案';
    const out = renderReportHtml(buildReportModel(hostile, { locale: 'zh-CN', appVersion: '0.1.0' }));
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;案');
  });
});
