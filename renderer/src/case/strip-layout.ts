// Where each page sits in the continuous strip: pages of their own heights one under the
// other, a wider gap where a new file begins, and which pages a scroll offset shows. Pure,
// so the strip's arithmetic can be tested without a browser.
import type { Slot } from './volume';

export const PAD = 16;
export const GAP = 16;
/** Room above a file's first page for its name. */
export const FILE_GAP = 40;

export interface StripLayout {
  tops: number[];
  heights: number[];
  /** The strip's full height, padding included. */
  total: number;
}

export function slotKey(s: { fileId: number; page: number }): string {
  return `${s.fileId}:${s.page}`;
}

/** Slots stacked from the top; heightOf gives each page's height at the strip's width. */
export function layoutOf(slots: readonly Slot[], heightOf: (slot: Slot) => number): StripLayout {
  const tops: number[] = new Array<number>(slots.length);
  const heights: number[] = new Array<number>(slots.length);
  let y = PAD;
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i] as Slot;
    if (i > 0) y += s.fileId !== (slots[i - 1] as Slot).fileId ? FILE_GAP : GAP;
    const h = heightOf(s);
    tops[i] = y;
    heights[i] = h;
    y += h;
  }
  return { tops, heights, total: y + PAD };
}

/** The slot at a height in the strip: the last one starting at or above it (0 above the first). */
export function indexAt(layout: StripLayout, y: number): number {
  let lo = 0;
  let hi = layout.tops.length - 1;
  if (hi < 0) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((layout.tops[mid] as number) <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The slots a viewport [top, bottom) shows, and the one that fills most of it. */
export function inView(layout: StripLayout, top: number, bottom: number): { first: number; last: number; most: number } {
  const first = indexAt(layout, top);
  if (first < 0) return { first: -1, last: -1, most: -1 };
  let last = first;
  let most = first;
  let best = -1;
  for (let i = first; i < layout.tops.length; i++) {
    const t = layout.tops[i] as number;
    if (t >= bottom) break;
    last = i;
    const shown = Math.min(bottom, t + (layout.heights[i] as number)) - Math.max(top, t);
    if (shown > best) {
      best = shown;
      most = i;
    }
  }
  return { first, last, most };
}

/** The slots to mount: those in view and `overscan` either side, and the current one wherever it is. */
export function mountedOf(shown: { first: number; last: number }, count: number, current: number, overscan: number): number[] {
  const out: number[] = [];
  if (shown.first >= 0) {
    const from = Math.max(0, shown.first - overscan);
    const to = Math.min(count - 1, shown.last + overscan);
    for (let i = from; i <= to; i++) out.push(i);
  }
  if (current >= 0 && current < count && !out.includes(current)) out.push(current);
  return out;
}
