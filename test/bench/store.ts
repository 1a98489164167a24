// What encryption at rest costs: the same review, store build, search and store opening, on a
// plain store and on an encrypted one (SQLCipher 4 pages, raw 32-byte key), in one run,
// alternated so that the machine's load drifts over both alike.
//   npm run bench -- store [--cases=N] [--pages=N] [--rounds=N]
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createService } from '../../electron/core/service.js';
import { openDatabase } from '../../electron/core/store/db.js';
import { searchPages } from '../../electron/core/search/search.js';
import { generateCase } from '../fixtures/generator/index.js';
import { reviewFolder } from '../support/review-case.js';
import { buildSearchStore, sampleQueries } from './search.js';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const arg = (args: string[], name: string, dflt: number) =>
  Number(args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? dflt);

export async function benchStore(args: string[]): Promise<void> {
  const rounds = arg(args, 'rounds', 3);
  const minPages = arg(args, 'pages', 5_000);
  const minCases = arg(args, 'cases', 25);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-bench-store-'));
  const key = crypto.randomBytes(32);
  const variants = [
    ['plain', null],
    ['encrypted', key],
  ] as const;

  // 1. A whole review of a generated case (text forms: the store's share is largest where OCR is absent).
  const g = await generateCase({ seed: 17, outDir: dir, name: 'bench-store', defects: [], forms: 'text-only', suspects: 2 });
  const review: Record<string, number[]> = { plain: [], encrypted: [] };
  for (let r = 0; r < rounds; r++) {
    for (const [label, k] of r % 2 ? [...variants].reverse() : variants) {
      const dbPath = path.join(dir, `review-${label}-${r}.db`);
      const service = createService({ dbPath, key: k });
      const { ms } = await reviewFolder(g.folder, { service });
      await service.close();
      review[label]!.push(ms);
    }
  }
  console.log(`review of a generated case (${g.truth.documents.length} documents, text forms), median of ${rounds}:`);
  for (const [label] of variants) console.log(`  ${label.padEnd(9)}: ${(median(review[label]!) / 1000).toFixed(2)} s`);
  console.log(`  encryption costs ${((median(review.encrypted!) / median(review.plain!) - 1) * 100).toFixed(1)} % of the review time`);

  // 2. A store of many cases: writing it, searching it, opening it (the integrity check at open reads every page).
  for (const [label, k] of variants) {
    const dbPath = path.join(dir, `search-${label}.db`);
    const built = buildSearchStore(dbPath, { minPages, minCases, key: k });
    const caseIds = built.store.listCases().map((c) => c.id);
    const queries = [
      ...sampleQueries(built.allTexts, 2, 100),
      ...sampleQueries(built.allTexts, 3, 100, 7),
      ...sampleQueries(built.allTexts, 6, 100, 9),
    ];
    const times: number[] = [];
    for (const [i, q] of queries.entries()) {
      const t = performance.now();
      searchPages(built.store, { query: q, caseId: i % 2 ? caseIds[i % caseIds.length] : undefined, limit: 100 });
      times.push(performance.now() - t);
    }
    built.store.close();
    const opens: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const t = performance.now();
      openDatabase(dbPath, { key: k }).close();
      opens.push(performance.now() - t);
    }
    const mb = fs.statSync(dbPath).size / 1e6;
    console.log(
      `store of ${built.cases} cases, ${built.pages} pages, ${mb.toFixed(1)} MB — ${label}: written in ${(built.buildMs / 1000).toFixed(2)} s; search p50 ${pct(times, 50).toFixed(2)} ms, p95 ${pct(times, 95).toFixed(2)} ms (${queries.length} queries); open with integrity check ${median(opens).toFixed(0)} ms`,
    );
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
