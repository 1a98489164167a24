import { describe, expect, it } from 'vitest';
import {
  documentDate,
  flowText,
  looseChineseDate,
  readDocumentNumber,
  readFields,
  readSignOffDate,
} from '../../../electron/core/catalogue/fields.js';
import { VOLUME_PAGES } from './volume.js';

describe('document number', () => {
  it('reads the number whichever brackets hold the year', () => {
    expect(readDocumentNumber('绍兴市公安局越城区分局\n拘留证\n绍越公（刑）拘字〔2024〕0211号')).toBe('绍越公（刑）拘字〔2024〕0211号');
    expect(readDocumentNumber('立案决定书\n越公（刑）立字[2023]0133号')).toBe('越公（刑）立字[2023]0133号');
    expect(readDocumentNumber('提请批准逮捕书\n柯公（刑）提捕字（2024）0098号')).toBe('柯公（刑）提捕字（2024）0098号');
    expect(readDocumentNumber('鉴定意见书\n绍越价认〔2023〕0934号')).toBe('绍越价认〔2023〕0934号');
    expect(readDocumentNumber('批准逮捕决定书\n虞检刑批捕〔2024〕0045号')).toBe('虞检刑批捕〔2024〕0045号');
  });

  it('finds none on a record, and does not take a statute article for one', () => {
    expect(readDocumentNumber(VOLUME_PAGES[4] ?? '')).toBeNull();
    expect(readDocumentNumber('根据《中华人民共和国刑事诉讼法》第八十二条之规定，兹决定')).toBeNull();
  });
});

describe('sign-off date', () => {
  it('reads the Chinese-numeral date under the seal, however OCR writes 〇', () => {
    expect(readSignOffDate('……特提请批准逮捕。\n此致\n绍兴市越城区人民检察院\n二〇二四年三月十一日')).toBe('2024-03-11');
    expect(readSignOffDate('公安局（印）\n二○二二年十一月十六日')).toBe('2022-11-16');
    expect(readSignOffDate('公安局（印）\n二O二二年十二月三十一日')).toBe('2022-12-31');
    expect(readSignOffDate('公安局（印）\n二零二三年六月二十日')).toBe('2023-06-20');
  });

  it('reads a seal date OCR has damaged, when only one reading fits', () => {
    expect(readSignOffDate('绍兴市越城区人民检察院\n二 〇二三年六月二十四日')).toBe('2023-06-24');
    expect(looseChineseDate('二〇二四年三口十一日', new Set())).toBe('2024-03-11');
    expect(looseChineseDate('二〇二四三月五日', new Set())).toBe('2024-03-05');
    expect(looseChineseDate('二〇口四年三月五日', new Set([2024]))).toBe('2024-03-05');
    // A year digit lost with no year in the text to restore it from: no date rather than a guess.
    expect(looseChineseDate('二〇口四年三月五日', new Set())).toBeNull();
    // A day digit lost: 二十己日 could be the 20th or the 2x-th.
    expect(looseChineseDate('二〇二三年六月二十己日', new Set([2023]))).toBeNull();
  });

  it('gives a form without a readable seal date no date rather than its first date', () => {
    expect(
      documentDate('ARREST_REQUEST', '提请批准逮捕书\n犯罪嫌疑人张伟，男，1990年5月3日出生。\n此致\n绍兴市越城区人民检察院'),
    ).toBeNull();
  });

  it('prefers the seal date to times written after it', () => {
    // The 拘留证 is signed on the 5th; the execution line after it also says the 5th, the notice the 6th.
    expect(readSignOffDate(VOLUME_PAGES[3] ?? '')).toBe('2024-03-06');
    expect(documentDate('DETENTION_WARRANT', VOLUME_PAGES[2] ?? '')).toBe('2024-03-05');
  });

  it('dates a record by its session, not by a date in its answers', () => {
    expect(documentDate('INTERROGATION_RECORD', `${VOLUME_PAGES[4] ?? ''}\n${VOLUME_PAGES[5] ?? ''}`)).toBe('2024-03-05');
  });
});

describe('record header', () => {
  it('reads the session interval, place, officers, recorder, subject and session number', () => {
    const { fields } = readFields('INTERROGATION_RECORD', `${VOLUME_PAGES[4] ?? ''}\n${VOLUME_PAGES[5] ?? ''}`, '2024-03-05');
    expect(fields).toMatchObject({
      start: '2024-03-05T14:30:00+08:00',
      end: '2024-03-05T16:05:00+08:00',
      place: '越城区分局执法办案中心第三讯问室',
      investigators: ['郑凯', '冯磊'],
      recorder: '冯磊',
      subject: '张伟',
      session: 1,
      rightsNotified: true,
    });
  });

  it('resolves 至次日 past midnight', () => {
    const { fields } = readFields('INQUIRY_RECORD', VOLUME_PAGES[6] ?? '', '2024-03-05');
    expect(fields.start).toBe('2024-03-05T22:30:00+08:00');
    expect(fields.end).toBe('2024-03-06T01:10:00+08:00');
    expect(fields.subject).toBe('李秀英');
    expect(fields.session).toBeNull();
  });

  it('reads the "姓名、单位" header of the printed form, a guardian, and a second session in Chinese numerals', () => {
    const text = [
      '讯问笔录',
      '（第二次）',
      '时间：２０２４年３月６日下午２时至同日１６时５分',
      '地点：绍兴市看守所第3讯问室',
      '侦查员姓名、单位：俞强、许子豪 绍兴市公安局越城区分局刑事侦查大队',
      '记录员姓名、单位：王文彬 绍兴市公安局越城区分局刑事侦查大队',
      '被讯问人姓名：金宇航 性别：男 出生日期：2007年4月8日',
      '法定代理人：金国平（系金宇航之父亲），联系电话13857512345',
      '问：你以前讲的是否属实？有无补充？',
    ].join('\n');
    const { fields } = readFields('INTERROGATION_RECORD', text, null);
    expect(fields).toMatchObject({
      start: '2024-03-06T14:00:00+08:00',
      end: '2024-03-06T16:05:00+08:00',
      place: '绍兴市看守所第3讯问室',
      investigators: ['俞强', '许子豪'],
      recorder: '王文彬',
      subject: '金宇航',
      session: 2,
      attendees: [{ role: '法定代理人', name: '金国平' }],
    });
  });
});

describe('form fields', () => {
  it('reads a detention warrant: subject, execution and jail times, executors', () => {
    const { fields } = readFields('DETENTION_WARRANT', VOLUME_PAGES[2] ?? '', '2024-03-05');
    expect(fields).toMatchObject({
      subject: '张伟',
      executedAt: '2024-03-05T12:20:00+08:00',
      custodyAt: '2024-03-05T15:40:00+08:00',
      executors: ['郑凯', '冯磊'],
    });
  });

  it('reads a printed row where the time follows the date after a space', () => {
    const text = '拘留证\n被拘留人：郑明辉\n执行人 俞强 许子豪 执行时间 2023年6月16日 13:27\n送看守所时间 2023年6月16日15时46分';
    const { fields } = readFields('DETENTION_WARRANT', text, '2023-06-16');
    expect(fields.executedAt).toBe('2023-06-16T13:27:00+08:00');
    expect(fields.executors).toEqual(['俞强', '许子豪']);
  });

  it('reads a detention notice: recipient, notice time, the detention time it restates, and the jail', () => {
    const { fields } = readFields('DETENTION_NOTICE', VOLUME_PAGES[3] ?? '', '2024-03-06');
    expect(fields).toMatchObject({
      recipient: '王秀兰',
      subject: '张伟',
      notifiedAt: '2024-03-06T09:30:00+08:00',
      executedAt: '2024-03-05T12:50:00+08:00',
      place: '绍兴市看守所',
    });
    expect(fields.exception).toBeUndefined();
  });

  it('reads a labelled time whose label OCR has damaged', () => {
    const text = '拘留通知书\n王秀兰：\n通知时口：2024年3月6日9时30分\n被通知人：王秀兰';
    expect(readFields('DETENTION_NOTICE', text, '2024-03-06').fields.notifiedAt).toBe('2024-03-06T09:30:00+08:00');
  });

  it('records an exception the notice states', () => {
    const text = '拘留通知书\n因无法通知家属（犯罪嫌疑人拒绝提供家属信息），未通知。\n二〇二四年三月六日';
    expect(readFields('DETENTION_NOTICE', text, '2024-03-06').fields.exception).toMatch(/^无法通知/);
  });

  it('reads the bail start, term and deposit', () => {
    const text =
      '取保候审决定书\n我局正在侦查张伟盗窃案，根据《中华人民共和国刑事诉讼法》第六十七条之规定，决定对其取保候审，期限从2024年3月8日起算。\n犯罪嫌疑人应当接受保证金人民币5,000元（伍仟元整）。';
    expect(readFields('BAIL', text, '2024-03-08').fields).toMatchObject({ start: '2024-03-08', deposit: '5000' });
  });

  it('joins a paragraph wrapped in the middle of a date', () => {
    const text =
      '根据《中华人民共和国刑事诉讼法》第一百一十九条之规定，兹传唤你于2023\n年6月16日9时10分到绍兴市公安局越城区分局执法办案中心接受讯问。';
    expect(flowText(text)).toContain('于2023年6月16日9时10分到');
  });
});
