// Where the reviewer is inside a case: the view, the page, the words lit on it, the
// side tab and the person open beside it. The whole of it is the address of a place,
// so it can be kept in the URL, restored after a reload and stepped back to.
import type { PageRef } from '../../../shared/api';

export const MAIN_TABS = ['read', 'timeline', 'findings', 'compare', 'graph', 'history'] as const;
export type MainTab = (typeof MAIN_TABS)[number];
export const SIDE_TABS = ['text', 'entities', 'findings', 'notes'] as const;
export type SideTab = (typeof SIDE_TABS)[number];

export interface CasePlace {
  tab: MainTab;
  side: SideTab;
  fileId: number | null;
  page: number | null;
  /** The document the page belongs to, as the catalogue names it (kept for a reader of the URL). */
  doc: string | null;
  /** Offsets in the page text of the words lit on the page. */
  sel: { start: number; end: number } | null;
  entity: string | null;
}

export const EMPTY_PLACE: CasePlace = { tab: 'read', side: 'text', fileId: null, page: null, doc: null, sel: null, entity: null };

/** A page reference (a hit, a piece of evidence, a mention) as a place to open. */
export function placeOfRef(ref: PageRef, base: CasePlace = EMPTY_PLACE): CasePlace {
  return {
    ...base,
    tab: 'read',
    fileId: ref.fileId,
    page: ref.page,
    doc: ref.document,
    sel: ref.start !== undefined && ref.end !== undefined && ref.end > ref.start ? { start: ref.start, end: ref.end } : null,
  };
}

export function samePlace(a: CasePlace, b: CasePlace): boolean {
  return (
    a.tab === b.tab &&
    a.side === b.side &&
    a.fileId === b.fileId &&
    a.page === b.page &&
    a.doc === b.doc &&
    a.entity === b.entity &&
    (a.sel?.start ?? -1) === (b.sel?.start ?? -1) &&
    (a.sel?.end ?? -1) === (b.sel?.end ?? -1)
  );
}
