// The continuous strip's state: where every page sits (its measured height, or an estimate
// from the pages seen so far), which pages are near enough to the viewport to mount, and
// which page fills most of it, the reader's current page. The scroll is read once a frame
// and only a change of page goes out, so the case view re-renders per page, not per pixel.
// The strip keeps its place when heights change under it (a page measured, a zoom): it is
// anchored on the page at the viewport's top and how far into it the reader is.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { GAP, inView, layoutOf, mountedOf, slotKey } from './strip-layout';
import type { Position } from './reading-order';
import type { Slot } from './volume';

/** Pages mounted either side of those in view. */
const OVERSCAN = 2;
/** A sheet of paper (A4) until a page of the case has been measured. */
const DEFAULT_ASPECT = 1.414;
const LINE = 60;

/** The strip driven from outside: the keyboard, a page asked for again, the review's progress. */
export interface StripHandle {
  /** The running review read a page: if it is mounted, its words are asked for again. */
  pageRead(sha256: string, page: number): void;
  scroll(kind: 'page' | 'line', dir: 1 | -1): void;
  /** Back to the top of a page asked for again while it is already the current one. */
  reveal(pos: Position): void;
}

interface Args {
  slots: readonly Slot[];
  /** The page asked for: scrolled to unless the strip itself reported it. */
  at: Position | null;
  /** The pages' width in CSS pixels; 0 until the viewport has been measured. */
  width: number;
  onCurrent(pos: Position): void;
}

export function useStrip({ slots, at, width, onCurrent }: Args) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // Height over width of each page measured so far; '*' the first one, the estimate for the rest.
  const [aspects, setAspects] = useState<ReadonlyMap<string, number>>(() => new Map());
  const [shown, setShown] = useState({ first: -1, last: -1 });
  const fallback = aspects.get('*') ?? DEFAULT_ASPECT;
  const layout = useMemo(
    () => layoutOf(slots, (s) => Math.max(1, Math.round(width * (aspects.get(slotKey(s)) ?? fallback)))),
    [slots, width, aspects, fallback],
  );
  const index = useMemo(() => new Map(slots.map((s, i) => [slotKey(s), i])), [slots]);

  const live = useRef({ layout, slots, onCurrent });
  live.current = { layout, slots, onCurrent };
  /** The page at the viewport's top and how far into it, in its heights. */
  const anchor = useRef<{ index: number; frac: number } | null>(null);
  /** The page follows the scroll only once the reader moved it; a jump is not undone by its own landing. */
  const followed = useRef(false);
  /** The page last reported, and those reported whose arrival back as `at` is still due. */
  const last = useRef<string | null>(null);
  const due = useRef<string[]>([]);
  /** The page asked for that the strip has dealt with. */
  const settled = useRef<string | null>(null);

  const measure = useCallback((key: string, aspect: number) => {
    if (!Number.isFinite(aspect) || aspect <= 0) return;
    setAspects((prev) => {
      const old = prev.get(key);
      if (old !== undefined && Math.abs(old - aspect) < 0.002) return prev;
      const next = new Map(prev);
      next.set(key, aspect);
      if (!next.has('*')) next.set('*', aspect);
      return next;
    });
  }, []);

  const sync = useCallback(() => {
    const el = scrollRef.current;
    const { layout: l, slots: s, onCurrent: report } = live.current;
    if (!el) return;
    const v = inView(l, el.scrollTop, el.scrollTop + el.clientHeight);
    if (v.first < 0) return;
    setShown((r) => (r.first === v.first && r.last === v.last ? r : { first: v.first, last: v.last }));
    anchor.current = { index: v.first, frac: (el.scrollTop - (l.tops[v.first] ?? 0)) / Math.max(1, l.heights[v.first] ?? 1) };
    const most = s[v.most];
    if (!followed.current || !most) return;
    const key = slotKey(most);
    if (last.current === key) return;
    last.current = key;
    due.current = [...due.current, key].slice(-8);
    report({ fileId: most.fileId, page: most.page });
  }, []);

  /** Scrolls to a height in the strip, as the strip's own move: the page does not follow it. */
  const place = useCallback(
    (i: number, y: number) => {
      const el = scrollRef.current;
      const l = live.current.layout;
      if (!el) return;
      followed.current = false;
      anchor.current = { index: i, frac: (y - (l.tops[i] ?? 0)) / Math.max(1, l.heights[i] ?? 1) };
      el.scrollTop = y;
      sync();
    },
    [sync],
  );

  const hold = useCallback(() => {
    followed.current = false;
  }, []);

  /** The reader acted on a page beside the current one: it becomes current where it is. */
  const adopt = useCallback((i: number) => {
    const s = live.current.slots[i];
    if (!s) return;
    const key = slotKey(s);
    last.current = key;
    due.current = [...due.current, key].slice(-8);
    live.current.onCurrent({ fileId: s.fileId, page: s.page });
  }, []);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    let frame = 0;
    const onScroll = (): void => {
      if (!frame)
        frame = requestAnimationFrame(() => {
          frame = 0;
          sync();
        });
    };
    const byReader = (): void => {
      followed.current = true;
    };
    const observer = new ResizeObserver(onScroll);
    observer.observe(el);
    el.addEventListener('scroll', onScroll, { passive: true });
    el.addEventListener('wheel', byReader, { passive: true });
    el.addEventListener('touchstart', byReader, { passive: true });
    el.addEventListener('pointerdown', byReader);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      el.removeEventListener('scroll', onScroll);
      el.removeEventListener('wheel', byReader);
      el.removeEventListener('touchstart', byReader);
      el.removeEventListener('pointerdown', byReader);
    };
  }, [sync]);

  // Heights changed (a page measured, a zoom, the window resized): the anchor stays put.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const a = anchor.current;
    if (!el || !a || width === 0) return;
    const top = layout.tops[a.index];
    if (top === undefined) return;
    const y = Math.round(top + a.frac * (layout.heights[a.index] ?? 0));
    if (Math.abs(el.scrollTop - y) >= 1) {
      const follow = followed.current;
      el.scrollTop = y;
      sync();
      followed.current = follow;
    }
  }, [layout, width, sync]);

  // A page asked for from outside (the jump box, a thumbnail, a hit, a reload) is scrolled to.
  const atKey = at ? slotKey(at) : null;
  const ready = width > 0;
  useLayoutEffect(() => {
    // Only a change of page moves the strip; the case's files reloading does not.
    if (!atKey || !ready || settled.current === atKey) return;
    // The strip's own reports come back in order; one arriving settles those before it.
    const mine = due.current.indexOf(atKey);
    if (mine >= 0) {
      due.current = due.current.slice(mine + 1);
      settled.current = atKey;
      return;
    }
    const i = index.get(atKey);
    if (i === undefined) return;
    settled.current = atKey;
    due.current = [];
    last.current = atKey;
    place(i, Math.max(0, (live.current.layout.tops[i] ?? 0) - GAP / 2));
  }, [atKey, ready, index, place]);

  const handle = useMemo<Omit<StripHandle, 'pageRead'>>(
    () => ({
      scroll(kind, dir) {
        const el = scrollRef.current;
        if (!el) return;
        followed.current = true;
        el.scrollBy({ top: dir * (kind === 'page' ? Math.max(LINE, el.clientHeight - 48) : LINE) });
      },
      reveal(pos) {
        const i = index.get(slotKey(pos));
        if (i !== undefined) place(i, Math.max(0, (live.current.layout.tops[i] ?? 0) - GAP / 2));
      },
    }),
    [index, place],
  );

  const current = atKey ? (index.get(atKey) ?? -1) : -1;
  const mounted = useMemo(() => mountedOf(shown, slots.length, current, OVERSCAN), [shown, slots.length, current]);

  return { scrollRef, layout, mounted, current, measure, hold, adopt, handle };
}
