// Where a name ends and who the person is, on papers worded the way other bureaus word them:
// a clause that goes on after the name (现羁押于, 有重大作案嫌疑, 来所报称), a kinship stated in
// brackets, police staff who are not investigators, compound surnames with no cue. Each rule
// is checked with the reading it must not break. Sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { extractMentions, type Mention } from '../../../electron/core/extract/entities.js';

const people = (t: string): Mention[] => extractMentions(t).filter((m) => m.type === 'PERSON');
const names = (t: string): string[] => people(t).map((m) => m.value);
const roleOf = (t: string, name: string): unknown => people(t).find((m) => m.value === name)?.attrs?.role;

describe('the end of a name before a clause that goes on', () => {
  it('stops before 现羁押, 有重大嫌疑, 来所报称, 犯…罪 and 之母', () => {
    expect(names('2.犯罪嫌疑人刘江现羁押于杭州市看守所。')).toEqual(['刘江']);
    expect(names('犯罪嫌疑人王敏、赵丽现关押于宁波市看守所。')).toEqual(['王敏', '赵丽']);
    expect(names('经排查，发现犯罪嫌疑人周斌有重大作案嫌疑。')).toEqual(['周斌']);
    expect(names('民警发现犯罪嫌疑人韩冰有盗窃电动车的重大嫌疑。')).toEqual(['韩冰']);
    expect(names('简要案情：报案人孙蕾来所报称，其停在楼下的电动车被盗。')).toEqual(['孙蕾']);
    expect(names('经审查，犯罪嫌疑人龙飞犯盗窃罪的事实清楚。')).toEqual(['龙飞']);
    expect(names('犯罪嫌疑人何山之母杜菲欣到所。')[0]).toBe('何山');
  });

  it('keeps a third given character that only looks like the start of such a clause', () => {
    // 东来 is a dictionary word, but 来所报称 says where the clause starts.
    expect(names('简要案情：报案人许泉东来所报称，其店内财物被盗。')).toEqual(['许泉东']);
    expect(names('犯罪嫌疑人刘江现，男，1990年3月5日出生。')).toEqual(['刘江现']);
    expect(names('犯罪嫌疑人周有才，男，汉族。')).toEqual(['周有才']);
    expect(names('经查，犯罪嫌疑人周有才有重大作案嫌疑。')).toEqual(['周有才']);
  });

  it("reads 家 as an officer's given name, and as a home after anyone else", () => {
    expect(names('民警李建家、王涛在该网吧内将其抓获。')).toEqual(['李建家', '王涛']);
    expect(names('执行人：李建家 王涛\n')).toEqual(['李建家', '王涛']);
    expect(names('犯罪嫌疑人窜至被害人张伟家，撬锁入室。')).toEqual(['张伟']);
  });

  it('takes a name the dictionary also holds as a word when a field or particulars follow it', () => {
    const t = '鉴定人：金兵 方亮\n';
    expect(names(t)).toEqual(['金兵', '方亮']);
    expect(roleOf(t, '金兵')).toBe('EXPERT');
    expect(names('报案人：严颖 性别：女 出生日期：1968年9月8日')).toEqual(['严颖']);
    expect(names('检验所见：被鉴定人严颖，女，神志清。')).toEqual(['严颖']);
    // A verb after an officer's title is still the verb.
    expect(names('民警查获冰毒一小包。')).toEqual([]);
  });

  it('reads 楼 as a surname after a cue when a name follows, and as a building otherwise', () => {
    expect(names('侦查员：楼顺、赵水利\n')).toEqual(['楼顺', '赵水利']);
    expect(roleOf('接报民警：楼顺 接报时间：2023年9月22日23时', '楼顺')).toBe('OFFICER');
    expect(names('证人楼下的住户称听到了响声。')).toEqual([]);
    expect(names('被害人楼梯间内的电动车被盗。')).toEqual([]);
  });

  it('joins a surname jieba took for a verb when punctuation closes the name, not what is worn', () => {
    expect(names('已电话通知戴阳新（系被拘留人戴芳之父）。')).toEqual(['戴阳新', '戴芳']);
    expect(names('犯罪嫌疑人戴口罩，骑电动车逃离。')).toEqual([]);
    expect(names('犯罪嫌疑人戴军，男，1990年出生。')).toEqual(['戴军']);
  });

  it('does not take where an injury is for a person surnamed 左', () => {
    expect(names('经查体，左额部挫裂创，右手掌擦伤。')).toEqual([]);
    expect(names('医生说是左额部挫裂创。')).toEqual([]);
    expect(names('被告人左辉，男，1988年出生。')).toEqual(['左辉']);
  });
});

describe('who the person is', () => {
  it('reads a kinship in brackets as family, unless a stronger role is given', () => {
    const t = '已于2023年5月2日10时电话通知刘桂英（系被拘留人王强之妻），联系电话13912345678。';
    expect(roleOf(t, '刘桂英')).toBe('FAMILY');
    expect(roleOf(t, '王强')).toBe('SUSPECT');
    expect(roleOf('法定代理人周敏（系朱小军之母）到场。', '周敏')).toBe('GUARDIAN');
  });

  it('reads police staff who are not investigators as officers, with what they do', () => {
    const female = people('在场女性工作人员：李慧（杭州市公安局西湖区分局刑侦大队）\n问：');
    expect(female.map((m) => [m.value, m.attrs?.role, m.attrs?.function])).toEqual([['李慧', 'OFFICER', '女性工作人员']]);
    const keeper = people('见证人：陈涛\n保管人：吴琳（涉案财物管理中心）\n办案人：赵刚');
    expect(keeper.map((m) => [m.value, m.attrs?.role])).toEqual([
      ['陈涛', 'OTHER'],
      ['吴琳', 'OFFICER'],
      ['赵刚', 'OFFICER'],
    ]);
    expect(keeper[1]?.attrs?.function).toBe('保管人');
  });

  it('does not make an appropriate adult a legal representative', () => {
    const [m] = people('合适成年人：王芳（西湖区青少年事务社工站工作人员）');
    expect([m?.value, m?.attrs?.role, m?.attrs?.function]).toEqual(['王芳', 'OTHER', '合适成年人']);
  });

  it('reads a compound surname with no cue as a person, but not 东方 or 西门', () => {
    expect(names('已于2024年11月3日电话通知慕容彬（系被逮捕人慕容伟之父）。')).toEqual(['慕容彬', '慕容伟']);
    expect(names('以挂号信方式寄送慕容彬（嘉兴市南湖区勤俭路53号）。')).toEqual(['慕容彬']);
    expect(names('随后将扣押的手机交给令狐佳保管。')).toEqual(['令狐佳']);
    expect(names('二人从小区西门进入，向东方向逃离。')).toEqual([]);
  });
});
