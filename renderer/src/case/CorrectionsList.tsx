// What the reviewer has corrected in the case's entities, newest first, each undoable: a wrong
// merge is not a dead end.
import { useMemo, useState } from 'react';
import { call } from '../api';
import { errorText, useCall } from '../useCall';
import { useText } from '../findings/i18n';
import { FIX_TEXT } from './corrections-text';

export function CorrectionsList({ caseId, version }: { caseId: string; version: number }) {
  const { text, lang } = useText(FIX_TEXT);
  const [rev, setRev] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const list = useCall(
    'listEntityCorrections',
    useMemo(() => ({ caseId }), [caseId]),
    { keep: true, version: version * 1000 + rev },
  );
  const rows = [...(list.data ?? [])].reverse();
  if (rows.length === 0) return null;
  return (
    <>
      <h3 className="panel-sub">{text('fix.list', { n: rows.length })}</h3>
      {error && <p className="error-text pad small">{text('fix.error', { message: error })}</p>}
      <ul className="plain-list entity-fix-list small" data-testid="entity-corrections">
        {rows.map((c) => (
          <li key={c.id} className={c.undone ? 'is-undone' : undefined}>
            <span>{c.summary[lang]}</span>
            <span className="muted"> {text('fix.by', { reviewer: c.reviewer, at: c.at.slice(0, 16).replace('T', ' ') })}</span>
            {c.undone ? (
              <span className="muted"> · {text('fix.listUndone')}</span>
            ) : (
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  setError(null);
                  call('undoEntityCorrection', { caseId, id: c.id }).then(
                    () => setRev((r) => r + 1),
                    (err: unknown) => setError(errorText(err)),
                  );
                }}
              >
                {' '}
                {text('fix.undo')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
