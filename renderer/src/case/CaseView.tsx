// Over 400 lines on purpose: the reader's place (page, lit words, side tab, person) and its edits live here and every pane
// reads them; the panes, the hooks and the place logic already have files of their own beside it.
// One case, read the way a reviewer reads paper: the catalogue on the left, the page in
// the middle, its words on the right. The other views of the case (timeline, findings,
// graph…) sit in tabs and all lead back here: every fact points at a page and the words
// that prove it. Where the reader is (view, page, lit words, side tab, person) is the
// place the router keeps; this component reads it and asks for a new one.
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { call, onEvent } from '../api';
import { useI18n } from '../i18n';
import { FindingsPanel } from '../findings/FindingsPanel';
import { HistoryView } from '../history/HistoryView';
import { TimelineView } from '../timeline/TimelineView';
import { errorText, useCall } from '../useCall';
import { CaseBar } from './CaseBar';
import { Catalogue } from './Catalogue';
import { PageViewer, ZOOM_MAX, ZOOM_MIN } from './PageViewer';
import type { StripHandle } from './useStrip';
import { SelectionBar } from './SelectionBar';
import { SidePanel } from './SidePanel';
import { WordEditor } from './WordEditor';
import { useWordSave } from './useWordSave';
import { placeOfRef } from './place';
import type { CasePlace, MainTab } from './place';
import {
  canStep,
  documentAt,
  evidenceInOrder,
  findingsPerDocument,
  firstPosition,
  nextEvidence,
  readableFiles,
  stepDocument,
  stepPage,
  validPosition,
} from './reading-order';
import type { Position } from './reading-order';
import { usePageMarks } from './usePageMarks';
import type { Highlight } from './usePageMarks';
import { useHitWalk } from './useHitWalk';
import { useReaderKeys } from './useReaderKeys';
import { useWordSelection } from './useWordSelection';
import { ReviewBanner } from './ReviewBanner';
import type { Annotation, PageRef, ProgressEvent, Request, SearchHit } from '../../../shared/api';

// cytoscape is most of the bundle and only the graph tab needs it: loaded when first opened.
const GraphView = lazy(async () => ({ default: (await import('../graph/GraphView')).GraphView }));
const CompareView = lazy(async () => ({ default: (await import('../statements/CompareView')).CompareView }));

interface Props {
  caseId: string;
  /** Changes when a review of this case finishes, to reload what it produced. */
  version: number;
  /** The review reading this case right now: its catalogue, people and findings are still to come. */
  reviewing: { progress: ProgressEvent | null } | null;
  place: CasePlace;
  /** A new place: pushed (the back button returns here) or replacing this one (paging, a settled default). */
  onPlace(place: CasePlace, how: 'push' | 'replace'): void;
  onBack(): void;
  onOpenCase(caseId: string, place: CasePlace): void;
}

export function CaseView({ caseId, version, reviewing, place, onPlace, onBack, onOpenCase }: Props) {
  const { t } = useI18n();
  const [zoom, setZoom] = useState(1);
  const [pageVersion, setPageVersion] = useState(0);
  const [notesVersion, setNotesVersion] = useState(0);
  const [editing, setEditing] = useState<{ index: number; at: { x: number; y: number } } | null>(null);
  const [annotationsError, setAnnotationsError] = useState<string | null>(null);
  // The words a reference quoted, kept while its page is shown: the URL holds only offsets.
  const [refHint, setRefHint] = useState<Highlight | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const jumpRef = useRef<HTMLInputElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const overlayRef = useRef<HTMLDivElement>(null);
  const stripRef = useRef<StripHandle>(null);
  // A word clicked on a page beside the current one: opened once that page is the current one.
  const editNext = useRef<{ fileId: number; page: number; index: number; at: { x: number; y: number } } | null>(null);
  const findingCursor = useRef(-1);
  const placeRef = useRef(place);
  placeRef.current = place;

  const caseReq = useMemo(() => ({ caseId }), [caseId]);
  // Opened while its review runs, the case may hold no page yet: asked again as pages are read.
  const [detailVersion, setDetailVersion] = useState(0);
  const detailRes = useCall('getCase', caseReq, { keep: true, version: version * 1000 + detailVersion });
  const findingsRes = useCall('listFindings', caseReq, { keep: true, version });
  const annotationsRes = useCall('listAnnotations', caseReq, { keep: true, version: notesVersion });
  const detail = detailRes.data;
  const findings = useMemo(() => findingsRes.data ?? [], [findingsRes.data]);
  const readable = useMemo(() => readableFiles(detail), [detail]);
  const documents = useMemo(() => detail?.documents ?? [], [detail]);

  // Two moves in one tick (a default page settled, then its words lit) build on each other.
  const go = useCallback(
    (patch: Partial<CasePlace>, how: 'push' | 'replace') => {
      const next = { ...placeRef.current, ...patch };
      placeRef.current = next;
      onPlace(next, how);
    },
    [onPlace],
  );

  // The place asked for, checked against the case; a case opened with no page opens at its first document.
  const position = useMemo<Position | null>(() => {
    if (!detail) return null;
    const asked = place.fileId !== null ? { fileId: place.fileId, page: place.page ?? 1 } : null;
    return validPosition(detail, asked) ?? firstPosition(detail, documents);
  }, [detail, documents, place.fileId, place.page]);
  const currentDocument = useMemo(() => documentAt(documents, position), [documents, position]);
  useEffect(() => {
    if (!position) return;
    const doc = currentDocument?.id ?? null;
    if (position.fileId !== place.fileId || position.page !== place.page || doc !== place.doc)
      go({ fileId: position.fileId, page: position.page, doc }, 'replace');
  }, [position, currentDocument, place.fileId, place.page, place.doc, go]);

  const pageReq = useMemo<Request<'getPage'> | null>(
    () => (position ? { caseId, fileId: position.fileId, page: position.page } : null),
    [caseId, position],
  );
  const pageRes = useCall('getPage', pageReq, { keep: true, version: version * 1000 + pageVersion });
  const view = pageRes.data;
  const wordSave = useWordSave(pageRes.set, () => setEditing(null));

  const moveTo = useCallback(
    (pos: Position, how: 'push' | 'replace' = 'replace') => {
      // Asked for the page already current (scrolled into its middle): back to its top.
      if (how === 'push' && position && pos.fileId === position.fileId && pos.page === position.page) stripRef.current?.reveal(pos);
      setRefHint(null);
      go({ fileId: pos.fileId, page: pos.page, sel: null, doc: documentAt(documents, pos)?.id ?? null }, how);
    },
    [go, documents, position],
  );

  // Whatever was open over the previous page (a word being edited, a selection) belongs to it.
  const shownSha = view?.sha256 ?? null;
  const shownPage = view?.page ?? null;
  const [pending, setPending] = useWordSelection(view, [textRef, overlayRef]);
  useEffect(() => {
    const next = editNext.current;
    const arrived = next !== null && view !== null && next.fileId === view.fileId && next.page === view.page;
    if (arrived) editNext.current = null;
    setEditing(arrived ? { index: next.index, at: next.at } : null);
    setPending(null);
    // Only a change of page settles this; the view itself changes with every correction.
  }, [shownSha, shownPage, setPending]);

  // While a review runs, a page being read may be OCRed under the reviewer's eyes.
  useEffect(
    () =>
      onEvent((e) => {
        if (e.kind === 'page' && e.event.caseId === caseId && e.event.sha256 === shownSha && e.event.page === shownPage)
          setPageVersion((v) => v + 1);
        if (e.kind === 'page' && e.event.caseId === caseId && !shownSha) setDetailVersion((v) => v + 1);
        if (e.kind === 'page' && e.event.caseId === caseId) stripRef.current?.pageRead(e.event.sha256, e.event.page);
        if (e.kind === 'menu' && e.event.action === 'search') {
          searchRef.current?.focus();
          searchRef.current?.select();
        }
      }),
    [caseId, shownSha, shownPage],
  );

  /** Opens a page with the words to light up: the one way every other view leads here. */
  const openRef = useCallback(
    (ref: PageRef) => {
      if (!ref.fileId) return;
      setRefHint({ fileId: ref.fileId, page: ref.page, text: ref.text, start: ref.start, end: ref.end, bbox: ref.bbox });
      const side = placeRef.current.side;
      // A list the reviewer is working through stays open when the words show on the image anyway.
      go({ ...placeOfRef(ref, placeRef.current), side: ref.bbox && (side === 'findings' || side === 'notes') ? side : 'text' }, 'push');
    },
    [go],
  );

  const openEntity = useCallback((id: string) => go({ tab: 'read', entity: id }, 'push'), [go]);

  const openHit = useCallback(
    (hit: SearchHit, hits?: readonly SearchHit[], query?: string) => {
      const ref: PageRef = {
        document: hit.documentId,
        documentTitle: hit.documentTitle,
        fileId: hit.fileId,
        file: hit.file,
        page: hit.page,
        text: hit.snippet.slice(hit.start, hit.end),
        bbox: hit.bbox ?? null,
      };
      if (hit.pageStart !== undefined) ref.start = hit.pageStart;
      if (hit.pageEnd !== undefined) ref.end = hit.pageEnd;
      if (hit.caseId !== caseId) onOpenCase(hit.caseId, placeOfRef(ref));
      else openRef(ref);
      if (hits && query !== undefined) hitWalk.start(hit, hits, query);
    },
    // The walk opens its hits through this, so it is made below; it changes with the readable files.
    [caseId, onOpenCase, openRef, readable],
  );
  const hitWalk = useHitWalk(caseId, readable, openHit);

  // The lit words: those of the place's offsets (with the quote a reference gave, while it is on screen).
  const highlight = useMemo<Highlight | null>(() => {
    if (!position) return null;
    const hint = refHint && refHint.fileId === position.fileId && refHint.page === position.page ? refHint : null;
    if (place.sel) {
      const same = hint && hint.start === place.sel.start && hint.end === place.sel.end;
      return {
        fileId: position.fileId,
        page: position.page,
        text: same ? hint.text : '',
        start: place.sel.start,
        end: place.sel.end,
        bbox: same ? hint.bbox : undefined,
      };
    }
    return hint && hint.start === undefined ? hint : null;
  }, [position, place.sel, refHint]);
  const { shown, ranges, lit, spans, marks } = usePageMarks(view, highlight);
  // A quote found by its words is given its offsets, so the address holds it.
  useEffect(() => {
    if (lit?.range && !place.sel && view && position && view.fileId === position.fileId && view.page === position.page)
      go({ sel: lit.range }, 'replace');
  }, [lit, place.sel, view, position, go]);
  const clearHighlight = useCallback(() => {
    setRefHint(null);
    go({ sel: null }, 'replace');
  }, [go]);

  const evidence = useMemo(() => evidenceInOrder(findings, readable), [findings, readable]);
  const findingCounts = useMemo(() => findingsPerDocument(findings), [findings]);

  const step = useCallback(
    (delta: 1 | -1) => {
      if (position) moveTo(stepPage(readable, position, delta));
    },
    [position, readable, moveTo],
  );
  const stepDoc = useCallback(
    (delta: 1 | -1) => {
      const next = position ? stepDocument(documents, readable, position, delta) : null;
      if (next) moveTo({ fileId: next.fileId, page: next.pageFrom }, 'push');
    },
    [position, documents, readable, moveTo],
  );
  const changeZoom = useCallback((z: number) => setZoom(Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, Math.round(z * 100) / 100))), []);

  useReaderKeys({
    reading: place.tab === 'read',
    focusSearch(select) {
      searchRef.current?.focus();
      if (select) searchRef.current?.select();
    },
    escape() {
      if (editing) setEditing(null);
      else if (pending) {
        setPending(null);
        window.getSelection()?.removeAllRanges();
      } else if (place.entity) go({ entity: null }, 'push');
      else if (highlight) clearHighlight();
      else return false;
      return true;
    },
    step,
    scroll: (kind, dir) => stripRef.current?.scroll(kind, dir),
    stepDocument: stepDoc,
    nextFinding() {
      if (!position) return;
      const index = nextEvidence(evidence, readable, findingCursor.current, position);
      findingCursor.current = index;
      const ref = evidence[index];
      if (ref) openRef(ref);
    },
    nextHit: (d) => hitWalk.step(d),
    zoomBy: (d) => setZoom((z) => Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, z + d))),
    zoomReset: () => setZoom(1),
    jumpToPage: () => jumpRef.current?.focus(),
  });

  const resetSave = wordSave.reset;
  const onWordClick = useCallback(
    (index: number, at: { x: number; y: number }) => {
      resetSave();
      setEditing({ index, at });
    },
    [resetSave],
  );
  const onPageWordClick = useCallback(
    (pos: Position, index: number, at: { x: number; y: number }) => {
      if (position && pos.fileId === position.fileId && pos.page === position.page) onWordClick(index, at);
      else {
        resetSave();
        editNext.current = { ...pos, index, at };
      }
    },
    [position, onWordClick, resetSave],
  );
  const editedTarget = view && editing ? { caseId, fileId: view.fileId, page: view.page, wordIndex: editing.index } : null;

  const addAnnotation = (
    kind: 'highlight' | 'note' | 'bookmark',
    note: string,
    range?: { start: number; end: number; text: string },
  ): void => {
    if (!view) return;
    const req: Request<'addAnnotation'> = { caseId, fileId: view.fileId, page: view.page, kind, note };
    if (range) {
      req.start = range.start;
      req.end = range.end;
      req.text = range.text.slice(0, 4000);
    }
    call('addAnnotation', req).then(
      () => {
        setPending(null);
        window.getSelection()?.removeAllRanges();
        setNotesVersion((n) => n + 1);
        setPageVersion((n) => n + 1);
        if (kind !== 'bookmark') go({ side: 'notes' }, 'replace');
      },
      (err: unknown) => setAnnotationsError(errorText(err)),
    );
  };

  const deleteAnnotation = (a: Annotation): void => {
    call('deleteAnnotation', { caseId, id: a.id }).then(
      () => {
        setNotesVersion((n) => n + 1);
        setPageVersion((n) => n + 1);
      },
      (err: unknown) => setAnnotationsError(errorText(err)),
    );
  };

  if (detailRes.error && !detail) {
    return (
      <div className="case-error">
        <p className="error-text" role="alert">
          {t('error.generic', { message: detailRes.error })}
        </p>
        <button type="button" className="button" onClick={detailRes.reload}>
          {t('common.retry')}
        </button>
        <button type="button" className="button button--quiet" onClick={onBack}>
          {t('case.back')}
        </button>
      </div>
    );
  }
  if (!detail) return <p className="muted pane-empty">{t('common.loading')}</p>;

  const annotations = annotationsRes.data;
  const bookmark = view
    ? ((annotations ?? []).find((a) => a.kind === 'bookmark' && a.fileId === view.fileId && a.page === view.page) ?? null)
    : null;
  const editable = view?.source === 'ocr';
  const editedWord = editing && view ? view.words[editing.index] : undefined;
  const editedRange = editing ? ranges[editing.index] : undefined;
  const editedMention =
    editedRange && editedRange.start >= 0
      ? ((shown?.mentions ?? []).find((m) => m.start < editedRange.end && m.end > editedRange.start) ?? null)
      : null;
  const tab: MainTab = place.tab;
  const tabBody = (node: ReactNode) => <div className="case-tab-body">{node}</div>;
  const loading = <p className="muted">{t('common.loading')}</p>;

  return (
    <div className="case-view">
      <CaseBar
        detail={detail}
        tab={tab}
        searchRef={searchRef}
        onTab={(id) => go({ tab: id }, 'push')}
        onBack={onBack}
        onOpenHit={openHit}
      />
      {reviewing && <ReviewBanner progress={reviewing.progress} />}
      {tab === 'timeline' &&
        tabBody(
          <TimelineView
            caseId={caseId}
            version={version}
            onOpen={openRef}
            documentTitle={(id) => documents.find((d) => d.id === id)?.title ?? ''}
          />,
        )}
      {tab === 'findings' && tabBody(<FindingsPanel caseId={caseId} version={version} reviewing={reviewing !== null} onOpen={openRef} />)}
      {tab === 'compare' &&
        tabBody(
          <Suspense fallback={loading}>
            <CompareView caseId={caseId} version={version} onOpen={openRef} />
          </Suspense>,
        )}
      {tab === 'graph' &&
        tabBody(
          <Suspense fallback={loading}>
            <GraphView caseId={caseId} version={version} onOpenEntity={openEntity} />
          </Suspense>,
        )}
      {tab === 'history' && tabBody(<HistoryView caseId={caseId} />)}
      <div className="case-panes" hidden={tab !== 'read'}>
        <Catalogue
          detail={detail}
          reviewing={reviewing !== null}
          currentDocumentId={currentDocument?.id ?? null}
          findingCounts={findingCounts}
          onSelect={(d) => moveTo({ fileId: d.fileId, page: d.pageFrom }, 'push')}
        />
        <PageViewer
          caseId={caseId}
          at={position}
          files={readable}
          hits={hitWalk}
          jumpRef={jumpRef}
          onGo={(pos) => moveTo(pos, 'push')}
          view={view}
          marks={marks}
          overlayRef={overlayRef}
          onWordClick={onPageWordClick}
          onCurrent={(pos) => moveTo(pos, 'replace')}
          stripRef={stripRef}
          actions={
            view && (
              <button
                type="button"
                className={`button button--small${bookmark ? ' button--on' : ''}`}
                aria-pressed={bookmark !== null}
                data-testid="bookmark"
                onClick={() => (bookmark ? deleteAnnotation(bookmark) : addAnnotation('bookmark', ''))}
                title={t('notes.bookmarkTitle')}
              >
                {bookmark ? '★' : '☆'} {t('notes.bookmark')}
              </button>
            )
          }
          zoom={zoom}
          canPrev={canStep(readable, position, -1)}
          canNext={canStep(readable, position, 1)}
          onPrev={() => step(-1)}
          onNext={() => step(1)}
          onZoom={changeZoom}
        />
        <SidePanel
          caseId={caseId}
          detail={detail}
          version={version}
          reviewing={reviewing !== null}
          side={place.side}
          onSide={(side) => go({ side }, 'replace')}
          entityId={place.entity}
          view={view}
          spans={spans}
          document={currentDocument}
          pageLoading={pageRes.loading}
          pageError={pageRes.error}
          textRef={textRef}
          annotations={annotations}
          annotationsError={annotationsError ?? annotationsRes.error}
          editable={editable}
          onWordClick={onWordClick}
          onOpen={openRef}
          onOpenEntity={openEntity}
          onCloseEntity={() => go({ entity: null }, 'push')}
          onOpenOtherCase={(otherCase, otherEntity) =>
            onOpenCase(otherCase, { ...placeRef.current, tab: 'read', fileId: null, page: null, doc: null, sel: null, entity: otherEntity })
          }
          onDeleteAnnotation={deleteAnnotation}
        />
      </div>
      {tab === 'read' && editing && editedWord && (
        <WordEditor
          key={`${view?.sha256}:${view?.page}:${editing.index}`}
          word={editedWord}
          index={editing.index}
          at={editing.at}
          original={view?.corrections?.find((c) => c.wordIndex === editing.index)?.original ?? null}
          mention={editedMention}
          state={wordSave.state}
          settled={(view?.corrections ?? []).some((c) => c.wordIndex === editing.index) || (view?.confirmed ?? []).includes(editing.index)}
          onSave={(text) => editedTarget && wordSave.correct(editedTarget, text)}
          onConfirm={() => editedTarget && wordSave.confirm(editedTarget)}
          onOpenEntity={(id) => {
            setEditing(null);
            openEntity(id);
          }}
          onClose={() => setEditing(null)}
        />
      )}
      {tab === 'read' && pending && !editing && (
        <SelectionBar
          key={`${pending.start}-${pending.end}`}
          selection={pending}
          onSave={(kind, note) => addAnnotation(kind, note, pending)}
        />
      )}
    </div>
  );
}
