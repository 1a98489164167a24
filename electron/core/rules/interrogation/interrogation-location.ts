// CPL 118(2), PSR 198: once in the detention centre, a suspect is questioned only
// there; before that, in the interrogation room of a police facility, save an
// on-scene emergency or a sick, disabled or pregnant suspect questioned at home
// or in hospital.
import type { Rule, RuleFinding } from '../rule.js';
import { documentEvidence, finding, missingFact } from '../rule.js';
import { formatCaseTime } from '../../../../shared/case-time.js';
import { custodyStart } from '../records/custody.js';
import { atPolicePremises, inCustodyFacility, sessionsOf } from '../records/sessions.js';
import { around } from '../records/wording.js';

const EXCEPTION = /紧急情况|现场紧急|在现场讯问|现场讯问|伤病|就医|住院治疗|残疾|行动不便|怀孕|孕期|到其住处|在其住处/;
const ELSEWHERE = /家中|住处|住宅|住所|宾馆|酒店|车上|车内|公司|单位|饭店|茶楼|医院/;
// Taken out of the centre for a documented purpose (指认现场, 就医) under approval.
const TAKEN_OUT = /提解|提押出所|带出看守所|出所指认|指认现场|出所就医/;

export const interrogationLocation: Rule = {
  id: 'INTERROGATION_LOCATION',
  title: { zh: '讯问地点', en: 'Place of interrogation' },
  citation: '《刑事诉讼法》第一百一十八条第二款；《公安机关办理刑事案件程序规定》第一百九十八条',
  severity: 'violation',
  needs: ['讯问笔录地点', '送看守所时间'],
  evaluate(facts) {
    const out: RuleFinding[] = [];
    for (const s of sessionsOf(facts, 'interrogation')) {
      const doc = s.doc;
      const where = s.place ?? '';
      if (!s.place) {
        out.push(
          missingFact(
            this,
            { zh: '讯问地点', en: 'place of interrogation' },
            { zh: `${doc.title}（第${doc.page}页）`, en: `${doc.title} (p. ${doc.page})` },
            [documentEvidence(doc)],
            [doc.id],
          ),
        );
        continue;
      }
      const custody = s.subjectId ? custodyStart(facts, s.subjectId) : null;
      const ev = documentEvidence(doc, around(doc.text, /地点[：:]/) ?? where);
      // With a plain date on either side, only a later day is surely in custody.
      const inCustody =
        !!custody &&
        !!s.start &&
        (custody.time.hasTime && s.start.hasTime ? s.start.ms >= custody.time.ms : s.start.date > custody.time.date);
      if (custody && s.start && inCustody) {
        if (inCustodyFacility(where)) continue;
        const figures = {
          zh: `${s.subjectName ?? '犯罪嫌疑人'}已于 ${formatCaseTime(custody.time)} 送看守所羁押，${formatCaseTime(s.start)} 的讯问却在“${where}”进行（${doc.title}，第${doc.page}页）`,
          en: `${s.subjectName ?? 'the suspect'} was in the detention centre from ${formatCaseTime(custody.time)}, yet the interrogation at ${formatCaseTime(s.start)} took place at "${where}" (${doc.title}, p. ${doc.page})`,
        };
        const cev = { document: custody.document, page: custody.page, text: custody.text };
        const taken = around(doc.text, TAKEN_OUT);
        out.push(
          taken
            ? finding(
                this,
                'warning',
                {
                  zh: `${figures.zh}；笔录载明“${taken.trim()}”，请核实提解出所的审批`,
                  en: `${figures.en}; the record mentions taking the suspect out — check the approval`,
                },
                [ev, cev],
                [doc.id],
              )
            : finding(this, 'violation', figures, [ev, cev], [doc.id]),
        );
        continue;
      }
      if (atPolicePremises(where) || inCustodyFacility(where)) continue;
      const exception = around(doc.text, EXCEPTION, 20);
      // A place plainly outside any police facility, with no reason written, breaks PSR 198;
      // a place the extractor could not classify is left to the reviewer.
      const plainlyElsewhere = !exception && ELSEWHERE.test(where);
      out.push(
        finding(
          this,
          plainlyElsewhere ? 'violation' : 'warning',
          exception
            ? {
                zh: `${doc.title}（第${doc.page}页）讯问地点“${where}”不在执法办案场所讯问室；笔录载明“${exception.trim()}”，请核实是否属于现场紧急或伤病、残疾、怀孕等例外`,
                en: `${doc.title} (p. ${doc.page}) was held at "${where}", not a police interrogation room; the record gives a reason — check that it is an allowed exception`,
              }
            : {
                zh: `${doc.title}（第${doc.page}页）讯问地点“${where}”不在执法办案场所讯问室，未见例外情形的记载`,
                en: `${doc.title} (p. ${doc.page}) was held at "${where}", not a police interrogation room, and no exception is recorded`,
              },
          [ev],
          [doc.id],
        ),
      );
    }
    return out;
  },
};
