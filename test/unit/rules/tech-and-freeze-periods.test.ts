import { describe, expect, it } from 'vitest';
import { techAndFreezePeriods as rule } from '../../../electron/core/rules/other/tech-and-freeze-periods.js';
import { newCase } from './facts-builder.js';

describe('TECH_AND_FREEZE_PERIODS', () => {
  it('passes a deposit freeze of exactly six months and technical measures after filing', () => {
    const b = newCase();
    b.doc('CASE_FILING', { date: '2024-03-01' });
    b.doc('OTHER', { title: '协助冻结财产通知书', date: '2024-03-05', text: '冻结存款，冻结期限自2024年3月5日起至2024年9月5日止' });
    b.doc('OTHER', { title: '采取技术侦查措施决定书', date: '2024-03-02', fields: { start: '2024-03-02', end: '2024-06-02' } });
    expect(rule.evaluate(b.build())).toEqual([]);
  });

  it('fires for technical measures before filing and beyond three months', () => {
    const b = newCase();
    b.doc('CASE_FILING', { date: '2024-03-01' });
    b.doc('OTHER', { title: '采取技术侦查措施决定书', date: '2024-02-28', fields: { start: '2024-02-28', end: '2024-06-01' } });
    const f = rule.evaluate(b.build());
    expect(f.map((x) => x.key.split(':').pop())).toEqual(['before-filing', 'period']);
    expect(f[1]?.message).toContain('2024-05-28');
  });

  it('warns for a deposit freeze of a year (major cases only), fires beyond it; securities get two years', () => {
    const b = newCase();
    b.doc('OTHER', { title: '协助冻结财产通知书', date: '2024-03-05', text: '冻结存款，冻结期限自2024年3月5日起至2025年3月5日止' });
    expect(rule.evaluate(b.build()).map((x) => x.severity)).toEqual(['warning']);
    const c = newCase();
    c.doc('OTHER', { title: '协助冻结财产通知书', date: '2024-03-05', text: '冻结存款，期限自2024年3月5日起至2025年3月6日止' });
    expect(rule.evaluate(c.build()).map((x) => x.severity)).toEqual(['violation']);
    const d = newCase();
    d.doc('OTHER', { title: '协助冻结财产通知书', date: '2024-03-05', text: '冻结股票，期限自2024年3月5日起至2026年3月5日止' });
    expect(rule.evaluate(d.build())).toEqual([]);
  });

  it('fires for a renewal made after the freeze expired', () => {
    const b = newCase();
    b.doc('OTHER', { title: '协助冻结财产通知书', date: '2024-03-05', text: '冻结存款，期限自2024年3月5日起至2024年9月5日止' });
    b.doc('OTHER', { title: '协助冻结财产通知书（续冻）', date: '2024-09-10', text: '继续冻结，期限自2024年9月10日起至2025年3月10日止' });
    expect(rule.evaluate(b.build()).map((x) => x.key.split(':').pop())).toEqual(['renewal']);
  });

  it('emits nothing without such measures', () => {
    const b = newCase();
    b.doc('CASE_FILING', { date: '2024-03-01' });
    expect(rule.evaluate(b.build())).toEqual([]);
  });
});
