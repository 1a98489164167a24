import { describe, expect, it } from 'vitest';
import { witnessNoticeRecord as rule } from '../../../electron/core/rules/witness/witness-notice-record.js';
import { newCase } from './facts-builder.js';
import { CONFIRM, inquiry } from './facts-builder-more.js';

describe('WITNESS_NOTICE_RECORD', () => {
  it('passes a record with the perjury warning, at the station', () => {
    const b = newCase();
    inquiry(b, { subject: '李四', start: '2024-03-05 10:00', end: '2024-03-05 11:00' });
    expect(rule.evaluate(b.build())).toEqual([]);
  });

  it('fires when the warning is not recorded', () => {
    const b = newCase();
    inquiry(b, { subject: '李四', start: '2024-03-05 10:00', end: '2024-03-05 11:00', text: `询问笔录\n问：你看到了什么？答：我看到一个男子跑了。\n${CONFIRM}` });
    const f = rule.evaluate(b.build());
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('violation');
    expect(f[0]?.message).toContain('作伪证');
  });

  it("accepts a read-out of the witness's rights notice", () => {
    const b = newCase();
    inquiry(b, { subject: '李四', start: '2024-03-05 10:00', end: '2024-03-05 11:00', text: `询问笔录\n问：现向你宣读《证人诉讼权利义务告知书》，听清楚了吗？答：听清楚了。\n${CONFIRM}` });
    expect(rule.evaluate(b.build())).toEqual([]);
  });

  it('warns for questioning at home without a notice, passes with one or on the scene', () => {
    const b = newCase();
    inquiry(b, { subject: '李四', start: '2024-03-05 10:00', end: '2024-03-05 11:00', place: '李四家中' });
    expect(rule.evaluate(b.build()).map((x) => x.severity)).toEqual(['warning']);
    b.doc('OTHER', { title: '询问通知书', text: '询问通知书 李四：……' });
    expect(rule.evaluate(b.build())).toEqual([]);
    const c = newCase();
    inquiry(c, { subject: '李四', start: '2024-03-05 10:00', end: '2024-03-05 11:00', place: '幸福路超市案发现场' });
    expect(rule.evaluate(c.build())).toEqual([]);
  });
});
