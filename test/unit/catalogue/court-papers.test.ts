// Court and procuratorate papers in the catalogue, with their fields: written for these tests in
// the layouts such papers come in (one paragraph per line, or a whole judgment on one line).
import { describe, expect, it } from 'vitest';
import { readFields } from '../../../electron/core/catalogue/fields.js';
import { segmentDocuments, type CataloguePage } from '../../../electron/core/catalogue/segment.js';

const page = (text: string, kind: CataloguePage['kind'] = 'txt'): CataloguePage => ({
  fileId: 1,
  file: 'a.txt',
  kind,
  page: 1,
  text,
  source: 'txt',
  confidence: null,
});
const one = (text: string, kind: CataloguePage['kind'] = 'txt') => {
  const docs = segmentDocuments([page(text, kind)]);
  expect(docs).toHaveLength(1);
  return docs[0]!;
};

const JUDGMENT = [
  '某省某市某区人民法院',
  '刑 事 判 决 书',
  '（2022）某0104刑初311号',
  '公诉机关某市某区人民检察院。',
  '被告人常某某，男，1992年3月8日出生，汉族，初中文化，无业，住某市某区。曾因犯盗窃罪于2017年5月4日被某市某区人民法院判处有期徒刑八个月。因涉嫌犯盗窃罪于2022年1月15日被某市公安局某区分局刑事拘留，同年2月20日被逮捕。现羁押于某市看守所。',
  '被告人樊某，男，1995年7月9日出生，汉族，高中文化，住某市某县。因涉嫌犯盗窃罪于2022年1月15日被某市公安局某区分局刑事拘留，同年1月29日被取保候审。',
  '某市某区人民检察院以某检刑诉〔2022〕208号起诉书指控被告人常某某、樊某犯盗窃罪，于2022年5月10日向本院提起公诉。本院依法适用简易程序，公开开庭审理了本案。',
  '经审理查明：2021年12月，被告人常某某伙同樊某在某区盗窃电动自行车三辆。',
  '本院认为，被告人常某某、樊某以非法占有为目的，秘密窃取他人财物，其行为均已构成盗窃罪。判决如下：',
  '一、被告人常某某犯盗窃罪，判处有期徒刑一年二个月，并处罚金人民币三千元。',
  '二、被告人樊某犯盗窃罪，判处拘役五个月，缓刑六个月，并处罚金人民币二千元。',
  '审判员　某某',
  '二〇二二年六月二日',
].join('\n');

describe('court papers in the catalogue', () => {
  it('types a judgment with a spaced title and reads its number, court, parties, charges and sentences', () => {
    const d = one(JUDGMENT);
    expect(d).toMatchObject({ type: 'JUDGMENT', title: '刑事判决书', number: '（2022）某0104刑初311号', date: '2022-06-02' });
    expect(d.fields).toMatchObject({
      issuer: '某省某市某区人民法院',
      parties: ['常某某', '樊某'],
      charges: ['盗窃罪'],
      indictedAt: '2022-05-10',
      sentences: [
        { person: '常某某', charge: '盗窃罪', penalty: '判处有期徒刑一年二个月，并处罚金人民币三千元' },
        { person: '樊某', charge: '盗窃罪', penalty: '判处拘役五个月，缓刑六个月，并处罚金人民币二千元' },
      ],
    });
    expect(d.fields.custody?.map((c) => `${c.person} ${c.type} ${c.date}`)).toEqual([
      '常某某 DETENTION 2022-01-15',
      '常某某 ARREST 2022-02-20',
      '樊某 DETENTION 2022-01-15',
      '樊某 BAIL 2022-01-29',
    ]);
    expect(d.fields.priors).toEqual([expect.objectContaining({ person: '常某某', date: '2017-05-04', charge: '盗窃罪' })]);
  });

  it('finds the title of a judgment kept on one line, before the numbers the text cites', () => {
    const d = one(JUDGMENT.replace(/\n/g, ' '));
    expect(d).toMatchObject({ type: 'JUDGMENT', number: '（2022）某0104刑初311号' });
    expect(d.fields.custody).toHaveLength(4);
  });

  it('types the procuratorate papers and a plea agreement', () => {
    expect(
      one(
        '某市某区人民检察院\n起诉书\n某检刑诉〔2022〕208号\n被告人常某某，男。因涉嫌盗窃罪于2022年1月15日被刑事拘留。\n本院认为，被告人常某某的行为已触犯《中华人民共和国刑法》第二百六十四条，应当以盗窃罪追究其刑事责任。\n二〇二二年五月九日',
      ),
    ).toMatchObject({ type: 'INDICTMENT', date: '2022-05-09', fields: { charges: ['盗窃罪'], parties: ['常某某'] } });
    expect(
      one(
        '某市某区人民检察院\n不起诉决定书\n某检刑不诉〔2022〕12号\n被不起诉人樊某，男。因涉嫌盗窃罪于2022年1月15日被刑事拘留。\n二〇二二年五月九日',
      ).type,
    ).toBe('NON_PROSECUTION');
    expect(one('认罪认罚具结书\n一、犯罪嫌疑人身份信息\n本人姓名樊某\n二、权利知悉\n本人已阅读并理解以上内容').type).toBe('PLEA_AGREEMENT');
    expect(one('某市某区人民检察院\n量刑建议书\n建议判处被告人樊某拘役五个月').type).toBe('SENTENCING_RECOMMENDATION');
    expect(
      one(
        '某市某区人民法院\n刑事裁定书\n（2022）某01刑终45号\n上诉人（原审被告人）常某某，男。\n裁定如下：\n驳回上诉，维持原判。\n二〇二二年九月一日',
      ).type,
    ).toBe('RULING');
  });

  it('reads a police narrative: 抓获经过 and 呈请拘留报告书 have types of their own', () => {
    const arrest = readFields('NARRATIVE', '抓获经过\n2024年3月5日9时许，民警在某镇将犯罪嫌疑人钱某某抓获。\n特此说明。', '2024-03-05');
    expect(arrest.fields.custody?.map((c) => `${c.person} ${c.type} ${c.date}`)).toEqual(['钱某某 APPREHENDED 2024-03-05T09:00:00+08:00']);
    expect(one('某市公安局某分局\n呈请拘留报告书\n犯罪嫌疑人钱某某，男。\n妥否，请批示。', 'pdf').type).toBe('DETENTION_REQUEST');
  });
});
