// One person (or phone, ID, account…) across the whole case: who they are, every place
// the file names them, what identifiers hang on them, and the other cases on this
// machine that know them too (串并).
import { useCall } from '../useCall';
import { describeAttributes } from './attributes';
import { Fragment, useEffect, useMemo, useState } from 'react';
import { onEvent } from '../api';
import { EntityCorrections } from './EntityCorrections';
import { useI18n } from '../i18n';
import { PERSON_ROLE_LABELS } from '../../../shared/vocab';
import type { PersonRole } from '../../../shared/vocab';
import type { PageRef } from '../../../shared/api';
import { visibleName } from '../../../shared/names';

interface Props {
  caseId: string;
  entityId: string;
  onOpen(ref: PageRef): void;
  onOpenEntity(entityId: string): void;
  onOpenCase(caseId: string, entityId: string): void;
  onClose(): void;
  /** The case's review has run (and with it the 串并 check against the other cases here). */
  reviewed: boolean;
}

function isRole(x: unknown): x is PersonRole {
  return typeof x === 'string' && x in PERSON_ROLE_LABELS;
}

export function EntityPanel({ caseId, entityId, onOpen, onOpenEntity, onOpenCase, onClose, reviewed }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const lang = i18n.locale === 'zh-CN' ? 'zh' : 'en';
  // Bumped by the reviewer's own corrections: the entity is read again at once.
  const [rev, setRev] = useState(0);
  // ...and again when the re-analysis a correction (or its undo) started has run.
  useEffect(
    () =>
      onEvent((e) => {
        if (e.kind === 'job' && e.event.caseId === caseId && e.event.status === 'done') setRev((r) => r + 1);
      }),
    [caseId],
  );
  const entityRes = useCall(
    'getEntity',
    useMemo(() => ({ caseId, entityId }), [caseId, entityId]),
    { keep: true, version: rev },
  );
  const entity = entityRes.data;
  const error = entityRes.error;
  // Only to say how many cases the 串并 check compared this one with (those reviewed: the others have no entities yet).
  const cases = useCall(
    'listCases',
    useMemo(() => ({}), []),
  );
  const otherCases = cases.data ? cases.data.filter((c) => c.id !== caseId && c.reviewedAt !== null).length : null;

  const groups = useMemo(() => {
    const out = new Map<string, { title: string; refs: PageRef[] }>();
    for (const m of entity?.mentions ?? []) {
      const key = m.document ?? `file:${m.fileId}`;
      const g = out.get(key) ?? { title: m.documentTitle ?? m.file, refs: [] };
      g.refs.push(m);
      out.set(key, g);
    }
    return [...out.values()];
  }, [entity]);

  const role = entity?.attributes.role;
  const priors = Array.isArray(entity?.attributes.priorConvictions)
    ? (entity.attributes.priorConvictions as { date?: string | null; charge?: string | null; sentence?: string | null; text?: string }[])
    : [];
  const facts = entity ? describeAttributes(entity.attributes, lang) : [];

  return (
    <section className="entity-panel" data-testid="entity-panel" aria-label={entity?.value ?? t('entity.heading')}>
      <div className="pane-head">
        <span className="pane-title">{entity ? i18n.entityType(entity.type) : t('entity.heading')}</span>
        <button type="button" className="button button--small button--quiet" onClick={onClose} title="Esc">
          ✕ {t('common.close')}
        </button>
      </div>
      {error && (
        <p className="error-text pane-empty" role="alert">
          {t('error.generic', { message: error })}
        </p>
      )}
      {!entity && !error && <p className="muted pane-empty">{t('common.loading')}</p>}
      {entity && (
        <div className="entity-body">
          <div className="entity-title">
            <span className={`legend-swatch ent-swatch ent--${entity.type.toLowerCase()}`} aria-hidden="true" />
            <strong data-testid="entity-value">{entity.value}</strong>
            {isRole(role) && <span className="role-badge">{PERSON_ROLE_LABELS[role][lang]}</span>}
          </div>
          <EntityCorrections
            caseId={caseId}
            entity={entity}
            onCorrected={(id) => {
              setRev((r) => r + 1);
              if (id && id !== entityId) onOpenEntity(id);
            }}
          />
          <dl className="doc-card-fields small">
            {facts.map((f) => (
              <Fragment key={f.key}>
                <dt>{f.label}</dt>
                <dd className="tabular" data-attribute={f.key}>
                  {f.value}
                </dd>
              </Fragment>
            ))}
          </dl>

          {priors.length > 0 && (
            <>
              <h3 className="panel-sub">{t('entity.priors')}</h3>
              <ul className="plain-list small" data-testid="entity-priors">
                {priors.map((p, i) => (
                  <li key={i}>{[p.date, p.charge, p.sentence].filter(Boolean).join('　') || p.text}</li>
                ))}
              </ul>
            </>
          )}

          {entity.related.length > 0 && (
            <>
              <h3 className="panel-sub">{t('entity.related')}</h3>
              <ul className="plain-list">
                {entity.related.map((r) => (
                  <li key={`${r.id}-${r.relation}`}>
                    <button type="button" className="link-button" onClick={() => onOpenEntity(r.id)}>
                      <span className={`legend-swatch ent-swatch ent--${r.type.toLowerCase()}`} aria-hidden="true" />
                      {i18n.entityType(r.type)} {r.value}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}

          {entity.links.length === 0 && reviewed && otherCases !== null && (
            <p className="muted small pad" data-testid="entity-no-links">
              {otherCases > 0 ? t('entity.noLinks', { n: otherCases }) : t('entity.noOtherCases')}
            </p>
          )}
          {entity.links.length > 0 && (
            <>
              <h3 className="panel-sub">{t('entity.alsoIn')}</h3>
              <ul className="plain-list" data-testid="entity-links">
                {entity.links.map((l) => (
                  <li key={`${l.case}-${l.entity}`}>
                    <button type="button" className="link-button" onClick={() => onOpenCase(l.case, l.entity)}>
                      {visibleName(l.caseName)}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}

          <h3 className="panel-sub">{t('entity.mentions', { n: entity.mentions.length, docs: groups.length })}</h3>
          {groups.map((g, gi) => (
            <div key={gi} className="mention-group">
              <div className="mention-doc small">{g.title}</div>
              <ul className="plain-list">
                {g.refs.map((m, i) => (
                  <li key={i}>
                    <button type="button" className="mention-ref" data-testid="entity-mention" onClick={() => onOpen(m)}>
                      <span className="tabular muted">{t('case.pageSingle', { from: m.page })}</span>
                      <span className="mention-ref-text">{m.text}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
