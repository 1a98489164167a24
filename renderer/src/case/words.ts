// Where each OCR word sits in the page text, and the marks a run of text carries.
// Kept free of React so the layering logic can be reasoned about (and tested) alone.
import type { Annotation, BBox, OcrWord, PageView } from '../../../shared/api';
import { boxesFor, wordRanges } from '../../../shared/word-boxes';
import type { TextRange } from '../../../shared/word-boxes';
import type { EntityType } from '../../../shared/vocab';

import { LOW_CONFIDENCE, normalisedConfidence } from '../../../shared/confidence';

export { LOW_CONFIDENCE, normalisedConfidence };

export type Range = TextRange;

/** Character ranges of OCR words in the page text: the backend's measure (shared/word-boxes.ts). */
export { wordRanges };

/** The boxes on the image of text [start, end), one per line; empty when no word there has a box. */
export function boxesOf(start: number, end: number, words: readonly OcrWord[], ranges: readonly Range[]): BBox[] {
  return boxesFor(start, end, words, ranges);
}

export interface Mention {
  start: number;
  end: number;
  type: EntityType;
  entity: string;
  text: string;
}

/** A run of page text with the same marks. */
export interface Span {
  start: number;
  end: number;
  text: string;
  /** Index of the OCR word this run belongs to, or -1. */
  word: number;
  low: boolean;
  corrected: boolean;
  mention: Mention | null;
  hit: boolean;
  annotation: Annotation | null;
}

/**
 * Splits the page text at every boundary of a word, a mention, the highlighted hit and
 * an annotation, so each run can be rendered with exactly the marks that cover it.
 */
export function segmentText(view: PageView, ranges: readonly Range[], hit: Range | null): Span[] {
  const text = view.text;
  const cuts = new Set<number>([0, text.length]);
  const add = (r: { start: number | null; end: number | null }): void => {
    if (r.start === null || r.end === null || r.start < 0) return;
    cuts.add(Math.max(0, Math.min(text.length, r.start)));
    cuts.add(Math.max(0, Math.min(text.length, r.end)));
  };
  ranges.forEach(add);
  for (const m of view.mentions ?? []) add(m);
  if (hit) add(hit);
  const marked = (view.annotations ?? []).filter((a) => a.kind !== 'bookmark' && a.start !== null && a.end !== null && a.end > a.start);
  marked.forEach(add);
  const corrected = new Set((view.corrections ?? []).map((c) => c.wordIndex));
  const sorted = [...cuts].sort((a, b) => a - b);

  // Words are in reading order, so one pointer walks them alongside the cuts.
  const order = ranges
    .map((r, i) => ({ r, i }))
    .filter((x) => x.r.start >= 0 && x.r.end > x.r.start)
    .sort((a, b) => a.r.start - b.r.start);
  const mentions = [...(view.mentions ?? [])].sort((a, b) => a.start - b.start);
  let wp = 0;
  const spans: Span[] = [];
  for (let k = 0; k + 1 < sorted.length; k++) {
    const start = sorted[k] ?? 0;
    const end = sorted[k + 1] ?? start;
    if (end <= start) continue;
    while (wp < order.length && (order[wp]?.r.end ?? 0) <= start) wp++;
    const w = order[wp];
    const word = w && w.r.start <= start && w.r.end >= end ? w.i : -1;
    const mention = mentions.find((m) => m.start <= start && m.end >= end) ?? null;
    spans.push({
      start,
      end,
      text: text.slice(start, end),
      word,
      low: word >= 0 && normalisedConfidence(view.words[word]?.confidence ?? 1) < LOW_CONFIDENCE,
      corrected: word >= 0 && corrected.has(word),
      mention,
      hit: hit !== null && hit.start <= start && hit.end >= end,
      annotation: marked.find((a) => (a.start ?? 0) <= start && (a.end ?? 0) >= end) ?? null,
    });
  }
  return spans;
}

/** Offset in the page text of a DOM position inside an element carrying data-start. */
function offsetOf(node: Node | null, offset: number): number | null {
  let el: Node | null = node;
  while (el && !(el instanceof HTMLElement && el.dataset.start !== undefined)) el = el.parentNode;
  if (!(el instanceof HTMLElement)) return null;
  const base = Number(el.dataset.start);
  const len = Number(el.dataset.len ?? el.textContent?.length ?? 0);
  if (!Number.isFinite(base)) return null;
  // An element (not a text node) as the anchor means "before/after child n": clamp to its ends.
  const inner = node === el || node?.nodeType !== Node.TEXT_NODE ? (offset === 0 ? 0 : len) : Math.min(offset, len);
  return base + inner;
}

/** The page-text range the reader selected inside root, or null. */
export function selectionRange(root: HTMLElement | null): Range | null {
  const sel = window.getSelection();
  if (!root || !sel || sel.isCollapsed || sel.rangeCount === 0) return null;
  const r = sel.getRangeAt(0);
  if (!root.contains(r.startContainer) || !root.contains(r.endContainer)) return null;
  const a = offsetOf(r.startContainer, r.startOffset);
  const b = offsetOf(r.endContainer, r.endOffset);
  if (a === null || b === null) return null;
  const start = Math.min(a, b);
  const end = Math.max(a, b);
  return end > start ? { start, end } : null;
}

/**
 * Puts a range back on the words it names. Offsets from the backend's mentions, hits
 * and evidence are taken on the text as first read; once a reviewer corrects a word
 * to a different length, later offsets on the page drift. The nearest occurrence of
 * the expected words wins; a range that already matches (or words that are gone) is
 * left as it is.
 */
export function alignRange(text: string, start: number, end: number, expected: string | null | undefined): Range {
  const want = expected?.trim() ?? '';
  if (!want || text.slice(start, end) === want) return { start, end };
  let best = -1;
  for (let at = text.indexOf(want); at >= 0; at = text.indexOf(want, at + 1)) {
    if (best < 0 || Math.abs(at - start) < Math.abs(best - start)) best = at;
  }
  return best >= 0 && Math.abs(best - start) <= 200 ? { start: best, end: best + want.length } : { start, end };
}
