import { describe, expect, it } from 'vitest';
import { readFields } from '../../../electron/core/catalogue/fields.js';
import { earlierCasePapers, priorConvictions } from '../../../electron/core/narrative/priors.js';
import type { DocumentType } from '../../../shared/vocab.js';

const paper = (id: string, type: DocumentType, date: string | null, text = '') => ({
  id,
  type,
  date,
  fields: readFields(type, text, date).fields,
});

const EARLIER =
  '某县人民法院\n刑事判决书\n（2019）某0102刑初9号\n被告人周某某，男。因涉嫌犯盗窃罪于2019年3月6日被刑事拘留。\n判决如下：\n被告人周某某犯盗窃罪，判处有期徒刑一年，并处罚金人民币一千元。\n二〇一九年八月一日';
const OPINION =
  '某市公安局\n起诉意见书\n犯罪嫌疑人周某某，男。曾因犯诈骗罪于2015年6月2日被某县人民法院判处有期徒刑六个月。因涉嫌盗窃罪于2024年3月5日被我局刑事拘留。\n二〇二四年四月二十日';

describe('priorConvictions', () => {
  it("takes an earlier case's judgment in the file, and the convictions a narrative tells, as the person's past", () => {
    const docs = [
      paper('d1', 'CASE_FILING', '2024-03-05'),
      paper('d2', 'DETENTION_WARRANT', '2024-03-05'),
      paper('d3', 'JUDGMENT', '2019-08-01', EARLIER),
      paper('d4', 'PROSECUTION_OPINION', '2024-04-20', OPINION),
    ];
    expect([...earlierCasePapers(docs)]).toEqual(['d3']);
    expect(priorConvictions(docs).map((p) => `${p.person} ${p.date} ${p.charge} ${p.sentence} ${p.document}`)).toEqual([
      '周某某 2019-08-01 盗窃罪 判处有期徒刑一年，并处罚金人民币一千元 d3',
      '周某某 2015-06-02 诈骗罪 判处有期徒刑六个月 d4',
    ]);
  });

  it("does not take a case's own judgment for its past", () => {
    const own = paper('d3', 'JUDGMENT', '2024-09-01', EARLIER.replace('二〇一九年八月一日', '二〇二四年九月一日'));
    const docs = [paper('d1', 'CASE_FILING', '2024-03-05'), own];
    expect(earlierCasePapers(docs).size).toBe(0);
    expect(priorConvictions(docs)).toEqual([]);
    // A judgment alone in a folder is the case itself.
    expect(earlierCasePapers([paper('d1', 'JUDGMENT', '2019-08-01', EARLIER)]).size).toBe(0);
  });
});
