// ARREST_REVIEW_7D — for a detained suspect the procuratorate decides on the arrest
// request within 7 days of receiving it (CPL 91(3); SPP 282).
import type { OccurrenceSpec } from '../occurrences.js';
import type { CaseFacts } from '../facts.js';
import { DETENTION, atOrAfter, attribute, first, occurrences, ofPerson, perPerson, principal, who } from '../occurrences.js';
import { fieldTime } from '../occurrences.js';
import type { Rule, RuleFinding } from '../rule.js';
import { finding, missingFact } from '../rule.js';
import { dayDeadline, daysBetween } from '../../../../shared/case-time.js';
import { LEGAL_DEADLINES } from '../../../../shared/deadlines.js';

const rule: Rule = {
  id: 'ARREST_REVIEW_7D',
  title: { zh: '检察院七日内作出批准逮捕决定', en: 'Arrest decided within 7 days of the request' },
  citation: '《刑事诉讼法》第九十一条第三款；《人民检察院刑事诉讼规则》第二百八十二条',
  severity: 'violation',
  needs: ['提请批准逮捕书（检察院收到日期）', '批准/不批准逮捕决定书（日期）'],
  evaluate,
};
export default rule;

const REQUEST = {
  events: ['ARREST_REQUESTED' as const],
  documents: ['ARREST_REQUEST' as const],
  fields: ['requestedAt'],
  useDocumentDate: true,
} satisfies OccurrenceSpec;
const DECISION = {
  events: ['ARREST_APPROVED' as const],
  documents: ['ARREST_APPROVAL' as const],
  titles: /不批准逮捕决定/,
  fields: ['approvedAt'],
  useDocumentDate: true,
} satisfies OccurrenceSpec;

function evaluate(facts: CaseFacts): RuleFinding[] {
  const out: RuleFinding[] = [];
  const detentions = attribute(facts, occurrences(facts, DETENTION));
  const decisions = attribute(facts, occurrences(facts, DECISION));
  for (const [person, occs] of perPerson(attribute(facts, occurrences(facts, REQUEST)))) {
    // The 7-day limit is for a detained suspect; others have 15 (20) days (SPP 282).
    if (ofPerson(detentions, person).length === 0) continue;
    const request = principal(occs, ['ARREST_REQUEST']);
    if (!request?.time) continue;
    const name = { zh: who(facts, person, 'zh'), en: who(facts, person, 'en') };
    const key = [person ?? request.doc?.id];
    const received = fieldTime(request.doc, ['receivedAt']);
    const start = received ?? request.time;
    const deadline = dayDeadline(start, LEGAL_DEADLINES.arrestReview.limit.days);
    const decision = first(atOrAfter(ofPerson(decisions, person), request.time));
    if (!decision?.time) {
      if (facts.reviewDate > deadline) {
        out.push(
          missingFact(
            rule,
            { zh: '批准或不批准逮捕决定书', en: 'decision on the arrest request' },
            { zh: `${name.zh}：提请批准逮捕 ${request.time.date}`, en: `${name.en}: arrest requested ${request.time.date}` },
            [request.evidence],
            key,
          ),
        );
      }
      continue;
    }
    if (decision.time.date <= deadline) continue;
    const days = daysBetween(start.date, decision.time.date);
    const figures = {
      zh: `${name.zh}：${received ? '检察院收到提请' : '提请批准逮捕'} ${start.date} → 作出决定 ${decision.time.date} = ${days} 日 > 7 日`,
      en: `${name.en}: ${received ? 'request received' : 'arrest requested'} ${start.date} → decided ${decision.time.date} = ${days} days > 7 days`,
    };
    out.push(
      received
        ? finding(rule, 'violation', figures, [request.evidence, decision.evidence], key)
        : finding(
            rule,
            'warning',
            {
              zh: `${figures.zh}；卷内未载明检察院收到提请的日期，请核实`,
              en: `${figures.en}; the file does not say when the procuratorate received the request; check`,
            },
            [request.evidence, decision.evidence],
            key,
          ),
    );
  }
  return out;
}
