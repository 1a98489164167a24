import type { CustodyBand, Deadline, TimelineView } from '../../../shared/api.js';
import type { EventType, PersonRole } from '../../../shared/vocab.js';
import type { CaseStore } from '../store/case-store.js';
import { PageRefs } from './refs.js';

const HOUR = 3_600_000;
const TZ = '+08:00';

function parse(t: string | null): number | null {
  if (!t) return null;
  const ms = Date.parse(t.length === 10 ? `${t}T00:00:00${TZ}` : t);
  return Number.isNaN(ms) ? null : ms;
}
function iso(ms: number): string {
  const d = new Date(ms + 8 * HOUR);
  return `${d.toISOString().slice(0, 16)}:00${TZ}`;
}
/** End of the Nth day after the event's date: the starting day is not counted (CPL 105). */
function endOfDayPlus(t: string, days: number): string {
  const date = t.slice(0, 10);
  const ms = Date.parse(`${date}T00:00:00${TZ}`) + (days + 1) * 24 * HOUR - 60_000;
  return iso(ms);
}
function plusMonths(t: string, months: number): string {
  const [y, m, d] = t.slice(0, 10).split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return `${target.getUTCFullYear()}-${String(target.getUTCMonth() + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}T23:59:00${TZ}`;
}

/** The case on a time axis: events, custody periods, legal deadlines, and where findings sit. */
export function getTimeline(store: CaseStore, caseId: string): TimelineView {
  const refs = new PageRefs(store, caseId);
  const rows = store.listEvents(caseId);
  const events = rows.map((e) => ({
    id: e.id, type: e.type as EventType, start: e.start, end: e.end, subjects: JSON.parse(e.subjects_json) as string[],
    actors: JSON.parse(e.actors_json) as string[], place: e.place, evidence: refs.forDocumentPage(e.document_id, e.page_no, e.text),
    conflicts: e.conflicts_json ? (JSON.parse(e.conflicts_json) as TimelineView['events'][number]['conflicts']) : [],
    basis: e.basis,
  }));
  // Deadlines and custody spans run from what the papers prove; a narrative's telling is shown, not counted.
  const proven = events.filter((e) => e.basis === 'document');
  const persons = store.listEntities(caseId).filter((e) => e.type === 'PERSON').map((e) => {
    const a = JSON.parse(e.attributes_json) as { role?: PersonRole };
    return { id: e.id, name: e.value, role: a.role ?? null };
  });
  const firstAfter = (type: EventType, subject: string | null, fromMs: number) => proven
    .filter((e) => e.type === type && (!subject || e.subjects.length === 0 || e.subjects.includes(subject)))
    .map((e) => parse(e.start)).filter((t): t is number => t !== null && t >= fromMs - 60_000).sort((a, b) => a - b)[0] ?? null;

  const deadlines: Deadline[] = [];
  const custody: CustodyBand[] = [];
  const add = (eventId: string, person: string | null, from: string, due: string, zh: string, en: string, fulfilled: EventType | null) => {
    const fromMs = parse(from)!;
    const done = fulfilled ? firstAfter(fulfilled, person, fromMs) : null;
    deadlines.push({ id: `${eventId}:${en}`, label: { zh, en }, from, due, person, met: fulfilled ? (done === null ? null : done <= parse(due)!) : null, eventId });
  };
  for (const e of proven) {
    const t = parse(e.start);
    if (t === null || !e.start) continue;
    const subjects = e.subjects.length ? e.subjects : [null];
    for (const person of subjects) {
      if (e.type === 'DETENTION') {
        add(e.id, person, e.start, iso(t + 24 * HOUR), '通知家属 24 小时', 'Family notice 24 h', 'FAMILY_NOTIFIED');
        add(e.id, person, e.start, iso(t + 24 * HOUR), '送看守所 24 小时', 'Custody transfer 24 h', 'CUSTODY_TRANSFER');
        add(e.id, person, e.start, iso(t + 24 * HOUR), '首次讯问 24 小时', 'First interrogation 24 h', 'INTERROGATION');
        add(e.id, person, e.start, endOfDayPlus(e.start, 3), '提请批准逮捕 3 日', 'Arrest request 3 days', 'ARREST_REQUESTED');
        add(e.id, person, e.start, endOfDayPlus(e.start, 7), '提请批准逮捕（延长）7 日', 'Arrest request, extended 7 days', null);
        add(e.id, person, e.start, endOfDayPlus(e.start, 30), '提请批准逮捕（流窜、多次、结伙）30 日', 'Arrest request, 30 days', null);
        const end = [firstAfter('ARREST', person, t), firstAfter('BAIL', person, t), firstAfter('RESIDENTIAL_SURVEILLANCE', person, t)].filter((x): x is number => x !== null).sort((a, b) => a - b)[0];
        if (person) custody.push({ person, kind: 'detention', from: e.start, to: end !== undefined ? iso(end) : null });
      } else if (e.type === 'ARREST') {
        add(e.id, person, e.start, iso(t + 24 * HOUR), '逮捕通知家属 24 小时', 'Arrest notice 24 h', 'FAMILY_NOTIFIED');
        add(e.id, person, e.start, plusMonths(e.start, 2), '侦查羁押 2 个月', 'Custody 2 months', null);
        const end = firstAfter('TRANSFERRED_FOR_PROSECUTION', person, t);
        if (person) custody.push({ person, kind: 'arrest', from: e.start, to: end !== null ? iso(end) : null });
      } else if (e.type === 'ARREST_REQUESTED') {
        add(e.id, person, e.start, endOfDayPlus(e.start, 7), '检察院审查批准 7 日', 'Prosecutor decision 7 days', 'ARREST_APPROVED');
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
  for (const e of events) { const d = e.evidence.document ?? ''; byDoc.set(d, [...(byDoc.get(d) ?? []), e]); }
  const findings = store.listFindings(caseId).map((f) => {
    const docs = (JSON.parse(f.evidence_json) as { document: string }[]).map((e) => e.document);
    const linked = docs.flatMap((d) => byDoc.get(d) ?? []);
    const times = linked.map((e) => e.start).filter((s): s is string => !!s).sort();
    return { key: f.key, rule: f.rule, severity: f.severity, at: times[times.length - 1] ?? null, eventIds: linked.map((e) => e.id) };
  });
  return { persons, events, deadlines, custody, findings };
}
