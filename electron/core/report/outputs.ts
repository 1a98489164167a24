import fsp from 'node:fs/promises';
import path from 'node:path';
import type { ReviewJson } from '../../../shared/review.js';
import type { CaseStore } from '../store/case-store.js';

/** Writes review.json (and, as they exist, the report files) into the output folder. */
export async function writeReviewOutputs(review: ReviewJson, outDir: string, _store: CaseStore): Promise<string[]> {
  await fsp.mkdir(outDir, { recursive: true });
  const json = path.join(outDir, 'review.json');
  // Write then rename: a reader never sees half a file.
  await fsp.writeFile(`${json}.tmp`, JSON.stringify(review, null, 2));
  await fsp.rename(`${json}.tmp`, json);
  return [json];
}
