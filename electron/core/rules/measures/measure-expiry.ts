// MEASURE_EXPIRY — a non-custodial measure does not run on past its legal limit:
// acts against the person still under it after the limit are V; a limit passed with
// no paper ending the measure is W. A request to change a measure is answered
// within 3 days: W (CPL 95–99; PSR 158–162).
import type { OccurrenceSpec } from '../occurrences.js';
import type { CaseFacts } from '../facts.js';
import { attribute, first, occurrences, ofPerson, perPerson, who } from '../occurrences.js';
import type { Rule, RuleFinding } from '../rule.js';
import { finding, missingFact } from '../rule.js';
import { dayDeadline, formatCaseTime, parseCaseTime } from '../../../../shared/case-time.js';
import { daysOf, LEGAL_LIMITS } from '../../../../shared/deadlines.js';
import { BAIL_KIND, RSL_KIND, measureSpells } from './periods.js';

const rule: Rule = {
  id: 'MEASURE_EXPIRY',
  title: { zh: '强制措施期限届满的处理', en: 'Measures ended at their limit' },
  citation: '《刑事诉讼法》第九十五条至第九十九条；《公安机关办理刑事案件程序规定》第一百五十八条至第一百六十二条',
  severity: 'violation',
  needs: ['取保候审、监视居住决定书', '解除或变更强制措施的文书', '变更强制措施申请及答复'],
  evaluate,
};
export default rule;

const REQUEST = {
  events: [],
  documents: [],
  titles: /申请变更强制措施|变更强制措施申请/,
  fields: [],
  useDocumentDate: true,
} satisfies OccurrenceSpec;
const ANSWER = {
  events: [],
  documents: [],
  titles: /(同意|不同意)变更强制措施|变更强制措施(决定|通知|答复)/,
  fields: [],
  useDocumentDate: true,
} satisfies OccurrenceSpec;

function evaluate(facts: CaseFacts): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const kind of [BAIL_KIND, RSL_KIND]) {
    for (const spell of measureSpells(facts, kind)) {
      if (spell.end) continue;
      const name = { zh: who(facts, spell.person, 'zh'), en: who(facts, spell.person, 'en') };
      const key = [kind.label.en, spell.person ?? spell.decision.doc?.id, spell.start.date];
      // Investigation continues during the measure (PSR 107, 122): acts after the limit show it ran on.
      const late = facts.events
        .filter(
          (e) => spell.person !== null && e.subjects.includes(spell.person) && e.type !== 'BAIL' && e.type !== 'RESIDENTIAL_SURVEILLANCE',
        )
        .map((e) => ({ e, t: parseCaseTime(e.start) }))
        .filter((x) => x.t && x.t.date > spell.deadline)
        .sort((a, b) => (a.t?.ms ?? 0) - (b.t?.ms ?? 0))[0];
      if (late?.t) {
        out.push(
          finding(
            rule,
            'violation',
            {
              zh: `${name.zh}：${kind.label.zh}自 ${formatCaseTime(spell.start)} 起，期限 ${kind.months} 个月至 ${spell.deadline}；${formatCaseTime(late.t)} 仍在该措施下进行侦查活动，未见解除或变更`,
              en: `${name.en}: ${kind.label.en} from ${formatCaseTime(spell.start)}, limit ${kind.months} months until ${spell.deadline}; still under it at ${formatCaseTime(late.t)} with no release or change`,
            },
            [spell.decision.evidence, { document: late.e.document, page: late.e.page, text: late.e.text }],
            key,
          ),
        );
      } else if (facts.reviewDate > spell.deadline) {
        out.push(
          missingFact(
            rule,
            { zh: `解除${kind.label.zh}或变更强制措施的文书`, en: `paper lifting or changing the ${kind.label.en}` },
            {
              zh: `${name.zh}：${kind.label.zh}自 ${formatCaseTime(spell.start)} 起，期限至 ${spell.deadline} 已届满`,
              en: `${name.en}: ${kind.label.en} from ${formatCaseTime(spell.start)} ran out on ${spell.deadline}`,
            },
            [spell.decision.evidence],
            key,
          ),
        );
      }
    }
  }
  const answers = attribute(facts, occurrences(facts, ANSWER));
  for (const [person, requests] of perPerson(attribute(facts, occurrences(facts, REQUEST)))) {
    for (const request of requests) {
      if (!request.time) continue;
      const deadline = dayDeadline(request.time, daysOf(LEGAL_LIMITS.measureChangeAnswer));
      const answer = first(ofPerson(answers, person).filter((a) => a.time && a.time.date >= request.time!.date));
      const name = who(facts, person, 'zh');
      if (answer?.time && answer.time.date <= deadline) continue;
      if (!answer && facts.reviewDate <= deadline) continue;
      out.push(
        finding(
          rule,
          'warning',
          answer?.time
            ? {
                zh: `${name}：变更强制措施申请 ${request.time.date} → 答复 ${answer.time.date}，超过 3 日（期限至 ${deadline}）`,
                en: `${who(facts, person, 'en')}: request to change the measure ${request.time.date} → answered ${answer.time.date}, past 3 days (due by ${deadline})`,
              }
            : {
                zh: `${name}：变更强制措施申请 ${request.time.date}，未见 3 日内的答复`,
                en: `${who(facts, person, 'en')}: request to change the measure ${request.time.date}, no answer within 3 days found`,
              },
          [request.evidence, answer?.evidence],
          ['change-request', person ?? request.doc?.id, request.time.date],
        ),
      );
    }
  }
  return out;
}
