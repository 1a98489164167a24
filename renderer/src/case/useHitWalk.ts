// After a search result is opened, the reader walks through every hit of that query in
// this case, page after page in reading order (F3 / Shift+F3, or the buttons), without
// going back to the list. The walk ends when the reader closes it or searches anew.
import { useCallback, useMemo, useState } from 'react';
import { hitsInOrder } from './volume';
import type { CaseFile, SearchHit } from '../../../shared/api';

export interface HitWalk {
  query: string;
  hits: SearchHit[];
  index: number;
}

export function useHitWalk(caseId: string, files: readonly CaseFile[], open: (hit: SearchHit) => void) {
  const [walk, setWalk] = useState<HitWalk | null>(null);

  const start = useCallback(
    (hit: SearchHit, hits: readonly SearchHit[], query: string) => {
      const ordered = hitsInOrder(hits, caseId, files);
      const index = ordered.findIndex(
        (h) => h.fileId === hit.fileId && h.page === hit.page && h.pageStart === hit.pageStart && h.start === hit.start,
      );
      setWalk(ordered.length > 1 && index >= 0 ? { query, hits: ordered, index } : null);
    },
    [caseId, files],
  );

  /** Opens the next or previous hit (wrapping at the ends); false when no walk is open. */
  const step = useCallback(
    (delta: 1 | -1): boolean => {
      if (!walk) return false;
      const index = (walk.index + delta + walk.hits.length) % walk.hits.length;
      const hit = walk.hits[index];
      if (!hit) return false;
      setWalk({ ...walk, index });
      open(hit);
      return true;
    },
    [walk, open],
  );

  const close = useCallback(() => setWalk(null), []);
  return useMemo(() => ({ walk, start, step, close }), [walk, start, step, close]);
}
