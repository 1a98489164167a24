// CPL 34(2), 120(2); PSR 43, 203: at the first interrogation or the first coercive
// measure, whichever is earlier, the suspect is told their procedural rights, the
// right to a lawyer or legal aid, and the leniency for truthful confession and
// 认罪认罚 — and the file shows it (a record of reading the 权利义务告知书 counts).
import type { CaseFacts, FactPerson } from '../facts.js';
import type { Evidence, Rule, RuleFinding } from '../rule.js';
import { documentEvidence, eventEvidence, finding, missingFact } from '../rule.js';
import type { CaseTime } from '../../../../shared/case-time.js';
import { formatCaseTime, parseCaseTime } from '../../../../shared/case-time.js';
import { documentConcerns, eventConcerns } from '../records/custody.js';
import { suspects } from '../records/persons.js';
import type { Session } from '../records/sessions.js';
import { sessionsOf } from '../records/sessions.js';
import { around, RIGHTS_FORM_READ, RIGHTS_WORDS, unreadable } from '../records/wording.js';

const MEASURES = ['SUMMONS', 'DETENTION', 'ARREST', 'BAIL', 'RESIDENTIAL_SURVEILLANCE'] as const;

interface FirstAct {
  time: CaseTime;
  evidence: Evidence;
  label: string;
}

function firstMeasure(facts: CaseFacts, p: FactPerson): FirstAct | null {
  let best: FirstAct | null = null;
  for (const e of facts.events) {
    if (!(MEASURES as readonly string[]).includes(e.type) || !eventConcerns(facts, e, p.id)) continue;
    const t = parseCaseTime(e.start);
    if (t && (!best || t.ms < best.time.ms)) best = { time: t, evidence: eventEvidence(e), label: e.type };
  }
  return best;
}

function byOrder(a: Session, b: Session): number {
  const ta = a.start?.ms ?? Number.MAX_SAFE_INTEGER;
  const tb = b.start?.ms ?? Number.MAX_SAFE_INTEGER;
  if (ta !== tb) return ta - tb;
  return (a.session ?? 99) - (b.session ?? 99);
}

export const rightsNotice: Rule = {
  id: 'RIGHTS_NOTICE',
  title: { zh: '权利告知', en: 'Notice of rights' },
  citation:
    '《刑事诉讼法》第三十四条、第一百二十条；《公安机关办理刑事案件程序规定》第四十三条、第二百零三条；最高法解释第九十三条、第九十五条',
  severity: 'violation',
  needs: ['第一次讯问笔录', '权利义务告知书'],
  evaluate(facts) {
    const out: RuleFinding[] = [];
    for (const p of suspects(facts)) {
      const records = sessionsOf(facts, 'interrogation')
        .filter((s) => s.subjectId === p.id)
        .sort(byOrder);
      const measure = firstMeasure(facts, p);
      const first = records[0];
      if (!first && !measure) continue;
      const firstTime = [first?.start, measure?.time].filter((t): t is CaseTime => !!t).sort((a, b) => a.ms - b.ms)[0] ?? null;

      // A signed notice or a recorded notification, no later than the first act.
      const notices = facts.documents.filter((d) => d.type === 'RIGHTS_NOTICE' && documentConcerns(facts, d, p.id));
      const notified = facts.events.filter((e) => e.type === 'RIGHTS_NOTIFIED' && eventConcerns(facts, e, p.id));
      const dated = [
        ...notices.map((d) => ({ date: d.date ?? d.fields.notifiedAt?.slice(0, 10) ?? null, ev: documentEvidence(d) })),
        ...notified.map((e) => ({ date: e.start?.slice(0, 10) ?? null, ev: eventEvidence(e) })),
      ];
      const inTime = dated.find((n) => !firstTime || !n.date || n.date <= firstTime.date);
      if (inTime) continue;

      if (first && first.session !== null && first.session > 1 && dated.length === 0) {
        out.push(
          missingFact(
            this,
            { zh: `${p.name}的第一次讯问笔录或权利义务告知书`, en: `the first interrogation record or rights notice of ${p.name}` },
            {
              zh: `最早的讯问笔录为第${first.session}次（第${first.doc.page}页）`,
              en: `the earliest record is session ${first.session} (p. ${first.doc.page})`,
            },
            [documentEvidence(first.doc)],
            [p.id],
          ),
        );
        continue;
      }
      if (!first) {
        const late = dated[0];
        out.push(
          late
            ? finding(
                this,
                'violation',
                {
                  zh: `${p.name}的权利告知日期 ${late.date} 晚于第一次强制措施 ${formatCaseTime(measure!.time)}`,
                  en: `${p.name} was told of the rights on ${late.date}, after the first coercive measure at ${formatCaseTime(measure!.time)}`,
                },
                [late.ev, measure!.evidence],
                [p.id, 'late'],
              )
            : missingFact(
                this,
                { zh: `${p.name}的讯问笔录或权利义务告知书`, en: `an interrogation record or rights notice for ${p.name}` },
                {
                  zh: `已对${p.name}采取强制措施（${formatCaseTime(measure!.time)}）`,
                  en: `${p.name} was subject to a coercive measure (${formatCaseTime(measure!.time)})`,
                },
                [measure!.evidence],
                [p.id],
              ),
        );
        continue;
      }

      const text = first.doc.text;
      if (unreadable(text)) {
        out.push(
          missingFact(
            this,
            { zh: '可读取的第一次讯问笔录内容', en: 'readable text of the first interrogation record' },
            {
              zh: `${p.name}的第一次讯问笔录（第${first.doc.page}页）`,
              en: `${p.name}'s first interrogation record (p. ${first.doc.page})`,
            },
            [documentEvidence(first.doc)],
            [p.id, 'unreadable'],
          ),
        );
        continue;
      }
      const formRead = around(text, RIGHTS_FORM_READ);
      const missing = formRead ? [] : Object.values(RIGHTS_WORDS).filter((w) => !w.re.test(text));
      if (missing.length > 0) {
        const late = dated[0];
        const lateZh = late ? `；权利义务告知书日期 ${late.date} 晚于第一次讯问` : '';
        const lateEn = late ? `; the rights notice is dated ${late.date}, after the first interrogation` : '';
        out.push(
          finding(
            this,
            'violation',
            {
              zh: `${p.name}的第一次讯问笔录（第${first.doc.page}页${first.start ? `，${formatCaseTime(first.start)}` : ''}）未记载告知${missing.map((m) => m.zh).join('、')}，也未记载宣读权利义务告知书${lateZh}`,
              en: `${p.name}'s first interrogation record (p. ${first.doc.page}) does not record telling ${missing.map((m) => m.en).join(', ')}, nor reading the rights notice${lateEn}`,
            },
            [documentEvidence(first.doc), late?.ev],
            [p.id, first.doc.id],
          ),
        );
        continue;
      }
      // Told at the interrogation, but a coercive measure came on an earlier day.
      if (measure && first.start && measure.time.date < first.start.date) {
        out.push(
          finding(
            this,
            'warning',
            {
              zh: `${p.name}于 ${formatCaseTime(measure.time)} 被采取强制措施，卷内最早的权利告知见于 ${formatCaseTime(first.start)} 的讯问笔录，请核实采取强制措施时是否已告知委托辩护人等权利`,
              en: `${p.name} was subject to a coercive measure at ${formatCaseTime(measure.time)}, but the earliest notice of rights in the file is in the interrogation of ${formatCaseTime(first.start)} — check that the rights were told at the measure`,
            },
            [measure.evidence, documentEvidence(first.doc, formRead ?? around(text, RIGHTS_WORDS.counsel.re))],
            [p.id, 'measure'],
          ),
        );
      }
    }
    return out;
  },
};
