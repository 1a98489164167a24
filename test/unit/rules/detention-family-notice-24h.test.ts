import { describe, expect, it } from 'vitest';
import rule from '../../../electron/core/rules/detention/family-notice-24h.js';
import { at, newCase } from './facts-builder.js';

const NOTICE_TEXT =
  '张三家属：根据《中华人民共和国刑事诉讼法》第八十二条之规定，我局已于2024年3月5日12时20分将涉嫌盗窃罪的张三刑事拘留，现羁押在某市看守所。';

function detainedCase(noticeAt: string | null, opts: { charge?: string; exception?: string; noticeText?: string } = {}) {
  const b = newCase({ charge: opts.charge ?? '盗窃罪' });
  const p = b.person('张三');
  b.act('DETENTION_WARRANT', 'DETENTION', at('2024-03-05 12:20'), { event: { subjects: [p] } });
  if (noticeAt !== null) {
    b.act('DETENTION_NOTICE', 'FAMILY_NOTIFIED', noticeAt, {
      text: opts.noticeText ?? NOTICE_TEXT,
      fields: opts.exception ? { exception: opts.exception } : {},
      event: { subjects: [p] },
    });
  }
  return b.build();
}

describe('DETENTION_FAMILY_NOTICE_24H', () => {
  it('fires a violation with the figures when the family is told 27 h 20 min later', () => {
    const [f, ...rest] = rule.evaluate(detainedCase(at('2024-03-06 15:40')));
    expect(rest).toHaveLength(0);
    expect(f?.severity).toBe('violation');
    expect(f?.message).toContain('拘留 2024-03-05 12:20 → 通知家属 2024-03-06 15:40 = 27 小时 20 分 > 24 小时');
    expect(f?.messageEn).toContain('27 h 20 min > 24 h');
    expect(f?.evidence.map((e) => e.document)).toEqual(['d1', 'd2']);
    expect(f?.key).toBe('DETENTION_FAMILY_NOTICE_24H:p1');
  });
  it('is silent at 23 h 59 min and at exactly 24 h', () => {
    expect(rule.evaluate(detainedCase(at('2024-03-06 12:19')))).toEqual([]);
    expect(rule.evaluate(detainedCase(at('2024-03-06 12:20')))).toEqual([]);
  });
  it('gives a warning, not a violation, at 24 h 01 min (inside the 25th hour)', () => {
    const [f] = rule.evaluate(detainedCase(at('2024-03-06 12:21')));
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('24 小时 1 分');
  });
  it('gives a violation at 25 h 01 min', () => {
    expect(rule.evaluate(detainedCase(at('2024-03-06 13:21')))[0]?.severity).toBe('violation');
  });
  it('gives a warning when the notice has only a date', () => {
    const [f] = rule.evaluate(detainedCase('2024-03-06'));
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('仅载明日期');
  });
  it('warns that the notice is missing when the detention happened', () => {
    const [f] = rule.evaluate(detainedCase(null));
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('未见拘留通知书');
  });
  it('says nothing in a case without a detention', () => {
    const b = newCase();
    b.person('张三');
    b.act('BAIL', 'BAIL', '2024-03-05', { event: { subjects: ['p1'] } });
    expect(rule.evaluate(b.build())).toEqual([]);
  });
  it('turns a late notice into a warning when 无法通知 is claimed', () => {
    const [f] = rule.evaluate(detainedCase(at('2024-03-08 10:00'), { exception: '无法通知：身份不明' }));
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('无法通知');
  });
  it('claiming 有碍侦查 for theft is a violation; for espionage a warning', () => {
    const theft = rule.evaluate(detainedCase(at('2024-03-08 10:00'), { exception: '通知可能有碍侦查' }));
    expect(theft[0]?.severity).toBe('violation');
    expect(theft[0]?.message).toContain('不属于危害国家安全犯罪、恐怖活动犯罪');
    const spy = rule.evaluate(detainedCase(at('2024-03-08 10:00'), { exception: '通知可能有碍侦查', charge: '间谍罪' }));
    expect(spy[0]?.severity).toBe('warning');
  });
  it('does not read the statute quoted in a template as a claimed exception', () => {
    const text = `${NOTICE_TEXT}（除无法通知或者有碍侦查的情形以外）`;
    const [f] = rule.evaluate(detainedCase(at('2024-03-07 10:00'), { noticeText: text }));
    expect(f?.severity).toBe('violation');
  });
  it('warns when a timely notice does not state the place of custody', () => {
    const [f, ...rest] = rule.evaluate(
      detainedCase(at('2024-03-05 18:00'), { noticeText: '张三家属：我局已于2024年3月5日将涉嫌盗窃罪的张三刑事拘留，特此通知。' }),
    );
    expect(rest).toHaveLength(0);
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('羁押处所');
  });
  it('does not take the arrest notice for the detention notice', () => {
    const b = newCase();
    const p = b.person('张三');
    b.act('DETENTION_WARRANT', 'DETENTION', at('2024-03-05 12:20'), { event: { subjects: [p] } });
    b.act('ARREST_WARRANT', 'ARREST', at('2024-03-12 10:00'), { event: { subjects: [p] } });
    b.act('ARREST_NOTICE', 'FAMILY_NOTIFIED', at('2024-03-12 16:00'), { event: { subjects: [p] } });
    const [f] = rule.evaluate(b.build());
    expect(f?.message).toContain('未见拘留通知书');
  });
  it('checks each detained person separately', () => {
    const b = newCase();
    const a = b.person('张三');
    const c = b.person('李四');
    b.act('DETENTION_WARRANT', 'DETENTION', at('2024-03-05 12:20'), { event: { subjects: [a] } });
    b.act('DETENTION_WARRANT', 'DETENTION', at('2024-03-05 13:00'), { event: { subjects: [c] } });
    b.act('DETENTION_NOTICE', 'FAMILY_NOTIFIED', at('2024-03-05 20:00'), { text: NOTICE_TEXT, event: { subjects: [a] } });
    b.act('DETENTION_NOTICE', 'FAMILY_NOTIFIED', at('2024-03-07 09:00'), { text: NOTICE_TEXT, event: { subjects: [c] } });
    const found = rule.evaluate(b.build());
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain('李四');
    expect(found[0]?.severity).toBe('violation');
  });
});

describe('DETENTION_FAMILY_NOTICE_24H with plain dates', () => {
  it('a notice dated days later without a time of day is a warning that says the dates exceed 24 h', () => {
    const b = newCase();
    const p = b.person('张三');
    b.act('DETENTION_WARRANT', 'DETENTION', at('2024-03-05 12:20'), { event: { subjects: [p] } });
    b.act('DETENTION_NOTICE', 'FAMILY_NOTIFIED', '2024-03-08', { text: NOTICE_TEXT, event: { subjects: [p] } });
    const [f] = rule.evaluate(b.build());
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('按日期计算已超过 24 小时');
  });
});
