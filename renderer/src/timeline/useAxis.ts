// The time axis as the reviewer moves it: its width, the span shown, wheel zoom about the
// pointer, drag to pan (a click stays a click until the pointer has moved).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PointerEvent as ReactPointerEvent, RefObject } from 'react';
import { DAY, HOUR, MINUTE } from './time';
import { LABEL_W } from './model';

const MIN_SPAN = 30 * MINUTE;
const MAX_SPAN = 3 * 365 * DAY;

function useWidth<T extends HTMLElement>(): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver((entries) => setWidth(Math.floor(entries[0]?.contentRect.width ?? 0)));
    ro.observe(el);
    setWidth(Math.floor(el.getBoundingClientRect().width));
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}

export interface Span {
  start: number;
  span: number;
}

export function fitView(range: { min: number; max: number }): Span {
  const span = Math.max(range.max - range.min, 6 * HOUR);
  return { start: range.min - span * 0.04, span: span * 1.08 };
}

export function useAxis(focus: { min: number; max: number }, onDragStart: () => void) {
  const [wrapRef, width] = useWidth<HTMLDivElement>();
  const chartW = Math.max(200, width - LABEL_W);
  const [view, setView] = useState(() => fitView(focus));
  useEffect(() => setView(fitView(focus)), [focus]);
  const msPerPx = view.span / chartW;

  const zoomAt = useCallback(
    (factor: number, px?: number) => {
      setView((v) => {
        const span = Math.min(MAX_SPAN, Math.max(MIN_SPAN, v.span * factor));
        const anchorFrac = px === undefined ? 0.5 : Math.min(1, Math.max(0, (px - LABEL_W) / chartW));
        const anchor = v.start + v.span * anchorFrac;
        return { start: anchor - span * anchorFrac, span };
      });
    },
    [chartW],
  );

  // Wheel zoom must cancel the page scroll, which React's passive wheel listener cannot.
  const svgRef = useRef<SVGSVGElement>(null);
  useEffect(() => {
    const el = svgRef.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      if (e.ctrlKey || Math.abs(e.deltaY) >= Math.abs(e.deltaX)) {
        const rect = el.getBoundingClientRect();
        zoomAt(Math.exp(e.deltaY * 0.0015), e.clientX - rect.left);
      } else {
        setView((v) => ({ ...v, start: v.start + e.deltaX * (v.span / chartW) }));
      }
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [zoomAt, chartW, width]);

  const drag = useRef<{ x: number; start: number; moved: boolean; id: number } | null>(null);
  const dragged = useRef(false);
  const pointer = {
    onPointerDown(e: ReactPointerEvent<SVGSVGElement>) {
      if (e.button !== 0) return;
      drag.current = { x: e.clientX, start: view.start, moved: false, id: e.pointerId };
      dragged.current = false;
    },
    onPointerMove(e: ReactPointerEvent<SVGSVGElement>) {
      const d = drag.current;
      if (!d) return;
      const dx = e.clientX - d.x;
      if (!d.moved && Math.abs(dx) > 3) {
        d.moved = true;
        dragged.current = true;
        // Captured only once it is a drag, so a plain click still reaches the mark under it.
        e.currentTarget.setPointerCapture(d.id);
        onDragStart();
      }
      if (d.moved) setView((v) => ({ ...v, start: d.start - dx * (v.span / chartW) }));
    },
    onPointerUp(e: ReactPointerEvent<SVGSVGElement>) {
      const d = drag.current;
      if (d?.moved && e.currentTarget.hasPointerCapture(d.id)) e.currentTarget.releasePointerCapture(d.id);
      drag.current = null;
    },
  };

  return {
    wrapRef,
    svgRef,
    width,
    chartW,
    view,
    setView,
    msPerPx,
    zoomAt,
    pointer,
    /** The pointer is panning: tips and clicks wait. */
    dragging: () => drag.current?.moved === true,
    /** The last press was a drag, not a click. */
    wasDrag: () => dragged.current,
    x: (ms: number) => LABEL_W + (ms - view.start) / msPerPx,
  };
}
