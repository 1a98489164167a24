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
    super(`案件数据库已损坏或不是本程序的数据库：${file}（${detail}）。原文件未被改动；可从同一文件夹中的备份（*.bak）恢复。(the case store is damaged or not a store)`);
    this.name = 'StoreDamagedError';
  }
}

export function openDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  const onDisk = file !== ':memory:';
  if (onDisk) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  try {
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
      throw new StoreDamagedError(file, (err as Error).message);
    }
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    if (onDisk) backupBeforeMigrating(db, file, migrations.length);
    migrate(db, migrations);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
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
    if (name !== path.basename(backup) && name.startsWith(`${base}.v`) && name.endsWith('.bak')) fs.rmSync(path.join(dir, name), { force: true });
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
