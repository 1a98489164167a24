// 卷宗目录: the numbered documents of the case. Large cases have hundreds of
// documents, so only the rows in view (plus a margin) are in the DOM.
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import type { CaseDetail, CatalogueEntry } from '../../../shared/api';
import { visibleName } from '../../../shared/names';

const ROW_HEIGHT = 54;
const OVERSCAN = 8;

interface Props {
  detail: CaseDetail;
  currentDocumentId: string | null;
  /** Findings whose evidence lies in each document, by document id. */
  findingCounts: ReadonlyMap<string, number>;
  onSelect(entry: CatalogueEntry): void;
}

export function Catalogue({ detail, currentDocumentId, findingCounts, onSelect }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const listRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewHeight, setViewHeight] = useState(600);
  const docs = detail.documents;

  useEffect(() => {
    const el = listRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setViewHeight(el.clientHeight));
    observer.observe(el);
    setViewHeight(el.clientHeight);
    return () => observer.disconnect();
  }, []);

  // Keep the document being read in view while paging through the case.
  useEffect(() => {
    const el = listRef.current;
    if (!el || !currentDocumentId) return;
    const index = docs.findIndex((d) => d.id === currentDocumentId);
    if (index < 0) return;
    const top = index * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  }, [currentDocumentId, docs]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(docs.length, Math.ceil((scrollTop + viewHeight) / ROW_HEIGHT) + OVERSCAN);
  const ordinalWidth = String(docs.length).length;

  return (
    <nav className="catalogue" aria-label={t('case.catalogue')}>
      <div className="pane-head">
        <span className="pane-title">{t('case.catalogue')}</span>
        <span className="muted small tabular" data-testid="catalogue-count">
          {docs.length}
        </span>
      </div>
      {docs.length === 0 ? (
        <p className="muted pane-empty">{t('case.noDocuments')}</p>
      ) : (
        <div
          className="catalogue-list"
          ref={listRef}
          onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
          role="list"
          data-testid="catalogue"
        >
          <div style={{ height: docs.length * ROW_HEIGHT, position: 'relative' }}>
            {docs.slice(first, last).map((d, i) => {
              const typeLabel = i18n.docType(d.type);
              const showTitle = d.title && d.title !== typeLabel;
              const findings = findingCounts.get(d.id) ?? d.findings ?? 0;
              const pages =
                d.pageFrom === d.pageTo
                  ? t('case.pageSingle', { from: d.pageFrom })
                  : t('case.pageRange', { from: d.pageFrom, to: d.pageTo });
              return (
                <button
                  type="button"
                  role="listitem"
                  key={d.id}
                  className={`catalogue-row${d.id === currentDocumentId ? ' catalogue-row--current' : ''}`}
                  style={{ top: (first + i) * ROW_HEIGHT, height: ROW_HEIGHT }}
                  onClick={() => onSelect(d)}
                  aria-current={d.id === currentDocumentId ? 'true' : undefined}
                  data-testid="catalogue-entry"
                  title={`${d.title || typeLabel} — ${visibleName(d.file)} ${pages}`}
                >
                  <span className="catalogue-ordinal tabular">{String(d.ordinal).padStart(ordinalWidth, '0')}</span>
                  <span className="catalogue-body">
                    <span className="catalogue-line">
                      <span className={`doc-type doc-type--${d.type.toLowerCase()}`}>{typeLabel}</span>
                      {showTitle && <span className="catalogue-title">{d.title}</span>}
                      {findings > 0 ? (
                        <span className="finding-dot" data-testid="catalogue-findings" title={t('case.findingCount', { n: findings })}>
                          {findings}
                        </span>
                      ) : null}
                    </span>
                    <span className="catalogue-meta small muted">
                      <span className="tabular">{pages}</span>
                      {d.date && <span className="tabular">{d.date}</span>}
                      {/* Last, as it is the part that gets cut: the title already says what the document is. */}
                      <span className="catalogue-file">{visibleName(d.file)}</span>
                    </span>
                  </span>
                </button>
              );
            })}
          </div>
        </div>
      )}
      {detail.errorList.length > 0 && (
        <section className="file-errors" aria-label={t('case.fileErrors')} data-testid="file-errors">
          <div className="pane-head pane-head--error">
            <span className="pane-title">{t('case.fileErrors')}</span>
            <span className="small tabular">{detail.errorList.length}</span>
          </div>
          <ul>
            {detail.errorList.map((e, i) => (
              <li key={`${e.file}-${i}`}>
                <span className="file-error-name" title={visibleName(e.file)}>
                  {visibleName(e.file)}
                </span>
                <span className="small muted">{e.message}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </nav>
  );
}
