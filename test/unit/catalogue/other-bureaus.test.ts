// Papers as other bureaus lay them out and word them: the person questioned named by what they
// are (犯罪嫌疑人：…), a notice sent by post or signed for by the family, the jail's own receipt
// on a warrant, a letter's close at the top of its second page, a sentence ending in a title's words.
import { describe, expect, it } from 'vitest';
import { readFields } from '../../../electron/core/catalogue/fields.js';
import { segmentDocuments, type CataloguePage } from '../../../electron/core/catalogue/segment.js';
import { matchTitle } from '../../../electron/core/catalogue/titles.js';

const pagesOf = (texts: string[]): CataloguePage[] =>
  texts.map((text, i) => ({ fileId: 1, file: '卷二.pdf', kind: 'pdf', page: i + 1, text, source: 'text-layer', confidence: null }));

describe('the person questioned, named by what they are', () => {
  const record = (lines: string[], type: 'INTERROGATION_RECORD' | 'INQUIRY_RECORD' = 'INTERROGATION_RECORD') =>
    readFields(
      type,
      [
        '讯问笔录',
        '时间：2022年11月3日9时10分至10时40分',
        '地点：某县公安局办案中心',
        '侦查员：丁立、韩冬',
        '记录员：韩冬',
        ...lines,
        '问：我们是某县公安局民警。',
        '答：知道了。',
      ].join('\n'),
      '2022-11-03',
    ).fields;

  it('reads 犯罪嫌疑人：name，男，… and 证人姓名：name 性别：…', () => {
    expect(record(['犯罪嫌疑人：罗志勇，男，1988年2月1日出生，汉族，住某县城关镇。']).subject).toBe('罗志勇');
    expect(record(['犯罪嫌疑人姓名：罗志勇　性别：男　出生日期：1988年2月1日']).subject).toBe('罗志勇');
    expect(record(['证人姓名：柯玉梅　性别：女'], 'INQUIRY_RECORD').subject).toBe('柯玉梅');
    expect(record(['被害人：柯玉梅，女，1975年出生'], 'INQUIRY_RECORD').subject).toBe('柯玉梅');
    // a Word table's label cell and value cell, no colon between
    expect(record(['犯罪嫌疑人姓名 罗志勇', '性别 男', '年龄 34岁']).subject).toBe('罗志勇');
  });

  it('does not take a sentence that opens with the role for the header field', () => {
    expect(record(['犯罪嫌疑人罗志勇因涉嫌盗窃罪于2022年11月2日被刑事拘留。']).subject ?? null).toBeNull();
  });

  it('does not take a name from the questions and answers', () => {
    const f = readFields(
      'INTERROGATION_RECORD',
      [
        '讯问笔录',
        '时间：2022年11月3日9时10分至10时40分',
        '侦查员：丁立、韩冬',
        '问：同案的是谁？',
        '答：犯罪嫌疑人：罗志勇是我表哥。',
      ].join('\n'),
      '2022-11-03',
    ).fields;
    expect(f.subject ?? null).toBeNull();
  });

  it('reads a Word header table read as label and value paragraphs apart', () => {
    const f = readFields(
      'INTERROGATION_RECORD',
      ['讯问笔录', '讯问地点：', '', '某县看守所第3讯问室', '记录员：', '', '韩冬', '侦查员：丁立、韩冬'].join('\n'),
      '2022-11-03',
    ).fields;
    expect(f).toMatchObject({ place: '某县看守所第3讯问室', recorder: '韩冬' });
  });
});

describe('notices: who they are about, and when the family had them', () => {
  const notice = (tail: string[]) =>
    readFields(
      'DETENTION_NOTICE',
      [
        '拘留通知书',
        '某公刑拘通字〔2022〕118号',
        '罗建华：',
        '根据《中华人民共和国刑事诉讼法》第八十二条之规定，我局已于2022年11月2日20时15分将涉嫌盗窃罪的罗志勇刑事拘留，现羁押在某县看守所。',
        '某县公安局',
        '二〇二二年十一月二日',
        ...tail,
      ].join('\n'),
      '2022-11-02',
    ).fields;

  it('sent by registered post: the posting is the notice', () => {
    expect(notice(['本通知书已于2022年11月3日9时40分以挂号信方式寄送罗建华。']).notifiedAt).toBe('2022-11-03T09:40:00+08:00');
  });

  it('signed for by the family: the time beside the signature', () => {
    expect(notice(['本通知书已收到。', '家属签名：罗建华　2022年11月3日8时05分']).notifiedAt).toBe('2022-11-03T08:05:00+08:00');
  });

  it('the subject of "（系被拘留人罗志勇之父）" is the detained son, not "罗志勇之父"', () => {
    const f = notice(['已于2022年11月2日22时电话通知罗建华（系被拘留人罗志勇之父）。']);
    expect(f).toMatchObject({ recipient: '罗建华', subject: '罗志勇', notifiedAt: '2022-11-02T22:00:00+08:00' });
  });

  it('an expert opinion notice dated beside the signature of the person told', () => {
    const f = readFields(
      'APPRAISAL_NOTICE',
      [
        '鉴定意见通知书',
        '罗志勇：',
        '我局指派有关人员对被盗电动车进行了价格认定，鉴定意见是：价值人民币3200元。',
        '某县公安局',
        '二〇二二年十一月五日',
        '被通知人：罗志勇（捺指印）　2022年11月6日10时20分',
      ].join('\n'),
      '2022-11-05',
    ).fields;
    expect(f.notifiedAt).toBe('2022-11-06T10:20:00+08:00');
  });

  it('a rights notice signed by the suspect at its foot: subject and time', () => {
    const f = readFields(
      'RIGHTS_NOTICE',
      [
        '犯罪嫌疑人诉讼权利义务告知书',
        '根据《中华人民共和国刑事诉讼法》的规定，犯罪嫌疑人享有下列权利：',
        '一、有权委托律师作为辩护人。',
        '以上内容我已看过。',
        '犯罪嫌疑人：罗志勇（捺指印）',
        '2022年11月2日20时40分',
      ].join('\n'),
      null,
    ).fields;
    expect(f).toMatchObject({ subject: '罗志勇', notifiedAt: '2022-11-02T20:40:00+08:00' });
  });

  it("the jail's receipt on a warrant is the time of custody", () => {
    const f = readFields(
      'DETENTION_WARRANT',
      [
        '拘留证',
        '根据《中华人民共和国刑事诉讼法》第八十二条之规定，兹决定对犯罪嫌疑人罗志勇执行拘留，送某县看守所羁押。',
        '本证已于2022年11月2日20时15分向我宣布。',
        '被拘留人：罗志勇（捺指印）',
        '看守所收到被拘留人时间：2022年11月2日22时50分',
        '接收民警：孔军',
      ].join('\n'),
      '2022-11-02',
    ).fields;
    expect(f).toMatchObject({ subject: '罗志勇', executedAt: '2022-11-02T20:15:00+08:00', custodyAt: '2022-11-02T22:50:00+08:00' });
  });

  it('a warrant whose signature OCR cut short (许露 under the fingerprint) is about the person its printed body names', () => {
    const page = [
      '拘留证',
      '根据《中华人民共和国刑事诉讼法》第八十二条之规定，兹决定对犯罪嫌疑人许',
      '露月（性别女，出生日期1983年7月28日，住址合肥市庐阳区宿州路362号）执行拘留，送合肥市看守所羁押。',
      '本证已于2024年10月1日17时02分向我宣布。',
      '被拘留人：许露（捺指印）',
    ].join('\n');
    expect(readFields('DETENTION_WARRANT', page, '2024-10-01').fields.subject).toBe('许露月');
    // Two different people (not one character apart) keep the signature's field.
    expect(readFields('DETENTION_WARRANT', page.replace('被拘留人：许露', '被拘留人：王建国'), '2024-10-01').fields.subject).toBe('王建国');
  });

  it('an extension names whom it extends', () => {
    const f = readFields(
      'DETENTION_EXTENSION',
      [
        '延长拘留期限通知书',
        '某县看守所：',
        '因犯罪嫌疑人罗志勇涉嫌盗窃一案系流窜作案，经本局负责人批准，决定将其拘留期限延长至2022年12月2日。',
      ].join('\n'),
      '2022-11-04',
    ).fields;
    expect(f).toMatchObject({ subject: '罗志勇', days: 7, ground: '流窜' });
  });
});

describe('where a document begins', () => {
  it("a sentence ending with a title's words is body text", () => {
    expect(matchTitle('提请批准逮捕。')).toBeNull();
    expect(matchTitle('拘留证。')?.exact).toBe(true);
  });

  it('a request whose close (此致 + the procuratorate) spills onto the next page stays one document', () => {
    const pages = pagesOf([
      '某县公安局\n提请批准逮捕书\n某公刑提捕字〔2022〕31号\n犯罪嫌疑人罗志勇，男，1988年2月1日出生。\n犯罪嫌疑人罗志勇的行为已涉嫌盗窃罪，依照《中华人民共和国刑事诉讼法》第八十七条之规定，特提',
      '请批准逮捕。\n此致\n某县人民检察院\n某县公安局\n二〇二二年十一月八日',
      '某县人民检察院\n批准逮捕决定书\n某检刑批捕〔2022〕40号\n某县公安局：\n你局于2022年11月8日提请批准逮捕犯罪嫌疑人罗志勇，决定批准逮捕。',
    ]);
    expect(segmentDocuments(pages).map((d) => [d.type, d.pageFrom, d.pageTo])).toEqual([
      ['ARREST_REQUEST', 1, 2],
      ['ARREST_APPROVAL', 3, 3],
    ]);
  });
});
