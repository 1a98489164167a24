import type { Migration } from './index.js';

// Corrections belong to one case while pages are shared between cases, so the
// shared index cannot hold a corrected reading. A second contentless index holds,
// per case, the corrected text of each page that case has corrected.
export const correctedSearch: Migration = {
  version: 5,
  name: 'corrected-search',
  up(db) {
    db.exec(`
      CREATE TABLE corrected_index_rows (
        rowid INTEGER PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        sha256 TEXT NOT NULL,
        page_no INTEGER NOT NULL,
        UNIQUE (case_id, sha256, page_no),
        FOREIGN KEY (sha256, page_no) REFERENCES pages(sha256, page_no) ON DELETE CASCADE
      ) STRICT;
      CREATE VIRTUAL TABLE corrected_index USING fts5(body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0');
      -- Every page OCR records looks up the corrections made to it, in any case.
      CREATE INDEX corrections_page ON corrections (sha256, page_no);
    `);
    // Corrections made before this version are indexed by the store when it opens
    // (PageIndex.catchUp, page-index.ts): a frozen migration calls no live code.
  },
};
