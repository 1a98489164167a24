// Exported files leave the browser bridge as downloads (the desktop app saves them where the
// reviewer chose instead). Only files an export of this bridge wrote may be fetched, so the
// address cannot be turned into a reader of any file on the machine.
import path from 'node:path';

/** What the browser saves a file as: the export folder's name (the case and when) and what the file is. */
export function downloadName(file: string): string {
  const folder = path.basename(path.dirname(file));
  const base = path.basename(file);
  const what = base === 'review.json' ? 'review.json' : base.replace(/^report\./, '审查报告.');
  return folder ? `${folder}-${what}` : what;
}

/**
 * A Content-Disposition a browser reads in Chinese (RFC 6266/5987's filename*), with a plain
 * ASCII name for any that do not; quotes, backslashes and line breaks never reach the header.
 */
export function contentDisposition(name: string): string {
  const ascii = name
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_')
    .replace(/_+/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export const DOWNLOAD_MIME: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.json': 'application/json; charset=utf-8',
};
