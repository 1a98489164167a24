import type { Migration } from './index.js';

// Each record read as the person's statement: its questions and answers and the claims they make.
// Built by the rules stage from the catalogue; the compare view, the report and review.json read it.
export const statements: Migration = {
  version: 7,
  name: 'statements',
  up(db) {
    db.exec(`
      CREATE TABLE statements (
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        document_id TEXT NOT NULL,
        person_id TEXT,
        person_name TEXT,
        role TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('interrogation','inquiry')),
        session INTEGER,
        start TEXT,
        page_from INTEGER NOT NULL,
        page_to INTEGER NOT NULL,
        turns_json TEXT NOT NULL DEFAULT '[]',
        claims_json TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (case_id, document_id)
      ) STRICT;
      CREATE INDEX statements_person ON statements(case_id, person_id);
    `);
  },
};
