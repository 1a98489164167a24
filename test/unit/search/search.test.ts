import Database from 'better-sqlite3';
import type { OcrWord } from '../../../shared/api.js';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/store/db.js';
import { MIGRATIONS } from '../../../electron/core/store/migrations/index.js';
import { CaseStore } from '../../../electron/core/store/case-store.js';
import { storeWith } from './store-with.js';
import { findInText, indexForm, phraseQuery } from '../../../electron/core/search/index-form.js';
import { searchPages } from '../../../electron/core/search/search.js';

describe('the index form', () => {
  it('makes each Chinese character and digit a token and drops separators', () => {
    // then each whole number, from each of its digit groups on (6 digits or more), as one token
    expect(indexForm('张三，电话138-0013-8000。')).toBe('张 三 电 话 1 3 8 0 0 1 3 8 0 0 0 13800138000 00138000');
    expect(indexForm('VIVO牌X9手机')).toBe('VIVO 牌 X 9 手 机');
    expect(phraseQuery('张三')).toBe('"张 三"');
    expect(phraseQuery('，。')).toBeNull();
  });

  it('finds the query in the original text across the separators the index ignored', () => {
    const text = '联系电话：138-0013-8000，住址';
    const at = findInText(text, '13800138000')!;
    expect(text.slice(at.start, at.end)).toBe('138-0013-8000');
    expect(findInText('张 三说', '张三')).toEqual({ start: 0, end: 3 });
    expect(findInText('李四', '张三')).toBeNull();
  });
});

describe('full-text search', () => {
  const { store, cases } = storeWith({
    甲案: ['犯罪嫌疑人张三，男，联系电话138-0013-8000。', '证人张三丰称其未见到。', '被害人李娜报案称手机被盗。'],
    乙案: ['嫌疑人张三的手机号码为13800138000，身份证号码330602199001011234。'],
  });

  it('finds a two-character name on every page that has it, and nothing else', () => {
    const hits = searchPages(store, { query: '张三', caseId: cases['甲案'] });
    expect(hits.map((h) => h.page).sort()).toEqual([1, 2]);
    expect(hits[0]!.snippet.slice(hits[0]!.start, hits[0]!.end)).toBe('张三');
    expect(searchPages(store, { query: '三丰', caseId: cases['甲案'] }).map((h) => h.page)).toEqual([2]);
    expect(searchPages(store, { query: '李娜', caseId: cases['甲案'] }).map((h) => h.page)).toEqual([3]);
    expect(searchPages(store, { query: '王五', caseId: cases['甲案'] })).toEqual([]);
  });

  it('finds one-character and long queries', () => {
    expect(searchPages(store, { query: '娜', caseId: cases['甲案'] }).map((h) => h.page)).toEqual([3]);
    expect(searchPages(store, { query: '报案称手机被盗', caseId: cases['甲案'] }).map((h) => h.page)).toEqual([3]);
  });

  it('finds phone and ID numbers with or without separators, across cases', () => {
    const bare = searchPages(store, { query: '13800138000' });
    expect(new Set(bare.map((h) => h.caseName))).toEqual(new Set(['甲案', '乙案']));
    const grouped = searchPages(store, { query: '138 0013 8000' });
    expect(grouped.length).toBe(bare.length);
    expect(searchPages(store, { query: '330602199001011234' }).map((h) => h.caseName)).toEqual(['乙案']);
  });

  it('keeps the index in step when a page is read again', () => {
    const sha = store.listFiles(cases['乙案']!)[0]!.sha256!;
    store.recordPage({
      sha256: sha,
      page_no: 1,
      source: 'ocr',
      text: '嫌疑人王五到案。',
      confidence: 0.9,
      width: null,
      height: null,
      rotation: 0,
      words: null,
      engine: 't2',
    });
    expect(searchPages(store, { query: '王五' }).map((h) => h.caseName)).toEqual(['乙案']);
    expect(searchPages(store, { query: '330602199001011234' })).toEqual([]);
  });
});

describe('migration 004', () => {
  it('indexes the pages stored before it existed', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 3);
    db.prepare("INSERT INTO cases VALUES ('c1','甲','/a','t',NULL)").run();
    db.prepare("INSERT INTO blobs VALUES ('s1','pdf',1,1)").run();
    db.prepare("INSERT INTO pages (sha256,page_no,source,text,engine) VALUES ('s1',1,'ocr','被讯问人欧阳娜娜','e')").run();
    db.prepare(
      "INSERT INTO files (case_id,path,sha256,size,mtime_ms,kind,status,seen_at) VALUES ('c1','a.pdf','s1',1,1,'pdf','ok','t')",
    ).run();
    expect(migrate(db, MIGRATIONS, 4)).toBe(4);
    migrate(db);
    const store = new CaseStore(db);
    expect(searchPages(store, { query: '娜娜' }).map((h) => h.file)).toEqual(['a.pdf']);
  });
});

describe('search over corrected OCR words', () => {
  // One scanned page shared by two cases; the OCR misread 郑凯 as 郑凱 and one case corrected it.
  function sharedScan(): { store: CaseStore; corrected: string; other: string; sha: string } {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db);
    const store = new CaseStore(db);
    const sha = 'f'.repeat(64);
    store.recordBlob({ sha256: sha, kind: 'pdf', size: 1, page_count: 1 });
    const words = ['侦查员：', '郑凱', '记录人：', '冯磊'].map((text, i): OcrWord => ({
      text,
      bbox: [i * 100, 0, i * 100 + 90, 30],
      confidence: 0.6,
    }));
    store.recordPage({
      sha256: sha,
      page_no: 1,
      source: 'ocr',
      text: '侦查员：郑凱 记录人：冯磊',
      confidence: 0.6,
      width: 1000,
      height: 1400,
      rotation: 0,
      words,
      engine: 't',
    });
    const ids = ['甲', '乙'].map((name) => {
      const k = store.openCase(`/cases/${name}`, name);
      store.recordFile({ case_id: k.id, path: 'scan.pdf', sha256: sha, size: 1, mtime_ms: 1, kind: 'pdf', status: 'ok', error: null });
      return k.id;
    });
    return { store, corrected: ids[0]!, other: ids[1]!, sha };
  }

  it('finds the corrected word in the case that corrected it, and only there', () => {
    const { store, corrected, other, sha } = sharedScan();
    store.setCorrection(corrected, sha, 1, 1, '郑凱', '郑凯');
    const hits = searchPages(store, { query: '郑凯' });
    expect(hits.map((h) => h.caseId)).toEqual([corrected]);
    expect(hits[0]!.snippet.slice(hits[0]!.start, hits[0]!.end)).toBe('郑凯');
    // the misreading is gone from the correcting case and kept in the other
    expect(searchPages(store, { query: '郑凱' }).map((h) => h.caseId)).toEqual([other]);
    // a word the correction left alone is found in both, once each
    expect(
      searchPages(store, { query: '冯磊' })
        .map((h) => h.caseId)
        .sort(),
    ).toEqual([corrected, other].sort());
  });

  it('follows a correction changed again and a page read again', () => {
    const { store, corrected, sha } = sharedScan();
    store.setCorrection(corrected, sha, 1, 1, '郑凱', '郑楷');
    store.setCorrection(corrected, sha, 1, 1, '郑凱', '郑凯');
    expect(searchPages(store, { query: '郑楷' })).toEqual([]);
    expect(searchPages(store, { query: '郑凯', caseId: corrected })).toHaveLength(1);
    // a new reading with other words: the correction's word index now points at 王五
    const words = ['侦查员：', '王五'].map((text, i): OcrWord => ({ text, bbox: [i * 100, 0, i * 100 + 90, 30], confidence: 0.9 }));
    store.recordPage({
      sha256: sha,
      page_no: 1,
      source: 'ocr',
      text: '侦查员：王五',
      confidence: 0.9,
      width: 1000,
      height: 1400,
      rotation: 0,
      words,
      engine: 't2',
    });
    expect(searchPages(store, { query: '冯磊' })).toEqual([]);
    expect(searchPages(store, { query: '郑凯', caseId: corrected }).map((h) => h.snippet)).toEqual(['侦查员：郑凯']);
  });
});

describe('migration 004', () => {
  it('leaves the pages read before it to the store, which indexes them when it opens', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 3);
    db.prepare("INSERT INTO cases VALUES ('c1','甲','/a','t',NULL)").run();
    db.prepare("INSERT INTO blobs VALUES ('s1','pdf',1,1)").run();
    db.prepare("INSERT INTO pages (sha256,page_no,source,text,engine) VALUES ('s1',1,'text-layer','被讯问人张三','e')").run();
    db.prepare(
      "INSERT INTO files (case_id,path,sha256,size,mtime_ms,kind,status,seen_at) VALUES ('c1','a.pdf','s1',1,1,'pdf','ok','t')",
    ).run();
    // The store opens a database migrated to the latest version.
    migrate(db, MIGRATIONS);
    expect((db.prepare('SELECT count(*) n FROM page_index_rows').get() as { n: number }).n).toBe(0);
    const store = new CaseStore(db);
    expect(searchPages(store, { query: '张三' }).map((h) => h.file)).toEqual(['a.pdf']);
    // Opening again indexes nothing twice.
    new CaseStore(db);
    expect((db.prepare('SELECT count(*) n FROM page_index_rows').get() as { n: number }).n).toBe(1);
  });
});

describe('migration 005', () => {
  it('indexes the corrections made before it existed', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 4);
    db.prepare("INSERT INTO cases VALUES ('c1','甲','/a','t',NULL)").run();
    db.prepare("INSERT INTO blobs VALUES ('s1','pdf',1,1)").run();
    const words = JSON.stringify([
      { text: '被讯问人', bbox: [0, 0, 80, 20], confidence: 0.9 },
      { text: '欧阳挪挪', bbox: [90, 0, 170, 20], confidence: 0.5 },
    ]);
    db.prepare("INSERT INTO pages (sha256,page_no,source,text,words_json,engine) VALUES ('s1',1,'ocr','被讯问人欧阳挪挪',?,'e')").run(
      words,
    );
    db.prepare(
      "INSERT INTO files (case_id,path,sha256,size,mtime_ms,kind,status,seen_at) VALUES ('c1','a.pdf','s1',1,1,'pdf','ok','t')",
    ).run();
    db.prepare(
      "INSERT INTO corrections (case_id,sha256,page_no,word_index,original,corrected,at) VALUES ('c1','s1',1,1,'欧阳挪挪','欧阳娜娜','t')",
    ).run();
    expect(migrate(db, MIGRATIONS, 5)).toBe(5);
    // the store opens only a database at the latest version
    migrate(db, MIGRATIONS);
    expect(searchPages(new CaseStore(db), { query: '娜娜' }).map((h) => h.file)).toEqual(['a.pdf']);
    // a page read again looks up its corrections in every case through an index, not a scan
    const plan = (
      db.prepare("EXPLAIN QUERY PLAN SELECT DISTINCT case_id FROM corrections WHERE sha256 = 's1' AND page_no = 1").all() as {
        detail: string;
      }[]
    )
      .map((r) => r.detail)
      .join(' ');
    expect(plan).toMatch(/corrections_page/);
  });
});
