// A folder of 10,000 small files (issue 15, hostile by their number alone), reviewed through
// the service with a fresh encrypted store: every file hashed and read once, each under its
// own name, nothing lost, in bounded memory. A file of its own, so that the peak memory
// measured is this review's. Wall time is printed, never asserted (`npm run bench -- hostile`
// measures it).
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createService } from '../../electron/core/service.js';
import type { ReviewJson } from '../../shared/review.js';
import { peakRssMb, rssMb, writeManySmallFiles } from '../support/hostile-corpus.js';
import { lastJobCounts, reviewFolder, type JobCounts } from '../support/review-case.js';
import { testStoreKey } from '../support/store-key.js';

const FILES = 10_000;
/**
 * What the review may add to the memory the process held before it. It adds ~300 MB; a
 * review that held every file's bytes and rows at once would grow with the folder.
 */
const REVIEW_MEMORY_MB = 1024;

let root: string;
let review: ReviewJson;
let counts: JobCounts;
let grewMb: number;
let folder: string;
/** How many times each file of the folder was opened whole, by path relative to it. */
const reads = new Map<string, number>();

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-many-'));
  folder = path.join(root, '王某电动车被盗系列案');
  writeManySmallFiles(folder, FILES);
  const readFile = fsp.readFile.bind(fsp);
  const spy = vi.spyOn(fsp, 'readFile').mockImplementation(((file: Parameters<typeof fsp.readFile>[0], ...rest: []) => {
    const rel = path.relative(folder, String(file));
    if (!rel.startsWith('..')) reads.set(rel, (reads.get(rel) ?? 0) + 1);
    return readFile(file, ...rest);
  }) as typeof fsp.readFile);
  const dbPath = path.join(root, 'store', 'case.db');
  const before = rssMb();
  const r = await reviewFolder(folder, { service: createService({ dbPath, key: testStoreKey() }) });
  await r.service.close();
  spy.mockRestore();
  review = r.review;
  counts = lastJobCounts(dbPath);
  grewMb = peakRssMb() - before;
  console.log(
    `[hostile] folder of ${FILES} small files reviewed in ${(r.ms / 1000).toFixed(1)} s; RSS ${before} MB before, peak ${peakRssMb()} MB`,
  );
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('a folder of 10,000 small files', () => {
  it('reads every file, each once, under its own name, nothing lost', () => {
    expect(review.errors).toEqual([]);
    const names = Array.from({ length: FILES }, (_, i) => `情况说明-${i + 1}.txt`);
    expect(review.files.map((f) => f.path).sort()).toEqual([...names].sort());
    expect(review.files.every((f) => f.pages === 1 && f.kind === 'txt')).toBe(true);
    const text = new Map(review.pages.map((p) => [p.file, p.text]));
    expect(text.size).toBe(FILES);
    expect(names.filter((name, i) => !text.get(name)?.includes(`电话1390000${String(i + 1).padStart(4, '0')}`))).toEqual([]);
    expect(counts.ingest).toMatchObject({ hashed: FILES, extracted: FILES, reused: 0, pagesExtracted: FILES });
  });

  it('opens each file once: hashed and read from the same bytes', () => {
    expect(reads.size).toBe(FILES);
    expect([...reads.values()].every((n) => n === 1)).toBe(true);
    const sha = (rel: string) =>
      crypto
        .createHash('sha256')
        .update(fs.readFileSync(path.join(folder, rel)))
        .digest('hex');
    expect(review.files.filter((f) => f.sha256 !== sha(f.path)).map((f) => f.path)).toEqual([]);
  });

  it('in bounded memory', () => {
    expect(grewMb).toBeLessThan(REVIEW_MEMORY_MB);
  });
});
