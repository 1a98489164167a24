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
    inquiry(b, {
      subject: '李四',
      start: '2024-03-05 10:00',
      end: '2024-03-05 11:00',
      text: `询问笔录\n问：你看到了什么？答：我看到一个男子跑了。\n${CONFIRM}`,
    });
    const f = rule.evaluate(b.build());
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('violation');
    expect(f[0]?.message).toContain('作伪证');
  });

  it("accepts a read-out of the witness's rights notice", () => {
    const b = newCase();
    inquiry(b, {
      subject: '李四',
      start: '2024-03-05 10:00',
      end: '2024-03-05 11:00',
      text: `询问笔录\n问：现向你宣读《证人诉讼权利义务告知书》，听清楚了吗？答：听清楚了。\n${CONFIRM}`,
    });
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

describe("the perjury warning in other bureaus' words", () => {
  it('is found however it is worded, and spaced', async () => {
    const { perjuryWarned } = await import('../../../electron/core/rules/records/wording.js');
    for (const warned of [
      '问：我们是某派出所民警，依法向你了解情况，你应当如实提供证据、证言，故意作假证明或者隐匿罪证要负法律责任，你明白吗？',
      '问：你所陈述的必须属实，否则将依法追究你的法律责任，听清楚了吗？',
      '问：根据《中华人民共和国刑事诉讼法》第一百二十五条的规定，现向你告知有关事项，你听明白了吗？',
      '问：你要据实陈述，不得作虚假陈述，你清楚吗？',
      '问：你 应 当 如 实 回 答，有意作 伪 证 要负法律责任。',
    ])
      expect(perjuryWarned(warned), warned).toBe(true);
  });
  it('is not read into a statement that only says it is true, and a liability elsewhere', async () => {
    const { perjuryWarned } = await import('../../../electron/core/rules/records/wording.js');
    expect(
      perjuryWarned(
        '问：你把经过讲一下。\n答：我说的都是真实的。那天他骑车撞了我的电动车。\n问：你有什么要求？\n答：我要求他承担全部赔偿的责任，把车修好，他答应了，说第二天就把钱送过来给我，然后我们就各自回家了。',
      ),
    ).toBe(false);
  });
});
