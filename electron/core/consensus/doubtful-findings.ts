// A violation that rests on a date OCR read off a sign-off (often under the red seal) that the paper's
// own body contradicts (a warrant dated after the execution it records), where one
// numeral slip of that date (二/三, 七/十, a character the seal hid) would make the act lawful, is
// not asserted as a violation: it is a warning that names both readings, and the reviewer checks
// the original. A real violation stays in front of the reviewer; a misread seal does not accuse.
import { contradictedByItsAct, oneSlipAway } from './document-dates.js';
import type { CaseFacts, FactDocument } from '../rules/facts.js';
import type { Rule, RuleFinding } from '../rules/rule.js';
import { daysBetween } from '../../../shared/case-time.js';

export function weighDoubtfulDates(facts: CaseFacts, findings: RuleFinding[], rules: readonly Rule[]): RuleFinding[] {
  return findings.map((f) => {
    if (f.severity !== 'violation') return f;
    const rule = rules.find((r) => r.id === f.rule);
    if (!rule) return f;
    const cited = [...new Set(f.evidence.map((e) => e.document))]
      .map((id) => facts.documents.find((d) => d.id === id))
      .filter((d): d is FactDocument => !!d && !!d.date && d.fields.dateByOcr === true)
      // Only a date its own form's body contradicts is in doubt (a warrant dated the day after the
      // execution it records); one the body bears out, or that nothing on the paper can check, stands.
      .filter((d) => contradictedByItsAct(d, facts.documents));
    for (const doc of cited) {
      // The nearest reading first: a slip that moves the date by a day before one that moves it by months.
      const gap = (a: string): number => Math.abs(daysBetween(doc.date!, a));
      const lawful = oneSlipAway(doc.date!)
        .sort((a, b) => gap(a) - gap(b))
        .find((date) => {
          // The document and the acts dated by its sign-off alone (a decision's event bears that date); an
          // act printed with its hour in the body (本证已于…时…分向我宣布) does not move with the seal's date.
          const moved = (t: string | null): string | null => (t && t === doc.date ? date : t);
          const other: CaseFacts = {
            ...facts,
            documents: facts.documents.map((d) => (d === doc ? { ...d, date } : d)),
            events: facts.events.map((e) => (e.document === doc.id ? { ...e, start: moved(e.start), end: moved(e.end) } : e)),
          };
          let again: RuleFinding[];
          try {
            again = rule.evaluate(other);
          } catch {
            return false;
          }
          return !again.some((g) => g.key === f.key && g.severity === 'violation');
        });
      if (!lawful) continue;
      return {
        ...f,
        severity: 'warning' as const,
        message: `${f.message}（注意：${doc.title}第${doc.page}页的落款日期为文字识别所得“${doc.date}”，若原件为“${lawful}”则无此问题，请核对原件）`,
        messageEn: `${f.messageEn} (Note: the date on ${doc.title}, p. ${doc.page}, was read by OCR as ${doc.date}; were it ${lawful} there would be no issue — check the original)`,
      };
    }
    return f;
  });
}
