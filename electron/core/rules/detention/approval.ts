// DETENTION_APPROVAL — a detention is approved (呈请拘留报告书, a county-level head)
// and the 拘留证 made before it is executed (CPL 82, 85(1); PSR 124–125, 132).
// Papers done the same day are the on-scene emergency PSR 125(2) allows: W.
import type { OccurrenceSpec } from '../occurrences.js';
import type { CaseFacts } from '../facts.js';
import { fieldTime } from '../occurrences.js';
import { DETENTION, attribute, first, occurrences, ofPerson, perPerson, principal, who } from '../occurrences.js';
import type { Rule, RuleFinding } from '../rule.js';
import { finding, missingFact } from '../rule.js';
import type { CaseTime } from '../../../../shared/case-time.js';
import { formatCaseTime, parseCaseTime } from '../../../../shared/case-time.js';

const rule: Rule = {
  id: 'DETENTION_APPROVAL',
  title: { zh: '拘留经批准并出示拘留证', en: 'Detention approved before execution' },
  citation: '《刑事诉讼法》第八十二条、第八十五条第一款；《公安机关办理刑事案件程序规定》第一百二十四条、第一百二十五条、第一百三十二条',
  severity: 'violation',
  needs: ['呈请拘留报告书（批准时间）', '拘留证（签发日期、执行时间）'],
  evaluate,
};
export default rule;

const REPORT = {
  events: [],
  documents: [],
  titles: /呈请拘留报告/,
  fields: ['approvedAt'],
  useDocumentDate: true,
} satisfies OccurrenceSpec;

function evaluate(facts: CaseFacts): RuleFinding[] {
  const out: RuleFinding[] = [];
  const reports = attribute(facts, occurrences(facts, REPORT));
  for (const [person, occs] of perPerson(attribute(facts, occurrences(facts, DETENTION)))) {
    const detention = principal(occs, ['DETENTION_WARRANT']);
    if (!detention) continue;
    const name = { zh: who(facts, person, 'zh'), en: who(facts, person, 'en') };
    const key = [person ?? detention.doc?.id];
    const warrant = occs.find((o) => o.doc?.type === 'DETENTION_WARRANT') ?? null;
    if (!warrant?.doc) {
      out.push(
        missingFact(
          rule,
          { zh: '拘留证', en: 'detention warrant' },
          { zh: `${name.zh}被拘留`, en: `${name.en} was detained` },
          [detention.evidence],
          key,
        ),
      );
      continue;
    }
    const executed = detention.time;
    if (!executed) continue; // the notice and custody rules name the missing execution time
    const report = first(ofPerson(reports, person));
    const approvals: { label: { zh: string; en: string }; time: CaseTime | null; evidence: typeof detention.evidence }[] = [
      {
        label: { zh: '拘留证签发', en: 'warrant signed' },
        time: fieldTime(warrant.doc, ['approvedAt']) ?? parseCaseTime(warrant.doc.date),
        evidence: warrant.evidence,
      },
      {
        label: { zh: '呈请拘留报告书批准', en: 'detention report approved' },
        time: report?.time ?? null,
        evidence: report?.evidence ?? warrant.evidence,
      },
    ];
    for (const a of approvals) {
      if (!a.time) continue;
      const sameDay = a.time.date === executed.date;
      const after = a.time.hasTime && executed.hasTime ? a.time.ms > executed.ms : a.time.date > executed.date;
      if (!after) continue;
      const figures = {
        zh: `${name.zh}：${a.label.zh} ${formatCaseTime(a.time)} 晚于执行拘留 ${formatCaseTime(executed)}`,
        en: `${name.en}: ${a.label.en} ${formatCaseTime(a.time)}, after the detention was executed ${formatCaseTime(executed)}`,
      };
      out.push(
        sameDay
          ? finding(
              rule,
              'warning',
              {
                zh: `${figures.zh}；同日补办手续仅限紧急情况下的先行拘留，请核实`,
                en: `${figures.en}; same-day papers are allowed only for an emergency detention; check`,
              },
              [detention.evidence, a.evidence],
              ['order', a.label.en, ...key],
            )
          : finding(rule, 'violation', figures, [detention.evidence, a.evidence], ['order', a.label.en, ...key]),
      );
    }
  }
  return out;
}
