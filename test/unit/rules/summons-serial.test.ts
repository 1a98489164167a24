import { describe, expect, it } from 'vitest';
import rule from '../../../electron/core/rules/summons/serial.js';
import { at, newCase } from './facts-builder.js';

function twoSummonses(secondArrival: string) {
  const b = newCase();
  const p = b.person('张三');
  b.act('SUMMONS', 'SUMMONS', at('2024-03-05 09:00'), { fields: { subjectId: p }, event: { subjects: [p], end: at('2024-03-05 20:00') } });
  b.act('SUMMONS', 'SUMMONS', secondArrival, { fields: { subjectId: p }, event: { subjects: [p], end: null } });
  return b.build();
}

describe('SUMMONS_SERIAL', () => {
  it('is silent with a rest of 12 h or more', () => {
    expect(rule.evaluate(twoSummonses(at('2024-03-06 08:00')))).toEqual([]);
  });
  it('warns of a second summons 3 h after the first ended', () => {
    const [f] = rule.evaluate(twoSummonses(at('2024-03-05 23:00')));
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('间隔 3 小时 < 12 小时');
  });
  it('warns of holding chained from apprehension past 24 h', () => {
    const b = newCase();
    const p = b.person('张三');
    b.doc('OTHER', { title: '到案经过' });
    b.event('APPREHENDED', at('2024-03-04 20:00'), { subjects: [p] });
    b.act('SUMMONS', 'SUMMONS', at('2024-03-05 08:00'), {
      fields: { subjectId: p },
      event: { subjects: [p], end: at('2024-03-05 21:30') },
    });
    const [f] = rule.evaluate(b.build());
    expect(f?.message).toContain('连续留置 25 小时 30 分');
    expect(f?.message).toContain('> 24 小时');
    const c = newCase();
    const q = c.person('张三');
    c.doc('OTHER', { title: '到案经过' });
    c.event('APPREHENDED', at('2024-03-05 07:30'), { subjects: [q] });
    c.act('SUMMONS', 'SUMMONS', at('2024-03-05 08:00'), {
      fields: { subjectId: q },
      event: { subjects: [q], end: at('2024-03-05 19:00') },
    });
    expect(rule.evaluate(c.build())).toEqual([]);
  });
});
