// An entity's attributes as the desk shows them (issue 16: "function", "kind mobile",
// "platform wechat" were on screen): each named in words, coded values translated, the
// backend's bookkeeping keys left out.
// (Type-checked with the renderer's own settings: renderer/tsconfig.json includes this folder.)
import { describe, expect, it } from 'vitest';
import { describeAttributes } from '../../../renderer/src/case/attributes';

describe("an entity's attributes", () => {
  it('are named in Chinese, their coded values translated, internal keys left out', () => {
    const phone = describeAttributes(
      { kind: 'mobile', owner: '谢立新', ownerBy: 'particulars', ownerKey: 'PERSON:ID:330604198011233418', valid: true },
      'zh',
    );
    expect(phone).toEqual([
      { key: 'kind', label: '类型', value: '手机' },
      { key: 'owner', label: '持有人', value: '谢立新' },
      { key: 'valid', label: '号码校验', value: '通过' },
    ]);
    const account = describeAttributes({ platform: 'wechat', cue: '微信号' }, 'zh');
    expect(account).toEqual([{ key: 'platform', label: '平台', value: '微信' }]);
  });

  it('show a person as the file describes them: sex, ethnicity, education, registered residence, duty', () => {
    const person = describeAttributes(
      {
        role: 'SUSPECT',
        function: '被告知人',
        idNumber: '33060219801220849X',
        idValid: true,
        gender: '男',
        birthDate: '1980-12-20',
        ethnicity: '汉族',
        education: '初中文化',
        hukou: '浙江省绍兴市越城区',
        age: 43,
        phone: '15008221148',
        phones: ['15008221148'],
      },
      'zh',
    );
    const text = person.map((f) => `${f.label} ${f.value}`);
    expect(text).toEqual([
      '身份证号 33060219801220849X',
      '电话 15008221148',
      '出生日期 1980-12-20',
      '性别 男',
      '年龄 43 岁',
      '民族 汉族',
      '文化程度 初中文化',
      '户籍地 浙江省绍兴市越城区',
      '职责 被告知人',
      '身份证号校验 通过',
    ]);
  });

  it('name the parts a person plays when there are several, and where the papers disagree', () => {
    const person = describeAttributes(
      {
        role: 'VICTIM',
        roles: ['REPORTER', 'VICTIM', 'WITNESS'],
        conflicts: { birthDate: ['1980-11-23', '1980-12-23'], gender: ['male', 'female'] },
      },
      'zh',
    );
    expect(person).toEqual([
      { key: 'roles', label: '卷内身份', value: '报案人、被害人、证人' },
      { key: 'conflicts', label: '卷内记载不一', value: '出生日期：1980-11-23 / 1980-12-23；性别：男 / 女' },
    ]);
    expect(describeAttributes({ role: 'SUSPECT', roles: ['SUSPECT'] }, 'zh')).toEqual([]);
  });

  it('hide a code nobody has named rather than show it', () => {
    expect(describeAttributes({ kind: 'satellite', platform: 'telegram', gender: 'unknown' }, 'zh')).toEqual([]);
    expect(describeAttributes({ masked: true, unionPay: false }, 'en')).toEqual([
      { key: 'masked', label: 'Partly masked', value: 'Yes' },
      { key: 'unionPay', label: 'UnionPay card', value: 'No' },
    ]);
  });
});
