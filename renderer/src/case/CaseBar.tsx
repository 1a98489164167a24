// The case's bar: its name, its views, search and export. At 1024 px it must still fit
// on one line, in English too: the summary goes first, the back button keeps only its arrow,
// then the name ellipsises (its folder in the tooltip).
import type { RefObject } from 'react';
import { useI18n } from '../i18n';
import { ExportButton } from '../export/ExportButton';
import { SearchBox } from '../search/SearchBox';
import { MAIN_TABS } from './place';
import type { MainTab } from './place';
import type { CaseDetail, SearchHit } from '../../../shared/api';
import { visibleName } from '../../../shared/names';

const LABELS = {
  read: 'tab.read',
  timeline: 'tab.timeline',
  findings: 'tab.findings',
  compare: 'tab.compare',
  graph: 'tab.graph',
  history: 'tab.history',
} as const;

interface Props {
  detail: CaseDetail;
  tab: MainTab;
  searchRef: RefObject<HTMLInputElement | null>;
  onTab(tab: MainTab): void;
  onBack(): void;
  onOpenHit(hit: SearchHit, hits: readonly SearchHit[], query: string): void;
}

export function CaseBar({ detail, tab, searchRef, onTab, onBack, onOpenHit }: Props) {
  const { t } = useI18n();
  return (
    <div className="case-bar">
      <button
        type="button"
        className="button button--small button--quiet case-back"
        onClick={onBack}
        title={t('case.back')}
        aria-label={t('case.back')}
      >
        ← <span className="case-back-label">{t('case.back')}</span>
      </button>
      <h1 className="case-name" data-testid="case-name" title={`${visibleName(detail.name)}\n${visibleName(detail.folder)}`}>
        {visibleName(detail.name)}
      </h1>
      <span className="muted small case-summary" title={visibleName(detail.folder)}>
        {t('case.summary', { files: detail.files, pages: detail.pages, documents: detail.documents.length })}
      </span>
      <nav className="case-tabs" role="tablist" aria-label={t('tab.label')}>
        {MAIN_TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            className={`case-tab${tab === id ? ' case-tab--current' : ''}`}
            onClick={() => onTab(id)}
          >
            {t(LABELS[id])}
          </button>
        ))}
      </nav>
      <span className="toolbar-spacer" />
      <SearchBox ref={searchRef} caseId={detail.id} onOpenHit={onOpenHit} />
      <ExportButton caseId={detail.id} caseName={detail.name} />
      <span className="keys-help muted" tabIndex={0} title={t('keys.hint')} aria-label={t('keys.hint')}>
        ⌨
      </span>
    </div>
  );
}
