import { describe, expect, it } from 'vitest';
import rule from '../../../electron/core/rules/summons/duration.js';
import { at, newCase } from './facts-builder.js';

function summoned(opts: { end?: string; questioned?: [string, string]; detained?: string; text?: string }) {
  const b = newCase();
  const p = b.person('张三');
  b.act('SUMMONS', 'SUMMONS', at('2024-03-05 09:00'), {
    text: opts.text ?? '传唤证 张三 于2024年3月5日9时到达',
    fields: { start: at('2024-03-05 09:00'), ...(opts.end ? { end: opts.end } : {}), subjectId: p },
    event: { subjects: [p], ...(opts.end ? { end: opts.end } : {}) },
  });
  if (opts.questioned) {
    const [start, end] = opts.questioned;
    b.act('INTERROGATION_RECORD', 'INTERROGATION', start, { fields: { start, end, subjectId: p }, event: { subjects: [p], end } });
  }
  if (opts.detained) b.act('DETENTION_WARRANT', 'DETENTION', opts.detained, { event: { subjects: [p] } });
  return b.build();
}

describe('SUMMONS_DURATION', () => {
  it('is silent for a summons of 11 h 30 min', () => {
    expect(rule.evaluate(summoned({ end: at('2024-03-05 20:30') }))).toEqual([]);
    expect(rule.evaluate(summoned({ end: at('2024-03-05 21:00') }))).toEqual([]);
  });
  it('fires a violation for 13 h 30 min, with the figures', () => {
    const [f] = rule.evaluate(summoned({ end: at('2024-03-05 22:30') }));
    expect(f?.severity).toBe('violation');
    expect(f?.message).toContain('传唤到案 2024-03-05 09:00 → 传唤结束 2024-03-05 22:30 = 13 小时 30 分 > 12 小时');
  });
  it('warns inside the 13th hour', () => {
    expect(rule.evaluate(summoned({ end: at('2024-03-05 21:30') }))[0]?.severity).toBe('warning');
  });
  it('reads the end of questioning when the summons end is not written', () => {
    const [f] = rule.evaluate(summoned({ questioned: [at('2024-03-05 09:10'), at('2024-03-05 23:40')] }));
    expect(f?.severity).toBe('violation');
    expect(f?.message).toContain('讯问结束 2024-03-05 23:40 = 14 小时 40 分');
  });
  it('questioning past the written end still counts', () => {
    const [f] = rule.evaluate(summoned({ end: at('2024-03-05 12:00'), questioned: [at('2024-03-05 18:00'), at('2024-03-05 23:00')] }));
    expect(f?.severity).toBe('violation');
  });
  it('is silent when a detention follows within 12 h and no end is written', () => {
    expect(rule.evaluate(summoned({ detained: at('2024-03-05 15:00') }))).toEqual([]);
  });
  it('warns that the end is missing when nothing bounds the summons', () => {
    const [f] = rule.evaluate(summoned({}));
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('未见传唤结束时间');
  });
  it('an approved 24 h summons followed by a detention is a warning to check', () => {
    const [f] = rule.evaluate(
      summoned({
        text: '传唤证 案情特别重大、复杂，经批准延长传唤至二十四小时',
        end: at('2024-03-06 03:00'),
        detained: at('2024-03-06 03:10'),
      }),
    );
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('特别重大');
  });
  it('ignores an administrative summons', () => {
    expect(rule.evaluate(summoned({ text: '根据《中华人民共和国治安管理处罚法》第八十二条 传唤证', end: at('2024-03-06 03:00') }))).toEqual(
      [],
    );
  });
});

describe('SUMMONS_DURATION with a summons told twice', () => {
  it('a narrative that gives only the date is the same summons, not a second one', () => {
    const b = newCase();
    const p = b.person('张三');
    b.act('PROSECUTION_OPINION', 'SUMMONS', '2024-03-05', { text: '犯罪嫌疑人张三于2024年3月5日被传唤到案', event: { subjects: [p] } });
    b.act('SUMMONS', 'SUMMONS', at('2024-03-05 09:00'), {
      fields: { subjectId: p, end: at('2024-03-05 11:00') },
      event: { subjects: [p], end: at('2024-03-05 11:00') },
    });
    expect(rule.evaluate(b.build())).toEqual([]);
  });
});
