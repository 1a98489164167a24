// Keeps the per-case index of corrected pages (migration 005) in step with the
// corrections and with the page's reading they apply to.
import type BetterSqlite3 from 'better-sqlite3';
import { indexForm } from '../search/index-form.js';
import type { OcrWord } from '../../../shared/api.js';
import { correctedText } from './reader-page.js';

export interface CorrectedPageKey { case_id: string; sha256: string; page_no: number }

export function indexCorrectedPages(db: BetterSqlite3.Database, keys: readonly CorrectedPageKey[]): void {
  const page = db.prepare('SELECT text, words_json FROM pages WHERE sha256 = ? AND page_no = ?');
  const corrections = db.prepare('SELECT word_index, corrected FROM corrections WHERE case_id = ? AND sha256 = ? AND page_no = ? ORDER BY word_index');
  const existing = db.prepare('SELECT rowid FROM corrected_index_rows WHERE case_id = ? AND sha256 = ? AND page_no = ?');
  const insertRow = db.prepare('INSERT INTO corrected_index_rows (case_id, sha256, page_no) VALUES (?, ?, ?)');
  const dropRow = db.prepare('DELETE FROM corrected_index_rows WHERE rowid = ?');
  const dropBody = db.prepare('DELETE FROM corrected_index WHERE rowid = ?');
  const insertBody = db.prepare('INSERT INTO corrected_index (rowid, body) VALUES (?, ?)');
  for (const k of keys) {
    const old = existing.get(k.case_id, k.sha256, k.page_no) as { rowid: number } | undefined;
    if (old) { dropBody.run(old.rowid); dropRow.run(old.rowid); }
    const p = page.get(k.sha256, k.page_no) as { text: string; words_json: string | null } | undefined;
    const edits = corrections.all(k.case_id, k.sha256, k.page_no) as { word_index: number; corrected: string }[];
    if (!p?.words_json || edits.length === 0) continue;
    const rowid = insertRow.run(k.case_id, k.sha256, k.page_no).lastInsertRowid;
    insertBody.run(rowid, indexForm(correctedText(p.text, JSON.parse(p.words_json) as OcrWord[], edits).text));
  }
}
