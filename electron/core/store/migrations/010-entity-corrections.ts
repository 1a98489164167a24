import type { Migration } from './index.js';

// The reviewer's corrections to the case's people and identifiers (merge, split, relabel, an
// identifier given to a person). Entity ids are renumbered by every run, so a correction names
// its entities by the key resolution gives them (entities.key), and is applied again after each
// run the way a finding's decision is kept by the finding's key. Undone corrections stay, for the trail.
export const entityCorrections: Migration = {
  version: 10,
  name: 'entity-corrections',
  up(db) {
    db.exec(`
      ALTER TABLE entities ADD COLUMN key TEXT;
      CREATE TABLE entity_corrections (
        id INTEGER PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('merge', 'split', 'relabel', 'identifier')),
        detail_json TEXT NOT NULL,
        reviewer TEXT NOT NULL,
        at TEXT NOT NULL,
        undone_at TEXT
      ) STRICT;
      CREATE INDEX entity_corrections_case ON entity_corrections(case_id, id);
    `);
  },
};
