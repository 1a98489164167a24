import { describe, expect, it } from 'vitest';
import { documentDateOrder as rule } from '../../../electron/core/rules/integrity/document-date-order.js';
import { at, newCase } from './facts-builder.js';
import { interrogation } from './facts-builder-more.js';

function cleanCase() {
  const b = newCase({ reviewDate: '2024-06-01' });
  const p = b.person('张三');
  b.doc('REPORT_REGISTRATION', { date: '2024-03-04' });
  b.doc('CASE_FILING', { date: '2024-03-04' });
  b.event('APPREHENDED', at('2024-03-05 09:00'), { subjects: [p] });
  b.doc('OTHER', { title: '呈请拘留报告书', date: '2024-03-05' });
  b.act('DETENTION_WARRANT', 'DETENTION', at('2024-03-05 10:00'), {
    fields: { custodyAt: at('2024-03-05 18:00') },
    event: { subjects: [p] },
  });
  b.doc('DETENTION_NOTICE', { date: '2024-03-05' });
  b.doc('ARREST_REQUEST', { date: '2024-03-08' });
  b.doc('ARREST_APPROVAL', { date: '2024-03-12' });
  b.act('ARREST_WARRANT', 'ARREST', at('2024-03-12 16:00'), { event: { subjects: [p] } });
  b.doc('ARREST_NOTICE', { date: '2024-03-13' });
  b.doc('OTHER', { title: '鉴定聘请书', date: '2024-03-06' });
  b.doc('APPRAISAL', { date: '2024-03-10' });
  interrogation(b, { subject: '张三', subjectId: p, start: '2024-03-05 11:00', end: '2024-03-05 12:00', session: 1 });
  interrogation(b, { subject: '张三', subjectId: p, start: '2024-03-06 11:00', end: '2024-03-06 12:00', session: 2 });
  return { b, p };
}

describe('DOCUMENT_DATE_ORDER', () => {
  it('passes a case whose papers follow each other', () => {
    expect(rule.evaluate(cleanCase().b.build())).toEqual([]);
  });

  it('fires for an arrest warrant dated before the approval', () => {
    const { b } = cleanCase();
    const facts = b.build();
    const warrant = facts.documents.find((d) => d.type === 'ARREST_WARRANT')!;
    warrant.date = '2024-03-11';
    const f = rule.evaluate(facts);
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('warning');
    expect(f[0]?.message).toContain('逮捕证签发（2024-03-11）早于批准逮捕决定书（2024-03-12）');
  });

  it('fires for a second record dated before the first, and for a record ending before it starts', () => {
    const { b, p } = cleanCase();
    interrogation(b, { subject: '张三', subjectId: p, start: '2024-03-05 15:00', end: '2024-03-05 14:00', session: 3 });
    const f = rule.evaluate(b.build());
    expect(f.map((x) => x.key)).toEqual(expect.arrayContaining([expect.stringContaining('session'), expect.stringContaining('interval')]));
    expect(f.find((x) => x.key.includes('session'))?.message).toContain('第3次笔录');
  });

  it('fires for a date after the review day', () => {
    const { b } = cleanCase();
    const id = b.doc('PROSECUTION_OPINION', { date: '2024-07-01' });
    const f = rule.evaluate(b.build());
    expect(f.map((x) => x.key)).toEqual([`DOCUMENT_DATE_ORDER:future:${id}`]);
    expect(f[0]?.message).toContain('晚于审查日 2024-06-01');
  });

  it('does not fire for a warrant signed before a fugitive was caught', () => {
    const b = newCase();
    const p = b.person('张三');
    b.doc('DETENTION_WARRANT', { date: '2024-01-10', fields: { executedAt: at('2024-03-05 10:00') } });
    b.event('APPREHENDED', at('2024-03-05 09:00'), { subjects: [p] });
    expect(rule.evaluate(b.build())).toEqual([]);
  });

  it('fires for a jail arrival before the detention, compared to the minute', () => {
    const b = newCase();
    const p = b.person('张三');
    b.act('DETENTION_WARRANT', 'DETENTION', at('2024-03-05 10:00'), {
      fields: { custodyAt: at('2024-03-05 09:30') },
      event: { subjects: [p] },
    });
    const f = rule.evaluate(b.build());
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain('送看守所（2024-03-05 09:30）早于拘留执行（2024-03-05 10:00）');
  });
});
