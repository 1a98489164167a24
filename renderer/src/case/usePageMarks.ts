// What a page shows beside its words: the backend's offsets re-anchored on the text as
// corrected, where each word sits in the text, the lit words, and every mark drawn on
// the image (entities, the opened hit, findings' evidence, notes) as boxes on its words,
// one per line (shared/word-boxes.ts), and the runs of text the side panel draws.
import { useMemo } from 'react';
import { alignRange, boxesOf, segmentText, wordRanges } from './words';
import type { Range } from './words';
import type { BBox, PageView } from '../../../shared/api';
import type { EntityType } from '../../../shared/vocab';

/** What to light up when its page is shown: a search hit, a finding's evidence, a mention. */
export interface Highlight {
  fileId: number;
  page: number;
  text: string;
  start?: number | undefined;
  end?: number | undefined;
  bbox?: BBox | null | undefined;
}

/** What is drawn over the page besides its words, in the raster's pixels. */
export interface PageMarks {
  ranges: Range[];
  /** The opened hit or reference: a box per line it runs over. */
  hit: BBox[];
  entities: { type: EntityType; text: string; boxes: BBox[] }[];
  evidence: { key: string; text: string; boxes: BBox[] }[];
  notes: { id: number; note: string; boxes: BBox[] }[];
}

const NO_MARKS: PageMarks = { ranges: [], hit: [], entities: [], evidence: [], notes: [] };

/** The boxes of a range on the page; the backend's single box where the page has no words. */
function boxesOn(
  view: PageView,
  ranges: readonly Range[],
  start: number | undefined,
  end: number | undefined,
  fallback?: BBox | null,
): BBox[] {
  if (start !== undefined && end !== undefined && end > start && view.words.length > 0) {
    const boxes = boxesOf(start, end, view.words, ranges);
    if (boxes.length > 0) return boxes;
  }
  return fallback ? [fallback] : [];
}

export function usePageMarks(view: PageView | null, highlight: Highlight | null) {
  const shown = useMemo<PageView | null>(() => {
    if (!view || !view.corrections?.length) return view;
    return {
      ...view,
      mentions: (view.mentions ?? []).map((m) => ({ ...m, ...alignRange(view.text, m.start, m.end, m.text) })),
      findings: (view.findings ?? []).map((f) =>
        f.start !== undefined && f.end !== undefined ? { ...f, ...alignRange(view.text, f.start, f.end, f.text) } : f,
      ),
      annotations: (view.annotations ?? []).map((a) =>
        a.start !== null && a.end !== null ? { ...a, ...alignRange(view.text, a.start, a.end, a.text) } : a,
      ),
    };
  }, [view]);
  const ranges = useMemo(() => (view ? wordRanges(view.text, view.words) : []), [view]);

  // The highlight shows only on its own page; a reference without offsets is found by its words.
  const lit = useMemo<{ range: Range | null; boxes: BBox[] } | null>(() => {
    if (!highlight || !view || highlight.fileId !== view.fileId || highlight.page !== view.page) return null;
    let start = highlight.start;
    let end = highlight.end;
    if (start !== undefined && end !== undefined) ({ start, end } = alignRange(view.text, start, end, highlight.text));
    else if (highlight.text) {
      const at = view.text.indexOf(highlight.text.trim());
      if (at >= 0) {
        start = at;
        end = at + highlight.text.trim().length;
      }
    }
    const range = start !== undefined && end !== undefined && end > start ? { start, end } : null;
    // The words' own boxes first: the same measure as every other mark on the page.
    return { range, boxes: boxesOn(view, ranges, range?.start, range?.end, highlight.bbox) };
  }, [highlight, view, ranges]);

  const spans = useMemo(() => (shown ? segmentText(shown, ranges, lit?.range ?? null) : []), [shown, ranges, lit]);
  const marks = useMemo<PageMarks>(() => {
    if (!shown) return NO_MARKS;
    return {
      ranges,
      hit: lit?.boxes ?? [],
      entities: (shown.mentions ?? []).map((m) => ({ type: m.type, text: m.text, boxes: boxesOn(shown, ranges, m.start, m.end, m.bbox) })),
      evidence: (shown.findings ?? []).map((f) => ({ key: f.key, text: f.text, boxes: boxesOn(shown, ranges, f.start, f.end, f.bbox) })),
      notes: (shown.annotations ?? []).flatMap((a) =>
        a.kind === 'bookmark' || a.start === null || a.end === null
          ? []
          : [{ id: a.id, note: a.note, boxes: boxesOn(shown, ranges, a.start, a.end) }],
      ),
    };
  }, [shown, ranges, lit]);
  return { shown, ranges, lit, spans, marks };
}
