import type { Migration } from './index.js';

// Pages are content-addressed (file SHA-256 + page number): a page read once is never
// read again, in this case or any other case holding the same file.
export const foundation: Migration = {
  version: 1,
  name: 'foundation',
  up(db) {
    db.exec(`
      CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        folder TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        reviewed_at TEXT
      ) STRICT;

      CREATE TABLE blobs (
        sha256 TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        size INTEGER NOT NULL,
        page_count INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE files (
        id INTEGER PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        sha256 TEXT,
        size INTEGER NOT NULL,
        mtime_ms INTEGER NOT NULL,
        kind TEXT,
        status TEXT NOT NULL CHECK (status IN ('ok','error','missing','changed')),
        error TEXT,
        seen_at TEXT NOT NULL,
        UNIQUE (case_id, path)
      ) STRICT;
      CREATE INDEX files_sha ON files(sha256);

      CREATE TABLE pages (
        sha256 TEXT NOT NULL REFERENCES blobs(sha256) ON DELETE CASCADE,
        page_no INTEGER NOT NULL,
        source TEXT NOT NULL,
        text TEXT NOT NULL,
        confidence REAL,
        width REAL,
        height REAL,
        rotation INTEGER NOT NULL DEFAULT 0,
        words_json TEXT,
        engine TEXT NOT NULL,
        PRIMARY KEY (sha256, page_no)
      ) STRICT;

      CREATE TABLE documents (
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        ordinal INTEGER NOT NULL,
        type TEXT NOT NULL,
        title TEXT NOT NULL,
        file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
        page_from INTEGER NOT NULL,
        page_to INTEGER NOT NULL,
        date TEXT,
        number TEXT,
        fields_json TEXT,
        PRIMARY KEY (case_id, id)
      ) STRICT;

      CREATE TABLE errors (
        id INTEGER PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        stage TEXT NOT NULL,
        message TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX errors_case ON errors(case_id);

      CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('queued','running','done','failed','cancelled')),
        data_json TEXT NOT NULL,
        progress_json TEXT,
        error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        case_id TEXT,
        detail_json TEXT
      ) STRICT;
    `);
  },
};
