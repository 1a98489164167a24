// Sessions: the acts a record documents (讯问, 询问, 搜查, 扣押, 辨认, 勘验) with
// their interval, place, officers and the person they concern. Sections F–L read
// records through this one model, so every rule agrees on who was where when.
import type { CaseFacts, FactDocument, RecordAttendee } from '../facts.js';
import { personName, recordSubjectId } from '../facts.js';
import type { EventType } from '../../../../shared/vocab.js';
import type { CaseTime } from '../../../../shared/case-time.js';
import { formatCaseTime, parseCaseTime } from '../../../../shared/case-time.js';

export type SessionKind = 'interrogation' | 'inquiry' | 'search' | 'seizure' | 'lineup' | 'scene';

export const SESSION_LABELS: Record<SessionKind, { zh: string; en: string }> = {
  interrogation: { zh: '讯问', en: 'interrogation' },
  inquiry: { zh: '询问', en: 'inquiry' },
  search: { zh: '搜查', en: 'search' },
  seizure: { zh: '扣押', en: 'seizure' },
  lineup: { zh: '辨认', en: 'identification line-up' },
  scene: { zh: '勘验', en: 'scene examination' },
};

export interface Session {
  doc: FactDocument;
  kind: SessionKind;
  start: CaseTime | null;
  end: CaseTime | null;
  place: string | null;
  investigators: string[];
  recorder: string | null;
  /** Investigators and the recorder: everyone whose presence the record vouches for. */
  officers: string[];
  subjectId: string | null;
  subjectName: string | null;
  attendees: RecordAttendee[];
  session: number | null;
}

const EVENT_OF_KIND: Partial<Record<SessionKind, EventType[]>> = {
  interrogation: ['INTERROGATION'],
  inquiry: ['INQUIRY'],
  search: ['SEARCH'],
  seizure: ['SEIZURE'],
};

/** What act a document records, if it is a record of one. */
export function sessionKind(doc: FactDocument): SessionKind | null {
  switch (doc.type) {
    case 'INTERROGATION_RECORD':
      return 'interrogation';
    case 'INQUIRY_RECORD':
      return 'inquiry';
    case 'SEARCH_RECORD':
      return 'search';
    default:
      break;
  }
  const t = doc.title;
  if (doc.type === 'SEIZURE_LIST') return doc.fields.start ? 'seizure' : null;
  if (doc.type !== 'OTHER') return null;
  if (/辨认/.test(t)) return 'lineup';
  if (/勘验|勘查|检查笔录|尸体检验/.test(t)) return 'scene';
  if (/(扣押|查封)笔录/.test(t)) return 'seizure';
  if (/搜查笔录/.test(t)) return 'search';
  if (/讯问笔录/.test(t)) return 'interrogation';
  if (/询问笔录/.test(t)) return 'inquiry';
  return null;
}

/** Names as written, with spaces OCR or typists put inside them removed. */
export function normaliseName(name: string): string {
  return name.replace(/[\s\u3000]/g, '');
}

/** A list of names that may arrive as one string ("张三、李四"). */
export function splitNames(names: readonly string[] | null | undefined): string[] {
  const out: string[] = [];
  for (const n of names ?? []) {
    for (const part of n.split(/[、,，;；/\s]+/)) {
      const name = normaliseName(part);
      if (name && !out.includes(name)) out.push(name);
    }
  }
  return out;
}

export function sessionOf(facts: CaseFacts, doc: FactDocument): Session | null {
  const kind = sessionKind(doc);
  if (!kind) return null;
  const f = doc.fields;
  const types = EVENT_OF_KIND[kind] ?? [];
  const ev = facts.events.find((e) => e.document === doc.id && types.includes(e.type));
  const investigators = splitNames(
    f.investigators && f.investigators.length > 0 ? f.investigators : (ev?.actors ?? []).map((a) => personName(facts, a)),
  );
  const recorder = f.recorder ? normaliseName(f.recorder) : null;
  const officers = [...investigators];
  if (recorder && !officers.includes(recorder)) officers.push(recorder);
  let subjectId = recordSubjectId(facts, doc);
  if (!subjectId && ev && ev.subjects.length === 1) subjectId = ev.subjects[0] ?? null;
  const subjectName = f.subject ? normaliseName(f.subject) : subjectId ? personName(facts, subjectId) : null;
  return {
    doc,
    kind,
    start: parseCaseTime(f.start ?? ev?.start ?? null),
    end: parseCaseTime(f.end ?? ev?.end ?? null),
    place: f.place ?? ev?.place ?? null,
    investigators,
    recorder,
    officers,
    subjectId,
    subjectName,
    attendees: f.attendees ?? [],
    session: f.session ?? null,
  };
}

export function sessionsOf(facts: CaseFacts, ...kinds: SessionKind[]): Session[] {
  const out: Session[] = [];
  for (const doc of facts.documents) {
    const s = sessionOf(facts, doc);
    if (s && (kinds.length === 0 || kinds.includes(s.kind))) out.push(s);
  }
  return out;
}

/** Who a session is about, for comparing sessions: the person id, else the name. */
export function subjectKey(s: Session): string | null {
  return s.subjectId ?? s.subjectName;
}

/** Both ends known to the minute. */
export function hasInterval(s: Session): s is Session & { start: CaseTime; end: CaseTime } {
  return !!s.start && !!s.end && s.start.hasTime && s.end.hasTime && s.end.ms > s.start.ms;
}

/** Strict overlap: one session ending at the minute the next begins is no conflict. */
export function overlaps(a: Session, b: Session): boolean {
  if (!hasInterval(a) || !hasInterval(b)) return false;
  return a.start.ms < b.end.ms && b.start.ms < a.end.ms;
}

export function intervalText(s: Session): string {
  const start = s.start ? formatCaseTime(s.start) : '?';
  const end = s.end ? formatCaseTime(s.end) : '?';
  const sameDay = s.start && s.end && s.start.hasTime && s.end.hasTime && s.start.date === s.end.date;
  return `${start}–${sameDay ? end.slice(11) : end}`;
}

function compactPlace(place: string): string {
  return place.replace(/[\s\u3000，,。.、（）()]/g, '');
}

/** Places written differently can still be one place ("XX派出所" / "XX派出所讯问室"). */
export function samePlace(a: string | null, b: string | null): boolean | null {
  if (!a || !b) return null;
  const x = compactPlace(a);
  const y = compactPlace(b);
  return x.includes(y) || y.includes(x);
}

export function inCustodyFacility(place: string | null): boolean {
  return !!place && /看守所|羁押/.test(place);
}

/** A police facility where questioning may lawfully happen before custody (PSR 198). */
export function atPolicePremises(place: string | null): boolean {
  return !!place && /公安|派出所|办案中心|办案区|执法办案|讯问室|询问室|刑侦|刑警|大队|支队|分局|警务/.test(place);
}

/** A short description of a session for messages: "讯问 张三 (d3, 2024-03-05 14:30–16:05, XX派出所)". */
export function describe(s: Session, locale: 'zh' | 'en'): string {
  const label = SESSION_LABELS[s.kind][locale];
  const who = s.subjectName ? ` ${s.subjectName}` : '';
  const place = s.place ? `，${s.place}` : '';
  const placeEn = s.place ? `, ${s.place}` : '';
  return locale === 'zh'
    ? `${label}${who}（${s.doc.title}，第${s.doc.page}页，${intervalText(s)}${place}）`
    : `${label}${who} (${s.doc.title}, p. ${s.doc.page}, ${intervalText(s)}${placeEn})`;
}
