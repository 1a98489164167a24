// The spells of a non-custodial measure (取保候审 12 months, 监视居住 6 months: CPL
// 79): each decision starts one; it ends with its written end, a release paper, a
// custodial measure, a later decision, or the transfer for prosecution (after which
// a procuratorate decision starts a new count).
import type { CaseFacts } from '../facts.js';
import type { Occurrence, OccurrenceSpec } from '../occurrences.js';
import { ARREST, BAIL, DETENTION, RESIDENTIAL_SURVEILLANCE, attribute, occurrences, ofPerson, perPerson } from '../occurrences.js';
import type { Message } from '../rule.js';
import type { CaseTime } from '../../../../shared/case-time.js';
import { monthDeadline } from '../../../../shared/case-time.js';
import { LEGAL_LIMITS } from '../../../../shared/deadlines.js';

export interface MeasureKind {
  spec: OccurrenceSpec;
  label: Message;
  months: number;
  /** Titles of the papers that end it (解除取保候审决定书 …). */
  release: RegExp;
}

export const BAIL_KIND: MeasureKind = {
  spec: BAIL,
  label: { zh: '取保候审', en: 'bail' },
  months: LEGAL_LIMITS.bail.limit.months,
  release: /解除取保候审/,
};
export const RSL_KIND: MeasureKind = {
  spec: RESIDENTIAL_SURVEILLANCE,
  label: { zh: '监视居住', en: 'residential surveillance' },
  months: LEGAL_LIMITS.residentialSurveillance.limit.months,
  release: /解除监视居住/,
};

export interface MeasureSpell {
  person: string | null;
  start: CaseTime;
  decision: Occurrence;
  /** The last day of the legal limit (SPC 202). */
  deadline: string;
  end: { time: CaseTime; label: Message; evidence: Occurrence['evidence'] } | null;
}

const TRANSFER: OccurrenceSpec = {
  events: ['TRANSFERRED_FOR_PROSECUTION'],
  documents: ['PROSECUTION_OPINION'],
  fields: [],
  useDocumentDate: true,
};

export function measureSpells(facts: CaseFacts, kind: MeasureKind): MeasureSpell[] {
  const spells: MeasureSpell[] = [];
  const releases = attribute(
    facts,
    occurrences(facts, { events: [], documents: [], titles: kind.release, fields: ['executedAt'], useDocumentDate: true }),
  );
  const custodial = attribute(facts, [...occurrences(facts, DETENTION), ...occurrences(facts, ARREST)]);
  const transfers = attribute(facts, occurrences(facts, TRANSFER));
  const others = attribute(facts, occurrences(facts, kind === BAIL_KIND ? RESIDENTIAL_SURVEILLANCE : BAIL));
  for (const [person, occs] of perPerson(attribute(facts, occurrences(facts, kind.spec)))) {
    // One spell per decision document; events that only retell a decision join it.
    const decisions = dedupeByDocument(occs.filter((o) => o.time));
    decisions.sort((a, b) => (a.time?.ms ?? 0) - (b.time?.ms ?? 0));
    decisions.forEach((decision, i) => {
      const start = decision.time;
      if (!start) return;
      const candidates: MeasureSpell['end'][] = [];
      if (decision.end)
        candidates.push({
          time: decision.end,
          label: { zh: `${kind.label.zh}期限届满`, en: `${kind.label.en} term ends` },
          evidence: decision.evidence,
        });
      const after = (list: Occurrence[], label: Message) => {
        for (const o of ofPerson(list, person))
          if (o.time && o.time.date > start.date) candidates.push({ time: o.time, label, evidence: o.evidence });
      };
      after(releases, { zh: `解除${kind.label.zh}`, en: `${kind.label.en} lifted` });
      after(custodial, { zh: '变更为羁押措施', en: 'custodial measure' });
      after(transfers, { zh: '移送审查起诉', en: 'transfer for prosecution' });
      after(others, { zh: '变更强制措施', en: 'change of measure' });
      const next = decisions[i + 1];
      if (next?.time)
        candidates.push({
          time: next.time,
          label: { zh: `重新决定${kind.label.zh}`, en: `new ${kind.label.en} decision` },
          evidence: next.evidence,
        });
      const end = candidates.filter((c): c is NonNullable<typeof c> => c !== null).sort((a, b) => a.time.ms - b.time.ms)[0] ?? null;
      spells.push({ person, start, decision, deadline: monthDeadline(start, kind.months), end });
    });
  }
  return spells;
}

function dedupeByDocument(occs: Occurrence[]): Occurrence[] {
  const seen = new Map<string, Occurrence>();
  for (const o of occs) {
    const k = o.doc && (o.doc.type === 'BAIL' || o.doc.type === 'RESIDENTIAL_SURVEILLANCE') ? o.doc.id : `event:${o.time?.date ?? ''}`;
    const prior = seen.get(k);
    if (!prior || (o.time?.hasTime && !prior.time?.hasTime)) seen.set(k, o);
  }
  // A retelling on the same date as a decision document is that decision.
  const docs = [...seen.values()].filter((o) => o.doc?.type === 'BAIL' || o.doc?.type === 'RESIDENTIAL_SURVEILLANCE');
  return [...seen.values()].filter((o) => docs.includes(o) || !docs.some((d) => d.time?.date === o.time?.date));
}
