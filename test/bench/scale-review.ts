// The child process of `npm run bench -- scale`: one whole review of a case folder with a fresh
// store, as the app runs it, so that the process's peak RSS is the review's own. While the
// review runs it asks the service, as the desk does when the reviewer opens the case, for the
// first page's text and image; the first moment both are served is "the first page is readable".
import { performance } from 'node:perf_hooks';
import fs from 'node:fs';
import { createService } from '../../electron/core/service.js';
import type { CaseDetail } from '../../shared/api.js';

export interface ScaleReviewJob {
  folder: string;
  dbPath: string;
  /** Drop the case the moment the service exists, before what it loads ahead is loaded. */
  cold?: boolean;
}
export interface ScaleReviewOutcome {
  pages: number;
  files: number;
  /** Drop to the first page's text and image both served by the service. */
  firstReadableMs: number | null;
  /** Drop to the first page's image, and to its text, served. */
  imageMs: number | null;
  textMs: number | null;
  /** Drop to the first page event (a page stored as read). */
  firstPageEventMs: number | null;
  /** Drop to the end of ingest, and of OCR. */
  ingestMs: number | null;
  ocrMs: number | null;
  totalMs: number;
  pagesRead: number;
  status: string;
  /** Peak resident set of this process, all threads (the OCR workers are threads), in bytes. */
  peakRssBytes: number;
  /** The highest resident set seen (sampled every 250 ms) while each stage ran, in bytes. */
  rssByStage: Record<string, number>;
}

/** Where the desk opens a case nobody has placed: its first document, else its first readable file's first page (renderer/src/case/reading-order.ts firstPosition). */
function firstPosition(detail: CaseDetail): { fileId: number; page: number } | null {
  const doc = detail.documents[0];
  if (doc) return { fileId: doc.fileId, page: doc.pageFrom };
  const file = detail.fileList.find((f) => f.pages > 0);
  return file ? { fileId: file.id, page: 1 } : null;
}

const rssNow = () => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024;

function peakRss(): number {
  const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1];
  return Math.max(Number(hwm ?? 0) * 1024, process.resourceUsage().maxRSS * 1024);
}

export async function runScaleReview(job: ScaleReviewJob): Promise<ScaleReviewOutcome> {
  const service = createService({ dbPath: job.dbPath });
  const { api } = service;
  // The desktop app's backend starts with the app, before the reviewer drops a folder: what it
  // loads ahead (pdf.js) is loaded by then, as here.
  if (!job.cold) {
    const warming = performance.now();
    await service.whenWarm();
    console.log(`  backend warm in ${(performance.now() - warming).toFixed(0)} ms`);
  }
  let firstPageEventMs: number | null = null;
  let ingestMs: number | null = null;
  let ocrMs: number | null = null;
  let pagesRead = 0;
  const t0 = performance.now();
  const since = () => performance.now() - t0;
  let stage = 'start';
  const rssByStage: Record<string, number> = {};
  const sample = setInterval(() => {
    rssByStage[stage] = Math.max(rssByStage[stage] ?? 0, rssNow());
  }, 250);
  // A long run says how far it got, so a run cut short still tells its figures.
  const report = setInterval(() => {
    console.log(
      `  [${(since() / 60_000).toFixed(1)} min] ${stage}: ${pagesRead} pages read, RSS ${(rssNow() / 1e6).toFixed(0)} MB, peak ${(peakRss() / 1e6).toFixed(0)} MB`,
    );
  }, 60_000);
  service.onEvent((e) => {
    if (e.kind === 'progress') stage = e.event.stage;
    if (e.kind === 'page') {
      pagesRead++;
      firstPageEventMs ??= since();
    }
    if (e.kind === 'progress') {
      if (e.event.stage !== 'ingest' && ingestMs === null) ingestMs = since();
      if (e.event.stage !== 'ingest' && e.event.stage !== 'ocr' && ocrMs === null) ocrMs = since();
    }
  });
  const { caseId, jobId } = await api.startReview({ folder: job.folder });
  const ended = service.whenJobEnds(jobId);
  const state: { status: string | null } = { status: null };
  void ended.then((s) => {
    state.status = s;
  });

  // The reader asks every 50 ms. The desk asks for a page's image once when it shows the page and
  // for its text again on each page event; asking for the image once here spares the review a
  // rendering every 50 ms that the desk would not ask for.
  let imageMs: number | null = null;
  let textMs: number | null = null;
  while ((imageMs === null || textMs === null) && state.status === null) {
    const detail = await api.getCase({ caseId });
    const at = firstPosition(detail);
    const file = at && detail.fileList.find((f) => f.id === at.fileId);
    if (at && file?.sha256) {
      if (imageMs === null && (await api.getPageImage({ caseId, sha256: file.sha256, page: at.page })).dataBase64.length > 0)
        imageMs = since();
      if (textMs === null && (await api.getPage({ caseId, fileId: at.fileId, page: at.page })).text.trim().length > 0) textMs = since();
    }
    if (imageMs === null || textMs === null) await new Promise((r) => setTimeout(r, 50));
  }
  const firstReadableMs = imageMs !== null && textMs !== null ? Math.max(imageMs, textMs) : null;
  console.log(
    `  first page readable after ${firstReadableMs === null ? '—' : (firstReadableMs / 1000).toFixed(2)} s (image ${imageMs} ms, text ${textMs} ms)`,
  );
  const finalStatus = await ended;
  const totalMs = since();
  const detail = await api.getCase({ caseId });
  await service.close();
  clearInterval(sample);
  clearInterval(report);
  return {
    pages: detail.fileList.reduce((n, f) => n + f.pages, 0),
    files: detail.fileList.length,
    firstReadableMs,
    imageMs,
    textMs,
    firstPageEventMs,
    ingestMs,
    ocrMs,
    totalMs,
    pagesRead,
    status: finalStatus,
    peakRssBytes: peakRss(),
    rssByStage,
  };
}

if (process.argv.includes('--scale-child')) {
  process.once('message', (job: ScaleReviewJob) => {
    runScaleReview(job).then(
      (outcome) => process.send?.({ outcome }, () => process.exit(0)),
      (err: unknown) => process.send?.({ error: (err as Error).stack ?? String(err) }, () => process.exit(1)),
    );
  });
}
