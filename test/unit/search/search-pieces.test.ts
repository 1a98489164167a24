import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../shared/api.js';
import type { OcrWord } from '../../../shared/api.js';
import { searchPages, type SearchRequest } from '../../../electron/core/search/search.js';
import type { CaseStore } from '../../../electron/core/store/case-store.js';
import { storeWith } from './store-with.js';

// The desk asks for the first screen of hits, then for the rest after the last one (issue 16):
// the pieces, put together, must be the list one request would have given — no hit twice, none lost.

/** Pages that say 张伟 0–5 times, by a rule of their number, among words that are not the name. */
function pagesOf(caseNo: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const times = (i * 7 + caseNo * 3) % 6;
    const parts = [`第${i + 1}页，张某与伟某在场`];
    for (let n = 0; n < times; n++) parts.push(`询问人张伟第${n + 1}次发问`);
    return parts.join('；');
  });
}

function inPieces(store: CaseStore, req: SearchRequest, size: number): SearchHit[] {
  const out: SearchHit[] = [];
  for (let after: string | undefined; ;) {
    const piece = searchPages(store, { ...req, limit: size, after });
    out.push(...piece);
    if (piece.length < size) return out;
    const next = piece[piece.length - 1]!.cursor;
    // a cursor that does not move on would ask for the same piece for ever
    if (!next || next === after) throw new Error(`the list stopped at ${after}`);
    after = next;
  }
}

const key = (h: SearchHit) => `${h.caseId}|${h.fileId}|${h.page}|${h.pageStart}`;

describe('a long list of hits asked for in pieces (issue 16)', () => {
  function store3() {
    const { store, cases } = storeWith({ 甲案: pagesOf(1, 40), 乙案: pagesOf(2, 25), 丙案: pagesOf(3, 31) });
    // One scan held by two cases and twice by one (two files of the same content).
    const shared = store.listFiles(cases['乙案']!)[0]!.sha256!;
    for (const [caseName, path] of [
      ['甲案', '乙案复印件.pdf'],
      ['丙案', '乙案扫描.pdf'],
      ['丙案', '乙案扫描（二）.pdf'],
    ] as const)
      store.recordFile({ case_id: cases[caseName]!, path, sha256: shared, size: 1, mtime_ms: 1, kind: 'pdf', status: 'ok', error: null });
    return { store, cases };
  }

  it('gives, piece by piece, exactly the hits of one request, in the same order', () => {
    const { store, cases } = store3();
    for (const caseId of [undefined, cases['甲案'], cases['丙案']]) {
      const whole = searchPages(store, { query: '张伟', caseId, limit: 5000 });
      // Pages say it up to 5 times and give 3 hits each; shared pages give hits for every file.
      expect(whole.length).toBeGreaterThan(100);
      expect(new Set(whole.map(key)).size).toBe(whole.length);
      for (const size of [1, 2, 3, 4, 7, 50]) expect(inPieces(store, { query: '张伟', caseId }, size).map(key)).toEqual(whole.map(key));
    }
  });

  it('a piece costs what the first one does: the index is read from the last hit on', () => {
    const { store } = store3();
    const whole = searchPages(store, { query: '张伟', limit: 5000 });
    const tail = searchPages(store, { query: '张伟', limit: 10, after: whole[whole.length - 11]!.cursor });
    expect(tail.map(key)).toEqual(whole.slice(-10).map(key));
    // the index was asked from the cursor's page on: its rows start there
    const asked: number[] = [];
    const original = store.searchIndex.bind(store);
    store.searchIndex = (m, c, l, from = 0) => (asked.push(from), original(m, c, l, from));
    searchPages(store, { query: '张伟', limit: 10, after: whole[whole.length - 11]!.cursor });
    expect(Math.min(...asked.filter((n) => n > 0))).toBe(Number(whole[whole.length - 11]!.cursor!.split('.')[0]));
  });

  it('keeps pieces whole over a corrected page and a number looked up as one token', () => {
    const { store, cases } = storeWith({ 丁案: pagesOf(4, 12) });
    const sha = 'c'.repeat(64);
    store.recordBlob({ sha256: sha, kind: 'pdf', size: 1, page_count: 1 });
    const words: OcrWord[] = ['询问人', '张律', '电话13800138000', '张伟'].map((text, i) => ({
      text,
      bbox: [i * 100, 0, i * 100 + 90, 30],
      confidence: 0.6,
    }));
    store.recordPage({
      sha256: sha,
      page_no: 1,
      source: 'ocr',
      text: '询问人张律 电话13800138000 张伟',
      confidence: 0.6,
      width: 1000,
      height: 1400,
      rotation: 0,
      words,
      engine: 't',
    });
    store.recordFile({
      case_id: cases['丁案']!,
      path: 'scan.pdf',
      sha256: sha,
      size: 1,
      mtime_ms: 1,
      kind: 'pdf',
      status: 'ok',
      error: null,
    });
    store.setCorrection(cases['丁案']!, sha, 1, 1, '张律', '张伟');
    const whole = searchPages(store, { query: '张伟', limit: 5000 });
    expect(whole.filter((h) => h.file === 'scan.pdf').map((h) => h.snippet.slice(h.start, h.end))).toEqual(['张伟', '张伟']);
    for (const size of [1, 2, 5]) expect(inPieces(store, { query: '张伟' }, size).map(key)).toEqual(whole.map(key));
    expect(inPieces(store, { query: '138-0013-8000' }, 1).map((h) => h.file)).toEqual(['scan.pdf']);
  });

  it('refuses a cursor that is not one', () => {
    const { store } = store3();
    const whole = searchPages(store, { query: '张伟', limit: 5000 });
    // an unreadable cursor is the start of the list (the request schema refuses it before it gets here)
    expect(searchPages(store, { query: '张伟', limit: 3, after: 'x' }).map(key)).toEqual(whole.slice(0, 3).map(key));
  });
});
