// The words beside the page. OCR words the engine was unsure of are marked so the
// reviewer checks them against the image before relying on them; entities are marked
// by type and open their panel; the opened hit stays lit until the reader moves on.
import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import { useI18n } from '../i18n';
import { EntityLegend } from './legend';
import { LOW_CONFIDENCE, normalisedConfidence } from './words';
import type { Span } from './words';
import type { CatalogueEntry, PageView } from '../../../shared/api';
import { visibleName } from '../../../shared/names';

interface Props {
  view: PageView | null;
  spans: Span[];
  document: CatalogueEntry | null;
  loading: boolean;
  error: string | null;
  textRef: RefObject<HTMLDivElement | null>;
  /** Words can be corrected (read by OCR; a text layer is what the PDF says). */
  editable: boolean;
  onWordClick(index: number, at: { x: number; y: number }): void;
  onEntityClick(entityId: string): void;
}

export function PageText({ view, spans, document, loading, error, textRef, editable, onWordClick, onEntityClick }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const lowCount = view ? view.words.filter((w) => normalisedConfidence(w.confidence) < LOW_CONFIDENCE).length : 0;
  const hasHit = spans.some((s) => s.hit);
  const scrolled = useRef<string | null>(null);

  // Bring the hit into view once per opening, not on every re-render of the same page.
  useEffect(() => {
    if (!view || !hasHit) return;
    const key = `${view.sha256}:${view.page}:${spans.find((s) => s.hit)?.start ?? ''}`;
    if (scrolled.current === key) return;
    scrolled.current = key;
    textRef.current?.querySelector('[data-testid="hit-text"]')?.scrollIntoView({ block: 'center' });
  }, [view, spans, hasHit, textRef]);

  const types = [...new Set((view?.mentions ?? []).map((m) => m.type))];

  return (
    <div className="text-tab">
      {document && (
        <div className="doc-card">
          <div className="doc-card-line">
            <span className={`doc-type doc-type--${document.type.toLowerCase()}`}>{i18n.docType(document.type)}</span>
            {document.title && document.title !== i18n.docType(document.type) && <span className="doc-card-title">{document.title}</span>}
          </div>
          <dl className="doc-card-fields small">
            {document.number && (
              <>
                <dt>{t('doc.number')}</dt>
                <dd>{document.number}</dd>
              </>
            )}
            {document.date && (
              <>
                <dt>{t('doc.date')}</dt>
                <dd className="tabular">{document.date}</dd>
              </>
            )}
            <dt>{t('doc.pages')}</dt>
            <dd className="tabular">
              {visibleName(document.file)} ·{' '}
              {document.pageFrom === document.pageTo
                ? t('case.pageSingle', { from: document.pageFrom })
                : t('case.pageRange', { from: document.pageFrom, to: document.pageTo })}
            </dd>
          </dl>
        </div>
      )}
      <div className="pane-head">
        <span className="pane-title">{t('text.heading')}</span>
        {view && (
          <span className="text-meta small">
            <span className={`source-badge source-badge--${view.source}`}>{i18n.source(view.source)}</span>
            {view.confidence !== null && (
              <span className="tabular" title={t('text.confidence')}>
                {t('text.confidence')} {(normalisedConfidence(view.confidence) * 100).toFixed(0)}%
              </span>
            )}
          </span>
        )}
      </div>
      {error && (
        <p className="error-text pane-empty" role="alert">
          {t('error.generic', { message: error })}
        </p>
      )}
      {!view && loading && <p className="muted pane-empty">{t('common.loading')}</p>}
      {view && (lowCount > 0 || types.length > 0 || (view.corrections?.length ?? 0) > 0) && (
        <div className="legend small" data-testid="legend">
          {lowCount > 0 && (
            <span className="legend-item">
              <span className="low-confidence legend-swatch" aria-hidden="true" />
              {t('text.lowConfidence', { n: lowCount })}
            </span>
          )}
          {(view.corrections?.length ?? 0) > 0 && (
            <span className="legend-item">
              <span className="corrected legend-swatch" aria-hidden="true" />
              {t('word.correctedLegend', { n: view.corrections?.length ?? 0 })}
            </span>
          )}
          <EntityLegend types={types} />
        </div>
      )}
      {view && editable && view.words.length > 0 && <p className="hint-line small muted">{t('text.clickHint')}</p>}
      {view &&
        (view.text.trim() === '' ? (
          <p className="muted pane-empty">{t('text.empty')}</p>
        ) : (
          <div className={`page-text${loading ? ' page-text--stale' : ''}`} data-testid="page-text" lang="zh-CN" ref={textRef}>
            {spans.map((s) => {
              const cls = [
                s.low ? 'low-confidence' : '',
                s.corrected ? 'corrected' : '',
                s.mention ? `mention ent--${s.mention.type.toLowerCase()}` : '',
                s.hit ? 'hit' : '',
                s.annotation ? 'annotated' : '',
                s.word >= 0 ? 'word' : '',
              ]
                .filter(Boolean)
                .join(' ');
              if (!cls)
                return (
                  <span key={s.start} data-start={s.start}>
                    {s.text}
                  </span>
                );
              const title = [
                s.mention ? `${i18n.entityType(s.mention.type)}：${s.mention.text}` : '',
                s.low ? t('word.low') : '',
                s.corrected ? t('word.corrected') : '',
                s.annotation?.note ?? '',
              ]
                .filter(Boolean)
                .join(' · ');
              return (
                <mark
                  key={s.start}
                  className={cls}
                  data-start={s.start}
                  data-word-index={s.word >= 0 ? s.word : undefined}
                  data-entity={s.mention?.entity}
                  data-testid={s.hit ? 'hit-text' : undefined}
                  title={title || undefined}
                  onClick={(e) => {
                    if (!window.getSelection()?.isCollapsed) return;
                    if (s.mention) onEntityClick(s.mention.entity);
                    else if (s.word >= 0 && editable) onWordClick(s.word, { x: e.clientX, y: e.clientY });
                  }}
                >
                  {s.text}
                </mark>
              );
            })}
          </div>
        ))}
    </div>
  );
}
