import type { SearchHit } from '../../../shared/api.js';
import type { DocumentType } from '../../../shared/vocab.js';
import type { CaseStore } from '../store/case-store.js';
import { PageRefs } from '../desk/refs.js';
import { numberQuery, phraseQuery, textFinder } from './index-form.js';
import type { PageMatch } from '../store/rows.js';

export interface SearchRequest {
  query: string;
  caseId?: string | undefined;
  limit?: number | undefined;
  /** The `cursor` of the last hit already shown: the hits after it are returned. */
  after?: string | undefined;
  documentType?: string | undefined;
  entityType?: string | undefined;
  personId?: string | undefined;
}

const SNIPPET = 24;
// A page that says a name twenty times is one result with its first few places.
const HITS_PER_PAGE = 3;
const BOXED_HITS = 100;

/** Where a hit stands in the list: its page in reading order, the file holding it, its place on the page. */
interface Cursor {
  ord: number;
  fileId: number;
  n: number;
}
const CURSOR = /^(\d{1,15})\.(\d{1,15})\.(\d)$/;
export function readCursor(text: string | undefined): Cursor | null {
  const m = text ? CURSOR.exec(text) : null;
  return m ? { ord: Number(m[1]), fileId: Number(m[2]), n: Number(m[3]) } : null;
}
const cursorOf = (row: PageMatch, n: number): string => `${row.ord}.${row.file_id}.${n}`;

/** How many of a page's hits a list that ended at `after` has already shown (all, none, or the first few). */
function shownBefore(row: PageMatch, after: Cursor | null): number {
  if (!after || row.ord > after.ord) return 0;
  if (row.ord < after.ord || row.file_id < after.fileId) return HITS_PER_PAGE;
  return row.file_id === after.fileId ? after.n + 1 : 0;
}

/**
 * Rows the index gave up to a LIMIT: the last page's rows (one page held by several files, or
 * by several cases) may have been cut short, so that page is left to the next request whole.
 */
function wholePages(rows: PageMatch[], asked: number): PageMatch[] {
  if (rows.length < asked || rows.length === 0) return rows;
  const last = rows[rows.length - 1]!.ord;
  return rows[0]!.ord === last ? rows : rows.filter((r) => r.ord !== last);
}

/**
 * Full-text search over one case or every case on this machine, in reading order. A long list
 * comes in pieces: each hit carries a cursor, and a request `after` it goes on from there, so the
 * desk shows the first screen of hits at once and asks for the rest behind it.
 */
export function searchPages(store: CaseStore, req: SearchRequest): SearchHit[] {
  const phrase = phraseQuery(req.query);
  const find = textFinder(req.query);
  if (!phrase || !find) return [];
  const limit = req.limit ?? 100;
  const after = readCursor(req.after);
  const from = after?.ord ?? 0;
  // A whole number is one token; only when no page has a number beginning with it is it
  // looked for as a run of single digits (inside a longer number), the slow way.
  // Decided over the whole list, not the piece asked for, so every piece is of one list.
  const number = numberQuery(req.query);
  const match = number && store.searchIndex(number, req.caseId, 1).length > 0 ? number : phrase;
  const matching = (find: (match: string) => PageMatch[]): PageMatch[] => find(match);
  // Each page kept gives one hit or more: as many pages as hits wanted, a few more for a page
  // whose text no longer has the words, and four times as many where filters drop pages.
  const pages = req.documentType || req.entityType || req.personId ? limit * 4 : limit + 16;
  // Ordered by the index's own rowid (the order pages were read): no sort over all matches,
  // and page text is fetched only for the rows kept.
  const rows = matching((m) => wholePages(store.searchIndex(m, req.caseId, pages, from), pages));
  // Pages a case corrected are matched on their corrected text too (migration 005), in
  // reading order with the rest; a match on words the correction removed finds nothing
  // in the corrected text below and is dropped there.
  const corrected = matching((m) => wholePages(store.searchCorrectedIndex(m, req.caseId, pages, from), pages));
  if (corrected.length > 0) {
    const seen = new Set(rows.map((r) => `${r.case_id}:${r.file_id}:${r.page_no}`));
    rows.push(...corrected.filter((r) => !seen.has(`${r.case_id}:${r.file_id}:${r.page_no}`)));
  }
  // One page held by several files comes in the order of its files, so a cursor can say which came first.
  rows.sort((a, b) => a.ord - b.ord || a.file_id - b.file_id);
  const refs = new Map<string, PageRefs>();
  const refsFor = (caseId: string) => {
    let r = refs.get(caseId);
    if (!r) {
      r = new PageRefs(store, caseId);
      refs.set(caseId, r);
    }
    return r;
  };
  const docTypes = new Map<string, string>();
  const hits: SearchHit[] = [];
  for (const row of rows) {
    if (hits.length >= limit) break;
    const skip = shownBefore(row, after);
    if (skip >= HITS_PER_PAGE) continue;
    const pageRefs = refsFor(row.case_id);
    pageRefs.knowFile(row.file_id, row.path, row.sha256);
    const doc = pageRefs.documentAt(row.file_id, row.page_no);
    if (req.documentType) {
      if (!doc) continue;
      let t = docTypes.get(`${row.case_id}:${doc.id}`);
      if (t === undefined) {
        t = store.listDocuments(row.case_id).find((d) => d.id === doc.id)?.type ?? '';
        docTypes.set(`${row.case_id}:${doc.id}`, t);
      }
      if (t !== req.documentType) continue;
    }
    if (req.entityType || req.personId) {
      const mentions = store.pageMentions(row.case_id, row.file_id, row.page_no);
      if (req.entityType && !mentions.some((m) => m.type === req.entityType)) continue;
      if (req.personId && !mentions.some((m) => m.entity_id === req.personId)) continue;
    }
    let from = 0;
    // The case's own reading: a hit's offsets are counted in the text its reviewer sees.
    const text = pageRefs.pageText(row.file_id, row.page_no) ?? '';
    for (let n = 0; n < HITS_PER_PAGE && hits.length < limit; n++) {
      const at = find(text, from);
      if (!at) break;
      from = at.end;
      if (n < skip) continue;
      const s = Math.max(0, at.start - SNIPPET);
      // The box costs the page's word boxes: drawn for the hits shown first; the desk draws any
      // other from its offsets and the page's words when it is opened (bbox is only a fallback).
      const bbox =
        hits.length < BOXED_HITS
          ? (pageRefs.forFilePage(row.file_id, row.page_no, text.slice(at.start, at.end), at.start, at.end).bbox ?? null)
          : null;
      hits.push({
        caseId: row.case_id,
        caseName: row.case_name,
        documentId: doc?.id ?? null,
        documentTitle: doc?.title ?? null,
        documentType: (docTypes.get(`${row.case_id}:${doc?.id}`) as DocumentType | undefined) ?? null,
        fileId: row.file_id,
        file: row.path,
        page: row.page_no,
        snippet: text.slice(s, at.end + SNIPPET).replace(/\n/g, ' '),
        start: at.start - s,
        end: at.end - s,
        pageStart: at.start,
        pageEnd: at.end,
        bbox,
        cursor: cursorOf(row, n),
      });
    }
  }
  return hits;
}
