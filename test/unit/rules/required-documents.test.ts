import { describe, expect, it } from 'vitest';
import { requiredDocuments as rule } from '../../../electron/core/rules/integrity/required-documents.js';
import { at, newCase } from './facts-builder.js';
import { interrogation } from './facts-builder-more.js';

function detentionCase() {
  const b = newCase();
  const p = b.person('张三');
  b.doc('REPORT_REGISTRATION', { date: '2024-03-04' });
  b.doc('CASE_FILING', { date: '2024-03-04' });
  b.doc('OTHER', { title: '呈请拘留报告书', date: '2024-03-05' });
  b.act('DETENTION_WARRANT', 'DETENTION', at('2024-03-05 10:00'), {
    fields: { custodyAt: at('2024-03-05 18:00') },
    event: { subjects: [p] },
  });
  b.act('DETENTION_NOTICE', 'FAMILY_NOTIFIED', at('2024-03-05 20:00'));
  interrogation(b, { subject: '张三', subjectId: p, start: '2024-03-06 09:00', end: '2024-03-06 10:00' });
  b.doc('ARREST_REQUEST', { date: '2024-03-08' });
  b.doc('ARREST_APPROVAL', { date: '2024-03-12' });
  b.act('ARREST_WARRANT', 'ARREST', at('2024-03-12 16:00'), { event: { subjects: [p] } });
  b.doc('ARREST_NOTICE', { date: '2024-03-13' });
  interrogation(b, { subject: '张三', subjectId: p, start: '2024-03-13 09:00', end: '2024-03-13 10:00' });
  return { b, p };
}

describe('REQUIRED_DOCUMENTS', () => {
  it('passes a case with every paper of its detention and arrest', () => {
    expect(rule.evaluate(detentionCase().b.build())).toEqual([]);
  });

  it('fires a violation for a missing detention notice and arrest warrant', () => {
    const { b } = detentionCase();
    const facts = b.build();
    facts.documents = facts.documents.filter((d) => d.type !== 'DETENTION_NOTICE' && d.type !== 'ARREST_WARRANT');
    facts.events = facts.events.filter((e) => e.type !== 'FAMILY_NOTIFIED');
    const f = rule.evaluate(facts);
    const v = f.filter((x) => x.severity === 'violation').map((x) => x.message);
    expect(v).toHaveLength(2);
    expect(v.some((m) => m.includes('未见拘留通知书'))).toBe(true);
    expect(v.some((m) => m.includes('未见逮捕证'))).toBe(true);
  });

  it('only warns for a missing notice when an exception is claimed', () => {
    const b = newCase();
    const p = b.person('张三');
    b.doc('CASE_FILING', { date: '2024-03-04' });
    b.doc('REPORT_REGISTRATION', { date: '2024-03-04' });
    b.doc('OTHER', { title: '呈请拘留报告书', date: '2024-03-05' });
    b.act('DETENTION_WARRANT', 'DETENTION', at('2024-03-05 10:00'), {
      fields: { custodyAt: at('2024-03-05 18:00'), exception: '无法通知' },
      event: { subjects: [p] },
    });
    interrogation(b, { subject: '张三', subjectId: p, start: '2024-03-06 09:00', end: '2024-03-06 10:00' });
    b.doc('BAIL', { date: '2024-03-08', text: '取保候审决定书 保证金人民币三千元' });
    const f = rule.evaluate(b.build());
    expect(f.map((x) => [x.severity, x.message.includes('拘留通知书')])).toEqual([['warning', true]]);
  });

  it('warns for a detention left without any follow-up, and an arrest request left undecided', () => {
    const b = newCase();
    const p = b.person('张三');
    b.doc('CASE_FILING', { date: '2024-03-04' });
    b.doc('REPORT_REGISTRATION', { date: '2024-03-04' });
    b.doc('OTHER', { title: '呈请拘留报告书', date: '2024-03-05' });
    b.act('DETENTION_WARRANT', 'DETENTION', at('2024-03-05 10:00'), {
      fields: { custodyAt: at('2024-03-05 18:00') },
      event: { subjects: [p] },
    });
    b.doc('DETENTION_NOTICE', { date: '2024-03-05' });
    interrogation(b, { subject: '张三', subjectId: p, start: '2024-03-06 09:00', end: '2024-03-06 10:00' });
    expect(rule.evaluate(b.build()).map((x) => x.severity)).toEqual(['warning']);
    b.doc('ARREST_REQUEST', { date: '2024-03-08' });
    const f = rule.evaluate(b.build());
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0]?.message).toContain('批准或不批准逮捕决定书');
  });

  it('fires for a search known only from its event, leaves a search record to SEARCH_PROCEDURE', () => {
    const b = newCase();
    b.doc('CASE_FILING', { date: '2024-03-04' });
    b.doc('REPORT_REGISTRATION', { date: '2024-03-04' });
    b.event('SEARCH', at('2024-03-05 10:00'), { text: '民警对其住处进行了搜查' });
    expect(rule.evaluate(b.build()).map((x) => [x.severity, x.message.includes('搜查证')])).toEqual([
      ['violation', true],
      ['violation', false],
    ]);
    b.act('SEARCH_RECORD', 'SEARCH', at('2024-03-05 10:00'), { text: '搜查笔录 ……' });
    expect(rule.evaluate(b.build())).toEqual([]);
  });

  it('asks for the filing decision as a violation once coercive measures exist', () => {
    const b = newCase();
    const p = b.person('张三');
    b.doc('REPORT_REGISTRATION', { date: '2024-03-04' });
    b.act('BAIL', 'BAIL', '2024-03-05', { text: '取保候审决定书 保证人李某', event: { subjects: [p] } });
    const f = rule.evaluate(b.build());
    expect(f.map((x) => [x.severity, x.message.includes('立案决定书')])).toEqual([['violation', true]]);
  });

  it('emits nothing for measures that never happened', () => {
    const b = newCase();
    b.person('张三');
    b.doc('REPORT_REGISTRATION', { date: '2024-03-04' });
    b.doc('CASE_FILING', { date: '2024-03-04' });
    expect(rule.evaluate(b.build())).toEqual([]);
  });
});
