// Search latency on a store the size of a busy unit's machine: ≥ 50 generated cases and
// ≥ 10,000 pages. Pages are the generator's own form texts, laid out as printed, but not
// rendered (rendering is not what this measures).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../electron/core/store/db.js';
import { CaseStore } from '../../electron/core/store/case-store.js';
import { searchPages } from '../../electron/core/search/search.js';
import { buildCaseModel } from '../fixtures/generator/model.js';
import { buildDocuments } from '../fixtures/generator/documents.js';
import { layoutDocument } from '../fixtures/generator/layout.js';
import { createRandom } from '../fixtures/generator/prng.js';

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

/** A store of generated cases with at least this many cases and pages, and the page texts for queries. */
export function buildSearchStore(
  dbPath: string,
  opts: { minPages: number; minCases: number; key?: Buffer | null; pagesPerCase?: number },
): {
  store: CaseStore;
  pages: number;
  cases: number;
  allTexts: string[];
  /** The case of each of allTexts. */
  pageCases: string[];
  buildMs: number;
  people: BenchPerson[];
} {
  const store = new CaseStore(openDatabase(dbPath, { key: opts.key ?? null }));
  const stamps = { seal: () => '', fingerprint: () => '' };
  const t0 = performance.now();
  let pages = 0;
  let cases = 0;
  const allTexts: string[] = [];
  const people: BenchPerson[] = [];
  const pageCases: string[] = [];
  // A case of pagesPerCase pages holds the papers of several generated cases (its volumes), each seed's once.
  for (let seed = 1; cases < opts.minCases || pages < opts.minPages;) {
    const k = store.openCase(`/bench/case-${seed}`, `案件${seed}`);
    const caseStart = pages;
    do {
      addSeed(k.id, seed++);
    } while (pages - caseStart < (opts.pagesPerCase ?? 0));
    cases++;
  }
  function addSeed(caseId: string, seed: number): void {
    const model = buildCaseModel({ seed, defects: [] });
    const rng = createRandom(seed).fork('bench-layout');
    for (const p of model.people) people.push({ caseId, name: p.name, idNumber: p.idNumber, phone: p.phone ?? null });
    store.transaction(() => {
      for (const [i, doc] of buildDocuments(model, rng).entries()) {
        const laid = layoutDocument(doc.blocks, stamps, rng, { footer: doc.footer ?? false });
        const sha = `${seed.toString(16).padStart(8, '0')}${i.toString(16).padStart(8, '0')}`.padEnd(64, 'a');
        store.recordBlob({ sha256: sha, kind: 'pdf', size: 1, page_count: laid.pages.length });
        laid.pages.forEach((p, n) => {
          store.recordPage({
            sha256: sha,
            page_no: n + 1,
            source: 'text-layer',
            text: p.text,
            confidence: null,
            width: null,
            height: null,
            rotation: 0,
            words: null,
            engine: 'bench',
          });
          allTexts.push(p.text);
          pageCases.push(caseId);
          pages++;
        });
        store.recordFile({
          case_id: caseId,
          path: `${seed}/${doc.key}.pdf`,
          sha256: sha,
          size: 1,
          mtime_ms: 1,
          kind: 'pdf',
          status: 'ok',
          error: null,
        });
      }
    });
  }
  return { store, pages, cases, allTexts, pageCases, buildMs: performance.now() - t0, people };
}

/** A person of a generated case, and the store case whose pages name them. */
export interface BenchPerson {
  caseId: string;
  name: string;
  idNumber: string;
  phone: string | null;
}

/** Queries drawn from the pages themselves: Han stretches of the given length. */
export function sampleQueries(allTexts: string[], len: number, n: number, seed = 4242): string[] {
  const rng = createRandom(seed);
  const han = /^[\u4e00-\u9fa5]+$/;
  const out: string[] = [];
  while (out.length < n) {
    const t = allTexts[rng.int(0, allTexts.length - 1)]!;
    const at = rng.int(0, Math.max(0, t.length - len));
    const q = t.slice(at, at + len);
    if (q.length === len && han.test(q)) out.push(q);
  }
  return out;
}

export async function benchSearch(args: string[]): Promise<void> {
  const minPages = Number(args.find((a) => a.startsWith('--pages='))?.slice(8) ?? 10_000);
  const minCases = Number(args.find((a) => a.startsWith('--cases='))?.slice(8) ?? 50);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-bench-search-'));
  const dbPath = path.join(dir, 'bench.db');
  const { store, pages, cases, allTexts, buildMs } = buildSearchStore(dbPath, { minPages, minCases });
  const { pageCount, pageSize, ftsBytes: ftsPages } = store.storageFigures();
  const sample = (len: number, n: number) => sampleQueries(allTexts, len, n);
  console.log(
    `search bench: ${cases} cases, ${pages} pages, built in ${(buildMs / 1000).toFixed(1)} s; database ${((pageCount * pageSize) / 1e6).toFixed(1)} MB, full-text index ${ftsPages ? (ftsPages / 1e6).toFixed(1) : '?'} MB`,
  );
  for (const [label, len] of [
    ['2-char', 2],
    ['3-char', 3],
    ['6-char', 6],
  ] as const) {
    const queries = sample(len, 200);
    const caseIds = store.listCases().map((c) => c.id);
    for (const scope of ['one case', 'all cases'] as const) {
      const times: number[] = [];
      let hits = 0;
      for (const [i, q] of queries.entries()) {
        const s = performance.now();
        hits += searchPages(store, { query: q, caseId: scope === 'one case' ? caseIds[i % caseIds.length] : undefined, limit: 100 }).length;
        times.push(performance.now() - s);
      }
      console.log(
        `  ${label.padEnd(6)} ${scope.padEnd(9)}: p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms, max ${Math.max(...times).toFixed(1)} ms (${queries.length} queries, ${(hits / queries.length).toFixed(1)} hits each)`,
      );
    }
  }
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
