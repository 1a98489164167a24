// NON_APPROVAL_RELEASE — when the procuratorate does not approve the arrest, the
// police release the detainee at once with a release certificate, or put them under
// bail or residential surveillance (CPL 91(3), 92; PSR 140–141).
import type { OccurrenceSpec } from '../occurrences.js';
import type { CaseFacts } from '../facts.js';
import {
  BAIL,
  RESIDENTIAL_SURVEILLANCE,
  atOrAfter,
  attribute,
  fieldTime,
  first,
  occurrences,
  ofPerson,
  perPerson,
  principal,
  who,
} from '../occurrences.js';
import type { Rule, RuleFinding } from '../rule.js';
import { finding, missingFact } from '../rule.js';
import { daysBetween } from '../../../../shared/case-time.js';

const rule: Rule = {
  id: 'NON_APPROVAL_RELEASE',
  title: { zh: '不批准逮捕后立即释放', en: 'Release at once after non-approval' },
  citation: '《刑事诉讼法》第九十一条第三款、第九十二条；《公安机关办理刑事案件程序规定》第一百四十条、第一百四十一条',
  severity: 'violation',
  needs: ['不批准逮捕决定书（日期、公安机关收到日期）', '释放证明或取保候审、监视居住决定书'],
  evaluate,
};
export default rule;

const NON_APPROVAL = { events: [], documents: [], titles: /不批准逮捕决定/, fields: [], useDocumentDate: true } satisfies OccurrenceSpec;
const RELEASE = {
  events: [],
  documents: [],
  titles: /释放证明|释放通知书/,
  fields: ['executedAt'],
  useDocumentDate: true,
} satisfies OccurrenceSpec;

function evaluate(facts: CaseFacts): RuleFinding[] {
  const out: RuleFinding[] = [];
  const releases = attribute(facts, [
    ...occurrences(facts, RELEASE),
    ...occurrences(facts, BAIL),
    ...occurrences(facts, RESIDENTIAL_SURVEILLANCE),
  ]);
  for (const [person, occs] of perPerson(attribute(facts, occurrences(facts, NON_APPROVAL)))) {
    const decision = principal(occs, []);
    if (!decision?.time) continue;
    const name = { zh: who(facts, person, 'zh'), en: who(facts, person, 'en') };
    const key = [person ?? decision.doc?.id];
    const received = fieldTime(decision.doc, ['receivedAt']);
    const from = received ?? decision.time;
    const release = first(atOrAfter(ofPerson(releases, person), decision.time));
    if (!release?.time) {
      out.push(
        missingFact(
          rule,
          { zh: '释放证明或变更强制措施的文书', en: 'release certificate or change of measure' },
          { zh: `${name.zh}：不批准逮捕 ${decision.time.date}`, en: `${name.en}: arrest not approved ${decision.time.date}` },
          [decision.evidence],
          key,
        ),
      );
      continue;
    }
    const days = daysBetween(from.date, release.time.date);
    // "At once": the same or the next day; later than that is no longer at once.
    if (days <= 1) continue;
    const figures = {
      zh: `${name.zh}：${received ? '收到不批准逮捕决定' : '不批准逮捕决定'} ${from.date} → 释放/变更 ${release.time.date} = ${days} 日，未立即释放`,
      en: `${name.en}: ${received ? 'non-approval received' : 'arrest not approved'} ${from.date} → released/changed ${release.time.date} = ${days} days, not at once`,
    };
    out.push(
      finding(
        rule,
        received ? 'violation' : 'warning',
        received
          ? figures
          : {
              zh: `${figures.zh}；卷内未载明公安机关收到决定的日期，请核实`,
              en: `${figures.en}; when the police received the decision is not in the file; check`,
            },
        [decision.evidence, release.evidence],
        key,
      ),
    );
  }
  return out;
}
