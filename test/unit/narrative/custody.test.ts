// The custody history a narrative tells, on paragraphs written for these tests in the styles of
// judgments, indictments and police opinions.
import { describe, expect, it } from 'vitest';
import { readCustodyHistory } from '../../../electron/core/narrative/custody.js';

const pairs = (text: string, ref?: string) => readCustodyHistory(text, ref).measures.map((m) => `${m.person ?? '?'} ${m.type} ${m.date}`);

describe('readCustodyHistory', () => {
  it('reads each defendant of a judgment apart, with 同年 and 次日 resolved', () => {
    const text =
      '某县人民法院 刑事判决书 （2021）某0102刑初58号 公诉机关某县人民检察院。 ' +
      '被告人马小军，男，1990年4月2日出生，汉族，初中文化，住某县城关镇。因涉嫌犯盗窃罪于2021年2月3日被某县公安局刑事拘留，同年3月9日经某县人民检察院批准逮捕，次日由某县公安局执行逮捕。现羁押于某县看守所。 ' +
      '辩护人王律，某律师事务所律师。 ' +
      '被告人牛大力，男，1988年11月20日出生，汉族，小学文化，住某县。因涉嫌犯盗窃罪于2021年2月5日被某县公安局刑事拘留，同月11日被取保候审。 ' +
      '某县人民检察院以某检刑诉（2021）77号起诉书指控被告人马小军、牛大力犯盗窃罪，于2021年5月6日向本院提起公诉。';
    expect(pairs(text)).toEqual([
      '马小军 DETENTION 2021-02-03',
      '马小军 ARREST_APPROVED 2021-03-09',
      '马小军 ARREST 2021-03-10',
      '牛大力 DETENTION 2021-02-05',
      '牛大力 BAIL 2021-02-11',
    ]);
    expect(readCustodyHistory(text).parties.map((p) => p.name)).toEqual(['马小军', '牛大力']);
  });

  it('reads dates in Chinese numerals and 同日', () => {
    const text =
      '犯罪嫌疑人杜某某，男，汉族。因涉嫌诈骗罪于二〇二三年十月八日被我局刑事拘留，同日送某市看守所羁押，二〇二三年十月十五日经某区人民检察院批准逮捕，同日由我局执行逮捕。';
    expect(pairs(text)).toEqual(['杜某某 DETENTION 2023-10-08', '杜某某 ARREST_APPROVED 2023-10-15', '杜某某 ARREST 2023-10-15']);
  });

  it('leaves out the earlier life: convictions served, administrative detentions, a penalty in the same clause', () => {
    const text =
      '被告人单某，男，1979年6月1日出生。曾因犯抢劫罪于2009年3月2日被某市人民法院判处有期徒刑五年，2013年9月1日刑满释放；' +
      '因吸毒于2019年7月7日被某市公安局行政拘留十日。因涉嫌犯贩卖毒品罪于2020年8月8日被刑事拘留，同年9月14日被逮捕。';
    expect(pairs(text)).toEqual(['单某 DETENTION 2020-08-08', '单某 ARREST 2020-09-14']);
    const priors = readCustodyHistory(text).priors;
    expect(priors).toHaveLength(1);
    expect(priors[0]).toMatchObject({ person: '单某', date: '2009-03-02', charge: '抢劫罪' });
    expect(priors[0]?.sentence).toContain('有期徒刑五年');
  });

  it('does not take a charge named after a judgment (拒不执行判决、裁定罪) for an earlier conviction', () => {
    const text = '被告人甘某某，男。因涉嫌犯拒不执行判决、裁定罪于2019年5月6日被某县公安局刑事拘留，同年5月8日被取保候审。';
    expect(pairs(text)).toEqual(['甘某某 DETENTION 2019-05-06', '甘某某 BAIL 2019-05-08']);
    expect(readCustodyHistory(text).priors).toEqual([]);
  });

  it('gives a measure told of "上述两被告人" to every party', () => {
    const text =
      '被告人范某甲，男，汉族。 被告人范某乙，女，汉族。 辩护人李某，律师。 上述两被告人因涉嫌犯非法经营罪于2018年12月3日被某市公安局刑事拘留，2019年1月9日被执行逮捕。现均押于某市看守所。';
    expect(pairs(text)).toEqual([
      '范某甲 DETENTION 2018-12-03',
      '范某乙 DETENTION 2018-12-03',
      '范某甲 ARREST 2019-01-09',
      '范某乙 ARREST 2019-01-09',
    ]);
  });

  it("takes a court's own decision to arrest as the arrest, and a procuratorate's approval as approval", () => {
    const court =
      '被告人葛某，男。因涉嫌犯危险驾驶罪于2020年1月2日被某县公安局取保候审，2020年4月7日经本院决定逮捕，次日由某县公安局执行逮捕。';
    expect(pairs(court)).toEqual(['葛某 BAIL 2020-01-02', '葛某 ARREST 2020-04-07', '葛某 ARREST 2020-04-08']);
    const approval = '被告人邢某，男。因涉嫌犯故意伤害罪于2020年1月2日被刑事拘留，2020年1月20日经某区人民检察院批准被逮捕。';
    expect(pairs(approval)).toEqual(['邢某 DETENTION 2020-01-02', '邢某 ARREST 2020-01-20']);
  });

  it('does not take a request, a refusal or the name of a paper for a measure', () => {
    const text =
      '犯罪嫌疑人韩某，男。因涉嫌盗窃罪于2022年3月1日被我局刑事拘留，2022年3月4日我局提请某区人民检察院批准逮捕，2022年3月10日某区人民检察院不批准逮捕，同日我局将其释放。拘留证、逮捕证、释放证明书附卷。';
    expect(pairs(text)).toEqual(['韩某 DETENTION 2022-03-01', '韩某 RELEASED 2022-03-10']);
  });

  it('marks a residential surveillance at a designated place, and reads a measure changed', () => {
    const text = '犯罪嫌疑人严某某，男。因涉嫌行贿罪于2021年6月1日被指定居所监视居住，2021年7月2日变更为取保候审。';
    const h = readCustodyHistory(text);
    expect(h.measures.map((m) => `${m.type} ${m.date}${m.designated ? ' designated' : ''}`)).toEqual([
      'RESIDENTIAL_SURVEILLANCE 2021-06-01 designated',
      'MEASURE_CHANGED 2021-07-02',
      'BAIL 2021-07-02',
    ]);
  });

  it('keeps the hour of an apprehension and attributes a body sentence by the name it gives', () => {
    const text = '抓获经过\n2024年3月5日9时许，民警在某镇某村将犯罪嫌疑人钱某某抓获，并于同日11时将其带回派出所。';
    const h = readCustodyHistory(text);
    expect(h.measures.map((m) => `${m.person} ${m.type} ${m.date}`)).toEqual(['钱某某 APPREHENDED 2024-03-05T09:00:00+08:00']);
  });

  it('takes a bare 执行 after an approval for the arrest, and nothing else for it', () => {
    expect(
      pairs('被告人柏某，男。因涉嫌犯虚假诉讼罪，于2019年8月9日被批准逮捕，同月24日由某市公安局执行，同年9月19日被取保候审。'),
    ).toEqual(['柏某 ARREST_APPROVED 2019-08-09', '柏某 ARREST 2019-08-24', '柏某 BAIL 2019-09-19']);
    expect(pairs('被告人柏某，男。因涉嫌犯盗窃罪于2019年8月9日被刑事拘留，同月24日由某市公安局执行。')).toEqual([
      '柏某 DETENTION 2019-08-09',
    ]);
  });

  it('resolves 次日 from the document date when no full date precedes it', () => {
    expect(pairs('犯罪嫌疑人童某于当日被我局刑事拘留。', '2024-05-06')).toEqual(['童某 DETENTION 2024-05-06']);
  });
});

describe("the case's start in the police's narratives", () => {
  const acts = (text: string, caseActs: boolean) =>
    readCustodyHistory(text, '2022-12-20', { caseActs })
      .measures.filter((m) => m.type === 'REPORT' || m.type === 'CASE_FILED')
      .map((m) => `${m.person ?? '?'} ${m.type} ${m.date}`);
  const opinion =
    '犯罪嫌疑人邱海涛，男，1991年7月9日出生。犯罪嫌疑人邱海涛因涉嫌诈骗罪于2022年10月12日被我局刑事拘留。' +
    '犯罪嫌疑人吕晓燕，女，1993年1月2日出生。犯罪嫌疑人吕晓燕因涉嫌诈骗罪于2022年10月12日被我局刑事拘留。' +
    '犯罪嫌疑人邱海涛、吕晓燕涉嫌诈骗一案，由被害人甘莉于2022年10月8日报案至我局，我局经审查，于次日立案侦查。';

  it('reads the report and the filing, for every suspect the paper names', () => {
    expect(acts(opinion, true)).toEqual([
      '邱海涛 REPORT 2022-10-08',
      '吕晓燕 REPORT 2022-10-08',
      '邱海涛 CASE_FILED 2022-10-09',
      '吕晓燕 CASE_FILED 2022-10-09',
    ]);
  });

  it('a case the police found themselves: 工作中发现 is its intake', () => {
    expect(acts('2022年9月30日，我局在工作中发现犯罪嫌疑人邱海涛涉嫌贩卖毒品。我局经审查，于同日立案侦查。', true)).toEqual([
      '邱海涛 REPORT 2022-09-30',
      '邱海涛 CASE_FILED 2022-09-30',
    ]);
  });

  it("reads neither where not asked (a judgment's account of the crime) nor a 报案人 or a 立案决定书", () => {
    expect(acts(opinion, false)).toEqual([]);
    expect(acts('2022年10月8日，报案人甘莉的陈述及立案决定书在卷。', true)).toEqual([]);
  });
});
