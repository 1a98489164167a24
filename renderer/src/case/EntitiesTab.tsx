// Who and what this page names, then everyone the case names: the quickest way from a
// page to a person's whole story in the file.
import { errorText } from '../errors';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { call } from '../api';
import { useI18n } from '../i18n';
import { PERSON_ROLE_LABELS } from '../../../shared/vocab';
import type { PersonRole } from '../../../shared/vocab';
import type { EntitySummary, PageView } from '../../../shared/api';
import { CorrectionsList } from './CorrectionsList';
import { useVirtualRows } from '../virtual/useVirtualRows';

// A row of the people list; a case of thousands of people keeps only those in view in the DOM.
const PERSON_ROW = 30;

interface Props {
  caseId: string;
  view: PageView | null;
  /** Bumped when a review finishes, so the people list is re-read. */
  version: number;
  onOpenEntity(entityId: string): void;
}

export function EntitiesTab({ caseId, view, version, onOpenEntity }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const lang = i18n.locale === 'zh-CN' ? 'zh' : 'en';
  const [people, setPeople] = useState<EntitySummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    call('listEntities', { caseId, type: 'PERSON' }).then(
      (list) => {
        if (live) setPeople([...list].sort((a, b) => b.mentionCount - a.mentionCount));
      },
      (err: unknown) => {
        if (live) setError(errorText(err));
      },
    );
    return () => {
      live = false;
    };
  }, [caseId, version]);

  const peopleRef = useRef<HTMLDivElement>(null);
  const keyOf = useCallback((i: number) => people?.[i]?.id ?? String(i), [people]);
  const virtual = useVirtualRows({ count: people?.length ?? 0, keyOf, estimate: PERSON_ROW, scrollRef: peopleRef });

  const onPage = useMemo(() => {
    const seen = new Map<
      string,
      { entity: string; type: NonNullable<PageView['mentions']>[number]['type']; text: string; count: number }
    >();
    for (const m of view?.mentions ?? []) {
      const s = seen.get(m.entity);
      if (s) s.count++;
      else seen.set(m.entity, { entity: m.entity, type: m.type, text: m.text, count: 1 });
    }
    return [...seen.values()];
  }, [view]);

  return (
    <div className="tab-scroll">
      <h3 className="panel-sub">{t('entities.onPage', { n: onPage.length })}</h3>
      {onPage.length === 0 ? (
        <p className="muted small pad">{t('entities.noneOnPage')}</p>
      ) : (
        <ul className="plain-list entity-list" data-testid="page-entities">
          {onPage.map((e) => (
            <li key={e.entity}>
              <button type="button" className="entity-row" onClick={() => onOpenEntity(e.entity)}>
                <span className={`legend-swatch ent-swatch ent--${e.type.toLowerCase()}`} aria-hidden="true" />
                <span className="entity-row-type muted small">{i18n.entityType(e.type)}</span>
                <span className="entity-row-value">{e.text}</span>
                {e.count > 1 && <span className="muted small tabular">×{e.count}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3 className="panel-sub">{t('entities.people', { n: people?.length ?? 0 })}</h3>
      {error && <p className="error-text pad">{t('error.generic', { message: error })}</p>}
      {!people && !error && <p className="muted small pad">{t('common.loading')}</p>}
      {people && (
        <div className="people-scroll entity-list" ref={peopleRef} role="list" data-testid="case-people">
          <div style={{ height: virtual.totalHeight, position: 'relative' }}>
            {virtual.rows.map(({ index, key, top }) => {
              const p = people[index]!;
              const role = p.attributes.role;
              return (
                <div key={key} role="listitem" className="people-row" style={{ top }} ref={virtual.measure(key)}>
                  <button type="button" className="entity-row" onClick={() => onOpenEntity(p.id)}>
                    <span className="legend-swatch ent-swatch ent--person" aria-hidden="true" />
                    <span className="entity-row-value">{p.value}</span>
                    {typeof role === 'string' && role in PERSON_ROLE_LABELS && (
                      <span className="role-badge">{PERSON_ROLE_LABELS[role as PersonRole][lang]}</span>
                    )}
                    <span className="muted small tabular">{t('entities.mentionCount', { n: p.mentionCount })}</span>
                    {p.links.length > 0 && (
                      <span className="link-badge" title={p.links.map((l) => l.caseName).join('、')}>
                        {t('entities.linked', { n: p.links.length })}
                      </span>
                    )}
                  </button>
                </div>
              );
            })}
          </div>
        </div>
      )}
      <CorrectionsList caseId={caseId} version={version} />
    </div>
  );
}
