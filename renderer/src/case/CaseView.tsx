// One case, read the way a reviewer reads paper: the catalogue on the left, the
// page in the middle, its words on the right. Paging runs through the whole case,
// file after file, so a volume split across PDFs reads as one.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { call, onEvent } from '../api';
import { useI18n } from '../i18n';
import { Catalogue } from './Catalogue';
import { PageText } from './PageText';
import { PageViewer, ZOOM_MAX, ZOOM_MIN } from './PageViewer';
import type { CaseDetail, CatalogueEntry, PageView } from '../../../shared/api';

interface Position { fileId: number; page: number }

interface Props {
  caseId: string;
  /** Changes when a review of this case finishes, to reload what it produced. */
  version: number;
  onBack(): void;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function CaseView({ caseId, version, onBack }: Props) {
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
        if (live) setDetailError(err instanceof Error ? err.message : String(err));
      },
    );
    return () => {
      live = false;
    };
  }, [caseId, version, attempt]);

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
        setPageError(err instanceof Error ? err.message : String(err));
        setPageLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [caseId, position, version, pageVersion]);

  // While a review runs, a page being read may be OCRed under the reviewer's eyes.
  const shownSha = view?.sha256 ?? null;
  const shownPage = view?.page ?? null;
  useEffect(() => {
    return onEvent((e) => {
      if (e.kind === 'page' && e.event.caseId === caseId && e.event.sha256 === shownSha && e.event.page === shownPage) {
        setPageVersion((v) => v + 1);
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

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      switch (e.key) {
        case 'PageDown':
        case 'j':
          step(1);
          break;
        case 'PageUp':
        case 'k':
          step(-1);
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
  }, [step]);

  const currentDocument = useMemo<CatalogueEntry | null>(() => {
    if (!detail || !position) return null;
    return detail.documents.find((d) => d.fileId === position.fileId && d.pageFrom <= position.page && position.page <= d.pageTo) ?? null;
  }, [detail, position]);

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

  return (
    <div className="case-view">
      <div className="case-bar">
        <button type="button" className="button button--small button--quiet" onClick={onBack}>← {t('case.back')}</button>
        <h1 className="case-name" data-testid="case-name">{detail.name}</h1>
        <span className="muted small" title={detail.folder}>
          {t('case.summary', { files: detail.files, pages: detail.pages, documents: detail.documents.length })}
        </span>
        <span className="toolbar-spacer" />
        <span className="muted small keys-hint">{t('keys.hint')}</span>
      </div>
      <div className="case-panes">
        <Catalogue
          detail={detail}
          currentDocumentId={currentDocument?.id ?? null}
          onSelect={(d) => setPosition({ fileId: d.fileId, page: d.pageFrom })}
        />
        <PageViewer
          view={view}
          zoom={zoom}
          canPrev={canPrev}
          canNext={canNext}
          onPrev={() => step(-1)}
          onNext={() => step(1)}
          onZoom={changeZoom}
        />
        <PageText view={view} document={currentDocument} loading={pageLoading} error={pageError} />
      </div>
    </div>
  );
}
