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
  documentType?: string | undefined;
  entityType?: string | undefined;
  personId?: string | undefined;
}

const SNIPPET = 24;
// A page that says a name twenty times is one result with its first few places.
const HITS_PER_PAGE = 3;
const BOXED_HITS = 100;

/** Full-text search over one case or every case on this machine. */
export function searchPages(store: CaseStore, req: SearchRequest): SearchHit[] {
  const phrase = phraseQuery(req.query);
  const find = textFinder(req.query);
  if (!phrase || !find) return [];
  const limit = req.limit ?? 100;
  // A whole number is one token; only when no page has a number beginning with it is it
  // looked for as a run of single digits (inside a longer number), the slow way.
  const number = numberQuery(req.query);
  const matching = (find: (match: string) => PageMatch[]): PageMatch[] => {
    const byNumber = number ? find(number) : [];
    return byNumber.length > 0 ? byNumber : find(phrase);
  };
  // Each page kept gives one hit or more: as many pages as hits wanted, a few more for a page
  // whose text no longer has the words, and four times as many where filters drop pages.
  const pages = req.documentType || req.entityType || req.personId ? limit * 4 : limit + 16;
  // Ordered by the index's own rowid (the order pages were read): no sort over all matches,
  // and page text is fetched only for the rows kept.
  const rows = matching((m) => store.searchIndex(m, req.caseId, pages));
  // Pages a case corrected are matched on their corrected text too (migration 005), in
  // reading order with the rest; a match on words the correction removed finds nothing
  // in the corrected text below and is dropped there.
  const corrected = matching((m) => store.searchCorrectedIndex(m, req.caseId, pages));
  if (corrected.length > 0) {
    const seen = new Set(rows.map((r) => `${r.case_id}:${r.file_id}:${r.page_no}`));
    rows.push(...corrected.filter((r) => !seen.has(`${r.case_id}:${r.file_id}:${r.page_no}`)));
    rows.sort((a, b) => a.ord - b.ord);
  }
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
    const pageRefs = refsFor(row.case_id);
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
      });
    }
  }
  return hits;
}
