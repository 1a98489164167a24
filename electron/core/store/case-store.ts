import crypto from 'node:crypto';
import type { Db } from './db.js';
import type { FileKind, PageSource } from '../../../shared/vocab.js';
import type { JobStatus } from '../../../shared/api.js';

export interface CaseRow { id: string; name: string; folder: string; created_at: string; reviewed_at: string | null }
export interface FileRow {
  id: number; case_id: string; path: string; sha256: string | null; size: number; mtime_ms: number;
  kind: FileKind | null; status: 'ok' | 'error' | 'missing' | 'changed'; error: string | null; seen_at: string;
}
export interface BlobRow { sha256: string; kind: FileKind; size: number; page_count: number }
export interface PageRow {
  sha256: string; page_no: number; source: PageSource; text: string; confidence: number | null;
  width: number | null; height: number | null; rotation: number; words_json: string | null; engine: string;
}
export interface DocumentRow {
  case_id: string; id: string; ordinal: number; type: string; title: string; file_id: number;
  page_from: number; page_to: number; date: string | null; number: string | null; fields_json: string | null;
}
export interface JobRow {
  id: string; case_id: string; kind: string; status: JobStatus; data_json: string; progress_json: string | null;
  error: string | null; created_at: string; updated_at: string;
}

const now = () => new Date().toISOString();

/**
 * The one place that writes the database (DESIGN.md §8): every stage goes through these
 * methods, so constraints and the audit trail are kept in one spot.
 */
export class CaseStore {
  constructor(readonly db: Db) {}

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  // ── cases ──────────────────────────────────────────────────────────────
  openCase(folder: string, name: string): CaseRow {
    const existing = this.db.prepare('SELECT * FROM cases WHERE folder = ?').get(folder) as CaseRow | undefined;
    if (existing) return existing;
    const row: CaseRow = { id: crypto.randomUUID(), name, folder, created_at: now(), reviewed_at: null };
    this.db.prepare('INSERT INTO cases (id, name, folder, created_at, reviewed_at) VALUES (@id, @name, @folder, @created_at, @reviewed_at)').run(row);
    this.audit('system', 'case.created', row.id, { folder });
    return row;
  }
  getCase(id: string): CaseRow | undefined {
    return this.db.prepare('SELECT * FROM cases WHERE id = ?').get(id) as CaseRow | undefined;
  }
  listCases(): CaseRow[] {
    return this.db.prepare('SELECT * FROM cases ORDER BY created_at DESC').all() as CaseRow[];
  }
  markReviewed(id: string): void {
    this.db.prepare('UPDATE cases SET reviewed_at = ? WHERE id = ?').run(now(), id);
  }

  // ── files ──────────────────────────────────────────────────────────────
  getFile(caseId: string, path: string): FileRow | undefined {
    return this.db.prepare('SELECT * FROM files WHERE case_id = ? AND path = ?').get(caseId, path) as FileRow | undefined;
  }
  getFileById(id: number): FileRow | undefined {
    return this.db.prepare('SELECT * FROM files WHERE id = ?').get(id) as FileRow | undefined;
  }
  listFiles(caseId: string): FileRow[] {
    return this.db.prepare('SELECT * FROM files WHERE case_id = ? ORDER BY path').all(caseId) as FileRow[];
  }
  recordFile(f: Omit<FileRow, 'id' | 'seen_at'>): FileRow {
    this.db.prepare(`
      INSERT INTO files (case_id, path, sha256, size, mtime_ms, kind, status, error, seen_at)
      VALUES (@case_id, @path, @sha256, @size, @mtime_ms, @kind, @status, @error, @seen_at)
      ON CONFLICT (case_id, path) DO UPDATE SET sha256 = excluded.sha256, size = excluded.size,
        mtime_ms = excluded.mtime_ms, kind = excluded.kind, status = excluded.status,
        error = excluded.error, seen_at = excluded.seen_at`).run({ ...f, seen_at: now() });
    return this.getFile(f.case_id, f.path)!;
  }
  /** Files recorded earlier but gone from the folder now are reported, not silently dropped. */
  markMissing(caseId: string, present: Set<string>): string[] {
    const gone = this.listFiles(caseId).filter((f) => !present.has(f.path) && f.status !== 'missing');
    const stmt = this.db.prepare("UPDATE files SET status = 'missing' WHERE id = ?");
    for (const f of gone) stmt.run(f.id);
    return gone.map((f) => f.path);
  }

  // ── blobs and pages (content-addressed) ───────────────────────────────
  getBlob(sha256: string): BlobRow | undefined {
    return this.db.prepare('SELECT * FROM blobs WHERE sha256 = ?').get(sha256) as BlobRow | undefined;
  }
  recordBlob(b: BlobRow): void {
    this.db.prepare('INSERT OR IGNORE INTO blobs (sha256, kind, size, page_count) VALUES (@sha256, @kind, @size, @page_count)').run(b);
  }
  recordPage(p: PageRow): void {
    this.db.prepare(`
      INSERT INTO pages (sha256, page_no, source, text, confidence, width, height, rotation, words_json, engine)
      VALUES (@sha256, @page_no, @source, @text, @confidence, @width, @height, @rotation, @words_json, @engine)
      ON CONFLICT (sha256, page_no) DO UPDATE SET source = excluded.source, text = excluded.text,
        confidence = excluded.confidence, width = excluded.width, height = excluded.height,
        rotation = excluded.rotation, words_json = excluded.words_json, engine = excluded.engine`).run(p);
  }
  getPage(sha256: string, pageNo: number): PageRow | undefined {
    return this.db.prepare('SELECT * FROM pages WHERE sha256 = ? AND page_no = ?').get(sha256, pageNo) as PageRow | undefined;
  }
  listPages(sha256: string): PageRow[] {
    return this.db.prepare('SELECT * FROM pages WHERE sha256 = ? ORDER BY page_no').all(sha256) as PageRow[];
  }
  /** Page numbers of a blob that have no reading yet (or one from an older engine). */
  pagesToRead(sha256: string, pageCount: number, engine?: string): number[] {
    const have = new Set((this.db.prepare('SELECT page_no, engine, source FROM pages WHERE sha256 = ?').all(sha256) as { page_no: number; engine: string; source: string }[])
      .filter((r) => !engine || r.source !== 'ocr' || r.engine === engine).map((r) => r.page_no));
    const out: number[] = [];
    for (let n = 1; n <= pageCount; n++) if (!have.has(n)) out.push(n);
    return out;
  }
  /** All pages of the case's readable files, in file then page order. */
  casePages(caseId: string): (PageRow & { file_id: number; path: string; kind: FileKind })[] {
    return this.db.prepare(`
      SELECT p.*, f.id AS file_id, f.path AS path, f.kind AS kind FROM files f
      JOIN pages p ON p.sha256 = f.sha256
      WHERE f.case_id = ? AND f.status = 'ok' ORDER BY f.path, p.page_no`).all(caseId) as (PageRow & { file_id: number; path: string; kind: FileKind })[];
  }

  // ── documents ─────────────────────────────────────────────────────────
  replaceDocuments(caseId: string, docs: Omit<DocumentRow, 'case_id'>[]): void {
    this.transaction(() => {
      this.db.prepare('DELETE FROM documents WHERE case_id = ?').run(caseId);
      const stmt = this.db.prepare(`INSERT INTO documents (case_id, id, ordinal, type, title, file_id, page_from, page_to, date, number, fields_json)
        VALUES (@case_id, @id, @ordinal, @type, @title, @file_id, @page_from, @page_to, @date, @number, @fields_json)`);
      for (const d of docs) stmt.run({ ...d, case_id: caseId });
    });
  }
  listDocuments(caseId: string): DocumentRow[] {
    return this.db.prepare('SELECT * FROM documents WHERE case_id = ? ORDER BY ordinal').all(caseId) as DocumentRow[];
  }

  // ── errors ────────────────────────────────────────────────────────────
  clearErrors(caseId: string, stage: string): void {
    this.db.prepare('DELETE FROM errors WHERE case_id = ? AND stage = ?').run(caseId, stage);
  }
  recordError(caseId: string, path: string, stage: string, message: string): void {
    this.db.prepare('INSERT INTO errors (case_id, path, stage, message, at) VALUES (?, ?, ?, ?, ?)').run(caseId, path, stage, message, now());
  }
  listErrors(caseId: string): { path: string; stage: string; message: string }[] {
    return this.db.prepare('SELECT path, stage, message FROM errors WHERE case_id = ? ORDER BY path, id').all(caseId) as { path: string; stage: string; message: string }[];
  }

  // ── jobs ──────────────────────────────────────────────────────────────
  createJob(caseId: string, kind: string, data: unknown): JobRow {
    const row: JobRow = { id: crypto.randomUUID(), case_id: caseId, kind, status: 'queued', data_json: JSON.stringify(data), progress_json: null, error: null, created_at: now(), updated_at: now() };
    this.db.prepare(`INSERT INTO jobs (id, case_id, kind, status, data_json, progress_json, error, created_at, updated_at)
      VALUES (@id, @case_id, @kind, @status, @data_json, @progress_json, @error, @created_at, @updated_at)`).run(row);
    return row;
  }
  updateJob(id: string, patch: { status?: JobStatus; progress?: unknown; error?: string | null }): void {
    const cur = this.getJob(id);
    if (!cur) return;
    this.db.prepare('UPDATE jobs SET status = ?, progress_json = ?, error = ?, updated_at = ? WHERE id = ?').run(
      patch.status ?? cur.status,
      patch.progress === undefined ? cur.progress_json : JSON.stringify(patch.progress),
      patch.error === undefined ? cur.error : patch.error,
      now(), id);
  }
  getJob(id: string): JobRow | undefined {
    return this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
  }
  latestJob(caseId: string): JobRow | undefined {
    return this.db.prepare('SELECT * FROM jobs WHERE case_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1').get(caseId) as JobRow | undefined;
  }
  /** Jobs a crash or quit left running: they resume, since every stage's output is kept. */
  interruptedJobs(): JobRow[] {
    return this.db.prepare("SELECT * FROM jobs WHERE status IN ('queued','running') ORDER BY created_at").all() as JobRow[];
  }

  // ── audit ─────────────────────────────────────────────────────────────
  audit(actor: string, action: string, caseId: string | null, detail?: unknown): void {
    this.db.prepare('INSERT INTO audit_log (at, actor, action, case_id, detail_json) VALUES (?, ?, ?, ?, ?)').run(now(), actor, action, caseId, detail === undefined ? null : JSON.stringify(detail));
  }
}
