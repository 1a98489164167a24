// Which rows of a long list are in the DOM: those in view plus a margin. Kept free of React
// so it is tested alone; rows may differ in height (measured once rendered, estimated before).

/** Top of each row and, last, the height of them all: offsets[i] is row i's top, offsets[count] the total. */
export function rowOffsets(count: number, heightOf: (index: number) => number): Float64Array {
  const offsets = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) offsets[i + 1] = offsets[i]! + heightOf(i);
  return offsets;
}

/** The row whose span holds y (the last row for y past the end). */
export function rowAt(offsets: Float64Array, y: number): number {
  const count = offsets.length - 1;
  if (count <= 0) return 0;
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Rows [first, last) to render for a viewport at scrollTop of viewHeight, with overscan rows either side. */
export function visibleRows(
  offsets: Float64Array,
  scrollTop: number,
  viewHeight: number,
  overscan: number,
): { first: number; last: number } {
  const count = offsets.length - 1;
  if (count <= 0) return { first: 0, last: 0 };
  const first = Math.max(0, rowAt(offsets, Math.max(0, scrollTop)) - overscan);
  // A row starting exactly at the bottom edge is not in view yet.
  const last = Math.min(count, rowAt(offsets, scrollTop + Math.max(0, viewHeight - 0.5)) + 1 + overscan);
  return { first, last };
}

/** The scrollTop that brings row index fully into view, moving as little as possible (null: already in view). */
export function scrollToShow(offsets: Float64Array, index: number, scrollTop: number, viewHeight: number): number | null {
  const top = offsets[index];
  const bottom = offsets[index + 1];
  if (top === undefined || bottom === undefined) return null;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewHeight) return Math.max(0, bottom - viewHeight);
  return null;
}
