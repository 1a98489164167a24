import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/store/db.js';
import { MIGRATIONS } from '../../../electron/core/store/migrations/index.js';
import { CaseStore } from '../../../electron/core/store/case-store.js';
import { findInText, numberQuery, phraseQuery } from '../../../electron/core/search/index-form.js';
import { searchPages } from '../../../electron/core/search/search.js';
import { storeWith } from './store-with.js';

// Search over 100,000 pages (issue 16): two-character names, numbers as tokens, one case among many.
describe('names of two characters among many pages (issue 16)', () => {
  // Every page has 张 and 伟, apart; one has 张伟, one the longer name 张伟明.
  const pages = Array.from({ length: 60 }, (_, i) => `第${i + 1}页：张某称伟大的祖国，案件由张警官办理，伟哥到场。`);
  pages[41] = '第42页：被询问人张伟，男，1990年3月7日出生。';
  pages[17] = '第18页：证人张伟明称其当晚在家。';
  const { store, cases } = storeWith({ 丙案: pages, 丁案: ['张伟到派出所报案。'] });

  it('finds the name only where its two characters stand together, the first page that has it first', () => {
    const hits = searchPages(store, { query: '张伟', caseId: cases['丙案'] });
    expect(hits.map((h) => h.page)).toEqual([18, 42]);
    expect(hits.map((h) => h.snippet.slice(h.start, h.end))).toEqual(['张伟', '张伟']);
    expect(searchPages(store, { query: '张伟明', caseId: cases['丙案'] }).map((h) => h.page)).toEqual([18]);
    expect(new Set(searchPages(store, { query: '张伟' }).map((h) => h.caseName))).toEqual(new Set(['丙案', '丁案']));
  });
});

describe('one case among many (issue 16)', () => {
  it('finds every page of the case, however far apart its pages were indexed, and none of the others', () => {
    const { store, cases } = storeWith({ 甲案: ['嫌疑人张伟到案。'], 乙案: ['张伟称其不在场。'], 丙案: ['证人张伟作证。'] });
    // 甲案 gets a second file after the others were indexed, and shares 丙案's scan.
    const late = 'e'.repeat(64);
    store.recordBlob({ sha256: late, kind: 'pdf', size: 1, page_count: 1 });
    store.recordPage({
      sha256: late,
      page_no: 1,
      source: 'text-layer',
      text: '张伟的手机。',
      confidence: null,
      width: null,
      height: null,
      rotation: 0,
      words: null,
      engine: 't',
    });
    for (const [path, sha256] of [
      ['补充.pdf', late],
      ['丙案扫描.pdf', store.listFiles(cases['丙案']!)[0]!.sha256!],
    ] as const)
      store.recordFile({ case_id: cases['甲案']!, path, sha256, size: 1, mtime_ms: 1, kind: 'pdf', status: 'ok', error: null });
    expect(
      searchPages(store, { query: '张伟', caseId: cases['甲案'] })
        .map((h) => h.file)
        .sort(),
    ).toEqual(['丙案扫描.pdf', '甲案.pdf', '补充.pdf']);
    expect(searchPages(store, { query: '张伟', caseId: cases['乙案'] }).map((h) => h.file)).toEqual(['乙案.pdf']);
  });
});

describe('numbers looked up whole (issue 16)', () => {
  const { store, cases } = storeWith({
    戊案: [
      '编号12 13800138000 联系人王强',
      '身份证号码33060219900101123X，住址某市',
      '银行卡号6222 0212 3456 7890 123，户名李娜',
      '案发时间2024.03.05，共计人民币5000元',
      '电话：139-0000-1111。',
    ],
  });
  const pages = [...Array(5).keys()].map((i) => store.readerPage(cases['戊案']!, store.listFiles(cases['戊案']!)[0]!.sha256!, i + 1)!.text);
  /** Every page that has the query, as a plain scan of the texts finds them. */
  const scan = (q: string) => pages.flatMap((t, i) => (findInText(t, q) ? [i + 1] : []));

  it('asks for a number of six digits or more as a token, anything else as a phrase', () => {
    expect(numberQuery('13800138000')).toBe('"13800138000"*');
    expect(numberQuery('138-0013-8000')).toBe('"13800138000"*');
    expect(numberQuery('33060219900101123x')).toBe('"33060219900101123x"*');
    expect(numberQuery('8000')).toBeNull();
    expect(numberQuery('张三138')).toBeNull();
    expect(phraseQuery('13800138000')).toBe('"1 3 8 0 0 1 3 8 0 0 0"');
  });

  it('finds exactly the pages a scan of the texts finds: whole numbers, grouped ones, their beginnings and their ends', () => {
    for (const q of [
      '13800138000',
      '138 0013 8000',
      '33060219900101123X',
      '330602',
      '6222021234567890123',
      '6222 0212',
      '7890123',
      '1111',
      '13900001111',
      '20240305',
      '5000',
    ]) {
      const found = searchPages(store, { query: q, caseId: cases['戊案'] }).map((h) => h.page);
      expect(found, q).toEqual(scan(q));
      expect(found.length, q).toBeGreaterThan(0);
    }
    expect(searchPages(store, { query: '13800138001' })).toEqual([]);
  });
});

describe('migration 011', () => {
  it('indexes again the pages indexed before numbers were tokens', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 10);
    db.prepare("INSERT INTO cases VALUES ('c1','甲','/a','t',NULL)").run();
    db.prepare("INSERT INTO blobs VALUES ('s1','pdf',1,1)").run();
    db.prepare("INSERT INTO pages (sha256,page_no,source,text,engine) VALUES ('s1',1,'ocr','电话13800138000','e')").run();
    db.prepare(
      "INSERT INTO files (case_id,path,sha256,size,mtime_ms,kind,status,seen_at) VALUES ('c1','a.pdf','s1',1,1,'pdf','ok','t')",
    ).run();
    // as the index held it before: single digits only
    db.prepare('INSERT INTO page_index_rows (rowid, sha256, page_no) VALUES (1, ?, 1)').run('s1');
    db.prepare('INSERT INTO page_index (rowid, body) VALUES (1, ?)').run('电 话 1 3 8 0 0 1 3 8 0 0 0');
    expect(migrate(db)).toBe(MIGRATIONS.length);
    const store = new CaseStore(db);
    expect(store.searchIndex('"13800138000"*', undefined, 10).map((r) => r.path)).toEqual(['a.pdf']);
    expect(searchPages(store, { query: '138-0013-8000' }).map((h) => h.file)).toEqual(['a.pdf']);
  });
});

describe('many hits (issue 16)', () => {
  it('draws the box of the first hundred and gives every hit its offsets in the page the reviewer reads', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db);
    const store = new CaseStore(db);
    const k = store.openCase('/cases/many', '多页案');
    const sha = 'a'.repeat(64);
    store.recordBlob({ sha256: sha, kind: 'pdf', size: 1, page_count: 120 });
    const words = ['证人', '张伟', '称其当晚在家。'];
    for (let p = 1; p <= 120; p++)
      store.recordPage({
        sha256: sha,
        page_no: p,
        source: 'ocr',
        text: words.join(''),
        confidence: 0.9,
        width: 1000,
        height: 1400,
        rotation: 0,
        words: words.map((text, i) => ({ text, bbox: [i * 200, 100, i * 200 + 180, 140], confidence: 0.9 })),
        engine: 'e',
      });
    store.recordFile({ case_id: k.id, path: '卷.pdf', sha256: sha, size: 1, mtime_ms: 1, kind: 'pdf', status: 'ok', error: null });
    const hits = searchPages(store, { query: '张伟', caseId: k.id, limit: 2000 });
    expect(hits).toHaveLength(120);
    expect(hits.map((h) => h.snippet.slice(h.start, h.end))).toEqual(Array(120).fill('张伟'));
    expect(hits.every((h) => h.pageStart === 2 && h.pageEnd === 4)).toBe(true);
    expect(hits[0]!.bbox).toEqual([200, 100, 380, 140]);
    expect(hits.slice(0, 100).every((h) => h.bbox !== null)).toBe(true);
    expect(hits.slice(100).every((h) => h.bbox === null)).toBe(true);
  });
});
