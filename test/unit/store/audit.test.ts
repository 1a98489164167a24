// The audit trail: every reviewer action appended with who, when, what and before/after; each entry
// chained to the one before by its hash, so a changed or removed entry is found.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.js';
import { migrate, openDatabase } from '../../../electron/core/store/db.js';
import { MIGRATIONS } from '../../../electron/core/store/migrations/index.js';
import { CaseStore } from '../../../electron/core/store/case-store.js';
import { openRawStore } from '../../support/store-key.js';

function storeAt(file: string): CaseStore {
  return new CaseStore(openDatabase(file));
}

describe('the audit trail', () => {
  it('chains entries and finds one changed or removed', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cr-audit-')), 'a.db');
    const store = storeAt(file);
    const k = store.openCase('/cases/a', '甲');
    store.audit('周法制', 'case.opened', k.id, {});
    store.audit('周法制', 'finding.decided', k.id, { key: 'K1', before: { status: 'open' }, after: { status: 'confirmed' } });
    store.audit('周法制', 'report.exported', k.id, { folder: '/x' });
    expect(store.verifyAudit()).toEqual({ ok: true, entries: 4 });
    const trail = store.listAudit(k.id);
    expect(trail.map((e) => e.action)).toEqual(['case.created', 'case.opened', 'finding.decided', 'report.exported']);
    expect(trail.every((e, i) => i === 0 || e.prev_hash === trail[i - 1]!.hash)).toBe(true);
    store.close();

    // Someone edits a decision in the file directly.
    const raw = new Database(file);
    raw.prepare("UPDATE audit_log SET detail_json = replace(detail_json, 'confirmed', 'dismissed') WHERE action = 'finding.decided'").run();
    raw.close();
    expect(storeAt(file).verifyAudit()).toMatchObject({ ok: false, at: trail[2]!.id, problem: 'changed' });

    const raw2 = new Database(file);
    raw2
      .prepare("UPDATE audit_log SET detail_json = replace(detail_json, 'dismissed', 'confirmed') WHERE action = 'finding.decided'")
      .run();
    expect(storeAt(file).verifyAudit()).toMatchObject({ ok: true });
    raw2.prepare("DELETE FROM audit_log WHERE action = 'case.opened'").run();
    raw2.close();
    expect(storeAt(file).verifyAudit()).toMatchObject({ ok: false, at: trail[2]!.id, problem: 'removed' });
  });

  it('seals the entries written before the chain existed, once', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 7);
    db.prepare(
      "INSERT INTO audit_log (at, actor, action, case_id) VALUES ('2024-01-01T00:00:00Z', 'reviewer', 'ocr.corrected', NULL), ('2024-01-02T00:00:00Z', 'reviewer', 'report.exported', NULL)",
    ).run();
    migrate(db, MIGRATIONS);
    const store = new CaseStore(db);
    expect(store.verifyAudit()).toEqual({ ok: true, entries: 2 });
    const hashes = store.listAudit().map((e) => e.hash);
    store.audit('x', 'case.opened', null, {});
    expect(
      new CaseStore(db)
        .listAudit()
        .slice(0, 2)
        .map((e) => e.hash),
    ).toEqual(hashes);
    expect(new CaseStore(db).verifyAudit()).toEqual({ ok: true, entries: 3 });
  });

  it('is checked by `case-review audit verify`', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cr-audit-cli-')), 'a.db');
    const store = storeAt(file);
    store.audit('周法制', 'case.opened', null, {});
    store.audit('周法制', 'report.exported', null, {});
    store.close();
    const out: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => {
      out.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    try {
      expect(await main(['audit', 'verify', '--db', file])).toBe(0);
      const raw = openRawStore(file);
      raw.prepare("UPDATE audit_log SET actor = '某人' WHERE action = 'case.opened'").run();
      raw.close();
      expect(await main(['audit', 'verify', '--db', file])).toBe(1);
    } finally {
      process.stdout.write = write;
    }
    expect(out.join('')).toMatch(/审查记录完整：2 条[\s\S]*审查记录异常：第 1 条被修改/);
  });
});
