// CASE_INTAKE_RECORDS — a filed case has its 受案登记表, made no later than the
// 立案决定书 (PSR 169–171, 175, 178).
import type { CaseFacts } from '../facts.js';
import type { OccurrenceSpec } from '../occurrences.js';
import { occurrences, principal } from '../occurrences.js';
import type { Rule, RuleFinding } from '../rule.js';
import { finding, missingFact } from '../rule.js';
import { formatCaseTime } from '../../../../shared/case-time.js';

const rule: Rule = {
  id: 'CASE_INTAKE_RECORDS',
  title: { zh: '受案登记', en: 'Case intake recorded' },
  citation: '《公安机关办理刑事案件程序规定》第一百六十九条、第一百七十条、第一百七十一条、第一百七十五条、第一百七十八条',
  severity: 'warning',
  needs: ['受案登记表（日期）', '立案决定书（日期）'],
  evaluate,
};
export default rule;

const INTAKE: OccurrenceSpec = { events: ['REPORT'], documents: ['REPORT_REGISTRATION'], fields: ['start'], useDocumentDate: true };
const FILING: OccurrenceSpec = { events: ['CASE_FILED'], documents: ['CASE_FILING'], fields: ['approvedAt'], useDocumentDate: true };

function evaluate(facts: CaseFacts): RuleFinding[] {
  const filing = principal(occurrences(facts, FILING), ['CASE_FILING']);
  if (!filing) return [];
  const intakes = occurrences(facts, INTAKE);
  const registration = principal(
    intakes.filter((o) => o.doc?.type === 'REPORT_REGISTRATION'),
    ['REPORT_REGISTRATION'],
  );
  if (!registration) {
    return [
      missingFact(
        rule,
        { zh: '受案登记表', en: 'case intake registration' },
        { zh: '卷内有立案决定书', en: 'the case was filed' },
        [filing.evidence],
        [],
      ),
    ];
  }
  if (!registration.time || !filing.time) return [];
  const later =
    registration.time.hasTime && filing.time.hasTime ? registration.time.ms > filing.time.ms : registration.time.date > filing.time.date;
  if (!later) return [];
  return [
    finding(
      rule,
      'warning',
      {
        zh: `受案登记 ${formatCaseTime(registration.time)} 晚于立案 ${formatCaseTime(filing.time)}`,
        en: `Intake registered ${formatCaseTime(registration.time)}, after the filing ${formatCaseTime(filing.time)}`,
      },
      [registration.evidence, filing.evidence],
      ['order'],
    ),
  ];
}
