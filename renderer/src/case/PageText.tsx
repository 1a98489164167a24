// The words beside the page. OCR words the engine was unsure of are marked so the
// reviewer checks them against the image before relying on them.
import { useMemo } from 'react';
import { useI18n } from '../i18n';
import type { CatalogueEntry, OcrWord, PageView } from '../../../shared/api';
import type { EntityType } from '../../../shared/vocab';

/** Below this a recognised word is worth a second look (tesseract's own 0–100 scale is normalised). */
export const LOW_CONFIDENCE = 0.6;

function normalised(confidence: number): number {
  return confidence > 1 ? confidence / 100 : confidence;
}

interface Span { text: string; low: boolean; entity: EntityType | null }

/**
 * Aligns OCR words to the page text in reading order and splits the text into
 * spans carrying "low confidence" and "entity mention" marks.
 */
export function markText(text: string, words: OcrWord[], mentions: PageView['mentions']): { spans: Span[]; lowCount: number } {
  const low = new Uint8Array(text.length);
  const entity: (EntityType | null)[] = new Array<EntityType | null>(text.length).fill(null);
  let cursor = 0;
  let lowCount = 0;
  for (const w of words) {
    const needle = w.text.trim();
    if (!needle) continue;
    const at = text.indexOf(needle, cursor);
    // A word far ahead is more likely a repeat of the same characters than this word.
    if (at < 0 || at - cursor > 200) continue;
    if (normalised(w.confidence) < LOW_CONFIDENCE) {
      low.fill(1, at, at + needle.length);
      lowCount++;
    }
    cursor = at + needle.length;
  }
  for (const m of mentions ?? []) {
    for (let i = Math.max(0, m.start); i < Math.min(text.length, m.end); i++) entity[i] = m.type;
  }
  const spans: Span[] = [];
  for (let i = 0; i < text.length; i++) {
    const isLow = low[i] === 1;
    const ent = entity[i] ?? null;
    const prev = spans[spans.length - 1];
    if (prev && prev.low === isLow && prev.entity === ent) prev.text += text[i];
    else spans.push({ text: text[i] ?? '', low: isLow, entity: ent });
  }
  return { spans, lowCount };
}

interface Props {
  view: PageView | null;
  document: CatalogueEntry | null;
  loading: boolean;
  error: string | null;
}

export function PageText({ view, document, loading, error }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const marked = useMemo(() => (view ? markText(view.text, view.words, view.mentions) : null), [view]);

  return (
    <aside className="side-panel" aria-label={t('text.heading')}>
      {document && (
        <div className="doc-card">
          <div className="doc-card-line">
            <span className={`doc-type doc-type--${document.type.toLowerCase()}`}>{i18n.docType(document.type)}</span>
            {document.title && document.title !== i18n.docType(document.type) && <span className="doc-card-title">{document.title}</span>}
          </div>
          <dl className="doc-card-fields small">
            {document.number && (<><dt>{t('doc.number')}</dt><dd>{document.number}</dd></>)}
            {document.date && (<><dt>{t('doc.date')}</dt><dd className="tabular">{document.date}</dd></>)}
            <dt>{t('doc.pages')}</dt>
            <dd className="tabular">{document.file} · {document.pageFrom === document.pageTo ? t('case.pageSingle', { from: document.pageFrom }) : t('case.pageRange', { from: document.pageFrom, to: document.pageTo })}</dd>
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
                {t('text.confidence')} {(normalised(view.confidence) * 100).toFixed(0)}%
              </span>
            )}
          </span>
        )}
      </div>
      {error && <p className="error-text pane-empty" role="alert">{t('error.generic', { message: error })}</p>}
      {!view && loading && <p className="muted pane-empty">{t('common.loading')}</p>}
      {marked && marked.lowCount > 0 && (
        <p className="low-note small"><span className="low-confidence legend-swatch" aria-hidden="true" /> {t('text.lowConfidence', { n: marked.lowCount })}</p>
      )}
      {view && (
        view.text.trim() === '' ? (
          <p className="muted pane-empty">{t('text.empty')}</p>
        ) : (
          <div className={`page-text${loading ? ' page-text--stale' : ''}`} data-testid="page-text" lang="zh-CN">
            {marked?.spans.map((s, i) => {
              if (!s.low && !s.entity) return <span key={i}>{s.text}</span>;
              const cls = [s.low ? 'low-confidence' : '', s.entity ? `mention mention--${s.entity.toLowerCase()}` : ''].filter(Boolean).join(' ');
              return (
                <mark key={i} className={cls} title={s.entity ? i18n.entityType(s.entity) : undefined}>
                  {s.text}
                </mark>
              );
            })}
          </div>
        )
      )}
    </aside>
  );
}
