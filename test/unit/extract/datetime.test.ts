import { describe, expect, it } from 'vitest';
import { findDateTimes, parseChineseNumeralDate } from '../../../electron/core/extract/datetime.js';

const ref = { date: '2022-11-16' };
const one = (text: string, r: { date?: string } | undefined = ref) => {
  const all = findDateTimes(text, r);
  expect(all).toHaveLength(1);
  return all[0]!;
};

describe('findDateTimes: the formats of RULES.md', () => {
  it.each([
    ['2022年11月16日14时30分', '2022-11-16T14:30:00+08:00'],
    ['14时30分许', '2022-11-16T14:30:00+08:00'],
    ['14点半', '2022-11-16T14:30:00+08:00'],
    ['14:30', '2022-11-16T14:30:00+08:00'],
    ['14：30', '2022-11-16T14:30:00+08:00'],
    ['凌晨3时', '2022-11-16T03:00:00+08:00'],
    ['上午9时10分', '2022-11-16T09:10:00+08:00'],
    ['中午12时', '2022-11-16T12:00:00+08:00'],
    ['中午1点', '2022-11-16T13:00:00+08:00'],
    ['下午2点半', '2022-11-16T14:30:00+08:00'],
    ['傍晚6时', '2022-11-16T18:00:00+08:00'],
    ['晚上8点', '2022-11-16T20:00:00+08:00'],
    ['二〇二二年十一月十六日', '2022-11-16'],
    ['二○二二年十一月十六日', '2022-11-16'],
    ['二零二二年十一月十六日', '2022-11-16'],
    ['二0二二年十一月十六日', '2022-11-16'],
    ['二O二二年十一月十六日', '2022-11-16'],
    ['2022.11.16', '2022-11-16'],
    ['2022-11-16', '2022-11-16'],
    ['2022/11/16', '2022-11-16'],
    ['２０２２年１１月１６日', '2022-11-16'],
    ['２０２２年１１月１６日１４时３０分', '2022-11-16T14:30:00+08:00'],
    ['同日', '2022-11-16'],
    ['当日', '2022-11-16'],
    ['次日', '2022-11-17'],
    ['翌日9时', '2022-11-17T09:00:00+08:00'],
    ['2022年11月16日（星期三）14时', '2022-11-16T14:00:00+08:00'],
    ['3月5日', '2022-03-05'],
    ['16时05分', '2022-11-16T16:05:00+08:00'],
    ['2022.11.16 14:30', '2022-11-16T14:30:00+08:00'],
    ['2022-11-16 9:05', '2022-11-16T09:05:00+08:00'],
    ['2022年11月16日 14：30', '2022-11-16T14:30:00+08:00'],
    ['2022年11月16日14点05分', '2022-11-16T14:05:00+08:00'],
    ['2022年11月16日晚上11时', '2022-11-16T23:00:00+08:00'],
  ])('%s → %s', (text, iso) => {
    const m = one(text);
    expect(m.iso).toBe(iso);
    expect(m.text).toBe(text);
  });

  it('marks 许 as approximate', () => {
    expect(one('2018年4月7日0时许').approx).toBe(true);
    expect(one('2022年11月16日14时30分').approx).toBeUndefined();
  });

  it('reads ranges: same day, 至同日, 至次日, and an explicit end date', () => {
    expect(one('2022年11月16日14时30分至16时05分').range?.end.iso).toBe('2022-11-16T16:05:00+08:00');
    expect(one('2022年11月16日14时30分至同日16时05分').range?.end.iso).toBe('2022-11-16T16:05:00+08:00');
    expect(one('2022年11月16日23时30分至次日1时10分').range?.end.iso).toBe('2022-11-17T01:10:00+08:00');
    expect(one('2022年11月16日9时至2022年11月18日9时').range?.end.iso).toBe('2022-11-18T09:00:00+08:00');
    const r = one('2022年11月16日14时30分至16时05分');
    expect(r.iso).toBe('2022-11-16T14:30:00+08:00');
  });

  it('resolves relative dates from the last date in the text before the reference date', () => {
    const all = findDateTimes('2024年3月5日12时20分被刑事拘留，次日15时40分通知其家属。', ref);
    expect(all.map((m) => m.iso)).toEqual(['2024-03-05T12:20:00+08:00', '2024-03-06T15:40:00+08:00']);
  });

  it('does not read years in document numbers as dates', () => {
    expect(findDateTimes('绍越公（刑）拘字〔2024〕0211号', ref)).toEqual([]);
    expect(findDateTimes('越公（刑）立字[2024]123号', ref)).toEqual([]);
    expect(findDateTimes('（2022）浙0602刑初123号', ref)).toEqual([]);
  });

  it('rejects impossible dates and prose that only looks like a time', () => {
    expect(findDateTimes('2022年2月30日', ref)).toEqual([]);
    expect(findDateTimes('他一时冲动，有一点后悔', ref)).toEqual([]);
    expect(findDateTimes('电话13800138000', ref)).toEqual([]);
  });

  it('needs a reference for a lone time or a year-less date', () => {
    expect(findDateTimes('16时05分', undefined)).toEqual([]);
    expect(findDateTimes('3月5日', undefined)).toEqual([]);
  });

  it('gives offsets into the original text', () => {
    const text = '拘留时间：2022年11月16日14时30分许。';
    const m = one(text);
    expect(text.slice(m.start, m.end)).toBe('2022年11月16日14时30分许');
  });
});

describe('parseChineseNumeralDate', () => {
  it('reads sign-off dates', () => {
    expect(parseChineseNumeralDate('二〇二二年十一月十六日')).toBe('2022-11-16');
    expect(parseChineseNumeralDate('二〇二四年三月五日')).toBe('2024-03-05');
    expect(parseChineseNumeralDate('二〇二四年十月三十一日')).toBe('2024-10-31');
    expect(parseChineseNumeralDate('二〇二四年二月三十日')).toBeNull();
    expect(parseChineseNumeralDate('十一月十六日')).toBeNull();
  });
});

describe('findDateTimes in narrative text', () => {
  it('reads a date after a list number, with the part of day', () => {
    const [m] = findDateTimes('4.2018年5月31日凌晨2时许，被告人黄某某窜至泸溪县');
    expect(m).toMatchObject({ text: '2018年5月31日凌晨2时许', iso: '2018-05-31T02:00:00+08:00', approx: true, period: '凌晨' });
  });
  it('keeps a part of day without a clock time as a date with its period', () => {
    const [m] = findDateTimes('2017年6月28日晚，被告人');
    expect(m).toMatchObject({ text: '2017年6月28日晚', iso: '2017-06-28', time: null, period: '晚' });
  });
  it('reports month-precision mentions only on request', () => {
    expect(findDateTimes('2017年6月份的一天')).toEqual([]);
    expect(findDateTimes('2017年6月份的一天', { months: true })[0]).toMatchObject({ date: '2017-06-01', precision: 'month' });
  });
});
