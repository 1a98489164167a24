import fsp from 'node:fs/promises';
import path from 'node:path';
import type { ReviewJson } from '../../../shared/review.js';
import type { CaseStore } from '../store/case-store.js';
import type { ReportLocale } from './labels.js';
import type { ReportAnnotation, ReportAudit } from './model.js';
import { writeReport } from './report.js';
import { APP_VERSION } from './review-json.js';
import { faultPoint } from '../pipeline/fault.js';

export interface ReviewOutputOptions {
  locale?: ReportLocale;
  reviewer?: string;
  /** Add the case's history (the audit trail) to the report. */
  includeAudit?: boolean;
}

// One name in a folder is at most 255 bytes on Linux and macOS (255 UTF-16 units on Windows,
// never more than the bytes): a case folder named with 85 Chinese characters is already 255.
const NAME_MAX_BYTES = 255;

/**
 * The export folder's name: the case's name, made safe for every file system and for the
 * eye, then cut (by bytes, never inside a character) so that "-<stamp>" still fits.
 */
export function exportFolderName(caseName: string, stamp: string): string {
  const suffix = `-${stamp}`;
  // Characters Windows refuses, and controls and invisible format characters (a right-to-left
  // override would show the folder's name reversed in a file manager).
  let base = caseName.replace(/[\\/:*?"<>|\p{Cc}\p{Cf}\u2028\u2029]/gu, '_');
  const room = NAME_MAX_BYTES - Buffer.byteLength(suffix);
  if (Buffer.byteLength(base) > room) {
    let bytes = 0;
    let cut = '';
    for (const ch of base) {
      bytes += Buffer.byteLength(ch);
      if (bytes > room) break;
      cut += ch;
    }
    base = cut;
  }
  // Windows drops trailing dots and spaces, and a name of dots alone is a path step.
  base = base.replace(/[. ]+$/, '');
  if (base === '') base = 'case';
  return `${base}${suffix}`;
}

/** Writes review.json, report.pdf and report.docx into the output folder. */
export async function writeReviewOutputs(
  review: ReviewJson,
  outDir: string,
  store: CaseStore,
  opts: ReviewOutputOptions = {},
): Promise<string[]> {
  await fsp.mkdir(outDir, { recursive: true });
  const json = path.join(outDir, 'review.json');
  // Write then rename: a reader never sees half a file.
  await fsp.writeFile(`${json}.tmp`, JSON.stringify(review, null, 2));
  await fsp.rename(`${json}.tmp`, json);
  faultPoint('report', 1);
  const report = await writeReport(review, outDir, {
    locale: opts.locale ?? 'zh-CN',
    reviewer: opts.reviewer,
    appVersion: review.generator?.version ?? APP_VERSION,
    annotations: reportAnnotations(review, store),
    ...(opts.includeAudit ? { audit: reportAudit(review, store) } : {}),
  });
  return [json, report.pdf, report.docx];
}

/** The case's history for the report: each action with who and when, and whether the chain holds. */
function reportAudit(review: ReviewJson, store: CaseStore): ReportAudit {
  return {
    verified: store.verifyAudit().ok,
    entries: store.listAudit(review.case.id).map((e) => ({ at: e.at, actor: e.actor, action: e.action, detail: e.detail ?? {} })),
  };
}

/** The reviewer's notes on pages, each placed in the document whose pages hold it. */
function reportAnnotations(review: ReviewJson, store: CaseStore): ReportAnnotation[] {
  return store
    .listAnnotations(review.case.id)
    .filter((a) => a.note.trim() !== '' || (a.text ?? '').trim() !== '')
    .map((a) => {
      const file = store.getFileById(a.file_id)?.path ?? '';
      const doc = review.documents.find((d) => d.file === file && d.pageFrom <= a.page_no && a.page_no <= d.pageTo);
      const out: ReportAnnotation = { file, page: a.page_no, note: a.note };
      if (doc) out.document = doc.id;
      if (a.text) out.text = a.text;
      return out;
    });
}
