import type { CustodyBand, Deadline, TimelineView } from '../../../shared/api.js';
import type { EventType, PersonRole } from '../../../shared/vocab.js';
import type { CaseStore } from '../store/case-store.js';
import { caseIso, parseCaseTime } from '../../../shared/case-time.js';
import { deadlineMet, dueOf, LEGAL_DEADLINES, type LegalDeadline } from '../../../shared/deadlines.js';
import { PageRefs } from './refs.js';

/** Epoch ms of a case time (a plain date at its start in China), by the one case clock. */
function parse(t: string | null): number | null {
  return parseCaseTime(t)?.ms ?? null;
}

/** The case on a time axis: events, custody periods, legal deadlines, and where findings sit. */
export function getTimeline(store: CaseStore, caseId: string): TimelineView {
  const refs = new PageRefs(store, caseId);
  const rows = store.listEvents(caseId);
  const events = rows.map((e) => ({
    id: e.id,
    type: e.type as EventType,
    start: e.start,
    end: e.end,
    subjects: e.subjects,
    actors: e.actors,
    place: e.place,
    evidence: refs.forDocumentPage(e.document_id, e.page_no, e.text),
    conflicts: e.conflicts ?? [],
    basis: e.basis,
  }));
  // Deadlines and custody spans run from what the papers prove; a narrative's telling is shown, not counted.
  const proven = events.filter((e) => e.basis === 'document');
  const persons = store
    .listEntities(caseId)
    .filter((e) => e.type === 'PERSON')
    .map((e) => {
      return { id: e.id, name: e.value, role: (e.attributes.role as PersonRole | undefined) ?? null };
    });
  // The first act of a type for the person at or after a moment, as its own paper dates it.
  const firstActAfter = (type: EventType, subject: string | null, fromMs: number) =>
    proven
      .filter((e) => e.type === type && (!subject || e.subjects.length === 0 || e.subjects.includes(subject)))
      .map((e) => parseCaseTime(e.start))
      .filter((t): t is NonNullable<typeof t> => t !== null && t.ms >= fromMs - 60_000)
      .sort((a, b) => a.ms - b.ms)[0] ?? null;
  const firstAfter = (type: EventType, subject: string | null, fromMs: number) => firstActAfter(type, subject, fromMs)?.ms ?? null;

  const deadlines: Deadline[] = [];
  const custody: CustodyBand[] = [];
  // The limits the rules check (shared/deadlines.ts), met or missed as the rules count them.
  const add = (eventId: string, person: string | null, from: string, d: LegalDeadline) => {
    const start = parseCaseTime(from);
    if (!start) return;
    const act = d.to ? firstActAfter(d.to, person, start.ms) : null;
    deadlines.push({
      id: `${eventId}:${d.label.en}`,
      label: d.label,
      from,
      due: dueOf(d, start),
      person,
      met: d.to ? deadlineMet(d, start, act) : null,
      eventId,
    });
  };
  const byAct = new Map<EventType, LegalDeadline[]>();
  for (const d of Object.values(LEGAL_DEADLINES) as LegalDeadline[]) byAct.set(d.from, [...(byAct.get(d.from) ?? []), d]);
  for (const e of proven) {
    const t = parse(e.start);
    if (t === null || !e.start) continue;
    const subjects = e.subjects.length ? e.subjects : [null];
    for (const person of subjects) {
      for (const d of byAct.get(e.type) ?? []) add(e.id, person, e.start, d);
      if (e.type === 'DETENTION') {
        const end = [firstAfter('ARREST', person, t), firstAfter('BAIL', person, t), firstAfter('RESIDENTIAL_SURVEILLANCE', person, t)]
          .filter((x): x is number => x !== null)
          .sort((a, b) => a - b)[0];
        if (person) custody.push({ person, kind: 'detention', from: e.start, to: end !== undefined ? caseIso(end) : null });
      } else if (e.type === 'ARREST') {
        const end = firstAfter('TRANSFERRED_FOR_PROSECUTION', person, t);
        if (person) custody.push({ person, kind: 'arrest', from: e.start, to: end !== null ? caseIso(end) : null });
      } else if (e.type === 'SUMMONS' && e.end && person) {
        custody.push({ person, kind: 'summons', from: e.start, to: e.end });
      } else if (e.type === 'BAIL' && person) {
        custody.push({ person, kind: 'bail', from: e.start, to: e.end });
      } else if (e.type === 'RESIDENTIAL_SURVEILLANCE' && person) {
        custody.push({ person, kind: 'surveillance', from: e.start, to: e.end });
      }
    }
  }
  const byDoc = new Map<string, typeof events>();
  for (const e of events) {
    const d = e.evidence.document ?? '';
    byDoc.set(d, [...(byDoc.get(d) ?? []), e]);
  }
  const findings = store.listFindings(caseId).map((f) => {
    const docs = f.evidence.map((e) => e.document);
    const linked = docs.flatMap((d) => byDoc.get(d) ?? []);
    const times = linked
      .map((e) => e.start)
      .filter((s): s is string => !!s)
      .sort();
    return { key: f.key, rule: f.rule, severity: f.severity, at: times[times.length - 1] ?? null, eventIds: linked.map((e) => e.id) };
  });
  return { persons, events, deadlines, custody, findings };
}
