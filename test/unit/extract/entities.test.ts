import { describe, expect, it } from 'vitest';
import { extractMentions } from '../../../electron/core/extract/entities.js';
import type { Mention } from '../../../electron/core/extract/entities.js';

const of = (ms: Mention[], type: string) => ms.filter((m) => m.type === type);
const person = (ms: Mention[], name: string) => ms.find((m) => m.type === 'PERSON' && m.value === name);

const RECORD = [
  '讯问笔录（第1次）',
  '时间：2022年11月16日14时30分至16时05分',
  '地点：绍兴市越城区公安分局执法办案中心第三讯问室',
  '侦查员：郑凯、冯磊  工作单位：绍兴市公安局越城区分局',
  '记录员：冯磊',
  '犯罪嫌疑人：朱建华，男，1990年5月3日出生，汉族，初中文化，身份证号码：33060219900503123X，住浙江省绍兴市越城区城南街道解放南路88号，联系电话：138 0013 8000。',
  '问：你因何事被传唤？',
  '答：我偷了被害人李小红的手机，卖了3200元，钱转到我的银行卡6222 0212 3456 7894上。我的微信号是zhujh_88，车牌浙D·8K2M7。',
  '依据《刑法》第二百六十四条，绍越公（刑）拘字〔2024〕0211号拘留证。',
  '被讯问人签名：朱建华',
].join('\n');

describe('extractMentions on an interrogation record', () => {
  const ms = extractMentions(RECORD, { refDate: '2022-11-16' });

  it('finds officers in a list, the suspect, the victim, with roles', () => {
    expect(person(ms, '郑凯')?.attrs?.role).toBe('OFFICER');
    expect(person(ms, '冯磊')?.attrs?.role).toBe('OFFICER');
    expect(person(ms, '朱建华')?.attrs?.role).toBe('SUSPECT');
    expect(person(ms, '李小红')?.attrs?.role).toBe('VICTIM');
    const names = new Set(of(ms, 'PERSON').map((m) => m.value));
    for (const bad of ['侦查员', '公安局', '拘留证', '记录员']) expect(names.has(bad)).toBe(false);
    // The signature line is a second mention of the suspect.
    expect(of(ms, 'PERSON').filter((m) => m.value === '朱建华')).toHaveLength(2);
  });

  it('reads the attributes printed beside the suspect', () => {
    expect(person(ms, '朱建华')?.attrs).toMatchObject({
      gender: '男',
      birthDate: '1990-05-03',
      ethnicity: '汉族',
      education: '初中文化',
      idNumber: '33060219900503123X',
      phone: '13800138000',
      address: '浙江省绍兴市越城区城南街道解放南路88号',
    });
  });

  it('finds identifiers, normalised and validated', () => {
    expect(of(ms, 'ID_NUMBER').map((m) => [m.value, m.valid])).toEqual([['33060219900503123X', true]]);
    expect(of(ms, 'PHONE').map((m) => m.value)).toEqual(['13800138000']);
    expect(of(ms, 'BANK_CARD').map((m) => [m.value, m.valid])).toEqual([['6222021234567894', true]]);
    expect(of(ms, 'PLATE').map((m) => m.value)).toEqual(['浙D8K2M7']);
    expect(of(ms, 'ACCOUNT').map((m) => [m.value, m.attrs?.platform])).toEqual([['zhujh_88', 'wechat']]);
    expect(of(ms, 'AMOUNT').map((m) => m.value)).toEqual(['3200']);
    expect(of(ms, 'LAW_ARTICLE').map((m) => m.value)).toEqual(['《中华人民共和国刑法》第二百六十四条']);
    expect(of(ms, 'CASE_NUMBER').map((m) => m.value)).toEqual(['绍越公（刑）拘字〔2024〕0211号']);
    expect(of(ms, 'ORG').map((m) => m.value)).toContain('绍兴市公安局越城区分局');
    for (const m of ms) expect(RECORD.slice(m.start, m.end)).toBe(m.text);
  });
});

describe('extractMentions: validators decide', () => {
  it('keeps an invalid ID number as invalid instead of dropping it', () => {
    const ms = extractMentions('身份证号码：330602199005031234');
    expect(of(ms, 'ID_NUMBER')).toMatchObject([{ value: '330602199005031234', valid: false, attrs: { reason: 'checksum' } }]);
  });
  it('reads IDs with OCR spaces', () => {
    const ms = extractMentions('公民身份号码 3306 0219 9005 0312 3X');
    expect(of(ms, 'ID_NUMBER')).toMatchObject([{ value: '33060219900503123X', valid: true }]);
  });
  it('takes a Luhn-failing run as a card only when labelled', () => {
    expect(of(extractMentions('流水号6222021234567895'), 'BANK_CARD')).toEqual([]);
    expect(of(extractMentions('银行卡号：6222021234567895'), 'BANK_CARD')).toMatchObject([{ value: '6222021234567895', valid: false }]);
    expect(of(extractMentions('转账至6217000000000000004'), 'BANK_CARD')).toMatchObject([{ valid: true }]);
  });
  it('never reads a phone inside a longer digit run', () => {
    expect(of(extractMentions('编号2013800138000123'), 'PHONE')).toEqual([]);
    expect(of(extractMentions('电话13800138000、13900139000'), 'PHONE').map((m) => m.value)).toEqual(['13800138000', '13900139000']);
    expect(of(extractMentions('联系电话：0575-88886666'), 'PHONE').map((m) => m.value)).toEqual(['0575-88886666']);
  });
  it('reads plates with and without separators', () => {
    const ms = extractMentions('驾驶浙D 8K2M7号小轿车，另有浙AD12345和粤B12345F两车');
    expect(of(ms, 'PLATE').map((m) => m.value)).toEqual(['浙D8K2M7', '浙AD12345', '粤B12345F']);
  });
  it('reads QQ and Alipay accounts', () => {
    const ms = extractMentions('其QQ号为123456789，支付宝账号：zhu@example.com');
    expect(of(ms, 'ACCOUNT').map((m) => [m.attrs?.platform, m.value])).toEqual([
      ['qq', '123456789'],
      ['alipay', 'zhu@example.com'],
    ]);
  });
  it('reads case numbers with either kind of bracket', () => {
    const ms = extractMentions('根据越公（刑）立字[2024]123号立案决定书');
    expect(of(ms, 'CASE_NUMBER').map((m) => m.value)).toEqual(['越公（刑）立字〔2024〕123号']);
  });
});

describe('extractMentions: people from context', () => {
  it.each([
    ['报案人王建国称其手机被盗。', '王建国', 'REPORTER'],
    ['证人孙丽，女，1985年2月1日出生。', '孙丽', 'WITNESS'],
    ['法定代理人周敏（系朱小军之母）到场。', '周敏', 'GUARDIAN'],
    ['鉴定人：陈志远', '陈志远', 'EXPERT'],
    ['见证人：钱七，男', '钱七', 'OTHER'],
    ['询问人：郑凯、冯磊', '冯磊', 'OFFICER'],
    ['被害人朱某某的手机被盗。', '朱某某', 'VICTIM'],
    ['犯罪嫌疑人李某甲伙同王某窜至店内。', '李某甲', 'SUSPECT'],
    ['犯罪嫌疑人李某甲伙同王某窜至店内。', '王某', 'SUSPECT'],
    ['欧阳娜娜，女，汉族，被害人欧阳娜娜报称', '欧阳娜娜', 'VICTIM'],
  ])('%s → %s is %s', (text, name, role) => {
    expect(person(extractMentions(text), name)?.attrs?.role).toBe(role);
  });
  it('does not take role words or offices for names', () => {
    const ms = extractMentions('侦查员出示了拘留证，证人证言一份，公安局民警在场，某某称');
    expect(of(ms, 'PERSON')).toEqual([]);
  });
});

describe('extractMentions: printed forms', () => {
  const HEADER = [
    '询问笔录',
    '时间：2023年6月20日9时0分至同日10时30分',
    '地点：绍兴市公安局柯桥区分局柯桥派出所询问室',
    '询问人姓名、单位：欧阳永康、杨浩然 绍兴市公安局柯桥区分局刑事侦查大队',
    '记录员姓名、单位：郑海燕 绍兴市公安局柯桥区分局刑事侦查大队',
    '被询问人姓名：丁淑珍 性别：女 出生日期：1968年12月25日',
    '身份证件种类及号码：居民身份证 330602200802290045',
    '现住址：浙江省绍兴市越城区迪荡新城11幢3单元1602室',
    '联系方式：13936560723',
    '问：我们是绍兴市公安局柯桥区分局的民警，依法向你询问。',
  ].join('\n');

  it('reads the header fields of a record as the subject’s attributes', () => {
    const ms = extractMentions(HEADER);
    expect(person(ms, '欧阳永康')?.attrs?.role).toBe('OFFICER');
    expect(person(ms, '杨浩然')?.attrs?.role).toBe('OFFICER');
    expect(person(ms, '郑海燕')?.attrs?.role).toBe('OFFICER');
    expect(person(ms, '丁淑珍')?.attrs).toMatchObject({
      role: 'WITNESS',
      gender: '女',
      birthDate: '1968-12-25',
      idNumber: '330602200802290045',
      address: '浙江省绍兴市越城区迪荡新城11幢3单元1602室',
      phone: '13936560723',
    });
    expect(of(ms, 'ORG').map((m) => m.value)).toContain('绍兴市公安局柯桥区分局刑事侦查大队');
  });

  it('reads an address across a wrapped line', () => {
    const text = ['犯罪嫌疑人周家乐，男，1999年4月15日出生，汉族，高中文化，住浙江省绍兴市越城区城南', '花园3幢1单元2504室。'].join('\n');
    const ms = extractMentions(text);
    expect(person(ms, '周家乐')?.attrs?.address).toBe('浙江省绍兴市越城区城南花园3幢1单元2504室');
  });

  it('takes the object of a coercive measure for the suspect, and the notice addressee for family', () => {
    const text =
      '许娜：\n根据《中华人民共和国刑事诉讼法》第八十二条之规定，我局已于2023年6月21日将涉嫌故意伤害罪的周家乐（性别男，出生日期1999年4月15日，住址浙江省绍兴市越城区城南花园3幢1单元2504室）刑事拘留。\n被通知人：许娜';
    const ms = extractMentions(text);
    expect(person(ms, '周家乐')?.attrs).toMatchObject({
      role: 'SUSPECT',
      gender: '男',
      birthDate: '1999-04-15',
      address: '浙江省绍兴市越城区城南花园3幢1单元2504室',
    });
    expect(person(ms, '许娜')?.attrs?.role).toBe('FAMILY');
  });

  it('does not take the examined person for the expert, nor an agency abbreviation for a name', () => {
    const ms = extractMentions('柯公（刑）鉴通字〔2023〕0965号\n鉴定意见：被鉴定人丁淑珍左前臂尺骨骨折。\n鉴定人：高建国 郑桂芳');
    expect(person(ms, '丁淑珍')?.attrs?.role).not.toBe('EXPERT');
    expect(person(ms, '高建国')?.attrs?.role).toBe('EXPERT');
    expect(person(ms, '郑桂芳')?.attrs?.role).toBe('EXPERT');
    expect(person(ms, '柯公')).toBeUndefined();
    expect(of(ms, 'CASE_NUMBER').map((m) => m.value)).toEqual(['柯公（刑）鉴通字〔2023〕0965号']);
  });

  it('reads a procuratorate number without 字', () => {
    const ms = extractMentions('绍兴市柯桥区人民检察院\n批准逮捕决定书\n柯检刑批捕〔2023〕0674号');
    expect(of(ms, 'CASE_NUMBER').map((m) => m.value)).toEqual(['柯检刑批捕〔2023〕0674号']);
  });
});

describe('descriptions that look like names', () => {
  it('does not take 戴帽子 or 戴眼镜 in a description for a person', () => {
    const text = '答：个子一米七左右，穿黑色外套，戴帽子，说话是本地口音。另一人戴眼镜，姓王。';
    const names = extractMentions(text)
      .filter((m) => m.type === 'PERSON')
      .map((m) => m.value);
    expect(names).not.toContain('戴帽子');
    expect(names).not.toContain('戴眼镜');
    expect(
      extractMentions('被害人戴晓明报案称')
        .filter((m) => m.type === 'PERSON')
        .map((m) => m.value),
    ).toEqual(['戴晓明']);
  });
});

describe('a name followed by a modal verb', () => {
  it('reads 何杰 in 犯罪嫌疑人何杰可能判处 and keeps 张可 as a name', () => {
    const persons = (t: string) =>
      extractMentions(t)
        .filter((m) => m.type === 'PERSON')
        .map((m) => m.value);
    expect(persons('因犯罪嫌疑人何杰可能判处管制、拘役，决定取保候审。')).toEqual(['何杰']);
    expect(persons('犯罪嫌疑人宋斌可以随传随到。')).toEqual(['宋斌']);
    expect(persons('被害人张可报称其手机被盗。')).toEqual(['张可']);
  });
});

describe('a name at a printed line wrap', () => {
  it('does not take the first character of the next word across the wrap', () => {
    const persons = (t: string) =>
      extractMentions(t)
        .filter((m) => m.type === 'PERSON')
        .map((m) => m.value);
    expect(persons('2024年3月5日，被害人徐娜发\n现其放在桌上的手机被盗。')).toEqual(['徐娜']);
    expect(persons('被害人欧阳娜娜\n报案称')).toEqual(['欧阳娜娜']);
    expect(persons('因琐事与被害人徐娜发生争执，持木棍殴打被害人。')).toEqual(['徐娜']);
  });
});

describe('places and things that end like places', () => {
  const places = (s: string) =>
    extractMentions(s)
      .filter((m) => m.type === 'ADDRESS')
      .map((m) => m.value);
  it('does not take an account, a benefit or a website for an address', () => {
    expect(places('答：我在网上买过几个微信号，他给了我什么好处我不记得。')).toEqual([]);
    expect(places('答：我在几个网站上卖过手机。')).toEqual([]);
    expect(places('住浙江省绍兴市越城区解放路18号。')).toEqual(['浙江省绍兴市越城区解放路18号']);
  });

  it('ends a place where the money or goods kept there begin', () => {
    expect(places('趁店主不备，拿走放在收银台内的人民币600余元及一张银行卡。')).toEqual(['收银台内']);
    expect(places('将其放在枕边的2台平板电脑及一个钱包盗走。')).toEqual([]);
    expect(places('窜至城东农贸市场3号摊位，盗走摊主的一部手机。')).toEqual(['城东农贸市场3号摊位']);
  });
});
