// One case, read the way a reviewer reads paper: the catalogue on the left, the
// page in the middle, its words on the right. Paging runs through the whole case,
// file after file, so a volume split across PDFs reads as one. The other views of
// the case (timeline, findings, graph) sit in tabs and all lead back here: every
// fact points at a page and the words that prove it.
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { call, onEvent } from '../api';
import { useI18n } from '../i18n';
import { ExportButton } from '../export/ExportButton';
import { FindingsPanel } from '../findings/FindingsPanel';
import { HistoryView } from '../history/HistoryView';
import { SearchBox } from '../search/SearchBox';
import { TimelineView } from '../timeline/TimelineView';
import { AnnotationsTab } from './AnnotationsTab';
import { Catalogue } from './Catalogue';
import { EntitiesTab } from './EntitiesTab';
import { EntityPanel } from './EntityPanel';
import { PageText } from './PageText';
import { PageViewer, ZOOM_MAX, ZOOM_MIN } from './PageViewer';
import { SelectionBar } from './SelectionBar';
import type { PendingSelection } from './SelectionBar';
import { WordEditor } from './WordEditor';
import { alignRange, boxOf, segmentText, selectionRange, wordRanges } from './words';
import type { Annotation, BBox, CaseDetail, CatalogueEntry, FindingView, PageRef, PageView, Request, SearchHit } from '../../../shared/api';
import { visibleName } from '../../../shared/names';

// cytoscape is most of the bundle and only the graph tab needs it: loaded when first opened.
const GraphView = lazy(async () => ({ default: (await import('../graph/GraphView')).GraphView }));
const CompareView = lazy(async () => ({ default: (await import('../statements/CompareView')).CompareView }));

interface Position { fileId: number; page: number }

/** What to light up when its page is shown: a search hit, a finding's evidence, a mention. */
interface Highlight { fileId: number; page: number; text: string; start?: number | undefined; end?: number | undefined; bbox?: BBox | null | undefined }

/** Where another screen asks this case to open (a hit or a linked entity in another case). */
export interface CaseTarget { key: number; ref?: PageRef; entityId?: string }

type MainTab = 'read' | 'timeline' | 'findings' | 'compare' | 'graph' | 'history';
type SideTab = 'text' | 'entities' | 'findings' | 'notes';

interface Props {
  caseId: string;
  /** Changes when a review of this case finishes, to reload what it produced. */
  version: number;
  target?: CaseTarget | null;
  onBack(): void;
  onOpenCase(caseId: string, target: Omit<CaseTarget, 'key'>): void;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function CaseView({ caseId, version, target, onBack, onOpenCase }: Props) {
  const { t } = useI18n();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [detailError, setDetailError] = useState<string | null>(null);
  const [position, setPosition] = useState<Position | null>(null);
  const [view, setView] = useState<PageView | null>(null);
  const [pageLoading, setPageLoading] = useState(false);
  const [pageError, setPageError] = useState<string | null>(null);
  const [zoom, setZoom] = useState(1);
  const [attempt, setAttempt] = useState(0);
  const [pageVersion, setPageVersion] = useState(0);
  const [tab, setTab] = useState<MainTab>('read');
  const [sideTab, setSideTab] = useState<SideTab>('text');
  const [highlight, setHighlight] = useState<Highlight | null>(null);
  const [entityId, setEntityId] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ index: number; at: { x: number; y: number } } | null>(null);
  const [editBusy, setEditBusy] = useState(false);
  const [editError, setEditError] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingSelection | null>(null);
  const [annotations, setAnnotations] = useState<Annotation[] | null>(null);
  const [annotationsError, setAnnotationsError] = useState<string | null>(null);
  const [notesVersion, setNotesVersion] = useState(0);
  const [findings, setFindings] = useState<FindingView[]>([]);
  const searchRef = useRef<HTMLInputElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const overlayRef = useRef<HTMLDivElement>(null);
  const findingCursor = useRef(-1);

  useEffect(() => {
    let live = true;
    setDetailError(null);
    call('getCase', { caseId }).then(
      (d) => {
        if (!live) return;
        setDetail(d);
        setPosition((current) => {
          if (current && d.fileList.some((f) => f.id === current.fileId)) return current;
          const firstDoc = d.documents[0];
          if (firstDoc) return { fileId: firstDoc.fileId, page: firstDoc.pageFrom };
          const firstFile = d.fileList.find((f) => f.pages > 0);
          return firstFile ? { fileId: firstFile.id, page: 1 } : null;
        });
      },
      (err: unknown) => {
        if (live) setDetailError(message(err));
      },
    );
    return () => {
      live = false;
    };
  }, [caseId, version, attempt]);

  useEffect(() => {
    let live = true;
    call('listFindings', { caseId }).then((list) => { if (live) setFindings(list); }, () => undefined);
    return () => { live = false; };
  }, [caseId, version]);

  useEffect(() => {
    let live = true;
    call('listAnnotations', { caseId }).then(
      (list) => {
        if (!live) return;
        setAnnotations(list);
        setAnnotationsError(null);
      },
      (err: unknown) => { if (live) setAnnotationsError(message(err)); },
    );
    return () => { live = false; };
  }, [caseId, notesVersion]);

  useEffect(() => {
    if (!position) return;
    let live = true;
    setPageLoading(true);
    setPageError(null);
    call('getPage', { caseId, fileId: position.fileId, page: position.page }).then(
      (v) => {
        if (!live) return;
        setView(v);
        setPageLoading(false);
      },
      (err: unknown) => {
        if (!live) return;
        setPageError(message(err));
        setPageLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [caseId, position, version, pageVersion]);

  // Whatever was open over the previous page (a word being edited, a selection) belongs to it.
  const shownSha = view?.sha256 ?? null;
  const shownPage = view?.page ?? null;
  useEffect(() => {
    setEditing(null);
    setPending(null);
  }, [shownSha, shownPage]);

  // While a review runs, a page being read may be OCRed under the reviewer's eyes.
  useEffect(() => {
    return onEvent((e) => {
      if (e.kind === 'page' && e.event.caseId === caseId && e.event.sha256 === shownSha && e.event.page === shownPage) {
        setPageVersion((v) => v + 1);
      }
      if (e.kind === 'menu' && e.event.action === 'search') {
        searchRef.current?.focus();
        searchRef.current?.select();
      }
    });
  }, [caseId, shownSha, shownPage]);

  // Files that have pages, in the order the case lists them: the reading order.
  const readable = useMemo(() => (detail?.fileList ?? []).filter((f) => f.pages > 0), [detail]);

  const step = useCallback((delta: 1 | -1) => {
    setPosition((pos) => {
      if (!pos) return pos;
      const index = readable.findIndex((f) => f.id === pos.fileId);
      const file = readable[index];
      if (!file) return pos;
      const page = pos.page + delta;
      if (page >= 1 && page <= file.pages) return { fileId: pos.fileId, page };
      const neighbour = readable[index + delta];
      if (!neighbour) return pos;
      return { fileId: neighbour.id, page: delta > 0 ? 1 : neighbour.pages };
    });
  }, [readable]);

  const changeZoom = useCallback((z: number) => {
    setZoom(Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, Math.round(z * 100) / 100)));
  }, []);

  /** Opens a page with the words to light up: the one way every other view leads here. */
  const openRef = useCallback((ref: PageRef) => {
    if (!ref.fileId) return;
    setTab('read');
    // A list the reviewer is working through stays open when the words show on the image anyway.
    setSideTab((side) => (ref.bbox && (side === 'findings' || side === 'notes') ? side : 'text'));
    setPosition((pos) => (pos && pos.fileId === ref.fileId && pos.page === ref.page ? pos : { fileId: ref.fileId, page: ref.page }));
    setHighlight({ fileId: ref.fileId, page: ref.page, text: ref.text, start: ref.start, end: ref.end, bbox: ref.bbox });
  }, []);

  const openEntity = useCallback((id: string) => {
    setTab('read');
    setEntityId(id);
  }, []);

  const openHit = useCallback((hit: SearchHit) => {
    const ref: PageRef = { document: hit.documentId, documentTitle: hit.documentTitle, fileId: hit.fileId, file: hit.file, page: hit.page, text: hit.snippet.slice(hit.start, hit.end), bbox: hit.bbox ?? null };
    if (hit.pageStart !== undefined) ref.start = hit.pageStart;
    if (hit.pageEnd !== undefined) ref.end = hit.pageEnd;
    if (hit.caseId !== caseId) onOpenCase(hit.caseId, { ref });
    else openRef(ref);
  }, [caseId, onOpenCase, openRef]);

  // A target handed over by another case (a search hit or a linked entity) is applied once.
  const appliedTarget = useRef<number | null>(null);
  useEffect(() => {
    if (!target || !detail || appliedTarget.current === target.key) return;
    appliedTarget.current = target.key;
    if (target.ref) openRef(target.ref);
    if (target.entityId) openEntity(target.entityId);
  }, [target, detail, openRef, openEntity]);

  const currentDocument = useMemo<CatalogueEntry | null>(() => {
    if (!detail || !position) return null;
    return detail.documents.find((d) => d.fileId === position.fileId && d.pageFrom <= position.page && position.page <= d.pageTo) ?? null;
  }, [detail, position]);

  const stepDocument = useCallback((delta: 1 | -1) => {
    if (!detail || !position) return;
    const docs = detail.documents;
    const fileOrder = (fileId: number): number => readable.findIndex((f) => f.id === fileId);
    const at = currentDocument ? docs.findIndex((d) => d.id === currentDocument.id) : -1;
    let next: CatalogueEntry | undefined;
    if (at >= 0) next = docs[at + delta];
    else {
      // Between documents: the nearest one in reading order on the asked side.
      const here = fileOrder(position.fileId) * 1e6 + position.page;
      const keyed = docs.map((d) => ({ d, k: fileOrder(d.fileId) * 1e6 + d.pageFrom }));
      next = delta > 0 ? keyed.find((x) => x.k > here)?.d : keyed.filter((x) => x.k < here).at(-1)?.d;
    }
    if (!next) return;
    setHighlight(null);
    setPosition({ fileId: next.fileId, page: next.pageFrom });
  }, [detail, position, currentDocument, readable]);

  // Every piece of finding evidence, in reading order: "f" walks through them.
  const evidence = useMemo(() => {
    const order = new Map(readable.map((f, i) => [f.id, i]));
    return findings.filter((f) => f.active && f.status !== 'dismissed')
      .flatMap((f) => f.evidence.filter((e) => e.fileId > 0))
      .sort((a, b) => (order.get(a.fileId) ?? 0) - (order.get(b.fileId) ?? 0) || a.page - b.page || (a.start ?? 0) - (b.start ?? 0));
  }, [findings, readable]);

  const nextFinding = useCallback(() => {
    if (evidence.length === 0 || !position) return;
    const order = new Map(readable.map((f, i) => [f.id, i]));
    const current = evidence[findingCursor.current];
    let index: number;
    if (current && current.fileId === position.fileId && current.page === position.page) index = findingCursor.current + 1;
    else {
      const here = (order.get(position.fileId) ?? 0) * 1e6 + position.page;
      index = evidence.findIndex((e) => (order.get(e.fileId) ?? 0) * 1e6 + e.page >= here);
    }
    if (index < 0 || index >= evidence.length) index = 0;
    findingCursor.current = index;
    const ref = evidence[index];
    if (ref) openRef(ref);
  }, [evidence, position, readable, openRef]);

  const findingCounts = useMemo(() => {
    const byDoc = new Map<string, Set<string>>();
    for (const f of findings) {
      if (!f.active) continue;
      for (const e of f.evidence) {
        if (!e.document) continue;
        const s = byDoc.get(e.document) ?? new Set<string>();
        s.add(f.key);
        byDoc.set(e.document, s);
      }
    }
    return new Map([...byDoc].map(([doc, keys]) => [doc, keys.size]));
  }, [findings]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if ((e.key === 'f' || e.key === 'F') && (e.ctrlKey || e.metaKey) && !e.altKey) {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
        return;
      }
      if (e.key === 'Escape') {
        if (editing) setEditing(null);
        else if (pending) {
          setPending(null);
          window.getSelection()?.removeAllRanges();
        } else if (entityId) setEntityId(null);
        else if (highlight) setHighlight(null);
        else return;
        e.preventDefault();
        return;
      }
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === '/') {
        e.preventDefault();
        searchRef.current?.focus();
        return;
      }
      if (tab !== 'read') return;
      switch (e.key) {
        case 'PageDown':
        case 'j':
          setHighlight(null);
          step(1);
          break;
        case 'PageUp':
        case 'k':
          setHighlight(null);
          step(-1);
          break;
        case 'n':
        case ']':
          stepDocument(1);
          break;
        case 'p':
        case '[':
          stepDocument(-1);
          break;
        case 'f':
          nextFinding();
          break;
        case '+':
        case '=':
          setZoom((z) => Math.min(ZOOM_MAX, z + 0.25));
          break;
        case '-':
        case '_':
          setZoom((z) => Math.max(ZOOM_MIN, z - 0.25));
          break;
        case '0':
          setZoom(1);
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step, stepDocument, nextFinding, tab, editing, pending, entityId, highlight]);

  // A selection of page words, on the scan or in the text, offers to mark it.
  useEffect(() => {
    let frame = 0;
    const onChange = (): void => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const range = selectionRange(textRef.current) ?? selectionRange(overlayRef.current);
        const sel = window.getSelection();
        if (range && sel && sel.rangeCount > 0 && view) {
          const rect = sel.getRangeAt(0).getBoundingClientRect();
          setPending({ ...range, text: view.text.slice(range.start, range.end), x: rect.left + rect.width / 2, y: rect.top });
        } else if (!(document.activeElement instanceof HTMLElement && document.activeElement.closest('.selection-bar'))) {
          setPending(null);
        }
      });
    };
    document.addEventListener('selectionchange', onChange);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', onChange);
    };
  }, [view]);

  // The page as shown: backend offsets re-anchored on the text as corrected.
  const shown = useMemo<PageView | null>(() => {
    if (!view || !view.corrections?.length) return view;
    return {
      ...view,
      mentions: (view.mentions ?? []).map((m) => ({ ...m, ...alignRange(view.text, m.start, m.end, m.text) })),
      annotations: (view.annotations ?? []).map((a) => (a.start !== null && a.end !== null ? { ...a, ...alignRange(view.text, a.start, a.end, a.text) } : a)),
    };
  }, [view]);
  const ranges = useMemo(() => (view ? wordRanges(view.text, view.words) : []), [view]);

  // The highlight shows only on its own page; a reference without offsets is found by its words.
  const lit = useMemo(() => {
    if (!highlight || !view || highlight.fileId !== view.fileId || highlight.page !== view.page) return null;
    let start = highlight.start;
    let end = highlight.end;
    if (start !== undefined && end !== undefined) ({ start, end } = alignRange(view.text, start, end, highlight.text));
    else if (highlight.text) {
      const at = view.text.indexOf(highlight.text.trim());
      if (at >= 0) {
        start = at;
        end = at + highlight.text.trim().length;
      }
    }
    const range = start !== undefined && end !== undefined && end > start ? { start, end } : null;
    const bbox = highlight.bbox ?? (range && view.words.length > 0 ? boxOf(range.start, range.end, view.words, ranges) : null);
    return { range, bbox };
  }, [highlight, view, ranges]);

  const spans = useMemo(() => (shown ? segmentText(shown, ranges, lit?.range ?? null) : []), [shown, ranges, lit]);
  const marks = useMemo(() => ({ ranges, hit: lit?.bbox ?? null, entities: true }), [ranges, lit]);

  const onWordClick = useCallback((index: number, at: { x: number; y: number }) => {
    setEditError(null);
    setEditing({ index, at });
  }, []);

  const saveCorrection = (text: string): void => {
    if (!view || !editing) return;
    setEditBusy(true);
    setEditError(null);
    call('correctWord', { caseId, fileId: view.fileId, page: view.page, wordIndex: editing.index, text }).then(
      (v) => {
        setView(v);
        setEditing(null);
        setEditBusy(false);
      },
      (err: unknown) => {
        setEditError(message(err));
        setEditBusy(false);
      },
    );
  };

  const addAnnotation = (kind: 'highlight' | 'note' | 'bookmark', note: string, range?: { start: number; end: number; text: string }): void => {
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
        if (kind !== 'bookmark') setSideTab('notes');
      },
      (err: unknown) => setAnnotationsError(message(err)),
    );
  };

  const deleteAnnotation = (a: Annotation): void => {
    call('deleteAnnotation', { caseId, id: a.id }).then(
      () => {
        setNotesVersion((n) => n + 1);
        setPageVersion((n) => n + 1);
      },
      (err: unknown) => setAnnotationsError(message(err)),
    );
  };

  const bookmark = view ? (annotations ?? []).find((a) => a.kind === 'bookmark' && a.fileId === view.fileId && a.page === view.page) ?? null : null;

  const fileIndex = position ? readable.findIndex((f) => f.id === position.fileId) : -1;
  const canPrev = position !== null && (position.page > 1 || fileIndex > 0);
  const canNext = position !== null && fileIndex >= 0 && (position.page < (readable[fileIndex]?.pages ?? 0) || fileIndex < readable.length - 1);

  if (detailError) {
    return (
      <div className="case-error">
        <p className="error-text" role="alert">{t('error.generic', { message: detailError })}</p>
        <button type="button" className="button" onClick={() => setAttempt((a) => a + 1)}>{t('common.retry')}</button>
        <button type="button" className="button button--quiet" onClick={onBack}>{t('case.back')}</button>
      </div>
    );
  }
  if (!detail) return <p className="muted pane-empty">{t('common.loading')}</p>;

  const editedWord = editing && view ? view.words[editing.index] : undefined;
  const editedRange = editing ? ranges[editing.index] : undefined;
  const editedMention = editedRange && editedRange.start >= 0 ? (shown?.mentions ?? []).find((m) => m.start < editedRange.end && m.end > editedRange.start) ?? null : null;
  const tabs: [MainTab, string][] = [['read', t('tab.read')], ['timeline', t('tab.timeline')], ['findings', t('tab.findings')], ['compare', t('tab.compare')], ['graph', t('tab.graph')], ['history', t('tab.history')]];
  const sideTabs: [SideTab, string][] = [['text', t('side.text')], ['entities', t('side.entities')], ['findings', t('side.findings')], ['notes', t('side.notes')]];

  return (
    <div className="case-view">
      <div className="case-bar">
        <button type="button" className="button button--small button--quiet" onClick={onBack}>← {t('case.back')}</button>
        <h1 className="case-name" data-testid="case-name" title={visibleName(detail.folder)}>{visibleName(detail.name)}</h1>
        <span className="muted small case-summary" title={detail.folder}>
          {t('case.summary', { files: detail.files, pages: detail.pages, documents: detail.documents.length })}
        </span>
        <nav className="case-tabs" role="tablist" aria-label={t('tab.label')}>
          {tabs.map(([id, label]) => (
            <button key={id} type="button" role="tab" aria-selected={tab === id} className={`case-tab${tab === id ? ' case-tab--current' : ''}`} onClick={() => setTab(id)}>{label}</button>
          ))}
        </nav>
        <span className="toolbar-spacer" />
        <SearchBox ref={searchRef} caseId={caseId} onOpenHit={openHit} />
        <ExportButton caseId={caseId} />
        <span className="keys-help muted" tabIndex={0} title={t('keys.hint')} aria-label={t('keys.hint')}>⌨</span>
      </div>
      {tab === 'timeline' && <div className="case-tab-body"><TimelineView caseId={caseId} onOpen={openRef} /></div>}
      {tab === 'findings' && <div className="case-tab-body"><FindingsPanel caseId={caseId} onOpen={openRef} /></div>}
      {tab === 'compare' && <div className="case-tab-body"><Suspense fallback={<p className="muted">{t('common.loading')}</p>}><CompareView caseId={caseId} onOpen={openRef} /></Suspense></div>}
      {tab === 'graph' && <div className="case-tab-body"><Suspense fallback={<p className="muted">{t('common.loading')}</p>}><GraphView caseId={caseId} onOpenEntity={openEntity} /></Suspense></div>}
      {tab === 'history' && <div className="case-tab-body"><HistoryView caseId={caseId} /></div>}
      <div className="case-panes" hidden={tab !== 'read'}>
        <Catalogue
          detail={detail}
          currentDocumentId={currentDocument?.id ?? null}
          findingCounts={findingCounts}
          onSelect={(d) => {
            setHighlight(null);
            setPosition({ fileId: d.fileId, page: d.pageFrom });
          }}
        />
        <PageViewer
          view={view}
          marks={marks}
          overlayRef={overlayRef}
          onWordClick={onWordClick}
          actions={view && (
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
          )}
          zoom={zoom}
          canPrev={canPrev}
          canNext={canNext}
          onPrev={() => { setHighlight(null); step(-1); }}
          onNext={() => { setHighlight(null); step(1); }}
          onZoom={changeZoom}
        />
        <aside className="side-panel" aria-label={t('side.label')}>
          {entityId ? (
            <EntityPanel
              caseId={caseId}
              entityId={entityId}
              onOpen={openRef}
              onOpenEntity={openEntity}
              onOpenCase={(otherCase, otherEntity) => onOpenCase(otherCase, { entityId: otherEntity })}
              onClose={() => setEntityId(null)}
            />
          ) : (
            <>
              <div className="side-tabs" role="tablist">
                {sideTabs.map(([id, label]) => (
                  <button key={id} type="button" role="tab" aria-selected={sideTab === id} className={`side-tab${sideTab === id ? ' side-tab--current' : ''}`} onClick={() => setSideTab(id)}>
                    {label}
                    {id === 'notes' && annotations && annotations.length > 0 && <span className="tab-count tabular">{annotations.length}</span>}
                    {id === 'entities' && view?.mentions && view.mentions.length > 0 && <span className="tab-count tabular">{new Set(view.mentions.map((m) => m.entity)).size}</span>}
                  </button>
                ))}
              </div>
              {sideTab === 'text' && (
                <PageText view={view} spans={spans} document={currentDocument} loading={pageLoading} error={pageError} textRef={textRef} onWordClick={onWordClick} onEntityClick={openEntity} />
              )}
              {sideTab === 'entities' && <EntitiesTab caseId={caseId} view={view} version={version} onOpenEntity={openEntity} />}
              {sideTab === 'findings' && <div className="tab-scroll"><FindingsPanel caseId={caseId} onOpen={openRef} compact /></div>}
              {sideTab === 'notes' && (
                <AnnotationsTab
                  annotations={annotations}
                  error={annotationsError}
                  onOpen={(a) => openRef({ document: null, documentTitle: null, fileId: a.fileId, file: a.file, page: a.page, text: a.text ?? '', ...(a.start !== null && a.end !== null ? { start: a.start, end: a.end } : {}) })}
                  onDelete={deleteAnnotation}
                />
              )}
            </>
          )}
        </aside>
      </div>
      {tab === 'read' && editing && editedWord && (
        <WordEditor
          key={`${view?.sha256}:${view?.page}:${editing.index}`}
          word={editedWord}
          index={editing.index}
          at={editing.at}
          original={view?.corrections?.find((c) => c.wordIndex === editing.index)?.original ?? null}
          mention={editedMention}
          busy={editBusy}
          error={editError}
          onSave={saveCorrection}
          onOpenEntity={(id) => { setEditing(null); openEntity(id); }}
          onClose={() => setEditing(null)}
        />
      )}
      {tab === 'read' && pending && !editing && (
        <SelectionBar key={`${pending.start}-${pending.end}`} selection={pending} onSave={(kind, note) => addAnnotation(kind, note, pending)} />
      )}
    </div>
  );
}
