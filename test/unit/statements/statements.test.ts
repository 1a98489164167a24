// Over 400 lines on purpose: the records other bureaus write, each beside the finding it must or must
// not give, read top to bottom as one catalogue of wordings.
// Statements compared: records written for these tests, as other bureaus word them.
import { describe, expect, it } from 'vitest';
import { ALL_RULES, evaluateRules } from '../../../electron/core/rules/index.js';
import { recordTurns } from '../../../electron/core/statements/turns.js';
import { admissionClaim, timeClaims, amountClaims } from '../../../electron/core/statements/claims.js';
import { newCase } from '../rules/facts-builder.js';

const rules = ALL_RULES.filter((r) => r.id === 'STATEMENT_RETRACTION' || r.id === 'STATEMENT_CONTRADICTION');

const record = (kind: '讯问' | '询问', subject: string, session: number, qa: [string, string][]): string =>
  [
    `${kind}笔录（第${session}次）`,
    `时间：2024年3月${5 + session}日9时00分至10时00分`,
    '地点：某派出所',
    '侦查员：郑凯、冯磊',
    '记录员：朱晓峰',
    `被${kind}人：${subject}`,
    ...qa.flatMap(([q, a]) => [`问：${q}`, `答：${a}`]),
    '以上笔录我看过，和我说的相符。',
  ].join('\n');

function caseOf(
  records: { kind: '讯问' | '询问'; subject: string; session: number; qa: [string, string][] }[],
  persons: [string, 'SUSPECT' | 'VICTIM' | 'WITNESS', string[]?][],
) {
  const b = newCase();
  for (const [name, role, aliases] of persons) b.person(name, { role, aliases: aliases ?? [] });
  for (const r of records) {
    b.doc(r.kind === '讯问' ? 'INTERROGATION_RECORD' : 'INQUIRY_RECORD', {
      text: record(r.kind, r.subject, r.session, r.qa),
      date: `2024-03-0${5 + r.session}`,
      fields: { subject: r.subject, session: r.session, start: `2024-03-0${5 + r.session}T09:00:00+08:00` },
    });
  }
  return evaluateRules(b.build(), rules);
}

describe('record turns', () => {
  it('reads 问/答 on their own lines and typed on one line, with topics and pages', () => {
    const text =
      '询问笔录\n问：你的个人情况？\n答：我叫孙丽。\n问：你把经过讲一下。答：那天晚上我的手机被偷了。\n问：损失多少钱？\n答：三千元。';
    const turns = recordTurns(text, [0, text.indexOf('问：损失')], 4);
    expect(turns.map((t) => [t.topic, t.answer, t.page])).toEqual([
      ['identity', '我叫孙丽。', 4],
      ['account', '那天晚上我的手机被偷了。', 4],
      ['amount', '三千元。', 5],
    ]);
  });
});

describe('claims keep vague words vague', () => {
  it('reads 晚上九点多, 八九点钟, 21时30分许 and 那天晚上 as the spans they allow', () => {
    const spans = (t: string) => timeClaims(t).map((c) => [c.fromMin, c.toMin]);
    expect(spans('晚上九点多我到了店里')).toEqual([[21 * 60, 22 * 60]]);
    expect(timeClaims('晚上九点多', '2024-03-06')[0]?.date).toBeNull();
    expect(timeClaims('次日凌晨一点', '2024-03-06')[0]?.date).toBe('2024-03-07');
    expect(spans('大概晚上八九点钟')).toEqual([[20 * 60, 22 * 60]]);
    expect(spans('2024年3月4日21时30分许')).toEqual([[21 * 60, 22 * 60]]);
    // the night, its small hours included: "那天晚上" agrees with 凌晨两点
    expect(spans('那天晚上我在家')).toEqual([[18 * 60, 29 * 60]]);
    expect(spans('九点以后他才来')).toEqual([]);
  });
  it('reads 三千多元 as 3000–4000, 3000元 and 叁仟元 as 3000, and tells a share from a total', () => {
    expect(amountClaims('一共骗了三千多元').map((c) => [c.min, c.max, c.sum])).toEqual([[3000, 4000, 'total']]);
    expect(amountClaims('损失叁仟元').map((c) => [c.min, c.max])).toEqual([[3000, 3000]]);
    expect(amountClaims('他事后给了我五百元辛苦费').map((c) => c.sum)).toEqual(['share']);
  });
});

describe('STATEMENT_RETRACTION', () => {
  it('fires when a suspect admits and then denies, quoting both records', () => {
    const found = caseOf(
      [
        {
          kind: '讯问',
          subject: '钱小龙',
          session: 1,
          qa: [['你把事情经过讲一下。', '2024年3月4日晚上九点多，我进店把柜台上的手机偷走了。']],
        },
        {
          kind: '讯问',
          subject: '钱小龙',
          session: 2,
          qa: [['你以前讲的是否属实？', '以前讲的不是事实，那天晚上我在家里睡觉，手机不是我偷的。']],
        },
      ],
      [['钱小龙', 'SUSPECT']],
    );
    expect(found.map((f) => f.rule)).toEqual(['STATEMENT_RETRACTION']);
    expect(found[0]!.message).toMatch(/钱小龙翻供：是否承认：第1次 承认.*→ 第2次 否认/);
    expect(found[0]!.evidence.map((e) => e.document)).toEqual(['d1', 'd2']);
  });

  it('fires when the time or the amount changes, and not when it is only worded otherwise', () => {
    const two = (a: string, b: string) =>
      caseOf(
        [
          { kind: '讯问', subject: '钱小龙', session: 1, qa: [['你把事情经过讲一下。', a]] },
          { kind: '讯问', subject: '钱小龙', session: 2, qa: [['你再讲一下经过。', b]] },
        ],
        [['钱小龙', 'SUSPECT']],
      ).map((f) => f.message);
    expect(two('2024年3月4日晚上九点多，我骗了她三千元。', '2024年3月4日21时30分，我一共骗了3000元。')).toEqual([]);
    expect(two('2024年3月4日晚上九点多，我骗了她三千元。', '2024年3月4日下午三点，我一共骗了5000元。')).toEqual([
      expect.stringMatching(
        /作案时间：第1次 2024年3月4日晚上九点多（.*21:00–22:00）.*→ 第2次 2024年3月4日下午三点.*金额：第1次 三千元 → 第2次 5000元/,
      ),
    ]);
  });

  it('does not take denying and then admitting for a retraction', () => {
    expect(
      caseOf(
        [
          { kind: '讯问', subject: '钱小龙', session: 1, qa: [['你把事情经过讲一下。', '东西不是我偷的，我当时不在场。']] },
          {
            kind: '讯问',
            subject: '钱小龙',
            session: 2,
            qa: [['你把事情经过讲一下。', '我承认，是我偷的，2024年3月4日晚上九点多我进店拿走了手机。']],
          },
        ],
        [['钱小龙', 'SUSPECT']],
      ),
    ).toEqual([]);
  });

  it('takes a nickname and the full name of one accomplice for one person', () => {
    expect(
      caseOf(
        [
          { kind: '讯问', subject: '钱小龙', session: 1, qa: [['你和谁一起作案的？', '我和阿强一起去的。']] },
          { kind: '讯问', subject: '钱小龙', session: 2, qa: [['你和谁一起作案的？', '我和李强一起去的。']] },
        ],
        [
          ['钱小龙', 'SUSPECT'],
          ['李强', 'SUSPECT', ['阿强']],
        ],
      ),
    ).toEqual([]);
  });
});

describe('STATEMENT_CONTRADICTION', () => {
  it("fires when the victim's and the suspect's times or sums disagree beyond their wording", () => {
    const found = caseOf(
      [
        {
          kind: '讯问',
          subject: '钱小龙',
          session: 1,
          qa: [['你把事情经过讲一下。', '2024年3月4日晚上九点多，我冒充客服一共骗了孙丽三千元。']],
        },
        {
          kind: '询问',
          subject: '孙丽',
          session: 1,
          qa: [['你因何事来派出所？', '2024年3月4日下午两点左右，一个自称客服的人骗我转了8000元。']],
        },
      ],
      [
        ['钱小龙', 'SUSPECT'],
        ['孙丽', 'VICTIM'],
      ],
    );
    expect(found.map((f) => f.rule)).toEqual(['STATEMENT_CONTRADICTION']);
    expect(found[0]!.message).toMatch(
      /作案时间：钱小龙称2024年3月4日晚上九点多.*孙丽称2024年3月4日下午两点左右.*金额：钱小龙称三千元，孙丽称8000元/,
    );
  });

  it('is silent when accounts agree in other words: 晚上八九点 and 20时30分, 三千元 and 3000元', () => {
    expect(
      caseOf(
        [
          {
            kind: '讯问',
            subject: '钱小龙',
            session: 1,
            qa: [['你把事情经过讲一下。', '2024年3月4日晚上八九点钟，我冒充客服一共骗了孙丽三千元。']],
          },
          {
            kind: '询问',
            subject: '孙丽',
            session: 1,
            qa: [['你因何事来派出所？', '2024年3月4日20时30分，一个自称客服的人骗我转了3000元。']],
          },
          { kind: '询问', subject: '周敏', session: 1, qa: [['你把知道的情况讲一下。', '那天晚上我和孙丽在一起，看到她转了钱。']] },
        ],
        [
          ['钱小龙', 'SUSPECT'],
          ['孙丽', 'VICTIM'],
          ['周敏', 'WITNESS'],
        ],
      ),
    ).toEqual([]);
  });

  it('fires when one says he acted alone and another saw two men', () => {
    const found = caseOf(
      [
        { kind: '讯问', subject: '钱小龙', session: 1, qa: [['你和谁一起作案的？', '没有同伙，是我一个人干的。']] },
        { kind: '询问', subject: '周敏', session: 1, qa: [['你把看到的情况讲一下。', '我看到两个男的从店里出来。']] },
      ],
      [
        ['钱小龙', 'SUSPECT'],
        ['周敏', 'WITNESS'],
      ],
    );
    expect(found.map((f) => f.message)).toEqual([expect.stringMatching(/参与人员：钱小龙称一人作案.*周敏称2人/)]);
  });
});

describe('what a time and a sum are of', () => {
  it('a retraction told where the record asks "有无补充或者更改" is read', () => {
    const found = caseOf(
      [
        {
          kind: '讯问',
          subject: '郝建',
          session: 1,
          qa: [['你把经过讲一下。', '2024年3月4日晚上十一点左右，我在宏达超市门口拿了一辆电动车。']],
        },
        {
          kind: '讯问',
          subject: '郝建',
          session: 2,
          qa: [['你对上次所作的供述有无补充或者更改？', '我要更改，上次是我害怕乱说的，那天我一直在家里睡觉，车不是我偷的。']],
        },
      ],
      [['郝建', 'SUSPECT']],
    );
    expect(found.map((f) => f.message)).toEqual([expect.stringMatching(/郝建翻供：是否承认：第1次 承认.*→ 第2次 否认/)]);
  });

  it("a victim's time of parking or of finding the loss is not the time of the act", () => {
    expect(
      caseOf(
        [
          {
            kind: '讯问',
            subject: '郝建',
            session: 1,
            qa: [['你把经过讲一下。', '2024年3月5日凌晨两点多，我在宏达超市门口砸了一辆车的车窗，拿了一个包。']],
          },
          {
            kind: '询问',
            subject: '孔丽',
            session: 1,
            qa: [
              ['你把情况讲一下。', '2024年3月4日晚上八点左右我把车停在宏达超市门口，第二天早上去开车的时候，发现车窗被砸了，包不见了。'],
            ],
          },
        ],
        [
          ['郝建', 'SUSPECT'],
          ['孔丽', 'VICTIM'],
        ],
      ),
    ).toEqual([]);
  });

  it('a victim busy elsewhere in the shop at the time, who then comes back to find the loss, dates the act', () => {
    const found = caseOf(
      [
        { kind: '讯问', subject: '郝建', session: 1, qa: [['你把经过讲一下。', '2024年3月5日18时10分许，我到店里把柜台上的手机拿走了。']] },
        {
          kind: '询问',
          subject: '孔丽',
          session: 1,
          qa: [['你因何事来派出所？', '2024年3月5日中午11时10分，我在店里后面整理货物，回来发现柜台上的手机不见了。']],
        },
      ],
      [
        ['郝建', 'SUSPECT'],
        ['孔丽', 'VICTIM'],
      ],
    );
    expect(found.map((f) => f.rule)).toEqual(['STATEMENT_CONTRADICTION']);
  });

  it('"那天晚上" takes in the small hours', () => {
    expect(
      caseOf(
        [
          {
            kind: '讯问',
            subject: '郝建',
            session: 1,
            qa: [['你把经过讲一下。', '2024年3月5日凌晨两点多，我在宏达超市门口砸了一辆车的车窗，拿了一个包。']],
          },
          { kind: '询问', subject: '何芳', session: 1, qa: [['你把看到的情况讲一下。', '那天晚上我在超市门口看到一个男的在砸车窗。']] },
        ],
        [
          ['郝建', 'SUSPECT'],
          ['何芳', 'WITNESS'],
        ],
      ),
    ).toEqual([]);
  });

  it('the whole sum in the bag is not the share that follows it; two victims each tell their own loss', () => {
    expect(amountClaims('包是他打开的，里面有现金650元，他分了一半给我。').map((a) => a.sum)).toEqual(['total']);
    expect(
      caseOf(
        [
          { kind: '讯问', subject: '郝建', session: 1, qa: [['包里有什么？', '包里有现金5000元左右。']] },
          { kind: '询问', subject: '孔丽', session: 1, qa: [['被偷了什么？', '包里有现金5000元。']] },
          { kind: '询问', subject: '严梅', session: 1, qa: [['被偷了什么？', '钱包里有现金1200元。']] },
        ],
        [
          ['郝建', 'SUSPECT'],
          ['孔丽', 'VICTIM'],
          ['严梅', 'VICTIM'],
        ],
      ),
    ).toEqual([]);
  });

  it('a sale of drugs told as "我给了他一小包冰毒" is an admission', () => {
    const found = caseOf(
      [
        { kind: '讯问', subject: '郝建', session: 1, qa: [['你卖毒品给周强是怎么回事？', '他用微信转给我300元，我给了他一小包冰毒。']] },
        { kind: '讯问', subject: '郝建', session: 2, qa: [['你对上次所作的供述有无补充或者更改？', '上次说的不是事实，不是我干的。']] },
      ],
      [
        ['郝建', 'SUSPECT'],
        ['周强', 'WITNESS'],
      ],
    );
    expect(found.map((f) => f.rule)).toEqual(['STATEMENT_RETRACTION']);
  });
});

describe('whose act a suspect tells', () => {
  const who = (a: string) => admissionClaim(a, true)?.polarity ?? null;
  it('his own, in a sentence he opens, with 他 as whom it was done to or with', () => {
    expect(who('我一时冲动，拿起木凳\n朝他头上砸了一下。')).toBe('admit');
    expect(who('我和他一起偷了一辆电动车。')).toBe('admit');
  });
  it('not his: what he saw, what was done to him, what another did after him', () => {
    expect(who('我看到他砸了车窗。')).toBeNull();
    expect(who('我被他打了一下。')).toBeNull();
    expect(who('我在门口看着，唐林也上来踢了他几脚。')).toBeNull();
    expect(who('我和他吵了起来，他拿起木凳砸了我一下。')).toBeNull();
  });
});

describe('times that date no act', () => {
  it('a habit (他经常半夜还在打电话) is no time of the act; a 停车场 is a place, not parking', () => {
    expect(
      caseOf(
        [
          {
            kind: '询问',
            subject: '孔丽',
            session: 1,
            qa: [['你把经过讲一下。', '2月10日晚上8点左右，我看到有人在朋友圈卖演唱会门票，我就加了他微信。']],
          },
          { kind: '询问', subject: '何芳', session: 1, qa: [['你了解他的情况吗？', '不太清楚，他经常半夜还在打电话。']] },
        ],
        [
          ['孔丽', 'VICTIM'],
          ['何芳', 'WITNESS'],
        ],
      ),
    ).toEqual([]);
    const moved = caseOf(
      [
        {
          kind: '讯问',
          subject: '郝建',
          session: 1,
          qa: [['你把经过讲一下。', '3月13日晚上11点多，我开车到红旗路菜市场停车场，用破窗器把车窗砸碎，把包拿了出来。']],
        },
        {
          kind: '讯问',
          subject: '郝建',
          session: 2,
          qa: [
            ['你对上次所作的供述有无补充或者更改？', '时间上次说错了，我们是3月13日晚上6点多到的红旗路菜市场停车场，其他的没有要改的。'],
          ],
        },
      ],
      [['郝建', 'SUSPECT']],
    );
    expect(moved.map((f) => f.rule)).toEqual(['STATEMENT_RETRACTION']);
  });
});

describe('where a suspect was caught is not where the act was', () => {
  it('the answer to 你是怎么到公安机关来的 places no act', () => {
    expect(
      caseOf(
        [
          {
            kind: '讯问',
            subject: '陆杰',
            session: 1,
            qa: [['你是怎么到公安机关来的？', '我是今天在庐阳区蒙城路165号出租房被你们民警抓获的。']],
          },
          {
            kind: '询问',
            subject: '方玲',
            session: 1,
            qa: [['你把看到的情况讲一下。', '我在阜阳路134号快捷酒店门口附近上班，那天晚上看到两个人在门口碰头。']],
          },
        ],
        [
          ['陆杰', 'SUSPECT'],
          ['方玲', 'WITNESS'],
        ],
      ),
    ).toEqual([]);
  });
});

describe("a phone photo's columns read as one line", () => {
  it('the answer running on after the next question mark is that answer; a question of two sentences is not', () => {
    const turns = recordTurns(
      '问：你把经过讲一下。\n答：我们约在六安路\n问：收到的钱到哪里去了？110号小公园门口见面，他用微信转给我200元，我给了他一小包冰毒。\n答：钱到了我的微信里。',
    );
    expect(turns.map((t) => [t.topic, t.answer])).toEqual([
      ['account', '我们约在六安路'],
      ['account', '110号小公园门口见面，他用微信转给我200元，我给了他一小包冰毒。'],
      [expect.any(String), '钱到了我的微信里。'],
    ]);
    expect(
      recordTurns('问：你把经过讲一下。\n答：我那天在家。\n问：你说的是真的吗？你再想想。\n答：是真的。').map((t) => t.answer),
    ).toEqual(['我那天在家。', '是真的。']);
  });
});
