// The route lives in the URL: a reload returns to the same place, back and forward step
// through the places visited. Paging and settling a default replace the entry (back is
// not a page-turn undo); opening a case, a document, a view or a reference pushes one.
// The desktop app opens its window without a hash: it returns to the last place, kept
// on this machine.
import { useCallback, useEffect, useState } from 'react';
import { formatRoute, parseHash } from './route';
import type { Route } from './route';

export type { Route };

const LAST_PLACE = 'case-review.last-place';

function remember(hash: string): void {
  try {
    localStorage.setItem(LAST_PLACE, hash);
  } catch {
    // Storage can be disabled: the app then opens at the case list.
  }
}

function initialHash(): string {
  const hash = window.location.hash;
  if (hash && hash !== '#') return hash;
  // Only the desktop app restores: a browser's address is the place, and an address
  // without one is the case list.
  if (!window.caseReview) return '#/';
  try {
    const last = localStorage.getItem(LAST_PLACE);
    if (last && last.startsWith('#/')) {
      window.history.replaceState(window.history.state, '', last);
      return last;
    }
  } catch {
    // Nothing remembered.
  }
  return '#/';
}

export function useRoute(): [Route, (route: Route, how?: 'push' | 'replace') => void] {
  const [route, setRoute] = useState<Route>(() => parseHash(initialHash()));

  useEffect(() => {
    const onChange = (): void => {
      setRoute(parseHash(window.location.hash));
      remember(window.location.hash);
    };
    window.addEventListener('popstate', onChange);
    window.addEventListener('hashchange', onChange);
    return () => {
      window.removeEventListener('popstate', onChange);
      window.removeEventListener('hashchange', onChange);
    };
  }, []);

  const navigate = useCallback((next: Route, how: 'push' | 'replace' = 'push') => {
    const hash = formatRoute(next);
    if (hash !== window.location.hash) {
      if (how === 'replace') window.history.replaceState(window.history.state, '', hash);
      else window.history.pushState(null, '', hash);
    }
    remember(hash);
    setRoute(parseHash(hash));
  }, []);

  return [route, navigate];
}
