import { describe, expect, it } from 'vitest';
import rule from '../../../electron/core/rules/detention/interrogation-24h.js';
import { at, newCase } from './facts-builder.js';

function record(b: ReturnType<typeof newCase>, person: string, start: string, end: string) {
  b.act('INTERROGATION_RECORD', 'INTERROGATION', start, { fields: { start, end, subjectId: person }, event: { subjects: [person], end } });
}

describe('DETENTION_INTERROGATION_24H', () => {
  it('fires when the first interrogation after detention comes 2 days later', () => {
    const b = newCase();
    const p = b.person('张三');
    // A 讯问 during the summons, before the detention, does not count.
    record(b, p, at('2024-03-05 09:10'), at('2024-03-05 11:30'));
    b.act('DETENTION_WARRANT', 'DETENTION', at('2024-03-05 12:20'), { event: { subjects: [p] } });
    record(b, p, at('2024-03-07 10:00'), at('2024-03-07 11:00'));
    const [f, ...rest] = rule.evaluate(b.build());
    expect(rest).toEqual([]);
    expect(f?.severity).toBe('violation');
    expect(f?.message).toContain('拘留 2024-03-05 12:20 → 首次讯问 2024-03-07 10:00 = 45 小时 40 分 > 24 小时');
    expect(f?.evidence.map((e) => e.document)).toEqual(['d2', 'd3']);
  });
  it('is silent when the suspect is questioned in the jail the next morning', () => {
    const b = newCase();
    const p = b.person('张三');
    b.act('DETENTION_WARRANT', 'DETENTION', at('2024-03-05 12:20'), { event: { subjects: [p] } });
    record(b, p, at('2024-03-06 09:00'), at('2024-03-06 10:30'));
    record(b, p, at('2024-03-09 09:00'), at('2024-03-09 10:30'));
    expect(rule.evaluate(b.build())).toEqual([]);
  });
  it('boundary: 23 h 59 min silent, 24 h 30 min warning, 25 h 30 min violation', () => {
    for (const [start, expected] of [
      ['2024-03-06 12:19', null],
      ['2024-03-06 12:50', 'warning'],
      ['2024-03-06 13:50', 'violation'],
    ] as const) {
      const b = newCase();
      const p = b.person('张三');
      b.act('DETENTION_WARRANT', 'DETENTION', at('2024-03-05 12:20'), { event: { subjects: [p] } });
      record(b, p, at(start), at(start));
      expect(rule.evaluate(b.build())[0]?.severity ?? null).toBe(expected);
    }
  });
  it('warns when only an interrogation before the detention is in the file', () => {
    const b = newCase();
    const p = b.person('张三');
    record(b, p, at('2024-03-05 09:10'), at('2024-03-05 11:30'));
    b.act('DETENTION_WARRANT', 'DETENTION', at('2024-03-05 12:20'), { event: { subjects: [p] } });
    const [f] = rule.evaluate(b.build());
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('未见拘留后的讯问笔录');
  });
  it("does not count another suspect's interrogation", () => {
    const b = newCase();
    const p = b.person('张三');
    const q = b.person('李四');
    b.act('DETENTION_WARRANT', 'DETENTION', at('2024-03-05 12:20'), { event: { subjects: [p] } });
    record(b, q, at('2024-03-05 15:00'), at('2024-03-05 16:00'));
    record(b, p, at('2024-03-08 15:00'), at('2024-03-08 16:00'));
    expect(rule.evaluate(b.build())[0]?.severity).toBe('violation');
  });
  it('warns, not violates, when the detention has only a date', () => {
    const b = newCase();
    const p = b.person('张三');
    b.act('DETENTION_WARRANT', 'DETENTION', '2024-03-05', { event: { subjects: [p] } });
    record(b, p, at('2024-03-06 15:00'), at('2024-03-06 16:00'));
    expect(rule.evaluate(b.build())[0]?.severity).toBe('warning');
  });
});
