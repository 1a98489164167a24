// The reading desk by keyboard, as a reviewer pages through paper: j/k or PageDown/Up
// for pages, n/p for documents, f for the next finding, / to search, Esc to put away
// whatever is open, innermost first.
import { useEffect, useRef } from 'react';

export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export interface ReaderKeys {
  /** Only the reading view pages; the other views have keys of their own. */
  reading: boolean;
  focusSearch(select: boolean): void;
  /** Closes the innermost open thing; false when nothing was open. */
  escape(): boolean;
  step(delta: 1 | -1): void;
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
      switch (e.key) {
        case 'PageDown':
        case 'j':
          k.step(1);
          break;
        case 'PageUp':
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
