import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createService, type CaseReviewService } from '../../electron/core/service.js';
import type { ReviewJson } from '../../shared/review.js';
import { openRawStore } from './store-key.js';

/** Reviews a folder in-process with a fresh database and returns review.json's content. */
export async function reviewFolder(
  folder: string,
  opts: { service?: CaseReviewService; dbPath?: string } = {},
): Promise<{ review: ReviewJson; ms: number; service: CaseReviewService; caseId: string }> {
  const service =
    opts.service ?? createService({ dbPath: opts.dbPath ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cr-review-')), 'case.db') });
  const t0 = performance.now();
  const { caseId, jobId } = await service.api.startReview({ folder });
  const status = await service.whenJobEnds(jobId);
  if (status !== 'done') throw new Error(`review of ${folder} ended ${status}: ${service.store.getJob(jobId)?.error ?? ''}`);
  const ms = performance.now() - t0;
  return { review: await service.api.getReview({ caseId }), ms, service, caseId };
}

export interface JobCounts {
  ingest: { hashed: number; extracted: number; reused: number; pagesExtracted: number };
  stages: Record<string, Record<string, number>>;
}

/** What the newest job of a database did, as the job row keeps it (read without the service). */
export function lastJobCounts(dbPath: string): JobCounts {
  const d = openRawStore(dbPath, { readonly: true });
  try {
    const row = d.prepare('SELECT progress_json FROM jobs ORDER BY created_at DESC, rowid DESC LIMIT 1').get() as { progress_json: string };
    return JSON.parse(row.progress_json) as JobCounts;
  } finally {
    d.close();
  }
}
