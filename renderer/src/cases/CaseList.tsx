import { useI18n } from '../i18n';
import type { CaseSummary } from '../../../shared/api';
import { visibleName } from '../../../shared/names';

interface Props {
  cases: CaseSummary[] | null;
  error: string | null;
  onOpen(caseId: string): void;
  onRefresh(): void;
}

export function CaseList({ cases, error, onOpen, onRefresh }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section className="panel case-list" aria-labelledby="cases-heading">
      <div className="panel-head">
        <h2 id="cases-heading" className="panel-title">
          {t('cases.heading')}
        </h2>
        <button type="button" className="button button--small button--quiet" onClick={onRefresh}>
          {t('cases.refresh')}
        </button>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {t('error.generic', { message: error })}
        </p>
      )}
      {cases === null && !error && <p className="muted">{t('common.loading')}</p>}
      {cases !== null && cases.length === 0 && <p className="muted empty">{t('cases.empty')}</p>}
      {cases !== null && cases.length > 0 && (
        <table className="table" data-testid="case-table">
          <thead>
            <tr>
              <th>{t('cases.col.name')}</th>
              <th>{t('cases.col.folder')}</th>
              <th className="num">{t('cases.col.files')}</th>
              <th className="num">{t('cases.col.pages')}</th>
              <th className="num">{t('cases.col.documents')}</th>
              <th className="num">{t('cases.col.errors')}</th>
              <th className="num">{t('cases.col.findings')}</th>
              <th>{t('cases.col.reviewed')}</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => {
              const reviewing = c.job && (c.job.status === 'queued' || c.job.status === 'running');
              return (
                <tr key={c.id} className="clickable" onClick={() => onOpen(c.id)}>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      onClick={(e) => {
                        e.stopPropagation();
                        onOpen(c.id);
                      }}
                    >
                      {visibleName(c.name)}
                    </button>
                  </td>
                  <td className="folder" title={c.folder}>
                    {c.folder}
                  </td>
                  <td className="num">{c.files}</td>
                  <td className="num">{c.pages}</td>
                  <td className="num">{c.documents}</td>
                  <td className={`num${c.errors > 0 ? ' error-count' : ''}`}>{c.errors}</td>
                  <td className="num">
                    {c.findings ? (
                      <span className="finding-counts" data-testid="case-findings">
                        <span className="finding-count finding-count--violation" title={t('cases.findings.violation')}>
                          {t('cases.findings.violation')} {c.findings.violation}
                        </span>
                        <span className="finding-count finding-count--warning" title={t('cases.findings.warning')}>
                          {t('cases.findings.warning')} {c.findings.warning}
                        </span>
                      </span>
                    ) : (
                      t('common.none')
                    )}
                  </td>
                  <td>
                    {reviewing ? (
                      <span className="status-badge status-badge--running">{t('cases.reviewing')}</span>
                    ) : c.reviewedAt ? (
                      i18n.date(c.reviewedAt)
                    ) : (
                      <span className="muted">{t('cases.notReviewed')}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
