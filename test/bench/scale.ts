// Scale (issue 16): a 1,000-page scanned case reviewed whole, and a store of 100 cases of
// 1,000 pages each searched, as a reviewer's machine holds them.
//   npm run bench -- scale [--pages=1000] [--cases=100] [--case-pages=1000] [--queries=60] [--first=200] [--limit=2000] [--cold] [--only=review|store|fixture]
// 1. The scanned case: volumes of ~100 pages, their pages the generator's own scans (render.ts)
//    of a few generated cases, dealt into each volume from another starting page so every volume
//    is a file of its own (the store reads a file's pages once, whichever case holds it). The
//    review runs in a child process (scale-review.ts) so its peak RSS is the review's alone.
// 2. The store: text pages (rendering is not what this measures), as in the search bench; the
//    case list's call and searches for names (2 characters and more), ID numbers, phones and phrases.
import { execFile, fork } from 'node:child_process';
import { BACKEND_PROCESS_ENV } from '../../electron/core/process-env.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { createService } from '../../electron/core/service.js';
import { generateScannedVolume } from '../fixtures/generator/index.js';
import { imagePdf, launchPrinter } from '../fixtures/generator/render.js';
import { createRandom } from '../fixtures/generator/prng.js';
import type { ScaleReviewJob, ScaleReviewOutcome } from './scale-review.js';
import { phraseQuery } from '../../electron/core/search/index-form.js';
import { buildSearchStore } from './search.js';

const run = promisify(execFile);
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const VOLUME_PAGES = 100;
const RSS_LIMIT = 1.2e9;
const SEARCH_P95_TARGET_MS = 50;

const arg = (args: string[], name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const ms = (x: number | null) => (x === null ? '—' : `${(x / 1000).toFixed(2)} s`);

/** A scanned case folder of `pages` pages in volumes of 100, cached under .cache/scale. */
async function scannedCase(pages: number): Promise<string> {
  const folder = path.join(REPO_ROOT, '.cache', 'scale', `scanned-${pages}`, '案卷');
  if (fs.existsSync(path.join(folder, '..', 'done'))) return folder;
  fs.rmSync(path.dirname(folder), { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  // A handful of distinct generated cases give the pages; more would only cost generation time.
  const sources = Math.min(4, Math.ceil(pages / 38));
  const pool: { jpeg: Buffer; width: number; height: number }[] = [];
  const browser = await launchPrinter();
  try {
    for (let s = 0; s < sources; s++) {
      const g = await generateScannedVolume({ seed: 2001 + s, outDir: path.join(folder, '..', 'sources'), pages: 200, browser });
      const pdf = path.join(g.folder, g.truth.files[0]!.path);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-scale-'));
      await run('pdfimages', ['-j', pdf, path.join(dir, 'p')]);
      for (const n of fs.readdirSync(dir).sort()) {
        const jpeg = fs.readFileSync(path.join(dir, n));
        const meta = await sharp(jpeg).metadata();
        pool.push({ jpeg, width: meta.width, height: meta.height });
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    await browser.close();
  }
  fs.rmSync(path.join(folder, '..', 'sources'), { recursive: true, force: true });
  const rng = createRandom(16);
  for (let v = 0, done = 0; done < pages; v++) {
    const n = Math.min(VOLUME_PAGES, pages - done);
    const start = rng.int(0, pool.length - 1);
    const volume = Array.from({ length: n }, (_, i) => pool[(start + i) % pool.length]!);
    fs.writeFileSync(path.join(folder, `卷${String(v + 1).padStart(2, '0')}（扫描件）.pdf`), await imagePdf(volume, 200));
    done += n;
  }
  fs.writeFileSync(path.join(folder, '..', 'done'), '');
  return folder;
}

function reviewInChild(job: ScaleReviewJob): Promise<ScaleReviewOutcome> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./scale-review.ts', import.meta.url)), ['--scale-child'], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // The backend's own environment, as the desktop app starts it.
      env: { ...process.env, ...BACKEND_PROCESS_ENV },
    });
    let outcome: ScaleReviewOutcome | null = null;
    child.on('message', (m: { outcome?: ScaleReviewOutcome; error?: string }) => {
      if (m.outcome) outcome = m.outcome;
      if (m.error) reject(new Error(m.error));
    });
    child.on('exit', (code) => (outcome ? resolve(outcome) : reject(new Error(`review child exited with ${code}`))));
    child.send(job);
  });
}

type Row = [figure: string, value: string, target: string, peer: string];

async function benchScannedCase(pages: number, rows: Row[], cold: boolean): Promise<void> {
  const t = performance.now();
  const folder = await scannedCase(pages);
  console.log(`scanned case: ${folder} (${((performance.now() - t) / 1000).toFixed(0)} s to make or find)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-bench-scale-'));
  const load = os.loadavg()[0]!.toFixed(1);
  const o = await reviewInChild({ folder, dbPath: path.join(dir, 'case.db'), cold });
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(
    `review ${o.status}: ${o.pages} pages in ${o.files} files, ${o.pagesRead} read by OCR; first page's image served ${ms(o.imageMs)}, its text ${ms(o.textMs)}; ingest done ${ms(o.ingestMs)}, first page stored ${ms(o.firstPageEventMs)}, OCR done ${ms(o.ocrMs)}, review done ${ms(o.totalMs)} (load average at start ${load})`,
  );
  console.log(
    `peak RSS while each stage ran: ${Object.entries(o.rssByStage)
      .map(([k, v]) => `${k} ${(v / 1e6).toFixed(0)} MB`)
      .join(', ')}`,
  );
  rows.push(
    [
      `drop → first page readable (${o.pages} scanned pages)`,
      ms(o.firstReadableMs),
      '≤ 3 s',
      cold ? 'dropped as the backend started (--cold)' : 'dropped once the backend was up, as in the app',
    ],
    ['pages/min, whole review', ((o.pages / o.totalMs) * 60_000).toFixed(1), '', ''],
    ['pages/min, OCR stage', o.ocrMs && o.ingestMs ? ((o.pagesRead / (o.ocrMs - o.ingestMs)) * 60_000).toFixed(1) : '—', '', ''],
    ['peak RSS, whole review', `${(o.peakRssBytes / 1e9).toFixed(2)} GB`, `≤ ${RSS_LIMIT / 1e9} GB`, ''],
  );
}

/** Queries of each kind, each with the case whose papers have it (a person's name, ID or phone as printed there). */
function storeQueries(built: ReturnType<typeof buildSearchStore>, n: number) {
  const rng = createRandom(1616);
  // Each case's pages as one text (a form feed between pages, which no query spans).
  const textOf = new Map<string, string[]>();
  built.allTexts.forEach((t, i) => {
    const list = textOf.get(built.pageCases[i]!) ?? [];
    list.push(t);
    textOf.set(built.pageCases[i]!, list);
  });
  const joined = new Map([...textOf].map(([k, v]) => [k, v.join('\f\f\f')]));
  // Numbers as the search finds them, across the separators a page groups digits with.
  const compact = new Map([...joined].map(([k, v]) => [k, v.replace(/[ \-·.．、_/]/g, '')]));
  const printed = (q: string, caseId: string) => (/^[0-9]/.test(q) ? compact : joined).get(caseId)?.includes(q) ?? false;
  const pick = (candidates: { q: string; caseId: string }[]) => {
    const out: { q: string; caseId: string }[] = [];
    for (let tries = 0; out.length < n && tries < n * 50; tries++) {
      const c = candidates[rng.int(0, candidates.length - 1)]!;
      if (printed(c.q, c.caseId)) out.push(c);
    }
    return out;
  };
  const phrases: { q: string; caseId: string }[] = [];
  while (phrases.length < n) {
    const i = rng.int(0, built.allTexts.length - 1);
    const stretch = /[\u4e00-\u9fa5]{6,}/.exec(built.allTexts[i]!.slice(rng.int(0, 200)));
    if (stretch) phrases.push({ q: stretch[0].slice(0, 6), caseId: built.pageCases[i]! });
  }
  const names = built.people.map((p) => ({ q: p.name, caseId: p.caseId }));
  return {
    '2-char names': pick(names.filter((c) => [...c.q].length === 2)),
    '3+ char names': pick(names.filter((c) => [...c.q].length >= 3)),
    'ID numbers': pick(built.people.map((p) => ({ q: p.idNumber, caseId: p.caseId }))),
    phones: pick(built.people.flatMap((p) => (p.phone ? [{ q: p.phone, caseId: p.caseId }] : []))),
    phrases,
  };
}

async function benchStore(args: string[], rows: Row[]): Promise<void> {
  const cases = Number(arg(args, 'cases') ?? 100);
  const casePages = Number(arg(args, 'case-pages') ?? 1000);
  const n = Number(arg(args, 'queries') ?? 60);
  // As the desk's search box asks (renderer/src/search/SearchBox.tsx): the first screen of hits
  // (FIRST_PIECE), then the rest of the list up to SEARCH_LIMIT after the last hit shown.
  const limit = Number(arg(args, 'limit') ?? 2000);
  const first = Math.min(limit, Number(arg(args, 'first') ?? 200));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-bench-scale-store-'));
  const dbPath = path.join(dir, 'store.db');
  const built = buildSearchStore(dbPath, { minCases: cases, minPages: 0, pagesPerCase: casePages });
  for (const k of built.store.listCases()) built.store.markReviewed(k.id);
  built.store.close();
  console.log(
    `store: ${built.cases} cases, ${built.pages} pages, ${(fs.statSync(dbPath).size / 1e6).toFixed(0)} MB, built in ${(built.buildMs / 1000).toFixed(0)} s`,
  );
  const service = createService({ dbPath });
  const { api } = service;
  const caseIds = (await api.listCases({})).map((c) => c.id);
  // The first search after opening pays for the store's caches: not a reviewer's typical wait, but printed.
  const cold = performance.now();
  await api.search({ query: '犯罪嫌疑人', limit: 100 });
  console.log(`first search after opening: ${(performance.now() - cold).toFixed(0)} ms`);
  const listTimes: number[] = [];
  for (let i = 0; i < 30; i++) {
    const s = performance.now();
    await api.listCases({});
    listTimes.push(performance.now() - s);
  }
  console.log(`case list: p50 ${pct(listTimes, 50).toFixed(1)} ms`);
  rows.push([
    `case list (${caseIds.length} cases) p50 / p95`,
    `${pct(listTimes, 50).toFixed(1)} / ${pct(listTimes, 95).toFixed(1)} ms`,
    '',
    '',
  ]);
  const t = performance.now();
  const kinds = storeQueries(built, n);
  console.log(`queries drawn in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  for (const [kind, queries] of Object.entries(kinds)) {
    for (const scope of ['all cases', 'one case'] as const) {
      const times: number[] = [];
      const wholeTimes: number[] = [];
      let found = 0;
      let full = 0;
      let hits = 0;
      for (const { q, caseId } of queries) {
        const req = { query: q, caseId: scope === 'one case' ? caseId : undefined };
        const s = performance.now();
        const res = await api.search({ ...req, limit: first });
        times.push(performance.now() - s);
        const after = res[res.length - 1]?.cursor;
        if (res.length === first && after && limit > first) res.push(...(await api.search({ ...req, limit: limit - first, after })));
        wholeTimes.push(performance.now() - s);
        hits += res.length;
        // Found: a hit in the case whose papers have it. Across cases a common name may fill the
        // hits asked for before every case that has it is reached (counted apart).
        if (res.some((h) => h.caseId === caseId)) found++;
        else if (res.length >= limit) full++;
      }
      const p95 = pct(times, 95);
      // The peer for numbers: the index asked for the digits as a phrase of single digits, as it was before number tokens.
      let peer = '';
      if (kind === 'ID numbers' || kind === 'phones') {
        const before: number[] = [];
        for (const { q, caseId } of queries) {
          const s = performance.now();
          service.store.searchIndex(phraseQuery(q)!, scope === 'one case' ? caseId : undefined, limit * 4);
          before.push(performance.now() - s);
        }
        peer = `; as a digit phrase (before): index alone p50 / p95 ${pct(before, 50).toFixed(1)} / ${pct(before, 95).toFixed(1)} ms`;
      }
      rows.push([
        `search ${kind}, ${scope}: first ${first} hits p50 / p95 · whole list (≤ ${limit}) p50 / p95`,
        `${pct(times, 50).toFixed(1)} / ${p95.toFixed(1)} ms · ${pct(wholeTimes, 50).toFixed(1)} / ${pct(wholeTimes, 95).toFixed(1)} ms`,
        `p95 < ${SEARCH_P95_TARGET_MS} ms${p95 < SEARCH_P95_TARGET_MS ? '' : ' ✗'}`,
        `found ${found}/${queries.length}${full ? ` (${full} more at the ${limit}-hit limit)` : ''}, ${(hits / queries.length).toFixed(0)} hits each${peer}`,
      ]);
    }
  }
  await service.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

export async function benchScale(args: string[]): Promise<void> {
  const only = arg(args, 'only');
  const rows: Row[] = [];
  // Makes the scanned case only (it is cached), so a timed run later starts at the review.
  if (only === 'fixture') {
    console.log(await scannedCase(Number(arg(args, 'pages') ?? 1000)));
    return;
  }
  if (only !== 'store') await benchScannedCase(Number(arg(args, 'pages') ?? 1000), rows, args.includes('--cold'));
  if (only !== 'review') await benchStore(args, rows);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => [...r[i as 0]].length), 6));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\n${line(['figure', 'value', 'target', 'notes'])}`);
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(r));
}
