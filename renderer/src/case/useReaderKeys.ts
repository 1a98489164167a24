// The reading desk by keyboard, as a reviewer reads a volume: PageDown/Up and the up and
// down arrows scroll the pages, j/k and ←/→ turn one page, n/p step documents, f for the next finding, / to search, Esc to put away
// whatever is open, innermost first.
import { useEffect, useRef } from 'react';

export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Arrows belong to whatever list or panel has the focus; the pages take them from the page or the body. */
function onPages(target: EventTarget | null): boolean {
  return !(target instanceof HTMLElement) || target === document.body || target.closest('.viewer') !== null;
}

export interface ReaderKeys {
  /** Only the reading view pages; the other views have keys of their own. */
  reading: boolean;
  focusSearch(select: boolean): void;
  /** Closes the innermost open thing; false when nothing was open. */
  escape(): boolean;
  step(delta: 1 | -1): void;
  scroll(kind: 'page' | 'line', dir: 1 | -1): void;
  stepDocument(delta: 1 | -1): void;
  nextFinding(): void;
  nextHit(delta: 1 | -1): boolean;
  zoomBy(delta: number): void;
  zoomReset(): void;
  jumpToPage(): void;
}

export function useReaderKeys(keys: ReaderKeys): void {
  // The handler reads the latest callbacks without re-subscribing on every render.
  const ref = useRef(keys);
  ref.current = keys;
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const k = ref.current;
      if ((e.key === 'f' || e.key === 'F') && (e.ctrlKey || e.metaKey) && !e.altKey) {
        e.preventDefault();
        k.focusSearch(true);
        return;
      }
      if (e.key === 'F3' && k.reading) {
        if (k.nextHit(e.shiftKey ? -1 : 1)) e.preventDefault();
        return;
      }
      if (e.key === 'Escape') {
        if (k.escape()) e.preventDefault();
        return;
      }
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === '/') {
        e.preventDefault();
        k.focusSearch(false);
        return;
      }
      if (!k.reading) return;
      if (e.key.startsWith('Arrow') && !onPages(e.target)) return;
      switch (e.key) {
        case 'PageDown':
          k.scroll('page', 1);
          break;
        case 'PageUp':
          k.scroll('page', -1);
          break;
        case 'ArrowDown':
          k.scroll('line', 1);
          break;
        case 'ArrowUp':
          k.scroll('line', -1);
          break;
        case 'ArrowRight':
        case 'j':
          k.step(1);
          break;
        case 'ArrowLeft':
        case 'k':
          k.step(-1);
          break;
        case 'n':
        case ']':
          k.stepDocument(1);
          break;
        case 'p':
        case '[':
          k.stepDocument(-1);
          break;
        case 'f':
          k.nextFinding();
          break;
        case 'g':
          k.jumpToPage();
          break;
        case '+':
        case '=':
          k.zoomBy(0.25);
          break;
        case '-':
        case '_':
          k.zoomBy(-0.25);
          break;
        case '0':
          k.zoomReset();
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
