// Over 400 lines on purpose: the UI/backend contract is kept in one file so every method's request schema,
// result type and view types are read, and changed, together.
// The one contract between the UI and the backend, whatever carries it (Electron IPC,
// the loopback test bridge, or an in-process call). Requests are validated with these
// schemas on the backend side of every host; results travel in an envelope.
import { z } from 'zod';
import type {
  DocumentType,
  EntityType,
  EventBasis,
  EventType,
  FileKind,
  FindingStatus,
  PageSource,
  PersonRole,
  Severity,
} from './vocab.js';
import type { ClaimAbout, ReviewJson } from './review.js';
import { entityCorrectionRequest, type EntityCorrectionView } from './entity-corrections.js';

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export const STAGES = ['ingest', 'ocr', 'catalogue', 'entities', 'timeline', 'rules', 'report'] as const;
export type Stage = (typeof STAGES)[number];

/** One typed progress event; the UI translates messageKey (DESIGN.md §8). */
export interface ProgressEvent {
  caseId: string;
  jobId: string;
  stage: Stage;
  done: number;
  total: number;
  messageKey: string;
  file?: string;
  etaSeconds?: number;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
export interface JobEvent {
  caseId: string;
  jobId: string;
  status: JobStatus;
  error?: string;
  /** Why a queued job has not started: another program (this machine's, or `host`'s) reviews the case. */
  waitingFor?: { program: string; pid: number; host: string | null };
}

export type BackendEvent =
  | { kind: 'progress'; event: ProgressEvent }
  | { kind: 'job'; event: JobEvent }
  | { kind: 'page'; event: { caseId: string; sha256: string; page: number } }
  /** From the desktop shell's menu: the UI acts on the case it shows. */
  | { kind: 'menu'; event: { action: 'export-report' | 'search' } };

export interface CaseSummary {
  id: string;
  name: string;
  folder: string;
  createdAt: string;
  reviewedAt: string | null;
  files: number;
  pages: number;
  documents: number;
  errors: number;
  findings?: { violation: number; warning: number };
  job?: { id: string; status: JobStatus } | null;
}

export interface CaseFile {
  id: number;
  path: string;
  sha256: string | null;
  kind: FileKind | null;
  pages: number;
  size: number;
  status: 'ok' | 'error' | 'missing' | 'changed';
}

export interface CatalogueEntry {
  id: string;
  ordinal: number;
  type: DocumentType;
  title: string;
  fileId: number;
  file: string;
  sha256: string;
  pageFrom: number;
  pageTo: number;
  date: string | null;
  number: string | null;
  findings?: number;
  /** A statement record's person and session, from its own fields (catalogueLabel names the entry by them). */
  person?: string | null;
  session?: number | null;
}

export interface CaseDetail extends Omit<CaseSummary, 'documents'> {
  documentCount: number;
  fileList: CaseFile[];
  documents: CatalogueEntry[];
  errorList: { file: string; message: string; stage: string }[];
}

export interface OcrWord {
  text: string;
  bbox: [number, number, number, number];
  confidence: number;
}

export interface PageView {
  caseId: string;
  fileId: number;
  file: string;
  sha256: string;
  page: number;
  pageCount: number;
  source: PageSource;
  confidence: number | null;
  text: string;
  width: number | null;
  height: number | null;
  words: OcrWord[];
  mentions?: { start: number; end: number; type: EntityType; entity: string; text: string; bbox?: BBox | null }[];
  /** Reviewer corrections applied to words (by index in words). */
  corrections?: { wordIndex: number; original: string; corrected: string }[];
  /** Words the reviewer confirmed as read ("确认无误"): no longer in doubt, their text unchanged. */
  confirmed?: number[];
  findings?: { key: string; rule: string; severity: Severity; text: string; start?: number; end?: number; bbox?: BBox | null }[];
  annotations?: Annotation[];
}

export type BBox = [number, number, number, number];

/** Where something sits: a document, a page of a file, and the words (box on the page image when known). */
export interface PageRef {
  document: string | null;
  documentTitle: string | null;
  fileId: number;
  file: string;
  page: number;
  text: string;
  start?: number;
  end?: number;
  bbox?: BBox | null;
}

export interface EntitySummary {
  id: string;
  type: EntityType;
  value: string;
  attributes: Record<string, unknown>;
  mentionCount: number;
  documents: string[];
  links: { case: string; caseName: string; entity: string }[];
}
export interface EntityDetail extends EntitySummary {
  mentions: PageRef[];
  /** Other entities seen with this one: the person's phone, ID, cards (from attributes and co-occurrence). */
  related: { id: string; type: EntityType; value: string; relation: string }[];
}

export interface FindingView {
  key: string;
  rule: string;
  title: { zh: string; en: string };
  severity: Severity;
  message: string;
  messageEn: string;
  citation: string;
  evidence: PageRef[];
  status: FindingStatus;
  note: string;
  change: 'new' | 'unchanged' | 'resolved';
  active: boolean;
}

export interface TimelineEventView {
  id: string;
  type: EventType;
  start: string | null;
  end: string | null;
  subjects: string[];
  actors: string[];
  place: string | null;
  evidence: PageRef;
  conflicts: { document: string; page: number; start: string | null; text: string }[];
  /** 'narrative': told in a 起诉意见书, 判决书 … rather than proven by the event's own paper. */
  basis: EventBasis;
}
export interface Deadline {
  id: string;
  label: { zh: string; en: string };
  from: string;
  due: string;
  person: string | null;
  met: boolean | null;
  eventId: string;
}
export interface CustodyBand {
  person: string;
  kind: 'summons' | 'detention' | 'arrest' | 'bail' | 'surveillance';
  from: string;
  to: string | null;
}
export interface TimelineView {
  persons: { id: string; name: string; role: PersonRole | null }[];
  events: TimelineEventView[];
  deadlines: Deadline[];
  custody: CustodyBand[];
  findings: { key: string; rule: string; severity: Severity; at: string | null; eventIds: string[] }[];
}

/** A case's history: every reviewer action, oldest first, and whether the store's chain of entries is intact. */
export interface AuditView {
  verified: boolean;
  entries: { id: number; at: string; actor: string; action: string; detail: Record<string, unknown> }[];
}

/** The statements of a case, person by person, each person's records in the order given. */
export interface StatementList {
  persons: { id: string | null; name: string; role: PersonRole | null; records: StatementRecord[] }[];
}
export interface StatementRecord {
  document: string;
  title: string;
  kind: 'interrogation' | 'inquiry';
  session: number | null;
  start: string | null;
  page: number;
  pageTo: number;
  fileId: number;
  file: string;
}

export type StatementTopic =
  'identity' | 'procedure' | 'account' | 'time' | 'place' | 'people' | 'amount' | 'means' | 'aftermath' | 'admission' | 'closing' | 'other';

/** Records side by side: their answers aligned by topic, and where they disagree. */
export interface StatementComparison {
  columns: (StatementRecord & {
    /** The person entity the record is about (null when the case knows nobody of that name). */
    person: string | null;
    personName: string | null;
    role: PersonRole | null;
    turns: { index: number; question: string; answer: string; page: number; topic: StatementTopic }[];
  })[];
  /** One row per topic, in the order a reviewer reads an account; each column's turns on that topic. */
  rows: { topic: StatementTopic; cells: number[][] }[];
  differences: {
    about: ClaimAbout;
    label: { zh: string; en: string };
    /** Where in each column's answers the disagreeing words stand (offsets within the turn's answer). */
    sides: { column: number; turn: number; start: number; end: number; words: string; page: number }[];
  }[];
}

export interface Annotation {
  id: number;
  fileId: number;
  file: string;
  page: number;
  kind: 'highlight' | 'note' | 'bookmark';
  start: number | null;
  end: number | null;
  text: string | null;
  note: string;
  createdAt: string;
}

export interface GraphView {
  nodes: { id: string; type: EntityType; label: string; role?: PersonRole | null; external?: { case: string; caseName: string } }[];
  edges: {
    source: string;
    target: string;
    /** holder: the person holds, uses or drives it; relation: what one sentence says two people did together or to each other. */
    kind: 'holder' | 'relation' | 'attribute' | 'document' | 'sentence' | 'cross-case';
    weight: number;
    /** For a relation: acted together (同伙), one against the other (被害), bought or sold between them (交易). */
    relation?: 'accomplice' | 'victim' | 'deal';
  }[];
}

export interface PageImage {
  mime: string;
  dataBase64: string;
  width: number;
  height: number;
}

export interface SearchHit {
  caseId: string;
  caseName: string;
  documentId: string | null;
  documentTitle: string | null;
  documentType?: DocumentType | null;
  fileId: number;
  file: string;
  page: number;
  snippet: string;
  start: number;
  end: number;
  /** Offsets of the hit in the page text, and its box on the page image when the page was OCR'd. */
  pageStart?: number;
  pageEnd?: number;
  bbox?: BBox | null;
  /** Where this hit stands in its list: a search `after` it returns the hits that follow. */
  cursor?: string;
}

export interface PersonSummary {
  id: string;
  name: string;
  role: PersonRole | null;
  attributes: Record<string, unknown>;
  mentions: { document: string; page: number; text: string }[];
}

const caseId = z.string().min(1).max(200);
const sha = z.string().regex(/^[0-9a-f]{64}$/);

export const requestSchemas = {
  listCases: z.object({}).strict(),
  getCase: z.object({ caseId }).strict(),
  startReview: z.object({ folder: z.string().min(1).max(4096), name: z.string().max(200).optional() }).strict(),
  cancelJob: z.object({ jobId: z.string().min(1).max(200) }).strict(),
  getPage: z.object({ caseId, fileId: z.number().int().positive(), page: z.number().int().positive() }).strict(),
  getPageImage: z
    .object({ caseId, sha256: sha, page: z.number().int().positive(), maxWidth: z.number().int().min(64).max(8000).optional() })
    .strict(),
  search: z
    .object({
      query: z.string().min(1).max(200),
      caseId: caseId.optional(),
      limit: z.number().int().min(1).max(5000).optional(),
      after: z
        .string()
        .regex(/^\d{1,15}\.\d{1,15}\.\d$/)
        .optional(),
      documentType: z.string().max(40).optional(),
      entityType: z.string().max(40).optional(),
      personId: z.string().max(40).optional(),
    })
    .strict(),
  getReview: z.object({ caseId }).strict(),
  listEntities: z.object({ caseId, type: z.string().max(40).optional() }).strict(),
  getEntity: z.object({ caseId, entityId: z.string().min(1).max(40) }).strict(),
  listFindings: z.object({ caseId, includeResolved: z.boolean().optional() }).strict(),
  decideFinding: z
    .object({
      caseId,
      key: z.string().min(1).max(400),
      status: z.enum(['open', 'confirmed', 'dismissed']),
      note: z.string().max(4000),
      reviewer: z.string().max(100).optional(),
    })
    .strict(),
  getTimeline: z.object({ caseId }).strict(),
  listAnnotations: z.object({ caseId }).strict(),
  addAnnotation: z
    .object({
      caseId,
      fileId: z.number().int().positive(),
      page: z.number().int().positive(),
      kind: z.enum(['highlight', 'note', 'bookmark']),
      start: z.number().int().min(0).optional(),
      end: z.number().int().min(0).optional(),
      text: z.string().max(4000).optional(),
      note: z.string().max(4000),
    })
    .strict(),
  deleteAnnotation: z.object({ caseId, id: z.number().int().positive() }).strict(),
  correctWord: z
    .object({
      caseId,
      fileId: z.number().int().positive(),
      page: z.number().int().positive(),
      wordIndex: z.number().int().min(0),
      text: z.string().min(1).max(200),
    })
    .strict(),
  /** The reviewer vouches for a word OCR was unsure of: kept like a correction, its text unchanged. */
  confirmWord: z
    .object({ caseId, fileId: z.number().int().positive(), page: z.number().int().positive(), wordIndex: z.number().int().min(0) })
    .strict(),
  getGraph: z.object({ caseId }).strict(),
  correctEntity: z.object({ caseId, correction: entityCorrectionRequest, reviewer: z.string().max(100).optional() }).strict(),
  listEntityCorrections: z.object({ caseId }).strict(),
  undoEntityCorrection: z.object({ caseId, id: z.number().int().positive() }).strict(),
  listStatements: z.object({ caseId }).strict(),
  getAudit: z.object({ caseId }).strict(),
  compareStatements: z.object({ caseId, documents: z.array(z.string().min(1).max(40)).min(2).max(4) }).strict(),
  exportReport: z
    .object({
      caseId,
      locale: z.enum(['zh-CN', 'en-US']).optional(),
      reviewer: z.string().max(100).optional(),
      includeAudit: z.boolean().optional(),
      /** Where to write (an absolute folder the reviewer chose in the desktop app's save dialog); default: the store's exports folder. */
      folder: z.string().min(1).max(4096).optional(),
    })
    .strict(),
} as const;

export type Method = keyof typeof requestSchemas;
export type Request<M extends Method> = z.infer<(typeof requestSchemas)[M]>;

export interface Results {
  listCases: CaseSummary[];
  getCase: CaseDetail;
  startReview: { caseId: string; jobId: string };
  cancelJob: { cancelled: boolean };
  getPage: PageView;
  getPageImage: PageImage;
  search: SearchHit[];
  getReview: ReviewJson;
  listEntities: EntitySummary[];
  getEntity: EntityDetail;
  listFindings: FindingView[];
  decideFinding: FindingView;
  getTimeline: TimelineView;
  listAnnotations: Annotation[];
  addAnnotation: Annotation;
  deleteAnnotation: { deleted: boolean };
  /** The page as corrected; reanalysis: the job re-deriving dates and findings from it, when one was started. */
  correctWord: PageView & { reanalysis?: string };
  confirmWord: PageView;
  getGraph: GraphView;
  /** The correction as kept, and the entity to show after it (the merged one, the new one split out). */
  correctEntity: { correction: EntityCorrectionView; entity: string | null };
  listEntityCorrections: EntityCorrectionView[];
  undoEntityCorrection: { undone: boolean };
  listStatements: StatementList;
  getAudit: AuditView;
  compareStatements: StatementComparison;
  /** Files written (report.pdf, report.docx, review.json) in the case's export folder. */
  exportReport: { folder: string; files: string[] };
}

export type Api = { [M in Method]: (req: Request<M>) => Promise<Results[M]> };

/** What the preload exposes as window.caseReview, and what the bridge client mimics. */
export interface CaseReviewBridge {
  call<M extends Method>(method: M, req: Request<M>): Promise<Envelope<Results[M]>>;
  onEvent(listener: (e: BackendEvent) => void): () => void;
  /** Only in Electron: a native folder picker. */
  pickFolder?: () => Promise<string | null>;
  /** Only in Electron: the save dialog for an export; the folder to write it into, or null when cancelled. */
  chooseExportFolder?: (suggestedName: string) => Promise<string | null>;
  /** Only in Electron: shows an exported file in the system's file manager (false: not a file this app exported). */
  showInFolder?: (file: string) => Promise<boolean>;
}

export const IPC_CALL = 'case-review:call';
export const IPC_EVENT = 'case-review:event';
export const IPC_PICK_FOLDER = 'case-review:pick-folder';
export const IPC_CHOOSE_EXPORT = 'case-review:choose-export';
export const IPC_SHOW_IN_FOLDER = 'case-review:show-in-folder';

/** What the desktop shell's own channels accept (main validates each message; the renderer is not trusted). */
export const shellSchemas = {
  chooseExport: z.object({ suggestedName: z.string().min(1).max(200) }).strict(),
  showInFolder: z.object({ file: z.string().min(1).max(4096) }).strict(),
} as const;

export function isMethod(x: unknown): x is Method {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(requestSchemas, x);
}
