// Which screen is shown, and where inside a case.
import { useCallback, useState } from 'react';
import type { CasePlace } from '../case/place';

export type Route = { kind: 'cases' } | { kind: 'case'; caseId: string; place: CasePlace };

export function useRoute(): [Route, (route: Route, how?: 'push' | 'replace') => void] {
  const [route, setRoute] = useState<Route>({ kind: 'cases' });
  const navigate = useCallback((next: Route) => setRoute(next), []);
  return [route, navigate];
}
