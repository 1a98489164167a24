// CPL 148; PSR 252: an expert opinion used as evidence is made known to the
// suspect and the victim (or their legal representative) — after the opinion
// exists and before the case goes to the procuratorate, so they can ask for a
// supplementary or new appraisal.
import { numberKey } from '../../../../shared/document-number.js';
import type { CaseFacts, FactDocument, FactEvent, FactPerson } from '../facts.js';
import type { Rule, RuleFinding } from '../rule.js';
import { documentEvidence, eventEvidence, finding } from '../rule.js';
import { namesOf, suspects } from '../records/persons.js';

interface Notice {
  date: string | null;
  evidence: ReturnType<typeof documentEvidence>;
  doc?: FactDocument;
  event?: FactEvent;
}

function addressedTo(facts: CaseFacts, n: Notice, p: FactPerson): boolean {
  if (n.event) return n.event.subjects.includes(p.id);
  const d = n.doc!;
  const names = namesOf(p);
  const f = d.fields;
  if (f.subjectId === p.id) return true;
  if (f.recipient && names.some((x) => f.recipient!.includes(x))) return true;
  if (f.subject && names.includes(f.subject)) return true;
  return names.some((x) => d.text.includes(x));
}

function anonymous(facts: CaseFacts, n: Notice): boolean {
  if (n.event) return n.event.subjects.length === 0;
  const d = n.doc!;
  return (
    !d.fields.subjectId &&
    !d.fields.recipient &&
    !d.fields.subject &&
    !facts.persons.some((p) => namesOf(p).some((x) => d.text.includes(x)))
  );
}

export const appraisalNotice: Rule = {
  id: 'APPRAISAL_NOTICE',
  title: { zh: '鉴定意见告知', en: 'Notice of expert opinions' },
  citation: '《刑事诉讼法》第一百四十六条至第一百四十九条；《公安机关办理刑事案件程序规定》第二百四十八条、第二百五十二条',
  severity: 'violation',
  needs: ['鉴定意见', '鉴定意见通知书', '起诉意见书日期'],
  evaluate(facts) {
    const out: RuleFinding[] = [];
    const appraisals = facts.documents.filter((d) => d.type === 'APPRAISAL');
    if (appraisals.length === 0) return out;
    const allNotices: Notice[] = [
      ...facts.documents
        .filter((d) => d.type === 'APPRAISAL_NOTICE')
        .map((d) => ({ date: d.date ?? d.fields.notifiedAt?.slice(0, 10) ?? null, evidence: documentEvidence(d), doc: d })),
      ...facts.events
        .filter((e) => e.type === 'APPRAISAL_NOTIFIED')
        .map((e) => ({ date: e.start?.slice(0, 10) ?? null, evidence: eventEvidence(e), event: e })),
    ];
    const transfer = facts.documents
      .filter((d) => d.type === 'PROSECUTION_OPINION' && d.date)
      .sort((a, b) => a.date!.localeCompare(b.date!))[0];
    const oneSuspect = suspects(facts).length <= 1;
    const recipients = [
      ...suspects(facts).map((p) => ({ p, role: { zh: '犯罪嫌疑人', en: 'suspect' } })),
      ...facts.persons.filter((p) => p.role === 'VICTIM').map((p) => ({ p, role: { zh: '被害人', en: 'victim' } })),
    ];
    for (const a of appraisals) {
      const aev = documentEvidence(a);
      const label = {
        zh: `${a.title}（第${a.page}页${a.date ? `，${a.date}` : ''}）`,
        en: `${a.title} (p. ${a.page}${a.date ? `, ${a.date}` : ''})`,
      };
      if (!a.date)
        out.push(
          finding(
            this,
            'warning',
            { zh: `${label.zh}未注明日期，无法核对告知是否在其后`, en: `${label.en} is undated; cannot check that notice followed it` },
            [aev],
            [a.id, 'undated'],
          ),
        );
      // A notice citing another opinion's number is that opinion's; any other may be this one's
      // (an OCR'd notice may have lost the number it cites, brackets read 〔2024) and the like).
      const mine = a.number ? numberKey(a.number) : null;
      const others = appraisals
        .filter((x) => x !== a && x.number)
        .map((x) => numberKey(x.number!))
        .filter((k) => k !== mine);
      const notices = allNotices.filter((n) => {
        const text = n.doc ? numberKey(n.doc.text) : '';
        return (mine !== null && text.includes(mine)) || !others.some((k) => text.includes(k));
      });
      for (const { p, role } of recipients) {
        const mine = notices.filter((n) => addressedTo(facts, n, p) || (p.role !== 'VICTIM' && oneSuspect && anonymous(facts, n)));
        if (mine.length === 0) {
          // A co-suspect left out while another suspect was told may be one the opinion does not concern: ask, do not condemn.
          const coSuspect =
            p.role !== 'VICTIM' && suspects(facts).some((q) => q.id !== p.id && notices.some((n) => addressedTo(facts, n, q)));
          out.push(
            finding(
              this,
              coSuspect ? 'warning' : 'violation',
              {
                zh: coSuspect
                  ? `${label.zh}已告知其他犯罪嫌疑人，未见向同案${role.zh}${p.name}告知，请核实该鉴定意见是否涉及其本人`
                  : `${label.zh}未见向${role.zh}${p.name}告知的鉴定意见通知书`,
                en: coSuspect
                  ? `${label.en}: other suspects were told but not the co-suspect ${p.name} — check whether the opinion concerns them`
                  : `${label.en}: no notice of the opinion to the ${role.en} ${p.name}`,
              },
              [aev],
              [a.id, p.id],
            ),
          );
          continue;
        }
        const dated = mine.filter((n) => n.date);
        if (dated.length === 0) {
          out.push(
            finding(
              this,
              'warning',
              {
                zh: `${label.zh}向${role.zh}${p.name}的告知未注明日期`,
                en: `${label.en}: the notice to the ${role.en} ${p.name} is undated`,
              },
              [aev, mine[0]!.evidence],
              [a.id, p.id, 'notice-undated'],
            ),
          );
          continue;
        }
        // The best notice: the earliest one not before the opinion.
        const valid = dated.filter((n) => !a.date || n.date! >= a.date).sort((x, y) => x.date!.localeCompare(y.date!));
        const best = valid[0];
        if (!best) {
          const n = dated[0]!;
          out.push(
            finding(
              this,
              'violation',
              {
                zh: `${label.zh}：向${role.zh}${p.name}告知的日期 ${n.date} 早于鉴定意见日期 ${a.date}`,
                en: `${label.en}: the notice to the ${role.en} ${p.name} (${n.date}) predates the opinion (${a.date})`,
              },
              [aev, n.evidence],
              [a.id, p.id, 'early'],
            ),
          );
          continue;
        }
        if (transfer && best.date! > transfer.date!) {
          out.push(
            finding(
              this,
              'violation',
              {
                zh: `${label.zh}：向${role.zh}${p.name}告知于 ${best.date}，晚于起诉意见书 ${transfer.date}（移送审查起诉前应当告知）`,
                en: `${label.en}: the ${role.en} ${p.name} was told on ${best.date}, after the prosecution opinion of ${transfer.date}`,
              },
              [aev, best.evidence, documentEvidence(transfer)],
              [a.id, p.id, 'late'],
            ),
          );
        }
      }
    }
    return out;
  },
};
