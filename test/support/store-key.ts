// The key the tests' CLI runs encrypt their stores with (vitest.config.ts sets CASE_REVIEW_KEY),
// and a raw connection to such a store, for tests that look inside it.
import Database from 'better-sqlite3';
import { applyKey, isPlainStore } from '../../electron/core/store/db.js';

export function testStoreKey(): Buffer {
  const hex = process.env.CASE_REVIEW_KEY;
  if (!hex) throw new Error('CASE_REVIEW_KEY is not set (vitest.config.ts sets it)');
  return Buffer.from(hex, 'hex');
}

/** A connection to a store on disk, keyed when the store is encrypted. */
export function openRawStore(file: string, opts: Database.Options = {}): Database.Database {
  const encrypted = !isPlainStore(file);
  const db = new Database(file, opts);
  if (encrypted) applyKey(db, testStoreKey());
  return db;
}
