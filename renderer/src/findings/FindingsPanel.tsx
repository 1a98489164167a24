// The review's findings as a reviewer works through them: violations before warnings,
// each with its figures, its basis and the words it rests on, and a decision that
// survives re-running the review (the backend keys decisions by finding key).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import { call } from '../api';
import { FINDINGS_TEXT, errorMessage, savedReviewer, useText } from './i18n';
import type { FindingView, PageRef } from '../../../shared/api';
import type { FindingStatus, Severity } from '../../../shared/vocab';
import './findings.css';
import { FindingCard } from './FindingCard';
import { useVirtualRows } from '../virtual/useVirtualRows';

interface Props {
  caseId: string;
  /** Bumped when a review of the case ends: the list is asked again, drafts and filters kept. */
  version?: number;
  /** A review is reading the case: an empty list is not yet "no issues found". */
  reviewing?: boolean;
  onOpen: (ref: PageRef) => void;
  /** A narrow side panel: one finding open at a time, the rest as one-line rows. */
  compact?: boolean;
}

const SEVERITIES: readonly Severity[] = ['violation', 'warning'];

/** The list as rows: each severity's heading, then its cards (only the rows in view are rendered). */
type Row = { kind: 'head'; severity: Severity; n: number } | { kind: 'card'; finding: FindingView };
const STATUSES: readonly FindingStatus[] = ['open', 'confirmed', 'dismissed'];

type Filter<T extends string> = T | 'all';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Violations first; within a severity, what is still found before what a re-run no longer finds. */
function ordered(list: FindingView[]): FindingView[] {
  const rank = (f: FindingView) => SEVERITIES.indexOf(f.severity) * 2 + (f.change === 'resolved' ? 1 : 0);
  return list
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
    .map(({ f }) => f);
}

export function FindingsPanel({ caseId, version = 0, reviewing = false, onOpen, compact = false }: Props) {
  const { text, lang } = useText(FINDINGS_TEXT);
  const [findings, setFindings] = useState<FindingView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [severity, setSeverity] = useState<Filter<Severity>>('all');
  const [status, setStatus] = useState<Filter<FindingStatus>>('all');
  const [rule, setRule] = useState<string>('all');
  const [selected, setSelected] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState<string | null>(null);
  const [decideError, setDecideError] = useState<{ key: string; message: string } | null>(null);
  const cards = useRef(new Map<string, HTMLElement>());

  useEffect(() => {
    setFindings(null);
  }, [caseId]);
  useEffect(() => {
    let live = true;
    setLoadError(null);
    call('listFindings', { caseId, includeResolved: true }).then(
      (list) => {
        if (live) setFindings(ordered(list));
      },
      (err: unknown) => {
        if (live) setLoadError(errorMessage(err));
      },
    );
    return () => {
      live = false;
    };
  }, [caseId, version]);

  // The filter names each rule as the cards do; its id stays the option's value.
  const rules = useMemo(() => {
    const byRule = new Map((findings ?? []).map((f) => [f.rule, f.title] as const));
    return [...byRule].map(([id, title]) => ({ id, title })).sort((a, b) => a.title.zh.localeCompare(b.title.zh, 'zh'));
  }, [findings]);
  const shown = useMemo(
    () =>
      (findings ?? []).filter(
        (f) =>
          (severity === 'all' || f.severity === severity) &&
          (status === 'all' || f.status === status) &&
          (rule === 'all' || f.rule === rule),
      ),
    [findings, severity, status, rule],
  );
  const rows = useMemo<Row[]>(
    () =>
      SEVERITIES.flatMap((severity) => {
        const items = shown.filter((f) => f.severity === severity);
        return items.length === 0
          ? []
          : [{ kind: 'head' as const, severity, n: items.length }, ...items.map((finding) => ({ kind: 'card' as const, finding }))];
      }),
    [shown],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  const keyOf = useCallback(
    (i: number) => {
      const r = rows[i];
      return !r ? String(i) : r.kind === 'head' ? `s:${r.severity}` : r.finding.key;
    },
    [rows],
  );
  const virtual = useVirtualRows({ count: rows.length, keyOf, estimate: compact ? 44 : 180, scrollRef });
  const { scrollToIndex } = virtual;
  const counts = useMemo(() => {
    const active = (findings ?? []).filter((f) => f.change !== 'resolved');
    return {
      violation: active.filter((f) => f.severity === 'violation').length,
      warning: active.filter((f) => f.severity === 'warning').length,
      open: active.filter((f) => f.status === 'open').length,
    };
  }, [findings]);

  const decide = useCallback(
    async (finding: FindingView, next: FindingStatus) => {
      const note = drafts[finding.key] ?? finding.note;
      setSaving(finding.key);
      setDecideError(null);
      try {
        const reviewer = savedReviewer();
        const updated = await call('decideFinding', { caseId, key: finding.key, status: next, note, ...(reviewer ? { reviewer } : {}) });
        setFindings((list) => list?.map((f) => (f.key === updated.key ? updated : f)) ?? null);
        setDrafts(({ [finding.key]: _done, ...rest }) => rest);
      } catch (err) {
        setDecideError({ key: finding.key, message: errorMessage(err) });
      } finally {
        setSaving(null);
      }
    },
    [caseId, drafts],
  );

  // The card moved to may be far down a long list and not rendered yet: its row is scrolled to first.
  const select = useCallback(
    (key: string, focus: boolean) => {
      setSelected(key);
      if (!focus) return;
      const row = rows.findIndex((r) => r.kind === 'card' && r.finding.key === key);
      if (row >= 0) scrollToIndex(row);
      requestAnimationFrame(() => {
        const el = cards.current.get(key);
        el?.focus({ preventScroll: true });
        el?.scrollIntoView({ block: 'nearest' });
      });
    },
    [rows, scrollToIndex],
  );

  const onKeyDown = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey || shown.length === 0) return;
    const index = shown.findIndex((f) => f.key === selected);
    const current = shown[index];
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const next = shown[index < 0 ? 0 : Math.min(shown.length - 1, Math.max(0, index + (e.key === 'ArrowDown' ? 1 : -1)))];
      if (next) select(next.key, true);
    } else if ((e.key === 'c' || e.key === 'd') && current && saving === null) {
      void decide(current, e.key === 'c' ? 'confirmed' : 'dismissed');
    } else {
      return;
    }
    e.preventDefault();
  };

  if (loadError)
    return (
      <p className="error-text pane-empty" role="alert">
        {text('findings.error', { message: loadError })}
      </p>
    );
  if (!findings) return <p className="muted pane-empty">{text('findings.loading')}</p>;

  return (
    <div className={`findings${compact ? ' findings--compact' : ''}`} data-testid="findings-panel" onKeyDown={onKeyDown}>
      <div className="findings-head">
        <h2 className="findings-title">{text('findings.heading')}</h2>
        <span className="findings-counts small" data-testid="findings-counts">
          <span className="finding-count--violation">
            {text('severity.violation')} {counts.violation}
          </span>
          <span className="finding-count--warning">
            {text('severity.warning')} {counts.warning}
          </span>
          <span className="muted">
            {text('status.open')} {counts.open}
          </span>
        </span>
        {!compact && <span className="muted small findings-keys">{text('findings.keys')}</span>}
      </div>
      {findings.length > 0 && (
        <div className="findings-filters small">
          <label>
            <span className="muted">{text('findings.filter.severity')}</span>
            <select value={severity} onChange={(e) => setSeverity(e.target.value as Filter<Severity>)} data-testid="filter-severity">
              <option value="all">{text('findings.filter.all')}</option>
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {text(`severity.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="muted">{text('findings.filter.status')}</span>
            <select value={status} onChange={(e) => setStatus(e.target.value as Filter<FindingStatus>)} data-testid="filter-status">
              <option value="all">{text('findings.filter.all')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {text(`status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="muted">{text('findings.filter.rule')}</span>
            <select value={rule} onChange={(e) => setRule(e.target.value)} data-testid="filter-rule">
              <option value="all">{text('findings.filter.all')}</option>
              {rules.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.title[lang] || r.title.zh}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <div className="findings-scroll" tabIndex={0} aria-label={text('findings.keys')} ref={scrollRef}>
        {findings.length === 0 && <p className="muted pane-empty">{text(reviewing ? 'findings.pending' : 'findings.empty')}</p>}
        {findings.length > 0 && shown.length === 0 && <p className="muted pane-empty">{text('findings.emptyFiltered')}</p>}
        <div style={{ height: virtual.totalHeight, position: 'relative' }}>
          {virtual.rows.map(({ index, key, top }) => {
            const r = rows[index]!;
            // flow-root: a card's margins are inside the measured row, so rows never overlap.
            const place = { position: 'absolute', top, left: 0, right: 0, display: 'flow-root' } as const;
            if (r.kind === 'head')
              return (
                <div key={key} ref={virtual.measure(key)} style={place} className="findings-group" data-testid="findings-group">
                  <h3 className={`findings-group-title findings-group-title--${r.severity}`}>
                    {text(`severity.${r.severity}`)} <span className="tabular">{r.n}</span>
                  </h3>
                </div>
              );
            const f = r.finding;
            return (
              <div key={key} ref={virtual.measure(key)} style={place} className="findings-group" data-index={index}>
                <FindingCard
                  finding={f}
                  text={text}
                  lang={lang}
                  expanded={!compact || selected === f.key}
                  selected={selected === f.key}
                  draft={drafts[f.key] ?? f.note}
                  saving={saving === f.key}
                  error={decideError?.key === f.key ? decideError.message : null}
                  cardRef={(el) => {
                    if (el) cards.current.set(f.key, el);
                    else cards.current.delete(f.key);
                  }}
                  onSelect={() => select(f.key, false)}
                  onDraft={(note) => setDrafts((d) => ({ ...d, [f.key]: note }))}
                  onDecide={(next) => void decide(f, next)}
                  onOpen={onOpen}
                />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
