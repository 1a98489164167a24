// Beside the page: its words, who and what it names, the findings, the reviewer's notes;
// or, when a person (or a phone, an account…) is opened, everything about them.
import type { RefObject } from 'react';
import { useI18n } from '../i18n';
import { FindingsPanel } from '../findings/FindingsPanel';
import { AnnotationsTab } from './AnnotationsTab';
import { EntitiesTab } from './EntitiesTab';
import { EntityPanel } from './EntityPanel';
import { PageText } from './PageText';
import { SIDE_TABS } from './place';
import type { SideTab } from './place';
import type { Span } from './words';
import type { Annotation, CaseDetail, CatalogueEntry, PageRef, PageView } from '../../../shared/api';

interface Props {
  caseId: string;
  detail: CaseDetail;
  version: number;
  /** A review is reading the case: no findings yet is not "none found". */
  reviewing: boolean;
  side: SideTab;
  onSide(side: SideTab): void;
  entityId: string | null;
  view: PageView | null;
  spans: Span[];
  document: CatalogueEntry | null;
  pageLoading: boolean;
  pageError: string | null;
  textRef: RefObject<HTMLDivElement | null>;
  annotations: Annotation[] | null;
  annotationsError: string | null;
  /** Words on the page can be corrected (OCR pages). */
  editable: boolean;
  onWordClick(index: number, at: { x: number; y: number }): void;
  onOpen(ref: PageRef): void;
  onOpenEntity(entityId: string): void;
  onCloseEntity(): void;
  onOpenOtherCase(caseId: string, entityId: string): void;
  onDeleteAnnotation(a: Annotation): void;
}

const LABELS = { text: 'side.text', entities: 'side.entities', findings: 'side.findings', notes: 'side.notes' } as const;

export function SidePanel(p: Props) {
  const { t } = useI18n();
  if (p.entityId) {
    return (
      <aside className="side-panel" aria-label={t('side.label')}>
        <EntityPanel
          caseId={p.caseId}
          entityId={p.entityId}
          reviewed={p.detail.reviewedAt !== null}
          onOpen={p.onOpen}
          onOpenEntity={p.onOpenEntity}
          onOpenCase={p.onOpenOtherCase}
          onClose={p.onCloseEntity}
        />
      </aside>
    );
  }
  const people = p.view?.mentions && p.view.mentions.length > 0 ? new Set(p.view.mentions.map((m) => m.entity)).size : 0;
  return (
    <aside className="side-panel" aria-label={t('side.label')}>
      <div className="side-tabs" role="tablist">
        {SIDE_TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={p.side === id}
            className={`side-tab${p.side === id ? ' side-tab--current' : ''}`}
            onClick={() => p.onSide(id)}
          >
            {t(LABELS[id])}
            {id === 'notes' && p.annotations && p.annotations.length > 0 && (
              <span className="tab-count tabular">{p.annotations.length}</span>
            )}
            {id === 'entities' && people > 0 && <span className="tab-count tabular">{people}</span>}
          </button>
        ))}
      </div>
      {p.side === 'text' && (
        <PageText
          view={p.view}
          spans={p.spans}
          document={p.document}
          loading={p.pageLoading}
          error={p.pageError}
          textRef={p.textRef}
          editable={p.editable}
          onWordClick={p.onWordClick}
          onEntityClick={p.onOpenEntity}
        />
      )}
      {p.side === 'entities' && <EntitiesTab caseId={p.caseId} view={p.view} version={p.version} onOpenEntity={p.onOpenEntity} />}
      {p.side === 'findings' && (
        <div className="tab-scroll">
          <FindingsPanel caseId={p.caseId} version={p.version} reviewing={p.reviewing} onOpen={p.onOpen} compact />
        </div>
      )}
      {p.side === 'notes' && (
        <AnnotationsTab
          annotations={p.annotations}
          error={p.annotationsError}
          onOpen={(a) =>
            p.onOpen({
              document: null,
              documentTitle: null,
              fileId: a.fileId,
              file: a.file,
              page: a.page,
              text: a.text ?? '',
              ...(a.start !== null && a.end !== null ? { start: a.start, end: a.end } : {}),
            })
          }
          onDelete={p.onDeleteAnnotation}
        />
      )}
    </aside>
  );
}
