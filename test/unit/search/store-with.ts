import Database from 'better-sqlite3';
import { migrate } from '../../../electron/core/store/db.js';
import { CaseStore } from '../../../electron/core/store/case-store.js';

/** An in-memory store with one case per name, each one text PDF of the given pages. */
export function storeWith(pages: Record<string, string[]>): { store: CaseStore; cases: Record<string, string> } {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  const store = new CaseStore(db);
  const cases: Record<string, string> = {};
  let n = 0;
  for (const [name, texts] of Object.entries(pages)) {
    const k = store.openCase(`/cases/${name}`, name);
    cases[name] = k.id;
    const sha = (++n).toString(16).padStart(64, '0');
    store.recordBlob({ sha256: sha, kind: 'pdf', size: 1, page_count: texts.length });
    texts.forEach((text, i) =>
      store.recordPage({
        sha256: sha,
        page_no: i + 1,
        source: 'text-layer',
        text,
        confidence: null,
        width: null,
        height: null,
        rotation: 0,
        words: null,
        engine: 't',
      }),
    );
    store.recordFile({ case_id: k.id, path: `${name}.pdf`, sha256: sha, size: 1, mtime_ms: 1, kind: 'pdf', status: 'ok', error: null });
  }
  return { store, cases };
}
