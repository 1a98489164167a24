// The pages of the whole case as one continuous strip, file after file, as a PDF reader
// shows a volume. Every page has a slot of its height, but only the pages in or near the
// viewport are mounted (image, words, marks); the rest is empty height, so a 1,000-page
// case keeps a small DOM and only a few images in memory. The current page is the one that
// fills most of the viewport; it carries the reviewer's tools (editing, selection, the hit).
import { errorText } from '../errors';
import { useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { useI18n } from '../i18n';
import { useCall } from '../useCall';
import { usePageMarks } from './usePageMarks';
import type { PageMarks } from './usePageMarks';
import { WordLayer } from './WordLayer';
import { bucketWidth, loadImage } from './page-images';
import { FILE_GAP, PAD, slotKey } from './strip-layout';
import { useStrip } from './useStrip';
import type { StripHandle } from './useStrip';
import { slotsOf } from './volume';
import type { Slot } from './volume';
import type { Position } from './reading-order';
import type { CaseFile, PageView } from '../../../shared/api';
import { visibleName } from '../../../shared/names';

export type WordClick = (pos: Position, index: number, at: { x: number; y: number }) => void;

interface Props {
  caseId: string;
  files: readonly CaseFile[];
  at: Position | null;
  /** The current page as the case view holds it; `marks` are drawn on it. */
  view: PageView | null;
  marks: PageMarks;
  overlayRef: RefObject<HTMLDivElement | null>;
  /** Null where words are not corrected; a page's own source decides for the others. */
  onWordClick: WordClick | null;
  zoom: number;
  onCurrent(pos: Position): void;
  handleRef?: RefObject<StripHandle | null> | undefined;
}

export function PageStrip(props: Props) {
  const { caseId, files, at, view, marks, overlayRef, onWordClick, zoom, onCurrent, handleRef } = props;
  const { t } = useI18n();
  const slots = useMemo(() => slotsOf(files), [files]);
  const [fitWidth, setFitWidth] = useState(0);
  const width = Math.round(fitWidth * zoom);
  const strip = useStrip({ slots, at, width, onCurrent });
  const { scrollRef, layout } = strip;

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    // Leave room for the page's margin and shadow.
    const measure = (): void => setFitWidth(Math.max(200, el.clientWidth - 2 * PAD));
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    measure();
    return () => observer.disconnect();
  }, [scrollRef]);

  const names = useMemo(() => new Map(files.map((f) => [f.id, visibleName(f.path)])), [files]);

  // A mounted page read while the review runs is asked for again, as the case view does for its
  // own; the case view's subscription tells (one per window: a browser holds few streams open).
  const [reads, setReads] = useState<ReadonlyMap<string, number>>(() => new Map());
  const mountedKeys = useRef(new Set<string>());
  mountedKeys.current = new Set(strip.mounted.map((i) => (slots[i] ? `${slots[i].sha256}:${slots[i].page}` : '')));
  const { handle } = strip;
  useImperativeHandle(
    handleRef,
    () => ({
      ...handle,
      pageRead(sha256, page) {
        const key = `${sha256}:${page}`;
        if (mountedKeys.current.has(key)) setReads((m) => new Map(m).set(key, (m.get(key) ?? 0) + 1));
      },
    }),
    [handle],
  );

  return (
    <div className="viewer-scroll viewer-scroll--strip" ref={scrollRef} tabIndex={-1} data-testid="page-strip">
      {!at && <p className="muted pane-empty">{t('page.noPage')}</p>}
      {width > 0 && (
        <div className="strip" style={{ height: layout.total, width: width + 2 * PAD }}>
          {strip.mounted.map((i) => {
            const slot = slots[i] as Slot;
            const current = i === strip.current;
            const prev = slots[i - 1];
            return (
              <StripPage
                key={slotKey(slot)}
                caseId={caseId}
                slot={slot}
                top={layout.tops[i] ?? 0}
                height={layout.heights[i] ?? 0}
                width={width}
                fileName={prev && prev.fileId !== slot.fileId ? (names.get(slot.fileId) ?? '') : null}
                current={current}
                view={current ? view : null}
                marks={current ? marks : null}
                overlayRef={overlayRef}
                onWordClick={onWordClick}
                onMeasure={strip.measure}
                onHold={strip.hold}
                onAdopt={() => strip.adopt(i)}
                read={reads.get(`${slot.sha256}:${slot.page}`) ?? 0}
              />
            );
          })}
        </div>
      )}
    </div>
  );
}

interface PageProps {
  caseId: string;
  slot: Slot;
  top: number;
  height: number;
  width: number;
  /** Shown over a file's first page, where one file ends and the next begins. */
  fileName: string | null;
  current: boolean;
  view: PageView | null;
  marks: PageMarks | null;
  overlayRef: RefObject<HTMLDivElement | null>;
  onWordClick: WordClick | null;
  onMeasure(key: string, aspect: number): void;
  /** Called before the strip scrolls itself (to the hit), so the page does not follow. */
  onHold(): void;
  /** Makes this page the current one where it is, without scrolling. */
  onAdopt(): void;
  /** Counts the times the running review read this page: its words are asked for again. */
  read: number;
}

function StripPage(props: PageProps) {
  const { caseId, slot, top, height, width, fileName, current, overlayRef, onWordClick, onMeasure, onHold, onAdopt, read } = props;
  const { t } = useI18n();
  const own = useRef<HTMLDivElement>(null);
  const sheetRef = useRef<HTMLDivElement>(null);
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const key = slotKey(slot);
  const pos = useMemo(() => ({ fileId: slot.fileId, page: slot.page }), [slot.fileId, slot.page]);

  // The pages beside the current one fetch their own words; the current one's come from the case view.
  const req = useMemo(() => (current ? null : { caseId, fileId: slot.fileId, page: slot.page }), [current, caseId, slot.fileId, slot.page]);
  const fetched = useCall('getPage', req, { keep: true, version: read });
  const ownView = fetched.data && fetched.data.fileId === slot.fileId && fetched.data.page === slot.page ? fetched.data : null;
  const given = props.view && props.view.fileId === slot.fileId && props.view.page === slot.page ? props.view : null;
  const ownMarks = usePageMarks(given ? null : ownView, null).marks;
  const view = given ?? ownView;
  const marks = given && props.marks ? props.marks : ownMarks;

  const requestWidth = width > 0 ? bucketWidth(width) : 0;
  useEffect(() => {
    if (requestWidth === 0) return;
    let live = true;
    loadImage(caseId, slot.sha256, slot.page, requestWidth).then(
      (url) => {
        if (live) setSrc(url);
      },
      (err: unknown) => {
        if (live) setFailed(errorText(err));
      },
    );
    return () => {
      live = false;
    };
  }, [caseId, slot.sha256, slot.page, requestWidth]);

  // The opened hit is brought into view once its page's image is on screen.
  const hit = given && props.marks ? props.marks.hit : null;
  useEffect(() => {
    if (!hit || hit.length === 0 || !src) return;
    const box = sheetRef.current?.querySelector('[data-testid="hit-box"]');
    if (!box) return;
    onHold();
    box.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [hit, src, onHold]);

  const editable = onWordClick !== null && view?.source === 'ocr';
  const click = editable
    ? (index: number, at: { x: number; y: number }) => {
        onWordClick(pos, index, at);
        if (!current) onAdopt();
      }
    : null;
  const label = t('page.counter', { page: slot.page, count: view?.pageCount ?? slot.page });
  const dataPage = `${slot.sha256}:${slot.page}`;

  return (
    <div className="strip-slot" style={{ top, height }} data-slot={key}>
      {fileName !== null && (
        <p className="strip-file small" style={{ top: -FILE_GAP }}>
          {fileName}
        </p>
      )}
      <div
        ref={sheetRef}
        className="page-sheet"
        aria-busy={!src || !view}
        aria-current={current ? 'page' : undefined}
        data-testid={current ? 'page-sheet' : 'strip-sheet'}
        data-page={dataPage}
        style={{ width, height }}
      >
        {src && view && !failed && view.width ? (
          <WordLayer view={view} marks={marks} scale={width / view.width} layerRef={current ? overlayRef : own} onWordClick={click} />
        ) : null}
        {failed ? (
          <p className="error-text pane-empty">{t('page.imageError', { message: failed })}</p>
        ) : src ? (
          <img
            src={src}
            alt={label}
            data-testid={current ? 'page-image' : 'strip-image'}
            data-page={dataPage}
            draggable={false}
            style={{ width: '100%' }}
            onLoad={(e) => onMeasure(key, e.currentTarget.naturalHeight / e.currentTarget.naturalWidth)}
          />
        ) : (
          <p className="muted pane-empty" data-testid={current ? 'page-loading' : undefined}>
            {t('page.loading')}
          </p>
        )}
      </div>
    </div>
  );
}
