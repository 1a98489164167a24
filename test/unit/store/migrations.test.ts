import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate, NewerDatabaseError, openDatabase } from '../../../electron/core/store/db.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../electron/core/store/migrations/index.js';

function tables(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

describe('migrations', () => {
  it('are numbered 1..N without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('001 creates the foundation tables as STRICT with foreign keys', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    expect(migrate(db, MIGRATIONS, 1)).toBe(1);
    expect(tables(db)).toEqual(expect.arrayContaining(['cases', 'files', 'blobs', 'pages', 'documents', 'jobs', 'errors', 'audit_log']));
    const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE name='pages'").get() as { sql: string }).sql;
    expect(sql).toMatch(/STRICT/);
    // a page cannot exist without its blob
    expect(() => db.prepare("INSERT INTO pages(sha256,page_no,source,text,engine) VALUES ('x',1,'ocr','t','e')").run()).toThrow(
      /FOREIGN KEY/,
    );
    // STRICT refuses a wrongly typed value
    db.prepare("INSERT INTO blobs VALUES ('x','pdf',10,1)").run();
    expect(() => db.prepare("INSERT INTO pages(sha256,page_no,source,text,engine) VALUES ('x','one','ocr','t','e')").run()).toThrow();
  });

  it('002 adds entities and mentions, linked across cases by an indexed key', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 1);
    db.prepare("INSERT INTO cases VALUES ('c1','a','/a','t',NULL), ('c2','b','/b','t',NULL)").run();
    expect(migrate(db, MIGRATIONS, 2)).toBe(2);
    db.prepare(
      "INSERT INTO entities (case_id,id,type,value,link_key) VALUES ('c1','e1','PHONE','13800138000','PHONE:13800138000'), ('c2','e9','PHONE','13800138000','PHONE:13800138000')",
    ).run();
    const plan = (db.prepare("EXPLAIN QUERY PLAN SELECT * FROM entities WHERE link_key = 'x'").all() as { detail: string }[])
      .map((r) => r.detail)
      .join(' ');
    expect(plan).toMatch(/entities_link/);
    const linked = db
      .prepare(
        "SELECT b.case_id FROM entities a JOIN entities b ON b.link_key = a.link_key AND b.case_id != a.case_id WHERE a.case_id = 'c1'",
      )
      .all();
    expect(linked).toEqual([{ case_id: 'c2' }]);
    // a mention needs its entity
    db.prepare("INSERT INTO files (case_id,path,size,mtime_ms,status,seen_at) VALUES ('c1','x.pdf',1,1,'ok','t')").run();
    expect(() =>
      db.prepare("INSERT INTO mentions (case_id,entity_id,file_id,page_no,start,end,text) VALUES ('c1','nope',1,1,0,1,'x')").run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('003 adds events, findings with a decision that defaults to open, annotations, corrections', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 2);
    db.prepare("INSERT INTO cases VALUES ('c1','a','/a','t',NULL)").run();
    expect(migrate(db, MIGRATIONS, 3)).toBe(3);
    expect(tables(db)).toEqual(expect.arrayContaining(['events', 'findings', 'annotations', 'corrections']));
    db.prepare("INSERT INTO findings (case_id,key,rule,severity,message,citation) VALUES ('c1','k','R','violation','m','c')").run();
    expect(db.prepare('SELECT status, note, change FROM findings').get()).toEqual({ status: 'open', note: '', change: 'new' });
    expect(() => db.prepare("UPDATE findings SET status = 'maybe'").run()).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO findings (case_id,key,rule,severity,message,citation) VALUES ('c1','k2','R','fatal','m','c')").run(),
    ).toThrow(/CHECK/);
  });

  it('006 gives every event a basis: rows written before it came from their own papers', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 5);
    db.prepare("INSERT INTO cases VALUES ('c1','a','/a','t',NULL)").run();
    db.prepare(
      "INSERT INTO events (case_id,id,type,document_id,page_no,text) VALUES ('c1','d3:DETENTION','DETENTION','d3',3,'执行拘留时间')",
    ).run();
    expect(migrate(db, MIGRATIONS, 6)).toBe(6);
    expect(db.prepare('SELECT basis FROM events').get()).toEqual({ basis: 'document' });
    db.prepare(
      "INSERT INTO events (case_id,id,type,document_id,page_no,text,basis) VALUES ('c1','d9:DETENTION','DETENTION','d9',9,'于…被刑事拘留','narrative')",
    ).run();
    expect(() =>
      db
        .prepare("INSERT INTO events (case_id,id,type,document_id,page_no,text,basis) VALUES ('c1','x','DETENTION','d9',9,'t','hearsay')")
        .run(),
    ).toThrow(/CHECK/);
  });

  it("010 keys entities for the reviewer's corrections, which keep their kind and survive being undone", () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 9);
    db.prepare("INSERT INTO cases VALUES ('c1','a','/a','t',NULL)").run();
    db.prepare("INSERT INTO entities (case_id,id,type,value) VALUES ('c1','e1','PERSON','张三')").run();
    expect(migrate(db, MIGRATIONS, 10)).toBe(10);
    expect(db.prepare('SELECT key FROM entities').get()).toEqual({ key: null });
    db.prepare("INSERT INTO entity_corrections (case_id,kind,detail_json,reviewer,at) VALUES ('c1','merge','{}','甲','t')").run();
    expect(() =>
      db.prepare("INSERT INTO entity_corrections (case_id,kind,detail_json,reviewer,at) VALUES ('c1','guess','{}','甲','t')").run(),
    ).toThrow(/CHECK/);
    expect(db.prepare('SELECT undone_at FROM entity_corrections').get()).toEqual({ undone_at: null });
  });

  it('every migration applies on top of the previous one and is idempotent on reopen', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-mig-'));
    const file = path.join(dir, 'case.db');
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const again = openDatabase(file);
    expect(again.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    again.close();
  });

  it('refuses a database written by a newer version', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-mig-'));
    const file = path.join(dir, 'newer.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(NewerDatabaseError);
  });

  it('rolls back a failing migration without bumping the version', () => {
    const db = new Database(':memory:');
    const broken = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.length + 1,
        name: 'broken',
        up: (d: Database.Database) => {
          d.exec('CREATE TABLE t1(x INTEGER) STRICT');
          d.exec('THIS IS NOT SQL');
        },
      },
    ];
    migrate(db, MIGRATIONS);
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(tables(db)).not.toContain('t1');
  });
});
