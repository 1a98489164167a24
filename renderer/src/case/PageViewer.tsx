// The page as scanned. Images are fetched on demand at the width the reviewer
// actually sees (rounded to a few sizes so zooming reuses them), and the next page
// is fetched ahead so paging through a volume does not stall. Over the image lies the
// OCR text, one transparent span per word at its box, so the scan itself can be
// selected, searched and corrected; entities, the opened hit and notes are drawn as boxes.
import { errorText } from '../errors';
import { useEffect, useRef, useState } from 'react';
import type { CSSProperties, ReactNode, RefObject } from 'react';
import { call } from '../api';
import { useI18n } from '../i18n';
import { boxOf, LOW_CONFIDENCE, normalisedConfidence } from './words';
import type { Range } from './words';
import type { BBox, PageView } from '../../../shared/api';
import { visibleName } from '../../../shared/names';

export const ZOOM_MIN = 0.5;
export const ZOOM_MAX = 4;
export const ZOOM_STEP = 0.25;

const WIDTH_BUCKET = 400;
const MAX_IMAGE_WIDTH = 3200;
const CACHE_LIMIT = 24;

// Data URLs of page images by sha256:page:width; a small LRU keeps memory bounded on long cases.
const imageCache = new Map<string, Promise<string>>();

function loadImage(caseId: string, sha256: string, page: number, maxWidth: number): Promise<string> {
  const key = `${caseId}:${sha256}:${page}:${maxWidth}`;
  const hit = imageCache.get(key);
  if (hit) {
    imageCache.delete(key);
    imageCache.set(key, hit);
    return hit;
  }
  const pending = call('getPageImage', { caseId, sha256, page, maxWidth }).then((img) => `data:${img.mime};base64,${img.dataBase64}`);
  pending.catch(() => imageCache.delete(key));
  imageCache.set(key, pending);
  while (imageCache.size > CACHE_LIMIT) {
    const oldest = imageCache.keys().next().value;
    if (oldest === undefined) break;
    imageCache.delete(oldest);
  }
  return pending;
}

function bucketWidth(cssWidth: number): number {
  const px = cssWidth * (window.devicePixelRatio || 1);
  return Math.min(MAX_IMAGE_WIDTH, Math.max(WIDTH_BUCKET, Math.ceil(px / WIDTH_BUCKET) * WIDTH_BUCKET));
}

/** What to draw over the page besides its words. */
export interface PageMarks {
  ranges: Range[];
  /** The opened hit or reference, in the OCR raster's pixels. */
  hit: BBox | null;
  /** Show entity boxes (off when they would clutter a dense page). */
  entities: boolean;
}

interface Props {
  view: PageView | null;
  marks: PageMarks;
  overlayRef: RefObject<HTMLDivElement | null>;
  /** Null where words are not corrected (a PDF's own text layer). */
  onWordClick: ((index: number, at: { x: number; y: number }) => void) | null;
  /** Page actions beside the zoom controls (bookmark). */
  actions?: ReactNode;
  zoom: number;
  canPrev: boolean;
  canNext: boolean;
  onPrev(): void;
  onNext(): void;
  onZoom(zoom: number): void;
}

export function PageViewer({ view, marks, overlayRef, onWordClick, actions, zoom, canPrev, canNext, onPrev, onNext, onZoom }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [fitWidth, setFitWidth] = useState(0);
  // The image on screen and the page it belongs to: while the next page loads the
  // previous one stays, dimmed, instead of the sheet flashing empty.
  const [shown, setShown] = useState<{ key: string; url: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    // Leave room for the page's margin and shadow.
    const measure = (): void => setFitWidth(Math.max(200, el.clientWidth - 32));
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    measure();
    return () => observer.disconnect();
  }, []);

  const sha256 = view?.sha256 ?? null;
  const caseId = view?.caseId ?? '';
  const page = view?.page ?? null;
  const pageCount = view?.pageCount ?? 0;
  const displayWidth = Math.round(fitWidth * zoom);
  const requestWidth = fitWidth > 0 ? bucketWidth(displayWidth) : 0;

  useEffect(() => {
    if (!sha256 || !caseId || page === null || requestWidth === 0) return;
    let live = true;
    setError(null);
    const key = `${sha256}:${page}`;
    loadImage(caseId, sha256, page, requestWidth).then(
      (url) => {
        if (live) setShown({ key, url });
      },
      (err: unknown) => {
        if (live) setError(errorText(err));
      },
    );
    if (page < pageCount) void loadImage(caseId, sha256, page + 1, requestWidth).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [caseId, sha256, page, pageCount, requestWidth]);

  // A new page starts at its top.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [sha256, page]);

  const src = shown?.url ?? null;
  const stale = shown !== null && shown.key !== `${sha256}:${page}`;

  // The opened hit is brought into view once its page's image is on screen.
  const hit = marks.hit;
  useEffect(() => {
    if (!hit || !src || stale) return;
    scrollRef.current?.querySelector('[data-testid="hit-box"]')?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [hit, src, stale]);
  const aspect = view?.width && view.height ? view.height / view.width : 1.414;

  return (
    <section className="viewer" aria-label={view ? t('page.counter', { page: view.page, count: view.pageCount }) : undefined}>
      <div className="viewer-toolbar">
        <button
          type="button"
          className="button button--small"
          onClick={onPrev}
          disabled={!canPrev}
          title={`${t('page.prev')} (PageUp / k)`}
          aria-label={t('page.prev')}
        >
          ‹<span className="toolbar-label"> {t('page.prev')}</span>
        </button>
        <span className="page-counter tabular" data-testid="page-counter">
          {view ? t('page.counter', { page: view.page, count: view.pageCount }) : t('common.none')}
        </span>
        <button
          type="button"
          className="button button--small"
          onClick={onNext}
          disabled={!canNext}
          title={`${t('page.next')} (PageDown / j)`}
          aria-label={t('page.next')}
        >
          <span className="toolbar-label">{t('page.next')} </span>›
        </button>
        <span className="viewer-file muted small" title={view ? visibleName(view.file) : undefined}>
          {view ? visibleName(view.file) : null}
        </span>
        <span className="toolbar-spacer" />
        {actions}
        <button
          type="button"
          className="button button--small button--icon"
          onClick={() => onZoom(zoom - ZOOM_STEP)}
          disabled={zoom <= ZOOM_MIN}
          title={`${t('page.zoomOut')} (-)`}
          aria-label={t('page.zoomOut')}
        >
          −
        </button>
        <span className="zoom-level tabular small">{Math.round(zoom * 100)}%</span>
        <button
          type="button"
          className="button button--small button--icon"
          onClick={() => onZoom(zoom + ZOOM_STEP)}
          disabled={zoom >= ZOOM_MAX}
          title={`${t('page.zoomIn')} (+)`}
          aria-label={t('page.zoomIn')}
        >
          +
        </button>
        <button type="button" className="button button--small" onClick={() => onZoom(1)} disabled={zoom === 1}>
          {t('page.fitWidth')}
        </button>
      </div>
      <div className="viewer-scroll" ref={scrollRef} tabIndex={-1}>
        {!view && <p className="muted pane-empty">{t('page.noPage')}</p>}
        {view && (
          <div
            className={`page-sheet${stale ? ' page-sheet--stale' : ''}`}
            aria-busy={stale}
            style={{ width: displayWidth, minHeight: src ? undefined : Math.round(displayWidth * aspect) }}
          >
            {src && !stale && !error && view.width ? (
              <WordLayer view={view} marks={marks} scale={displayWidth / view.width} layerRef={overlayRef} onWordClick={onWordClick} />
            ) : null}
            {error ? (
              <p className="error-text pane-empty">{t('page.imageError', { message: error })}</p>
            ) : src ? (
              <img
                src={src}
                alt={t('page.counter', { page: view.page, count: view.pageCount })}
                data-testid="page-image"
                data-page={stale ? undefined : `${sha256}:${page}`}
                draggable={false}
                style={{ width: '100%' }}
              />
            ) : (
              <p className="muted pane-empty">{t('page.loading')}</p>
            )}
          </div>
        )}
      </div>
    </section>
  );
}

interface LayerProps {
  view: PageView;
  marks: PageMarks;
  /** Displayed pixels per OCR-raster pixel: the rendered image and the raster may differ in size. */
  scale: number;
  layerRef: RefObject<HTMLDivElement | null>;
  onWordClick: ((index: number, at: { x: number; y: number }) => void) | null;
}

function boxStyle(b: BBox, scale: number): CSSProperties {
  return { left: b[0] * scale, top: b[1] * scale, width: Math.max(2, (b[2] - b[0]) * scale), height: Math.max(2, (b[3] - b[1]) * scale) };
}

function WordLayer({ view, marks, scale, layerRef, onWordClick }: LayerProps) {
  const i18n = useI18n();
  const corrected = new Map((view.corrections ?? []).map((c) => [c.wordIndex, c]));
  const notes = (view.annotations ?? []).flatMap((a) => {
    if (a.kind === 'bookmark' || a.start === null || a.end === null) return [];
    const b = boxOf(a.start, a.end, view.words, marks.ranges);
    return b ? [{ id: a.id, box: b, note: a.note }] : [];
  });
  return (
    <div className={`word-layer${onWordClick ? '' : ' word-layer--read-only'}`} ref={layerRef} lang="zh-CN">
      {marks.entities &&
        (view.mentions ?? []).map((m, i) =>
          m.bbox ? (
            <div
              key={`m${i}`}
              className={`ent-box ent--${m.type.toLowerCase()}`}
              style={boxStyle(m.bbox, scale)}
              title={`${i18n.entityType(m.type)}：${m.text}`}
            />
          ) : null,
        )}
      {notes.map((n) => (
        <div key={`a${n.id}`} className="note-box" style={boxStyle(n.box, scale)} title={n.note} />
      ))}
      {marks.hit && <div className="hit-box" data-testid="hit-box" style={boxStyle(marks.hit, scale)} />}
      {view.words.map((w, i) => {
        const r = marks.ranges[i];
        const h = (w.bbox[3] - w.bbox[1]) * scale;
        const low = normalisedConfidence(w.confidence) < LOW_CONFIDENCE;
        const fix = corrected.get(i);
        const cls = `ocr-word${low ? ' ocr-word--low' : ''}${fix ? ' ocr-word--corrected' : ''}`;
        return (
          <span
            key={i}
            className={cls}
            data-word-index={i}
            data-start={r && r.start >= 0 ? r.start : undefined}
            data-len={r && r.start >= 0 ? r.end - r.start : undefined}
            data-corrected={fix ? 'true' : undefined}
            title={
              fix
                ? i18n.t('word.correctedFrom', { original: fix.original })
                : low
                  ? i18n.t('word.lowTitle', { n: Math.round(normalisedConfidence(w.confidence) * 100) })
                  : undefined
            }
            style={{ ...boxStyle(w.bbox, scale), fontSize: Math.max(4, h * 0.82), lineHeight: `${Math.max(4, h)}px` }}
            onClick={
              onWordClick
                ? (e) => {
                    // A click that ends a drag-selection is a selection, not a request to edit.
                    if (!window.getSelection()?.isCollapsed) return;
                    onWordClick(i, { x: e.clientX, y: e.clientY });
                  }
                : undefined
            }
          >
            {w.text}
          </span>
        );
      })}
    </div>
  );
}
