import type { Migration } from './index.js';

// Two programs on one store (the desk open while the CLI reviews): a case is reviewed by one of
// them at a time. The holder keeps its lease fresh; a lease gone stale, or held by a process that
// is no longer alive on this machine, is taken over.
export const caseLeases: Migration = {
  version: 9,
  name: 'case-leases',
  up(db) {
    db.exec(`
      CREATE TABLE case_leases (
        case_id TEXT PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
        owner TEXT NOT NULL,
        host TEXT NOT NULL,
        pid INTEGER NOT NULL,
        program TEXT NOT NULL,
        acquired_at TEXT NOT NULL,
        heartbeat_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
