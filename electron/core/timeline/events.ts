// Over 400 lines on purpose: extractEvents is one switch over document kinds, each case a few lines sharing the
// document's fields and one add(), so a form's events are checked in one place; settle() merges what papers repeat.
// The procedural timeline: what happened, to whom, by whom, when and where, each
// event quoting the words and the page that say so. The rules reason over these
// times, so where two documents state the same event differently (拘留证 vs
// 拘留通知书) both are kept: the warrant's time leads and the other is a conflict.
import type { DocumentType, EventBasis, EventType } from '../../../shared/vocab.js';
import type { FieldEvidence, RecordFields } from '../catalogue/fields.js';
import { allDates, flowText, readFields } from '../catalogue/fields.js';
import type { FactEvent, NarrativeCustody } from '../rules/facts.js';
import { earlierCasePapers } from '../narrative/priors.js';

export interface TimelineDocument {
  id: string;
  type: DocumentType;
  page: number;
  pageTo: number;
  date: string | null;
  text: string;
  pageTexts: { page: number; text: string }[];
  fields: RecordFields;
}

export interface TimelinePerson {
  id: string;
  name: string;
  role: string | null;
  aliases?: string[];
}

export interface EventConflict {
  document: string;
  page: number;
  start: string | null;
  text: string;
}

/** A fact event as the rules read it, with the other documents' times where they disagree. */
export interface TimelineEvent extends FactEvent {
  conflicts?: EventConflict[];
}

const squash = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '');

class People {
  private readonly byName = new Map<string, TimelinePerson>();
  constructor(private readonly persons: TimelinePerson[]) {
    for (const p of persons) {
      for (const n of [p.name, ...(p.aliases ?? [])]) if (n && !this.byName.has(n)) this.byName.set(n, p);
    }
  }
  id(name: string | null | undefined): string | null {
    if (!name) return null;
    return this.byName.get(name)?.id ?? null;
  }
  ids(names: (string | null | undefined)[]): string[] {
    const out: string[] = [];
    for (const n of names) {
      const id = this.id(n);
      if (id && !out.includes(id)) out.push(id);
    }
    return out;
  }
  /** People of a role named in the text, in order of first mention. */
  mentioned(text: string, role: string): string[] {
    const hits: { at: number; id: string }[] = [];
    for (const p of this.persons) {
      if (p.role !== role) continue;
      const at = Math.min(
        ...[p.name, ...(p.aliases ?? [])].map((n) => {
          const i = text.indexOf(n);
          return i < 0 ? Infinity : i;
        }),
      );
      if (at < Infinity) hits.push({ at, id: p.id });
    }
    return hits.sort((a, b) => a.at - b.at).map((h) => h.id);
  }
}

/** The page of the document on which a line of its text is printed. */
function pageOf(doc: TimelineDocument, line: string | undefined): number {
  if (!line) return doc.page;
  const needle = squash(line).slice(0, 40);
  if (!needle) return doc.page;
  for (const p of doc.pageTexts) if (squash(p.text).includes(needle)) return p.page;
  return doc.page;
}

function quote(line: string | undefined, fallback: string): string {
  const t = (line ?? fallback).trim();
  return t.length > 160 ? `${t.slice(0, 160)}…` : t;
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.length > 0 ? v : null;
}

const fieldCache = new WeakMap<TimelineDocument, { f: RecordFields; ev: FieldEvidence }>();

/** Fields as stored (a reviewer's correction wins), filled in from the text where the store has none. */
function fieldsOf(doc: TimelineDocument): { f: RecordFields; ev: FieldEvidence } {
  const cached = fieldCache.get(doc);
  if (cached) return cached;
  const read = readFields(doc.type, doc.text, doc.date);
  const f: RecordFields = { ...read.fields };
  // A field the store holds (a reviewer's correction) wins over the one read again from the text.
  for (const [k, v] of Object.entries(doc.fields ?? {})) if (v !== null && v !== undefined) Object.assign(f, { [k]: v });
  const out = { f, ev: read.evidence };
  fieldCache.set(doc, out);
  return out;
}

function namesOf(v: unknown, people: People): string[] {
  return people.ids(Array.isArray(v) ? v.filter((n): n is string => typeof n === 'string') : []);
}

function executors(f: RecordFields, people: People): string[] {
  return namesOf(f.executors, people);
}

function jailOf(text: string): string | null {
  const m = /(?:送|羁押(?:在|于)|送至|送往)\s*([\u4e00-\u9fff]{2,24}?看守所)/.exec(text);
  return m?.[1] ?? null;
}

// Who an event happened to when the form names no one in a field of its own.
function subjectsOf(doc: TimelineDocument, f: RecordFields, people: People, role = 'SUSPECT'): string[] {
  const named = people.ids(f.subjects?.length ? f.subjects : [str(f.subject)]);
  if (named.length) return named;
  return people.mentioned(doc.text.slice(0, 1500), role).slice(0, 1);
}

interface Draft extends Omit<TimelineEvent, 'id' | 'basis'> {
  basis: EventBasis;
  /** Lower is more authoritative when two documents state one event. */
  authority: number;
  order: number;
  /** A narrative measure's person as written, so one told twice is one event even when the name is no entity. */
  narrator?: string | undefined;
}

// "…到达某执法办案中心接受讯问": how a 到案经过 tells a summoned person's coming in.
const APPREHENSION = /(抓获|到案|归案|挡获|查获|投案|到达[^，。；]{0,40}接受(?:讯问|询问|调查))/;

/** Papers that tell a custody history: their measures are narrative events. */
export const NARRATIVE_DOCUMENTS: ReadonlySet<DocumentType> = new Set([
  'PROSECUTION_OPINION',
  'ARREST_REQUEST',
  'DETENTION_REQUEST',
  'NARRATIVE',
  'INDICTMENT',
  'JUDGMENT',
  'RULING',
  'NON_PROSECUTION',
]);
// The police's own narratives tell an apprehension as the only paper of it (apprehensions() reads
// those); the court's and procuratorate's papers tell it second hand.
const POLICE_NARRATIVES: ReadonlySet<DocumentType> = new Set(['PROSECUTION_OPINION', 'ARREST_REQUEST', 'DETENTION_REQUEST', 'NARRATIVE']);

export function extractEvents(docs: TimelineDocument[], persons: TimelinePerson[]): TimelineEvent[] {
  const people = new People(persons);
  const drafts: Draft[] = [];
  const earlier = earlierCasePapers(docs);
  const hasType = (t: DocumentType): boolean => docs.some((d) => d.type === t);
  const hasSeizureRecord = docs.some((d) => d.type === 'OTHER' && fieldsOf(d).f.form === '扣押笔录');
  // The first record of each person carries the rights notice when no separate form does.
  const firstRecord = new Map<string, string>();
  for (const doc of docs) {
    if (doc.type !== 'INTERROGATION_RECORD' && doc.type !== 'INQUIRY_RECORD') continue;
    const { f } = fieldsOf(doc);
    const who = str(f.subject) ?? '';
    const t = str(f.start) ?? doc.date ?? '9999';
    const seen = firstRecord.get(who);
    const seenDoc = seen ? docs.find((d) => d.id === seen) : undefined;
    const seenT = seenDoc ? (str(fieldsOf(seenDoc).f.start) ?? seenDoc.date ?? '9999') : '9999';
    if (!seen || t < seenT) firstRecord.set(who, doc.id);
  }

  docs.forEach((doc, order) => {
    const { f, ev } = fieldsOf(doc);
    const add = (type: EventType, start: string | null, opts: Partial<Draft> & { line?: string } = {}): void => {
      const { line, ...rest } = opts;
      drafts.push({
        type,
        start,
        end: null,
        subjects: subjectsOf(doc, f, people),
        actors: [],
        place: null,
        document: doc.id,
        page: pageOf(doc, line),
        text: quote(line, doc.text.split('\n').find((l) => l.trim()) ?? ''),
        authority: 1,
        order,
        basis: 'document',
        ...rest,
      });
    };
    const signed = doc.date;
    switch (doc.type) {
      case 'DETENTION_WARRANT':
        add('DETENTION', str(f.executedAt) ?? signed, { line: ev.executedAt, authority: 0, actors: executors(f, people) });
        if (str(f.custodyAt))
          add('CUSTODY_TRANSFER', str(f.custodyAt), {
            line: ev.custodyAt,
            place: jailOf(doc.text),
            authority: 0,
            actors: executors(f, people),
          });
        break;
      case 'DETENTION_NOTICE':
      case 'ARREST_NOTICE': {
        const measure: EventType = doc.type === 'DETENTION_NOTICE' ? 'DETENTION' : 'ARREST';
        add('FAMILY_NOTIFIED', str(f.notifiedAt) ?? signed, { line: ev.notifiedAt, place: null, actors: namesOf(f.notifiers, people) });
        // The notice restates when the measure was executed: a second witness to that time.
        if (str(f.executedAt)) add(measure, str(f.executedAt), { line: ev.executedAt, authority: 5 });
        break;
      }
      case 'INTERROGATION_RECORD':
      case 'INQUIRY_RECORD': {
        const actors = people.ids([...(Array.isArray(f.investigators) ? f.investigators : []), str(f.recorder)]);
        const role = doc.type === 'INTERROGATION_RECORD' ? 'SUSPECT' : 'WITNESS';
        const subjects = people.ids([str(f.subject)]);
        const who = subjects.length ? subjects : people.mentioned(doc.text.slice(0, 600), role).slice(0, 1);
        add(doc.type === 'INTERROGATION_RECORD' ? 'INTERROGATION' : 'INQUIRY', str(f.start) ?? signed, {
          end: str(f.end),
          place: str(f.place),
          actors,
          subjects: who,
          line: ev.start,
        });
        if (f.rightsNotified === true && firstRecord.get(str(f.subject) ?? '') === doc.id) {
          add('RIGHTS_NOTIFIED', str(f.start) ?? signed, { subjects: who, actors, line: ev.rightsNotified, authority: 3 });
        }
        break;
      }
      case 'CASE_FILING':
        add('CASE_FILED', signed, { line: dateLine(doc.text, signed), subjects: [] });
        break;
      case 'REPORT_REGISTRATION':
        add('REPORT', str(f.reportedAt) ?? signed, { line: ev.reportedAt, subjects: people.ids([str(f.reporter)]) });
        if (str(f.offenceAt)) add('OFFENCE', str(f.offenceAt), { line: ev.offenceAt });
        break;
      case 'SUMMONS':
        add('SUMMONS', str(f.start) ?? signed, { end: str(f.end), line: ev.start, place: str(f.place), actors: executors(f, people) });
        break;
      case 'ARREST_REQUEST':
        add('ARREST_REQUESTED', signed, { line: dateLine(doc.text, signed) });
        break;
      case 'ARREST_APPROVAL':
        add('ARREST_APPROVED', signed, { line: dateLine(doc.text, signed) });
        break;
      case 'ARREST_WARRANT':
        add('ARREST', str(f.executedAt) ?? signed, {
          line: ev.executedAt,
          authority: 0,
          actors: executors(f, people),
          place: jailOf(doc.text),
        });
        if (str(f.custodyAt))
          add('CUSTODY_TRANSFER', str(f.custodyAt), {
            line: ev.custodyAt,
            place: jailOf(doc.text),
            authority: 0,
            actors: executors(f, people),
          });
        break;
      case 'DETENTION_EXTENSION':
        add('DETENTION_EXTENDED', signed, { line: dateLine(doc.text, signed) });
        break;
      case 'BAIL':
        add('BAIL', str(f.start) ?? signed, { line: ev.start ?? dateLine(doc.text, signed) });
        break;
      case 'RESIDENTIAL_SURVEILLANCE':
        add('RESIDENTIAL_SURVEILLANCE', str(f.start) ?? signed, { line: ev.start ?? dateLine(doc.text, signed) });
        break;
      case 'SEARCH_RECORD':
        add('SEARCH', str(f.start) ?? signed, {
          end: str(f.end),
          place: str(f.place),
          line: ev.start,
          actors: people.ids([...(Array.isArray(f.investigators) ? f.investigators : []), str(f.recorder)]),
        });
        break;
      case 'SEARCH_WARRANT':
        if (!hasType('SEARCH_RECORD')) add('SEARCH', signed, { line: dateLine(doc.text, signed) });
        break;
      case 'SEIZURE_DECISION':
        if (!hasSeizureRecord) add('SEIZURE', str(f.start) ?? signed, { line: ev.start ?? dateLine(doc.text, signed) });
        break;
      case 'SEIZURE_LIST':
        if (!hasSeizureRecord && !hasType('SEIZURE_DECISION'))
          add('SEIZURE', str(f.start) ?? signed, { line: ev.start ?? dateLine(doc.text, signed) });
        break;
      case 'APPRAISAL':
        add('APPRAISAL', str(f.appraisedAt) ?? signed, {
          line: ev.appraisedAt ?? dateLine(doc.text, signed),
          subjects: people.ids([str(f.subject)]),
          actors: namesOf(f.experts, people),
        });
        break;
      case 'APPRAISAL_NOTICE':
        add('APPRAISAL_NOTIFIED', str(f.notifiedAt) ?? signed, {
          line: ev.recipient ?? dateLine(doc.text, signed),
          subjects: people.ids([str(f.recipient)]).length ? people.ids([str(f.recipient)]) : subjectsOf(doc, f, people),
        });
        break;
      case 'RIGHTS_NOTICE':
        add('RIGHTS_NOTIFIED', str(f.notifiedAt) ?? signed, {
          line: ev.notifiedAt ?? dateLine(doc.text, signed),
          authority: 0,
          actors: namesOf(f.notifiers, people),
        });
        break;
      case 'OTHER':
        if (f.form === '扣押笔录') {
          add('SEIZURE', str(f.start) ?? signed, {
            end: str(f.end),
            place: str(f.place),
            line: ev.start,
            actors: people.ids([...(Array.isArray(f.investigators) ? f.investigators : []), str(f.recorder)]),
          });
        }
        break;
      case 'PROSECUTION_OPINION': {
        add('TRANSFERRED_FOR_PROSECUTION', signed, { line: dateLine(doc.text, signed) });
        const offence = offenceOf(doc);
        if (offence) add('OFFENCE', offence.iso, { line: offence.line, authority: 0 });
        break;
      }
      default:
        break;
    }
    // 抓获/到案 are told in 到案经过, in records and in the opinions, not on a form of their own.
    const apprehended = apprehensions(doc);
    for (const a of apprehended) {
      add('APPREHENDED', a.iso, {
        line: a.line,
        subjects: a.subject ? people.ids([a.subject]) : subjectsOf(doc, f, people),
        authority: doc.type === 'OTHER' || doc.type === 'NARRATIVE' ? 0 : 4,
      });
    }
    if (earlier.has(doc.id)) return;
    // The court's and procuratorate's own acts, proven by the paper itself.
    const parties = people.ids(Array.isArray(f.parties) ? f.parties : []);
    if (doc.type === 'INDICTMENT' && signed) add('INDICTED', signed, { line: dateLine(doc.text, signed), subjects: parties });
    if (doc.type === 'JUDGMENT' && signed) {
      const sentenced = people.ids((f.sentences ?? []).map((x) => x.person));
      add('SENTENCED', signed, {
        line: f.sentences?.[0]
          ? `被告人${f.sentences[0].person}犯${f.sentences[0].charge}，${f.sentences[0].penalty}`
          : dateLine(doc.text, signed),
        subjects: sentenced.length ? sentenced : parties,
      });
    }
    if (doc.type === 'JUDGMENT' && str(f.indictedAt)) {
      add('INDICTED', str(f.indictedAt), { line: ev.indictedAt, subjects: parties, basis: 'narrative' });
    }
    // The custody history as the paper tells it.
    if (NARRATIVE_DOCUMENTS.has(doc.type)) {
      for (const c of f.custody ?? []) {
        // An apprehension the police's paper dates to the hour is already that paper's event.
        if (
          c.type === 'APPREHENDED' &&
          POLICE_NARRATIVES.has(doc.type) &&
          apprehended.some((a) => a.iso.slice(0, 10) === c.date.slice(0, 10) && (!a.subject || !c.person || a.subject === c.person))
        )
          continue;
        add(c.type, c.date, {
          line: c.line,
          text: quote(c.text, c.line),
          subjects: personOf(c, people),
          basis: 'narrative',
          narrator: c.person ?? undefined,
        });
      }
    }
  });
  return settle(drafts);
}

/** The person a narrative measure is about, as a person id of the case (none when the name is unknown). */
function personOf(c: NarrativeCustody, people: People): string[] {
  return c.person ? people.ids([c.person]) : [];
}

function dateLine(text: string, date: string | null): string | undefined {
  if (!date) return undefined;
  const lines = text.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i] ?? '';
    if (allDates(l).some((d) => d.date === date)) return l.trim();
  }
  return undefined;
}

/** 经依法侦查查明：犯罪嫌疑人…于X时… — the first timed act of the facts found. */
function offenceOf(doc: TimelineDocument): { iso: string; line: string } | null {
  const text = flowText(doc.text);
  const at = text.search(/经依法侦查查明|经侦查查明|侦查查明/);
  if (at < 0) return null;
  const d = allDates(text.slice(at, at + 400), doc.date).find((x) => x.time !== null);
  if (!d) return null;
  const s = text.lastIndexOf('\n', at + d.start) + 1;
  const e = text.indexOf('\n', at + d.end);
  return { iso: d.iso, line: text.slice(s, e < 0 ? undefined : e).trim() };
}

function apprehensions(doc: TimelineDocument): { iso: string; line: string; subject: string | null }[] {
  if (!['OTHER', 'NARRATIVE', 'DETENTION_REQUEST', 'INTERROGATION_RECORD', 'ARREST_REQUEST', 'PROSECUTION_OPINION'].includes(doc.type))
    return [];
  const text = flowText(doc.text);
  const out: { iso: string; line: string; subject: string | null }[] = [];
  for (const d of allDates(text, doc.date)) {
    if (!d.time) continue;
    const sentence = text.slice(d.end, d.end + 80).split(/[。；;\n]/)[0] ?? '';
    // 被传唤到案 is the summons' arrival, an event of its own already.
    if (!APPREHENSION.test(sentence) || /(被害|报案|报警|传唤|拘传)/.test(sentence.slice(0, sentence.search(APPREHENSION)))) continue;
    const m = /(?:犯罪嫌疑人|将)\s*([\u4e00-\u9fff·]{2,4}?)(?=[，,\s]|抓获|到案|归案|挡获|查获|于|在)/.exec(sentence);
    const s = text.lastIndexOf('\n', d.start) + 1;
    const e = text.indexOf('\n', d.end);
    out.push({ iso: d.iso, line: text.slice(s, e < 0 ? undefined : e).trim(), subject: m?.[1] ?? null });
    break;
  }
  return out;
}

// Events stated more than once (a detention in the warrant and again in the
// notice; a 到案 told in several records) become one event: the most
// authoritative statement leads and any that differ are kept as conflicts.
const SINGLE_PER_SUBJECT = new Set<EventType>(['DETENTION', 'ARREST', 'CUSTODY_TRANSFER', 'APPREHENDED', 'RIGHTS_NOTIFIED', 'OFFENCE']);
// Only these are one instant that two papers must agree on; a rights notice read
// again in a record, or an offence told as "19时许" in one paper and "19时40分" in
// another, is not a contradiction worth a finding.
const CONFLICTING = new Set<EventType>(['DETENTION', 'ARREST', 'CUSTODY_TRANSFER']);

function settle(drafts: Draft[]): TimelineEvent[] {
  const kept: Draft[] = [];
  const groups = new Map<string, Draft[]>();
  const told = new Set<string>();
  for (const d of drafts) {
    // A measure told in several narratives (提请批准逮捕书 and 起诉意见书) is one narrative event; it
    // never merges with the event its own paper proves, which the narrative may contradict.
    if (d.basis === 'narrative') {
      const key = `${d.type}|${d.subjects.length ? [...d.subjects].sort().join(',') : (d.narrator ?? '')}|${(d.start ?? '').slice(0, 10)}`;
      if (!told.has(key)) kept.push(d);
      told.add(key);
      continue;
    }
    if (!SINGLE_PER_SUBJECT.has(d.type) || (d.subjects.length === 0 && d.type !== 'OFFENCE')) {
      kept.push(d);
      continue;
    }
    const key = d.type === 'OFFENCE' ? d.type : `${d.type}|${[...d.subjects].sort().join(',')}`;
    const g = groups.get(key) ?? [];
    g.push(d);
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    g.sort((a, b) => a.authority - b.authority || a.order - b.order);
    const lead = g[0] as Draft;
    const conflicts: EventConflict[] = [];
    for (const other of g.slice(1)) {
      if (!CONFLICTING.has(lead.type) || other.document === lead.document) continue;
      if (sameMinute(other.start, lead.start)) continue;
      conflicts.push({ document: other.document, page: other.page, start: other.start, text: other.text });
    }
    const ev: Draft = { ...lead };
    if (conflicts.length) ev.conflicts = conflicts;
    kept.push(ev);
  }
  kept.sort((a, b) => {
    const sa = a.start ?? '9999';
    const sb = b.start ?? '9999';
    if (sa !== sb) return sa < sb ? -1 : 1;
    return a.order - b.order;
  });
  const seen = new Map<string, number>();
  return kept.map((d) => {
    const base = `${d.document}:${d.type}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const { authority: _a, order: _o, narrator: _n, ...event } = d;
    return { ...event, id: n === 1 ? base : `${base}:${n}` };
  });
}

function sameMinute(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  // A date-only statement does not contradict a time on the same day.
  if (a.length === 10 || b.length === 10) return a.slice(0, 10) === b.slice(0, 10);
  return a.slice(0, 16) === b.slice(0, 16);
}
