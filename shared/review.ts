// The review.json contract, "case-review/1" (DESIGN.md §5). Tools outside the app
// read it: fields are only ever added, never renamed or removed.
import type { DocumentType, EntityType, EventBasis, EventType, FindingStatus, PageSource, Severity } from './vocab.js';

export const REVIEW_SCHEMA = 'case-review/1' as const;

export interface ReviewJson {
  schema: typeof REVIEW_SCHEMA;
  case: { id: string; name: string; folder: string; reviewedAt: string };
  files: ReviewFile[];
  pages: ReviewPage[];
  documents: ReviewDocument[];
  entities: ReviewEntity[];
  events: ReviewEvent[];
  findings: ReviewFinding[];
  errors: ReviewError[];
  /** Extension: findings of an earlier run that no longer fire (kept with their decisions). */
  resolvedFindings?: ReviewFinding[];
  /** Extension: generator/version of the app that wrote the file. */
  generator?: { name: string; version: string };
  /** Extension (wave 2): each 讯问/询问笔录 as the person's statement, with the claims its answers make. */
  statements?: ReviewStatement[];
  /**
   * Extension (issue 16): the reviewer's corrections of the entities, in the order made; `entities`
   * above already shows their result. Undone ones are kept, marked undone.
   */
  entityCorrections?: ReviewEntityCorrection[];
}

export interface ReviewEntityCorrection {
  id: number;
  kind: 'merge' | 'split' | 'relabel' | 'identifier';
  /** What it did, in words. */
  summary: string;
  summaryEn: string;
  reviewer: string;
  at: string;
  undone: boolean;
  /** The entities it names by their stable keys ({ key, type, value }), and what it changed. */
  detail: Record<string, unknown>;
}

export const CLAIM_ABOUTS = ['TIME', 'PLACE', 'PARTICIPANTS', 'AMOUNT', 'ADMISSION', 'WEAPON'] as const;
export type ClaimAbout = (typeof CLAIM_ABOUTS)[number];

export interface ReviewClaim {
  about: ClaimAbout;
  /** As compared: a time as the minutes it allows ("21:00–22:00"), a sum as written, 承认/否认 … */
  value: string;
  /** The words and the sentence that holds them. */
  words: string;
  text: string;
  page: number;
}

export interface ReviewStatement {
  /** Person entity id of the person questioned (null when the record names nobody the case knows). */
  person: string | null;
  personName: string | null;
  document: string;
  page: number;
  kind: 'interrogation' | 'inquiry';
  /** 第N次 (null when the record does not say). */
  session: number | null;
  start: string | null;
  claims: ReviewClaim[];
}

export interface ReviewFile {
  path: string;
  sha256: string;
  pages: number;
  kind?: string;
  size?: number;
}
export interface ReviewPage {
  file: string;
  page: number;
  source: PageSource;
  confidence: number | null;
  text: string;
  /** Extension: clockwise rotation (degrees) applied before reading. */
  rotation?: number;
}
export interface ReviewDocument {
  id: string;
  type: DocumentType;
  title: string;
  file: string;
  pageFrom: number;
  pageTo: number;
  date: string | null;
  number: string | null;
  /** Extension: position in the catalogue (1-based). */
  ordinal?: number;
  /** Extension: fields read from records (session start/end, place, participants). */
  fields?: Record<string, unknown>;
}
export interface ReviewMention {
  document: string;
  page: number;
  text: string;
  /** Extension: the file the page belongs to (documents of loose photos span files). */
  file?: string;
  start?: number;
  end?: number;
  bbox?: [number, number, number, number] | null;
}
export interface ReviewEntity {
  id: string;
  type: EntityType;
  value: string;
  attributes: Record<string, unknown>;
  mentions: ReviewMention[];
  links: { case: string; entity: string; caseName?: string }[];
}
export interface ReviewEvent {
  id: string;
  type: EventType;
  start: string | null;
  end: string | null;
  subjects: string[];
  actors: string[];
  place: string | null;
  document: string;
  page: number;
  text: string;
  /** Extension: other documents that state a different time for the same event. */
  conflicts?: { document: string; page: number; start: string | null; text: string }[];
  /** Extension (wave 2): 'document' when the event's own paper proves it, 'narrative' when a 起诉意见书, 判决书 … tells it. */
  basis?: EventBasis;
}
export interface ReviewEvidence {
  document: string;
  page: number;
  text: string;
  bbox?: [number, number, number, number] | null;
}
export interface ReviewFinding {
  rule: string;
  severity: Severity;
  message: string;
  citation: string;
  evidence: ReviewEvidence[];
  status: FindingStatus;
  note: string;
  /** Extension: stable key of the finding across re-runs; English message. */
  key?: string;
  messageEn?: string;
  change?: 'new' | 'unchanged' | 'resolved';
}
export interface ReviewError {
  file: string;
  message: string;
  stage?: string;
}
