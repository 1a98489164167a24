import { describe, expect, it } from 'vitest';
import { normaliseChineseText } from '../../../electron/core/ocr/normalise.js';

describe('normaliseChineseText', () => {
  it('drops the spaces tesseract puts between Chinese characters and keeps those between Latin words', () => {
    expect(normaliseChineseText('侦 查 员 : 郑 凯 、 冯 磊')).toBe('侦查员：郑凯、冯磊');
    expect(normaliseChineseText('2022 年 11 月 16 日 14 时 30 分')).toBe('2022年11月16日14时30分');
    expect(normaliseChineseText('Apple iPhone 13 Pro 手 机 一 部')).toBe('Apple iPhone 13 Pro手机一部');
    expect(normaliseChineseText('第一行  \n 第 二 行')).toBe('第一行\n第二行');
  });

  it('writes Chinese punctuation full-width and digits and letters half-width', () => {
    expect(normaliseChineseText('问:你叫什么名字?')).toBe('问：你叫什么名字？');
    expect(normaliseChineseText('答:张三,男;')).toBe('答：张三，男；');
    expect(normaliseChineseText('浙公(2022)123号')).toBe('浙公（2022）123号');
    expect(normaliseChineseText('２０２２年ＡＢ')).toBe('2022年AB');
    // Times and Latin text keep ASCII punctuation.
    expect(normaliseChineseText('14:30')).toBe('14:30');
    expect(normaliseChineseText('a, b; c')).toBe('a, b; c');
  });

  it('repairs letters read for digits only inside digit runs', () => {
    expect(normaliseChineseText('身份证号码: 33O6O2199OO5O3l234')).toBe('身份证号码：330602199005031234');
    expect(normaliseChineseText('电话 1385751234S')).toBe('电话1385751234' + '5');
    expect(normaliseChineseText('2O22年ll月l6日 l4时3O分')).toBe('2022年11月16日14时30分');
    expect(normaliseChineseText('BZ 1O5')).toBe('BZ 105');
    // One digit and one letter is too little to tell.
    expect(normaliseChineseText('B2')).toBe('B2');
    // Words, plates and ID check characters stay as written.
    expect(normaliseChineseText('SOS Bob ISBN')).toBe('SOS Bob ISBN');
    expect(normaliseChineseText('车牌浙B12345')).toBe('车牌浙B12345');
    expect(normaliseChineseText('浙D·8K2M7')).toBe('浙D·8K2M7');
    expect(normaliseChineseText('11010519491231002x')).toBe('11010519491231002X');
  });

  it('maps Kangxi radicals and the CJK radicals supplement to ordinary characters', () => {
    // U+2F08 ⼈, U+2F47 ⽇ (Kangxi, NFKC) and U+2EC5 ⻅, U+2EA0 ⺠, U+2ED4 ⻔ (supplement, table).
    expect(normaliseChineseText('\u2f08\u2f47\u2ec5\u2ea0\u2ed4')).toBe('人日见民门');
    expect(normaliseChineseText('公安机关依法对\u2ec5证⼈询问')).toBe('公安机关依法对见证人询问');
  });

  it('leaves already normal text unchanged', () => {
    const text = '讯问笔录\n时间：2022年11月16日14时30分至16时05分\n侦查员：郑凯、冯磊';
    expect(normaliseChineseText(text)).toBe(text);
    expect(normaliseChineseText(normaliseChineseText('侦 查 员 : 郑 凯'))).toBe('侦查员：郑凯');
  });
});
