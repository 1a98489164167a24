// A selection of page words, on the scan or in the text, offers to mark it.
import { useEffect, useState } from 'react';
import type { RefObject } from 'react';
import { selectionRange } from './words';
import type { PendingSelection } from './SelectionBar';
import type { PageView } from '../../../shared/api';

export function useWordSelection(view: PageView | null, roots: readonly RefObject<HTMLElement | null>[]) {
  const [pending, setPending] = useState<PendingSelection | null>(null);
  useEffect(() => {
    let frame = 0;
    const onChange = (): void => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        let range = null;
        for (const r of roots) range ??= selectionRange(r.current);
        const sel = window.getSelection();
        if (range && sel && sel.rangeCount > 0 && view) {
          const rect = sel.getRangeAt(0).getBoundingClientRect();
          setPending({ ...range, text: view.text.slice(range.start, range.end), x: rect.left + rect.width / 2, y: rect.top });
        } else if (!(document.activeElement instanceof HTMLElement && document.activeElement.closest('.selection-bar'))) {
          setPending(null);
        }
      });
    };
    document.addEventListener('selectionchange', onChange);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', onChange);
    };
    // The roots are refs: stable objects whose current is read when the selection changes.
  }, [view]);
  return [pending, setPending] as const;
}
