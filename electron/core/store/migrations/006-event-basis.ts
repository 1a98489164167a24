import type { Migration } from './index.js';

// An event is known either from its own paper (a warrant, a notice, a record) or because a
// narrative tells it (起诉意见书, 判决书 …). The two are kept apart: a narrative may contradict
// the papers, and that is a finding (CUSTODY_NARRATIVE_CONSISTENCY). Rows written before this
// migration came from papers.
export const eventBasis: Migration = {
  version: 6,
  name: 'event-basis',
  up(db) {
    db.exec(`ALTER TABLE events ADD COLUMN basis TEXT NOT NULL DEFAULT 'document' CHECK (basis IN ('document','narrative'));`);
  },
};
