// The store under faults: a damaged file is refused and left as it was; a copy is taken before
// migrations change a store; two programs take turns on a case; a full disk stops a review with
// a clear message and the store intact.
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createService } from '../../../electron/core/service.js';
import { CaseStore, type LeaseOwner } from '../../../electron/core/store/case-store.js';
import { migrate, openDatabase, StoreDamagedError, StoreKeyError } from '../../../electron/core/store/db.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../electron/core/store/migrations/index.js';
import { reviewFolder } from '../../support/review-case.js';

const tmp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

describe('a damaged store', () => {
  it('is refused with a message in Chinese, and left byte for byte as it was', () => {
    const file = path.join(tmp('cr-damaged-'), 'cases.db');
    fs.writeFileSync(file, Buffer.alloc(8192, 0x5a));
    const before = fs.readFileSync(file);
    // Random bytes are what an encrypted store looks like too: with a key it is the wrong key or damage,
    // without one a key is missing; either way refused, and nothing written.
    expect(() => openDatabase(file, { key: Buffer.alloc(32, 1) })).toThrow(/密钥不正确，或文件已损坏/);
    expect(() => openDatabase(file)).toThrow(StoreKeyError);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('is refused when a page inside it was overwritten', () => {
    const file = path.join(tmp('cr-damaged-'), 'cases.db');
    const store = new CaseStore(openDatabase(file));
    const k = store.openCase('/cases/甲', '甲');
    for (let i = 0; i < 200; i++) store.audit('周法制', 'case.opened', k.id, { i, pad: 'x'.repeat(200) });
    store.close();
    const raw = new Database(file, { readonly: true });
    const root = (raw.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'audit_log'").get() as { rootpage: number }).rootpage;
    raw.close();
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    // The audit trail's root page scribbled over (a bad sector, a copy cut short).
    bytes.fill(0xa7, pageSize * (root - 1), pageSize * root);
    fs.writeFileSync(file, bytes);
    expect(() => openDatabase(file)).toThrow(StoreDamagedError);
  });
});

describe('migrations', () => {
  it('take a copy of the store first, keeping only the newest copy', () => {
    const dir = tmp('cr-migrate-');
    const file = path.join(dir, 'cases.db');
    const old = new Database(file);
    migrate(old, MIGRATIONS, SCHEMA_VERSION - 1);
    old.prepare("INSERT INTO cases VALUES ('c1','甲','/a','2024-01-01T00:00:00Z',NULL)").run();
    old.close();
    fs.writeFileSync(path.join(dir, 'cases.db.v1.bak'), 'an older copy');
    openDatabase(file).close();
    const backups = fs.readdirSync(dir).filter((n) => n.endsWith('.bak'));
    expect(backups).toEqual([`cases.db.v${SCHEMA_VERSION - 1}.bak`]);
    const copy = new Database(path.join(dir, backups[0]!), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION - 1);
    expect(copy.prepare('SELECT name FROM cases').all()).toEqual([{ name: '甲' }]);
    copy.close();
    // at the latest version already: no new copy
    fs.rmSync(path.join(dir, backups[0]!));
    openDatabase(file).close();
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.bak'))).toEqual([]);
  });
});

describe('case leases', () => {
  const owner = (name: string, pid = process.pid): LeaseOwner => ({ owner: name, host: os.hostname(), pid, program: name });

  it('let one program review a case at a time, and free the case of a program that died', () => {
    const store = new CaseStore(openDatabase(':memory:'));
    const k = store.openCase('/cases/乙', '乙');
    expect(store.acquireCaseLease(k.id, owner('desk'))).toBeNull();
    expect(store.acquireCaseLease(k.id, owner('cli'))).toMatchObject({ owner: 'desk', program: 'desk' });
    // the holder may take it again (a second job of its own)
    expect(store.acquireCaseLease(k.id, owner('desk'))).toBeNull();
    store.releaseCaseLease(k.id, 'desk');
    expect(store.acquireCaseLease(k.id, owner('cli'))).toBeNull();
    store.releaseCaseLease(k.id, 'cli');
    // a holder whose process is gone from this machine: taken over at once
    const gone = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).toString());
    expect(store.acquireCaseLease(k.id, owner('crashed', gone))).toBeNull();
    expect(store.acquireCaseLease(k.id, owner('cli'))).toBeNull();
    // a holder on another machine: only when its heartbeat is stale
    store.releaseCaseLease(k.id, 'cli');
    expect(store.acquireCaseLease(k.id, { owner: 'far', host: 'another-host', pid: 1, program: 'far' })).toBeNull();
    expect(store.acquireCaseLease(k.id, owner('cli'), 60_000)).toMatchObject({ owner: 'far' });
    expect(store.acquireCaseLease(k.id, owner('cli'), -1)).toBeNull();
    store.close();
  });
});

describe('a full disk', () => {
  it('stops a review with a clear message; what was saved stays, and the review resumes when there is room', async () => {
    const root = tmp('cr-full-');
    const folder = path.join(root, '丙案');
    fs.mkdirSync(folder);
    fs.writeFileSync(
      path.join(folder, '01立案决定书.txt'),
      '立案决定书\n根据《中华人民共和国刑事诉讼法》第一百一十二条之规定，决定对周某盗窃案立案侦查。\n二〇二四年三月五日',
    );
    const dbPath = path.join(root, 'cases.db');
    const db = openDatabase(dbPath);
    const service = createService({ dbPath, database: db });
    const first = await reviewFolder(folder, { service });
    const documentsBefore = (await service.api.getReview({ caseId: first.caseId })).documents.length;
    // Room for almost nothing more: SQLite fails as it does when the disk is full (SQLITE_FULL).
    db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true })) + 2}`);
    for (let i = 0; i < 40; i++)
      fs.writeFileSync(
        path.join(folder, `询问笔录${i}.txt`),
        `询问笔录\n问：${'你把经过讲一下。'.repeat(200)}\n答：${'我那天在家。'.repeat(400)}`,
      );
    const { jobId } = await service.api.startReview({ folder });
    expect(await service.whenJobEnds(jobId)).toBe('failed');
    const job = service.store.getJob(jobId);
    expect(job).toMatchObject({ status: 'failed', error: expect.stringContaining('磁盘空间不足') });
    expect((db.pragma('quick_check') as { quick_check: string }[])[0]?.quick_check).toBe('ok');
    expect((await service.api.getReview({ caseId: first.caseId })).documents.length).toBe(documentsBefore);
    db.pragma('max_page_count = 1073741823');
    const again = await service.api.startReview({ folder });
    expect(await service.whenJobEnds(again.jobId)).toBe('done');
    expect((await service.api.getReview({ caseId: first.caseId })).documents.length).toBeGreaterThan(documentsBefore);
    await service.close();
  }, 120_000);
});
