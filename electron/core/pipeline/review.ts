import type { BackendEvent } from '../../../shared/api.js';
import type { CaseStore } from '../store/case-store.js';
import { ingestCaseFolder, type IngestStats } from '../ingest/ingest.js';
import { ocrStage, readLeadPage } from './ocr-stage.js';
import { catalogueStage } from './catalogue-stage.js';
import { entitiesStage } from './entities-stage.js';
import { timelineStage } from './timeline-stage.js';
import { rulesStage } from './rules-stage.js';
import { throttledProgress, type PageReader, type ReviewStage, type StageContext } from './stage.js';
import { faultPoint } from './fault.js';

export interface ReviewRunOptions {
  store: CaseStore;
  caseId: string;
  jobId: string;
  signal: AbortSignal;
  emit(e: BackendEvent): void;
  ocrEngineId: string;
  pageReader(): Promise<PageReader>;
  /** Frees the OCR engine once every page is read: the analysis after it needs the memory (and none of its workers). */
  releasePageReader?(): Promise<void>;
  log?(message: string): void;
  /** Re-derive from stored pages only (after a reviewer's correction): no ingest, no OCR. */
  analysisOnly?: boolean;
}

export const REVIEW_STAGES: readonly ReviewStage[] = [ocrStage, catalogueStage, entitiesStage, timelineStage, rulesStage];

/** Runs the whole review of one case; each stage keeps its output, so a re-run resumes. */
export async function runReview(o: ReviewRunOptions): Promise<{ ingest: IngestStats; stages: Record<string, Record<string, number>> }> {
  const kase = o.store.getCase(o.caseId);
  if (!kase) throw new Error(`case ${o.caseId} not found`);
  const throttled = throttledProgress((event) => o.emit({ kind: 'progress', event }), { caseId: o.caseId, jobId: o.jobId });
  const progress: typeof throttled = (stage, done, ...rest) => {
    faultPoint(stage, done);
    throttled(stage, done, ...rest);
  };
  const log = o.log ?? (() => undefined);
  const pageRead = (sha256: string, page: number) => o.emit({ kind: 'page', event: { caseId: o.caseId, sha256, page } });
  // Ingest takes files in the order the desk lists them: the first it records is the first the
  // desk shows, and its first page is read right then, before the rest of the folder is ingested
  // (the reader's first page within seconds of the drop, not after every file is hashed and read
  // for text); the OCR stage below reads on from there.
  let lead: Promise<boolean> | null = null;
  // An engine this run started is freed however the run ends (cancelled, failed in ingest): its
  // workers hold half a gigabyte.
  let released = false;
  try {
    const ingest = o.analysisOnly
      ? { files: 0, hashed: 0, extracted: 0, reused: 0, pagesExtracted: 0, errors: 0, changed: [], missing: [] }
      : await ingestCaseFolder(
          o.store,
          kase,
          (done, total, file) => progress('ingest', done, total, 'ingest.reading', file),
          o.signal,
          (file) => {
            if (lead) return;
            lead = readLeadPage(
              { store: o.store, kase, signal: o.signal, pageRead, ocrEngineId: o.ocrEngineId, pageReader: o.pageReader },
              file,
            );
            // The rest of the folder waits the few seconds it takes: hashing and parsing the next
            // volumes would take the cores the OCR engine starts and reads that page on.
            return lead;
          },
        );
    const pagesReadAhead = (await lead) ? 1 : 0;
    log(`ingest: ${JSON.stringify(ingest)}`);
    const stages: Record<string, Record<string, number>> = {};
    for (const stage of REVIEW_STAGES) {
      if (o.analysisOnly && stage.name === 'ocr') continue;
      o.signal.throwIfAborted();
      const ctx: StageContext = {
        store: o.store,
        kase,
        jobId: o.jobId,
        signal: o.signal,
        progress: (done, total, key, file) => progress(stage.name, done, total, key, file),
        pageRead,
        pagesReadAhead,
        ocrEngineId: o.ocrEngineId,
        pageReader: o.pageReader,
        log,
      };
      const did = await stage.run(ctx);
      if (did) stages[stage.name] = did;
      if (stage.name === 'ocr') {
        released = true;
        await o.releasePageReader?.();
      }
    }
    o.store.markReviewed(o.caseId);
    return { ingest, stages };
  } finally {
    if (!released && lead) await o.releasePageReader?.().catch(() => undefined);
  }
}
