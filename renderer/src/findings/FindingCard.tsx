// One finding as a card: its rule, its message, and when open its citation, the words it rests
// on (each opens its page) and the reviewer's decision with a note. FindingsPanel lays them out.
import type { FindingsKey, Text } from './i18n';
import type { FindingView, PageRef } from '../../../shared/api';
import type { FindingStatus } from '../../../shared/vocab';
import { visibleName } from '../../../shared/names';

interface CardProps {
  finding: FindingView;
  text: Text<FindingsKey>;
  lang: 'zh' | 'en';
  expanded: boolean;
  selected: boolean;
  draft: string;
  saving: boolean;
  error: string | null;
  cardRef: (el: HTMLElement | null) => void;
  onSelect(): void;
  onDraft(note: string): void;
  onDecide(status: FindingStatus): void;
  onOpen(ref: PageRef): void;
}

export function FindingCard({
  finding: f,
  text,
  lang,
  expanded,
  selected,
  draft,
  saving,
  error,
  cardRef,
  onSelect,
  onDraft,
  onDecide,
  onOpen,
}: CardProps) {
  const message = lang === 'zh' ? f.message : f.messageEn || f.message;
  const noteChanged = draft !== f.note;
  return (
    <article
      ref={cardRef}
      className={`finding finding--${f.severity} finding--${f.status}${selected ? ' finding--selected' : ''}${f.change === 'resolved' ? ' finding--resolved' : ''}`}
      data-testid="finding"
      data-key={f.key}
      data-status={f.status}
      tabIndex={-1}
      aria-current={selected ? 'true' : undefined}
      onFocus={onSelect}
      onClick={onSelect}
    >
      <header className="finding-head">
        <span className={`severity-chip severity-chip--${f.severity}`}>{text(`severity.${f.severity}`)}</span>
        <span className="finding-rule-title">{f.title[lang] || f.title.zh}</span>
        {f.change === 'new' && (
          <span className="change-badge change-badge--new" data-testid="finding-change">
            {text('change.new')}
          </span>
        )}
        {f.change === 'resolved' && (
          <span className="change-badge change-badge--resolved" data-testid="finding-change" title={text('findings.resolvedHint')}>
            {text('change.resolved')}
          </span>
        )}
        <span className={`status-chip status-chip--${f.status}`} data-testid="finding-status">
          {text(`status.${f.status}`)}
        </span>
      </header>
      <p className={`finding-message${expanded ? '' : ' finding-message--clipped'}`}>{message}</p>
      {expanded && (
        <>
          {f.citation && (
            <p className="finding-citation small">
              <span className="muted">{text('findings.citation')}：</span>
              {f.citation}
            </p>
          )}
          {f.evidence.length > 0 && (
            <ul className="finding-evidence">
              {f.evidence.map((ref, i) => (
                <li key={`${ref.fileId}:${ref.page}:${ref.start ?? i}`}>
                  <button
                    type="button"
                    className="evidence-link"
                    data-testid="finding-evidence"
                    onClick={(e) => {
                      e.stopPropagation();
                      onOpen(ref);
                    }}
                  >
                    <span className="evidence-doc">{ref.documentTitle ?? visibleName(ref.file)}</span>
                    <span className="muted tabular">{text('findings.page', { page: ref.page })}</span>
                    {ref.text && <q className="evidence-quote">{ref.text}</q>}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="finding-decision">
            <label className="finding-note">
              <span className="muted small">{text('findings.note')}</span>
              <textarea
                value={draft}
                rows={2}
                maxLength={4000}
                placeholder={text('findings.notePlaceholder')}
                data-testid="finding-note"
                onChange={(e) => onDraft(e.target.value)}
              />
            </label>
            <div className="finding-actions">
              <button
                type="button"
                className="button button--small decide--confirm"
                disabled={saving || (f.status === 'confirmed' && !noteChanged)}
                onClick={(e) => {
                  e.stopPropagation();
                  onDecide('confirmed');
                }}
                data-testid="finding-confirm"
              >
                {text('findings.confirm')}
              </button>
              <button
                type="button"
                className="button button--small decide--dismiss"
                disabled={saving || (f.status === 'dismissed' && !noteChanged)}
                onClick={(e) => {
                  e.stopPropagation();
                  onDecide('dismissed');
                }}
                data-testid="finding-dismiss"
              >
                {text('findings.dismiss')}
              </button>
              {f.status !== 'open' && (
                <button
                  type="button"
                  className="button button--small button--quiet"
                  disabled={saving}
                  onClick={(e) => {
                    e.stopPropagation();
                    onDecide('open');
                  }}
                  data-testid="finding-reopen"
                >
                  {text('findings.reopen')}
                </button>
              )}
              {f.status === 'open' && noteChanged && (
                <button
                  type="button"
                  className="button button--small button--quiet"
                  disabled={saving}
                  onClick={(e) => {
                    e.stopPropagation();
                    onDecide('open');
                  }}
                >
                  {text('findings.saveNote')}
                </button>
              )}
              {saving && <span className="muted small">{text('findings.saving')}</span>}
            </div>
            {error && (
              <p className="error-text small" role="alert">
                {text('findings.decideError', { message: error })}
              </p>
            )}
          </div>
        </>
      )}
    </article>
  );
}
