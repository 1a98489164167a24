// A PDF of 2,000 pages (issue 15, hostile by its size alone), reviewed through the service
// with a fresh encrypted store: every page read from its text layer with its own text, nothing
// OCR'd, the volume split into its records, in bounded memory. A file of its own, so that the
// peak memory measured is this review's. Wall time is printed, never asserted
// (`npm run bench -- hostile` measures it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService } from '../../electron/core/service.js';
import type { ReviewJson } from '../../shared/review.js';
import { peakRssMb, rssMb, writeLongVolume } from '../support/hostile-corpus.js';
import { lastJobCounts, reviewFolder, type JobCounts } from '../support/review-case.js';
import { testStoreKey } from '../support/store-key.js';

const PAGES = 2000;
/**
 * What the review may add to the memory the process held before it. It adds ~350 MB; a
 * reader that held the pages as images (8.7 MB each at 300 dpi) would not stay under it.
 */
const REVIEW_MEMORY_MB = 1024;

const flat = (s: string) => s.replace(/\s+/g, '');

let root: string;
let review: ReviewJson;
let counts: JobCounts;
let grewMb: number;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-volume-'));
  const folder = path.join(root, '张三盗窃案');
  fs.mkdirSync(folder);
  await writeLongVolume(path.join(folder, '卷宗.pdf'), PAGES);
  const dbPath = path.join(root, 'store', 'case.db');
  const before = rssMb();
  const r = await reviewFolder(folder, { service: createService({ dbPath, key: testStoreKey() }) });
  await r.service.close();
  review = r.review;
  counts = lastJobCounts(dbPath);
  grewMb = peakRssMb() - before;
  console.log(
    `[hostile] PDF of ${PAGES} pages (${(fs.statSync(path.join(folder, '卷宗.pdf')).size / 1e6).toFixed(1)} MB) reviewed in ${(r.ms / 1000).toFixed(1)} s; RSS ${before} MB before, peak ${peakRssMb()} MB`,
  );
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('a PDF of 2,000 pages', () => {
  it('reads every page from its text layer, each with its own text, nothing OCR’d', () => {
    expect(review.errors).toEqual([]);
    expect(review.files).toEqual([expect.objectContaining({ path: '卷宗.pdf', pages: PAGES, kind: 'pdf' })]);
    expect(review.pages.map((p) => p.page)).toEqual(Array.from({ length: PAGES }, (_, i) => i + 1));
    expect(review.pages.filter((p) => p.source !== 'text-layer')).toEqual([]);
    // each page of the volume carries a number of its own (record × 4 + sheet)
    expect(
      review.pages.filter((p) => !flat(p.text).includes(`电话13800${String(p.page - 1).padStart(6, '0')}`)).map((p) => p.page),
    ).toEqual([]);
    expect(flat(review.pages[0]!.text)).toContain('讯问笔录（第1次）');
    expect(flat(review.pages[PAGES - 1]!.text)).toContain('以上笔录我看过，和我说的相符。');
    expect(counts.ingest).toMatchObject({ hashed: 1, extracted: 1, pagesExtracted: PAGES });
    expect(counts.stages.ocr?.pagesRead ?? 0).toBe(0);
  });

  it('splits the volume into its 500 records of four pages', () => {
    const spans = review.documents.map((d) => [d.pageFrom, d.pageTo]).sort((a, b) => a[0]! - b[0]!);
    expect(spans).toEqual(Array.from({ length: PAGES / 4 }, (_, i) => [i * 4 + 1, i * 4 + 4]));
  });

  it('in bounded memory', () => {
    expect(grewMb).toBeLessThan(REVIEW_MEMORY_MB);
  });
});
