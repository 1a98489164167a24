// When a suspect entered the detention centre (看守所), from the 送押 event or the
// custody time written on a warrant. From then on every interrogation belongs in
// the centre (CPL 118(2)).
import type { CaseFacts, FactDocument, FactEvent } from '../facts.js';
import { concerns, recordSubjectId } from '../facts.js';
import type { CaseTime } from '../../../../shared/case-time.js';
import { parseCaseTime } from '../../../../shared/case-time.js';
import { namesOf, suspects } from './persons.js';

/**
 * A document concerns a person when its subject or events name them; failing both,
 * when it is a one-suspect case, or its text names the person (letters and reports
 * name their suspect in the body, not in a header field).
 */
export function documentConcerns(facts: CaseFacts, doc: FactDocument, personId: string): boolean {
  const subject = recordSubjectId(facts, doc);
  if (subject) return subject === personId;
  const evs = facts.events.filter((e) => e.document === doc.id && e.subjects.length > 0);
  if (evs.length > 0) return evs.some((e) => e.subjects.includes(personId));
  if (suspects(facts).length <= 1) return true;
  const p = facts.persons.find((x) => x.id === personId);
  return !!p && namesOf(p).some((n) => n.length >= 2 && doc.text.includes(n));
}

export function eventConcerns(facts: CaseFacts, e: FactEvent, personId: string): boolean {
  if (e.subjects.length > 0) return e.subjects.includes(personId);
  return concerns(e, personId) && suspects(facts).length <= 1;
}

export interface CustodyStart {
  time: CaseTime;
  document: string;
  page: number;
  text: string;
}

export function custodyStart(facts: CaseFacts, personId: string): CustodyStart | null {
  const found: CustodyStart[] = [];
  for (const e of facts.events) {
    if (e.type !== 'CUSTODY_TRANSFER' || !eventConcerns(facts, e, personId)) continue;
    const t = parseCaseTime(e.start);
    if (t) found.push({ time: t, document: e.document, page: e.page, text: e.text });
  }
  for (const d of facts.documents) {
    if (!d.fields.custodyAt || !documentConcerns(facts, d, personId)) continue;
    const t = parseCaseTime(d.fields.custodyAt);
    if (t) found.push({ time: t, document: d.id, page: d.page, text: `${d.title} 送押 ${d.fields.custodyAt}` });
  }
  found.sort((a, b) => a.time.ms - b.time.ms);
  return found[0] ?? null;
}
