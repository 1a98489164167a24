import type { ProgressEvent, Stage as StageName } from '../../../shared/api.js';
import type { CaseRow, CaseStore } from '../store/case-store.js';
import type { OcrWord } from '../../../shared/api.js';

/** A page read by OCR, as the pipeline needs it (the OCR engine's result satisfies it). */
export interface PageReading {
  text: string;
  confidence: number;
  rotation: 0 | 90 | 180 | 270;
  width: number;
  height: number;
  words: OcrWord[];
}
export interface PageReader {
  /** Names engine, model and post-processing version: pages read by another id are read again. */
  readonly engineId: string;
  /** Pages it can read at once (one per worker). */
  readonly concurrency?: number;
  read(png: Buffer, signal?: AbortSignal): Promise<PageReading>;
  close(): Promise<void>;
}

export interface StageContext {
  store: CaseStore;
  kase: CaseRow;
  jobId: string;
  signal: AbortSignal;
  progress(done: number, total: number, messageKey: string, file?: string): void;
  pageRead(sha256: string, page: number): void;
  /** The id pages read now are stored under; known before any OCR worker starts. */
  ocrEngineId: string;
  /** Pages this review read before its OCR stage began (the desk's first page, read during ingest): the stage counts them as its own. */
  pagesReadAhead?: number;
  /** Starts the OCR engine on first use, so a case with text PDFs only starts none. */
  pageReader(): Promise<PageReader>;
  log(message: string): void;
}

/** One step of the review (paperless-ngx's consumer plugins): each keeps its own output. */
export interface ReviewStage {
  name: StageName;
  /** Returns counts of what it did, kept on the job (a re-run shows what it did not redo). */
  run(ctx: StageContext): Promise<Record<string, number> | void>;
}

/**
 * At most a few progress events a second per stage, but always the first and the last,
 * so a UI never shows a stage stuck at 99 %.
 */
export function throttledProgress(emit: (e: ProgressEvent) => void, base: { caseId: string; jobId: string }, intervalMs = 250) {
  let last = 0;
  let lastStage = '';
  let stageStart = Date.now();
  // What a stage found done when it began (the page read ahead for the desk, pages an earlier run read)
  // took none of its time: the rate is of the rest, or one page read ahead promises "0 s left".
  let doneAtStart = 0;
  return (stage: StageName, done: number, total: number, messageKey: string, file?: string) => {
    const t = Date.now();
    if (stage !== lastStage) {
      lastStage = stage;
      stageStart = t;
      doneAtStart = done;
      last = 0;
    }
    const edge = done === 0 || done >= total;
    if (!edge && t - last < intervalMs) return;
    last = t;
    const e: ProgressEvent = { ...base, stage, done, total, messageKey };
    if (file) e.file = file;
    const doneHere = done - doneAtStart;
    if (doneHere > 0 && done < total) e.etaSeconds = Math.round((((t - stageStart) / doneHere) * (total - done)) / 1000);
    emit(e);
  };
}
