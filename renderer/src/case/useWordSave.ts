// Saving a word the reviewer corrected or confirmed, with the state the editor shows while it
// happens: a correction re-derives dates and findings (1–3 s), so "saving" lasts until that
// re-analysis ends, not just until the word is stored. A failure keeps the editor, and the
// reviewer's typed text in it, open.
import { useCallback, useEffect, useRef, useState } from 'react';
import { call, onEvent } from '../api';
import { errorText } from '../errors';
import type { PageView } from '../../../shared/api';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  /** The word is stored but deriving the rest from it failed: said, not hidden. */
  | { kind: 'analysis-failed'; message: string }
  | { kind: 'error'; message: string };

export interface WordTarget {
  caseId: string;
  fileId: number;
  page: number;
  wordIndex: number;
}

const ENDED = new Set(['done', 'failed', 'cancelled']);

/** How long "已保存" stays on screen before the editor closes by itself. */
export const SAVED_LINGER_MS = 1200;

export function useWordSave(onPage: (view: PageView) => void, onDone: () => void) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  // Job ends seen since the save began: a short re-analysis may end before the save's answer arrives.
  const ended = useRef(new Map<string, string>());
  const waiting = useRef<string | null>(null);
  const latest = useRef({ onPage, onDone });
  latest.current = { onPage, onDone };

  useEffect(
    () =>
      onEvent((e) => {
        if (e.kind !== 'job' || !ENDED.has(e.event.status)) return;
        ended.current.set(e.event.jobId, e.event.error ?? e.event.status);
        if (e.event.jobId === waiting.current) settle(e.event.status, e.event.error);
      }),
    [],
  );

  function settle(status: string, error?: string): void {
    waiting.current = null;
    if (status === 'failed') setState({ kind: 'analysis-failed', message: error ?? '' });
    else setState({ kind: 'saved' });
  }

  // "已保存" is read, then the editor gets out of the way.
  useEffect(() => {
    if (state.kind !== 'saved') return;
    const timer = window.setTimeout(() => {
      setState({ kind: 'idle' });
      latest.current.onDone();
    }, SAVED_LINGER_MS);
    return () => window.clearTimeout(timer);
  }, [state]);

  const correct = useCallback((target: WordTarget, text: string) => {
    ended.current.clear();
    setState({ kind: 'saving' });
    call('correctWord', { ...target, text }).then(
      ({ reanalysis, ...view }) => {
        latest.current.onPage(view);
        if (!reanalysis) return setState({ kind: 'saved' });
        const end = ended.current.get(reanalysis);
        if (end) settle(end === 'done' || end === 'cancelled' ? end : 'failed', end);
        else waiting.current = reanalysis;
      },
      (err: unknown) => setState({ kind: 'error', message: errorText(err) }),
    );
  }, []);

  const confirm = useCallback((target: WordTarget) => {
    setState({ kind: 'saving' });
    call('confirmWord', target).then(
      (view) => {
        latest.current.onPage(view);
        setState({ kind: 'saved' });
      },
      (err: unknown) => setState({ kind: 'error', message: errorText(err) }),
    );
  }, []);

  const reset = useCallback(() => {
    waiting.current = null;
    setState({ kind: 'idle' });
  }, []);

  return { state, correct, confirm, reset };
}
