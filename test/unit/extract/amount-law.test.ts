import { describe, expect, it } from 'vitest';
import { findAmounts, parseChineseNumber } from '../../../electron/core/extract/amount.js';
import { findLawArticles, toChineseNumeral } from '../../../electron/core/extract/law.js';

describe('findAmounts', () => {
  it.each([
    ['人民币3,200元', 3200, false],
    ['3200元', 3200, false],
    ['叁仟贰佰元', 3200, false],
    ['三千二百元', 3200, false],
    ['4.8万元', 48000, false],
    ['1.2亿元', 120000000, false],
    ['5000余元', 5000, true],
    ['3万余元', 30000, true],
    ['￥3,200.00', 3200, false],
    ['一万零五百元整', 10500, false],
    ['现金人民币约100元', 100, true],
  ])('%s → %d', (text, value, approx) => {
    const all = findAmounts(text);
    expect(all).toHaveLength(1);
    expect(all[0]!.value).toBe(value);
    expect(all[0]!.approx === true).toBe(approx);
  });
  it('finds amounts in a sentence and leaves order-of-magnitude words alone', () => {
    const text = '窃得现金人民币800余元，手机一部价值人民币1690元，损失数千元。';
    expect(findAmounts(text).map((a) => a.value)).toEqual([800, 1690]);
    expect(findAmounts('100美元')).toEqual([]);
  });
  it('parses Chinese numbers', () => {
    expect(parseChineseNumber('叁仟贰佰')).toBe(3200);
    expect(parseChineseNumber('十二')).toBe(12);
    expect(parseChineseNumber('一亿二千万')).toBe(120000000);
    expect(parseChineseNumber('两千零五')).toBe(2005);
  });
});

describe('findLawArticles', () => {
  it('normalises short statute names and Arabic article numbers', () => {
    const all = findLawArticles('依照《中华人民共和国刑法》第二百六十四条、《刑法》第264条和刑法第六十七条第三款之规定');
    expect(all.map((a) => a.normalised)).toEqual([
      '《中华人民共和国刑法》第二百六十四条',
      '《中华人民共和国刑法》第二百六十四条',
      '《中华人民共和国刑法》第六十七条第三款',
    ]);
    expect(all.map((a) => a.article)).toEqual([264, 264, 67]);
    expect(all[2]!.clause).toBe(3);
  });
  it('carries the statute over a list of articles', () => {
    const all = findLawArticles('根据《刑事诉讼法》第八十五条第二款、第八十六条的规定');
    expect(all.map((a) => a.normalised)).toEqual([
      '《中华人民共和国刑事诉讼法》第八十五条第二款',
      '《中华人民共和国刑事诉讼法》第八十六条',
    ]);
  });
  it('keeps an inserted article (之二) apart from the article it follows, and reads bracketed items', () => {
    const all = findLawArticles(
      '其行为触犯《中华人民共和国刑法》第二百八十七条之二、第二百八十七条，依照《刑事诉讼法》第八十二条第（七）项之规定',
    );
    expect(all.map((a) => a.normalised)).toEqual([
      '《中华人民共和国刑法》第二百八十七条之二',
      '《中华人民共和国刑法》第二百八十七条',
      '《中华人民共和国刑事诉讼法》第八十二条第七项',
    ]);
    expect(all.map((a) => a.text)).toEqual([
      '《中华人民共和国刑法》第二百八十七条之二',
      '第二百八十七条',
      '《刑事诉讼法》第八十二条第（七）项',
    ]);
    expect(all[0]!.sub).toBe(2);
  });
  it('keeps rules without a national prefix as they are', () => {
    const [a] = findLawArticles('《公安机关办理刑事案件程序规定》第一百二十五条');
    expect(a?.normalised).toBe('《公安机关办理刑事案件程序规定》第一百二十五条');
    expect(a?.article).toBe(125);
  });
  it('writes article numbers in Chinese', () => {
    expect([10, 11, 20, 105, 110, 264, 1005].map(toChineseNumeral)).toEqual([
      '十',
      '十一',
      '二十',
      '一百零五',
      '一百一十',
      '二百六十四',
      '一千零五',
    ]);
  });
});

describe('a thousands comma OCR read as a point', () => {
  it('人民币48.000元 is 48,000 yuan (money has two decimals at most); 3.50元 and 12.5元 keep theirs', () => {
    expect(findAmounts('价格为人民币48.000元').map((a) => a.value)).toEqual([48000]);
    expect(findAmounts('3.50元，12.5元').map((a) => a.value)).toEqual([3.5, 12.5]);
  });
});
