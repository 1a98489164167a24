import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations/index.js';

export type Db = Database.Database;

export class NewerDatabaseError extends Error {
  constructor(found: number, known: number) {
    super(`数据库版本 ${found} 比本程序支持的版本 ${known} 更新，请升级程序。(database schema ${found} is newer than this app's ${known})`);
    this.name = 'NewerDatabaseError';
  }
}

/** The store's file is damaged, or is not a store: it is left as found, and the user told where the backups are. */
export class StoreDamagedError extends Error {
  constructor(file: string, detail: string) {
    super(
      `案件数据库已损坏或不是本程序的数据库：${file}（${detail}）。原文件未被改动；可从同一文件夹中的备份（*.bak）恢复。(the case store is damaged or not a store)`,
    );
    this.name = 'StoreDamagedError';
  }
}

/** An encrypted store opened without its key, or with another one. */
export class StoreKeyError extends Error {
  constructor(file: string, given: boolean) {
    super(
      given
        ? `无法打开案件数据库：密钥不正确，或文件已损坏：${file}。请确认使用的是创建该数据库时的密钥文件。(wrong key, or a damaged store)`
        : `案件数据库已加密（或已损坏），未提供密钥：${file}。请用 --key-file 或环境变量 CASE_REVIEW_KEY 提供密钥。(the store is encrypted or damaged; no key given)`,
    );
    this.name = 'StoreKeyError';
  }
}

export interface OpenOptions {
  /**
   * The store's 32-byte key (SQLCipher 4 format, as a raw key: no key derivation at open). Null
   * or absent: a plain store. A plain store opened with a key is encrypted in place first.
   */
  key?: Buffer | null;
  migrations?: readonly Migration[];
}

const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Does the file begin as a plain SQLite database (an encrypted one begins with random bytes)? */
export function isPlainStore(file: string): boolean {
  if (!fs.existsSync(file) || fs.statSync(file).size < PLAIN_HEADER.length) return false;
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(PLAIN_HEADER.length);
    fs.readSync(fd, head, 0, head.length, 0);
    return head.equals(PLAIN_HEADER);
  } finally {
    fs.closeSync(fd);
  }
}

/** Gives an open connection the store's key (before its first read). */
export function applyKey(db: Db, key: Buffer): void {
  if (key.length !== 32) throw new Error('store key must be 32 bytes');
  // sqlite3mc: SQLCipher 4's page format (AES-256-CBC, HMAC-SHA512), readable by SQLCipher's own tools.
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
}

export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  const migrations = opts.migrations ?? MIGRATIONS;
  const key = opts.key ?? null;
  const onDisk = file !== ':memory:';
  if (onDisk) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (onDisk && key) encryptPlainStore(file, key);
  const exists = onDisk && fs.existsSync(file) && fs.statSync(file).size > 0;
  if (onDisk && exists && !key && !isPlainStore(file)) throw new StoreKeyError(file, false);
  const db = new Database(file);
  try {
    if (key) applyKey(db, key);
    try {
      db.pragma('journal_mode = WAL');
      // A damaged page found now, before any write, rather than halfway through a review.
      if (onDisk) {
        const rows = db.pragma('quick_check') as { quick_check: string }[];
        const verdict = rows.map((r) => r.quick_check).join('; ');
        if (verdict !== 'ok') throw new StoreDamagedError(file, verdict.slice(0, 200));
      }
    } catch (err) {
      if (err instanceof StoreDamagedError) throw err;
      if (key && /not a database/i.test((err as Error).message)) throw new StoreKeyError(file, true);
      throw new StoreDamagedError(file, (err as Error).message);
    }
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    // Sorts and temporary indexes stay in memory: a temp file would hold plain text beside an encrypted store.
    db.pragma('temp_store = MEMORY');
    if (onDisk) backupBeforeMigrating(db, file, migrations.length);
    migrate(db, migrations);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * A store written before encryption, encrypted where it lies: a copy kept (`<file>.plain.bak`)
 * until the encrypted store opens and checks out, then removed — it holds every page's text.
 */
function encryptPlainStore(file: string, key: Buffer): void {
  const backup = `${file}.plain.bak`;
  if (!isPlainStore(file)) {
    // Encrypted by an earlier run that stopped before removing its copy.
    if (fs.existsSync(backup) && fs.existsSync(file) && fs.statSync(file).size > 0) fs.rmSync(backup, { force: true });
    return;
  }
  const plain = new Database(file);
  try {
    plain.pragma('wal_checkpoint(TRUNCATE)');
    // rekey rewrites every page, which WAL mode does not allow.
    plain.pragma('journal_mode = DELETE');
  } finally {
    plain.close();
  }
  fs.copyFileSync(file, backup);
  const db = new Database(file);
  try {
    db.pragma("cipher = 'sqlcipher'");
    db.pragma('legacy = 4');
    db.pragma(`rekey = "x'${key.toString('hex')}'"`);
  } finally {
    db.close();
  }
  const check = new Database(file);
  try {
    applyKey(check, key);
    const verdict = (check.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check).join('; ');
    if (verdict !== 'ok' || isPlainStore(file)) throw new Error(verdict);
  } catch (err) {
    check.close();
    // Put the plain store back as it was: the user's work is never left in a half-done state.
    fs.copyFileSync(backup, file);
    throw new StoreDamagedError(file, `加密失败，已恢复原数据库：${(err as Error).message}`);
  }
  check.close();
  fs.rmSync(backup, { force: true });
}

/**
 * A copy of the store as it was, taken before migrations change it: `<file>.v<N>.bak`. The newest is
 * kept (a migration that fails leaves the store as it was anyway, each running in a transaction;
 * the copy is for what no transaction guards: a bug in a migration that succeeded).
 */
function backupBeforeMigrating(db: Db, file: string, target: number): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current === 0 || current >= target) return;
  db.pragma('wal_checkpoint(TRUNCATE)');
  const backup = `${file}.v${current}.bak`;
  fs.copyFileSync(file, backup);
  const dir = path.dirname(path.resolve(file));
  const base = path.basename(file);
  for (const name of fs.readdirSync(dir)) {
    if (name !== path.basename(backup) && name.startsWith(`${base}.v`) && name.endsWith('.bak'))
      fs.rmSync(path.join(dir, name), { force: true });
  }
}

/** Runs each pending migration in its own transaction, bumping user_version with it. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS, target = migrations.length): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const known = Math.max(target, SCHEMA_VERSION);
  if (current > known) throw new NewerDatabaseError(current, known);
  for (const m of migrations) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
