import type { Migration } from './index.js';

// A finding is keyed by what it is about (rule + documents/persons), not by run: the
// reviewer's decision and note stay attached when the case is reviewed again, and a
// finding that no longer fires is kept as resolved rather than deleted.
export const review: Migration = {
  version: 3,
  name: 'review',
  up(db) {
    db.exec(`
      CREATE TABLE events (
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        type TEXT NOT NULL,
        start TEXT,
        end TEXT,
        subjects_json TEXT NOT NULL DEFAULT '[]',
        actors_json TEXT NOT NULL DEFAULT '[]',
        place TEXT,
        document_id TEXT NOT NULL,
        page_no INTEGER NOT NULL,
        text TEXT NOT NULL,
        conflicts_json TEXT,
        PRIMARY KEY (case_id, id)
      ) STRICT;

      CREATE TABLE findings (
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        rule TEXT NOT NULL,
        severity TEXT NOT NULL CHECK (severity IN ('violation','warning')),
        message TEXT NOT NULL,
        message_en TEXT NOT NULL DEFAULT '',
        citation TEXT NOT NULL,
        evidence_json TEXT NOT NULL DEFAULT '[]',
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','confirmed','dismissed')),
        note TEXT NOT NULL DEFAULT '',
        reviewer TEXT,
        decided_at TEXT,
        first_job TEXT,
        last_job TEXT,
        active INTEGER NOT NULL DEFAULT 1,
        change TEXT NOT NULL DEFAULT 'new' CHECK (change IN ('new','unchanged','resolved')),
        PRIMARY KEY (case_id, key)
      ) STRICT;
      CREATE INDEX findings_rule ON findings(case_id, rule);

      CREATE TABLE annotations (
        id INTEGER PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
        page_no INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('highlight','note','bookmark')),
        start INTEGER,
        end INTEGER,
        text TEXT,
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX annotations_case ON annotations(case_id, file_id, page_no);

      -- Reviewers' corrections of OCR words, per case: the page reading itself is shared
      -- content and stays as the engine read it.
      CREATE TABLE corrections (
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        sha256 TEXT NOT NULL,
        page_no INTEGER NOT NULL,
        word_index INTEGER NOT NULL,
        original TEXT NOT NULL,
        corrected TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (case_id, sha256, page_no, word_index)
      ) STRICT;
    `);
  },
};
