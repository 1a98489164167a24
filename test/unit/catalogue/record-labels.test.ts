// The header of a record as other bureaus lay it out: each field under several labels, spaced
// labels, a value on the next line, colons full- or half-width, details inline after the name.
import { describe, expect, it } from 'vitest';
import { readFields } from '../../../electron/core/catalogue/fields.js';

const header = (lines: string[], type: 'INTERROGATION_RECORD' | 'INQUIRY_RECORD' = 'INTERROGATION_RECORD') =>
  readFields(type, [...lines, '问：你的基本情况？', '答：我叫钱小龙。'].join('\n'), '2024-03-05').fields;

describe('record header fields under other labels and layouts', () => {
  it('reads the session time under 时间, 讯问时间, 起止时间, spaced or with a half-width colon', () => {
    for (const label of ['时间：', '讯问时间：', '起止时间:', '时 间：', '讯 问 时 间:']) {
      const f = header([`${label}2024年3月5日14时20分至2024年3月5日16时05分`]);
      expect(f.start, label).toBe('2024-03-05T14:20:00+08:00');
      expect(f.end, label).toBe('2024-03-05T16:05:00+08:00');
    }
  });

  it('reads the place under 地点, 讯问地点, 询问地点', () => {
    expect(header(['地点：某分局执法办案中心讯问室']).place).toBe('某分局执法办案中心讯问室');
    expect(header(['讯问地点：某派出所讯问室']).place).toBe('某派出所讯问室');
    expect(header(['询问地点：某派出所询问室'], 'INQUIRY_RECORD').place).toBe('某派出所询问室');
  });

  it('reads the investigators under 侦查员, 侦查人员, 讯问人, 询问人, 民警 and 侦查员姓名、单位', () => {
    for (const label of ['侦查员：', '侦查人员：', '讯问人：', '民警：', '侦查员姓名、单位：', '侦查人员姓名及单位：', '侦 查 员：']) {
      expect(header([`${label}郑凯、冯磊\u3000某市公安局某分局刑侦大队`]).investigators, label).toEqual(['郑凯', '冯磊']);
    }
    expect(header(['询问人：郑凯、冯磊'], 'INQUIRY_RECORD').investigators).toEqual(['郑凯', '冯磊']);
  });

  it("reads the recorder under 记录人, 记录员, spaced, on the investigators' line or its own", () => {
    for (const lines of [['记录人：朱晓峰'], ['记录员：朱晓峰'], ['记 录 员：朱晓峰'], ['侦查员：郑凯、冯磊\u3000记录员：朱晓峰']]) {
      expect(header(lines).recorder, lines.join('|')).toBe('朱晓峰');
    }
  });

  it('takes a value printed on the line after its label', () => {
    const f = header([
      '时间：2024年3月5日14时20分至16时05分',
      '侦查员姓名、单位：',
      '郑凯、冯磊\u3000某市公安局某分局刑侦大队',
      '记录员：',
      '朱晓峰',
      '被讯问人：',
      '钱小龙',
    ]);
    expect(f).toMatchObject({ investigators: ['郑凯', '冯磊'], recorder: '朱晓峰', subject: '钱小龙' });
  });

  it('reads the person questioned with details inline after the name', () => {
    expect(header(['被讯问人：钱小龙，男，1995年8月3日出生，汉族，身份证号码330602199508031234，现住某市某区某路8号']).subject).toBe(
      '钱小龙',
    );
    expect(header(['被讯问人姓名：钱小龙 性别：男']).subject).toBe('钱小龙');
    expect(header(['被询问人：孙丽，女，1988年出生'], 'INQUIRY_RECORD').subject).toBe('孙丽');
  });

  it('reads those present and the session number in Chinese numerals', () => {
    const f = header(['讯问笔录（第二次）', '法定代理人：钱大海（系钱小龙之父）', '合适成年人：周敏', '翻译人员：无']);
    expect(f.session).toBe(2);
    expect(f.attendees).toEqual([
      { role: '法定代理人', name: '钱大海' },
      { role: '合适成年人', name: '周敏' },
    ]);
  });
});

describe('the header names the person questioned, not a signature the fingerprint cut short', () => {
  it('犯罪嫌疑人姓名：马然涛 in the header wins over 被讯问人：马然（捺指印） at the foot of a short first page', () => {
    const page = [
      '讯问笔录',
      '（第二次）',
      '时间：2024年6月6日8时38分至2024年6月6日9时49分',
      '地点：嘉兴市看守所讯问室',
      '侦查员姓名、单位：赵琳慧、姜晨辉',
      '犯罪嫌疑人姓名：马然涛性别：男年龄：44岁',
      '问：你以前讲的是否属实？',
      '答：不属实，那天我不在现场。',
      '以上笔录我看过，和我说的相符。',
      '被讯问人：马然（捺指印）',
    ].join('\n');
    expect(readFields('INTERROGATION_RECORD', page, null).fields.subject).toBe('马然涛');
    // With no header field, the signature still names the subject.
    expect(readFields('INTERROGATION_RECORD', page.replace('犯罪嫌疑人姓名：马然涛性别：男年龄：44岁\n', ''), null).fields.subject).toBe(
      '马然',
    );
  });
});

describe("a phone photo's two columns read as one line", () => {
  it('记录员：王德松犯罪嫌疑人：林娟，女，… gives the recorder and the person questioned', () => {
    const page = [
      '讯问笔录',
      '（第一次）',
      '讯问时间：2023年7月21日13时54分至同日16时00分',
      '侦查员姓名、单位：彭德、王德松合肥市公安局庐阳分局刑警大队',
      '记录员：王德松犯罪嫌疑人：林娟，女，1996年10月5日出生，汉族',
      '问：我们是合肥市公安局庐阳分局的侦查员（出示工作证件），现依法对你进行讯问。',
      '答：听清楚了。',
    ].join('\n');
    expect(readFields('INTERROGATION_RECORD', page, null).fields).toMatchObject({ recorder: '王德松', subject: '林娟' });
  });
});
