// Over 400 lines on purpose: one keyboard-driven grid whose cursor, folded topics and flashed marks every row shares;
// its labels and the transcript's parsing already live in labels.tsx and transcript.ts.
// Records side by side: one row per topic in the order an account is read, each
// column's answers under the question that drew them, and the words where the
// records disagree marked in both columns. Every answer leads to its page.
import { Fragment, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { PageRef, StatementComparison, StatementTopic } from '../../../shared/api';
import type { Text } from '../findings/i18n';
import { TOPIC_LABELS } from './i18n';
import type { CompareKey } from './i18n';
import { RoleChip, columnName, differenceLabel, pageRange, recordSession, startTime } from './labels';
import { cleanTranscript, segmentAnswer } from './transcript';
import type { MarkedRange } from './transcript';

type Column = StatementComparison['columns'][number];
type Turn = Column['turns'][number];

/** Who the person is and how the session was opened: read once, then folded away. */
const FOLDED: ReadonlySet<StatementTopic> = new Set(['identity', 'procedure']);
const FLASH_MS = 1800;

export interface ComparisonState {
  unfolded: boolean;
  current: number | null;
  scrollTop: number;
}

interface Props {
  data: StatementComparison;
  initial: ComparisonState;
  note: string | null;
  text: Text<CompareKey>;
  lang: 'zh' | 'en';
  onOpen(ref: PageRef): void;
  onBack(): void;
  onState(patch: Partial<ComparisonState>): void;
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** A control that Enter already means something for. */
function isControl(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('button, a[href], input, select, textarea, [role="button"]') !== null;
}

function pageRef(col: Column, page: number, words: string): PageRef {
  return { document: col.document, documentTitle: col.title, fileId: col.fileId, file: col.file, page, text: words };
}

/** The first line of an answer: words CaseView can find on the page to light it up. */
function firstLine(answer: string): string {
  return answer.split('\n')[0]?.trim().slice(0, 40) ?? '';
}

export function Comparison({ data, initial, note, text, lang, onOpen, onBack, onState }: Props) {
  const { columns, rows, differences } = data;
  const [unfolded, setUnfolded] = useState(initial.unfolded);
  const [current, setCurrent] = useState<number | null>(
    initial.current !== null && initial.current < differences.length ? initial.current : null,
  );
  const [flash, setFlash] = useState<{ index: number; nonce: number } | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const entries = useRef(new Map<number, HTMLButtonElement>());

  // Where each difference's words stand: column → turn → ranges in the raw answer.
  const marked = useMemo(() => {
    const byTurn = new Map<string, MarkedRange[]>();
    differences.forEach((d, index) => {
      for (const s of d.sides) {
        const key = `${s.column}:${s.turn}`;
        byTurn.set(key, [...(byTurn.get(key) ?? []), { start: s.start, end: s.end, difference: index }]);
      }
    });
    return byTurn;
  }, [differences]);

  const turnsOf = useMemo(() => columns.map((c) => new Map(c.turns.map((t) => [t.index, t]))), [columns]);
  const topicOf = useCallback(
    (column: number, turn: number): StatementTopic | null => turnsOf[column]?.get(turn)?.topic ?? null,
    [turnsOf],
  );

  const openRows = rows.filter((r) => !FOLDED.has(r.topic));
  const foldedRows = rows.filter((r) => FOLDED.has(r.topic));
  const foldedCount = foldedRows.reduce((n, r) => n + r.cells.reduce((m, c) => m + c.length, 0), 0);

  const toggleFold = useCallback(() => {
    setUnfolded(!unfolded);
    onState({ unfolded: !unfolded });
  }, [unfolded, onState]);

  /** Shows a difference: both sides scrolled into view and lit for a moment. */
  const reveal = useCallback(
    (index: number, focusEntry: boolean) => {
      const d = differences[index];
      if (!d) return;
      if (d.sides.some((s) => FOLDED.has(topicOf(s.column, s.turn) ?? 'other'))) {
        setUnfolded(true);
        onState({ unfolded: true });
      }
      setCurrent(index);
      onState({ current: index });
      setFlash({ index, nonce: Date.now() });
      if (focusEntry) entries.current.get(index)?.focus({ preventScroll: true });
    },
    [differences, topicOf, onState],
  );

  const openDifference = useCallback(
    (index: number) => {
      const d = differences[index];
      const side = d?.sides[0];
      const col = side ? columns[side.column] : undefined;
      if (side && col) onOpen(pageRef(col, side.page, side.words));
    },
    [differences, columns, onOpen],
  );

  const step = useCallback(
    (delta: 1 | -1) => {
      if (differences.length === 0) return;
      const next =
        current === null ? (delta > 0 ? 0 : differences.length - 1) : (current + delta + differences.length) % differences.length;
      reveal(next, true);
    },
    [current, differences.length, reveal],
  );

  // Scrolls after the render that may have unfolded the rows the words are in.
  useEffect(() => {
    if (!flash) return;
    const scroller = scrollRef.current;
    if (scroller) {
      const marks = [...scroller.querySelectorAll<HTMLElement>(`.cmp-grid mark[data-differences~="${flash.index}"]`)];
      if (marks.length > 0) {
        const box = scroller.getBoundingClientRect();
        const head = headRef.current?.offsetHeight ?? 0;
        const tops = marks.map((m) => m.getBoundingClientRect().top - box.top + scroller.scrollTop);
        const bottoms = marks.map((m) => m.getBoundingClientRect().bottom - box.top + scroller.scrollTop);
        const top = Math.min(...tops);
        const span = Math.max(...bottoms) - top;
        const room = scroller.clientHeight - head;
        // Both sides in view, centred, when they fit; otherwise the first one under the header.
        const target = span < room - 32 ? top - head - (room - span) / 2 : top - head - 16;
        scroller.scrollTo({ top: Math.max(0, target) });
      }
    }
    const timer = window.setTimeout(() => setFlash(null), FLASH_MS);
    return () => window.clearTimeout(timer);
  }, [flash]);

  // Restores the reader's place when the view comes back (after a jump to a page).
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current) return;
    restored.current = true;
    if (scrollRef.current && initial.scrollTop > 0) scrollRef.current.scrollTop = initial.scrollTop;
    if (current !== null) entries.current.get(current)?.focus({ preventScroll: true });
    else scrollRef.current?.focus({ preventScroll: true });
  }, [initial.scrollTop, current]);

  // Captured before the case's own keys: here n/p/f/Enter/Escape mean the comparison's.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      // Keys meant for the case bar (its export dialog, its search) stay theirs.
      const inside = e.target === document.body || (e.target instanceof Node && rootRef.current?.contains(e.target) === true);
      if (!inside) return;
      switch (e.key) {
        case 'n':
        case 'j':
          step(1);
          break;
        case 'p':
        case 'k':
          step(-1);
          break;
        case 'f':
          toggleFold();
          break;
        case 'Escape':
          onBack();
          break;
        case 'Enter': {
          const entry = e.target instanceof HTMLElement ? e.target.closest<HTMLElement>('[data-difference-entry]') : null;
          if (entry) openDifference(Number(entry.dataset.differenceEntry));
          else if (!isControl(e.target) && current !== null) openDifference(current);
          else return;
          break;
        }
        default:
          return;
      }
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [step, toggleFold, onBack, openDifference, current]);

  const onListKey = (e: ReactKeyboardEvent<HTMLOListElement>): void => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    step(e.key === 'ArrowDown' ? 1 : -1);
  };

  const renderTurn = (c: number, turn: Turn) => {
    const col = columns[c];
    if (!col) return null;
    const segments = segmentAnswer(turn.answer, marked.get(`${c}:${turn.index}`) ?? []);
    return (
      <div key={turn.index} className="cmp-turn" data-turn={turn.index}>
        <p className="cmp-q">
          <span className="cmp-qa">{text('compare.question')}</span>
          {cleanTranscript(turn.question).text}
        </p>
        <p className="cmp-a">
          <span className="cmp-qa">{text('compare.answer')}</span>
          {segments.map((s, i) => {
            if (s.differences.length === 0) return <Fragment key={i}>{s.text}</Fragment>;
            const lit = flash !== null && s.differences.includes(flash.index);
            const on = current !== null && s.differences.includes(current);
            return (
              <Fragment key={i}>
                <mark
                  key={lit ? `lit:${flash.nonce}` : 'mark'}
                  className={`cmp-mark${on ? ' cmp-mark--current' : ''}${lit ? ' cmp-mark--flash' : ''}`}
                  data-testid="compare-mark"
                  data-column={c}
                  data-differences={s.differences.join(' ')}
                  title={s.differences
                    .map((d) => {
                      const dd = differences[d];
                      return dd ? differenceLabel(dd, text, lang) : '';
                    })
                    .join('；')}
                  onClick={() => {
                    const d = s.differences[0];
                    if (d !== undefined) reveal(d, true);
                  }}
                >
                  {s.text}
                </mark>
                {s.ending.map((d) => {
                  const dd = differences[d];
                  return dd ? (
                    <span key={`tag:${d}`} className="cmp-tag" data-testid="compare-tag">
                      {differenceLabel(dd, text, lang)}
                    </span>
                  ) : null;
                })}
              </Fragment>
            );
          })}
          <button
            type="button"
            className="cmp-page"
            onClick={() => onOpen(pageRef(col, turn.page, firstLine(turn.answer)))}
            title={text('compare.openPage', { page: turn.page })}
          >
            {text('compare.page', { page: turn.page })}
          </button>
        </p>
      </div>
    );
  };

  const renderRow = (row: StatementComparison['rows'][number]) => {
    const differs = row.cells.some((cell, c) => cell.some((t) => marked.has(`${c}:${t}`)));
    return (
      <div
        key={row.topic}
        className={`cmp-row${differs ? ' cmp-row--differs' : ''}`}
        role="row"
        data-testid="compare-row"
        data-topic={row.topic}
      >
        <div className="cmp-label" role="rowheader">
          {TOPIC_LABELS[row.topic]?.[lang] ?? TOPIC_LABELS.other[lang]}
        </div>
        {row.cells.map((cell, c) => (
          <div key={c} className="cmp-cell" role="cell" data-column={c}>
            {cell.length === 0 ? (
              <span className="cmp-empty">{text('compare.notAsked')}</span>
            ) : (
              cell.map((index) => {
                const t = turnsOf[c]?.get(index);
                return t ? renderTurn(c, t) : null;
              })
            )}
          </div>
        ))}
      </div>
    );
  };

  return (
    <div className="cmp-view" ref={rootRef} data-testid="compare-view" style={{ ['--cmp-columns' as string]: columns.length }}>
      <div className="cmp-bar">
        <button type="button" className="button button--small button--quiet" onClick={onBack} data-testid="compare-back">
          ← {text('compare.back')}
        </button>
        <span className="muted small cmp-keys-inline">{text('compare.keys')}</span>
      </div>
      <div className="cmp-scroll" ref={scrollRef} tabIndex={-1} onScroll={(e) => onState({ scrollTop: e.currentTarget.scrollTop })}>
        {note && (
          <p className="notice cmp-note" role="status">
            {note}
          </p>
        )}
        {differences.length > 0 ? (
          <section className="cmp-differences" aria-label={text('compare.differences', { n: differences.length })}>
            <h3 className="cmp-differences-title">{text('compare.differences', { n: differences.length })}</h3>
            <ol className="cmp-difference-list" data-testid="compare-differences" onKeyDown={onListKey}>
              {differences.map((d, i) => (
                <li key={i}>
                  <button
                    type="button"
                    ref={(el) => {
                      if (el) entries.current.set(i, el);
                      else entries.current.delete(i);
                    }}
                    className={`cmp-difference${current === i ? ' cmp-difference--current' : ''}`}
                    data-testid="compare-difference"
                    data-difference-entry={i}
                    aria-current={current === i ? 'true' : undefined}
                    onClick={() => reveal(i, false)}
                  >
                    <span className="cmp-difference-label">{differenceLabel(d, text, lang)}</span>
                    {d.sides.map((s, k) => (
                      <Fragment key={k}>
                        {k > 0 && (
                          <span className="cmp-versus" aria-hidden="true">
                            {text('compare.versus')}
                          </span>
                        )}
                        <span className="cmp-side">
                          <span className="cmp-side-who">{columnName(columns, s.column, text)}</span>
                          <span className="cmp-side-words">{cleanTranscript(s.words).text}</span>
                          <span className="cmp-side-page muted tabular">{text('compare.page', { page: s.page })}</span>
                        </span>
                      </Fragment>
                    ))}
                  </button>
                </li>
              ))}
            </ol>
          </section>
        ) : (
          <div className="cmp-clear" data-testid="compare-no-differences" role="status">
            <strong>{text('compare.noDifferences')}</strong>
            <span className="muted small">{text('compare.noDifferencesHint')}</span>
          </div>
        )}
        <div
          className={`cmp-grid cmp-grid--${lang}`}
          role="table"
          aria-label={columns.map((c, i) => `${c.personName ?? ''} ${columnName(columns, i, text)}`).join('、')}
        >
          <div className="cmp-row cmp-row--head" role="row" ref={headRef}>
            <div className="cmp-label" role="columnheader">
              {text('compare.topic')}
            </div>
            {columns.map((col, c) => (
              <div key={col.document} className="cmp-head" role="columnheader" data-testid="compare-column-head" data-column={c}>
                <div className="cmp-head-who">
                  <span className="cmp-head-name">{col.personName ?? col.title}</span>
                  <RoleChip role={col.role} text={text} lang={lang} />
                  <span className="toolbar-spacer" />
                  <button
                    type="button"
                    className="button button--small cmp-head-page"
                    data-testid="compare-column-page"
                    onClick={() => onOpen(pageRef(col, col.page, ''))}
                    title={text('compare.openPage', { page: col.page })}
                  >
                    {pageRange(col, text)}
                  </button>
                </div>
                <div className="cmp-head-meta small">
                  <span className="cmp-head-session">{recordSession(col, text)}</span>
                  {col.start && <span className="muted tabular">{startTime(col.start)}</span>}
                </div>
              </div>
            ))}
          </div>
          {openRows.map(renderRow)}
          {foldedRows.length > 0 && (
            <div className="cmp-fold" role="row">
              <button type="button" className="cmp-fold-button" aria-expanded={unfolded} onClick={toggleFold} data-testid="compare-fold">
                <span aria-hidden="true">{unfolded ? '▾' : '▸'}</span>{' '}
                {unfolded ? text('compare.fold') : text('compare.unfold', { n: foldedCount })}
                <kbd className="cmp-kbd">f</kbd>
              </button>
            </div>
          )}
          {unfolded && foldedRows.map(renderRow)}
        </div>
      </div>
    </div>
  );
}
