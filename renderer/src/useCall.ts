// One backend resource as a view holds it: the value, the error in words, whether a
// newer answer is on its way. Every view asked the same way (a live flag so a late
// answer to an old question is dropped), so the asking lives here once.
import { useCallback, useEffect, useState } from 'react';
import { call } from './api';
import { errorText } from './errors';
import type { Method, Request, Results } from '../../shared/api';

export interface Resource<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  /** Asks again (after a change the backend made elsewhere). */
  reload(): void;
  /** Puts an answer in place that came from another call (a save that returns the new value). */
  set(value: T): void;
}

export { errorText };

interface Options {
  /** Keep showing the previous answer while a new question is out (paging through text). */
  keep?: boolean;
  /** Bumped to ask again with the same request. */
  version?: number;
}

/** Calls method with req whenever req (by value) or version changes; null asks nothing. */
export function useCall<M extends Method>(method: M, req: Request<M> | null, opts: Options = {}): Resource<Results[M]> {
  const [data, setData] = useState<Results[M] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(req !== null);
  const [attempt, setAttempt] = useState(0);
  const key = req === null ? null : JSON.stringify(req);
  const keep = opts.keep ?? false;
  const version = opts.version ?? 0;

  useEffect(() => {
    if (key === null) {
      setLoading(false);
      return;
    }
    let live = true;
    setLoading(true);
    setError(null);
    if (!keep) setData(null);
    call(method, JSON.parse(key) as Request<M>).then(
      (value) => {
        if (!live) return;
        setData(value);
        setLoading(false);
      },
      (err: unknown) => {
        if (!live) return;
        setError(errorText(err));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [method, key, keep, version, attempt]);

  const reload = useCallback(() => setAttempt((a) => a + 1), []);
  const set = useCallback((value: Results[M]) => setData(value), []);
  return { data, error, loading, reload, set };
}
