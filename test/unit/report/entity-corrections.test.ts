// The report says what the reviewer corrected in the case's people and identifiers (issue 16);
// an undone correction is not said.
import { describe, expect, it } from 'vitest';
import { buildReportModel, renderReportHtml } from '../../../electron/core/report/report.js';
import { sampleReview } from './sample-review.js';

describe('reviewer corrections in the report', () => {
  it('are listed under the people, in the report language, undone ones left out', () => {
    const review = sampleReview();
    review.entityCorrections = [
      {
        id: 1,
        kind: 'merge',
        summary: '合并：张叁 并入 张三',
        summaryEn: 'Merged 张叁 into 张三',
        reviewer: '甲',
        at: 't',
        undone: false,
        detail: {},
      },
      {
        id: 2,
        kind: 'relabel',
        summary: '更正 李四：身份改为 证人',
        summaryEn: 'Corrected 李四: role → Witness',
        reviewer: '甲',
        at: 't',
        undone: true,
        detail: {},
      },
    ];
    const zh = renderReportHtml(buildReportModel(review, { locale: 'zh-CN', appVersion: '0.1.0' }));
    expect(zh).toContain('审查人对人员与号码的更正');
    expect(zh).toContain('合并：张叁 并入 张三');
    expect(zh).not.toContain('更正 李四');
    const en = renderReportHtml(buildReportModel(review, { locale: 'en-US', appVersion: '0.1.0' }));
    expect(en).toContain('Merged 张叁 into 张三');
    // No correction, no line.
    expect(renderReportHtml(buildReportModel(sampleReview(), { locale: 'zh-CN', appVersion: '0.1.0' }))).not.toContain(
      '审查人对人员与号码的更正',
    );
  });
});

describe("the report's catalogue", () => {
  it('names each statement record by its person and session, as the desk does', () => {
    const review = sampleReview();
    const [d3, d4] = review.documents.filter((d) => d.type === 'INTERROGATION_RECORD');
    d3!.fields = { subject: '张三', session: 1 };
    d4!.fields = { subject: '张三', session: 2 };
    const zh = renderReportHtml(buildReportModel(review, { locale: 'zh-CN', appVersion: '0.1.0' }));
    expect(zh).toContain('讯问笔录（张三，第1次）');
    expect(zh).toContain('讯问笔录（张三，第2次）');
    // A record whose person the catalogue did not read keeps its printed title.
    expect(renderReportHtml(buildReportModel(sampleReview(), { locale: 'zh-CN', appVersion: '0.1.0' }))).toContain('讯问笔录（第二次）');
  });
});
