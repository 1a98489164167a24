import { describe, expect, it } from 'vitest';
import rule from '../../../electron/core/rules/arrest/family-notice-24h.js';
import { at, newCase } from './facts-builder.js';

const TEXT = '张三家属：经某市人民检察院批准，我局已于2024年3月12日10时将涉嫌盗窃罪的张三逮捕，现羁押在某市看守所。';

function arrested(noticeAt: string | null, exception?: string) {
  const b = newCase();
  const p = b.person('张三');
  b.act('DETENTION_WARRANT', 'DETENTION', at('2024-03-05 12:20'), { event: { subjects: [p] } });
  b.act('DETENTION_NOTICE', 'FAMILY_NOTIFIED', at('2024-03-05 18:00'), { event: { subjects: [p] } });
  b.act('ARREST_WARRANT', 'ARREST', at('2024-03-12 10:00'), { event: { subjects: [p] } });
  if (noticeAt)
    b.act('ARREST_NOTICE', 'FAMILY_NOTIFIED', noticeAt, { text: TEXT, fields: exception ? { exception } : {}, event: { subjects: [p] } });
  return b.build();
}

describe('ARREST_FAMILY_NOTICE_24H', () => {
  it('is silent when the family is told the same day', () => {
    expect(rule.evaluate(arrested(at('2024-03-12 16:00')))).toEqual([]);
  });
  it('fires a violation at 48 h, with the figures', () => {
    const [f] = rule.evaluate(arrested(at('2024-03-14 10:00')));
    expect(f?.severity).toBe('violation');
    expect(f?.message).toContain('逮捕 2024-03-12 10:00 → 通知家属 2024-03-14 10:00 = 48 小时 > 24 小时');
  });
  it('23 h 59 min silent; 24 h 01 min warning; 25 h 01 min violation', () => {
    expect(rule.evaluate(arrested(at('2024-03-13 09:59')))).toEqual([]);
    expect(rule.evaluate(arrested(at('2024-03-13 10:01')))[0]?.severity).toBe('warning');
    expect(rule.evaluate(arrested(at('2024-03-13 11:01')))[0]?.severity).toBe('violation');
  });
  it('does not take the detention notice for the arrest notice', () => {
    const [f] = rule.evaluate(arrested(null));
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('未见逮捕通知书');
  });
  it('无法通知 turns lateness into a warning; 有碍侦查 stays a violation', () => {
    expect(rule.evaluate(arrested(at('2024-03-16 10:00'), '无法通知'))[0]?.severity).toBe('warning');
    const [f] = rule.evaluate(arrested(at('2024-03-16 10:00'), '有碍侦查'));
    expect(f?.severity).toBe('violation');
  });
});

describe('ARREST_FAMILY_NOTICE_24H with several papers for one notice', () => {
  it('reads the time on the notice itself over a date in another paper', () => {
    const b = newCase();
    const p = b.person('张三');
    b.act('ARREST_WARRANT', 'ARREST', at('2024-03-12 10:00'), { event: { subjects: [p] } });
    b.act('OTHER', 'FAMILY_NOTIFIED', '2024-03-12', { title: '送达回执', event: { subjects: [p] } });
    b.act('ARREST_NOTICE', 'FAMILY_NOTIFIED', at('2024-03-14 11:00'), { text: TEXT, event: { subjects: [p] } });
    expect(rule.evaluate(b.build())[0]?.severity).toBe('violation');
  });
});
