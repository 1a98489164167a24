// Rows as they leave the store and come into it: plain columns as stored, JSON columns as the
// values they hold (read and checked by json-columns.ts). Nothing outside store/ sees a *_json
// column; the Stored* shapes below are the tables' own and stay private to the store.
import type { BBox, JobStatus, OcrWord } from '../../../shared/api.js';
import type { EntityCorrection } from '../../../shared/entity-corrections.js';
import type { FileKind, PageSource } from '../../../shared/vocab.js';
import type { RecordFields } from '../rules/facts.js';
import type { Evidence } from '../rules/rule.js';
import type { Claim } from '../statements/claims.js';
import type { Turn } from '../statements/turns.js';
import type { EventConflict } from '../timeline/events.js';
import * as json from './json-columns.js';
import type { JobProgress } from './json-columns.js';

export type { JobProgress };

export interface CaseRow {
  id: string;
  name: string;
  folder: string;
  created_at: string;
  reviewed_at: string | null;
}
export interface FileRow {
  id: number;
  case_id: string;
  path: string;
  sha256: string | null;
  size: number;
  mtime_ms: number;
  kind: FileKind | null;
  status: 'ok' | 'error' | 'missing' | 'changed';
  error: string | null;
  seen_at: string;
}
export interface BlobRow {
  sha256: string;
  kind: FileKind;
  size: number;
  page_count: number;
}
/** A page as the engine (or the text layer) read it: shared content, the same in every case holding the file. */
export interface PageRow {
  sha256: string;
  page_no: number;
  source: PageSource;
  text: string;
  confidence: number | null;
  width: number | null;
  height: number | null;
  rotation: number;
  words: OcrWord[] | null;
  engine: string;
}
/** A page's reading without its word boxes (most of a row's bulk). */
export type PageText = Omit<PageRow, 'words'>;
export interface DocumentRow {
  case_id: string;
  id: string;
  ordinal: number;
  type: string;
  title: string;
  file_id: number;
  page_from: number;
  page_to: number;
  date: string | null;
  number: string | null;
  fields: RecordFields | null;
}
export interface PageMatch {
  ord: number;
  sha256: string;
  page_no: number;
  file_id: number;
  path: string;
  case_id: string;
  case_name: string;
}
export interface EntityRow {
  case_id: string;
  id: string;
  type: string;
  value: string;
  link_key: string | null;
  /** What resolution keys the entity by on every run (PERSON:ID:…, PHONE:…): how a reviewer's correction finds it again. */
  key: string | null;
  attributes: Record<string, unknown>;
}
export interface EntityCorrectionRow {
  id: number;
  case_id: string;
  correction: EntityCorrection;
  reviewer: string;
  at: string;
  undone_at: string | null;
}
export interface MentionRow {
  id: number;
  case_id: string;
  entity_id: string;
  document_id: string | null;
  file_id: number;
  page_no: number;
  start: number;
  end: number;
  text: string;
  bbox: BBox | null;
}
export interface EventRow {
  case_id: string;
  id: string;
  type: string;
  start: string | null;
  end: string | null;
  subjects: string[];
  actors: string[];
  place: string | null;
  document_id: string;
  page_no: number;
  text: string;
  conflicts: EventConflict[] | null;
  basis: 'document' | 'narrative';
}
export interface StatementRow {
  case_id: string;
  document_id: string;
  person_id: string | null;
  person_name: string | null;
  role: string | null;
  kind: 'interrogation' | 'inquiry';
  session: number | null;
  start: string | null;
  page_from: number;
  page_to: number;
  turns: Turn[];
  claims: Claim[];
}
export interface FindingRow {
  case_id: string;
  key: string;
  rule: string;
  severity: 'violation' | 'warning';
  message: string;
  message_en: string;
  citation: string;
  evidence: Evidence[];
  status: 'open' | 'confirmed' | 'dismissed';
  note: string;
  reviewer: string | null;
  decided_at: string | null;
  first_job: string | null;
  last_job: string | null;
  active: number;
  change: 'new' | 'unchanged' | 'resolved';
}
export interface AnnotationRow {
  id: number;
  case_id: string;
  file_id: number;
  page_no: number;
  kind: 'highlight' | 'note' | 'bookmark';
  start: number | null;
  end: number | null;
  text: string | null;
  note: string;
  created_at: string;
}
export interface CorrectionRow {
  case_id: string;
  sha256: string;
  page_no: number;
  word_index: number;
  original: string;
  corrected: string;
  at: string;
}
export interface JobRow {
  id: string;
  case_id: string;
  kind: string;
  status: JobStatus;
  data: unknown;
  progress: JobProgress | null;
  error: string | null;
  created_at: string;
  updated_at: string;
}
export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  case_id: string | null;
  detail: Record<string, unknown> | null;
  prev_hash: string | null;
  hash: string | null;
}

// ── the tables' own shapes ───────────────────────────────────────────────
export type StoredPage = Omit<PageRow, 'words'> & { words_json: string | null };
export type StoredDocument = Omit<DocumentRow, 'fields'> & { fields_json: string | null };
export type StoredEntity = Omit<EntityRow, 'attributes'> & { attributes_json: string };
export type StoredEntityCorrection = Omit<EntityCorrectionRow, 'correction'> & { kind: string; detail_json: string };
export type StoredMention = Omit<MentionRow, 'bbox'> & { bbox_json: string | null };
export type StoredEvent = Omit<EventRow, 'subjects' | 'actors' | 'conflicts'> & {
  subjects_json: string;
  actors_json: string;
  conflicts_json: string | null;
};
export type StoredStatement = Omit<StatementRow, 'turns' | 'claims'> & { turns_json: string; claims_json: string };
export type StoredFinding = Omit<FindingRow, 'evidence'> & { evidence_json: string };
export type StoredJob = Omit<JobRow, 'data' | 'progress'> & { data_json: string; progress_json: string | null };
export type StoredAudit = Omit<AuditRow, 'detail'> & { detail_json: string | null };

// ── reading ──────────────────────────────────────────────────────────────
const at = (table: string, column: string, row: string) => ({ table, column, row });

export function readPageWords(r: Pick<StoredPage, 'sha256' | 'page_no' | 'words_json'>): OcrWord[] | null {
  const words = json.readJsonOrNull(json.ocrWords, r.words_json, at('pages', 'words_json', `${r.sha256.slice(0, 12)}… p.${r.page_no}`));
  // A confidence JSON could not carry (NaN was written as null) reads as 0: unknown, so the
  // reviewer is asked to look at the word, as with any doubtful reading.
  return words && words.map((w) => (w.confidence === null ? { ...w, confidence: 0 } : (w as OcrWord)));
}
export function readPage({ words_json, ...r }: StoredPage): PageRow {
  return { ...r, words: readPageWords({ ...r, words_json }) };
}
export function readDocument({ fields_json, ...r }: StoredDocument): DocumentRow {
  return { ...r, fields: json.readJsonOrNull(json.recordFields, fields_json, at('documents', 'fields_json', `${r.case_id}/${r.id}`)) };
}
export function readEntity({ attributes_json, ...r }: StoredEntity): EntityRow {
  return { ...r, attributes: json.readJson(json.attributes, attributes_json, at('entities', 'attributes_json', `${r.case_id}/${r.id}`)) };
}
export function readEntityCorrection({ detail_json, kind: _kind, ...r }: StoredEntityCorrection): EntityCorrectionRow {
  return {
    ...r,
    correction: json.readJson(
      json.entityCorrection,
      detail_json,
      at('entity_corrections', 'detail_json', String(r.id)),
    ) as EntityCorrection,
  };
}
export function readMention<R extends StoredMention>({ bbox_json, ...r }: R): Omit<R, 'bbox_json'> & { bbox: BBox | null } {
  return { ...r, bbox: json.readJsonOrNull(json.mentionBox, bbox_json, at('mentions', 'bbox_json', String(r.id))) };
}
export function readEvent({ subjects_json, actors_json, conflicts_json, ...r }: StoredEvent): EventRow {
  const where = (column: string) => at('events', column, `${r.case_id}/${r.id}`);
  return {
    ...r,
    subjects: json.readJson(json.personIds, subjects_json, where('subjects_json')),
    actors: json.readJson(json.personIds, actors_json, where('actors_json')),
    conflicts: json.readJsonOrNull(json.eventConflicts, conflicts_json, where('conflicts_json')),
  };
}
export function readStatement({ turns_json, claims_json, ...r }: StoredStatement): StatementRow {
  const where = (column: string) => at('statements', column, `${r.case_id}/${r.document_id}`);
  return {
    ...r,
    turns: json.readJson(json.turns, turns_json, where('turns_json')),
    claims: json.readJson(json.claims, claims_json, where('claims_json')),
  };
}
export function readFinding({ evidence_json, ...r }: StoredFinding): FindingRow {
  return { ...r, evidence: json.readJson(json.evidence, evidence_json, at('findings', 'evidence_json', `${r.case_id}/${r.key}`)) };
}
export function readJob({ data_json, progress_json, ...r }: StoredJob): JobRow {
  return {
    ...r,
    data: json.readJson(json.jobData, data_json, at('jobs', 'data_json', r.id)),
    progress: json.readJsonOrNull(json.jobProgress, progress_json, at('jobs', 'progress_json', r.id)),
  };
}
export function readAudit({ detail_json, ...r }: StoredAudit): AuditRow {
  return { ...r, detail: json.readJsonOrNull(json.auditDetail, detail_json, at('audit_log', 'detail_json', String(r.id))) };
}

// ── writing ──────────────────────────────────────────────────────────────
// JSON.stringify is the whole of it; the writers' types are the check on the way in.
export function storedPage({ words, ...p }: PageRow): StoredPage {
  return { ...p, words_json: words ? JSON.stringify(words) : null };
}
export function storedDocument<D extends Omit<DocumentRow, 'case_id'>>({
  fields,
  ...d
}: D): Omit<D, 'fields'> & { fields_json: string | null } {
  return { ...d, fields_json: fields ? JSON.stringify(fields) : null };
}
export function storedEntity<E extends Omit<EntityRow, 'case_id'>>({
  attributes,
  ...e
}: E): Omit<E, 'attributes'> & { attributes_json: string } {
  return { ...e, attributes_json: JSON.stringify(attributes) };
}
export function storedMention<M extends Omit<MentionRow, 'id' | 'case_id'>>({
  bbox,
  ...m
}: M): Omit<M, 'bbox'> & { bbox_json: string | null } {
  return { ...m, bbox_json: bbox ? JSON.stringify(bbox) : null };
}
export function storedEvent<E extends Omit<EventRow, 'case_id'>>({
  subjects,
  actors,
  conflicts,
  ...e
}: E): Omit<E, 'subjects' | 'actors' | 'conflicts'> & { subjects_json: string; actors_json: string; conflicts_json: string | null } {
  return {
    ...e,
    subjects_json: JSON.stringify(subjects),
    actors_json: JSON.stringify(actors),
    conflicts_json: conflicts?.length ? JSON.stringify(conflicts) : null,
  };
}
export function storedStatement<S extends Omit<StatementRow, 'case_id'>>({
  turns,
  claims,
  ...s
}: S): Omit<S, 'turns' | 'claims'> & { turns_json: string; claims_json: string } {
  return { ...s, turns_json: JSON.stringify(turns), claims_json: JSON.stringify(claims) };
}
