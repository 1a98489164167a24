import { describe, expect, it } from 'vitest';
import { extractMentions } from '../../../electron/core/extract/entities.js';
import { linkKey, resolveEntities } from '../../../electron/core/extract/resolve.js';
import type { LocatedMention } from '../../../electron/core/extract/resolve.js';

const locate = (text: string, document: string, page = 1): LocatedMention[] => extractMentions(text).map((m) => ({ ...m, document, page }));

describe('resolveEntities', () => {
  it('merges a name one character off when the ID number matches (OCR error)', () => {
    const ms = [
      ...locate('犯罪嫌疑人朱建华，男，身份证号码：33060219900503123X。', 'd1'),
      ...locate('被讯问人朱建化，男，身份证号码：33060219900503123X。', 'd2'),
      ...locate('被讯问人签名：朱建华', 'd2', 3),
    ];
    const people = resolveEntities(ms).filter((e) => e.type === 'PERSON');
    expect(people).toHaveLength(1);
    expect(people[0]!.value).toBe('朱建华');
    expect(people[0]!.attributes).toMatchObject({
      role: 'SUSPECT',
      idNumber: '33060219900503123X',
      aliases: ['朱建化'],
      birthDate: '1990-05-03',
      gender: '男',
    });
    expect(people[0]!.mentions).toHaveLength(3);
    expect(linkKey(people[0]!)).toBe('PERSON:ID:33060219900503123X');
  });

  it('never merges two different valid ID numbers under one name', () => {
    const ms = [
      ...locate('证人张伟，男，身份证号码：33060219900503123X。', 'd1'),
      ...locate('证人张伟，女，身份证号码：330602200802290045。', 'd2'),
    ];
    const people = resolveEntities(ms).filter((e) => e.type === 'PERSON');
    expect(people).toHaveLength(2);
    expect(new Set(people.map((p) => p.attributes.idNumber))).toEqual(new Set(['33060219900503123X', '330602200802290045']));
    expect(new Set(people.map((p) => p.key)).size).toBe(2);
  });

  it('joins an ID-less mention to the one person of that name, and picks the strongest role', () => {
    const ms = [
      ...locate('被询问人李小红，女，身份证号码：330602200802290045。', 'd1'),
      ...locate('犯罪嫌疑人朱某某盗窃被害人李小红的手机。', 'd2'),
    ];
    const people = resolveEntities(ms).filter((e) => e.type === 'PERSON');
    const li = people.find((p) => p.value === '李小红');
    expect(li?.mentions).toHaveLength(2);
    // 被害人 is stronger evidence than the 被询问人 heading.
    expect(li?.attributes.role).toBe('VICTIM');
  });

  it('records a conflict between the stated birth date and the ID number', () => {
    const ms = locate('犯罪嫌疑人朱建华，男，1991年5月3日出生，身份证号码：33060219900503123X。', 'd1');
    const p = resolveEntities(ms).find((e) => e.type === 'PERSON');
    expect(p?.attributes.conflicts).toMatchObject({ birthDate: ['1991-05-03', '1990-05-03'] });
  });

  it('groups identifiers by normalised value and gives link keys', () => {
    const ms = [
      ...locate('联系电话：138 0013 8000，车牌浙D·8K2M7', 'd1'),
      ...locate('手机13800138000，驾驶浙D8K2M7', 'd2'),
      ...locate('身份证号码110105491231002', 'd3'),
      ...locate('身份证号码11010519491231002x', 'd4'),
    ];
    const es = resolveEntities(ms);
    const phone = es.filter((e) => e.type === 'PHONE');
    expect(phone).toHaveLength(1);
    expect(phone[0]!.mentions).toHaveLength(2);
    expect(linkKey(phone[0]!)).toBe('PHONE:13800138000');
    const plate = es.filter((e) => e.type === 'PLATE');
    expect(plate.map((p) => linkKey(p))).toEqual(['PLATE:浙D8K2M7']);
    // The legacy 15-digit number and its 18-digit form are one ID.
    const ids = es.filter((e) => e.type === 'ID_NUMBER');
    expect(ids.map((e) => e.value)).toEqual(['11010519491231002X']);
    expect(ids[0]!.mentions).toHaveLength(2);
  });

  it('gives no link key to a person without a valid ID', () => {
    const p = resolveEntities(locate('证人孙丽称', 'd1')).find((e) => e.type === 'PERSON');
    expect(p).toBeDefined();
    expect(linkKey(p!)).toBeNull();
  });
});
