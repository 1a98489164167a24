// Over 400 lines on purpose: CaseStore is the database's one door (DESIGN.md §8), one short method per read or write
// sharing one transaction and audit trail; the search index, audit chain, leases and row readers have rooms of their own.
import { cacheStatements } from './statements.js';
import crypto from 'node:crypto';
import type { Db } from './db.js';
import { AuditTrail, type AuditVerdict } from './audit-trail.js';
import { CaseLeases, type CaseLease, type LeaseOwner } from './case-leases.js';
import { PageIndex } from './page-index.js';
import { readerPage, type ReaderPage } from './reader-page.js';
import {
  readDocument,
  readEntity,
  readEntityCorrection,
  readEvent,
  readFinding,
  readJob,
  readMention,
  readPage,
  readPageWords,
  readStatement,
  storedDocument,
  storedEntity,
  storedEvent,
  storedMention,
  storedPage,
  storedStatement,
  type AnnotationRow,
  type AuditRow,
  type BlobRow,
  type CaseRow,
  type CorrectionRow,
  type DocumentRow,
  type EntityCorrectionRow,
  type EntityRow,
  type EventRow,
  type FileRow,
  type FindingRow,
  type JobProgress,
  type JobRow,
  type MentionRow,
  type PageMatch,
  type PageRow,
  type PageText,
  type StatementRow,
  type StoredDocument,
  type StoredEntity,
  type StoredEntityCorrection,
  type StoredEvent,
  type StoredFinding,
  type StoredJob,
  type StoredMention,
  type StoredPage,
  type StoredStatement,
} from './rows.js';
import { attributes as attributesSchema, readJson } from './json-columns.js';
import type { FileKind } from '../../../shared/vocab.js';
import type { EntityCorrection } from '../../../shared/entity-corrections.js';
import type { JobStatus } from '../../../shared/api.js';
import type { Evidence } from '../rules/rule.js';

export type {
  AnnotationRow,
  AuditRow,
  BlobRow,
  CaseRow,
  CorrectionRow,
  DocumentRow,
  EntityCorrectionRow,
  EntityRow,
  EventRow,
  FileRow,
  FindingRow,
  JobProgress,
  JobRow,
  MentionRow,
  PageMatch,
  PageRow,
  PageText,
  StatementRow,
};
export type { CaseLease, LeaseOwner, ReaderPage };
export { StoredDataError } from './json-columns.js';

/** A page of a case's file as its reviewer reads it, with the file it belongs to. */
export type CasePage = ReaderPage & { file_id: number; path: string; kind: FileKind };

const now = () => new Date().toISOString();

/**
 * The one place that reads and writes the database (DESIGN.md §8): every stage goes through
 * these methods, so constraints and the audit trail are kept in one spot, and rows leave with
 * their JSON read and checked (rows.ts). The search index, the audit chain and case leases have
 * rooms of their own beside this one.
 */
export class CaseStore {
  private readonly index: PageIndex;
  private readonly trail: AuditTrail;
  private readonly leases: CaseLeases;

  constructor(private readonly db: Db) {
    cacheStatements(db);
    this.trail = new AuditTrail(db);
    this.index = new PageIndex(db);
    this.leases = new CaseLeases(db);
    this.trail.sealOpenEntries();
    this.index.catchUp();
  }

  // ── queries for search and the case list ─────────────────────────────
  /** Pages whose indexed text matches an FTS query, in reading order. */
  searchIndex(match: string, caseId: string | undefined, limit: number, fromOrd = 0): PageMatch[] {
    return this.index.search(match, caseId, limit, fromOrd);
  }
  /** Pages whose corrected text (a case's own corrections, migration 005) matches. */
  searchCorrectedIndex(match: string, caseId: string | undefined, limit: number, fromOrd = 0): PageMatch[] {
    return this.index.searchCorrected(match, caseId, limit, fromOrd);
  }
  /** What a case list shows of a case. */
  caseCounts(caseId: string): { files: number; pages: number; documents: number; errors: number } {
    const count = (sql: string) => (this.db.prepare(sql).get(caseId) as { n: number }).n;
    return {
      files: count("SELECT count(*) n FROM files WHERE case_id = ? AND status != 'missing'"),
      pages: count(
        "SELECT coalesce(sum(b.page_count),0) n FROM files f JOIN blobs b ON b.sha256 = f.sha256 WHERE f.case_id = ? AND f.status = 'ok'",
      ),
      documents: count('SELECT count(*) n FROM documents WHERE case_id = ?'),
      errors: count('SELECT count(*) n FROM errors WHERE case_id = ?'),
    };
  }
  /** A readable file with this content, in the given case (or any case), to render a page from. */
  fileWithContent(sha256: string, caseId?: string): { path: string; kind: string; folder: string } | undefined {
    return this.db
      .prepare(
        `SELECT f.path, f.kind, c.folder FROM files f JOIN cases c ON c.id = f.case_id
      WHERE f.sha256 = ? AND f.status = 'ok' ${caseId ? 'AND f.case_id = ?' : ''} LIMIT 1`,
      )
      .get(sha256, ...(caseId ? [caseId] : [])) as { path: string; kind: string; folder: string } | undefined;
  }
  /** Sizes for the search benchmark: pages of the database and of the full-text index. */
  storageFigures(): { pageCount: number; pageSize: number; ftsBytes: number | null } {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return {
      pageCount: this.db.pragma('page_count', { simple: true }) as number,
      pageSize: this.db.pragma('page_size', { simple: true }) as number,
      ftsBytes:
        (this.db.prepare("SELECT sum(pgsize) AS n FROM dbstat WHERE name LIKE 'page_index%'").get() as { n: number | null } | undefined)
          ?.n ?? null,
    };
  }
  close(): void {
    this.db.close();
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  // ── cases ──────────────────────────────────────────────────────────────
  openCase(folder: string, name: string): CaseRow {
    const existing = this.db.prepare('SELECT * FROM cases WHERE folder = ?').get(folder) as CaseRow | undefined;
    if (existing) return existing;
    const row: CaseRow = { id: crypto.randomUUID(), name, folder, created_at: now(), reviewed_at: null };
    this.db
      .prepare('INSERT INTO cases (id, name, folder, created_at, reviewed_at) VALUES (@id, @name, @folder, @created_at, @reviewed_at)')
      .run(row);
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
    this.db
      .prepare(
        `
      INSERT INTO files (case_id, path, sha256, size, mtime_ms, kind, status, error, seen_at)
      VALUES (@case_id, @path, @sha256, @size, @mtime_ms, @kind, @status, @error, @seen_at)
      ON CONFLICT (case_id, path) DO UPDATE SET sha256 = excluded.sha256, size = excluded.size,
        mtime_ms = excluded.mtime_ms, kind = excluded.kind, status = excluded.status,
        error = excluded.error, seen_at = excluded.seen_at`,
      )
      .run({ ...f, seen_at: now() });
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
    this.transaction(() => {
      this.db
        .prepare(
          `
        INSERT INTO pages (sha256, page_no, source, text, confidence, width, height, rotation, words_json, engine)
        VALUES (@sha256, @page_no, @source, @text, @confidence, @width, @height, @rotation, @words_json, @engine)
        ON CONFLICT (sha256, page_no) DO UPDATE SET source = excluded.source, text = excluded.text,
          confidence = excluded.confidence, width = excluded.width, height = excluded.height,
          rotation = excluded.rotation, words_json = excluded.words_json, engine = excluded.engine`,
        )
        .run(storedPage(p));
      // A new reading moves the words the corrections point at.
      this.index.pageRead(p.sha256, p.page_no, p.text);
    });
  }
  /** A page as the engine read it, words and all: the same in every case holding the file. */
  getPage(sha256: string, pageNo: number): PageRow | undefined {
    const row = this.db.prepare('SELECT * FROM pages WHERE sha256 = ? AND page_no = ?').get(sha256, pageNo) as StoredPage | undefined;
    return row ? readPage(row) : undefined;
  }
  /** A file's pages as read, without their word boxes. */
  listPages(sha256: string): PageText[] {
    return this.db
      .prepare(
        `SELECT sha256, page_no, source, text, confidence, width, height, rotation, engine
      FROM pages WHERE sha256 = ? ORDER BY page_no`,
      )
      .all(sha256) as PageText[];
  }
  /** Page numbers of a blob that have no reading yet (or one from an older engine). */
  pagesToRead(sha256: string, pageCount: number, engine?: string): number[] {
    const have = new Set(
      (
        this.db.prepare('SELECT page_no, engine, source FROM pages WHERE sha256 = ?').all(sha256) as {
          page_no: number;
          engine: string;
          source: string;
        }[]
      )
        .filter((r) => !engine || r.source !== 'ocr' || r.engine === engine)
        .map((r) => r.page_no),
    );
    const out: number[] = [];
    for (let n = 1; n <= pageCount; n++) if (!have.has(n)) out.push(n);
    return out;
  }
  /** A page as the case's reviewer reads it: the engine's reading with the case's corrections in place. */
  /** A page's text as the case's reviewer reads it, its word boxes read only where the case corrected a word. */
  readerPageText(caseId: string, sha256: string, pageNo: number): string | undefined {
    const row = this.db
      .prepare(
        `SELECT text, EXISTS (SELECT 1 FROM corrections c WHERE c.case_id = ? AND c.sha256 = p.sha256 AND c.page_no = p.page_no) AS corrected
      FROM pages p WHERE p.sha256 = ? AND p.page_no = ?`,
      )
      .get(caseId, sha256, pageNo) as { text: string; corrected: number } | undefined;
    if (!row) return undefined;
    return row.corrected ? this.readerPage(caseId, sha256, pageNo)?.text : row.text;
  }
  readerPage(caseId: string, sha256: string, pageNo: number): ReaderPage | undefined {
    const row = this.getPage(sha256, pageNo);
    return row ? readerPage(row, this.listCorrections(caseId, sha256, pageNo)) : undefined;
  }
  /**
   * Every page of the case's readable files as its reviewer reads them, in file then page order.
   * Words (the bulk of a page row) are read only when asked for, or where a correction needs them.
   */
  readerPages(caseId: string, opts: { words?: boolean } = {}): CasePage[] {
    const rows = this.db
      .prepare(
        `
      SELECT p.*, f.id AS file_id, f.path AS path, f.kind AS kind FROM files f
      JOIN pages p ON p.sha256 = f.sha256
      WHERE f.case_id = ? AND f.status = 'ok' ORDER BY f.path, p.page_no`,
      )
      .all(caseId) as (StoredPage & { file_id: number; path: string; kind: FileKind })[];
    const byPage = new Map<string, CorrectionRow[]>();
    for (const c of this.listCorrections(caseId))
      byPage.set(`${c.sha256}:${c.page_no}`, [...(byPage.get(`${c.sha256}:${c.page_no}`) ?? []), c]);
    const withWords = opts.words ?? false;
    return rows.map(({ file_id, path, kind, words_json, ...r }) => {
      const corrections = byPage.get(`${r.sha256}:${r.page_no}`) ?? [];
      const words = withWords || corrections.length > 0 ? readPageWords({ ...r, words_json }) : null;
      return { ...readerPage({ ...r, words }, corrections, withWords), file_id, path, kind };
    });
  }

  // ── documents ─────────────────────────────────────────────────────────
  replaceDocuments(caseId: string, docs: Omit<DocumentRow, 'case_id'>[]): void {
    this.transaction(() => {
      this.db.prepare('DELETE FROM documents WHERE case_id = ?').run(caseId);
      const stmt = this.db
        .prepare(`INSERT INTO documents (case_id, id, ordinal, type, title, file_id, page_from, page_to, date, number, fields_json)
        VALUES (@case_id, @id, @ordinal, @type, @title, @file_id, @page_from, @page_to, @date, @number, @fields_json)`);
      for (const d of docs) stmt.run({ ...storedDocument(d), case_id: caseId });
    });
  }
  /** The document holding a page of a file (a document of loose photos holds its files whole), first in catalogue order. */
  documentAt(caseId: string, fileId: number, page: number, path: string): DocumentRow | undefined {
    const row = this.db
      .prepare(
        `SELECT * FROM documents WHERE case_id = ? AND (
        (file_id = ? AND ? BETWEEN page_from AND page_to)
        OR (fields_json LIKE '%"files"%' AND EXISTS (SELECT 1 FROM json_each(fields_json, '$.files') WHERE value = ?)))
      ORDER BY ordinal LIMIT 1`,
      )
      .get(caseId, fileId, page, path) as StoredDocument | undefined;
    return row ? readDocument(row) : undefined;
  }
  /** Findings (and the decisions on them) keyed by documents whose ids changed take the new keys. */
  renameFindingKeys(caseId: string, rename: (key: string) => string): number {
    return this.transaction(() => {
      const keys = (this.db.prepare('SELECT key FROM findings WHERE case_id = ?').all(caseId) as { key: string }[]).map((r) => r.key);
      const moved = keys.map((key) => ({ key, next: rename(key) })).filter((m) => m.next !== m.key);
      if (moved.length === 0) return 0;
      // Two steps: ids may swap (d3 → d5 while d5 → d3), and keys are unique at every step.
      const set = this.db.prepare('UPDATE findings SET key = ? WHERE case_id = ? AND key = ?');
      for (const m of moved) set.run(`~moving:${m.next}`, caseId, m.key);
      // A finding left under a target id (its paper is gone) gives way to the paper that now has that id.
      const stays = new Set(keys);
      for (const m of moved) stays.delete(m.key);
      const drop = this.db.prepare('DELETE FROM findings WHERE case_id = ? AND key = ?');
      for (const m of moved) if (stays.has(m.next)) drop.run(caseId, m.next);
      for (const m of moved) set.run(m.next, caseId, `~moving:${m.next}`);
      return moved.length;
    });
  }
  listDocuments(caseId: string): DocumentRow[] {
    return (this.db.prepare('SELECT * FROM documents WHERE case_id = ? ORDER BY ordinal').all(caseId) as StoredDocument[]).map(
      readDocument,
    );
  }

  // ── entities (migration 002) ──────────────────────────────────────────
  replaceEntities(caseId: string, entities: Omit<EntityRow, 'case_id'>[], mentions: Omit<MentionRow, 'id' | 'case_id'>[]): void {
    this.transaction(() => {
      this.db.prepare('DELETE FROM mentions WHERE case_id = ?').run(caseId);
      this.db.prepare('DELETE FROM entities WHERE case_id = ?').run(caseId);
      const e = this.db.prepare(
        `INSERT INTO entities (case_id, id, type, value, link_key, key, attributes_json)
        VALUES (@case_id, @id, @type, @value, @link_key, @key, @attributes_json)`,
      );
      for (const row of entities) e.run({ ...storedEntity(row), case_id: caseId });
      const m = this.db.prepare(`INSERT INTO mentions (case_id, entity_id, document_id, file_id, page_no, start, end, text, bbox_json)
        VALUES (@case_id, @entity_id, @document_id, @file_id, @page_no, @start, @end, @text, @bbox_json)`);
      for (const row of mentions) m.run({ ...storedMention(row), case_id: caseId });
    });
  }
  /** Sets attributes of entities the later stages learn (a person's earlier convictions), keeping the rest. */
  setEntityAttributes(caseId: string, updates: { id: string; attributes: Record<string, unknown> }[]): void {
    if (updates.length === 0) return;
    this.transaction(() => {
      const get = this.db.prepare('SELECT attributes_json FROM entities WHERE case_id = ? AND id = ?');
      const put = this.db.prepare('UPDATE entities SET attributes_json = ? WHERE case_id = ? AND id = ?');
      for (const u of updates) {
        const row = get.get(caseId, u.id) as { attributes_json: string } | undefined;
        if (!row) continue;
        const before = readJson(attributesSchema, row.attributes_json, {
          table: 'entities',
          column: 'attributes_json',
          row: `${caseId}/${u.id}`,
        });
        put.run(JSON.stringify({ ...before, ...u.attributes }), caseId, u.id);
      }
    });
  }
  listEntities(caseId: string): EntityRow[] {
    return (this.db.prepare('SELECT * FROM entities WHERE case_id = ? ORDER BY type, id').all(caseId) as StoredEntity[]).map(readEntity);
  }
  listMentions(caseId: string): MentionRow[] {
    return (
      this.db.prepare('SELECT * FROM mentions WHERE case_id = ? ORDER BY file_id, page_no, start').all(caseId) as StoredMention[]
    ).map(readMention);
  }
  pageMentions(caseId: string, fileId: number, pageNo: number): (MentionRow & { type: string; value: string })[] {
    return (
      this.db
        .prepare(
          `SELECT m.*, e.type, e.value FROM mentions m JOIN entities e ON e.case_id = m.case_id AND e.id = m.entity_id
      WHERE m.case_id = ? AND m.file_id = ? AND m.page_no = ? ORDER BY m.start`,
        )
        .all(caseId, fileId, pageNo) as (StoredMention & { type: string; value: string })[]
    ).map(readMention);
  }
  /** The same identifier in other cases on this machine (串并), found both ways by link key. */
  crossCaseLinks(caseId: string): { entity_id: string; other_case: string; other_entity: string; other_name: string }[] {
    return this.db
      .prepare(
        `SELECT a.id AS entity_id, b.case_id AS other_case, b.id AS other_entity, c.name AS other_name
      FROM entities a JOIN entities b ON b.link_key = a.link_key AND b.case_id != a.case_id JOIN cases c ON c.id = b.case_id
      WHERE a.case_id = ? AND a.link_key IS NOT NULL ORDER BY a.id, c.name`,
      )
      .all(caseId) as { entity_id: string; other_case: string; other_entity: string; other_name: string }[];
  }

  // ── entity corrections (migration 010) ───────────────────────────────
  /** Keeps a reviewer's correction of the case's entities, with its line in the audit trail. */
  addEntityCorrection(
    caseId: string,
    correction: EntityCorrection,
    reviewer: string,
    summary: { zh: string; en: string },
  ): EntityCorrectionRow {
    return this.transaction(() => {
      const r = this.db
        .prepare('INSERT INTO entity_corrections (case_id, kind, detail_json, reviewer, at) VALUES (?, ?, ?, ?, ?)')
        .run(caseId, correction.kind, JSON.stringify(correction), reviewer, now());
      const id = Number(r.lastInsertRowid);
      this.audit(reviewer, 'entity.corrected', caseId, { id, kind: correction.kind, correction, summary });
      return this.listEntityCorrections(caseId, { includeUndone: true }).find((c) => c.id === id)!;
    });
  }
  /** The case's corrections in the order they were made: the order they are applied in. */
  listEntityCorrections(caseId: string, opts: { includeUndone?: boolean } = {}): EntityCorrectionRow[] {
    return (
      this.db
        .prepare(`SELECT * FROM entity_corrections WHERE case_id = ? ${opts.includeUndone ? '' : 'AND undone_at IS NULL'} ORDER BY id`)
        .all(caseId) as StoredEntityCorrection[]
    ).map(readEntityCorrection);
  }
  undoEntityCorrection(caseId: string, id: number, reviewer: string, summary: { zh: string; en: string }): boolean {
    return this.transaction(() => {
      const r = this.db
        .prepare('UPDATE entity_corrections SET undone_at = ? WHERE case_id = ? AND id = ? AND undone_at IS NULL')
        .run(now(), caseId, id);
      if (r.changes) this.audit(reviewer, 'entity.correction-undone', caseId, { id, summary });
      return r.changes > 0;
    });
  }

  // ── statements (migration 007) ───────────────────────────────────────
  replaceStatements(caseId: string, rows: Omit<StatementRow, 'case_id'>[]): void {
    this.transaction(() => {
      this.db.prepare('DELETE FROM statements WHERE case_id = ?').run(caseId);
      const stmt = this.db
        .prepare(`INSERT INTO statements (case_id, document_id, person_id, person_name, role, kind, session, start, page_from, page_to, turns_json, claims_json)
        VALUES (@case_id, @document_id, @person_id, @person_name, @role, @kind, @session, @start, @page_from, @page_to, @turns_json, @claims_json)`);
      for (const r of rows) stmt.run({ ...storedStatement(r), case_id: caseId });
    });
  }
  listStatements(caseId: string): StatementRow[] {
    return (
      this.db.prepare('SELECT * FROM statements WHERE case_id = ? ORDER BY person_id, session, start').all(caseId) as StoredStatement[]
    ).map(readStatement);
  }

  // ── events and findings (migration 003) ───────────────────────────────
  replaceEvents(caseId: string, events: Omit<EventRow, 'case_id'>[]): void {
    this.transaction(() => {
      this.db.prepare('DELETE FROM events WHERE case_id = ?').run(caseId);
      const stmt = this.db
        .prepare(`INSERT INTO events (case_id, id, type, start, end, subjects_json, actors_json, place, document_id, page_no, text, conflicts_json, basis)
        VALUES (@case_id, @id, @type, @start, @end, @subjects_json, @actors_json, @place, @document_id, @page_no, @text, @conflicts_json, @basis)`);
      for (const e of events) stmt.run({ ...storedEvent(e), case_id: caseId });
    });
  }
  listEvents(caseId: string): EventRow[] {
    return (
      this.db.prepare("SELECT * FROM events WHERE case_id = ? ORDER BY coalesce(start, '9999'), id").all(caseId) as StoredEvent[]
    ).map(readEvent);
  }
  /**
   * Records this run's findings. A finding found before keeps the reviewer's decision and
   * note; one not found again is marked resolved, not deleted, so the report can say so.
   */
  recordFindings(
    caseId: string,
    jobId: string,
    findings: { key: string; rule: string; severity: string; message: string; messageEn: string; citation: string; evidence: Evidence[] }[],
  ): { added: number; unchanged: number; resolved: number } {
    return this.transaction(() => {
      const known = new Map(
        (this.db.prepare('SELECT key, active FROM findings WHERE case_id = ?').all(caseId) as { key: string; active: number }[]).map(
          (r) => [r.key, r.active],
        ),
      );
      const seen = new Set<string>();
      let added = 0;
      let unchanged = 0;
      const upsert = this.db
        .prepare(`INSERT INTO findings (case_id, key, rule, severity, message, message_en, citation, evidence_json, first_job, last_job, active, change)
        VALUES (@case_id, @key, @rule, @severity, @message, @message_en, @citation, @evidence_json, @job, @job, 1, @change)
        ON CONFLICT (case_id, key) DO UPDATE SET rule = excluded.rule, severity = excluded.severity, message = excluded.message,
          message_en = excluded.message_en, citation = excluded.citation, evidence_json = excluded.evidence_json,
          last_job = excluded.last_job, active = 1, change = excluded.change`);
      for (const f of findings) {
        if (seen.has(f.key)) continue;
        seen.add(f.key);
        const change = known.get(f.key) === 1 ? 'unchanged' : 'new';
        if (change === 'new') added++;
        else unchanged++;
        upsert.run({
          case_id: caseId,
          key: f.key,
          rule: f.rule,
          severity: f.severity,
          message: f.message,
          message_en: f.messageEn,
          citation: f.citation,
          evidence_json: JSON.stringify(f.evidence),
          job: jobId,
          change,
        });
      }
      let resolved = 0;
      const gone = this.db.prepare("UPDATE findings SET active = 0, change = 'resolved' WHERE case_id = ? AND key = ?");
      for (const [key, active] of known)
        if (!seen.has(key) && active === 1) {
          gone.run(caseId, key);
          resolved++;
        }
      return { added, unchanged, resolved };
    });
  }
  /** The case list's 问题 column: findings the latest review still makes that the reviewer has not dismissed. */
  findingCounts(caseId: string): { violation: number; warning: number } {
    const out = { violation: 0, warning: 0 };
    const rows = this.db
      .prepare(
        `SELECT severity, count(*) AS n FROM findings WHERE case_id = ? AND active = 1 AND status != 'dismissed'
      GROUP BY severity`,
      )
      .all(caseId) as { severity: string; n: number }[];
    for (const r of rows) if (r.severity === 'violation' || r.severity === 'warning') out[r.severity] = r.n;
    return out;
  }
  listFindings(caseId: string, opts: { includeResolved?: boolean } = {}): FindingRow[] {
    return (
      this.db
        .prepare(
          `SELECT * FROM findings WHERE case_id = ? ${opts.includeResolved ? '' : 'AND active = 1'}
      ORDER BY CASE severity WHEN 'violation' THEN 0 ELSE 1 END, rule, key`,
        )
        .all(caseId) as StoredFinding[]
    ).map(readFinding);
  }
  decideFinding(caseId: string, key: string, status: 'open' | 'confirmed' | 'dismissed', note: string, reviewer: string): boolean {
    return this.transaction(() => {
      const before = this.db.prepare('SELECT rule, status, note FROM findings WHERE case_id = ? AND key = ?').get(caseId, key) as
        { rule: string; status: string; note: string } | undefined;
      const r = this.db
        .prepare('UPDATE findings SET status = ?, note = ?, reviewer = ?, decided_at = ? WHERE case_id = ? AND key = ?')
        .run(status, note, reviewer, now(), caseId, key);
      if (r.changes && before)
        this.audit(reviewer, 'finding.decided', caseId, {
          key,
          rule: before.rule,
          before: { status: before.status, note: before.note },
          after: { status, note },
        });
      return r.changes > 0;
    });
  }

  // ── annotations and corrections (migration 003) ──────────────────────
  addAnnotation(a: Omit<AnnotationRow, 'id' | 'created_at'>, actor = 'reviewer'): AnnotationRow {
    return this.transaction(() => {
      const r = this.db
        .prepare(
          `INSERT INTO annotations (case_id, file_id, page_no, kind, start, end, text, note, created_at)
        VALUES (@case_id, @file_id, @page_no, @kind, @start, @end, @text, @note, @created_at)`,
        )
        .run({ ...a, created_at: now() });
      const row = this.db.prepare('SELECT * FROM annotations WHERE id = ?').get(r.lastInsertRowid) as AnnotationRow;
      this.audit(actor, 'annotation.added', a.case_id, {
        id: row.id,
        after: { fileId: row.file_id, page: row.page_no, kind: row.kind, text: row.text, note: row.note },
      });
      return row;
    });
  }
  listAnnotations(caseId: string): AnnotationRow[] {
    return this.db.prepare('SELECT * FROM annotations WHERE case_id = ? ORDER BY file_id, page_no, id').all(caseId) as AnnotationRow[];
  }
  deleteAnnotation(caseId: string, id: number, actor = 'reviewer'): boolean {
    return this.transaction(() => {
      const row = this.db.prepare('SELECT * FROM annotations WHERE case_id = ? AND id = ?').get(caseId, id) as AnnotationRow | undefined;
      if (!row) return false;
      this.db.prepare('DELETE FROM annotations WHERE case_id = ? AND id = ?').run(caseId, id);
      this.audit(actor, 'annotation.deleted', caseId, {
        id,
        before: { fileId: row.file_id, page: row.page_no, kind: row.kind, text: row.text, note: row.note },
      });
      return true;
    });
  }
  setCorrection(
    caseId: string,
    sha256: string,
    pageNo: number,
    wordIndex: number,
    original: string,
    corrected: string,
    actor = 'reviewer',
    /** 'ocr.confirmed': the reviewer vouched for the word as read (corrected is its current text). */
    action: 'ocr.corrected' | 'ocr.confirmed' = 'ocr.corrected',
  ): void {
    // One transaction: the correction, its search index entry and the audit row stand or fall together.
    this.transaction(() => {
      const before =
        (
          this.db
            .prepare('SELECT corrected FROM corrections WHERE case_id = ? AND sha256 = ? AND page_no = ? AND word_index = ?')
            .get(caseId, sha256, pageNo, wordIndex) as { corrected: string } | undefined
        )?.corrected ?? original;
      this.db
        .prepare(
          `INSERT INTO corrections (case_id, sha256, page_no, word_index, original, corrected, at) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (case_id, sha256, page_no, word_index) DO UPDATE SET corrected = excluded.corrected, at = excluded.at`,
        )
        .run(caseId, sha256, pageNo, wordIndex, original, corrected, now());
      this.index.pageCorrected({ case_id: caseId, sha256, page_no: pageNo });
      this.audit(actor, action, caseId, { sha256, pageNo, wordIndex, before, after: corrected });
    });
  }
  listCorrections(caseId: string, sha256?: string, pageNo?: number): CorrectionRow[] {
    if (sha256 !== undefined && pageNo !== undefined)
      return this.db
        .prepare('SELECT * FROM corrections WHERE case_id = ? AND sha256 = ? AND page_no = ? ORDER BY word_index')
        .all(caseId, sha256, pageNo) as CorrectionRow[];
    return this.db
      .prepare('SELECT * FROM corrections WHERE case_id = ? ORDER BY sha256, page_no, word_index')
      .all(caseId) as CorrectionRow[];
  }

  // ── errors ────────────────────────────────────────────────────────────
  clearErrors(caseId: string, stage: string): void {
    this.db.prepare('DELETE FROM errors WHERE case_id = ? AND stage = ?').run(caseId, stage);
  }
  recordError(caseId: string, path: string, stage: string, message: string): void {
    this.db
      .prepare('INSERT INTO errors (case_id, path, stage, message, at) VALUES (?, ?, ?, ?, ?)')
      .run(caseId, path, stage, message, now());
  }
  listErrors(caseId: string): { path: string; stage: string; message: string }[] {
    return this.db.prepare('SELECT path, stage, message FROM errors WHERE case_id = ? ORDER BY path, id').all(caseId) as {
      path: string;
      stage: string;
      message: string;
    }[];
  }

  // ── jobs ──────────────────────────────────────────────────────────────
  createJob(caseId: string, kind: string, data: unknown): JobRow {
    const t = now();
    const row: StoredJob = {
      id: crypto.randomUUID(),
      case_id: caseId,
      kind,
      status: 'queued',
      data_json: JSON.stringify(data),
      progress_json: null,
      error: null,
      created_at: t,
      updated_at: t,
    };
    this.db
      .prepare(
        `INSERT INTO jobs (id, case_id, kind, status, data_json, progress_json, error, created_at, updated_at)
      VALUES (@id, @case_id, @kind, @status, @data_json, @progress_json, @error, @created_at, @updated_at)`,
      )
      .run(row);
    return readJob(row);
  }
  updateJob(id: string, patch: { status?: JobStatus; progress?: JobProgress; error?: string | null }): void {
    const cur = this.db.prepare('SELECT status, progress_json, error FROM jobs WHERE id = ?').get(id) as
      Pick<StoredJob, 'status' | 'progress_json' | 'error'> | undefined;
    if (!cur) return;
    this.db
      .prepare('UPDATE jobs SET status = ?, progress_json = ?, error = ?, updated_at = ? WHERE id = ?')
      .run(
        patch.status ?? cur.status,
        patch.progress === undefined ? cur.progress_json : JSON.stringify(patch.progress),
        patch.error === undefined ? cur.error : patch.error,
        now(),
        id,
      );
  }
  getJob(id: string): JobRow | undefined {
    const row = this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as StoredJob | undefined;
    return row ? readJob(row) : undefined;
  }
  latestJob(caseId: string): JobRow | undefined {
    const row = this.db.prepare('SELECT * FROM jobs WHERE case_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1').get(caseId) as
      StoredJob | undefined;
    return row ? readJob(row) : undefined;
  }
  /** Jobs a crash or quit left running: they resume, since every stage's output is kept. */
  interruptedJobs(): JobRow[] {
    return (this.db.prepare("SELECT * FROM jobs WHERE status IN ('queued','running') ORDER BY created_at").all() as StoredJob[]).map(
      readJob,
    );
  }

  // ── case leases (case-leases.ts) ─────────────────────────────────────
  acquireCaseLease(caseId: string, me: LeaseOwner, staleMs = 30_000): CaseLease | null {
    return this.leases.acquire(caseId, me, staleMs);
  }
  renewCaseLease(caseId: string, owner: string): void {
    this.leases.renew(caseId, owner);
  }
  releaseCaseLease(caseId: string, owner: string): void {
    this.leases.release(caseId, owner);
  }

  // ── audit (audit-trail.ts) ───────────────────────────────────────────
  /** Appends an entry to the audit trail, chained to the one before. */
  audit(actor: string, action: string, caseId: string | null, detail?: unknown): void {
    this.trail.append(actor, action, caseId, detail);
  }
  /** A case's history (or the whole trail), oldest first. */
  listAudit(caseId?: string): AuditRow[] {
    return this.trail.list(caseId);
  }
  verifyAudit(): AuditVerdict {
    return this.trail.verify();
  }
}
