// The one contract between the UI and the backend, whatever carries it (Electron IPC,
// the loopback test bridge, or an in-process call). Requests are validated with these
// schemas on the backend side of every host; results travel in an envelope.
import { z } from 'zod';
import type { DocumentType, EntityType, FileKind, PageSource, PersonRole } from './vocab.js';
import type { ReviewJson } from './review.js';

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
export interface JobEvent { caseId: string; jobId: string; status: JobStatus; error?: string }

export type BackendEvent =
  | { kind: 'progress'; event: ProgressEvent }
  | { kind: 'job'; event: JobEvent }
  | { kind: 'page'; event: { caseId: string; sha256: string; page: number } };

export interface CaseSummary {
  id: string; name: string; folder: string; createdAt: string; reviewedAt: string | null;
  files: number; pages: number; documents: number; errors: number;
  findings?: { violation: number; warning: number };
  job?: { id: string; status: JobStatus } | null;
}

export interface CaseFile {
  id: number; path: string; sha256: string | null; kind: FileKind | null; pages: number;
  size: number; status: 'ok' | 'error' | 'missing' | 'changed';
}

export interface CatalogueEntry {
  id: string; ordinal: number; type: DocumentType; title: string; fileId: number; file: string;
  sha256: string; pageFrom: number; pageTo: number; date: string | null; number: string | null;
  findings?: number;
}

export interface CaseDetail extends Omit<CaseSummary, 'documents'> {
  documentCount: number;
  fileList: CaseFile[];
  documents: CatalogueEntry[];
  errorList: { file: string; message: string; stage: string }[];
}

export interface OcrWord { text: string; bbox: [number, number, number, number]; confidence: number }

export interface PageView {
  caseId: string; fileId: number; file: string; sha256: string; page: number; pageCount: number;
  source: PageSource; confidence: number | null; text: string; width: number | null; height: number | null;
  words: OcrWord[];
  mentions?: { start: number; end: number; type: EntityType; entity: string; text: string }[];
}

export interface PageImage { mime: string; dataBase64: string; width: number; height: number }

export interface SearchHit {
  caseId: string; caseName: string; documentId: string | null; documentTitle: string | null;
  fileId: number; file: string; page: number; snippet: string; start: number; end: number;
}

export interface PersonSummary {
  id: string; name: string; role: PersonRole | null; attributes: Record<string, unknown>;
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
  getPageImage: z.object({ sha256: sha, page: z.number().int().positive(), maxWidth: z.number().int().min(64).max(8000).optional() }).strict(),
  search: z.object({ query: z.string().min(1).max(200), caseId: caseId.optional(), limit: z.number().int().min(1).max(500).optional() }).strict(),
  getReview: z.object({ caseId }).strict(),
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
}

export type Api = { [M in Method]: (req: Request<M>) => Promise<Results[M]> };

/** What the preload exposes as window.caseReview, and what the bridge client mimics. */
export interface CaseReviewBridge {
  call<M extends Method>(method: M, req: Request<M>): Promise<Envelope<Results[M]>>;
  onEvent(listener: (e: BackendEvent) => void): () => void;
  /** Only in Electron: a native folder picker. */
  pickFolder?: () => Promise<string | null>;
}

export const IPC_CALL = 'case-review:call';
export const IPC_EVENT = 'case-review:event';
export const IPC_PICK_FOLDER = 'case-review:pick-folder';

export function isMethod(x: unknown): x is Method {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(requestSchemas, x);
}
