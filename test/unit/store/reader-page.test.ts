// The reviewer's text of a page is built in one place (store/reader-page.ts): the page view,
// search, evidence references and the analysis stages all read the same corrected text.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { OcrWord } from '../../../shared/api.js';
import { migrate } from '../../../electron/core/store/db.js';
import { CaseStore } from '../../../electron/core/store/case-store.js';
import { correctedText, readerPage } from '../../../electron/core/store/reader-page.js';
import { searchPages } from '../../../electron/core/search/search.js';
import { PageRefs } from '../../../electron/core/desk/refs.js';

const word = (text: string, i: number): OcrWord => ({ text, bbox: [i * 100, 0, i * 100 + 90, 30], confidence: 0.6 });

function scanned(): { store: CaseStore; caseId: string; other: string; sha: string } {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  const store = new CaseStore(db);
  const sha = 'a'.repeat(64);
  store.recordBlob({ sha256: sha, kind: 'pdf', size: 1, page_count: 1 });
  const words = ['被讯问人：', '欧阳挪挪', '电话', '1380013800O'].map(word);
  store.recordPage({
    sha256: sha,
    page_no: 1,
    source: 'ocr',
    text: '被讯问人：欧阳挪挪 电话1380013800O',
    confidence: 0.6,
    width: 1000,
    height: 1400,
    rotation: 0,
    words,
    engine: 't',
  });
  const [caseId, other] = ['甲', '乙'].map((name) => {
    const k = store.openCase(`/cases/${name}`, name);
    store.recordFile({ case_id: k.id, path: 'scan.pdf', sha256: sha, size: 1, mtime_ms: 1, kind: 'pdf', status: 'ok', error: null });
    return k.id;
  }) as [string, string];
  return { store, caseId, other, sha };
}

describe("the reviewer's text of a page", () => {
  it('puts each corrected word in place and counts every offset in the corrected text', () => {
    const { store, caseId, sha } = scanned();
    store.setCorrection(caseId, sha, 1, 1, '欧阳挪挪', '欧阳娜');
    store.setCorrection(caseId, sha, 1, 3, '1380013800O', '13800138000');
    const p = store.readerPage(caseId, sha, 1)!;
    expect(p.text).toBe('被讯问人：欧阳娜 电话13800138000');
    expect(p.words!.map((w) => w.text)).toEqual(['被讯问人：', '欧阳娜', '电话', '13800138000']);
    expect(p.ranges!.map((r) => p.text.slice(r.start, r.end))).toEqual(['被讯问人：', '欧阳娜', '电话', '13800138000']);
    expect(p.corrections.map((c) => [c.word_index, c.original, c.corrected])).toEqual([
      [1, '欧阳挪挪', '欧阳娜'],
      [3, '1380013800O', '13800138000'],
    ]);
    // the boxes of words after a shorter correction still fall on their own words
    expect(p.words![3]!.bbox).toEqual([300, 0, 390, 30]);
  });

  it('is the same text wherever the app reads the page', () => {
    const { store, caseId, sha } = scanned();
    store.setCorrection(caseId, sha, 1, 1, '欧阳挪挪', '欧阳娜娜');
    const page = store.readerPage(caseId, sha, 1)!;
    const [casePage] = store.readerPages(caseId, { words: true });
    expect(casePage).toMatchObject({
      text: page.text,
      words: page.words,
      ranges: page.ranges,
      file_id: expect.any(Number),
      path: 'scan.pdf',
    });
    // without words the stages get the same text and no word bulk
    expect(store.readerPages(caseId)[0]).toMatchObject({ text: page.text, words: null, ranges: null });
    const hit = searchPages(store, { query: '欧阳娜娜', caseId })[0]!;
    expect(page.text.slice(hit.pageStart, hit.pageEnd)).toBe('欧阳娜娜');
    const ref = new PageRefs(store, caseId).forFilePage(casePage!.file_id, 1, '电话');
    expect(page.text.slice(ref.start, ref.end)).toBe('电话');
  });

  it("leaves the engine's reading to the other case sharing the file", () => {
    const { store, caseId, other, sha } = scanned();
    store.setCorrection(caseId, sha, 1, 1, '欧阳挪挪', '欧阳娜娜');
    expect(store.readerPage(other, sha, 1)).toMatchObject({ text: '被讯问人：欧阳挪挪 电话1380013800O', corrections: [] });
    expect(store.getPage(sha, 1)!.text).toBe('被讯问人：欧阳挪挪 电话1380013800O');
  });

  it('keeps a correction whose word a new reading lacks, without applying it', () => {
    const reading = {
      sha256: 's',
      page_no: 1,
      source: 'ocr' as const,
      text: '王五',
      confidence: 1,
      width: null,
      height: null,
      rotation: 0,
      engine: 'e',
      words: [word('王五', 0)],
    };
    const p = readerPage(reading, [{ word_index: 4, original: '郑凱', corrected: '郑凯' }]);
    expect(p.text).toBe('王五');
    expect(p.corrections).toHaveLength(1);
    // a page without words (a text layer) has nothing a correction could point at
    expect(correctedText('王五', null, [{ word_index: 0, corrected: '赵六' }])).toEqual({ text: '王五', words: null });
  });
});
