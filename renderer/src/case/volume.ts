// The case as one volume: every page in reading order, which of them a scrolled strip
// shows, and a search's hits in the same order. Pure, so the rail and the hit walk can be
// tested without a browser.
import type { CaseFile, SearchHit } from '../../../shared/api';

export interface Slot {
  fileId: number;
  sha256: string;
  file: string;
  page: number;
}

/** Every page of the case in reading order: file after file, as paging runs. */
export function slotsOf(files: readonly CaseFile[]): Slot[] {
  return files.flatMap((f) =>
    f.sha256 ? Array.from({ length: f.pages }, (_, i) => ({ fileId: f.id, sha256: f.sha256 as string, file: f.path, page: i + 1 })) : [],
  );
}

/** The slots [first, last) a strip of equal slots shows at a scroll offset, with `overscan` more either side. */
export function visibleSlots(top: number, height: number, slot: number, count: number, overscan: number): { first: number; last: number } {
  const first = Math.max(0, Math.floor(top / slot) - overscan);
  const last = Math.min(count, Math.ceil((top + height) / slot) + overscan);
  return { first, last: Math.max(first, last) };
}

/** The hits of one case in reading order: file by file, page by page, then by place on the page. */
export function hitsInOrder(hits: readonly SearchHit[], caseId: string, files: readonly CaseFile[]): SearchHit[] {
  const order = new Map(files.map((f, i) => [f.id, i]));
  return hits
    .filter((h) => h.caseId === caseId && order.has(h.fileId))
    .sort(
      (a, b) =>
        (order.get(a.fileId) ?? 0) - (order.get(b.fileId) ?? 0) || a.page - b.page || (a.pageStart ?? a.start) - (b.pageStart ?? b.start),
    );
}
