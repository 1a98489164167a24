import type { Migration } from './index.js';

// Contentless: the text lives in pages already; the index holds only tokens. Its rowid is
// the page's row in page_index_rows, so a page of shared content is indexed once.
export const search: Migration = {
  version: 4,
  name: 'search',
  up(db) {
    db.exec(`
      CREATE TABLE page_index_rows (
        rowid INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL,
        page_no INTEGER NOT NULL,
        UNIQUE (sha256, page_no),
        FOREIGN KEY (sha256, page_no) REFERENCES pages(sha256, page_no) ON DELETE CASCADE
      ) STRICT;
      CREATE VIRTUAL TABLE page_index USING fts5(body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0');
    `);
    // Pages read before this version are indexed by the store when it opens
    // (PageIndex.catchUp, page-index.ts): a frozen migration calls no live code.
  },
};
