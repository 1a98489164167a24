// Where the acts of a case (a detention, a notice, an interrogation) are read
// from: the timeline's events first, then the documents that record them. One
// act is usually both an event and a document (拘留证 → DETENTION); a document no
// event points at still counts, so a gap in event extraction never hides an act.
import type { DocumentType, EventType } from '../../../shared/vocab.js';
import type { CaseFacts, FactDocument, FactEvent, FieldKey } from './facts.js';
import { documentById, recordSubjectId } from './facts.js';
import type { Evidence } from './rule.js';
import { documentEvidence, eventEvidence } from './rule.js';
import type { CaseTime } from '../../../shared/case-time.js';
import { parseCaseTime } from '../../../shared/case-time.js';

export interface Occurrence {
  /** Person id, or null when neither the event nor the document names the person. */
  person: string | null;
  /** When it happened (start); null when the file does not say. */
  time: CaseTime | null;
  /** When it ended, for acts with a duration. */
  end: CaseTime | null;
  event: FactEvent | null;
  doc: FactDocument | null;
  evidence: Evidence;
}

export interface OccurrenceSpec {
  events: EventType[];
  documents: DocumentType[];
  /** Also documents whose title matches (e.g. 不批准逮捕决定书, typed OTHER). */
  titles?: RegExp;
  /** Fields of the document that give the time, in order of preference. */
  fields: FieldKey[];
  /** Fields of the document that give the end. */
  endFields?: FieldKey[];
  /** Fall back to the document's sign-off date when no field gives a time. */
  useDocumentDate?: boolean;
}

export function fieldTime(doc: FactDocument | null | undefined, fields: readonly FieldKey[]): CaseTime | null {
  if (!doc) return null;
  for (const f of fields) {
    const v = doc.fields[f];
    if (typeof v === 'string') {
      const t = parseCaseTime(v);
      if (t) return t;
    }
  }
  return null;
}

function matchesDocument(doc: FactDocument, spec: OccurrenceSpec): boolean {
  return spec.documents.includes(doc.type) || (spec.titles !== undefined && spec.titles.test(doc.title));
}

/**
 * Every occurrence of an act. An event with several subjects gives one
 * occurrence per subject. A time in the event wins over the document's fields,
 * which win over the sign-off date.
 */
export function occurrences(facts: CaseFacts, spec: OccurrenceSpec): Occurrence[] {
  const out: Occurrence[] = [];
  const covered = new Set<string>();
  for (const event of facts.events) {
    if (!spec.events.includes(event.type)) continue;
    const doc = documentById(facts, event.document) ?? null;
    if (doc && matchesDocument(doc, spec)) covered.add(doc.id);
    const time =
      parseCaseTime(event.start) ??
      fieldTime(doc, spec.fields) ??
      (spec.useDocumentDate && doc && matchesDocument(doc, spec) ? parseCaseTime(doc.date) : null);
    const end = parseCaseTime(event.end) ?? fieldTime(doc, spec.endFields ?? []);
    const persons = event.subjects.length > 0 ? event.subjects : [doc ? recordSubjectId(facts, doc) : null];
    for (const person of persons) out.push({ person, time, end, event, doc, evidence: eventEvidence(event) });
  }
  for (const doc of facts.documents) {
    if (!matchesDocument(doc, spec) || covered.has(doc.id)) continue;
    const time = fieldTime(doc, spec.fields) ?? (spec.useDocumentDate ? parseCaseTime(doc.date) : null);
    const end = fieldTime(doc, spec.endFields ?? []);
    out.push({ person: recordSubjectId(facts, doc), time, end, event: null, doc, evidence: documentEvidence(doc) });
  }
  return out;
}

/**
 * The person an unattributed occurrence belongs to: in a case with one suspect,
 * that suspect. Otherwise it stays unattributed.
 */
export function attribute(facts: CaseFacts, occs: Occurrence[]): Occurrence[] {
  const only = soleSuspect(facts);
  return occs.map((o) => (o.person === null && only ? { ...o, person: only } : o));
}

/** The suspect of a one-suspect case; null when there are none or several. */
export function soleSuspect(facts: CaseFacts): string | null {
  const suspects = facts.persons.filter((p) => p.role === 'SUSPECT');
  return suspects.length === 1 ? (suspects[0]?.id ?? null) : null;
}

/** Persons with at least one occurrence; unattributed occurrences are grouped under null. */
export function byPerson(occs: readonly Occurrence[]): Map<string | null, Occurrence[]> {
  const map = new Map<string | null, Occurrence[]>();
  for (const o of occs) {
    const list = map.get(o.person) ?? [];
    list.push(o);
    map.set(o.person, list);
  }
  return map;
}

/**
 * Groups per person for rules that check each person's measure. An unattributed
 * occurrence stands alone only when no occurrence names anybody: otherwise it is
 * most likely a narrative mention of one of theirs.
 */
export function perPerson(occs: readonly Occurrence[]): [string | null, Occurrence[]][] {
  const groups = [...byPerson(occs)];
  const named = groups.filter(([p]) => p !== null);
  return named.length > 0 ? named : groups;
}

/** Occurrences concerning a person: theirs, and unattributed ones (which may be theirs). */
export function ofPerson(occs: readonly Occurrence[], person: string | null): Occurrence[] {
  return occs.filter((o) => o.person === person || o.person === null);
}

/**
 * The occurrence that best states when an act happened: one from the act's own
 * document (拘留证 for a detention) before one told in a later narrative, one
 * with a time of day before a plain date, then the earliest.
 */
export function principal(occs: readonly Occurrence[], ownDocuments: readonly DocumentType[]): Occurrence | null {
  const ranked = [...occs].sort((a, b) => rank(a, ownDocuments) - rank(b, ownDocuments) || timeMs(a) - timeMs(b));
  return ranked[0] ?? null;
}

function rank(o: Occurrence, own: readonly DocumentType[]): number {
  const ownDoc = o.doc !== null && own.includes(o.doc.type) ? 0 : 2;
  const timed = o.time === null ? 4 : o.time.hasTime ? 0 : 1;
  return ownDoc + timed;
}

function timeMs(o: Occurrence): number {
  return o.time?.ms ?? Number.MAX_SAFE_INTEGER;
}

/** Occurrences that may come at or after a time: a plain date on the same day may. */
export function atOrAfter(occs: readonly Occurrence[], from: CaseTime): Occurrence[] {
  return occs.filter((o) => {
    if (!o.time) return false;
    if (o.time.hasTime && from.hasTime) return o.time.ms >= from.ms;
    return o.time.date >= from.date;
  });
}

/** The earliest by time (occurrences without a time last). */
export function first(occs: readonly Occurrence[]): Occurrence | null {
  return [...occs].sort((a, b) => timeMs(a) - timeMs(b))[0] ?? null;
}

/** Distinct person keys of a set of occurrences, null last. */
export function personsOf(occs: readonly Occurrence[]): (string | null)[] {
  const ids = [...new Set(occs.map((o) => o.person))];
  return ids.sort((a, b) => (a === null ? 1 : b === null ? -1 : 0));
}

// ── Shared readings of the acts ──────────────────────────────────────────────

export const DETENTION: OccurrenceSpec = {
  events: ['DETENTION'],
  documents: ['DETENTION_WARRANT'],
  fields: ['executedAt', 'start'],
};
export const ARREST: OccurrenceSpec = {
  events: ['ARREST'],
  documents: ['ARREST_WARRANT'],
  fields: ['executedAt', 'start'],
};
export const INTERROGATION: OccurrenceSpec = {
  events: ['INTERROGATION'],
  documents: ['INTERROGATION_RECORD'],
  fields: ['start'],
  endFields: ['end'],
};
export const CUSTODY_ARRIVAL: OccurrenceSpec = {
  events: ['CUSTODY_TRANSFER'],
  documents: [],
  fields: ['custodyAt'],
};
export const SUMMONS: OccurrenceSpec = {
  events: ['SUMMONS'],
  documents: ['SUMMONS'],
  fields: ['start'],
  endFields: ['end'],
};
export const BAIL: OccurrenceSpec = {
  events: ['BAIL'],
  documents: ['BAIL'],
  fields: ['executedAt', 'start'],
  endFields: ['end'],
  useDocumentDate: true,
};
export const RESIDENTIAL_SURVEILLANCE: OccurrenceSpec = {
  events: ['RESIDENTIAL_SURVEILLANCE'],
  documents: ['RESIDENTIAL_SURVEILLANCE'],
  fields: ['executedAt', 'start'],
  endFields: ['end'],
  useDocumentDate: true,
};

/** The person's name for a message, or "犯罪嫌疑人" when unknown. */
export function who(facts: CaseFacts, person: string | null, locale: 'zh' | 'en'): string {
  const name = person ? facts.persons.find((p) => p.id === person)?.name : undefined;
  if (name) return name;
  return locale === 'zh' ? '犯罪嫌疑人' : 'the suspect';
}

/** Custody-transfer times written on documents that carry them (拘留证 回执, 逮捕证), as occurrences. */
export function custodyArrivals(facts: CaseFacts): Occurrence[] {
  const fromEvents = occurrences(facts, CUSTODY_ARRIVAL);
  const fromFields: Occurrence[] = [];
  for (const doc of facts.documents) {
    if (fromEvents.some((o) => o.doc?.id === doc.id)) continue;
    const time = fieldTime(doc, ['custodyAt']);
    if (time) fromFields.push({ person: recordSubjectId(facts, doc), time, end: null, event: null, doc, evidence: documentEvidence(doc) });
  }
  return attribute(facts, [...fromEvents, ...fromFields]);
}

/** Crimes for which CPL 85(2) lets a notice wait because it may hinder the investigation. */
const STATE_SECURITY_OR_TERRORISM =
  /危害国家安全|背叛国家|分裂国家|颠覆国家政权|武装叛乱|武装暴乱|间谍|叛逃|资敌|为境外[^罪]*(窃取|刺探|收买|非法提供)|恐怖|极端主义/;

export function isStateSecurityOrTerrorism(charge: string | null): boolean {
  return charge !== null && STATE_SECURITY_OR_TERRORISM.test(charge);
}

export type NoticeException = { kind: 'unreachable' | 'hinders'; text: string };

const UNREACHABLE = /无法通知|无法联系|身份不明|没有家属|无家属/;
const HINDERS = /有碍侦查|妨碍侦查/;

/** The exception a notice (or the document standing for it) claims, if any. */
export function noticeException(doc: FactDocument | null): NoticeException | null {
  if (!doc) return null;
  const field = typeof doc.fields.exception === 'string' ? doc.fields.exception.trim() : '';
  const sources = field ? [field] : [];
  // The statute's own wording ("除无法通知…以外") quoted in a template is no claim.
  sources.push(doc.text.replace(/除[^，。；]*以外/g, ''));
  for (const s of sources) {
    const h = HINDERS.exec(s);
    if (h) return { kind: 'hinders', text: field || h[0] };
    const u = UNREACHABLE.exec(s);
    if (u) return { kind: 'unreachable', text: field || u[0] };
  }
  return null;
}
