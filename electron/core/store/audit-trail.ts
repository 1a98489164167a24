// The audit trail (migrations 001, 008): who did what, when, to which case, with what it changed
// (detail holds before/after where there is one). Each entry carries the hash of the one before it
// and its own, so an entry changed or removed breaks the chain (case-review audit verify).
import crypto from 'node:crypto';
import type { Db } from './db.js';
import { readAudit, type AuditRow, type StoredAudit } from './rows.js';

const GENESIS = '0'.repeat(64);

type Sealed = Omit<StoredAudit, 'prev_hash' | 'hash'>;

const now = () => new Date().toISOString();

/** The hash of an entry, over its content as stored and the hash before it: SHA-256 of a fixed serialisation. */
function auditHash(prev: string, e: Sealed): string {
  return crypto
    .createHash('sha256')
    .update(JSON.stringify([prev, e.id, e.at, e.actor, e.action, e.case_id, e.detail_json]))
    .digest('hex');
}

export type AuditVerdict =
  { ok: true; entries: number } | { ok: false; entries: number; at: number; problem: 'changed' | 'removed' | 'unsealed' };

export class AuditTrail {
  constructor(private readonly db: Db) {}

  /** Appends an entry, chained to the one before. */
  append(actor: string, action: string, caseId: string | null, detail?: unknown): void {
    this.db.transaction(() => {
      const last = this.db.prepare('SELECT hash FROM audit_log WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1').get() as
        { hash: string } | undefined;
      const entry = { at: now(), actor, action, case_id: caseId, detail_json: detail === undefined ? null : JSON.stringify(detail) };
      const id = Number(
        this.db
          .prepare('INSERT INTO audit_log (at, actor, action, case_id, detail_json) VALUES (@at, @actor, @action, @case_id, @detail_json)')
          .run(entry).lastInsertRowid,
      );
      const prev = last?.hash ?? GENESIS;
      this.db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, auditHash(prev, { id, ...entry }), id);
    })();
  }

  /** Entries written before the chain existed (migration 008) sealed in order, once. */
  sealOpenEntries(): void {
    const open = this.db
      .prepare('SELECT id, at, actor, action, case_id, detail_json FROM audit_log WHERE hash IS NULL ORDER BY id')
      .all() as Sealed[];
    if (!open.length) return;
    this.db.transaction(() => {
      let prev =
        (
          this.db.prepare('SELECT hash FROM audit_log WHERE hash IS NOT NULL AND id < ? ORDER BY id DESC LIMIT 1').get(open[0]!.id) as
            { hash: string } | undefined
        )?.hash ?? GENESIS;
      const seal = this.db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
      for (const e of open) {
        const hash = auditHash(prev, e);
        seal.run(prev, hash, e.id);
        prev = hash;
      }
    })();
  }

  /** A case's history (or the whole trail), oldest first. */
  list(caseId?: string): AuditRow[] {
    return this.stored(caseId).map(readAudit);
  }

  /**
   * Walks the whole chain: every entry's hash must be its own content's, and must be the next
   * entry's prev_hash. A changed entry breaks its hash; a removed one breaks the link after it.
   * The detail is hashed as stored, never re-serialised.
   */
  verify(): AuditVerdict {
    const rows = this.stored();
    let prev = GENESIS;
    for (const r of rows) {
      if (!r.hash || !r.prev_hash) return { ok: false, entries: rows.length, at: r.id, problem: 'unsealed' };
      if (r.prev_hash !== prev) return { ok: false, entries: rows.length, at: r.id, problem: 'removed' };
      if (auditHash(r.prev_hash, r) !== r.hash) return { ok: false, entries: rows.length, at: r.id, problem: 'changed' };
      prev = r.hash;
    }
    return { ok: true, entries: rows.length };
  }

  private stored(caseId?: string): StoredAudit[] {
    return (
      caseId
        ? this.db.prepare('SELECT * FROM audit_log WHERE case_id = ? ORDER BY id').all(caseId)
        : this.db.prepare('SELECT * FROM audit_log ORDER BY id').all()
    ) as StoredAudit[];
  }
}
