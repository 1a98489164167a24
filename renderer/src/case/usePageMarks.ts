// What a page shows beside its words: the backend's offsets re-anchored on the text as
// corrected, where each word sits in the text, the lit words (and their box on the
// image), and the runs of text the side panel draws.
import { useMemo } from 'react';
import { alignRange, boxOf, segmentText, wordRanges } from './words';
import type { Range } from './words';
import type { PageMarks } from './PageViewer';
import type { BBox, PageView } from '../../../shared/api';

/** What to light up when its page is shown: a search hit, a finding's evidence, a mention. */
export interface Highlight {
  fileId: number;
  page: number;
  text: string;
  start?: number | undefined;
  end?: number | undefined;
  bbox?: BBox | null | undefined;
}

export function usePageMarks(view: PageView | null, highlight: Highlight | null) {
  const shown = useMemo<PageView | null>(() => {
    if (!view || !view.corrections?.length) return view;
    return {
      ...view,
      mentions: (view.mentions ?? []).map((m) => ({ ...m, ...alignRange(view.text, m.start, m.end, m.text) })),
      annotations: (view.annotations ?? []).map((a) =>
        a.start !== null && a.end !== null ? { ...a, ...alignRange(view.text, a.start, a.end, a.text) } : a,
      ),
    };
  }, [view]);
  const ranges = useMemo(() => (view ? wordRanges(view.text, view.words) : []), [view]);

  // The highlight shows only on its own page; a reference without offsets is found by its words.
  const lit = useMemo<{ range: Range | null; bbox: BBox | null } | null>(() => {
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
    const bbox = (range && view.words.length > 0 ? boxOf(range.start, range.end, view.words, ranges) : null) ?? highlight.bbox ?? null;
    return { range, bbox };
  }, [highlight, view, ranges]);

  const spans = useMemo(() => (shown ? segmentText(shown, ranges, lit?.range ?? null) : []), [shown, ranges, lit]);
  const marks = useMemo<PageMarks>(() => ({ ranges, hit: lit?.bbox ?? null, entities: true }), [ranges, lit]);
  return { shown, ranges, lit, spans, marks };
}
