import { describe, expect, it } from 'vitest';
import { appraisalNotice as rule } from '../../../electron/core/rules/evidence/appraisal-notice.js';
import { newCase } from './facts-builder.js';

function base() {
  const b = newCase();
  b.person('张三');
  b.person('李四', { role: 'VICTIM' });
  b.doc('APPRAISAL', { title: '伤情鉴定意见书', date: '2024-03-10', number: '绍公鉴〔2024〕12号' });
  return b;
}

describe('APPRAISAL_NOTICE', () => {
  it('passes when suspect and victim were told after the opinion and before the transfer', () => {
    const b = base();
    b.doc('APPRAISAL_NOTICE', { date: '2024-03-11', text: '鉴定意见通知书 犯罪嫌疑人张三：绍公鉴〔2024〕12号' });
    b.doc('APPRAISAL_NOTICE', { date: '2024-03-11', text: '鉴定意见通知书 被害人李四：绍公鉴〔2024〕12号' });
    b.doc('PROSECUTION_OPINION', { date: '2024-04-01' });
    expect(rule.evaluate(b.build())).toEqual([]);
  });

  it("counts a notice whose citation of the opinion's number OCR damaged or bracketed otherwise; not one citing another opinion", () => {
    const b = base();
    b.doc('APPRAISAL', { title: '价格认定书', date: '2024-03-12', number: '绍公价〔2024〕30号' });
    b.doc('APPRAISAL_NOTICE', { date: '2024-03-13', text: '鉴定意见通知书 犯罪嫌疑人张三：绍公鉴〔2024〕12号 绍公价〔2024〕30号' });
    b.doc('APPRAISAL_NOTICE', { date: '2024-03-13', text: '鉴定意见通知书 被害人李四：绍公鉴[2024)12号' });
    b.doc('APPRAISAL_NOTICE', { date: '2024-03-13', text: '鉴定意见通知书 被害人李四：绍公价（2O24〕3O号' });
    expect(rule.evaluate(b.build())).toEqual([]);
    const c = base();
    c.doc('APPRAISAL', { title: '价格认定书', date: '2024-03-12', number: '绍公价〔2024〕30号' });
    c.doc('APPRAISAL_NOTICE', { date: '2024-03-13', text: '鉴定意见通知书 犯罪嫌疑人张三：绍公鉴〔2024〕12号 绍公价〔2024〕30号' });
    c.doc('APPRAISAL_NOTICE', { date: '2024-03-13', text: '鉴定意见通知书 被害人李四：绍公价〔2024〕30号' });
    expect(rule.evaluate(c.build()).map((f) => f.message)).toEqual([expect.stringContaining('被害人李四')]);
  });

  it('fires when the victim was never told', () => {
    const b = base();
    b.doc('APPRAISAL_NOTICE', { date: '2024-03-11', text: '鉴定意见通知书 犯罪嫌疑人张三' });
    const f = rule.evaluate(b.build());
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('violation');
    expect(f[0]?.message).toContain('被害人李四');
  });

  it('fires for a notice dated before the opinion, or after the prosecution opinion', () => {
    const b = base();
    b.doc('APPRAISAL_NOTICE', { date: '2024-03-09', text: '犯罪嫌疑人张三' });
    b.doc('APPRAISAL_NOTICE', { date: '2024-04-02', text: '被害人李四' });
    b.doc('PROSECUTION_OPINION', { date: '2024-04-01' });
    const f = rule.evaluate(b.build());
    expect(f.map((x) => x.key.split(':').pop())).toEqual(['early', 'late']);
    expect(f[0]?.message).toContain('2024-03-09 早于鉴定意见日期 2024-03-10');
  });

  it('accepts the notice on the day of the opinion; warns when undated', () => {
    const b = base();
    b.doc('APPRAISAL_NOTICE', { date: '2024-03-10', text: '犯罪嫌疑人张三' });
    b.doc('APPRAISAL_NOTICE', { date: null, text: '被害人李四' });
    const f = rule.evaluate(b.build());
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0]?.message).toContain('未注明日期');
  });

  it('emits nothing when no expert opinion is in the file', () => {
    const b = newCase();
    b.person('张三');
    expect(rule.evaluate(b.build())).toEqual([]);
  });
});

describe('APPRAISAL_NOTICE with co-suspects', () => {
  it('only warns for a co-suspect left out when the main suspect was told', () => {
    const b = base();
    b.person('王五');
    b.doc('APPRAISAL_NOTICE', { date: '2024-03-11', text: '张三：绍公鉴〔2024〕12号' });
    b.doc('APPRAISAL_NOTICE', { date: '2024-03-11', text: '李四：绍公鉴〔2024〕12号' });
    const f = rule.evaluate(b.build());
    expect(f.map((x) => [x.severity, x.key])).toEqual([['warning', 'APPRAISAL_NOTICE:d1:p3']]);
  });
});
