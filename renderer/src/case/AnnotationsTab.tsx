// The reviewer's own marks across the case: highlights, notes and bookmarked pages,
// in reading order, each one a way back to its page.
import { useI18n } from '../i18n';
import type { Annotation } from '../../../shared/api';
import { visibleName } from '../../../shared/names';

interface Props {
  annotations: Annotation[] | null;
  error: string | null;
  onOpen(a: Annotation): void;
  onDelete(a: Annotation): void;
}

const ICON: Record<Annotation['kind'], string> = { highlight: '▍', note: '✎', bookmark: '🔖' };

export function AnnotationsTab({ annotations, error, onOpen, onDelete }: Props) {
  const { t } = useI18n();
  return (
    <div className="tab-scroll">
      <p className="hint-line small muted">{t('notes.hint')}</p>
      {error && <p className="error-text pad">{t('error.generic', { message: error })}</p>}
      {!annotations && !error && <p className="muted small pad">{t('common.loading')}</p>}
      {annotations && annotations.length === 0 && <p className="muted pad">{t('notes.empty')}</p>}
      {annotations && annotations.length > 0 && (
        <ul className="plain-list" data-testid="annotation-list">
          {annotations.map((a) => (
            <li key={a.id} className={`annotation annotation--${a.kind}`} data-testid="annotation">
              <button type="button" className="annotation-open" onClick={() => onOpen(a)}>
                <span className="annotation-head small muted">
                  <span aria-hidden="true">{ICON[a.kind]}</span> {t(`notes.kind.${a.kind}`)} · {visibleName(a.file)} ·{' '}
                  {t('case.pageSingle', { from: a.page })}
                </span>
                {a.text && <span className="annotation-text">“{a.text}”</span>}
                {a.note && <span className="annotation-note">{a.note}</span>}
              </button>
              <button
                type="button"
                className="button button--small button--quiet"
                onClick={() => onDelete(a)}
                aria-label={t('notes.delete')}
                title={t('notes.delete')}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
