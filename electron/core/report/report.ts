// The exported review report (report.pdf + report.docx), built from review.json.
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { ReviewJson } from '../../../shared/review.js';
import { writeReportDocx } from './docx.js';
import { findCjkFont, type CjkFont } from './fonts.js';
import { buildReportModel, type ReportOptions } from './model.js';
import { writeReportPdf } from './pdf.js';

export { buildReportModel, type ReportModel, type ReportOptions } from './model.js';
export { renderReportHtml } from './html.js';
export { findCjkFont, MissingCjkFontError, type CjkFont } from './fonts.js';

export type WriteReportOptions = ReportOptions & {
  /** The CJK font for the PDF; found on the machine when not given. */
  font?: CjkFont;
};

/** Writes report.pdf and report.docx into outDir, each written whole then renamed into place. */
export async function writeReport(review: ReviewJson, outDir: string, opts: WriteReportOptions): Promise<{ pdf: string; docx: string }> {
  // Look for the font first: without one there is no PDF, and saying so beats half the output.
  const font = opts.font ?? findCjkFont();
  const now = opts.now ?? new Date();
  const model = buildReportModel(review, { ...opts, now });
  await fsp.mkdir(outDir, { recursive: true });
  const pdf = path.join(outDir, 'report.pdf');
  const docx = path.join(outDir, 'report.docx');
  await writeReportPdf(model, `${pdf}.tmp`, font, now);
  await writeReportDocx(model, `${docx}.tmp`);
  await fsp.rename(`${pdf}.tmp`, pdf);
  await fsp.rename(`${docx}.tmp`, docx);
  return { pdf, docx };
}
