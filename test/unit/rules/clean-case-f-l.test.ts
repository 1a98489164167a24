// A procedurally correct theft case, written the way the file shows it: the rules
// of sections F–L must find nothing in it, and each planted defect must be found
// by the rule meant for it.
import { describe, expect, it } from 'vitest';
import { ALL_RULES, evaluateRules } from '../../../electron/core/rules/index.js';
import { RULE_IDS } from '../../../electron/core/rules/ids.js';
import type { CaseFacts } from '../../../electron/core/rules/facts.js';
import { idCheckChar } from '../../../electron/core/extract/validate.js';
import { at, newCase } from './facts-builder.js';
import { inquiry, interrogation, RIGHTS_READ } from './facts-builder-more.js';

const F_TO_L = RULE_IDS.slice(RULE_IDS.indexOf('INTERROGATION_TWO_INVESTIGATORS'));
const mine = ALL_RULES.filter((r) => (F_TO_L as readonly string[]).includes(r.id));
const id = (first17: string) => first17 + idCheckChar(first17);
const ZHANG = id('33060219900503001');
const LI = id('33060219851120002');

function cleanCase(): CaseFacts {
  const b = newCase({ charge: '盗窃罪', reviewDate: '2024-06-01' });
  const p = b.person('张三', { idNumber: ZHANG, birthDate: '1990-05-03', gender: '男' });
  const w = b.person('李四', { role: 'WITNESS', idNumber: LI, gender: '女' });
  b.person('王警官', { role: 'OFFICER' });
  b.person('李警官', { role: 'OFFICER' });
  b.event('OFFENCE', at('2024-03-04 21:00'), { subjects: [p] });
  b.doc('REPORT_REGISTRATION', { date: '2024-03-04' });
  b.doc('CASE_FILING', { date: '2024-03-05' });
  b.event('APPREHENDED', at('2024-03-05 09:00'), { subjects: [p] });
  interrogation(b, {
    subject: '张三',
    subjectId: p,
    start: '2024-03-05 09:30',
    end: '2024-03-05 11:00',
    session: 1,
    body: `问：你的身份情况？答：我叫张三，出生日期：1990年5月3日，身份证号${ZHANG}。问：你把事情经过讲一下。答：三月四号晚上九点我在幸福路超市拿了两瓶白酒没有付钱，骑电动车走了。`,
  });
  b.doc('OTHER', { title: '呈请拘留报告书', date: '2024-03-05' });
  b.act('DETENTION_WARRANT', 'DETENTION', at('2024-03-05 12:00'), {
    fields: { custodyAt: at('2024-03-05 15:00') },
    event: { subjects: [p] },
  });
  b.act('DETENTION_NOTICE', 'FAMILY_NOTIFIED', at('2024-03-05 18:00'));
  inquiry(b, {
    subject: '李四',
    subjectId: w,
    start: '2024-03-05 13:00',
    end: '2024-03-05 14:00',
    body: '问：你看到了什么？答：我是超市收银员，三月四号晚上九点左右，看见一个穿黑夹克的男子拿着两瓶白酒没结账就往门外走，我喊他站住，他骑上门口一辆红色电动车往东跑了。',
  });
  b.doc('SEARCH_WARRANT', { date: '2024-03-05' });
  b.act('SEARCH_RECORD', 'SEARCH', at('2024-03-05 16:00'), {
    text: '搜查笔录 在其床底下查获白酒2瓶，当场扣押。见证人：赵六',
    fields: {
      start: at('2024-03-05 16:00'),
      end: at('2024-03-05 17:00'),
      place: '张三住处',
      subject: '张三',
      subjectId: p,
      investigators: ['王警官', '李警官'],
      attendees: [{ role: '见证人', name: '赵六' }],
    },
  });
  b.doc('SEIZURE_LIST', {
    date: '2024-03-05',
    text: '扣押清单 白酒 2瓶 持有人：张三 见证人：赵六',
    fields: { investigators: ['王警官', '李警官'] },
  });
  b.doc('SEIZURE_DECISION', { date: '2024-03-05' });
  interrogation(b, {
    subject: '张三',
    subjectId: p,
    start: '2024-03-06 09:00',
    end: '2024-03-06 10:00',
    session: 2,
    place: '城关看守所讯问室',
    body: '问：你还有什么要补充的？答：没有了。问：白酒后来放在哪里？答：放在家里床底下，后来被你们扣押了。',
  });
  b.doc('OTHER', { title: '鉴定聘请书', date: '2024-03-06' });
  b.doc('APPRAISAL', { title: '价格认定结论书', date: '2024-03-07' });
  b.doc('APPRAISAL_NOTICE', { date: '2024-03-08', text: '鉴定意见通知书 犯罪嫌疑人张三' });
  b.doc('ARREST_REQUEST', { date: '2024-03-08' });
  b.doc('ARREST_APPROVAL', { date: '2024-03-12' });
  b.act('ARREST_WARRANT', 'ARREST', at('2024-03-12 16:00'), { event: { subjects: [p] } });
  b.doc('ARREST_NOTICE', { date: '2024-03-13' });
  interrogation(b, {
    subject: '张三',
    subjectId: p,
    start: '2024-03-13 09:00',
    end: '2024-03-13 10:00',
    session: 3,
    place: '城关看守所讯问室',
    body: '问：你对逮捕有什么意见？答：我认罪。',
  });
  b.doc('PROSECUTION_OPINION', { date: '2024-04-20', text: '起诉意见书 …… 局长批准' });
  b.doc('OTHER', { title: '随案移送清单', date: '2024-04-20' });
  b.doc('OTHER', { title: '结案报告', date: '2024-04-20' });
  return b.build();
}

describe('sections F–L on a clean case', () => {
  it('registers every F–L rule once', () => {
    expect(mine.map((r) => r.id)).toEqual([...F_TO_L]);
  });

  it('finds nothing in a procedurally correct case', () => {
    expect(evaluateRules(cleanCase(), mine)).toEqual([]);
  });

  it('finds each planted defect with the rule meant for it, and nothing else', () => {
    const plant = (f: (c: CaseFacts) => void) => {
      const c = cleanCase();
      f(c);
      return [...new Set(evaluateRules(c, mine).map((x) => `${x.severity === 'violation' ? 'V' : 'W'} ${x.rule}`))].sort();
    };
    const record = (c: CaseFacts, n: number) => c.documents.filter((d) => d.type === 'INTERROGATION_RECORD')[n]!;
    expect(
      plant((c) => {
        record(c, 1).fields.investigators = ['王警官'];
      }),
    ).toEqual(['V INTERROGATION_TWO_INVESTIGATORS']);
    expect(
      plant((c) => {
        record(c, 0).text = record(c, 0).text.replace('以上笔录我看过，和我说的相符。', '');
      }),
    ).toEqual(['V RECORD_CONFIRMATION']);
    expect(
      plant((c) => {
        record(c, 1).fields.place = '城关派出所';
      }),
    ).toEqual(['V INTERROGATION_LOCATION']);
    expect(
      plant((c) => {
        c.documents = c.documents.filter((d) => d.type !== 'APPRAISAL_NOTICE');
      }),
    ).toEqual(['V APPRAISAL_NOTICE']);
    expect(
      plant((c) => {
        c.documents.find((d) => d.type === 'ARREST_WARRANT')!.date = '2024-03-11';
      }),
    ).toEqual(['W DOCUMENT_DATE_ORDER']);
    expect(
      plant((c) => {
        c.persons[0]!.idNumber = ZHANG.slice(0, 17) + (ZHANG.endsWith('3') ? '4' : '3');
      }),
    ).toEqual(['W IDENTITY_CONSISTENCY']);
    expect(
      plant((c) => {
        c.documents = c.documents.filter((d) => d.type !== 'DETENTION_NOTICE');
        c.events = c.events.filter((e) => e.type !== 'FAMILY_NOTIFIED');
      }),
    ).toEqual(['V REQUIRED_DOCUMENTS']);
    expect(
      plant((c) => {
        const w = c.documents.find((d) => d.type === 'INQUIRY_RECORD')!;
        w.fields.start = at('2024-03-05 10:00');
        w.fields.end = at('2024-03-05 10:45');
      }),
    ).toEqual(['V TIME_CONFLICT_OFFICER']);
    expect(
      plant((c) => {
        record(c, 0).text = record(c, 0).text.replace(RIGHTS_READ, '');
      }),
    ).toEqual(['V RIGHTS_NOTICE']);
    expect(
      plant((c) => {
        c.persons[1]!.idNumber = null;
        c.persons[1]!.birthDate = '2008-01-01';
      }),
    ).toEqual(['V MINOR_FEMALE_STAFF', 'V MINOR_GUARDIAN_PRESENT']);
    expect(
      plant((c) => {
        const w = c.documents.find((d) => d.type === 'INQUIRY_RECORD')!;
        record(c, 1).text += w.text.slice(w.text.indexOf('问：你看到了什么'), w.text.indexOf('以上笔录'));
      }),
    ).toEqual(['W STATEMENT_DUPLICATION']);
  });
});
