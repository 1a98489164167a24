// PSR 164–168, 367–368: a people's congress deputy at county level or above may be
// summoned by force, bailed, put under surveillance, detained or put up for arrest
// only with the permission of the congress presidium or standing committee; a
// foreign national's bail, surveillance, detention or arrest is reported to the
// provincial police within 48 hours.
import type { Rule, RuleFinding } from '../rule.js';
import { documentEvidence, eventEvidence, finding } from '../rule.js';
import { formatCaseTime, formatElapsed, hourLimit, parseCaseTime } from '../../../../shared/case-time.js';
import { hoursOf, LEGAL_LIMITS } from '../../../../shared/deadlines.js';
import { documentConcerns, eventConcerns } from '../records/custody.js';
import { attributeText, hasAttribute } from '../records/persons.js';

const DEPUTY_MEASURES = ['SUMMONS', 'BAIL', 'RESIDENTIAL_SURVEILLANCE', 'DETENTION', 'ARREST_REQUESTED'] as const;
const FOREIGN_MEASURES = ['BAIL', 'RESIDENTIAL_SURVEILLANCE', 'DETENTION', 'ARREST'] as const;

export const specialStatusPersons: Rule = {
  id: 'SPECIAL_STATUS_PERSONS',
  title: { zh: '特殊身份人员', en: 'Persons of special status' },
  citation: '《公安机关办理刑事案件程序规定》第一百六十四条至第一百六十八条、第三百六十七条、第三百六十八条',
  severity: 'violation',
  needs: ['人大代表/外国籍身份', '许可或报告文书'],
  evaluate(facts) {
    const out: RuleFinding[] = [];
    for (const p of facts.persons) {
      const measures = (types: readonly string[]) =>
        facts.events
          .filter((e) => types.includes(e.type) && eventConcerns(facts, e, p.id) && parseCaseTime(e.start))
          .filter((e) => e.type !== 'SUMMONS' || /拘传/.test(e.text))
          .sort((a, b) => parseCaseTime(a.start)!.ms - parseCaseTime(b.start)!.ms);
      if (hasAttribute(p, 'deputy')) {
        const first = measures(DEPUTY_MEASURES)[0];
        if (first) {
          const level = attributeText(p, 'deputy') ?? '';
          const t = parseCaseTime(first.start)!;
          const permits = facts.documents.filter(
            (d) => /许可/.test(d.title) && /人民代表大会|人大/.test(d.title + d.text) && documentConcerns(facts, d, p.id),
          );
          const inTime = permits.find((d) => !d.date || d.date <= t.date);
          if (/乡|镇/.test(level)) {
            // Township deputies: the police report to the township congress (PSR 166), no prior permission.
            if (permits.length === 0 && !facts.documents.some((d) => /报告|通报/.test(d.title) && /人民代表大会|人大/.test(d.text))) {
              out.push(
                finding(
                  this,
                  'warning',
                  {
                    zh: `${p.name}系乡、镇人大代表，对其采取强制措施（${formatCaseTime(t)}）后未见向该级人大报告的记载`,
                    en: `${p.name} is a township deputy; no report to the township congress is found after the measure of ${formatCaseTime(t)}`,
                  },
                  [eventEvidence(first)],
                  [p.id, 'deputy'],
                ),
              );
            }
          } else if (!inTime) {
            out.push(
              finding(
                this,
                permits.length > 0 || level ? 'violation' : 'warning',
                {
                  zh: `${p.name}系人大代表${level ? `（${level}）` : ''}，对其采取强制措施（${formatCaseTime(t)}）前未见人大主席团或常委会的许可${permits[0] ? `（许可日期 ${permits[0].date} 在后）` : ''}`,
                  en: `${p.name} is a people's congress deputy${level ? ` (${level})` : ''}; no prior permission of the congress for the measure of ${formatCaseTime(t)}`,
                },
                [eventEvidence(first), permits[0] ? documentEvidence(permits[0]) : null],
                [p.id, 'deputy'],
              ),
            );
          }
        }
      }
      const nationality = attributeText(p, 'nationality');
      if (hasAttribute(p, 'foreign') || (nationality && !/中国|中华人民共和国/.test(nationality))) {
        const first = measures(FOREIGN_MEASURES)[0];
        if (!first) continue;
        const t = parseCaseTime(first.start)!;
        const reports = facts.documents.filter(
          (d) => /层报|外事|领事|涉外/.test(d.title + d.text.slice(0, 200)) && /报告|通报|报/.test(d.title),
        );
        const report = reports
          .map((d) => ({ d, at: parseCaseTime(typeof d.fields.notifiedAt === 'string' ? d.fields.notifiedAt : d.date) }))
          .find((x) => x.at);
        if (!report) {
          out.push(
            finding(
              this,
              'warning',
              {
                zh: `${p.name}系外国籍（${nationality ?? '国籍未载明'}），对其采取强制措施（${formatCaseTime(t)}）后未见四十八小时内层报省级公安机关的记载`,
                en: `${p.name} is a foreign national; no report to the provincial police within 48 h of the measure of ${formatCaseTime(t)} is found`,
              },
              [eventEvidence(first)],
              [p.id, 'foreign'],
            ),
          );
          continue;
        }
        const r = hourLimit(t, report.at!, hoursOf(LEGAL_LIMITS.foreignNationalReport));
        if (r.outcome === 'over')
          out.push(
            finding(
              this,
              'violation',
              {
                zh: `${p.name}系外国籍：强制措施 ${formatCaseTime(t)} → 层报 ${formatCaseTime(report.at!)} = ${formatElapsed(r, 'zh')} > 48 小时`,
                en: `${p.name} is a foreign national: measure ${formatCaseTime(t)} → report ${formatCaseTime(report.at!)} = ${formatElapsed(r, 'en')} > 48 h`,
              },
              [eventEvidence(first), documentEvidence(report.d)],
              [p.id, 'foreign'],
            ),
          );
        else if (r.outcome !== 'within')
          out.push(
            finding(
              this,
              'warning',
              {
                zh: `${p.name}系外国籍：强制措施 ${formatCaseTime(t)} → 层报 ${formatCaseTime(report.at!)} = ${formatElapsed(r, 'zh')}，接近或可能超过 48 小时`,
                en: `${p.name} is a foreign national: measure ${formatCaseTime(t)} → report ${formatCaseTime(report.at!)} = ${formatElapsed(r, 'en')}, at or near 48 h`,
              },
              [eventEvidence(first), documentEvidence(report.d)],
              [p.id, 'foreign'],
            ),
          );
      }
    }
    return out;
  },
};
