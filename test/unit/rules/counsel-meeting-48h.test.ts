import { describe, expect, it } from 'vitest';
import { counselMeeting48h as rule } from '../../../electron/core/rules/defence/counsel-meeting-48h.js';
import { at, newCase } from './facts-builder.js';

function meeting(asked: string, arranged: string | null, charge = '盗窃罪') {
  const b = newCase({ charge });
  b.doc('OTHER', { title: '律师会见申请', date: asked.slice(0, 10), fields: { requestedAt: at(asked) } });
  if (arranged) b.doc('OTHER', { title: '安排会见通知', date: arranged.slice(0, 10), fields: { approvedAt: at(arranged) } });
  return b.build();
}

describe('COUNSEL_MEETING_48H', () => {
  it('passes a meeting arranged within 48 hours, to the minute', () => {
    expect(rule.evaluate(meeting('2024-03-05 10:00', '2024-03-07 10:00'))).toEqual([]);
  });

  it('warns for a meeting arranged after 48 hours', () => {
    const f = rule.evaluate(meeting('2024-03-05 10:00', '2024-03-07 13:30'));
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('warning');
    expect(f[0]?.message).toContain('51 小时 30 分');
  });

  it('warns for a request left unanswered', () => {
    expect(rule.evaluate(meeting('2024-03-05 10:00', null))[0]?.message).toContain('未见会见安排');
  });

  it('gives state-security cases 3 days for a written decision', () => {
    expect(rule.evaluate(meeting('2024-03-05 10:00', '2024-03-08 17:00', '间谍罪'))).toEqual([]);
    expect(rule.evaluate(meeting('2024-03-05 10:00', '2024-03-09 09:00', '间谍罪')).map((x) => x.severity)).toEqual(['warning']);
  });

  it('emits nothing without meeting papers', () => {
    const b = newCase();
    b.doc('CASE_FILING');
    expect(rule.evaluate(b.build())).toEqual([]);
  });
});
