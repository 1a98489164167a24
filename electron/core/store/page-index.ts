// The full-text index of page text (migrations 004, 005). Pages are shared between cases and
// indexed once; corrections belong to one case, so a second index holds, per case, the corrected
// text of each page that case has corrected. Both are kept in step here, in the transaction of
// the write that changes what they index.
import type { Db } from './db.js';
import { indexForm } from '../search/index-form.js';
import { correctedText } from './reader-page.js';
import { readPageWords, type PageMatch } from './rows.js';

export interface CorrectedPageKey {
  case_id: string;
  sha256: string;
  page_no: number;
}

export class PageIndex {
  constructor(private readonly db: Db) {}

  /** Pages read and corrections made before the indexes existed, indexed once when the store opens. */
  catchUp(): void {
    const pages = this.db
      .prepare(
        `SELECT p.sha256, p.page_no, p.text FROM pages p
      WHERE NOT EXISTS (SELECT 1 FROM page_index_rows r WHERE r.sha256 = p.sha256 AND r.page_no = p.page_no)`,
      )
      .all() as { sha256: string; page_no: number; text: string }[];
    if (pages.length)
      this.db.transaction(() => {
        for (const r of pages) this.indexPage(r.sha256, r.page_no, r.text);
      })();
    const corrected = this.db
      .prepare(
        `SELECT DISTINCT c.case_id, c.sha256, c.page_no FROM corrections c
      WHERE NOT EXISTS (SELECT 1 FROM corrected_index_rows r WHERE r.case_id = c.case_id AND r.sha256 = c.sha256 AND r.page_no = c.page_no)`,
      )
      .all() as CorrectedPageKey[];
    if (corrected.length) this.db.transaction(() => this.indexCorrectedPages(corrected))();
  }

  /** A page read (again): its text indexed, and every case's corrections of it re-applied to the new reading's words. */
  pageRead(sha256: string, pageNo: number, text: string): void {
    this.indexPage(sha256, pageNo, text);
    this.indexCorrectedPages(
      this.db
        .prepare('SELECT DISTINCT case_id, sha256, page_no FROM corrections WHERE sha256 = ? AND page_no = ?')
        .all(sha256, pageNo) as CorrectedPageKey[],
    );
  }

  /** A case's corrections of a page changed. */
  pageCorrected(key: CorrectedPageKey): void {
    this.indexCorrectedPages([key]);
  }

  /** Pages whose indexed text matches an FTS query, in reading order, from the page at `fromOrd` on. */
  search(match: string, caseId: string | undefined, limit: number, fromOrd = 0): PageMatch[] {
    // One case's pages were mostly indexed together: the index is read between the first and
    // the last of them only, not through every other case's matches before and after.
    const span = caseId
      ? (this.db
          .prepare(
            `SELECT min(r.rowid) AS lo, max(r.rowid) AS hi FROM files f JOIN page_index_rows r ON r.sha256 = f.sha256
          WHERE f.case_id = ? AND f.status = 'ok'`,
          )
          .get(caseId) as { lo: number | null; hi: number | null })
      : null;
    if (span && span.lo === null) return [];
    // A later page of results starts where the last one ended: FTS5 seeks to that rowid, so a
    // page of hits deep in the list costs what the first one does.
    const lo = Math.max(span?.lo ?? 0, fromOrd);
    return this.db
      .prepare(
        `
      SELECT r.rowid AS ord, r.sha256, r.page_no, f.id AS file_id, f.path, c.id AS case_id, c.name AS case_name
      FROM page_index JOIN page_index_rows r ON r.rowid = page_index.rowid
      JOIN files f ON f.sha256 = r.sha256 AND f.status = 'ok'
      JOIN cases c ON c.id = f.case_id
      WHERE page_index MATCH ? ${span ? 'AND page_index.rowid BETWEEN ? AND ? AND c.id = ?' : lo > 0 ? 'AND page_index.rowid >= ?' : ''}
      ORDER BY page_index.rowid
      LIMIT ?`,
      )
      .all(match, ...(span ? [lo, span.hi, caseId] : lo > 0 ? [lo] : []), limit) as PageMatch[];
  }

  /** Pages whose corrected text (a case's own corrections) matches, from the page at `fromOrd` on. */
  searchCorrected(match: string, caseId: string | undefined, limit: number, fromOrd = 0): PageMatch[] {
    return this.db
      .prepare(
        `
      SELECT COALESCE(r.rowid, 0) AS ord, k.sha256, k.page_no, f.id AS file_id, f.path, c.id AS case_id, c.name AS case_name
      FROM corrected_index JOIN corrected_index_rows k ON k.rowid = corrected_index.rowid
      LEFT JOIN page_index_rows r ON r.sha256 = k.sha256 AND r.page_no = k.page_no
      JOIN files f ON f.sha256 = k.sha256 AND f.case_id = k.case_id AND f.status = 'ok'
      JOIN cases c ON c.id = k.case_id
      WHERE corrected_index MATCH ? AND COALESCE(r.rowid, 0) >= ? ${caseId ? 'AND k.case_id = ?' : ''}
      ORDER BY ord
      LIMIT ?`,
      )
      .all(match, fromOrd, ...(caseId ? [caseId] : []), limit) as PageMatch[];
  }

  private indexPage(sha256: string, pageNo: number, text: string): void {
    const existing = this.db.prepare('SELECT rowid FROM page_index_rows WHERE sha256 = ? AND page_no = ?').get(sha256, pageNo) as
      { rowid: number } | undefined;
    const rowid =
      existing?.rowid ??
      Number(this.db.prepare('INSERT INTO page_index_rows (sha256, page_no) VALUES (?, ?)').run(sha256, pageNo).lastInsertRowid);
    if (existing) this.db.prepare('DELETE FROM page_index WHERE rowid = ?').run(rowid);
    this.db.prepare('INSERT INTO page_index (rowid, body) VALUES (?, ?)').run(rowid, indexForm(text));
  }

  private indexCorrectedPages(keys: readonly CorrectedPageKey[]): void {
    const page = this.db.prepare('SELECT sha256, page_no, text, words_json FROM pages WHERE sha256 = ? AND page_no = ?');
    const corrections = this.db.prepare(
      'SELECT word_index, corrected FROM corrections WHERE case_id = ? AND sha256 = ? AND page_no = ? ORDER BY word_index',
    );
    const existing = this.db.prepare('SELECT rowid FROM corrected_index_rows WHERE case_id = ? AND sha256 = ? AND page_no = ?');
    const insertRow = this.db.prepare('INSERT INTO corrected_index_rows (case_id, sha256, page_no) VALUES (?, ?, ?)');
    const dropRow = this.db.prepare('DELETE FROM corrected_index_rows WHERE rowid = ?');
    const dropBody = this.db.prepare('DELETE FROM corrected_index WHERE rowid = ?');
    const insertBody = this.db.prepare('INSERT INTO corrected_index (rowid, body) VALUES (?, ?)');
    for (const k of keys) {
      const old = existing.get(k.case_id, k.sha256, k.page_no) as { rowid: number } | undefined;
      if (old) {
        dropBody.run(old.rowid);
        dropRow.run(old.rowid);
      }
      const p = page.get(k.sha256, k.page_no) as { sha256: string; page_no: number; text: string; words_json: string | null } | undefined;
      const edits = corrections.all(k.case_id, k.sha256, k.page_no) as { word_index: number; corrected: string }[];
      if (!p?.words_json || edits.length === 0) continue;
      const rowid = insertRow.run(k.case_id, k.sha256, k.page_no).lastInsertRowid;
      insertBody.run(rowid, indexForm(correctedText(p.text, readPageWords(p), edits).text));
    }
  }
}
