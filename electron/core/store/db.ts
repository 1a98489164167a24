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

export function openDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    return db;
  } catch (err) {
    db.close();
    throw err;
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
