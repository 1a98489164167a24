// The reviewer puts the case's entities right: two readings of one person merged, mentions of
// someone else split out, a name, kind or role corrected, an identifier given to a person. Merge
// and split ask first; every correction can be undone from the note it leaves.
import { useMemo, useState } from 'react';
import { call } from '../api';
import { errorText, useCall } from '../useCall';
import { useText } from '../findings/i18n';
import { ENTITY_TYPES, ENTITY_TYPE_LABELS, PERSON_ROLES, PERSON_ROLE_LABELS } from '../../../shared/vocab';
import type { EntityType, PersonRole } from '../../../shared/vocab';
import { PERSON_IDENTIFIER_TYPES } from '../../../shared/entity-corrections';
import type { EntityCorrectionRequest, EntityCorrectionView, PersonIdentifierType } from '../../../shared/entity-corrections';
import type { EntityDetail } from '../../../shared/api';
import { FIX_TEXT } from './corrections-text';

type Mode = 'relabel' | 'merge' | 'split' | 'identifier' | null;

interface Props {
  caseId: string;
  entity: EntityDetail;
  /** After a correction: the entity to show (the merged one, the one split out). */
  onCorrected(entityId: string | null): void;
}

export function EntityCorrections({ caseId, entity, onCorrected }: Props) {
  const { text, lang } = useText(FIX_TEXT);
  const [mode, setMode] = useState<Mode>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [last, setLast] = useState<{ correction: EntityCorrectionView; undone: boolean } | null>(null);
  const isPerson = entity.type === 'PERSON';

  const run = async (correction: EntityCorrectionRequest) => {
    setBusy(true);
    setError(null);
    try {
      const r = await call('correctEntity', { caseId, correction });
      setLast({ correction: r.correction, undone: false });
      setMode(null);
      onCorrected(r.entity);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const undo = async () => {
    if (!last) return;
    setBusy(true);
    try {
      await call('undoEntityCorrection', { caseId, id: last.correction.id });
      setLast({ ...last, undone: true });
      // A split undone takes back the entity it made: the reviewer returns to the one it came from.
      const c = last.correction.correction;
      const back =
        c.kind === 'split'
          ? ((await call('listEntities', { caseId, type: c.source.type })).find((e) => e.value === c.source.value)?.id ?? null)
          : null;
      onCorrected(back);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="entity-fix" data-testid="entity-fix">
      <div className="entity-fix-bar small">
        <span className="muted">{text('fix.heading')}</span>
        {(['relabel', 'merge', 'split', ...(isPerson ? (['identifier'] as const) : [])] as const).map((m) => (
          <button
            key={m}
            type="button"
            className={`button button--small${mode === m ? ' is-active' : ''}`}
            aria-pressed={mode === m}
            data-testid={`fix-${m}`}
            disabled={busy || (m === 'split' && entity.mentions.length < 2)}
            onClick={() => setMode(mode === m ? null : m)}
          >
            {text(`fix.${m}`)}
          </button>
        ))}
      </div>
      {mode === 'relabel' && <Relabel entity={entity} busy={busy} onDone={run} onCancel={() => setMode(null)} />}
      {mode === 'merge' && <Merge caseId={caseId} entity={entity} busy={busy} onDone={run} onCancel={() => setMode(null)} />}
      {mode === 'split' && <Split entity={entity} busy={busy} onDone={run} onCancel={() => setMode(null)} />}
      {mode === 'identifier' && <Identifier entity={entity} busy={busy} onDone={run} onCancel={() => setMode(null)} />}
      {busy && <p className="muted small">{text('fix.busy')}</p>}
      {error && (
        <p className="error-text small" role="alert">
          {text('fix.error', { message: error })}
        </p>
      )}
      {last && (
        <p className="entity-fix-done small" data-testid="fix-done" role="status">
          {last.undone ? text('fix.undone') : text('fix.done', { summary: last.correction.summary[lang] })}
          {!last.undone && (
            <button type="button" className="link-button" data-testid="fix-undo" disabled={busy} onClick={() => void undo()}>
              {text('fix.undo')}
            </button>
          )}
        </p>
      )}
    </div>
  );
}

interface FormProps {
  entity: EntityDetail;
  busy: boolean;
  onDone(c: EntityCorrectionRequest): Promise<void>;
  onCancel(): void;
}

function RoleSelect({ value, onChange, keep }: { value: PersonRole | ''; onChange(v: PersonRole | ''): void; keep?: boolean }) {
  const { text, lang } = useText(FIX_TEXT);
  return (
    <label className="entity-fix-field">
      <span>{text('fix.role')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as PersonRole | '')} data-testid="fix-role">
        {keep && <option value="">{text('fix.keepRole')}</option>}
        {PERSON_ROLES.map((r) => (
          <option key={r} value={r}>
            {PERSON_ROLE_LABELS[r][lang]}
          </option>
        ))}
      </select>
    </label>
  );
}

function Relabel({ entity, busy, onDone, onCancel }: FormProps) {
  const { text, lang } = useText(FIX_TEXT);
  const [value, setValue] = useState(entity.value);
  const [type, setType] = useState<EntityType>(entity.type);
  const current = typeof entity.attributes.role === 'string' ? (entity.attributes.role as PersonRole) : '';
  const [role, setRole] = useState<PersonRole | ''>(current);
  const changed = value.trim() !== entity.value || type !== entity.type || (type === 'PERSON' && role !== current && role !== '');
  return (
    <form
      className="entity-fix-form small"
      onSubmit={(e) => {
        e.preventDefault();
        if (!changed) return;
        void onDone({
          kind: 'relabel',
          entity: entity.id,
          ...(value.trim() !== entity.value ? { value: value.trim() } : {}),
          ...(type !== entity.type ? { type } : {}),
          ...(type === 'PERSON' && role !== '' && role !== current ? { role } : {}),
        });
      }}
    >
      <label className="entity-fix-field">
        <span>{text('fix.name')}</span>
        <input value={value} maxLength={100} onChange={(e) => setValue(e.target.value)} data-testid="fix-name" />
      </label>
      <label className="entity-fix-field">
        <span>{text('fix.type')}</span>
        <select value={type} onChange={(e) => setType(e.target.value as EntityType)}>
          {ENTITY_TYPES.map((t) => (
            <option key={t} value={t}>
              {ENTITY_TYPE_LABELS[t][lang]}
            </option>
          ))}
        </select>
      </label>
      {type === 'PERSON' && <RoleSelect value={role} onChange={setRole} />}
      <div className="entity-fix-actions">
        <button type="submit" className="button button--small button--primary" disabled={busy || !changed} data-testid="fix-save">
          {text('fix.save')}
        </button>
        <button type="button" className="button button--small button--quiet" onClick={onCancel}>
          {text('fix.cancel')}
        </button>
      </div>
    </form>
  );
}

function Merge({ caseId, entity, busy, onDone, onCancel }: FormProps & { caseId: string }) {
  const { text, lang } = useText(FIX_TEXT);
  const others = useCall(
    'listEntities',
    useMemo(() => ({ caseId, type: entity.type }), [caseId, entity.type]),
  );
  const [other, setOther] = useState('');
  const choices = useMemo(
    () => (others.data ?? []).filter((e) => e.id !== entity.id).sort((a, b) => a.value.localeCompare(b.value, 'zh-CN')),
    [others.data, entity.id],
  );
  const chosen = choices.find((e) => e.id === other);
  return (
    <div className="entity-fix-form small">
      <label className="entity-fix-field">
        <span>{text('fix.mergePick', { name: entity.value })}</span>
        <select value={other} onChange={(e) => setOther(e.target.value)} data-testid="fix-merge-other">
          <option value="">{text('fix.mergeChoose')}</option>
          {choices.map((e) => {
            const role = typeof e.attributes.role === 'string' ? PERSON_ROLE_LABELS[e.attributes.role as PersonRole]?.[lang] : null;
            return (
              <option key={e.id} value={e.id}>
                {[e.value, role, text('fix.mentionCount', { n: e.mentionCount })].filter(Boolean).join(' · ')}
              </option>
            );
          })}
        </select>
      </label>
      {chosen && (
        <p className="entity-fix-confirm" data-testid="fix-merge-confirm">
          {text('fix.mergeConfirm', { other: chosen.value, name: entity.value })}
        </p>
      )}
      <div className="entity-fix-actions">
        <button
          type="button"
          className="button button--small button--primary"
          disabled={busy || !chosen}
          data-testid="fix-merge-do"
          onClick={() => chosen && void onDone({ kind: 'merge', into: entity.id, from: [chosen.id] })}
        >
          {text('fix.mergeDo')}
        </button>
        <button type="button" className="button button--small button--quiet" onClick={onCancel}>
          {text('fix.cancel')}
        </button>
      </div>
    </div>
  );
}

function Split({ entity, busy, onDone, onCancel }: FormProps) {
  const { text } = useText(FIX_TEXT);
  const [picked, setPicked] = useState<ReadonlySet<number>>(new Set());
  const [name, setName] = useState('');
  const [role, setRole] = useState<PersonRole | ''>('OTHER');
  const movable = entity.mentions.filter((m) => m.start !== undefined && m.end !== undefined);
  const ok = picked.size > 0 && picked.size < entity.mentions.length && name.trim() !== '' && name.trim() !== entity.value;
  return (
    <div className="entity-fix-form small">
      <div className="muted">{text('fix.splitPick', { n: picked.size, total: entity.mentions.length })}</div>
      <ul className="plain-list entity-fix-mentions" data-testid="fix-split-mentions">
        {movable.map((m, i) => (
          <li key={i}>
            <label>
              <input
                type="checkbox"
                checked={picked.has(i)}
                onChange={() => {
                  const next = new Set(picked);
                  if (next.has(i)) next.delete(i);
                  else next.add(i);
                  setPicked(next);
                }}
              />{' '}
              <span className="muted tabular">
                {m.documentTitle ?? m.file} · {m.page}
              </span>{' '}
              {m.text}
            </label>
          </li>
        ))}
      </ul>
      <label className="entity-fix-field">
        <span>{text('fix.splitName')}</span>
        <input value={name} maxLength={100} onChange={(e) => setName(e.target.value)} data-testid="fix-split-name" />
      </label>
      {entity.type === 'PERSON' && <RoleSelect value={role} onChange={setRole} />}
      {ok ? (
        <p className="entity-fix-confirm">{text('fix.splitConfirm', { n: picked.size, name: entity.value, other: name.trim() })}</p>
      ) : (
        <p className="muted">{text('fix.splitNone')}</p>
      )}
      <div className="entity-fix-actions">
        <button
          type="button"
          className="button button--small button--primary"
          disabled={busy || !ok}
          data-testid="fix-split-do"
          onClick={() =>
            void onDone({
              kind: 'split',
              entity: entity.id,
              value: name.trim(),
              mentions: [...picked].map((i) => movable[i]!).map((m) => ({ fileId: m.fileId, page: m.page, start: m.start!, end: m.end! })),
              ...(entity.type === 'PERSON' && role !== '' ? { role } : {}),
            })
          }
        >
          {text('fix.splitDo')}
        </button>
        <button type="button" className="button button--small button--quiet" onClick={onCancel}>
          {text('fix.cancel')}
        </button>
      </div>
    </div>
  );
}

function Identifier({ entity, busy, onDone, onCancel }: FormProps) {
  const { text, lang } = useText(FIX_TEXT);
  const [type, setType] = useState<PersonIdentifierType>('PHONE');
  const [value, setValue] = useState('');
  return (
    <form
      className="entity-fix-form small"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim()) void onDone({ kind: 'identifier', entity: entity.id, type, value: value.trim() });
      }}
    >
      <label className="entity-fix-field">
        <span>{text('fix.idType')}</span>
        <select value={type} onChange={(e) => setType(e.target.value as PersonIdentifierType)} data-testid="fix-id-type">
          {PERSON_IDENTIFIER_TYPES.map((t) => (
            <option key={t} value={t}>
              {ENTITY_TYPE_LABELS[t][lang]}
            </option>
          ))}
        </select>
      </label>
      <label className="entity-fix-field">
        <span>{text('fix.idValue')}</span>
        <input value={value} maxLength={100} onChange={(e) => setValue(e.target.value)} data-testid="fix-id-value" />
      </label>
      <div className="entity-fix-actions">
        <button type="submit" className="button button--small button--primary" disabled={busy || !value.trim()} data-testid="fix-id-do">
          {text('fix.idDo')}
        </button>
        <button type="button" className="button button--small button--quiet" onClick={onCancel}>
          {text('fix.cancel')}
        </button>
      </div>
    </form>
  );
}
