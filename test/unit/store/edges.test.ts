// The store's edges (issue 17.4): SQL and the tables' JSON columns stay inside electron/core/store;
// rows leave it typed, their JSON read once and checked, since another program version may have
// written them; migrations are frozen DDL that imports only types.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/store/db.js';
import { CaseStore, StoredDataError } from '../../../electron/core/store/case-store.js';

const root = path.resolve(__dirname, '../../..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.ts$/.test(e.name) ? [p] : [];
  });
}

const backend = sources(path.join(root, 'electron')).filter((f) => !f.includes(`${path.sep}store${path.sep}`));

function memoryStore(): { db: Database.Database; store: CaseStore; caseId: string } {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  const store = new CaseStore(db);
  return { db, store, caseId: store.openCase('/cases/甲', '甲').id };
}

describe('the store keeps its tables to itself', () => {
  it('no backend file outside store/ names a JSON column or runs SQL', () => {
    const offenders = backend
      .flatMap((f) => {
        const text = fs.readFileSync(f, 'utf8');
        return [
          /\b[a-z]+_json\b/.test(text) ? `${path.relative(root, f)}: a *_json column` : null,
          /\.prepare\(|\.exec\(\s*[`'"]\s*(?:CREATE|INSERT|UPDATE|DELETE|SELECT)/i.test(text) ? `${path.relative(root, f)}: SQL` : null,
        ];
      })
      .filter((x) => x !== null);
    expect(backend.length).toBeGreaterThan(50);
    expect(offenders).toEqual([]);
  });

  it('migrations import only types', () => {
    const dir = path.join(root, 'electron/core/store/migrations');
    for (const f of sources(dir)) {
      const imports = fs
        .readFileSync(f, 'utf8')
        .split('\n')
        .filter((l) => /^import\s/.test(l));
      // index.ts lists the migrations themselves; a migration file imports nothing that runs.
      for (const l of imports)
        expect(
          path.basename(f) === 'index.ts' ? /^import (type |\{ \w+ \} from '\.\/\d{3}-)/.test(l) : /^import type /.test(l),
          `${path.basename(f)}: ${l}`,
        ).toBe(true);
    }
  });
});

describe('rows leave the store typed', () => {
  it('with their JSON read, and keys a newer version added kept', () => {
    const { db, store, caseId } = memoryStore();
    store.recordFindings(caseId, 'j1', [
      {
        key: 'K',
        rule: 'R',
        severity: 'warning',
        message: 'm',
        messageEn: 'm',
        citation: 'c',
        evidence: [{ document: 'd1', page: 2, text: '拘留' }],
      },
    ]);
    db.prepare("UPDATE findings SET evidence_json = ? WHERE key = 'K'").run(
      JSON.stringify([{ document: 'd1', page: 2, text: '拘留', bbox: [1, 2, 3, 4] }]),
    );
    expect(store.listFindings(caseId)[0]!.evidence).toEqual([{ document: 'd1', page: 2, text: '拘留', bbox: [1, 2, 3, 4] }]);
  });

  it('refuse a row this version cannot read, naming it, rather than handing it on', () => {
    const { db, store, caseId } = memoryStore();
    store.replaceEvents(caseId, [
      {
        id: 'v1',
        type: 'DETENTION',
        start: null,
        end: null,
        subjects: ['e1'],
        actors: [],
        place: null,
        document_id: 'd1',
        page_no: 1,
        text: '拘留',
        conflicts: null,
        basis: 'document',
      },
    ]);
    expect(store.listEvents(caseId)[0]!.subjects).toEqual(['e1']);
    db.prepare('UPDATE events SET subjects_json = \'"e1"\'').run();
    expect(() => store.listEvents(caseId)).toThrow(StoredDataError);
    expect(() => store.listEvents(caseId)).toThrow(/events\.subjects_json.*v1/);
    db.prepare("UPDATE events SET subjects_json = 'not json'").run();
    expect(() => store.listEvents(caseId)).toThrow(StoredDataError);
  });

  it('check document fields against the facts contract', () => {
    const { db, store, caseId } = memoryStore();
    store.recordFile({ case_id: caseId, path: 'a.pdf', sha256: null, size: 1, mtime_ms: 1, kind: 'pdf', status: 'error', error: 'x' });
    const fileId = store.listFiles(caseId)[0]!.id;
    store.replaceDocuments(caseId, [
      {
        id: 'd1',
        ordinal: 1,
        type: 'INTERROGATION_RECORD',
        title: '讯问笔录',
        file_id: fileId,
        page_from: 1,
        page_to: 2,
        date: null,
        number: null,
        fields: { session: 2, investigators: ['王警官', '李警官'] },
      },
    ]);
    expect(store.listDocuments(caseId)[0]!.fields).toEqual({ session: 2, investigators: ['王警官', '李警官'] });
    db.prepare(`UPDATE documents SET fields_json = '{"session":"第二次"}'`).run();
    expect(() => store.listDocuments(caseId)).toThrow(/documents\.fields_json.*session/);
  });

  it('hand on the JSON as stored, its keys in their stored order (review.json writes them out so)', () => {
    const { db, store, caseId } = memoryStore();
    store.recordFile({ case_id: caseId, path: 'a.pdf', sha256: null, size: 1, mtime_ms: 1, kind: 'pdf', status: 'error', error: 'x' });
    const fileId = store.listFiles(caseId)[0]!.id;
    // not the order the store's checks name them in
    const fields = {
      subject: '黄建华',
      recipient: '傅娜',
      place: '绍兴市看守所',
      start: '2023-09-15T10:00:00+08:00',
      investigators: ['郑凯'],
    };
    store.replaceDocuments(caseId, [
      {
        id: 'd1',
        ordinal: 1,
        type: 'DETENTION_NOTICE',
        title: '拘留通知书',
        file_id: fileId,
        page_from: 1,
        page_to: 1,
        date: null,
        number: null,
        fields,
      },
    ]);
    const stored = (db.prepare('SELECT fields_json FROM documents').get() as { fields_json: string }).fields_json;
    expect(JSON.stringify(store.listDocuments(caseId)[0]!.fields)).toBe(stored);
    store.recordFindings(caseId, 'j1', [
      {
        key: 'K',
        rule: 'R',
        severity: 'warning',
        message: 'm',
        messageEn: 'm',
        citation: 'c',
        evidence: [{ text: '拘留', page: 2, document: 'd1' }],
      },
    ]);
    expect(JSON.stringify(store.listFindings(caseId)[0]!.evidence)).toBe('[{"text":"拘留","page":2,"document":"d1"}]');
  });

  it('read a word confidence JSON could not carry as 0', () => {
    const { db, store } = memoryStore();
    const sha = 'c'.repeat(64);
    store.recordBlob({ sha256: sha, kind: 'pdf', size: 1, page_count: 1 });
    store.recordPage({
      sha256: sha,
      page_no: 1,
      source: 'ocr',
      text: '张三',
      confidence: 0.9,
      width: 10,
      height: 10,
      rotation: 0,
      engine: 'e',
      words: [{ text: '张三', bbox: [0, 0, 5, 5], confidence: Number.NaN }],
    });
    expect(db.prepare('SELECT words_json FROM pages').get()).toEqual({
      words_json: '[{"text":"张三","bbox":[0,0,5,5],"confidence":null}]',
    });
    expect(store.getPage(sha, 1)!.words).toEqual([{ text: '张三', bbox: [0, 0, 5, 5], confidence: 0 }]);
  });

  it('keep what a job did, typed, for the CLI and the next run', () => {
    const { store, caseId } = memoryStore();
    const job = store.createJob(caseId, 'review', { folder: '/cases/甲' });
    expect(job).toMatchObject({ data: { folder: '/cases/甲' }, progress: null });
    store.updateJob(job.id, { progress: { ingest: { hashed: 2 }, stages: { ocr: { pagesRead: 3 } } } });
    expect(store.getJob(job.id)!.progress).toEqual({ ingest: { hashed: 2 }, stages: { ocr: { pagesRead: 3 } } });
  });
});
