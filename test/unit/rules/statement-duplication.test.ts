import { describe, expect, it } from 'vitest';
import { statementDuplication as rule } from '../../../electron/core/rules/integrity/statement-duplication.js';
import { newCase } from './facts-builder.js';
import { inquiry, interrogation } from './facts-builder-more.js';

const STORY =
  '问：你把当天看到的情况讲一下。答：2024年3月4日晚上九点左右，我在幸福路超市门口等朋友，看见一个穿黑色夹克的男子拎着两瓶白酒从超市里快步走出来，收银员在后面喊他站住，他没有理会，骑上一辆红色电动车往东边跑了。';
const OTHER =
  '问：你把当天看到的情况讲一下。答：那天晚上我在店里理货，听到外面有人吵，出去一看只看到一辆电动车开走了，车上的人长什么样我没看清楚，也不知道他拿了什么东西。';

describe('STATEMENT_DUPLICATION', () => {
  it('fires when two witnesses give the same answer word for word, despite the shared boilerplate', () => {
    const b = newCase();
    const d1 = inquiry(b, { subject: '李四', start: '2024-03-05 10:00', end: '2024-03-05 11:00', body: STORY });
    const d2 = inquiry(b, {
      subject: '王五',
      start: '2024-03-05 13:00',
      end: '2024-03-05 14:00',
      body: STORY.replace('等朋友', '等我朋友'),
    });
    const f = rule.evaluate(b.build());
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('warning');
    expect(f[0]?.message).toMatch(/李四与王五|王五与李四/);
    expect(f[0]?.evidence.map((e) => e.document).sort()).toEqual([d1, d2].sort());
  });

  it('fires when a later statement copies part of a longer earlier answer', () => {
    const b = newCase();
    const long = STORY + '后来我报了警，警察来了以后调取了监控，我还帮着辨认了那个人的衣服和电动车的颜色。';
    const d1 = inquiry(b, { subject: '李四', start: '2024-03-05 10:00', end: '2024-03-05 11:00', body: long });
    const d2 = inquiry(b, {
      subject: '王五',
      start: '2024-03-05 13:00',
      end: '2024-03-05 14:00',
      body: OTHER + '问：还看到什么？答：' + STORY.slice(STORY.indexOf('看见')),
    });
    const f = rule.evaluate(b.build());
    expect(f).toHaveLength(1);
    expect(f[0]?.evidence[0]?.document).toBe(d2);
    expect(f[0]?.evidence[1]?.document).toBe(d1);
  });

  it('does not fire for different accounts sharing only the header, rights and closing boilerplate', () => {
    const b = newCase();
    inquiry(b, { subject: '李四', start: '2024-03-05 10:00', end: '2024-03-05 11:00', body: STORY });
    inquiry(b, { subject: '王五', start: '2024-03-05 13:00', end: '2024-03-05 14:00', body: OTHER });
    expect(rule.evaluate(b.build())).toEqual([]);
  });

  it('tolerates one suspect retelling a story, but not a long passage repeated word for word', () => {
    const retold = '问：你再把经过讲一遍。答：三月四号晚上我去超市，拿了两瓶白酒，没有付钱就骑电动车走了，收银员喊我我也没停。';
    const b = newCase();
    const p = b.person('张三');
    interrogation(b, {
      subject: '张三',
      subjectId: p,
      start: '2024-03-05 10:00',
      end: '2024-03-05 11:00',
      body: STORY.replace('看见一个穿黑色夹克的男子', '我'),
    });
    interrogation(b, { subject: '张三', subjectId: p, start: '2024-03-06 10:00', end: '2024-03-06 11:00', body: retold });
    expect(rule.evaluate(b.build())).toEqual([]);

    const c = newCase();
    const q = c.person('张三');
    const long = STORY + STORY.replace('九点', '十点').replace('问：你把当天看到的情况讲一下。答：', '然后');
    interrogation(c, { subject: '张三', subjectId: q, start: '2024-03-05 10:00', end: '2024-03-05 11:00', body: long });
    interrogation(c, { subject: '张三', subjectId: q, start: '2024-03-06 10:00', end: '2024-03-06 11:00', body: long });
    const f = rule.evaluate(c.build());
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain('张三的两次讯问笔录');
  });

  it("fires when another person's name is left as the speaker", () => {
    const b = newCase();
    const p = b.person('李四', { role: 'WITNESS' });
    b.person('王五', { role: 'WITNESS' });
    inquiry(b, {
      subject: '李四',
      subjectId: p,
      start: '2024-03-05 10:00',
      end: '2024-03-05 11:00',
      body: '问：你叫什么名字？答：我叫王五。',
    });
    const f = rule.evaluate(b.build());
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain('我叫王五');
  });

  it('does not fire when another person is only mentioned in the account', () => {
    const b = newCase();
    const p = b.person('李四', { role: 'WITNESS' });
    b.person('王五', { role: 'WITNESS' });
    inquiry(b, {
      subject: '李四',
      subjectId: p,
      start: '2024-03-05 10:00',
      end: '2024-03-05 11:00',
      body: '问：当时谁和你在一起？答：我和王五在一起。',
    });
    expect(rule.evaluate(b.build())).toEqual([]);
  });

  it('fires for a sex or age that does not fit the person', () => {
    const b = newCase();
    const p = b.person('李四', { role: 'WITNESS', gender: '女', birthDate: '1990-05-03' });
    inquiry(b, { subject: '李四', subjectId: p, start: '2024-03-05 10:00', end: '2024-03-05 11:00', body: '性别：男 年龄：45岁' });
    const f = rule.evaluate(b.build());
    expect(f.map((x) => x.key).sort()).toEqual(['STATEMENT_DUPLICATION:d1:age', 'STATEMENT_DUPLICATION:d1:sex']);
    expect(f.find((x) => x.key.endsWith('age'))?.message).toContain('33 周岁');
  });

  it('accepts a nominal age one year over the full years', () => {
    const b = newCase();
    const p = b.person('李四', { role: 'WITNESS', gender: '女', birthDate: '1990-05-03' });
    inquiry(b, { subject: '李四', subjectId: p, start: '2024-03-05 10:00', end: '2024-03-05 11:00', body: '性别：女 年龄：34岁' });
    expect(rule.evaluate(b.build())).toEqual([]);
  });

  it('fires for a record too long for its session', () => {
    const b = newCase();
    inquiry(b, { subject: '李四', start: '2024-03-05 10:00', end: '2024-03-05 10:05', body: STORY.repeat(10) });
    const f = rule.evaluate(b.build());
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain('5 分钟');
  });
});
