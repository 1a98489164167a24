// Which records to read side by side: a person's records in the order given, or the
// first account of everyone who told the event. Quick picks compare at once.
import { useMemo } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent, Ref } from 'react';
import type { StatementList, StatementRecord } from '../../../shared/api';
import type { Text } from '../findings/i18n';
import type { CompareKey } from './i18n';
import { RoleChip, pageRange, recordSession, startTime } from './labels';

export const MAX_RECORDS = 4;

interface Props {
  list: StatementList;
  selected: readonly string[];
  note: string | null;
  text: Text<CompareKey>;
  lang: 'zh' | 'en';
  onSelect(documents: string[], note?: string | null): void;
  /** Compares these records now (a quick pick, or the chosen ones). */
  onCompare(documents: string[], note?: string | null): void;
  startRef?: Ref<HTMLButtonElement>;
}

export function StatementPicker({ list, selected, note, text, lang, onSelect, onCompare, startRef }: Props) {
  // The reading order of every record: selections are kept in it, so a person's records line up by session.
  const order = useMemo(() => list.persons.flatMap((p) => p.records.map((r) => r.document)), [list]);
  const ordered = (docs: Iterable<string>): string[] => {
    const set = new Set(docs);
    return order.filter((d) => set.has(d));
  };
  const chosen = new Set(selected);
  const full = selected.length >= MAX_RECORDS;
  const canStart = selected.length >= 2 && selected.length <= MAX_RECORDS;
  const firsts = list.persons.map((p) => p.records[0]).filter((r): r is StatementRecord => r !== undefined);

  const toggle = (doc: string): void => {
    if (chosen.has(doc)) onSelect(selected.filter((d) => d !== doc));
    else if (!full) onSelect(ordered([...selected, doc]));
  };

  const onKeyDown = (e: ReactKeyboardEvent<HTMLDivElement>): void => {
    // A ticked box and Enter: the reviewer is done choosing.
    if (e.key === 'Enter' && e.target instanceof HTMLInputElement && e.target.type === 'checkbox' && canStart) {
      e.preventDefault();
      onCompare([...selected]);
    }
  };

  return (
    <div className="cmp-picker" data-testid="compare-picker" onKeyDown={onKeyDown}>
      <div className="cmp-bar">
        <div className="cmp-bar-title">
          <h2 className="cmp-title">{text('compare.pickHeading')}</h2>
          <span className="muted small">{text('compare.pickHint')}</span>
        </div>
        <span className="toolbar-spacer" />
        <button
          type="button"
          className="button button--small"
          data-testid="compare-first-accounts"
          disabled={firsts.length < 2}
          title={text('compare.firstAccountsTitle', { n: firsts.length })}
          onClick={() => {
            const capped = firsts.length > MAX_RECORDS;
            onCompare(
              firsts.slice(0, MAX_RECORDS).map((r) => r.document),
              capped ? text('compare.firstAccountsCapped') : null,
            );
          }}
        >
          {text('compare.firstAccounts')}
        </button>
        <span className="cmp-count small tabular" aria-live="polite" data-testid="compare-count">
          {canStart || full ? text('compare.selected', { n: selected.length }) : text('compare.selectMore', { n: 2 - selected.length })}
          {full && <span className="muted"> · {text('compare.max')}</span>}
        </span>
        <button type="button" className="button button--small button--quiet" disabled={selected.length === 0} onClick={() => onSelect([])}>
          {text('compare.clear')}
        </button>
        <button
          ref={startRef}
          type="button"
          className="button button--small button--primary"
          data-testid="compare-start"
          disabled={!canStart}
          onClick={() => onCompare([...selected])}
        >
          {text('compare.start')}
        </button>
      </div>
      {note && (
        <p className="notice cmp-note" role="status">
          {note}
        </p>
      )}
      <div className="cmp-persons">
        {list.persons.map((p, i) => (
          <section key={p.id ?? `p${i}`} className="cmp-person" data-testid="compare-person" aria-label={p.name}>
            <header className="cmp-person-head">
              <span className="cmp-person-name">{p.name}</span>
              <RoleChip role={p.role} text={text} lang={lang} />
              <span className="muted small">{text('compare.records', { n: p.records.length })}</span>
              <span className="toolbar-spacer" />
              {p.records.length >= 2 && (
                <button
                  type="button"
                  className="button button--small button--quiet cmp-quick"
                  data-testid="compare-all-of-person"
                  onClick={() => {
                    const capped = p.records.length > MAX_RECORDS;
                    onCompare(
                      p.records.slice(0, MAX_RECORDS).map((r) => r.document),
                      capped ? text('compare.allOfPersonCapped') : null,
                    );
                  }}
                >
                  {text('compare.allOfPerson')}
                </button>
              )}
            </header>
            <ul className="cmp-records">
              {p.records.map((r) => {
                const on = chosen.has(r.document);
                return (
                  <li key={r.document}>
                    <label className={`cmp-record${on ? ' cmp-record--on' : ''}${!on && full ? ' cmp-record--off' : ''}`}>
                      <input
                        type="checkbox"
                        checked={on}
                        disabled={!on && full}
                        onChange={() => toggle(r.document)}
                        data-testid="compare-record"
                        data-document={r.document}
                      />
                      <span className="cmp-record-session">{recordSession(r, text)}</span>
                      <span className="muted small tabular">{startTime(r.start)}</span>
                      <span className="muted small tabular cmp-record-pages">{pageRange(r, text)}</span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
      <p className="muted small cmp-keys">{text('compare.keysPick')}</p>
    </div>
  );
}
