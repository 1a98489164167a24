import type { Db } from './db.js';

// better-sqlite3 compiles the SQL on every prepare(); the store prepares where it queries, and a
// search resolving a hundred hits across cases asks a few statements for each. A statement is
// compiled once per SQL text instead. Safe as the store uses them: each run ends before the
// next begins (no iterate()), and none is switched to pluck() or raw().
const MAX = 512;
const CACHED = Symbol('statements cached');

export function cacheStatements(db: Db): void {
  const marked = db as Db & { [CACHED]?: true };
  if (marked[CACHED]) return;
  marked[CACHED] = true;
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, ReturnType<typeof prepare>>();
  db.prepare = ((sql: string) => {
    let s = cache.get(sql);
    if (!s) {
      // SQL built from a list's length would grow the cache without end: past the bound it starts again.
      if (cache.size >= MAX) cache.clear();
      s = prepare(sql);
      cache.set(sql, s);
    }
    return s;
  }) as Db['prepare'];
}
