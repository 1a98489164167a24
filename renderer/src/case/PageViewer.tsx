// The page as scanned. Images are fetched on demand at the width the reviewer
// actually sees (rounded to a few sizes so zooming reuses them), and the next page
// is fetched ahead so paging through a volume does not stall.
import { useEffect, useRef, useState } from 'react';
import { call } from '../api';
import { useI18n } from '../i18n';
import type { PageView } from '../../../shared/api';

export const ZOOM_MIN = 0.5;
export const ZOOM_MAX = 4;
export const ZOOM_STEP = 0.25;

const WIDTH_BUCKET = 400;
const MAX_IMAGE_WIDTH = 3200;
const CACHE_LIMIT = 24;

// Data URLs of page images by sha256:page:width; a small LRU keeps memory bounded on long cases.
const imageCache = new Map<string, Promise<string>>();

function loadImage(sha256: string, page: number, maxWidth: number): Promise<string> {
  const key = `${sha256}:${page}:${maxWidth}`;
  const hit = imageCache.get(key);
  if (hit) {
    imageCache.delete(key);
    imageCache.set(key, hit);
    return hit;
  }
  const pending = call('getPageImage', { sha256, page, maxWidth }).then((img) => `data:${img.mime};base64,${img.dataBase64}`);
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

interface Props {
  view: PageView | null;
  zoom: number;
  canPrev: boolean;
  canNext: boolean;
  onPrev(): void;
  onNext(): void;
  onZoom(zoom: number): void;
}

export function PageViewer({ view, zoom, canPrev, canNext, onPrev, onNext, onZoom }: Props) {
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
  const page = view?.page ?? null;
  const pageCount = view?.pageCount ?? 0;
  const displayWidth = Math.round(fitWidth * zoom);
  const requestWidth = fitWidth > 0 ? bucketWidth(displayWidth) : 0;

  useEffect(() => {
    if (!sha256 || page === null || requestWidth === 0) return;
    let live = true;
    setError(null);
    const key = `${sha256}:${page}`;
    loadImage(sha256, page, requestWidth).then(
      (url) => {
        if (live) setShown({ key, url });
      },
      (err: unknown) => {
        if (live) setError(err instanceof Error ? err.message : String(err));
      },
    );
    if (page < pageCount) void loadImage(sha256, page + 1, requestWidth).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [sha256, page, pageCount, requestWidth]);

  // A new page starts at its top.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [sha256, page]);

  const src = shown?.url ?? null;
  const stale = shown !== null && shown.key !== `${sha256}:${page}`;
  const aspect = view?.width && view.height ? view.height / view.width : 1.414;

  return (
    <section className="viewer" aria-label={view ? t('page.counter', { page: view.page, count: view.pageCount }) : undefined}>
      <div className="viewer-toolbar">
        <button type="button" className="button button--small" onClick={onPrev} disabled={!canPrev} title={`${t('page.prev')} (PageUp / k)`}>‹ {t('page.prev')}</button>
        <span className="page-counter tabular" data-testid="page-counter">
          {view ? t('page.counter', { page: view.page, count: view.pageCount }) : t('common.none')}
        </span>
        <button type="button" className="button button--small" onClick={onNext} disabled={!canNext} title={`${t('page.next')} (PageDown / j)`}>{t('page.next')} ›</button>
        <span className="viewer-file muted small" title={view?.file}>{view?.file}</span>
        <span className="toolbar-spacer" />
        <button type="button" className="button button--small button--icon" onClick={() => onZoom(zoom - ZOOM_STEP)} disabled={zoom <= ZOOM_MIN} title={`${t('page.zoomOut')} (-)`} aria-label={t('page.zoomOut')}>−</button>
        <span className="zoom-level tabular small">{Math.round(zoom * 100)}%</span>
        <button type="button" className="button button--small button--icon" onClick={() => onZoom(zoom + ZOOM_STEP)} disabled={zoom >= ZOOM_MAX} title={`${t('page.zoomIn')} (+)`} aria-label={t('page.zoomIn')}>+</button>
        <button type="button" className="button button--small" onClick={() => onZoom(1)} disabled={zoom === 1}>{t('page.fitWidth')}</button>
      </div>
      <div className="viewer-scroll" ref={scrollRef} tabIndex={-1}>
        {!view && <p className="muted pane-empty">{t('page.noPage')}</p>}
        {view && (
          <div className={`page-sheet${stale ? ' page-sheet--stale' : ''}`} aria-busy={stale} style={{ width: displayWidth, minHeight: src ? undefined : Math.round(displayWidth * aspect) }}>
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
