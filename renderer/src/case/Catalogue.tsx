// 卷宗目录: the numbered documents of the case. Large cases have hundreds of
// documents, so only the rows in view (plus a margin) are in the DOM.
import { useCallback, useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useVirtualRows } from '../virtual/useVirtualRows';
import { useI18n } from '../i18n';
import type { CaseDetail, CatalogueEntry } from '../../../shared/api';
import { visibleName } from '../../../shared/names';
import { catalogueLabel } from '../../../shared/catalogue-label';

const ROW_HEIGHT = 54;
const OVERSCAN = 8;

interface Props {
  detail: CaseDetail;
  /** A review is reading the case: the catalogue is made once every page is read. */
  reviewing: boolean;
  currentDocumentId: string | null;
  /** Findings whose evidence lies in each document, by document id. */
  findingCounts: ReadonlyMap<string, number>;
  onSelect(entry: CatalogueEntry): void;
}

export function Catalogue({ detail, reviewing, currentDocumentId, findingCounts, onSelect }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const listRef = useRef<HTMLDivElement>(null);
  const docs = detail.documents;
  const keyOf = useCallback((i: number) => docs[i]?.id ?? String(i), [docs]);
  const { rows, totalHeight, scrollToIndex } = useVirtualRows({
    count: docs.length,
    keyOf,
    estimate: ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollRef: listRef,
  });

  // Keep the document being read in view while paging through the case.
  useEffect(() => {
    if (!currentDocumentId) return;
    const index = docs.findIndex((d) => d.id === currentDocumentId);
    if (index >= 0) scrollToIndex(index);
  }, [currentDocumentId, docs, scrollToIndex]);

  // ↑/↓/Home/End move between entries, bringing rows not yet in the DOM into it first.
  const focusRow = (index: number) => {
    scrollToIndex(index);
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus());
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = Number((e.target as HTMLElement).dataset.index ?? -1);
    const next =
      e.key === 'ArrowDown' ? at + 1 : e.key === 'ArrowUp' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? docs.length - 1 : null;
    if (next === null || at < 0 || next < 0 || next >= docs.length) return;
    e.preventDefault();
    e.stopPropagation();
    focusRow(next);
  };
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
        <p className="muted pane-empty">{t(reviewing ? 'case.noDocumentsYet' : 'case.noDocuments')}</p>
      ) : (
        <div className="catalogue-list" ref={listRef} onKeyDown={onKeyDown} role="list" data-testid="catalogue">
          <div style={{ height: totalHeight, position: 'relative' }}>
            {rows.map(({ index, top }) => {
              const d = docs[index]!;
              const typeLabel = i18n.docType(d.type);
              const label = catalogueLabel(d, typeLabel);
              const showTitle = label !== typeLabel;
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
                  style={{ top, height: ROW_HEIGHT }}
                  data-index={index}
                  onClick={() => onSelect(d)}
                  aria-current={d.id === currentDocumentId ? 'true' : undefined}
                  data-testid="catalogue-entry"
                  title={`${label} — ${visibleName(d.file)} ${pages}`}
                >
                  <span className="catalogue-ordinal tabular">{String(d.ordinal).padStart(ordinalWidth, '0')}</span>
                  <span className="catalogue-body">
                    <span className="catalogue-line">
                      <span className={`doc-type doc-type--${d.type.toLowerCase()}`}>{typeLabel}</span>
                      {showTitle && <span className="catalogue-title">{label}</span>}
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
