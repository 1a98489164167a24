// Entities and dates on text OCR damaged: organ abbreviations are no one's name, a field
// whose label was misread gives its value no guessed role, a colon before a dotted date.
import { describe, expect, it } from 'vitest';
import { extractMentions } from '../../../electron/core/extract/entities.js';
import { findDateTimes } from '../../../electron/core/extract/datetime.js';

const persons = (t: string) =>
  extractMentions(t)
    .filter((m) => m.type === 'PERSON')
    .map((m) => m.value);

describe('organ abbreviations in damaged document numbers', () => {
  it('does not take 柯公 (柯桥公安) for a person, however OCR broke the number', () => {
    expect(persons('逮捕证\n柯公（刑）捕字[2024 0515号')).toEqual([]);
    expect(persons('鉴定聘请书\n柯公（刑}鉴聘字（2024）0911号')).toEqual([]);
    expect(persons('鉴定意见通知书\n柯公、（刑）鉴通字[2024) 0619号')).toEqual([]);
    expect(persons('逮捕通知书\n虞公（刑）捕通字〔2023〕0417号\n孙卫东：')).not.toContain('虞公');
  });

  it('still reads a person named beside a number in prose', () => {
    expect(persons('犯罪嫌疑人柯明（男）因涉嫌盗窃被刑事拘留')).toContain('柯明');
  });
});

describe('a field whose label OCR damaged', () => {
  it('gives the name no guessed role', () => {
    const m = extractMentions('持有人：黄俊杰R人：蒋敏').find((x) => x.type === 'PERSON' && x.value === '蒋敏');
    expect(m?.attrs?.role).toBe('OTHER');
  });
});

describe('dates after a colon', () => {
  it('reads a dotted date right after a colon', () => {
    expect(findDateTimes('通知时间：2024.10.11 19:55').map((d) => d.iso)).toContain('2024-10-11T19:55:00+08:00');
    expect(findDateTimes('时间：2024.10.11').map((d) => d.date)).toEqual(['2024-10-11']);
    // A clock time's minutes are still not a date start.
    expect(findDateTimes('10:2024.10').map((d) => d.date)).not.toContain('2024-10-01');
  });
});

describe('identifiers split or labelled as printed', () => {
  it('reads an ID number a line wrap cut in two as one valid number', () => {
    const ids = extractMentions('犯罪嫌疑人罗芳，女，身份证号码330602197202235\n\n240，汉族').filter((m) => m.type === 'ID_NUMBER');
    expect(ids.map((m) => [m.value, m.valid])).toEqual([['330602197202235240', true]]);
  });

  it('takes a mobile number after 支付宝 for the account, not a phone', () => {
    const ms = extractMentions('我按他说的用支付宝13587830578往中国工商银行卡转了钱');
    expect(ms.filter((m) => m.type === 'PHONE')).toEqual([]);
    expect(ms.filter((m) => m.type === 'ACCOUNT').map((m) => m.value)).toEqual(['13587830578']);
    expect(
      extractMentions('联系电话13587830578')
        .filter((m) => m.type === 'PHONE')
        .map((m) => m.value),
    ).toEqual(['13587830578']);
  });
});
