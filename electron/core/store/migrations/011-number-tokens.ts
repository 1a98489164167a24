import type { Migration } from './index.js';

// Whole numbers (ID numbers, phones, cards) become tokens of their own in the full-text index
// (search/index-form.ts): a search for one is a lookup of one token, not a phrase of eighteen
// digits each found on nearly every page. Pages indexed before hold no such tokens, so both
// indexes are emptied here and filled again by the store when it opens (PageIndex.catchUp,
// page-index.ts): a frozen migration calls no live code.
// The case list counts each case's files and pages: indexes that answer those counts alone.
export const numberTokens: Migration = {
  version: 11,
  name: 'number-tokens',
  up(db) {
    db.exec(`
      INSERT INTO page_index (page_index) VALUES ('delete-all');
      DELETE FROM page_index_rows;
      INSERT INTO corrected_index (corrected_index) VALUES ('delete-all');
      DELETE FROM corrected_index_rows;
      CREATE INDEX files_case_counts ON files (case_id, status, sha256);
      CREATE INDEX blobs_pages ON blobs (sha256, page_count);
      CREATE INDEX jobs_case_latest ON jobs (case_id, created_at);
    `);
  },
};
