// CPL 162, 175(3); PSR 283–295: supplementary investigation on return from the
// procuratorate is finished within one month, at most twice (V); the closing papers
// — the approved 起诉意见书 with each co-suspect's role, the transfer list and the
// closing report — are in the file (W).
import type { FactDocument } from '../facts.js';
import type { Rule, RuleFinding } from '../rule.js';
import { documentEvidence, finding } from '../rule.js';
import { monthDeadline } from '../../../../shared/case-time.js';
import { monthsOf, LEGAL_LIMITS } from '../../../../shared/deadlines.js';
import { suspects } from '../records/persons.js';

const RETURNED = /退回补充侦查|补充侦查决定|退查/;
const COMPLETED = /补充侦查报告|补查报告|重新移送|补充侦查完毕/;

export const closingSupplementary: Rule = {
  id: 'CLOSING_SUPPLEMENTARY',
  title: { zh: '侦查终结与补充侦查', en: 'Closing and supplementary investigation' },
  citation: '《刑事诉讼法》第一百六十二条、第一百七十五条第三款；《公安机关办理刑事案件程序规定》第二百八十三条至第二百九十五条',
  severity: 'violation',
  needs: ['退回补充侦查决定书', '补充侦查报告书', '起诉意见书', '移送清单', '结案报告'],
  evaluate(facts) {
    const out: RuleFinding[] = [];
    const dated = (re: RegExp) =>
      facts.documents.filter((d) => d.type === 'OTHER' && re.test(d.title) && d.date).sort((a, b) => a.date!.localeCompare(b.date!));
    const returns = dated(RETURNED);
    const completions = dated(COMPLETED);
    if (returns.length > 2) {
      out.push(
        finding(
          this,
          'violation',
          {
            zh: `退回补充侦查 ${returns.length} 次，超过二次的限度`,
            en: `Returned for supplementary investigation ${returns.length} times, beyond the limit of two`,
          },
          returns.map((d) => documentEvidence(d)),
          ['rounds'],
        ),
      );
    }
    for (const [i, r] of returns.entries()) {
      const next = returns[i + 1];
      const done: FactDocument | undefined = completions.find((c) => c.date! >= r.date! && (!next || c.date! <= next.date!));
      const deadline = monthDeadline(r.date!, monthsOf(LEGAL_LIMITS.supplementaryInvestigation));
      if (!done) {
        out.push(
          finding(
            this,
            'warning',
            {
              zh: `第${i + 1}次退回补充侦查（${r.date}）后未见补充侦查报告书或重新移送材料，期限至 ${deadline}`,
              en: `No report or re-transfer after return no. ${i + 1} (${r.date}); due by ${deadline}`,
            },
            [documentEvidence(r)],
            [r.id, 'missing'],
          ),
        );
      } else if (done.date! > deadline) {
        out.push(
          finding(
            this,
            'violation',
            {
              zh: `第${i + 1}次退回补充侦查 ${r.date} → 补充侦查完毕 ${done.date}，超过一个月（至 ${deadline}）`,
              en: `Return no. ${i + 1} on ${r.date} → completed ${done.date}, beyond one month (${deadline})`,
            },
            [documentEvidence(r), documentEvidence(done)],
            [r.id, 'late'],
          ),
        );
      } else if (done.date === deadline) {
        out.push(
          finding(
            this,
            'warning',
            {
              zh: `第${i + 1}次退回补充侦查 ${r.date} → 补充侦查完毕 ${done.date}，恰在期限最后一日`,
              en: `Return no. ${i + 1} on ${r.date} → completed ${done.date}, on the last day`,
            },
            [documentEvidence(r), documentEvidence(done)],
            [r.id, 'last-day'],
          ),
        );
      }
    }
    const opinion = facts.documents.find((d) => d.type === 'PROSECUTION_OPINION');
    if (!opinion) return out;
    const missing: { zh: string; en: string }[] = [];
    if (!/负责人|批准|局长|签发/.test(opinion.text))
      missing.push({ zh: '县级以上公安机关负责人批准的记载', en: 'approval by the head of the bureau' });
    const many = suspects(facts);
    if (many.length > 1 && !/主犯|从犯|胁从|作用|共同犯罪/.test(opinion.text))
      missing.push({ zh: `${many.length} 名犯罪嫌疑人在共同犯罪中的地位和作用`, en: `the roles of the ${many.length} co-suspects` });
    if (!facts.documents.some((d) => /移送清单|随案移送|移送物品清单|证据材料清单/.test(d.title)))
      missing.push({ zh: '随案移送清单', en: 'the transfer list' });
    if (!facts.documents.some((d) => /结案报告|侦查终结报告|终结报告/.test(d.title)))
      missing.push({ zh: '结案报告', en: 'the closing report' });
    if (missing.length > 0) {
      out.push(
        finding(
          this,
          'warning',
          {
            zh: `侦查终结（${opinion.title}${opinion.date ? `，${opinion.date}` : ''}），未见${missing.map((m) => m.zh).join('、')}`,
            en: `The case was closed (${opinion.title}) without ${missing.map((m) => m.en).join(', ')}`,
          },
          [documentEvidence(opinion)],
          ['closing'],
        ),
      );
    }
    return out;
  },
};
