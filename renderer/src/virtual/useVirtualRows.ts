// A long list (a 1,000-page case's catalogue, thousands of findings or search hits) keeps only
// the rows in view in the DOM, so scrolling stays smooth whatever its length. Rows may differ in
// height: each is measured once rendered (ResizeObserver), estimated before. Written here rather
// than taken from a library: it is small, and STACK.md names no list library for this stack.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { rowOffsets, scrollToShow, visibleRows } from './rows';

export interface VirtualRow {
  index: number;
  key: string;
  top: number;
}

interface Options {
  count: number;
  /** A stable key per row: measured heights follow the row, not its position. */
  keyOf(index: number): string;
  /** Height before a row is measured (a fixed-height list never needs more). */
  estimate: number;
  overscan?: number;
  /** The element that scrolls (the list's own box). */
  scrollRef: RefObject<HTMLElement | null>;
}

export interface VirtualRows {
  rows: VirtualRow[];
  totalHeight: number;
  /** Ref for a rendered row: its height is measured and kept. */
  measure(key: string): (el: HTMLElement | null) => void;
  /** Scrolls just enough to show row index (keyboard navigation over rows not in the DOM yet). */
  scrollToIndex(index: number): void;
}

export function useVirtualRows({ count, keyOf, estimate, overscan = 6, scrollRef }: Options): VirtualRows {
  const [scrollTop, setScrollTop] = useState(0);
  const [viewHeight, setViewHeight] = useState(800);
  const [measuredVersion, setMeasuredVersion] = useState(0);
  const heights = useRef(new Map<string, number>());
  const observed = useRef(new Map<string, HTMLElement>());
  const keyOfRef = useRef(keyOf);
  keyOfRef.current = keyOf;

  const observer = useMemo(
    () =>
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver((entries) => {
            let changed = false;
            for (const e of entries) {
              const key = (e.target as HTMLElement).dataset.virtualKey;
              const h = (e.target as HTMLElement).offsetHeight;
              if (key !== undefined && h > 0 && heights.current.get(key) !== h) {
                heights.current.set(key, h);
                changed = true;
              }
            }
            if (changed) setMeasuredVersion((v) => v + 1);
          }),
    [],
  );
  useEffect(() => () => observer?.disconnect(), [observer]);

  // The list's box may appear after the first render (when its data arrives) or be replaced:
  // checked after every render, listened to once per element.
  const attached = useRef<{ el: HTMLElement; detach(): void } | null>(null);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el === (attached.current?.el ?? null)) return;
    attached.current?.detach();
    attached.current = null;
    if (!el) return;
    const onScroll = () => setScrollTop(el.scrollTop);
    const resize = new ResizeObserver(() => setViewHeight(el.clientHeight));
    el.addEventListener('scroll', onScroll, { passive: true });
    resize.observe(el);
    setViewHeight(el.clientHeight || 800);
    setScrollTop(el.scrollTop);
    attached.current = {
      el,
      detach() {
        el.removeEventListener('scroll', onScroll);
        resize.disconnect();
      },
    };
  });
  useEffect(() => () => attached.current?.detach(), []);

  const offsets = useMemo(
    () => rowOffsets(count, (i) => heights.current.get(keyOfRef.current(i)) ?? estimate),
    // measuredVersion: heights (a ref) changed; keyOf is read through its ref on purpose
    [count, estimate, measuredVersion],
  );
  const { first, last } = visibleRows(offsets, scrollTop, viewHeight, overscan);
  const rows: VirtualRow[] = [];
  for (let i = first; i < last; i++) rows.push({ index: i, key: keyOf(i), top: offsets[i]! });

  // One ref callback per key, so React does not detach and re-attach every row on each render.
  const callbacks = useRef(new Map<string, (el: HTMLElement | null) => void>());
  const measure = useCallback(
    (key: string) => {
      let cb = callbacks.current.get(key);
      if (!cb) {
        cb = (el: HTMLElement | null) => {
          const before = observed.current.get(key);
          if (before && before !== el) {
            observer?.unobserve(before);
            observed.current.delete(key);
          }
          if (!el) {
            callbacks.current.delete(key);
            return;
          }
          if (before === el) return;
          el.dataset.virtualKey = key;
          observed.current.set(key, el);
          observer?.observe(el);
        };
        callbacks.current.set(key, cb);
      }
      return cb;
    },
    [observer],
  );

  const offsetsRef = useRef(offsets);
  offsetsRef.current = offsets;
  const scrollToIndex = useCallback(
    (index: number) => {
      const el = scrollRef.current;
      if (!el) return;
      const to = scrollToShow(offsetsRef.current, index, el.scrollTop, el.clientHeight);
      if (to === null) return;
      el.scrollTop = to;
      setScrollTop(to);
    },
    [scrollRef],
  );

  return { rows, totalHeight: offsets[count] ?? 0, measure, scrollToIndex };
}
