import type { Migration } from './index.js';

// Cross-case links (串并) are not stored as pairs: every entity carries a link key (type +
// normalised value, persons by ID number), and one indexed join finds the other cases both
// ways, so a new case links to the old ones without rewriting them.
export const entities: Migration = {
  version: 2,
  name: 'entities',
  up(db) {
    db.exec(`
      CREATE TABLE entities (
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        type TEXT NOT NULL,
        value TEXT NOT NULL,
        link_key TEXT,
        attributes_json TEXT NOT NULL DEFAULT '{}',
        PRIMARY KEY (case_id, id)
      ) STRICT;
      CREATE INDEX entities_link ON entities(link_key) WHERE link_key IS NOT NULL;
      CREATE INDEX entities_type ON entities(case_id, type);

      CREATE TABLE mentions (
        id INTEGER PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        entity_id TEXT NOT NULL,
        document_id TEXT,
        file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
        page_no INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        bbox_json TEXT,
        FOREIGN KEY (case_id, entity_id) REFERENCES entities(case_id, id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX mentions_entity ON mentions(case_id, entity_id);
      CREATE INDEX mentions_page ON mentions(file_id, page_no);
    `);
  },
};
