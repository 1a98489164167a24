// The facts the rules read. The pipeline (extract, resolve, timeline) builds them;
// rules read structured facts, never raw page text — except rules that are about
// text itself (record confirmation line, statement duplication, rights wording).
import type { DocumentType, EventBasis, EventType, PersonRole } from '../../../shared/vocab.js';
import type { Statement } from '../statements/statements.js';

export interface CaseFacts {
  caseId: string;
  /** Events told in narratives (起诉意见书, 判决书 …), kept apart from `events`, which their own papers prove. */
  narrative?: FactEvent[];
  /** The records as statements, when the pipeline has built them (rules build them otherwise). */
  statements?: Statement[];
  /** 罪名, e.g. '盗窃罪'; null when the file does not state it. */
  charge: string | null;
  /** YYYY-MM-DD: the day of the review, for "no future dates". */
  reviewDate: string;
  documents: FactDocument[];
  persons: FactPerson[];
  events: FactEvent[];
}

export interface FactDocument {
  id: string;
  type: DocumentType;
  title: string;
  /** Sign-off date, YYYY-MM-DD. */
  date: string | null;
  number: string | null;
  /** First page. */
  page: number;
  pageTo: number;
  /** Full text of the document. */
  text: string;
  /** Offsets in `text` at which each of its pages begins (the first is 0). */
  pageStarts?: number[];
  fields: RecordFields;
}

export interface RecordAttendee {
  /** 法定代理人, 翻译人员, 见证人, 女工作人员 … */
  role: string;
  name: string;
}

/** A custody measure a narrative tells (起诉意见书, 判决书 …): not proven by a paper of its own. */
export interface NarrativeCustody {
  type: EventType;
  /** YYYY-MM-DD, or ISO with +08:00 when the narrative gives the hour. */
  date: string;
  /** The person's name as the narrative writes it. */
  person: string | null;
  /** The words that tell it. */
  text: string;
  /** The printed line that holds them. */
  line: string;
  designated?: true;
  /** Who decided or did it, as written. */
  by?: string;
}

/** An earlier conviction a narrative tells (曾因犯…罪被判处…), or a judgment of an earlier case in the file. */
export interface PriorConviction {
  person: string;
  date: string | null;
  charge: string | null;
  sentence: string | null;
  text: string;
  /** The document that tells it. */
  document?: string;
}

export interface RecordFields {
  /** ISO with +08:00, or a plain date when the document gives no time. */
  start?: string | null;
  end?: string | null;
  place?: string | null;
  /** Names of the investigators. */
  investigators?: string[];
  recorder?: string | null;
  /** Name of the person questioned. */
  subject?: string | null;
  /** Everyone a decision names, when it names several (批准逮捕犯罪嫌疑人甲、乙); the first is `subject`. */
  subjects?: string[];
  /** Person id of the person questioned. */
  subjectId?: string | null;
  attendees?: RecordAttendee[];
  /** 第N次. */
  session?: number | null;
  approvedAt?: string | null;
  executedAt?: string | null;
  /** 送看守所. */
  custodyAt?: string | null;
  notifiedAt?: string | null;
  recipient?: string | null;
  /** 无法通知 etc. */
  exception?: string | null;
  // Narratives and court papers (wave 2).
  /** The persons whose paragraphs the paper has (被告人, 犯罪嫌疑人 …), in order. */
  parties?: string[];
  custody?: NarrativeCustody[];
  priors?: PriorConviction[];
  /** The court or procuratorate that issued the paper. */
  issuer?: string;
  charges?: string[];
  sentences?: { person: string; charge: string; penalty: string }[];
  /** The day the case reached the court, as a judgment tells it. */
  indictedAt?: string;
  // Warrants, notices, decisions.
  /** Officers who executed a warrant or summons (执行人). */
  executors?: string[];
  /** Officers who gave a notice (通知人, 告知人). */
  notifiers?: string[];
  /** Experts who signed an opinion (鉴定人). */
  experts?: string[];
  appraisedAt?: string | null;
  /** When the police asked for a decision (the approval's "你局于…提请"). */
  requestedAt?: string | null;
  /** The number of the request a decision answers, as the decision cites it. */
  requestNumber?: string | null;
  /** The document's own date was read by OCR (its sign-off, often under the seal). */
  dateByOcr?: boolean;
  /** When the addressee received the paper, where a receipt on it says so (收到时间, 签收). */
  receivedAt?: string | null;
  /** 延长拘留期限: days from the detention allowed in all (7, or 30), and the ground named. */
  days?: number;
  ground?: string | null;
  /** 延长侦查羁押期限: months granted. */
  months?: number;
  /** 监视居住 at a designated residence (指定居所). */
  designated?: boolean;
  /** A summons extended to 24 hours with approval (特别重大、复杂). */
  extended?: boolean;
  /** 取保候审: its term, deposit and guarantor. */
  term?: string;
  deposit?: string;
  guarantor?: string;
  /** 冻结: what is frozen (the limit differs: securities 2 years, deposits and equity 6 months). */
  frozen?: 'securities' | 'equity' | 'deposits';
  /** 冻结: a renewal (续冻) of an earlier freeze. */
  renewal?: boolean;
  // Intake.
  reportedAt?: string | null;
  reporter?: string | null;
  offenceAt?: string | null;
  // Records.
  /** The rights notice read in the record itself. */
  rightsNotified?: boolean;
  /** Readings the catalogue corrected (an OCR-damaged date, a name the case spells otherwise). */
  readings?: { field?: string; original: string; corrected: string; confidence: number }[];
  /** An untyped form's printed title (扣押笔录, 委托书 …). */
  form?: string;
  /** The lawyer an engagement paper names (委托书, 辩护). */
  lawyer?: string;
  /** Loose page images of one document, in page order. */
  files?: string[];
}

/** A key of the facts a document carries: what a rule may name when it reads a field. */
export type FieldKey = keyof RecordFields;

export interface FactPerson {
  id: string;
  name: string;
  role: PersonRole | null;
  idNumber: string | null;
  idValid: boolean | null;
  birthDate: string | null;
  gender: '男' | '女' | null;
  aliases: string[];
  /** deaf, mute, blind, foreign, deputy, minor, ethnicity, … */
  attributes: Record<string, unknown>;
}

export interface FactEvent {
  id: string;
  type: EventType;
  /** ISO '2024-03-05T14:30:00+08:00' or a date 'YYYY-MM-DD'. */
  start: string | null;
  end: string | null;
  /** Person ids. */
  subjects: string[];
  /** Person ids. */
  actors: string[];
  place: string | null;
  /** Document id. */
  document: string;
  page: number;
  /** The words that say so. */
  text: string;
  /** How the event is known; absent means its own paper proves it ('document'). */
  basis?: EventBasis;
}

// ── Reading the facts ────────────────────────────────────────────────────────

export function documentsOfType(facts: CaseFacts, ...types: DocumentType[]): FactDocument[] {
  return facts.documents.filter((d) => types.includes(d.type));
}

export function eventsOfType(facts: CaseFacts, ...types: EventType[]): FactEvent[] {
  return facts.events.filter((e) => types.includes(e.type));
}

export function documentById(facts: CaseFacts, id: string): FactDocument | undefined {
  return facts.documents.find((d) => d.id === id);
}

export function personById(facts: CaseFacts, id: string): FactPerson | undefined {
  return facts.persons.find((p) => p.id === id);
}

/** A person's name for messages; falls back to the id so a message never says "undefined". */
export function personName(facts: CaseFacts, id: string | null | undefined): string {
  if (!id) return '';
  return personById(facts, id)?.name ?? id;
}

/** The person a record is about: its subjectId, else the person whose name or alias matches its subject. */
export function recordSubjectId(facts: CaseFacts, doc: FactDocument): string | null {
  if (doc.fields.subjectId) return doc.fields.subjectId;
  const name = doc.fields.subject;
  if (!name) return null;
  const person = facts.persons.find((p) => p.name === name || p.aliases.includes(name));
  return person?.id ?? null;
}

/** Events of a type that concern a person (as subject). Events without subjects concern nobody in particular. */
export function eventsOfPerson(facts: CaseFacts, personId: string, ...types: EventType[]): FactEvent[] {
  return eventsOfType(facts, ...types).filter((e) => e.subjects.includes(personId));
}

/** Person ids that are the subject of at least one event of the given types, in first-seen order. */
export function subjectsOf(events: readonly FactEvent[]): string[] {
  const seen: string[] = [];
  for (const e of events) for (const s of e.subjects) if (!seen.includes(s)) seen.push(s);
  return seen;
}

/** Whether an event or document concerns a person; unattributed events count for every person (a one-suspect case). */
export function concerns(event: FactEvent, personId: string): boolean {
  return event.subjects.length === 0 || event.subjects.includes(personId);
}
