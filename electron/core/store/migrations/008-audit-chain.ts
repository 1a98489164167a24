import type { Migration } from './index.js';

// The audit trail made tamper-evident: each entry carries the hash of the one before it and its
// own, so an entry changed or removed breaks the chain (case-review audit verify). Entries written
// before this version are sealed by the store when it opens: a frozen migration computes no hash.
export const auditChain: Migration = {
  version: 8,
  name: 'audit-chain',
  up(db) {
    db.exec(`
      ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
      ALTER TABLE audit_log ADD COLUMN hash TEXT;
      CREATE INDEX audit_case ON audit_log(case_id, id);
    `);
  },
};
