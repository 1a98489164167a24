// The page as scanned. Images are fetched on demand at the width the reviewer
// actually sees (rounded to a few sizes so zooming reuses them), and the next page
// is fetched ahead so paging through a volume does not stall. Over the image lies the
// OCR text, one transparent span per word at its box, so the scan itself can be
// selected, searched and corrected; entities, the opened hit, findings' evidence and
// notes are drawn as boxes on their words (usePageMarks). A page shows only its own
// image: while the next one loads, a placeholder of its size stands in, never the last.
import { errorText } from '../errors';
import { useEffect, useRef, useState } from 'react';
import type { ReactNode, RefObject, WheelEvent } from 'react';
import { call } from '../api';
import { useI18n } from '../i18n';
import type { PageMarks } from './usePageMarks';
import './viewer.css';
import { ThumbRail } from './ThumbRail';
import { HitNav, JumpBox } from './PageControls';
import { WordLayer } from './WordLayer';
import type { Position } from './reading-order';
import type { HitWalk } from './useHitWalk';
import type { CaseFile, PageView } from '../../../shared/api';
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

interface Props {
  caseId: string;
  /** The page asked for; `view` may still be the one before it while this one loads. */
  at: Position | null;
  view: PageView | null;
  /** The case's files with pages, in reading order: the thumbnails rail and the counter. */
  files: readonly CaseFile[];
  marks: PageMarks;
  overlayRef: RefObject<HTMLDivElement | null>;
  /** Null where words are not corrected (a PDF's own text layer). */
  onWordClick: ((index: number, at: { x: number; y: number }) => void) | null;
  /** Page actions beside the zoom controls (bookmark). */
  actions?: ReactNode;
  /** The walk through a search's hits, once a hit was opened. */
  hits?: { walk: HitWalk | null; step(delta: 1 | -1): boolean; close(): void };
  /** Focused by the g key. */
  jumpRef?: RefObject<HTMLInputElement | null>;
  zoom: number;
  canPrev: boolean;
  canNext: boolean;
  onPrev(): void;
  onNext(): void;
  onGo(pos: Position): void;
  onZoom(zoom: number): void;
}

// Wheel travel past a page's end that turns to the next page: a deliberate push, not the
// scroll's own momentum running out at the bottom.
const TURN_TRAVEL = 240;

export function PageViewer(props: Props) {
  const {
    caseId,
    at,
    files,
    marks,
    overlayRef,
    onWordClick,
    actions,
    hits,
    jumpRef,
    zoom,
    canPrev,
    canNext,
    onPrev,
    onNext,
    onGo,
    onZoom,
  } = props;
  const i18n = useI18n();
  const { t } = i18n;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [fitWidth, setFitWidth] = useState(0);
  // The image loaded last and the page it belongs to: shown only on that page.
  const [shown, setShown] = useState<{ key: string; url: string } | null>(null);
  const [error, setError] = useState<{ key: string; message: string } | null>(null);
  const [rail, setRail] = useState(() => window.innerWidth >= 1280);
  const travel = useRef(0);
  // Only the page asked for is drawn: the one before it never stands in for it.
  const view = props.view && at && props.view.fileId === at.fileId && props.view.page === at.page ? props.view : null;
  const file = at ? files.find((f) => f.id === at.fileId) : undefined;

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

  const sha256 = file?.sha256 ?? null;
  const page = at?.page ?? null;
  const pageCount = file?.pages ?? 0;
  const displayWidth = Math.round(fitWidth * zoom);
  const requestWidth = fitWidth > 0 ? bucketWidth(displayWidth) : 0;
  const key = `${sha256}:${page}`;

  useEffect(() => {
    if (!sha256 || !caseId || page === null || requestWidth === 0) return;
    let live = true;
    loadImage(caseId, sha256, page, requestWidth).then(
      (url) => {
        if (live) setShown({ key: `${sha256}:${page}`, url });
      },
      (err: unknown) => {
        if (live) setError({ key: `${sha256}:${page}`, message: errorText(err) });
      },
    );
    if (page < pageCount) void loadImage(caseId, sha256, page + 1, requestWidth).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [caseId, sha256, page, pageCount, requestWidth]);

  // A new page starts at its top, or at its bottom when the reader scrolled back into it.
  const enterFromBelow = useRef(false);
  useEffect(() => {
    const el = scrollRef.current;
    travel.current = 0;
    if (!el) return;
    el.scrollTo({ top: enterFromBelow.current ? el.scrollHeight : 0 });
  }, [sha256, page]);

  const src = shown !== null && shown.key === key ? shown.url : null;
  const failed = error !== null && error.key === key ? error.message : null;
  useEffect(() => {
    if (src && enterFromBelow.current) {
      enterFromBelow.current = false;
      const el = scrollRef.current;
      el?.scrollTo({ top: el.scrollHeight });
    }
  }, [src]);

  // The opened hit is brought into view once its page's image is on screen.
  const hit = marks.hit;
  useEffect(() => {
    if (hit.length === 0 || !src || !view) return;
    scrollRef.current?.querySelector('[data-testid="hit-box"]')?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [hit, src, view]);
  const aspect = view?.width && view.height ? view.height / view.width : 1.414;

  // Scrolling on past a page's end carries on into the next page, across documents and
  // files alike, as paper does; back past its top into the one before.
  const onWheel = (e: WheelEvent<HTMLDivElement>): void => {
    const el = scrollRef.current;
    if (!el || e.ctrlKey || Math.abs(e.deltaY) < Math.abs(e.deltaX)) return;
    const atEnd = el.scrollTop + el.clientHeight >= el.scrollHeight - 2;
    const atTop = el.scrollTop <= 0;
    if ((e.deltaY > 0 && atEnd && canNext) || (e.deltaY < 0 && atTop && canPrev)) {
      travel.current += e.deltaY;
      if (travel.current >= TURN_TRAVEL) {
        travel.current = 0;
        onNext();
      } else if (travel.current <= -TURN_TRAVEL) {
        travel.current = 0;
        enterFromBelow.current = true;
        onPrev();
      }
    } else travel.current = 0;
  };

  const nextIndex = at ? files.findIndex((f) => f.id === at.fileId) + 1 : -1;
  const nextFile = file && page === file.pages ? files[nextIndex] : undefined;
  const counter = at ? t('page.counter', { page: at.page, count: pageCount }) : t('common.none');

  return (
    <section className="viewer" aria-label={at ? counter : undefined}>
      <div className={`viewer-toolbar${hits?.walk ? ' viewer-toolbar--hits' : ''}`}>
        <button
          type="button"
          className={`button button--small${rail ? ' button--on' : ''}`}
          aria-pressed={rail}
          onClick={() => setRail((r) => !r)}
          title={t('page.thumbsTitle')}
          data-testid="thumbs-toggle"
        >
          ▦<span className="toolbar-label"> {t('page.thumbs')}</span>
        </button>
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
          {counter}
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
        {at && file ? (
          <JumpBox
            key={`${at.fileId}:${at.page}`}
            inputRef={jumpRef}
            page={at.page}
            count={file.pages}
            onJump={(p) => onGo({ fileId: at.fileId, page: p })}
          />
        ) : null}
        <span className="viewer-file muted small" title={file ? visibleName(file.path) : undefined}>
          {file ? visibleName(file.path) : null}
        </span>
        <span className="toolbar-spacer" />
        {hits?.walk ? <HitNav walk={hits.walk} onStep={hits.step} onClose={hits.close} /> : null}
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
      <div className={`viewer-body${rail ? ' viewer-body--rail' : ''}`}>
        {rail && caseId ? <ThumbRail caseId={caseId} files={files} at={at} onGo={onGo} /> : null}
        <div className="viewer-scroll" ref={scrollRef} tabIndex={-1} onWheel={onWheel}>
          {!at && <p className="muted pane-empty">{t('page.noPage')}</p>}
          {at && (
            <div
              key={key}
              className="page-sheet"
              aria-busy={!src || !view}
              data-testid="page-sheet"
              data-page={key}
              style={{ width: displayWidth, minHeight: src ? undefined : Math.round(displayWidth * aspect) }}
            >
              {src && view && !failed && view.width ? (
                <WordLayer view={view} marks={marks} scale={displayWidth / view.width} layerRef={overlayRef} onWordClick={onWordClick} />
              ) : null}
              {failed ? (
                <p className="error-text pane-empty">{t('page.imageError', { message: failed })}</p>
              ) : src ? (
                <img src={src} alt={counter} data-testid="page-image" data-page={key} draggable={false} style={{ width: '100%' }} />
              ) : (
                <p className="muted pane-empty" data-testid="page-loading">
                  {t('page.loading')}
                </p>
              )}
            </div>
          )}
          {nextFile && src ? <p className="page-next muted small">{t('page.nextFile', { file: visibleName(nextFile.path) })}</p> : null}
        </div>
      </div>
    </section>
  );
}
