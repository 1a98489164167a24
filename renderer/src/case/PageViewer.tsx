// The reading view: the toolbar (pages, the page box, the file, the hit walk, zoom), the
// thumbnails rail and the case's pages as one continuous strip (PageStrip). Turning a page
// (the buttons, j/k, ←/→) scrolls the strip to the next or previous page.
import { useState } from 'react';
import type { ReactNode, RefObject } from 'react';
import { useI18n } from '../i18n';
import type { PageMarks } from './usePageMarks';
import './viewer.css';
import { ThumbRail } from './ThumbRail';
import { HitNav, JumpBox } from './PageControls';
import { PageStrip } from './PageStrip';
import type { WordClick } from './PageStrip';
import type { StripHandle } from './useStrip';
import type { Position } from './reading-order';
import type { HitWalk } from './useHitWalk';
import type { CaseFile, PageView } from '../../../shared/api';
import { visibleName } from '../../../shared/names';

export const ZOOM_MIN = 0.5;
export const ZOOM_MAX = 4;
export const ZOOM_STEP = 0.25;

interface Props {
  caseId: string;
  /** The page asked for; `view` may still be the one before it while this one loads. */
  at: Position | null;
  view: PageView | null;
  /** The case's files with pages, in reading order: the thumbnails rail and the counter. */
  files: readonly CaseFile[];
  marks: PageMarks;
  overlayRef: RefObject<HTMLDivElement | null>;
  onWordClick: WordClick | null;
  /** The page the reader scrolled to. */
  onCurrent(pos: Position): void;
  stripRef?: RefObject<StripHandle | null>;
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

export function PageViewer(props: Props) {
  const {
    caseId,
    at,
    files,
    marks,
    overlayRef,
    onWordClick,
    onCurrent,
    stripRef,
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
  const [rail, setRail] = useState(() => window.innerWidth >= 1280);
  const file = at ? files.find((f) => f.id === at.fileId) : undefined;
  const pageCount = file?.pages ?? 0;
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
          title={`${t('page.prev')} (← / k)`}
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
          title={`${t('page.next')} (→ / j)`}
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
        <PageStrip
          caseId={caseId}
          files={files}
          at={at}
          view={props.view}
          marks={marks}
          overlayRef={overlayRef}
          onWordClick={onWordClick}
          zoom={zoom}
          onCurrent={onCurrent}
          handleRef={stripRef}
        />
      </div>
    </section>
  );
}
