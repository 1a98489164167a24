// ARREST_EXECUTION — the 逮捕证 is signed after the procuratorate's approval and
// executed at once (a delay of more than a day unexplained: W), by at least two
// officers, and the arrested person goes to the jail at once (CPL 80, 90, 93(1);
// PSR 142–143).
import type { OccurrenceSpec } from '../occurrences.js';
import type { CaseFacts } from '../facts.js';
import { hourLimit } from '../../../../shared/case-time.js';
import {
  ARREST,
  DETENTION,
  atOrAfter,
  attribute,
  custodyArrivals,
  first,
  occurrences,
  ofPerson,
  perPerson,
  principal,
  who,
} from '../occurrences.js';
import type { Rule, RuleFinding } from '../rule.js';
import { documentEvidence, finding, missingFact } from '../rule.js';
import { daysBetween, formatCaseTime } from '../../../../shared/case-time.js';
import { hoursOf, LEGAL_LIMITS } from '../../../../shared/deadlines.js';

const rule: Rule = {
  id: 'ARREST_EXECUTION',
  title: { zh: '逮捕证的签发与执行', en: 'Arrest warrant issued and executed' },
  citation: '《刑事诉讼法》第八十条、第九十条、第九十三条第一款；《公安机关办理刑事案件程序规定》第一百四十二条、第一百四十三条',
  severity: 'violation',
  needs: ['批准逮捕决定书（日期）', '逮捕证（签发日期、执行时间、执行人）', '送看守所时间'],
  evaluate,
};
export default rule;

const APPROVAL = {
  events: ['ARREST_APPROVED' as const],
  documents: ['ARREST_APPROVAL' as const],
  fields: ['approvedAt'],
  useDocumentDate: true,
} satisfies OccurrenceSpec;

function evaluate(facts: CaseFacts): RuleFinding[] {
  const out: RuleFinding[] = [];
  const approvals = attribute(facts, occurrences(facts, APPROVAL));
  const detentions = attribute(facts, occurrences(facts, DETENTION));
  const arrivals = custodyArrivals(facts);
  for (const [person, occs] of perPerson(attribute(facts, occurrences(facts, ARREST)))) {
    const arrest = principal(occs, ['ARREST_WARRANT']);
    if (!arrest) continue;
    const name = { zh: who(facts, person, 'zh'), en: who(facts, person, 'en') };
    const key = [person ?? arrest.doc?.id];
    const warrant = occs.find((o) => o.doc?.type === 'ARREST_WARRANT')?.doc ?? null;
    const approval = first(ofPerson(approvals, person));
    const executed = arrest.time;

    if (!approval?.time) {
      out.push(
        missingFact(
          rule,
          { zh: approval ? '批准逮捕的日期' : '批准逮捕决定书', en: approval ? 'date of the arrest approval' : 'arrest approval' },
          {
            zh: `${name.zh}被逮捕${executed ? `（${formatCaseTime(executed)}）` : ''}`,
            en: `${name.en} was arrested${executed ? ` (${formatCaseTime(executed)})` : ''}`,
          },
          [arrest.evidence, approval?.evidence],
          key,
        ),
      );
    } else {
      const approvedOn = approval.time.date;
      const issued = warrant?.date ?? null;
      if (issued && issued < approvedOn) {
        out.push(
          finding(
            rule,
            'violation',
            {
              zh: `${name.zh}：逮捕证签发日期 ${issued} 早于批准逮捕决定 ${approvedOn}`,
              en: `${name.en}: the arrest warrant was signed on ${issued}, before the approval on ${approvedOn}`,
            },
            [warrant ? documentEvidence(warrant) : arrest.evidence, approval.evidence],
            ['signed-before-approval', ...key],
          ),
        );
      }
      if (executed && executed.date < approvedOn) {
        out.push(
          finding(
            rule,
            'violation',
            {
              zh: `${name.zh}：执行逮捕 ${formatCaseTime(executed)} 早于批准逮捕决定 ${approvedOn}`,
              en: `${name.en}: the arrest was executed ${formatCaseTime(executed)}, before the approval on ${approvedOn}`,
            },
            [arrest.evidence, approval.evidence],
            ['executed-before-approval', ...key],
          ),
        );
      } else if (executed) {
        const days = daysBetween(approvedOn, executed.date);
        if (days > 1) {
          out.push(
            finding(
              rule,
              'warning',
              {
                zh: `${name.zh}：批准逮捕 ${approvedOn} → 执行逮捕 ${formatCaseTime(executed)}，间隔 ${days} 日，未立即执行，请核实原因`,
                en: `${name.en}: approved ${approvedOn} → executed ${formatCaseTime(executed)}, ${days} days later rather than at once; check why`,
              },
              [approval.evidence, arrest.evidence],
              ['delay', ...key],
            ),
          );
        }
      }
    }
    if (!executed) {
      out.push(
        missingFact(
          rule,
          { zh: '逮捕执行时间', en: 'time the arrest was executed' },
          { zh: `${name.zh}：卷内有逮捕证`, en: `${name.en}: an arrest warrant is in the file` },
          [arrest.evidence],
          key,
        ),
      );
      continue;
    }
    const officers = warrant?.fields.investigators;
    if (Array.isArray(officers) && officers.length === 1) {
      out.push(
        finding(
          rule,
          'violation',
          {
            zh: `${name.zh}：逮捕证仅载明 1 名执行人（${String(officers[0])}），执行逮捕的侦查人员不得少于二人`,
            en: `${name.en}: the warrant names one executing officer (${String(officers[0])}); an arrest takes at least two`,
          },
          [warrant ? documentEvidence(warrant) : arrest.evidence],
          ['officers', ...key],
        ),
      );
    }
    // A suspect already held after a detention is in the jail; otherwise the arrest ends there at once.
    const heldBefore = ofPerson(detentions, person).some((d) => d.time && d.time.ms <= executed.ms);
    if (!heldBefore) {
      const arrival = first(atOrAfter(ofPerson(arrivals, person), executed));
      if (arrival?.time) {
        const r = hourLimit(executed, arrival.time, hoursOf(LEGAL_LIMITS.arrestCustody));
        if (r.outcome === 'over' || r.outcome === 'grace') {
          out.push(
            finding(
              rule,
              'warning',
              {
                zh: `${name.zh}：逮捕 ${formatCaseTime(executed)} → 送看守所 ${formatCaseTime(arrival.time)}，未立即送押，请核实`,
                en: `${name.en}: arrested ${formatCaseTime(executed)} → jail ${formatCaseTime(arrival.time)}, not at once; check`,
              },
              [arrest.evidence, arrival.evidence],
              ['custody', ...key],
            ),
          );
        }
      }
    }
  }
  return out;
}
