// CPL 39; PSR 51–55: a lawyer asking to meet a detained client is given a meeting
// within 48 hours; in state-security and terrorism cases the investigators decide
// in writing within 3 days and may refuse only with reasons. Meeting papers are
// rare in the file, so the rule reads only the dates it finds.
import type { FactDocument, FieldKey } from '../facts.js';
import type { Rule, RuleFinding } from '../rule.js';
import { documentEvidence, finding } from '../rule.js';
import type { CaseTime } from '../../../../shared/case-time.js';
import { dayDeadline, formatCaseTime, formatElapsed, hourLimit, parseCaseTime } from '../../../../shared/case-time.js';
import { daysOf, hoursOf, LEGAL_LIMITS } from '../../../../shared/deadlines.js';
import { stateSecurityOrTerror } from '../records/charges.js';

function when(d: FactDocument, ...keys: FieldKey[]): CaseTime | null {
  for (const k of keys) {
    const v = d.fields[k];
    if (typeof v === 'string') {
      const t = parseCaseTime(v);
      if (t) return t;
    }
  }
  return parseCaseTime(d.date);
}

export const counselMeeting48h: Rule = {
  id: 'COUNSEL_MEETING_48H',
  title: { zh: '律师会见安排', en: "Lawyer's meeting arranged in time" },
  citation: '《刑事诉讼法》第三十九条；《公安机关办理刑事案件程序规定》第五十一条至第五十五条',
  severity: 'warning',
  needs: ['会见申请', '会见安排/许可决定'],
  evaluate(facts) {
    const out: RuleFinding[] = [];
    const meetingDocs = facts.documents.filter((d) => d.type === 'OTHER' && /会见/.test(d.title));
    const requests = meetingDocs.filter((d) => /申请|要求|函/.test(d.title) && !/许可|不许可|安排|决定/.test(d.title));
    const answers = meetingDocs.filter((d) => /许可|不许可|安排|决定|通知/.test(d.title));
    const special = stateSecurityOrTerror(facts.charge);
    for (const r of requests) {
      const asked = when(r, 'requestedAt', 'start');
      if (!asked) continue;
      const answer = answers
        .map((a) => ({ a, t: when(a, 'approvedAt', 'start', 'executedAt') }))
        .filter((x) => x.t && x.t.ms >= asked.ms)
        .sort((x, y) => x.t!.ms - y.t!.ms)[0];
      const ev = [documentEvidence(r), answer ? documentEvidence(answer.a) : null];
      if (!answer) {
        out.push(
          finding(
            this,
            'warning',
            {
              zh: `${r.title}（${formatCaseTime(asked)}）之后未见会见安排或许可决定`,
              en: `${r.title} (${formatCaseTime(asked)}) is followed by no arrangement or decision`,
            },
            ev,
            [r.id, 'unanswered'],
          ),
        );
        continue;
      }
      if (special) {
        const deadline = dayDeadline(asked, daysOf(LEGAL_LIMITS.counselMeetingDecision));
        if (answer.t!.date > deadline)
          out.push(
            finding(
              this,
              'warning',
              {
                zh: `${facts.charge}案件的会见申请 ${formatCaseTime(asked)}，许可决定 ${formatCaseTime(answer.t!)} 晚于三日期限 ${deadline}`,
                en: `meeting request ${formatCaseTime(asked)} in a ${facts.charge} case was decided ${formatCaseTime(answer.t!)}, after the 3-day limit ${deadline}`,
              },
              ev,
              [r.id],
            ),
          );
        if (/不许可/.test(answer.a.title) && !/理由|因/.test(answer.a.text))
          out.push(
            finding(this, 'warning', { zh: `${answer.a.title}未写明不许可的理由`, en: `${answer.a.title} refuses without reasons` }, ev, [
              r.id,
              'reasons',
            ]),
          );
        continue;
      }
      const r48 = hourLimit(asked, answer.t!, hoursOf(LEGAL_LIMITS.counselMeeting));
      if (r48.outcome === 'grace' || r48.outcome === 'over' || r48.outcome === 'uncertain') {
        out.push(
          finding(
            this,
            'warning',
            {
              zh: `会见申请 ${formatCaseTime(asked)} → 安排会见 ${formatCaseTime(answer.t!)} = ${formatElapsed(r48, 'zh')} > 48 小时`,
              en: `meeting requested ${formatCaseTime(asked)} → arranged ${formatCaseTime(answer.t!)} = ${formatElapsed(r48, 'en')} > 48 h`,
            },
            ev,
            [r.id],
          ),
        );
      }
    }
    return out;
  },
};
