import { describe, expect, it } from 'vitest';
import { rightsNotice as rule } from '../../../electron/core/rules/interrogation/rights-notice.js';
import { at, newCase } from './facts-builder.js';
import { CONFIRM, interrogation } from './facts-builder-more.js';

const bare = (who: string) =>
  `讯问笔录\n时间：2024-03-05 14:30至16:00\n被讯问人：${who}\n问：你把事情经过讲一下。答：我拿了酒。\n${CONFIRM}`;

describe('RIGHTS_NOTICE', () => {
  it('passes when the first record reads the rights notice', () => {
    const b = newCase();
    const p = b.person('张三');
    interrogation(b, { subject: '张三', subjectId: p, start: '2024-03-05 14:30', end: '2024-03-05 16:00', session: 1 });
    expect(rule.evaluate(b.build())).toEqual([]);
  });

  it('passes when the record tells each right in words', () => {
    const b = newCase();
    const p = b.person('张三');
    interrogation(b, {
      subject: '张三',
      subjectId: p,
      start: '2024-03-05 14:30',
      end: '2024-03-05 16:00',
      text:
        '讯问笔录\n问：你享有的诉讼权利有……你有权委托律师作为辩护人，也可以申请法律援助；如实供述可以从宽处理，认罪认罚可以依法从宽。答：明白。\n' +
        CONFIRM,
    });
    expect(rule.evaluate(b.build())).toEqual([]);
  });

  it('fires when the first record tells nothing, naming what is missing', () => {
    const b = newCase();
    const p = b.person('张三');
    const d = interrogation(b, { subject: '张三', subjectId: p, start: '2024-03-05 14:30', end: '2024-03-05 16:00', text: bare('张三') });
    const f = rule.evaluate(b.build());
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('violation');
    expect(f[0]?.message).toContain('委托律师');
    expect(f[0]?.message).toContain('从宽');
    expect(f[0]?.evidence[0]?.document).toBe(d);
  });

  it('accepts a signed rights notice dated the day of the first interrogation', () => {
    const b = newCase();
    const p = b.person('张三');
    b.doc('RIGHTS_NOTICE', { date: '2024-03-05', fields: { subjectId: p } });
    interrogation(b, { subject: '张三', subjectId: p, start: '2024-03-05 14:30', end: '2024-03-05 16:00', text: bare('张三') });
    expect(rule.evaluate(b.build())).toEqual([]);
  });

  it('fires when the only notice is dated after the first interrogation', () => {
    const b = newCase();
    const p = b.person('张三');
    b.doc('RIGHTS_NOTICE', { date: '2024-03-06', fields: { subjectId: p } });
    interrogation(b, { subject: '张三', subjectId: p, start: '2024-03-05 14:30', end: '2024-03-05 16:00', text: bare('张三') });
    const f = rule.evaluate(b.build());
    expect(f.map((x) => x.severity)).toEqual(['violation']);
    expect(f[0]?.message).toContain('2024-03-06');
  });

  it('warns when the earliest record in the file is not the first', () => {
    const b = newCase();
    const p = b.person('张三');
    interrogation(b, { subject: '张三', subjectId: p, start: '2024-03-07 09:00', end: '2024-03-07 10:00', session: 2, text: bare('张三') });
    const f = rule.evaluate(b.build());
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0]?.message).toContain('第2次');
  });

  it('warns when a detention came a day before the first record that tells the rights', () => {
    const b = newCase();
    const p = b.person('张三');
    b.act('DETENTION_WARRANT', 'DETENTION', at('2024-03-04 22:00'), { event: { subjects: [p] } });
    interrogation(b, { subject: '张三', subjectId: p, start: '2024-03-05 09:00', end: '2024-03-05 10:00', session: 1 });
    const f = rule.evaluate(b.build());
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0]?.message).toContain('2024-03-04 22:00');
  });

  it('emits nothing for a person never questioned or subjected to a measure', () => {
    const b = newCase();
    b.person('张三');
    expect(rule.evaluate(b.build())).toEqual([]);
  });
});

describe('RIGHTS_NOTICE on unreadable text', () => {
  it('warns that the first record could not be read rather than firing', () => {
    const b = newCase();
    const p = b.person('张三');
    interrogation(b, { subject: '张三', subjectId: p, start: '2024-03-05 14:30', end: '2024-03-05 16:00', text: '讯问笔录' });
    expect(rule.evaluate(b.build()).map((x) => x.severity)).toEqual(['warning']);
  });
});
